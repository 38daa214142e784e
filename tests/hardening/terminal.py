"""The real app in a real pseudo-terminal: start it, type keys, read every byte it writes.

`Terminal` runs `python -m planner ARGS` as the leader of a new session whose controlling
terminal is the pty's slave, so closing the master is a true hangup (the kernel sends SIGHUP).
A thread reads the master into `output`, so the app never blocks on a full pty buffer.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

KEYS = {
    "escape": b"\x1b",
    "enter": b"\r",
    "tab": b"\t",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pagedown": b"\x1b[6~",
    "pageup": b"\x1b[5~",
    "f1": b"\x1bOP",
    "f5": b"\x1b[15~",
    "ctrl+p": b"\x10",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
}


def _become_terminal_leader() -> None:  # runs in the child, after setsid
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """One run of the app in a pty of `columns` x `rows`."""

    def __init__(
        self, *args: str, columns: int = 120, rows: int = 40, env: dict[str, str] | None = None
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # COLUMNS and LINES would override the terminal's own size (pytest-xdist's workers set them).
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TEXTUAL", "PYTEST")) and key not in ("COLUMNS", "LINES")
        }
        environment.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "ESCDELAY": "50"})
        environment.update(env or {})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "planner", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=REPO,
            env=environment,
            start_new_session=True,
            preexec_fn=_become_terminal_leader,  # noqa: PLW1509 - the reader thread starts after
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        master = self.master
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                return  # the slave side is closed: the app has gone
            if not data:
                return
            self.output += data

    # --- talking to it ------------------------------------------------------------------------

    def press(self, *keys: str, pause: float = 0.15) -> None:
        """Type keys by name (see KEYS) or as literal characters, with a pause after each."""
        for key in keys:
            os.write(self.master, KEYS.get(key, key.encode()))  # type: ignore[arg-type]
            time.sleep(pause)

    def send(self, data: bytes) -> None:
        """Write raw bytes, as a terminal would send them."""
        os.write(self.master, data)  # type: ignore[arg-type]

    def mark(self) -> int:
        """Where the output is now, to wait for what comes after it."""
        return len(self.output)

    def wait_for(self, text: str | bytes, since: int = 0, timeout: float = 30) -> bool:
        """Wait until `text` appears in the output after `since`; False on timeout or exit."""
        wanted = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted in self.output[since:]:
                return True
            if self.process.poll() is not None and not self._reader.is_alive():
                return wanted in self.output[since:]
            time.sleep(0.02)
        return False

    def settle(self, quiet: float = 0.3, timeout: float = 10) -> None:
        """Wait until the app has written nothing for `quiet` seconds (it is done drawing)."""
        deadline = time.monotonic() + timeout
        seen, since = len(self.output), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.02)
            if len(self.output) != seen:
                seen, since = len(self.output), time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def alive(self) -> bool:
        """True while the app runs."""
        return self.process.poll() is None

    def wait(self, timeout: float = 20) -> int | None:
        """The exit status, or None when it did not exit in time."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def signal(self, number: int) -> None:
        """Send a signal to the app."""
        os.kill(self.process.pid, number)

    def hang_up(self) -> None:
        """Close the terminal, as a dropped SSH connection does: the kernel sends SIGHUP."""
        self._stop.set()
        self._reader.join()
        os.close(self.master)  # type: ignore[arg-type]
        self.master = None

    def close(self) -> None:
        """Stop the app if it still runs, and release the pty."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self._stop.set()
        self._reader.join(5)
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def kill_9(terminal: Terminal) -> None:
    """kill -9: no handler runs."""
    terminal.signal(signal.SIGKILL)
    terminal.wait(10)


def until(condition, timeout: float = 10) -> bool:
    """Poll `condition()` every 50 ms until it is true; False when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
