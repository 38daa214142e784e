"""The Diagnostics pane: counts by severity, then every diagnostic; Enter goes to its item.

Waived diagnostics stay in the list, dimmed and marked, and are left out of the counts; the
approval state is written under the pane, so it is on screen at every size.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Static

from planner.app.actions import bindings
from planner.app.widgets.approval import approval_content
from planner.app.widgets.rows import CursorRows
from planner.app.widgets.timeline import MARKS, Line
from planner.core.headline import headline, item_index
from planner.core.model import Item, Plan, Waiver
from planner.core.review import Review
from planner.core.text import printable
from planner.core.validate import Diagnostic

SEVERITY_WORDS = {
    "error": ("error", "errors"),
    "warning": ("warning", "warnings"),
    "suggestion": ("suggestion", "suggestions"),
}


def counts_text(review: Review | None, checking: bool = False, width: int = 0) -> Content:
    """ "Diagnostics  ✗ 2 errors  ! 1 warning  • 0 suggestions", each count in its severity's colour.

    Where that is wider than `width` (the room in the pane's border, 0: any), a count of none
    is written without its word ("! 0"), so that the title is not cut."""
    full = _counts(review, checking, words_for_none=True)
    if width and full.cell_length > width:
        return _counts(review, checking, words_for_none=False)
    return full


def _counts(review: Review | None, checking: bool, words_for_none: bool) -> Content:
    parts: list[str | tuple[str, str]] = ["Diagnostics"]
    if review is None:
        parts.append("  checking…")
        return Content.assemble(*parts)
    for severity, (one, many) in SEVERITY_WORDS.items():
        count = review.counts[severity]
        parts.append("  ")
        word = f" {one if count == 1 else many}" if count or words_for_none else ""
        parts.append((f"{MARKS[severity]} {count}{word}", COLOURS[severity] if count else ""))
    waived = sum(1 for d in review.diagnostics if d.waived is not None)
    if waived:
        parts.append(f"  ({waived} waived)")
    if checking:
        parts.append("  checking…")
    return Content.assemble(*parts)


COLOURS = {"error": "bold $text-error", "warning": "bold $text-warning", "suggestion": "bold $text-accent"}
"""Theme colours of the counts (the title of a border takes no classes)."""


def where(diagnostic: Diagnostic) -> str:
    """The item a diagnostic is on, or "plan" when it is on the profile or the whole plan."""
    return printable(diagnostic.item, one_line=True) if diagnostic.item is not None else "plan"


def waiver_text(waiver: Waiver) -> Text:
    """ "Waived by J. Kim on 2026-12-03: reason" (who, when, why; the plan's text made printable)."""
    text = Text("Waived by ")
    text.append(printable(waiver.by or "someone", one_line=True), style="bold")
    if waiver.date is not None:
        text.append(f" on {waiver.date.isoformat()}")
    text.append(": ")
    text.append(printable(waiver.reason or "(no reason given)"))
    return text


class DiagnosticList(CursorRows):
    """One line per diagnostic: its mark and its headline (the finding in a person's words, with
    the item's title, put in words by the core); waived ones dimmed."""

    empty_text = "No diagnostics: the plan follows every rule the planner knows."

    COMPONENT_CLASSES = {
        "diagnostics--cursor",
        "diagnostics--cursor-blurred",
        "diagnostics--error",
        "diagnostics--warning",
        "diagnostics--suggestion",
        "diagnostics--waived",
    }

    BINDINGS = bindings("diagnostics")

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.diagnostics: list[Diagnostic] = []
        self.plan: Plan | None = None
        self._items: dict[str, Item] | None = None
        self._headlines: dict[int, str] = {}

    def headline(self, diagnostic: Diagnostic) -> str:
        """The diagnostic in a person's words (worked out once per review, for rows on screen)."""
        key = id(diagnostic)
        found = self._headlines.get(key)
        if found is None:
            if self.plan is None:
                found = diagnostic.message
            else:
                if self._items is None:
                    self._items = item_index(self.plan)
                found = headline(diagnostic, self.plan, getattr(self.app, "pack", None), self._items)
            self._headlines[key] = found
        return found

    def row_count(self) -> int:
        return len(self.diagnostics)

    @property
    def selected(self) -> Diagnostic | None:
        """The diagnostic under the cursor."""
        return self.diagnostics[self.cursor] if 0 <= self.cursor < len(self.diagnostics) else None

    def show(self, diagnostics: list[Diagnostic], plan: Plan | None = None) -> None:
        """Show these diagnostics of `plan`, keeping the cursor on the same one where it can."""
        old = self.selected
        self.diagnostics = diagnostics
        self.plan = plan
        self._items = None
        self._headlines = {}
        row = self.cursor
        if old is not None:
            for index, diagnostic in enumerate(diagnostics):
                if (diagnostic.rule, diagnostic.item, diagnostic.message) == (
                    old.rule,
                    old.item,
                    old.message,
                ):
                    row = index
                    break
        self.rows_changed()
        self.cursor = row

    def render_row(self, row: int, width: int, selected: bool) -> Strip:
        diagnostic = self.diagnostics[row]
        base = self.rich_style
        style = self.get_component_rich_style
        line = Line(width, base)
        row_style = base
        if selected:
            row_style = base + style(
                "diagnostics--cursor" if self.has_focus else "diagnostics--cursor-blurred"
            )
            line.write(0, " " * width, row_style)
        if diagnostic.waived is not None:
            row_style = row_style + style("diagnostics--waived")
        line.write(0, "▶" if selected else " ", row_style)
        line.write(1, MARKS[diagnostic.severity], row_style + style(f"diagnostics--{diagnostic.severity}"))
        message = printable(self.headline(diagnostic), one_line=True)
        if diagnostic.waived is not None:
            message = f"(waived) {message}"
        line.write(3, message, row_style, ellipsis=True)
        return line.strip()


class DiagnosticsPane(Vertical):
    """Always on screen: the counts in the title, the list, and the selected one in full, with
    the title of its fix (the screen works it out, through `fix_title`)."""

    fix_title: Callable[[Diagnostic], str | None] | None = None
    """The title of a diagnostic's fix, or None when it offers none."""

    def compose(self) -> ComposeResult:
        yield DiagnosticList(id="diagnostic-list")
        yield Static(id="diagnostic-detail", markup=False)

    def on_mount(self) -> None:
        self.border_title = counts_text(None)

    def _set_title(self, title: Content) -> None:
        if title.plain != getattr(self, "_title_plain", None):
            self._title_plain = title.plain
            self.border_title = title

    _review: Review | None = None
    """The review shown (None before the first)."""
    _checking = False
    """A newer review is on its way."""

    def show_review(self, review: Review, checking: bool = False) -> None:
        """Show the counts and the list of a review."""
        self._review, self._checking = review, checking
        self._set_title(counts_text(review, checking, self._title_room()))
        self._approval = approval_content(review.approval)
        self.query_one(DiagnosticList).show(review.diagnostics, review.plan)
        self.show_detail()

    def show_checking(self, review: Review | None) -> None:
        """Say that a newer review is on its way."""
        self._review, self._checking = review, True
        self._set_title(counts_text(review, checking=True, width=self._title_room()))

    def _title_room(self) -> int:
        """The columns the border leaves its title (0 before the pane has a size)."""
        return max(0, self.size.width - 6) if self.size.width else 0

    def show_detail(self) -> None:
        """Show the selected diagnostic in full below the list (where there is room)."""
        rows = self.query_one(DiagnosticList)
        diagnostic = rows.selected
        detail = self.query_one("#diagnostic-detail", Static)
        fix = self.fix_title(diagnostic) if diagnostic is not None and self.fix_title else None
        self._show_subtitle(None if detail.display else fix)
        if not detail.display:
            return  # not on screen at this size
        # With nothing selected, the detail and its rule are hidden; the room they keep stays.
        detail.set_class(diagnostic is None, "-empty")
        if diagnostic is None:
            # The list above already says there are none; the detail has nothing to add.
            if getattr(self, "_detail_plain", None) != "":
                self._detail_plain = ""
                detail.update(Text(""))
            return
        text = Text()
        if diagnostic.waived is not None:
            # First, so that who, when and why stay in view when the message is long.
            text.append_text(waiver_text(diagnostic.waived))
            text.append("\n")
        text.append(printable(rows.headline(diagnostic)))
        text.append("\n")
        if fix is not None:
            text.append("Fix (f): ", style="bold")
            text.append(printable(fix, one_line=True))
            text.append("\n")
        # The rule's id and its own wording, for those who want them.
        about = f"{diagnostic.severity} {diagnostic.rule} on {where(diagnostic)}"
        if diagnostic.source:
            about += f" ({diagnostic.source}; s shows the source)"
        text.append(about, style="dim")
        if text.plain != getattr(self, "_detail_plain", None):
            self._detail_plain = text.plain
            detail.update(text)

    def _show_subtitle(self, fix: str | None) -> None:
        """The approval state under the pane, and the fix's title where the detail is not shown."""
        approval = getattr(self, "_approval", None) or Content("")
        if fix is not None:
            parts: list[Content | str] = [approval, " · "] if approval.plain else []
            approval = Content.assemble(*parts, ("f ", "bold"), "fixes: ", printable(fix, one_line=True))
        if approval.plain != getattr(self, "_approval_plain", None):
            self._approval_plain = approval.plain
            self.border_subtitle = approval

    def on_descendant_focus(self) -> None:
        # Unfold (the stylesheet gives the pane more rows): the selected one reads in full.
        self.screen.add_class("-diagnostics-open")

    def on_descendant_blur(self) -> None:
        self.screen.remove_class("-diagnostics-open")

    def on_cursor_rows_cursor_moved(self, event: CursorRows.CursorMoved) -> None:
        self.show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_detail)  # the detail may have just come on screen
        if self._review is not None:
            self._set_title(counts_text(self._review, self._checking, self._title_room()))
