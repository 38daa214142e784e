"""Saving when things go wrong: a file changed elsewhere, a read-only file or folder, a full disk,
an I/O error, a symlink, comments, stray temporaries. The edits always stay in the app, and the
file on disk is always one whole version."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.save_as import SaveAsScreen
from planner.core import storage
from planner.core.storage import load
from tests.app.helpers import notices, open_app, screen_words, settle

THEIRS = 'title = "Edited in vim"'


def edit_elsewhere(plan_path) -> str:
    text = plan_path.read_text().replace('title = "Alex: RHIT, then coding"', THEIRS)
    plan_path.write_text(text)
    return text


async def save_and_wait(pilot, app, *keys: str) -> None:
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def changed_dialog(pilot, app) -> None:
    await pilot.press("greater_than_sign", "ctrl+s")
    await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    assert app.screen.question == "The file changed on disk"
    assert [key for key, _label in app.screen.answers] == ["save_as", "overwrite", "reload", "cancel"]


# --- changed on disk: each of the three choices ------------------------------------------------


async def test_changed_on_disk_then_save_as_keeps_both_versions(plan_path, tmp_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        theirs = edit_elsewhere(plan_path)
        await changed_dialog(pilot, app)
        await pilot.click("#save_as")
        await settle(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        field = app.screen.query_one("#save-as-path")
        assert field.value == str(tmp_path / "alex-mine.toml")  # a new name beside it is proposed
        await save_and_wait(pilot, app, "enter")
        assert app.path == str(tmp_path / "alex-mine.toml") and not app.modified
    assert plan_path.read_text() == theirs
    assert str(load(str(tmp_path / "alex-mine.toml")).plan.item("aas").start) == "2028-spring"


async def test_changed_on_disk_then_overwrite_keeps_theirs_beside(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        theirs = edit_elsewhere(plan_path)
        await changed_dialog(pilot, app)
        await pilot.click("#overwrite")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.modified
        assert "Saved over the other version, which is kept in" in notices(app)
    assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"
    assert (plan_path.parent / "alex.toml.~1~").read_text() == theirs


async def test_changed_on_disk_then_reload_takes_theirs(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        theirs = edit_elsewhere(plan_path)
        await changed_dialog(pilot, app)
        await pilot.click("#reload")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.plan.title == "Edited in vim" and str(app.plan.item("aas").start) == "2027-fall"
        assert not app.modified
    assert plan_path.read_text() == theirs


async def test_save_and_quit_also_asks_when_the_file_changed(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        theirs = edit_elsewhere(plan_path)
        await pilot.press("greater_than_sign", "ctrl+q")
        await pilot.click("#save")
        await settle(pilot, lambda: getattr(app.screen, "question", "") == "The file changed on disk")
        await pilot.press("escape")
        assert not app._exit and app.modified
    assert plan_path.read_text() == theirs


async def test_a_plan_removed_on_disk_is_not_silently_written_again(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        plan_path.unlink()
        await pilot.press("greater_than_sign", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "was removed by another program" in app.screen.detail
        await pilot.click("#overwrite")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"


async def test_a_file_touched_but_not_changed_saves_without_asking(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        os.utime(plan_path, (1, 1))
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
        assert not isinstance(app.screen, ConfirmScreen) and not app.modified


# --- read-only, full disk, I/O errors ----------------------------------------------------------


def not_saved(app) -> str:
    return "\n".join(line for line in notices(app).splitlines() if line.startswith("Not saved"))


async def test_a_read_only_file_is_refused_in_one_sentence_and_the_edits_stay(plan_path):
    before = plan_path.read_text()
    plan_path.chmod(0o444)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
        message = not_saved(app)
        assert message == (
            f"Not saved (your edits are kept here): {plan_path}: the file is read-only, "
            "so the plan was not written over it"
        )
        assert app.modified and str(app.plan.item("aas").start) == "2028-spring"
    assert plan_path.read_text() == before


@pytest.mark.parametrize(
    ("target", "error", "words"),
    [
        ("tempfile.mkstemp", PermissionError(13, "Permission denied"), "the folder is not writable"),
        ("os.replace", OSError(28, "No space left on device"), "No space left on device"),
        ("os.fsync", OSError(5, "Input/output error"), "Input/output error"),
    ],
)
async def test_a_failed_write_leaves_the_old_file_and_keeps_the_edits(
    plan_path, monkeypatch, target, error, words
):
    before = plan_path.read_text()
    module = tempfile if target.startswith("tempfile") else storage.os

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(module, target.split(".")[1], broken)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
        message = not_saved(app)
        assert words in message and str(plan_path) in message and message.count("\n") == 0
        assert app.modified and str(app.plan.item("aas").start) == "2028-spring"
    monkeypatch.undo()
    assert plan_path.read_text() == before
    assert sorted(os.listdir(plan_path.parent)) == ["alex.toml"]


READ_ONLY_FOLDER = """
import asyncio, sys
from planner.core.storage import load
from planner.app.app import PlannerApp

async def main(path):
    app = PlannerApp(path, load(path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("greater_than_sign", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(app.modified, str(app.plan.item("aas").start))
        print("\\n".join(n.message for n in app._notifications))

asyncio.run(main(sys.argv[1]))
"""


def without_override() -> list[str] | None:
    """A command prefix under which root obeys file permissions (or [] when not root)."""
    if os.geteuid() != 0:
        return []
    probe = subprocess.run(["setpriv", "--bounding-set", "-dac_override", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_a_real_read_only_folder_keeps_the_edits_and_the_file(plan_path):
    prefix = without_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: a folder's permissions stop nothing")
    before = plan_path.read_text()
    plan_path.parent.chmod(0o555)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-c", READ_ONLY_FOLDER, str(plan_path)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        )
    finally:
        plan_path.parent.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True 2028-spring\n")
    assert "Not saved (your edits are kept here)" in result.stdout
    assert "the folder is not writable, so the plan cannot be saved there" in result.stdout
    assert plan_path.read_text() == before
    assert sorted(os.listdir(plan_path.parent)) == ["alex.toml"]


# --- links, comments, strays ---------------------------------------------------------------------


async def test_a_symlinked_plan_is_saved_through_the_link(plan_path, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(plan_path)
    app = open_app(link)
    async with app.run_test(size=(100, 30)) as pilot:
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
    assert link.is_symlink() and os.readlink(link) == str(plan_path)
    assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"


async def test_comments_stay_in_the_file_through_saves_and_no_backup_is_kept(plan_path):
    plan_path.write_text("# my notes\n" + plan_path.read_text())
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
        assert "TOML comments" not in notices(app)
    assert plan_path.read_text().startswith("# my notes\n")
    assert 'start = "2028-summer"\nend = "2029-fall"' in plan_path.read_text()
    assert os.listdir(plan_path.parent) == ["alex.toml"]


async def test_a_save_cleans_up_temporaries_left_by_a_killed_save(plan_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stray = plan_path.parent / f".alex.toml.{dead.stdout.strip()}.k1ll3d.tmp"
    stray.write_text("half a plan")
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await save_and_wait(pilot, app, "greater_than_sign", "ctrl+s")
    assert sorted(os.listdir(plan_path.parent)) == ["alex.toml"]


async def test_the_changed_on_disk_question_fits_at_80_columns(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        edit_elsewhere(plan_path)
        await changed_dialog(pilot, app)
        await pilot.pause()
        words = screen_words(app)
        for label in ("Save as…", "Overwrite", "Reload", "Cancel"):
            assert label in words
