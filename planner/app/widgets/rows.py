"""A list of rows drawn one line at a time, with a cursor: the base of the timeline and the diagnostics.

Only the rows on screen are drawn (Textual's Line API, `render_line`), so a list of ten
thousand rows costs what a list of twenty does. A subclass says how many rows there are and how
to draw one; this class moves the cursor, scrolls to keep it in view and reports where it is.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planner.app.actions import bindings


class CursorRows(ScrollView, can_focus=True):
    """Rows under a fixed header, one of them under the cursor."""

    BINDINGS = bindings("rows")

    header_height = 0
    """Lines at the top that do not scroll."""

    empty_text = ""
    """What the first line says when there are no rows."""

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """The row under the cursor."""

    class CursorMoved(Message):
        """The cursor moved to another row."""

        def __init__(self, rows: CursorRows, row: int) -> None:
            super().__init__()
            self.rows = rows
            self.row = row

    def row_count(self) -> int:
        """How many rows there are."""
        return 0

    def render_row(self, row: int, width: int, selected: bool) -> Strip:
        """One row, `width` cells wide."""
        return Strip.blank(width, self.rich_style)

    def render_header(self, y: int, width: int) -> Strip:
        """Line `y` of the header."""
        return Strip.blank(width, self.rich_style)

    @property
    def visible_rows(self) -> int:
        """How many rows fit under the header."""
        return max(1, self.scrollable_content_region.height - self.header_height)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < self.header_height:
            return self.render_header(y, width)
        row = self.scroll_offset.y + y - self.header_height
        count = self.row_count()
        if row >= count:
            if count == 0 and row == 0 and self.empty_text:
                text = (" " + self.empty_text)[:width].ljust(width)
                return Strip([Segment(text, self.rich_style + Style(italic=True))], width)
            return Strip.blank(width, self.rich_style)
        return self.render_row(row, width, row == self.cursor)

    def rows_changed(self) -> None:
        """Call when the rows changed: resizes the scroll area, keeps the cursor in range, redraws."""
        count = self.row_count()
        size = Size(0, count + self.header_height)
        if size != self.virtual_size:
            self.virtual_size = size
        if self.cursor >= count:
            self.set_reactive(CursorRows.cursor, max(0, count - 1))
        self.refresh()

    def validate_cursor(self, row: int) -> int:
        return max(0, min(row, self.row_count() - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if self.scroll_to_row(new):
            self.refresh()
        else:
            # Only the two rows that changed are drawn again.
            self.refresh_line(self.header_height + old)
            self.refresh_line(self.header_height + new)
        self.post_message(self.CursorMoved(self, new))

    def scroll_to_row(self, row: int) -> bool:
        """Scroll as little as needed to show `row`; True when it scrolled."""
        top = self.scroll_offset.y
        visible = self.visible_rows
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)
        else:
            return False
        return True

    def on_resize(self, event: events.Resize) -> None:
        self.rows_changed()
        self.scroll_to_row(self.cursor)

    def action_cursor(self, delta: int) -> None:
        """Move the cursor `delta` rows down (up when negative)."""
        self.cursor = self.cursor + delta

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful down (up when negative)."""
        self.cursor = self.cursor + direction * max(1, self.visible_rows - 1)

    def action_first(self) -> None:
        """Move the cursor to the first row."""
        self.cursor = 0

    def action_last(self) -> None:
        """Move the cursor to the last row."""
        self.cursor = self.row_count() - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        row = self.scroll_offset.y + offset.y - self.header_height
        if 0 <= row < self.row_count():
            self.cursor = row
