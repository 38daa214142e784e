"""Textual's Linux driver, made to survive a byte from the terminal that is not UTF-8.

In Textual 8.2.8 the input thread decodes what the terminal sends as strict UTF-8. One invalid
byte (a Latin-1 terminal, a line-noise burst on a serial or SSH link, `tmux send-keys -H ff`)
raises UnicodeDecodeError there; the thread's wrapper then asks the app to `panic`, and the app
exits at once, printing a traceback, without a word to the plan's unsaved edits (textual issue
6456). This driver runs Textual's own input loop again instead: the read that held the bad byte
(at most one 4 KiB chunk, usually that byte alone) is dropped, the person is told, and every
key after it works.
"""

from __future__ import annotations

from functools import partial

from textual.drivers.linux_driver import LinuxDriver

NOT_UTF8 = (
    "The terminal sent a byte that is not UTF-8; it was ignored. "
    "If you typed a non-English letter, set the terminal's character encoding to UTF-8."
)


class ForgivingLinuxDriver(LinuxDriver):
    """LinuxDriver whose input thread drops a read that is not UTF-8 instead of stopping the app."""

    def run_input_thread(self) -> None:
        """Textual's input loop, started again after a read that was not UTF-8."""
        while True:
            try:
                super().run_input_thread()
                return
            except UnicodeDecodeError:
                if self.exit_event.is_set():
                    return
                self._loop.call_soon_threadsafe(
                    partial(self._app.notify, NOT_UTF8, severity="warning", timeout=8)
                )
