"""Help (F1 or ?): each pane's keys, then each dialog's, from the table of actions, with the keys in
force, and the marks."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Button, Static

from planner.app.actions import ACTIONS, Action, bindings, help_sections, shown_keys
from planner.app.actions import ADVICE as ADVICE_SECTION
from planner.app.screens.dialog import Dialog
from planner.app.widgets.timeline import kind_legend
from planner.core.keymap import keymap_path
from planner.core.text import printable

INTRO = (
    "The planner shows your plan in four panes. Tab and shift+tab move between them (or 1 Profile, "
    "2 Next steps, 3 Timeline, 4 Diagnostics). Every edit is checked at once against the rules drawn "
    "from the source text; ctrl+p (or F10, or :) lists every action by name."
)

LEGEND = (
    "Timeline: a row per item, a bar across its terms in its kind's colour (see Colours, below), "
    "its title in or after the bar; ╌ is a job running on until the next job; ┊ and ▼ mark "
    "today's term. Terms are sp(ring), su(mmer), fa(ll), or s, u, f when the chart is tight.\n"
    "Marks before an id, and in Diagnostics: ✗ error (the plan cannot work as written), ! warning "
    "(against common practice), • suggestion (advice the plan could take)."
)

ADVICE = (
    "The conversation with an advisor lives in the plan file. ✎ before an id marks an item with "
    "comments; those on the selected item show under the timeline where there is room, and C lists "
    "them all (there, d deletes the highlighted one and u undoes it). A waived diagnostic is "
    "dimmed, marked (waived) and not counted. The approval state "
    "(approved by whom and when, or out of date once the plan changes) is written under Diagnostics. Each of "
    "these is an edit: u undoes it, and saving writes it. In the palette (ctrl+p): Add comment, "
    "Show comments, Sign plan, Waive diagnostic, Remove waiver, Compare with another plan (this "
    "plan beside another: where each leads, what differs), Save a copy as (write a copy and go on "
    "editing this plan; Save as moves you to the new file)."
)

KEYMAP = (
    "Other keys: the id after each action (dimmed) is its name in a keymap file, {path}, where a "
    'line such as undo = "z,ctrl+z" gives it those keys instead of its own; the help and the '
    "footer show the keys in force."
)


KEY_COLUMN = 18
"""The width of the keys column; a longer run of keys wraps within it."""


class KeyLines:
    """Lines of keys and what they do: the keys in a bold column, each description wrapped under
    itself (a hanging indent), not under the keys. Wrapped here, line by line, rather than by a
    Rich table: measuring a table's columns made Help the slowest dialog to open."""

    def __init__(self, rows: list[tuple[str, Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(KEY_COLUMN + 11, options.max_width)
        about_width = width - KEY_COLUMN - 1
        for keys, about in self.rows:
            key_lines = Text(keys, style="bold").wrap(console, KEY_COLUMN)
            about_lines = about.wrap(console, about_width)
            for number in range(max(len(key_lines), len(about_lines))):
                line = key_lines[number] if number < len(key_lines) else Text()
                line.pad_right(KEY_COLUMN - line.cell_len)
                line.append(" ")
                if number < len(about_lines):
                    line.append_text(about_lines[number])
                yield line


def action_lines(app, lines: list[list[Action]]) -> KeyLines:
    """One line per action: every key in force that does it, what it does, and its id (the name a
    keymap file uses). A long description wraps under itself, not under the keys."""
    rows: list[tuple[str, Text]] = []
    for actions in lines:
        command = actions[0].palette_command
        every = [action for action in ACTIONS if command is not None and action.palette_command == command]
        keys = shown_keys(app, every or actions) or ("palette" if actions[0].name else "")
        named = next((action for action in actions if action.name), actions[0])
        about = Text()
        if named.where:
            about.append(f"{named.where}: ", style="italic")
        about.append(named.tooltip)
        ids = ", ".join(action.id for action in actions if action.keys) or actions[0].id
        about.append(f"  {ids}", style="dim")
        rows.append((f"  {keys}", about))
    return KeyLines(rows)


class HelpBody(ScrollView, can_focus=True):
    """The help's text in one widget, drawn line by line: laid out into lines once for the width
    it has (again only when that changes). Help is about a hundred lines; as a widget per
    paragraph and per list of keys, each measured at every layout, it was the slowest dialog."""

    DEFAULT_CSS = """
    HelpBody {
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, parts: list[tuple[str, RenderableType]], id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = parts
        """What the help shows, in order: ("title", a section's title, after a blank line),
        ("text", a paragraph) or ("keys", a section's KeyLines)."""
        self.lines: list[Strip] = []
        """The help as lines at `width`."""
        self.width = 0

    def lay_out(self, width: int) -> None:
        """Make the lines for `width` columns."""
        console = self.app.console
        options = console.options.update(width=width, min_width=width, max_width=width, height=None)
        lines: list[Strip] = []
        for kind, part in self.parts:
            if kind == "title" and lines:
                lines.append(Strip([]))
            for segments in console.render_lines(part, options, pad=False, new_lines=False):
                lines.append(Strip(segments))
        self.lines = lines
        self.width = width
        self.virtual_size = Size(width, len(lines))

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self.width:
            self.lay_out(width)
            self.refresh()

    def render_line(self, y: int) -> Strip:
        style = self.rich_style
        width = self.scrollable_content_region.width
        number = self.scroll_offset.y + y
        if width != self.width or number >= len(self.lines):
            return Strip.blank(width, style)
        return self.lines[number].apply_style(style).crop_extend(0, width, style)

    def text(self) -> str:
        """The help's text, line by line, as laid out now."""
        return "\n".join(line.text.rstrip() for line in self.lines)


class HelpScreen(Dialog[None]):
    """The keys, pane by pane."""

    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Text("Help"), classes="dialog-heading")
            yield HelpBody(self.parts(), id="help-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Close"), variant="primary", id="close")

    def parts(self) -> list[tuple[str, RenderableType]]:
        """What the help says, in order (see `HelpBody.parts`)."""
        parts: list[tuple[str, RenderableType]] = [("text", Text(INTRO)), ("text", Text(LEGEND))]
        for title, lines in help_sections():
            parts.append(("title", Text(title, style="bold underline")))
            if title == ADVICE_SECTION:
                parts.append(("text", Text(ADVICE)))
            parts.append(("keys", action_lines(self.app, lines)))
        parts.append(("title", Text("Colours", style="bold underline")))
        parts.append(("text", kind_legend()))
        parts.append(("text", Text(KEYMAP.format(path=printable(keymap_path(), one_line=True)))))
        return parts

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Kept between openings (the app installs it): each opens at its top, as the first did.
        # (Dialog's own handler for the event runs too: Textual calls each class's.)
        body = self.query_one(HelpBody)
        body.scroll_home(animate=False)
        body.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
