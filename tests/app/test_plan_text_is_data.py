"""Text from a plan file is data: markup and terminal control sequences show as written, harmlessly."""

import shutil

import pytest
from textual.command import CommandPalette

from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.help import HelpScreen
from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.screens.new_plan import NewPlanScreen
from planner.app.screens.profile_editor import ProfileEditorScreen
from planner.app.screens.recovery import RecoveryScreen
from planner.app.screens.save_as import SaveAsScreen
from planner.app.screens.source import SourceScreen
from planner.app.widgets.timeline import TimelinePane
from planner.core.recovery import write_recovery
from planner.core.storage import load
from tests.app.helpers import FIXTURES, notices, open_app, pane_words, screen_text, screen_words, settle
from tests.hardening.hostile import FILE_NAME, FORBIDDEN, MARKUP, hostile_plan_text


async def test_markup_and_escapes_in_a_plan_show_literally_and_do_nothing(tmp_path):
    path = tmp_path / "hostile.toml"
    shutil.copy(FIXTURES / "hostile.toml", path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/]" in text  # the title and an id, as written
        assert "text [/] more" in text
        assert "[@click=app.quit]" in text
        assert "\\x1b]52;c;aGk=\\x07" in text  # the clipboard-writing sequence, made visible
        assert "\x1b" not in text and "\x07" not in text
        # Clicking where a [@click] would be a link does not run it.
        await pilot.click("#header", offset=(12, 0))
        await pilot.click("#profile", offset=(20, 1))
        await pilot.pause()
        assert not app._exit

        # Every pane and dialog that shows plan text stays alive.
        await pilot.press("3", "home", "e")
        assert isinstance(app.screen, ItemEditorScreen)
        assert "text [/] more" in screen_words(app)
        await pilot.press("escape", "down", "e")
        assert "[@click=app.quit] (not in the catalog)" in screen_words(app)
        await pilot.press("escape", "p")
        assert isinstance(app.screen, ProfileEditorScreen)
        assert "text [/] more (not in the catalog)" in screen_words(app)
        await pilot.press("escape", "4", "s")
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape", "down", "s")
        await pilot.press("escape")
        await pilot.press("3", "down", "greater_than_sign", "u", "r", "d")
        await pilot.pause()
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert not app._exit


async def test_an_item_id_with_control_characters_saves_back_exactly(tmp_path):
    path = tmp_path / "hostile.toml"
    shutil.copy(FIXTURES / "hostile.toml", path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "e", "ctrl+s")  # open the editor on the escaped id, change nothing
        assert app.plan.items[2].id == "esc\x1b]0;pwned\x07"
        assert not app.history.can_undo


# --- every field, every screen ------------------------------------------------------------------


def assert_clean(app) -> str:
    """The screen holds no raw control character, and the app still runs; returns its words."""
    text = screen_text(app)
    leaked = sorted({f"U+{ord(char):04X}" for char in FORBIDDEN if char in text})
    assert not leaked, f"raw control characters on {type(app.screen).__name__}: {leaked}"
    assert not app._exit
    return screen_words(app, text)


async def visit(pilot, app, keys: list[str], screen_type=None) -> str:
    await pilot.press(*keys)
    await pilot.pause()
    if screen_type is not None:
        await settle(pilot, lambda: isinstance(app.screen, screen_type))
        await pilot.pause()
    return assert_clean(app)


