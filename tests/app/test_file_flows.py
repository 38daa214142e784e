"""Save, save as, reload and quit: what reaches the disk, and what the app asks first."""

import os

from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.recovery import RecoveryScreen
from planner.app.screens.save_as import SaveAsScreen
from planner.core.storage import load
from tests.app.helpers import notices, open_app, screen_text, screen_words, settle


async def test_ctrl_s_changes_only_the_edited_lines_and_clears_the_unsaved_mark(plan_path):
    before = plan_path.read_text()
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = plan_path.read_text()
        moved = 'start = "2028-spring"\nend = "2029-summer"'
        assert after == before.replace('start = "2027-fall"\nend = "2029-spring"', moved, 1)  # only aas
        assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"
        assert not app.modified
        assert "unsaved changes" not in screen_text(app)


async def test_f2_saves_where_ctrl_s_is_taken(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign", "f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"


async def test_saving_a_file_with_comments_keeps_them_in_place_without_a_backup(plan_path):
    plan_path.write_text(plan_path.read_text().replace("[[items]]", "# my notes\n[[items]]", 1))
    original = plan_path.read_text()
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert os.listdir(plan_path.parent) == [plan_path.name]  # nothing lost, so no backup
        moved = 'start = "2028-spring"\nend = "2029-summer"'
        assert plan_path.read_text() == original.replace('start = "2027-fall"\nend = "2029-spring"', moved, 1)
        assert "comments" not in notices(app)


async def test_a_failed_save_says_why_in_one_sentence_and_keeps_the_edits(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        os.chmod(plan_path.parent, 0o500)
        try:
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
        finally:
            os.chmod(plan_path.parent, 0o700)
        if os.geteuid() == 0:
            return  # root writes anywhere; the folder's permission proves nothing
        assert "Not saved" in notices(app)
        assert app.modified and str(app.plan.item("aas").start) == "2028-spring"


async def test_save_as_writes_a_new_file_that_the_plan_then_belongs_to(plan_path, tmp_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign", "S")
        assert isinstance(app.screen, SaveAsScreen)
        field = app.screen.query_one("#save-as-path")
        field.value = ""
        target = tmp_path / "copy.toml"
        field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(load(str(target)).plan.item("aas").start) == "2028-spring"
        assert "2027-fall" in plan_path.read_text()  # the original file is unchanged
        assert app.path == str(target) and not app.modified
        assert "copy.toml" in screen_text(app)


async def test_save_as_asks_before_replacing_a_file(plan_path, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text("keep me")
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")
        app.screen.query_one("#save-as-path").value = str(other)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Replace the file?" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("escape")
        assert other.read_text() == "keep me"


async def test_reload_reads_the_file_again(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        plan_path.write_text(
            plan_path.read_text().replace('title = "Alex: RHIT, then coding"', 'title = "Changed"')
        )
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.plan.title == "Changed"
        assert "Changed" in screen_text(app)


async def test_reload_with_unsaved_edits_asks_first(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign", "f5")
        assert isinstance(app.screen, ConfirmScreen)
        assert "lose your edits" in screen_text(app)
        await pilot.press("escape")  # keep them
        assert str(app.plan.item("aas").start) == "2028-spring"
        await pilot.press("f5")
        await pilot.click("#reload")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(app.plan.item("aas").start) == "2027-fall"
        assert not app.modified


async def test_saving_over_a_file_changed_elsewhere_asks_first(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        plan_path.write_text(plan_path.read_text() + "\n# edited elsewhere\n")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "changed by another program" in screen_text(app)
        await pilot.press("escape")
        assert "# edited elsewhere" in plan_path.read_text()


async def test_quit_without_changes_just_quits(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_quit_with_unsaved_changes_asks_and_cancel_stays(plan_path):
    before = plan_path.read_text()
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "Save and quit" in text and "Quit without saving" in text and "Cancel" in text
        await pilot.press("escape")
        assert not app._exit and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("q")
        await pilot.click("#discard")
        await pilot.pause()
        assert app._exit
    assert plan_path.read_text() == before


async def test_save_and_quit_writes_then_quits(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign", "ctrl+q")
        await pilot.press("enter")  # the first answer, Save and quit, has focus
        # Not workers.wait_for_complete(): the app quits under it, which cancels what it waits on.
        await settle(pilot, lambda: app._exit)
    assert str(load(str(plan_path)).plan.item("aas").start) == "2028-spring"


async def test_a_dropped_session_keeps_unsaved_edits_beside_the_plan(plan_path):
    before = plan_path.read_text()
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")
        app.hang_up()  # what SIGHUP (or SIGTERM) runs
        await pilot.pause()
        assert app._exit
    assert plan_path.read_text() == before
    kept = load(str(plan_path) + ".recovered").plan
    assert str(kept.item("aas").start) == "2028-spring"

    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "Unsaved edits from an earlier session" in screen_words(app))
        assert isinstance(app.screen, RecoveryScreen)
        assert "1 item changed: aas" in screen_words(app)
