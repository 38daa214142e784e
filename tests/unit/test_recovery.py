"""Recovery files: where unsaved edits are kept, how they are found, and how they differ."""

from __future__ import annotations

import os
import time
from pathlib import Path

from planner.core import recovery
from planner.core.model import Item
from planner.core.storage import load, parse_plan
from planner.core.text import printable

MINIMAL = 'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n'


def a_plan(*ids: str):
    plan = parse_plan(MINIMAL, "p")
    plan.items = [Item(id=item_id, requirement="course", start="2027-fall") for item_id in ids]
    return plan


def test_the_names_all_end_in_recovered_and_sit_beside_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(MINIMAL)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert recovery.recovery_path(str(link)) == str(real) + ".recovered"
    assert recovery.recovery_path(str(link), 3) == str(real) + ".3.recovered"


def test_a_second_session_takes_the_next_free_name_and_both_are_found_newest_first(tmp_path: Path) -> None:
    path = str(tmp_path / "plan.toml")
    first = recovery.write_recovery(a_plan("a"), path, recovery.free_recovery_path(path))
    assert first == path + ".recovered"
    second = recovery.free_recovery_path(path)
    assert second == path + ".2.recovered"
    recovery.write_recovery(a_plan("b"), path, second)
    past = time.time() - 60
    os.utime(first, (past, past))
    (tmp_path / "plan.toml.x.recovered").write_text("not one of ours")
    (tmp_path / "other.toml.recovered").write_text("another plan's")
    assert recovery.recovery_files(path) == [second, first]
    assert recovery.find_recovery(path) == second
    assert load(second).plan.items[0].id == "b"


def test_remove_says_whether_there_was_a_file(tmp_path: Path) -> None:
    path = str(tmp_path / "plan.toml")
    written = recovery.write_recovery(a_plan("a"), path)
    assert recovery.remove_recovery(written)
    assert not recovery.remove_recovery(written)
    assert recovery.find_recovery(path) is None


def test_a_missing_folder_has_no_recovery_files(tmp_path: Path) -> None:
    assert recovery.recovery_files(str(tmp_path / "nowhere" / "plan.toml")) == []


def test_describe_changes_counts_items_changed_added_and_removed() -> None:
    saved = a_plan("a", "b", "c")
    recovered = a_plan("a", "b", "d", "e")
    recovered.items[1].start = None
    recovered.title = "new title"
    lines = recovery.describe_changes(saved, recovered)
    assert lines == [
        "the title changed",
        "1 item changed: b",
        "2 items added: d, e",
        "1 item removed: c",
        "4 items in the recovered plan, 3 saved",
    ]


def test_describe_changes_of_an_unchanged_or_never_saved_plan() -> None:
    assert recovery.describe_changes(a_plan("a"), a_plan("a")) == ["nothing: it holds the plan as saved"]
    assert recovery.describe_changes(None, a_plan("a", "b")) == ["a plan that was never saved, with 2 items"]


def test_described_ids_are_plan_text_to_be_shown_through_printable() -> None:
    lines = recovery.describe_changes(a_plan(), a_plan("x\x1b]52;c;aGk=\x07"))
    assert printable(lines[0]) == "1 item added: x\\x1b]52;c;aGk=\\x07"


def test_a_live_session_s_file_is_not_a_leftover_until_that_session_ends(tmp_path: Path) -> None:
    path = str(tmp_path / "plan.toml")
    Path(path).write_text(MINIMAL)
    os.chmod(path, 0o600)
    first = recovery.SessionLock(path)
    number = first.free_number()
    written = recovery.write_recovery(a_plan("a"), path, recovery.recovery_path(path, number))
    assert oct(os.stat(recovery.lock_path(path, number)).st_mode & 0o777) == "0o600"
    # A second session on the plan sees the first running, and is offered nothing of it.
    assert recovery.open_elsewhere(path)
    assert recovery.is_live(path, written)
    assert recovery.leftover_files(path) == []
    second = recovery.SessionLock(path)
    assert second.free_number() == number + 1
    second.release()
    # The first ends without a save (a crash leaves the same: its lock goes with the process).
    first.release()
    assert not recovery.open_elsewhere(path)
    assert recovery.leftover_files(path) == [written]


def test_a_lock_file_is_never_made_through_a_link(tmp_path: Path) -> None:
    path = str(tmp_path / "plan.toml")
    Path(path).write_text(MINIMAL)
    elsewhere = tmp_path / "elsewhere"
    Path(recovery.lock_path(path)).symlink_to(elsewhere)
    session = recovery.SessionLock(path)
    assert session.free_number() == 2
    assert not elsewhere.exists()
    session.release()
    assert os.path.islink(recovery.lock_path(path))
