"""The editors made ahead (planner/app/screens/ready.py): while the plan sits on screen, the Add
item, Edit item and Edit profile dialogs are made for it, so the key shows one at once; and a
dialog made for another state of the plan, another item or theme is never the one shown.
"""

import asyncio

from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.screens.profile_editor import ProfileEditorScreen
from planner.app.screens.ready import READY_AFTER, READY_STEP
from planner.app.widgets.dropdown import BLANK
from planner.app.widgets.timeline import TimelinePane
from planner.core.terms import Term
from tests.app.helpers import open_app, screen_text

IDLE = READY_AFTER + 4 * READY_STEP + 0.3
"""Long enough for the three editors to be made ahead on an idle machine."""


async def idle(pilot, app, *names: str) -> None:
    """Leave the plan on screen until the dialogs `names` are made ahead (the editors when none
    are named); up to 10 s, for a machine busy with other tests."""
    await pilot.pause(IDLE)
    names = names or ("add", "edit", "profile")
    for _ in range(100):
        if all(made(app, name) is not None and made(app, name).is_mounted for name in names):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"not made ahead: {names}")


def made(app, name: str):
    """The dialog made ahead under `name` (None: none)."""
    entry = app.screen.ready.made.get(name)
    return entry[1] if entry is not None else None


async def test_the_editors_are_made_while_the_plan_is_on_screen_and_the_key_shows_them(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        main = app.screen
        await idle(pilot, app)
        ahead = made(app, "add")
        assert isinstance(ahead, ItemEditorScreen) and ahead.is_mounted
        assert isinstance(made(app, "edit"), ItemEditorScreen)
        assert isinstance(made(app, "profile"), ProfileEditorScreen)
        # Made out of sight: the plan is still what is shown, the timeline still has the keys.
        assert app.screen is main and main.focused is app.query_one(TimelinePane)
        assert "Add an item" not in screen_text(app)

        await pilot.press("a")
        assert app.screen is ahead
        assert "Add an item" in screen_text(app)
        await pilot.press(*["backspace"] * 10, *"medterm")  # the id field has focus
        await pilot.press("tab", "tab", *"Medical terminology", "tab")
        await pilot.press(*["backspace"] * 11, *"2028-spring", "enter")
        item = app.plan.item("medterm")
        assert item is not None and item.title == "Medical terminology"
        assert item.start == Term.parse("2028-spring")


async def test_edit_shows_the_item_selected_now_not_the_one_made_ahead(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await idle(pilot, app)
        assert made(app, "edit").item.id == "aas"
        await pilot.press("down", "e")  # at once: no time to make another
        assert "Edit stats" in screen_text(app)
        await pilot.press("escape")
        await idle(pilot, app)
        ahead = made(app, "edit")
        assert ahead.item.id == "stats"
        await pilot.press("e")
        assert app.screen is ahead and "Edit stats" in screen_text(app)


async def test_a_dialog_made_for_the_plan_before_an_edit_is_never_shown(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await idle(pilot, app)
        stale_edit, stale_profile = made(app, "edit"), made(app, "profile")
        await pilot.press("greater_than_sign", "e")  # move the degree a term later, edit it at once
        assert app.screen is not stale_edit
        assert app.screen.query_one("#field-start").value == "2028-spring"
        await pilot.press("escape", "p")
        assert isinstance(app.screen, ProfileEditorScreen) and app.screen is not stale_profile
        await pilot.press("escape")
        assert str(app.plan.item("aas").start) == "2028-spring"


async def test_a_new_theme_drops_the_dialogs_made_in_the_old_one(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await idle(pilot, app)
        stale = made(app, "profile")
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.press("p")
        assert isinstance(app.screen, ProfileEditorScreen) and app.screen is not stale


async def test_comment_and_sign_are_made_ahead_once_opened_and_for_what_is_selected(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await idle(pilot, app)  # the editors made, and nothing else
        assert made(app, "comment") is None and made(app, "sign") is None  # never opened yet
        await pilot.press("c", "escape", "A", "escape")
        await idle(pilot, app, "comment", "sign")
        ahead = made(app, "comment")
        await pilot.press("c")
        assert app.screen is ahead
        assert app.screen.query_one("#field-item").value == "aas"
        await pilot.press("escape", "1", "c")  # from the Profile pane, at once: the whole plan
        assert app.screen is not ahead
        assert app.screen.query_one("#field-item").value is BLANK
        await pilot.press("escape")
        await idle(pilot, app, "sign")
        ahead = made(app, "sign")
        await pilot.press("A")
        assert app.screen is ahead and "Sign the plan" in screen_text(app)
        await pilot.press(*"Dana Reyes", "enter")
        assert app.plan.approvals[-1].by == "Dana Reyes"


async def test_a_dialog_made_ahead_fits_a_terminal_resized_since(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await idle(pilot, app)
        ahead = made(app, "edit")
        await pilot.resize_terminal(120, 40)
        await pilot.press("e")
        assert app.screen is ahead
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        assert dialog.region.width == 96 and dialog.region.height == 40  # its widest, the full height
        assert "Edit aas" in screen_text(app)
