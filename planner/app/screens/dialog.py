"""Dialog: what every one of the planner's dialogs is, a ModalScreen that opens fast.

The dialogs are opaque (styles/dialogs.tcss): nothing under one shows through. So opening one
needs neither the main screen laid out again nor the dialog's own widgets styled twice, which
Textual does by default for screens that may show what is under them.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")
"""What the dialog dismisses with."""


class Dialog(ModalScreen[ResultT]):
    """A modal screen over the plan, opaque, that opens without redoing work."""

    # The app's breakpoint classes are for the main screen's panes; a dialog's stylesheet needs
    # none, and setting them restyles every widget of the dialog a second time as it opens.
    HORIZONTAL_BREAKPOINTS = []
    VERTICAL_BREAKPOINTS = []

    _resumed = False
    """True once the dialog has been on screen (its first ScreenResume is behind it)."""

    laid_out_ahead = False
    """True when the dialog was laid out before it was pushed (screens/ready.py): it is drawn at
    once on its first ScreenResume."""

    async def _on_resize(self, event: events.Resize) -> None:
        """A dialog's Resize, without laying out the screens under it again.

        Textual lays out every screen under a new one when it opens (it gets a Resize), in case
        they show through; the main screen's relayout was wasted, a third of the time to open a
        dialog. A screen under a dialog is laid out again when it comes back if the terminal's
        size changed meanwhile (Textual's ScreenResume does it).

        Textual calls every class's `_on_resize` in turn, Screen's too, unless the default is
        prevented. And the Resize a dialog gets as it opens is for the size ScreenResume has just
        laid it out at: it is laid out again only when the size is not the one it has (a terminal
        resized)."""
        event.prevent_default()
        event.stop()
        if event.size != self.outer_size:
            self._screen_resized(event.size)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first ScreenResume, without styling every widget a second time.

        Textual styles each widget as it is mounted, then again when the screen it is on resumes,
        in case the app's styles changed while the screen was away. A dialog resumes for the first
        time just after its widgets were mounted and styled: the second pass was a fifth of the
        time to open one. Later resumes (back from a dialog over it) restyle as usual."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            if self.laid_out_ahead:
                # Textual draws a screen it lays out on resume at once, but one whose size is
                # already the terminal's only at the next refresh (up to a 60th of a second).
                self._refresh_layout(self.app.size)
