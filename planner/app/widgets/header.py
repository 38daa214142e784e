"""The line at the top: the plan's title, its file, and whether it has unsaved changes."""

from __future__ import annotations

import os

from rich.text import Text
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
    """planner · title · file · modified."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title_text = ""
        self.path = ""
        self.modified = False

    def show(self, title: str | None, path: str, modified: bool) -> None:
        """Show this title, file and state; redraws only when something changed."""
        state = (title or "", path, modified)
        if state == (self.title_text, self.path, self.modified):
            return
        self.title_text, self.path, self.modified = state
        self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" planner ", style="bold reverse")
        text.append(" ")
        title = printable(self.title_text or "(untitled plan)", one_line=True)
        state = "  ● unsaved changes" if self.modified else ""
        path = printable(short_path(self.path), one_line=True)
        # The file's name matters more than its folders: cut the path from the left.
        room = self.size.width - len(" planner  ") - min(len(title), 40) - len(state) - 2
        if len(path) > room:
            name = path.rsplit("/", 1)[-1]
            path = ("…/" + name) if room < len(path) and len(name) + 2 <= room else name
        text.append(title, style="bold")
        text.append(state, style="bold")
        text.append("  ")
        text.append(path)
        return text
