"""Show source: the seed sentences behind a diagnostic, in the paragraph they come from."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planner.core.catalog import Pack, paragraph
from planner.core.model import Item
from planner.core.text import printable
from planner.core.validate import Diagnostic


def cited(source: str | None, sentences: tuple[str, ...] = ()) -> Text:
    """The cited paragraphs, labelled, with the sentences a rule rests on underlined."""
    text = Text()
    for label, body in paragraph(source):
        if text:
            text.append("\n\n")
        text.append(f"{label}  ", style="bold")
        marks: list[tuple[int, int]] = []
        for sentence in sentences:
            at = body.find(sentence)
            if at >= 0:
                marks.append((at, at + len(sentence)))
        position = 0
        for start, end in sorted(marks):
            if start < position:
                continue
            text.append(body[position:start])
            text.append(body[start:end], style="bold underline")
            position = end
        text.append(body[position:])
    return text


def diagnostic_source(diagnostic: Diagnostic, pack: Pack) -> Text:
    """One diagnostic in full, and where it comes from."""
    rule = pack.rules.get(diagnostic.rule)
    text = Text()
    text.append(f"{diagnostic.severity.capitalize()}: {diagnostic.rule}", style="bold")
    text.append(f"  on {printable(diagnostic.item, one_line=True) if diagnostic.item else 'the plan'}\n")
    text.append(printable(diagnostic.message))
    if diagnostic.waived is not None:
        from planner.app.widgets.diagnostics import waiver_text

        text.append("\n")
        text.append_text(waiver_text(diagnostic.waived))
    text.append("\n\n")
    if rule is None or not rule.source:
        text.append(
            "This rule checks the plan itself (its fields, ids and references); it does not come "
            "from the source text.",
            style="italic",
        )
        return text
    text.append(
        f"From the source text ({rule.source}); the sentences it rests on are underlined:\n\n", style="italic"
    )
    text.append(cited(rule.source, rule.sentences))
    return text


def item_source(item: Item, pack: Pack) -> Text:
    """What the source text says about an item's milestone."""
    milestone = pack.milestones.get(item.requirement or "")
    text = Text()
    text.append(f"{printable(item.id or '(no id)', one_line=True)}", style="bold")
    if milestone is None:
        text.append(f": {printable(str(item.requirement), one_line=True)} is not a milestone in the catalog.")
        return text
    text.append(f": {milestone.name} ({milestone.kind})\n{milestone.description}\n\n")
    text.append(f"From the source text ({milestone.source}):\n\n", style="italic")
    text.append(cited(milestone.source))
    return text


class SourceScreen(ModalScreen[None]):
    """The sentences behind diagnostics (or an item's milestone)."""

    BINDINGS = [
        Binding("escape,q,s", "dismiss(None)", "Close", id="source.close", tooltip="Back to the plan."),
    ]

    def __init__(self, diagnostics: list[Diagnostic] | None = None, item: Item | None = None) -> None:
        super().__init__()
        self.diagnostics = diagnostics or []
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog source"):
            yield Static(Text("Source"), classes="dialog-heading")
            with VerticalScroll(id="source-body"):
                for diagnostic in self.diagnostics:
                    yield Static(diagnostic_source(diagnostic, self.app.pack), classes="source-entry")  # type: ignore[attr-defined]
                if self.item is not None and not self.diagnostics:
                    yield Static(item_source(self.item, self.app.pack), classes="source-entry")  # type: ignore[attr-defined]
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#source-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
