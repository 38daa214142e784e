"""Help (F1 or ?): each pane's keys, then each dialog's, from the table of actions, with the keys in
force, and the marks."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
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


def action_lines(app, lines: list[list[Action]]) -> Table:
    """One line per action: every key in force that does it, what it does, and its id (the name a
    keymap file uses). A long description wraps under itself, not under the keys."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=KEY_COLUMN, style="bold")
    table.add_column(ratio=1)
    for rows in lines:
        command = rows[0].palette_command
        every = [action for action in ACTIONS if command is not None and action.palette_command == command]
        keys = shown_keys(app, every or rows) or ("palette" if rows[0].name else "")
        named = next((action for action in rows if action.name), rows[0])
        about = Text()
        if named.where:
            about.append(f"{named.where}: ", style="italic")
        about.append(named.tooltip)
        about.append(f"  {', '.join(action.id for action in rows if action.keys) or rows[0].id}", style="dim")
        table.add_row(Text(f"  {keys}"), about)
    return table


class HelpScreen(Dialog[None]):
    """The keys, pane by pane."""

    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Text("Help"), classes="dialog-heading")
            with VerticalScroll(id="help-body"):
                yield Static(Text(INTRO), classes="help-text")
                yield Static(Text(LEGEND), classes="help-text")
                for title, lines in help_sections():
                    yield Static(Text(title, style="bold underline"), classes="help-title")
                    if title == ADVICE_SECTION:
                        yield Static(Text(ADVICE), classes="help-text")
                    yield Static(action_lines(self.app, lines), classes="help-keys")
                yield Static(Text("Colours", style="bold underline"), classes="help-title")
                yield Static(kind_legend(), classes="help-text")
                keymap = KEYMAP.format(path=printable(keymap_path(), one_line=True))
                yield Static(Text(keymap), classes="help-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
