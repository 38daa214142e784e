"""Text from a plan file is data: markup and terminal control sequences show as written, harmlessly."""

import shutil

from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.screens.profile_editor import ProfileEditorScreen
from planner.app.screens.source import SourceScreen
from tests.app.helpers import FIXTURES, open_app, screen_text, screen_words


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
