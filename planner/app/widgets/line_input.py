"""LineInput: Textual's Input, whose text stays in view when the field's width changes."""

from __future__ import annotations

from typing import Any, Literal

from rich.cells import cell_len
from textual import events
from textual.widgets import Input


class LineInput(Input):
    """An Input that shows the start of its text while all of it is selected (as on focus; the end
    for a file's path, where the name is), and keeps the cursor in view otherwise, when its width
    changes.

    Textual scrolls an Input to its cursor only when the cursor or selection moves. A dialog's
    first field is focused (all selected, the cursor at the end) before the dialog is laid out;
    when the dialog's scrollbar then narrows the field, a long value was left scrolled by a column
    or two, its first letters hidden ("lex Rivera: ..." for "Alex Rivera: ..."), and the cursor out
    of view too."""

    def __init__(self, *args: Any, selected_shows: Literal["start", "end"] = "start", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.selected_shows = selected_shows
        """What shows while all the text is selected: its start, or its end (a path's file name)."""

    def on_resize(self, event: events.Resize) -> None:
        width = self.content_size.width
        start, end = sorted(self.selection)
        if start == 0 and end == len(self.value) and self.selected_shows == "start":
            x = 0  # all selected: whatever is typed replaces it; show where it begins
        else:
            cursor = cell_len(self.value[: self.cursor_position])
            x = min(max(int(self.scroll_x), cursor - width + 1), cursor)
        self.scroll_to(x=max(0, x), animate=False)
