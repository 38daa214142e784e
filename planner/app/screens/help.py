"""Help (F1 or ?): the keys of each pane, taken from the bindings themselves, and what the marks mean."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

INTRO = (
    "The planner shows your plan in four panes. Tab and shift+tab move between them (or 1 Profile, "
    "2 Next steps, 3 Timeline, 4 Diagnostics). Every edit is checked at once against the rules drawn "
    "from the source text; ctrl+p (or F10, or :) lists every action by name."
)

LEGEND = (
    "Timeline: a row per item, a bar across its terms in its kind's colour, its title in or after "
    "the bar; ╌ is a job running on until the next job; ┊ and ▼ mark today's term. Terms are "
    "sp(ring), su(mmer), fa(ll), or s, u, f when the chart is tight.\n"
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


def binding_lines(app, bindings: list[Binding]) -> Text:
    """One line per action: every key that does it, and what it does."""
    actions: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        keys, about = actions.setdefault(binding.action, ([], binding.tooltip or binding.description))
        keys += [app.get_key_display(Binding(key.strip(), "")) for key in binding.key.split(",")]
    text = Text()
    for keys, about in actions.values():
        if text:
            text.append("\n")
        text.append(f"  {' or '.join(keys):<24}", style="bold")
        text.append(about)
    return text


def diagnostics_waive() -> list[Binding]:
    """The Diagnostics pane's key for waiving, listed again among the advisor's keys."""
    from planner.app.widgets.diagnostics import DiagnosticList

    return [binding for binding in DiagnosticList.BINDINGS if binding.id == "waive_diagnostic"]


class HelpScreen(ModalScreen[None]):
    """The keys, pane by pane."""

    BINDINGS = [
        Binding(
            "escape,q,f1,question_mark",
            "dismiss(None)",
            "Close",
            id="help.close",
            tooltip="Back to the plan.",
        )
    ]

    def compose(self) -> ComposeResult:
        from planner.app.screens.advisor_actions import AdvisorActions
        from planner.app.screens.main import MainScreen
        from planner.app.widgets.diagnostics import DiagnosticList
        from planner.app.widgets.next_steps import NextStepsPane
        from planner.app.widgets.profile import ProfilePane
        from planner.app.widgets.rows import CursorRows
        from planner.app.widgets.timeline import TimelinePane

        app = self.app
        sections = [
            ("Anywhere", [*type(app).BINDINGS, *MainScreen.BINDINGS]),
            ("Timeline", [*TimelinePane.BINDINGS, *CursorRows.BINDINGS]),
            ("Next steps", NextStepsPane.BINDINGS),
            ("Diagnostics", DiagnosticList.BINDINGS),
            ("Profile", ProfilePane.BINDINGS),
            ("Comments, approvals, waivers", [*AdvisorActions.BINDINGS, *diagnostics_waive()]),
        ]
        with Vertical(classes="dialog help"):
            yield Static(Text("Help"), classes="dialog-heading")
            with VerticalScroll(id="help-body"):
                yield Static(Text(INTRO), classes="help-text")
                yield Static(Text(LEGEND), classes="help-text")
                for title, bindings in sections:
                    yield Static(Text(title, style="bold underline"), classes="help-title")
                    if title.startswith("Comments"):
                        yield Static(Text(ADVICE), classes="help-text")
                    yield Static(binding_lines(app, list(bindings)), classes="help-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
