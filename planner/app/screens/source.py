"""Show source: the seed sentences behind a diagnostic, in the paragraph they come from, and for a
rule of another source (a pack's public page) the fact it rests on, the publisher, the page, its
address and the date it was read."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from planner.app.actions import bindings
from planner.app.screens.dialog import Dialog
from planner.core.catalog import Pack, paragraph
from planner.core.headline import headline
from planner.core.model import Item, Plan
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


def diagnostic_source(diagnostic: Diagnostic, pack: Pack, plan: Plan | None = None) -> Text:
    """One diagnostic in full, and where it comes from: first as a person would say it (the
    core's headline, naming the item by its title), then, dimmed, its severity, rule and item."""
    rule = pack.rules.get(diagnostic.rule)
    text = Text()
    words = headline(diagnostic, plan, pack) if plan is not None else diagnostic.message
    text.append(printable(words), style="bold")
    on = printable(diagnostic.item, one_line=True) if diagnostic.item else "the plan"
    text.append(f"\n{diagnostic.severity.capitalize()} · rule {diagnostic.rule} · on {on}", style="dim")
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
    source = diagnostic.source or rule.source
    seed = ", ".join(label for label in _labels(source) if label not in pack.sources)
    if seed:
        text.append(
            f"From the source text ({seed}); the sentences it rests on are underlined:\n\n", style="italic"
        )
        text.append(cited(seed, rule.sentences))
    text.append_text(pack_sources(source, pack, "\n\n" if seed else ""))
    return text


def _labels(source: str | None) -> list[str]:
    return [label.strip() for label in (source or "").split(",") if label.strip()]


def pack_sources(source: str | None, pack: Pack, before: str = "") -> Text:
    """For each source of the pack that `source` names (not a seed paragraph): the fact the rule
    rests on, the publisher, the page, its address and the date it was read."""
    text = Text()
    for label in _labels(source):
        entry = pack.sources.get(label)
        if entry is None:
            continue
        text.append(before)
        before = "\n\n"
        text.append(f"From {printable(entry.publisher, one_line=True)} ({label}):\n", style="italic")
        text.append(printable(entry.fact) + "\n")
        text.append(f"Page: {printable(entry.title, one_line=True)}\n")
        text.append(f"Address: {printable(entry.url, one_line=True)}\n")
        text.append(f"Read on {printable(entry.read, one_line=True)}", style="dim")
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
    seed = ", ".join(label for label in _labels(milestone.source) if label not in pack.sources)
    if seed:
        text.append(f"From the source text ({seed}):\n\n", style="italic")
        text.append(cited(seed))
    text.append_text(pack_sources(milestone.source, pack, "\n\n" if seed else ""))
    return text


class SourceScreen(Dialog[None]):
    """The sentences behind diagnostics (or an item's milestone)."""

    BINDINGS = bindings("source")

    def __init__(self, diagnostics: list[Diagnostic] | None = None, item: Item | None = None) -> None:
        super().__init__()
        self.diagnostics = diagnostics or []
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog source"):
            yield Static(Text("Source"), classes="dialog-heading")
            with VerticalScroll(id="source-body"):
                for diagnostic in self.diagnostics:
                    yield Static(
                        diagnostic_source(diagnostic, self.app.pack, getattr(self.app, "plan", None)),  # type: ignore[attr-defined]
                        classes="source-entry",
                    )
                if self.item is not None and not self.diagnostics:
                    yield Static(item_source(self.item, self.app.pack), classes="source-entry")  # type: ignore[attr-defined]
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#source-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
