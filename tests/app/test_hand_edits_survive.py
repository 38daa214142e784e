"""Hand edits survive the app's saves (issue 11): a save after a move, a comment typed in the app,
a waiver, or restoring a recovery file changes only the lines of the edit, on a plan kept by hand
with comments everywhere, and leaves no backup."""

from __future__ import annotations

import datetime
import difflib
import os
import shutil
import tomllib

from planner.app.screens.advisor_dialogs import AddCommentScreen
from planner.app.screens.recovery import RecoveryScreen
from planner.core import edits
from planner.core.recovery import write_recovery
from planner.core.storage import load
from tests.app.helpers import FIXTURES, notices, open_app, screen_words, settle

STYLED = FIXTURES / "styled" / "commented.toml"


def hand_kept(tmp_path):
    path = tmp_path / "alex.toml"
    shutil.copy(STYLED, path)
    return path


def changes(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [(old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


async def saved(pilot, app) -> None:
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert not app.modified


async def test_a_move_saved_by_the_app_changes_two_lines(tmp_path):
    path = hand_kept(tmp_path)
    before = path.read_text()
    app = open_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        await saved(pilot, app)
        assert "comments" not in notices(app).lower()
    assert changes(before, path.read_text()) == [
        (
            ['start = "2027-fall"\n', 'end = "2029-spring"\n'],
            ['start = "2028-spring"\n', 'end = "2029-summer"\n'],
        )
    ]
    assert os.listdir(tmp_path) == ["alex.toml"]


async def test_a_comment_typed_in_the_app_is_one_new_table(tmp_path):
    path = hand_kept(tmp_path)
    before = path.read_text()
    app = open_app(path)
    app.fixed_date = datetime.date(2026, 12, 3)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, AddCommentScreen)
        await pilot.press(*"Evening classes suit you.", "ctrl+s")
        await pilot.pause()
        await saved(pilot, app)
    ((removed, added),) = changes(before, path.read_text())
    assert removed == []
    assert tomllib.loads("".join(added)) == {
        "comments": [
            {
                "author": "Alex Rivera",
                "date": datetime.date(2026, 12, 3),
                "item": "aas",
                "text": "Evening classes suit you.",
            }
        ]
    }


async def test_a_waiver_saved_by_the_app_is_one_new_table(tmp_path):
    path = hand_kept(tmp_path)
    before = path.read_text()
    app = open_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        waiver = edits.add_waiver(app.plan, "associate-coursework", "aas", "J. Kim", "Transcript on file.")
        app.apply(waiver)
        await pilot.pause()
        await saved(pilot, app)
    ((removed, added),) = changes(before, path.read_text())
    assert removed == [] and [entry["rule"] for entry in tomllib.loads("".join(added))["waivers"]] == [
        "associate-coursework"
    ]


async def test_restoring_a_recovery_file_and_saving_changes_only_what_it_recovered(tmp_path):
    path = hand_kept(tmp_path)
    before = path.read_text()
    plan = load(str(path)).plan
    plan.item("stats").set("start", "2028-fall")
    write_recovery(plan, str(path))
    app = open_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(
            pilot, lambda: isinstance(app.screen, RecoveryScreen) and "Compared" in screen_words(app)
        )
        await pilot.click("#restore")
        await pilot.pause()
        await saved(pilot, app)
    assert changes(before, path.read_text()) == [(['start = "2028-summer"\n'], ['start = "2028-fall"\n'])]
    assert os.listdir(tmp_path) == ["alex.toml"]  # the recovery file went, no backup came
