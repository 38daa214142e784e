"""Unsaved edits are kept in a recovery file beside the plan and offered back at the next start.

The file is kept current a moment after each edit (a real terminal does it by default; these
tests switch it on), goes once the edits are saved, undone or given up, and is never deleted
without the person's word.
"""

from __future__ import annotations

import asyncio
import os

from rich.text import Text

from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.new_plan import NewPlanScreen
from planner.app.screens.recovery import RecoveryScreen, written_when
from planner.core.recovery import write_recovery
from planner.core.storage import load
from tests.app.helpers import notices, open_app, screen_text, screen_words, settle
from tests.unit.plan_builders import item, plan


def recovered_copy(plan_path, start: str = "2028-spring") -> str:
    """Write a recovery file for the plan in which aas starts at `start` and rhit-exam is gone."""
    plan = load(str(plan_path)).plan
    plan.item("aas").set("start", start)
    plan.items = [item for item in plan.items if item.id != "rhit-exam"]
    return write_recovery(plan, str(plan_path))


async def offered(pilot, app) -> None:
    await settle(pilot, lambda: isinstance(app.screen, RecoveryScreen) and "Compared" in screen_words(app))


async def kept_current(pilot, app) -> None:
    """Let the keeper's timer fire and its thread finish (waiting up to 10 s: on a busy machine,
    other work the app does while idle, such as making its dialogs ahead, may come first)."""
    await asyncio.sleep(app.keeper.DELAY)
    deadline = asyncio.get_running_loop().time() + 10
    while app.keeper._timer is not None and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)
    assert app.keeper._timer is None, "the keeper's timer never fired"
    await app.workers.wait_for_complete()
    await pilot.pause()


def keeping(app):
    app.keeper.enabled = True
    app.keeper.DELAY = 0.05
    return app


async def test_the_offer_says_when_it_was_written_and_what_differs(plan_path):
    file = recovered_copy(plan_path)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await offered(pilot, app)
        words = screen_words(app)
        assert "written on " in words and "(just now)" in words
        assert "1 item changed: aas" in words and "1 item removed: rhit-exam" in words
        assert "3 items in the recovered plan, 4 saved" in words
        for label in ("Restore the edits", "Open as saved", "Delete the file"):
            assert label in words
    assert os.path.exists(file)


async def test_restore_opens_the_recovered_plan_unsaved_and_a_save_removes_the_file(plan_path):
    file = recovered_copy(plan_path)
    before = plan_path.read_text()
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await offered(pilot, app)
        await pilot.click("#restore")
        await pilot.pause()
        assert str(app.plan.item("aas").start) == "2028-spring" and app.plan.item("rhit-exam") is None
        assert app.modified and "unsaved changes" in screen_text(app)
        assert plan_path.read_text() == before and os.path.exists(file)  # nothing written yet
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.modified
        assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"
        assert not os.path.exists(file)
        assert "recovery file" in notices(app) and "is removed" in notices(app)


async def test_open_as_saved_keeps_the_file_and_says_where_it_is(plan_path):
    file = recovered_copy(plan_path)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await offered(pilot, app)
        await pilot.click("#keep")
        await pilot.pause()
        assert str(app.plan.item("aas").start) == "2027-fall" and not app.modified
        assert f"The recovered edits stay in {file}" in notices(app)
    assert os.path.exists(file)


async def test_escape_is_open_as_saved(plan_path):
    file = recovered_copy(plan_path)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await offered(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RecoveryScreen) and not app.modified
    assert os.path.exists(file)


async def test_delete_removes_the_file_only_when_chosen(plan_path):
    file = recovered_copy(plan_path)
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await offered(pilot, app)
        await pilot.click("#delete")
        await pilot.pause()
        assert not os.path.exists(file)
        assert f"Deleted {file}." in notices(app)
        assert str(app.plan.item("aas").start) == "2027-fall"


async def test_an_unreadable_recovery_file_is_shown_but_not_restorable_and_kept(plan_path):
    file = str(plan_path) + ".recovered"
    with open(file, "wb") as handle:
        handle.write(b'format = "hit-career-plan/1"\ntitle = "cut sho')
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: "cannot be restored" in screen_words(app))
        assert not app.screen.query("#restore")
        await pilot.press("escape")
    assert os.path.exists(file)


async def test_a_new_plan_restored_skips_the_questions_and_one_kept_asks_them(tmp_path):
    path = tmp_path / "new.toml"
    write_recovery(plan(item("aas", "associate-hit", "2027-fall")), str(path))  # never saved
    app = open_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: "a plan that was never saved" in screen_words(app))
        await pilot.click("#restore")
        await pilot.pause()
        assert not isinstance(app.screen, NewPlanScreen) and app.modified
    app = open_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, NewPlanScreen))
    assert not path.exists()


async def test_edits_are_kept_a_moment_later_and_go_when_undone_or_saved(plan_path):
    file = str(plan_path) + ".recovered"
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert str(load(file).plan.item("aas").start) == "2028-spring"
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert str(load(file).plan.item("aas").start) == "2028-summer"
        await pilot.press("u", "u")
        await kept_current(pilot, app)
        assert not os.path.exists(file)  # back to the plan as saved
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert os.path.exists(file)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await kept_current(pilot, app)
        assert not os.path.exists(file)
        await pilot.press("ctrl+q")
    assert not os.path.exists(file)


async def test_quit_without_saving_removes_this_sessions_file(plan_path):
    file = str(plan_path) + ".recovered"
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert os.path.exists(file)
        await pilot.press("ctrl+q")
        await pilot.click("#discard")
        await pilot.pause()
        assert app._exit
    assert not os.path.exists(file)


