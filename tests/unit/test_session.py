"""The session without the screen: edits, undo and redo, what is unsaved, saving and reloading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.core import edits
from planner.core.session import EDITED, OPENED, REDONE, RELOADED, SAVED, UNDONE, Change, Session
from planner.core.storage import PlanFileError, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A copy of Alex's plan in a folder of its own."""
    path = tmp_path / "alex.toml"
    shutil.copy(FIXTURES / "alex.toml", path)
    return path


def opened(path: Path) -> tuple[Session, list[Change]]:
    """A session on the plan at `path`, and the changes it tells of."""
    session = Session(str(path), load(str(path)))
    changes: list[Change] = []
    session.subscribe(changes.append)
    return session, changes


def move_later(session: Session) -> edits.Edit:
    """An edit that moves the plan's first item a term later."""
    edit = edits.move_item(session.plan, session.plan.items[0], 1)
    assert edit is not None
    return edit


def test_a_loaded_plan_is_not_modified_and_a_new_one_is(plan_path: Path, tmp_path: Path) -> None:
    session, _ = opened(plan_path)
    assert not session.modified and session.disk_text == plan_path.read_text()
    new = Session(str(tmp_path / "new.toml"))
    assert new.modified and new.disk_text is None and new.plan.items == []


def test_apply_undo_and_redo_tell_what_changed(plan_path: Path) -> None:
    session, changes = opened(plan_path)
    first = session.plan.items[0]
    before, version = str(first.start), session.version
    edit = move_later(session)
    focus = session.apply(edit)
    assert focus is not None and focus.id == first.id and str(focus.start) != before
    assert session.modified and session.version != version
    assert changes[-1] == Change(EDITED, focus, edit)

    undone = session.undo()
    assert undone is not None and undone[0] is edit and str(session.plan.items[0].start) == before
    assert not session.modified and changes[-1].kind == UNDONE
    redone = session.redo()
    assert redone is not None and redone[0] is edit and session.modified and changes[-1].kind == REDONE
    assert [change.kind for change in changes] == [EDITED, UNDONE, REDONE]


def test_nothing_to_do_tells_nothing(plan_path: Path) -> None:
    session, changes = opened(plan_path)
    assert session.apply(None) is None
    assert session.undo() is None and session.redo() is None
    assert changes == []


def test_save_writes_the_plan_and_clears_modified(plan_path: Path) -> None:
    session, changes = opened(plan_path)
    session.apply(move_later(session))
    saved = session.save()
    assert saved.path == str(plan_path) and plan_path.read_text() == saved.text == session.disk_text
    assert not session.modified and changes[-1] == Change(SAVED)
    assert not changes[-1].plan_changed
    assert str(load(str(plan_path)).plan.items[0].start) == str(session.plan.items[0].start)


def test_an_edit_made_while_saving_stays_unsaved(plan_path: Path) -> None:
    session, _ = opened(plan_path)
    session.apply(move_later(session))
    job = session.save_job()
    session.apply(move_later(session))  # made while the job is written
    session.saved(job, job.run())
    assert session.modified
    session.undo()
    assert not session.modified  # the state the job wrote is the one on disk


def test_save_as_moves_the_session_to_the_new_file(plan_path: Path, tmp_path: Path) -> None:
    session, _ = opened(plan_path)
    before = plan_path.read_text()
    session.apply(move_later(session))
    other = tmp_path / "other.toml"
    session.save(str(other))
    assert session.path == str(other) and not session.modified
    assert plan_path.read_text() == before and other.read_text() == session.disk_text


def test_a_failed_save_raises_and_keeps_the_edits(plan_path: Path, tmp_path: Path) -> None:
    session, changes = opened(plan_path)
    session.apply(move_later(session))
    with pytest.raises(PlanFileError):
        session.save(str(tmp_path / "no-such-folder" / "plan.toml"))
    assert session.modified and session.path == str(plan_path) and changes[-1].kind == EDITED


def test_changed_on_disk_and_reload(plan_path: Path) -> None:
    session, changes = opened(plan_path)
    session.apply(move_later(session))
    assert not session.changed_on_disk()
    plan_path.write_text(plan_path.read_text().replace("Alex", "Alexis", 1))
    assert session.changed_on_disk() and session.changed_on_disk(str(plan_path))
    assert not session.changed_on_disk(str(plan_path) + ".other")  # not the plan's file
    loaded = session.reload()
    assert changes[-1].kind == RELOADED and changes[-1].plan_changed
    assert not session.modified and not session.history.can_undo
    assert session.disk_text == loaded.text == plan_path.read_text() and not session.changed_on_disk()


def test_a_removed_file_counts_as_changed_and_is_not_reloaded(plan_path: Path) -> None:
    session, _ = opened(plan_path)
    plan_path.unlink()
    assert session.changed_on_disk()
    with pytest.raises(PlanFileError):
        session.reload()
    assert session.disk_text is not None  # nothing taken in


def test_restored_edits_count_as_unsaved_until_saved(plan_path: Path) -> None:
    session, changes = opened(plan_path)
    restored = load(str(plan_path)).plan
    session.open(restored, restored_from=str(plan_path) + ".recovered")
    assert session.plan is restored and session.modified and changes[-1].kind == OPENED
    assert not session.history.can_undo
    session.save()
    assert not session.modified and session.restored_from is None


def test_the_pack_is_the_one_the_plan_names_and_read_again_when_that_changes(plan_path: Path) -> None:
    from planner.core.packs import default_pack

    session, _ = opened(plan_path)
    assert session.pack.id == default_pack().id and session.pack is session.pack
    session.plan.rules = "no-such-pack"
    assert session.pack.id == default_pack().id and session.pack_problem is not None
    session.plan.rules = None
    assert session.pack.id == default_pack().id and session.pack_problem is None