@pytest.mark.parametrize("size", [(80, 24), (150, 45)])
async def test_every_screen_shows_hostile_text_from_every_field_as_data(tmp_path, size):
    path = tmp_path / FILE_NAME
    path.write_text(hostile_plan_text(items=40))
    app = open_app(path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        words = assert_clean(app)
        assert "\\x1b]52;c;aGk=\\x07" in words  # the title begins with it

        # The timeline, row by row, and each pane.
        for _ in range(6):
            await visit(pilot, app, ["3", "down"])
        await visit(pilot, app, ["2", "down"])
        await visit(pilot, app, ["1", "end"])
        words = pane_words(app, "#profile")  # its last rows hold every markup
        for markup in MARKUP:
            # As written, where there is room; a long one wraps in the profile's value column, so
            # the words are compared without their spaces.
            assert markup.replace(" ", "") in words.replace(" ", "") or size[0] < 100
        for _ in range(4):
            await visit(pilot, app, ["4", "down"])  # the detail shows waivers' by and reason
            await visit(pilot, app, ["enter"])  # go to its item (or a notice naming the id)

        # The item editor on several items, with a choice list open; accepted untouched.
        for keys in (["3", "home"], ["3", "down", "down"], ["3", "end"]):
            await visit(pilot, app, keys)
            item = app.query_one(TimelinePane).selected_item
            before = item.to_toml()
            words = await visit(pilot, app, ["e"], ItemEditorScreen)
            await visit(pilot, app, ["tab", "enter"])  # the milestone's choices, open
            await visit(pilot, app, ["escape"])
            await visit(pilot, app, ["ctrl+s"])
            assert not isinstance(app.screen, ItemEditorScreen) or app.screen.query(".-problem")
            if isinstance(app.screen, ItemEditorScreen):
                await visit(pilot, app, ["escape"])
            assert app.query_one(TimelinePane).selected_item.to_toml() == before  # unchanged

        # The source viewer on an item and on a diagnostic; the profile editor; help; palette.
        await visit(pilot, app, ["3", "home", "s"], SourceScreen)
        await visit(pilot, app, ["escape", "4", "down", "s"], SourceScreen)
        await visit(pilot, app, ["escape", "p"], ProfileEditorScreen)
        await visit(pilot, app, ["tab", "tab", "tab", "tab"])
        await visit(pilot, app, ["escape", "question_mark"], HelpScreen)
        await visit(pilot, app, ["escape", "ctrl+p"], CommandPalette)
        await visit(pilot, app, ["escape"])

        # Edits and their messages name items; dialogs name the file (a hostile name too).
        await visit(pilot, app, ["3", "home", "d"])
        await visit(pilot, app, ["u", "greater_than_sign"])
        await visit(pilot, app, ["ctrl+q"], ConfirmScreen)
        await visit(pilot, app, ["escape", "f5"], ConfirmScreen)
        await visit(pilot, app, ["escape"])
        path.write_text(path.read_text() + '\nextra = "\\u001b]0;changed\\u0007"\n')
        await visit(pilot, app, ["ctrl+s"], ConfirmScreen)
        await pilot.click("#save_as")
        await settle(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        assert app.screen.query_one("#save-as-path").value == ""  # a hostile name is not shown raw
        await visit(pilot, app, ["escape"])
        assert_clean(app)


async def test_the_recovery_offer_and_the_new_plan_questions_show_hostile_text_as_data(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(hostile_plan_text(items=12))
    recovered = load(str(path)).plan
    recovered.items = recovered.items[3:]
    for item in recovered.items[:4]:
        item.title = "changed"
    write_recovery(recovered, str(path))
    app = open_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        await pilot.pause()
        await settle(pilot, lambda: "items changed" in screen_words(app))
        words = assert_clean(app)
        body = app.screen._body()  # what the dialog shows under its heading
        assert "4 items changed: \\x1b[6nhostile-dsr-3, \\x1bP+q544e" in body  # ids made visible
        assert "3 items removed" in body and "3 items removed" in words
        await visit(pilot, app, ["escape"])  # open as saved: the notice names the file

    new = tmp_path / ("new-" + FILE_NAME)
    app = open_app(new)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: "does not exist yet" in screen_words(app))
        assert isinstance(app.screen, NewPlanScreen)
        assert_clean(app)
        assert "new-hostile-\\x1b]0;file-title\\x07.toml does not exist yet" in app.screen.intro


async def test_every_notice_is_plain_and_printable(plan_path) -> None:
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("[bold]x[/] text [/] more [@click=app.quit]q[/] \x1b]52;c;aGk=\x07", title="[b]\x9b")
        app.screen.notify("text [/] more \u202e")
        await pilot.pause()
        shown = notices(app)
        assert "[bold]x[/] text [/] more [@click=app.quit]q[/] \\x1b]52;c;aGk=\\x07" in shown
        assert "text [/] more \\u202e" in shown
        assert all(notice.title == "[b]\\x9b" for notice in app._notifications if notice.title)
        assert not app._exit


@pytest.mark.parametrize("size", [(80, 24), (150, 45)])
async def test_the_advisor_screens_show_hostile_text_as_data(tmp_path, size):
    from planner.app.screens.advisor_dialogs import AddCommentScreen, SignScreen, WaiveScreen
    from planner.app.screens.comments import CommentsScreen
    from planner.app.screens.compare import ComparePickScreen, CompareScreen

    path = tmp_path / "plan.toml"
    path.write_text(hostile_plan_text(items=30))
    other = tmp_path / "other.toml"
    other.write_text(hostile_plan_text(items=20))
    app = open_app(path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        # Comments: the list of every comment, and the dialog that adds one, on a hostile item.
        await visit(pilot, app, ["3", "home", "C"], CommentsScreen)
        await visit(pilot, app, ["down", "down"])
        await visit(pilot, app, ["escape", "3", "down", "c"], AddCommentScreen)
        await visit(pilot, app, ["escape"])
        # Waive the selected diagnostic, and sign: both dialogs quote plan text.
        await visit(pilot, app, ["4", "down", "w"])
        if isinstance(app.screen, WaiveScreen):
            await visit(pilot, app, ["escape"])
        await visit(pilot, app, ["A"], SignScreen)
        await visit(pilot, app, ["escape"])
        # Compare with the other hostile plan: both outcomes, differences and routes.
        await pilot.press("ctrl+p", *"Compare with another plan")
        await settle(pilot, lambda: "  Compare with another plan" in screen_text(app))
        await visit(pilot, app, ["enter"], ComparePickScreen)
        await visit(pilot, app, ["ctrl+u", *str(other), "enter"], CompareScreen)
        await settle(pilot, lambda: "Comparing" not in screen_text(app))
        for _ in range(5):
            await visit(pilot, app, ["pagedown"])
        await visit(pilot, app, ["escape"])
        assert_clean(app)
