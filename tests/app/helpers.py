"""Helpers for the Pilot tests: the app on a plan, and the screen as text."""

from __future__ import annotations

from pathlib import Path

from planner.app.app import PlannerApp
from planner.core.storage import load
from planner.core.terms import Term

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = Term.parse("2026-fall")


def open_app(path: Path) -> PlannerApp:
    """The app on a plan file (a new plan when it does not exist), with today fixed."""
    loaded = load(str(path)) if path.exists() else None
    return PlannerApp(str(path), loaded, today=TODAY)


def screen_text(app: PlannerApp) -> str:
    """What the active screen shows, as lines of text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def item_ids(app: PlannerApp) -> list[str]:
    """The ids of the plan's items, in file order."""
    return [item.id for item in app.plan.items]


def notices(app: PlannerApp) -> str:
    """The text of the notices (toasts) showing now, joined; a toast wraps its lines on screen."""
    return "\n".join(notification.message for notification in app._notifications)


_EDGES = "│┃║╭╮╰╯┏┓┗┛▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▔▕ "


def screen_words(app: PlannerApp, text: str | None = None) -> str:
    """The screen's text with borders and scroll bars taken off and lines run together, so that
    a sentence that wraps in a dialog can be found whole. `text`: the screen's text when the
    caller has it already (drawing the screen again costs time)."""
    lines = (line.strip(_EDGES) for line in (screen_text(app) if text is None else text).splitlines())
    return " ".join(" ".join(line.split()) for line in lines if line)


def pane_words(app: PlannerApp, selector: str) -> str:
    """The words inside one pane (its region of the screen), lines run together as `screen_words`."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    cropped = (line[region.x : region.right].strip(_EDGES) for line in lines)
    return " ".join(" ".join(line.split()) for line in cropped if line)


async def settle(pilot, until, tries: int = 50) -> None:
    """Let the app run until `until()` is true (work such as the palette's search is asynchronous)."""
    for _ in range(tries):
        if until():
            return
        await pilot.pause()
    assert until(), "the app never reached the expected state"


async def palette(pilot, name: str) -> None:
    """Run a command by its name from the palette (ctrl+p), as a person does: open it, write the
    name, wait until the search has highlighted that command, press Enter, and wait until the
    palette has closed. (Pressing Enter while the search still runs would pick nothing, and the
    keys after it would land on the main screen.)"""
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    await pilot.press("ctrl+p")
    await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
    app.screen.query_one("#--input Input").value = name  # the typing itself is proven elsewhere

    def highlighted() -> bool:
        commands = app.screen.query_one(CommandList)
        index = commands.highlighted
        if index is None:
            return False
        prompt = commands.get_option_at_index(index).prompt
        return str(getattr(prompt, "plain", prompt)).splitlines()[0].strip().startswith(name)

    await settle(pilot, highlighted, tries=200)
    assert highlighted(), f"the palette never offered {name!r}"
    await pilot.press("enter")
    await settle(pilot, lambda: not isinstance(app.screen, CommandPalette))
    await pilot.pause()


async def write(pilot, text: str) -> None:
    """Put `text` into the focused field at its cursor, as typing it would, in one step.

    Typing a sentence key by key costs a Pilot round trip per letter; the tests that prove keys
    reach a field type them (tests/app/test_edit_flows.py::test_add_item_by_keys). A newline in
    `text` is a new line in a text area."""
    from textual.widgets import Input, TextArea

    app = pilot.app
    await settle(
        pilot, lambda: isinstance(app.focused, (Input, TextArea)) and app.focused.screen is app.screen
    )
    field = app.focused
    if isinstance(field, Input):
        field.insert_text_at_cursor(text)
    elif isinstance(field, TextArea):
        field.insert(text)
    else:
        raise AssertionError(f"no field has focus to write {text!r} into (focus: {field!r})")
    await pilot.pause()
