"""The line at the top: the plan's title, its file, whether it has unsaved changes, and the rule
pack it is checked against."""

from __future__ import annotations

import os

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from planner.core.text import printable


def short_path(path: str) -> str:
    """A path as a person would type it: under the home folder as ~/..."""
    home = os.path.expanduser("~")
    absolute = os.path.abspath(path)
    if home not in ("", "/") and absolute.startswith(home + os.sep):
        return "~" + absolute[len(home) :]
    return path


class PlanHeader(Widget):
    """planner · title · modified · file · rule pack."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title_text = ""
        self.path = ""
        self.modified = False
        self.rules = ""
        """The id of the rule pack the plan is checked against."""
        self.status = ""
        """A short message about the last edit ("Undone: move aas a term later"), shown for a while."""
        self._status_timer: Timer | None = None

    def say(self, message: str, seconds: float = 4) -> None:
        """Show a short message in place of the file's name for a few seconds."""
        self.status = message
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(seconds, self._clear_status)
        self.refresh()

    def _clear_status(self) -> None:
        self.status = ""
        self.refresh()

    def show(self, title: str | None, path: str, modified: bool, rules: str = "") -> None:
        """Show this title, file, state and rule pack; redraws only when something changed."""
        state = (title or "", path, modified, rules)
        if state == (self.title_text, self.path, self.modified, self.rules):
            return
        self.title_text, self.path, self.modified, self.rules = state
        self.refresh()

    def render(self) -> Text:
        """One line: the title, the unsaved-changes mark, the file and the rule pack. The file's
        name and the mark are never cut; a message about the last edit is shown whole."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" planner ", style="bold reverse")
        text.append(" ")
        title = printable(self.title_text or "(untitled plan)", one_line=True)
        state = "  ● unsaved changes" if self.modified else ""
        if self.status:
            # A message is read once, so it is shown whole: the title gives way (cut, or left
            # out), the unsaved mark shrinks to ● where the title would have under 8 columns,
            # and the rule pack shows only where there is room.
            message = printable(self.status, one_line=True)
            room = self.size.width - len(" planner  ") - len(state) - 2 - len(message)
            if state and room < min(len(title), 8):
                state = "  ●"
                room = self.size.width - len(" planner  ") - len(state) - 2 - len(message)
            if room < 8:
                title = ""
            elif len(title) > room:
                title = title[: room - 1] + "…"
            text.append(title, style="bold")
            text.append(state, style="bold")
            text.append("  " if title or state else "")
            text.append(message, style="italic")
            pack = f"  rules: {printable(self.rules, one_line=True)}" if self.rules else ""
            if text.cell_len + len(pack) <= self.size.width:
                text.append(pack, style="dim")
            return text
        # Without a message, what does not fit gives way in this order: the file's folders (cut
        # from the left: its name matters more), the rule pack, then the title; never the file's
        # name nor the unsaved-changes mark.
        path = printable(short_path(self.path), one_line=True)
        pack = printable(f"  rules: {self.rules}", one_line=True) if self.rules else ""
        width = self.size.width - len(" planner  ") - 1
        name = path.rsplit("/", 1)[-1]

        def too_long() -> bool:
            return len(title) + len(state) + 2 + len(path) + len(pack) > width

        if too_long() and path != name:
            path = "…/" + name
        if too_long():
            path = name
        if too_long():
            pack = ""
        if too_long():
            room = max(width - len(state) - 2 - len(path), 1)
            title = title[: max(room - 1, 0)] + "…"
        text.append(title, style="bold")
        text.append(state, style="bold")
        text.append("  ")
        text.append(path)
        text.append(pack, style="dim")
        return text
