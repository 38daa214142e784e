"""Textual's Linux driver, made to survive a byte that is not UTF-8, and a terminal that goes away.

In Textual 8.2.8 the input thread decodes what the terminal sends as strict UTF-8. One invalid
byte (a Latin-1 terminal, a line-noise burst on a serial or SSH link, `tmux send-keys -H ff`)
raises UnicodeDecodeError there; the thread's wrapper then asks the app to `panic`, and the app
exits at once, printing a traceback, without a word to the plan's unsaved edits (textual issue
6456). This driver runs Textual's own input loop again instead: the read that held the bad byte
(at most one 4 KiB chunk, usually that byte alone) is dropped, the person is told, and every
key after it works.

A terminal that goes away (a dropped SSH connection) made the app hang about one time in six
instead of exiting: the kernel sends SIGHUP and SIGCONT together, and on any SIGCONT Textual's
driver starts application mode again (a second writer and input thread), as if it were coming
back from ctrl+z; writes to the dead terminal then fail, the new writer thread dies, its queue
fills, and the app's shutdown waits on it forever. This driver resumes only after a suspend of
its own, and drops writes to a terminal that has gone instead of letting the writer die.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

NOT_UTF8 = (
    "The terminal sent a byte that is not UTF-8; it was ignored. "
    "If you typed a non-English letter, set the terminal's character encoding to UTF-8."
)


class TerminalOutput:
    """The terminal's output file for Textual's writer thread: once a write fails (the terminal
    has gone), the rest are dropped, so the thread goes on emptying its queue."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> None:
        if not self.gone:
            try:
                self._file.write(text)
            except (OSError, ValueError):
                self.gone = True

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self.gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class ForgivingLinuxDriver(LinuxDriver):
    """LinuxDriver whose input thread drops a read that is not UTF-8 instead of stopping the app,
    and which outlives its terminal long enough to exit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._file = TerminalOutput(self._file)  # type: ignore[assignment]  # wraps the file Textual writes to
        self._suspended_by_us = False

    def _sigtstp_application(self, *args: Any) -> None:
        # Set first: the SIGCONT that continues the process can arrive before this call returns.
        self._suspended_by_us = self._auto_restart  # (Textual suspends only when auto-restarting)
        super()._sigtstp_application(*args)

    def _sigcont_application(self, *args: Any) -> None:
        """Resume only what ctrl+z suspended; a SIGCONT from a hang-up (or anyone) changes nothing."""
        if self._suspended_by_us:
            self._suspended_by_us = False
            super()._sigcont_application(*args)

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