async def test_an_edit_undone_just_before_a_quit_leaves_no_file_and_no_crash_prompt(plan_path):
    file = str(plan_path) + ".recovered"
    app = keeping(open_app(plan_path))
    app.keeper.DELAY = 0.3
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert os.path.exists(file)
        await pilot.press("u", "q")  # at once: before the keeper's timer would remove the file
        await pilot.pause()
        assert app._exit
    assert not os.path.exists(file)
    again = open_app(plan_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, RecoveryScreen)


async def test_a_crash_with_unsaved_edits_keeps_them(plan_path):
    file = str(plan_path) + ".recovered"
    app = keeping(open_app(plan_path))
    app.keeper.DELAY = 60  # no write after the edit: only the crash writes
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        assert not os.path.exists(file)
        app.panic(Text("something went wrong"))  # what Textual does on an error it cannot handle
    assert str(load(file).plan.item("aas").start) == "2028-spring"


async def test_a_kept_file_is_never_written_over_by_the_next_session(plan_path):
    first = recovered_copy(plan_path, "2030-fall")
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await offered(pilot, app)
        await pilot.click("#keep")
        await pilot.press("3", "home", "less_than_sign")
        await kept_current(pilot, app)
        app.hang_up()
        await pilot.pause()
    assert str(load(first).plan.item("aas").start) == "2030-fall"
    second = str(plan_path) + ".2.recovered"
    assert str(load(second).plan.item("aas").start) == "2027-summer"

    app = open_app(plan_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await offered(pilot, app)
        assert "1 more recovery files (alex.toml.recovered)" in screen_words(app)


async def test_a_restored_session_that_quits_without_saving_leaves_the_file(plan_path):
    file = recovered_copy(plan_path)
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await offered(pilot, app)
        await pilot.click("#restore")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Quitting without saving leaves the recovered edits in {file}." in app.screen.detail
        await pilot.click("#discard")
        await pilot.pause()
        assert app._exit
    assert str(load(file).plan.item("aas").start) == "2028-spring"


async def test_a_restored_session_that_reloads_leaves_the_file_and_says_so(plan_path):
    file = recovered_copy(plan_path)
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await offered(pilot, app)
        await pilot.click("#restore")
        await pilot.press("f5")
        await pilot.click("#reload")
        await app.workers.wait_for_complete()
        await kept_current(pilot, app)
        assert str(app.plan.item("aas").start) == "2027-fall" and not app.modified
        assert "the recovered edits stay in" in notices(app)
    assert os.path.exists(file)


async def test_a_recovery_file_that_cannot_be_written_is_said_once(plan_path, monkeypatch):
    from planner.app import keeper
    from planner.core.storage import PlanFileError

    def refused(plan, path, target=None):
        raise PlanFileError(target, "the folder is not writable, so the plan cannot be saved there")

    monkeypatch.setattr(keeper, "write_recovery", refused)
    app = keeping(open_app(plan_path))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        await pilot.press("greater_than_sign")
        await kept_current(pilot, app)
        assert notices(app).count("cannot be kept in a recovery file") == 1
        assert app.modified


def test_written_when_reads_like_a_person_would_say_it():
    at = 1_800_000_000
    assert written_when(at, at + 30).endswith("(just now)")
    assert written_when(at, at + 600).endswith("(10 minutes ago)")
    assert written_when(at, at + 5 * 3600).endswith("(5 hours ago)")
    assert written_when(at, at + 3 * 86400).endswith("(3 days ago)")


async def test_your_own_plan_never_saved_is_kept_and_offered_back(tmp_path):
    from planner.app.app import PlannerApp
    from tests.app.helpers import TODAY

    own = tmp_path / "data" / "planner" / "plan.toml"  # `planner` without a file; no folder yet
    app = PlannerApp(str(own), None, today=TODAY, own_plan=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, NewPlanScreen))
        await pilot.press("ctrl+s")  # the questions as they are
        await settle(pilot, lambda: bool(app.screen.query("#layout")))  # the offer to lay it out
        await pilot.click("#layout")
        await pilot.pause()
        count = len(app.plan.items)
        app.hang_up()
        await pilot.pause()
    assert not own.exists()
    assert len(load(str(own) + ".recovered").plan.items) == count

    app = PlannerApp(str(own), None, today=TODAY, own_plan=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: "a plan that was never saved" in screen_words(app))
        await pilot.click("#restore")
        await pilot.pause()
        assert not isinstance(app.screen, NewPlanScreen)
        assert len(app.plan.items) == count and app.modified


async def test_a_live_session_s_file_is_not_offered_and_the_plan_is_said_open_elsewhere(plan_path):
    from planner.core.recovery import SessionLock, recovery_path

    other = SessionLock(str(plan_path))  # another app, running on the plan with unsaved edits
    try:
        plan = load(str(plan_path)).plan
        live = write_recovery(plan, str(plan_path), recovery_path(str(plan_path), other.free_number()))
        app = open_app(plan_path)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot, lambda: "open in another planner session" in notices(app))
            assert not isinstance(app.screen, RecoveryScreen)
            assert "a save here will be seen there as a change on disk" in notices(app)
            assert "Delete the file" not in screen_words(app)
        assert os.path.exists(live)
    finally:
        other.release()
    # Once that session is gone (a crash leaves the same), its file is a leftover, offered as ever.
    app = open_app(plan_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await offered(pilot, app)
        assert "open in another planner session" not in notices(app)


async def test_a_running_session_is_seen_by_another_and_lets_go_when_it_ends(plan_path):
    from planner.core.recovery import open_elsewhere

    app = keeping(open_app(plan_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert open_elsewhere(str(plan_path))
    assert not open_elsewhere(str(plan_path))
    assert sorted(os.listdir(plan_path.parent)) == ["alex.toml"]
