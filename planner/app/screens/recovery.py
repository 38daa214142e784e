"""At start: unsaved edits kept from an earlier session are offered back, never dropped silently.

When the plan has a recovery file (`PLAN.toml.recovered`, written when a session was hung up,
terminated or crashed with unsaved edits), the person chooses: restore the edits (the plan opens
with them, marked unsaved), open the plan as saved (the file stays, and they are told where), or
delete the file. Escape opens the plan as saved.

A recovery file a running session holds (the plan open in another app) is that session's, not
a leftover: it is never offered nor deleted here, and the person is told the plan is open elsewhere.
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from planner.app.actions import bindings, keys_said
from planner.app.screens.dialog import Dialog
from planner.core.text import printable

if TYPE_CHECKING:
    from planner.app.app import PlannerApp
    from planner.core.model import Plan

SHOWN_CHANGES = 8
"""At most this many lines of differences; the rest are counted."""


def written_when(mtime: float, now: float | None = None) -> str:
    """ "on 2026-11-27 at 14:05 (3 minutes ago)": when a file was written, for a person."""
    now = datetime.datetime.now().timestamp() if now is None else now
    stamp = datetime.datetime.fromtimestamp(mtime)
    seconds = max(0, int(now - mtime))
    if seconds < 90:
        ago = "just now"
    elif seconds < 90 * 60:
        ago = f"{round(seconds / 60)} minutes ago"
    elif seconds < 36 * 3600:
        ago = f"{round(seconds / 3600)} hours ago"
    else:
        ago = f"{round(seconds / 86400)} days ago"
    return f"on {stamp:%Y-%m-%d} at {stamp:%H:%M} ({ago})"


class RecoveryScreen(Dialog[str | None]):
    """Dismisses with "restore", "keep" or "delete" (Escape: "keep")."""

    BINDINGS = bindings("recovery")

    def __init__(
        self, file: str, written: str, changes: list[str], problem: str | None, others: list[str]
    ) -> None:
        super().__init__()
        self.file = file
        self.written = written
        self.changes = changes
        self.problem = problem
        """Why the recovery file cannot be read (then it cannot be restored), or None."""
        self.others = others

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm recovery"):
            yield Static(Text("Unsaved edits from an earlier session"), classes="dialog-heading")
            yield Static(
                Text(
                    "The planner stopped without saving (a dropped connection, a kill or a crash) and "
                    f"kept the edits in {printable(self.file)}, written {self.written}."
                ),
                classes="dialog-intro",
            )
            with VerticalScroll(classes="recovery-changes"):
                yield Static(Text(self._body()), id="recovery-changes")
            with Horizontal(classes="dialog-buttons"):
                if self.problem is None:
                    yield Button(Text("Restore the edits"), variant="primary", id="restore")
                yield Button(
                    Text("Open as saved"), variant="primary" if self.problem else "default", id="keep"
                )
                yield Button(Text("Delete the file"), id="delete")

    def _body(self) -> str:
        if self.problem is not None:
            lines = [f"It cannot be restored: {self.problem}"]
        else:
            lines = ["Compared with the plan as saved:"]
            lines += [f"  • {change}" for change in self.changes[:SHOWN_CHANGES]]
            if len(self.changes) > SHOWN_CHANGES:
                lines.append(f"  … and {len(self.changes) - SHOWN_CHANGES} more")
        if self.others:
            names = ", ".join(os.path.basename(other) for other in self.others)
            lines.append(f"\nThis plan has {len(self.others)} more recovery files ({names}); ")
            lines[-1] += "each is offered at a later start."
        lines.append(
            "\n" + keys_said(self.app, "{recovery.keep} opens the plan as saved and keeps the file.")
        )
        return printable("\n".join(lines))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)


def offer_recovery(app: PlannerApp, then) -> bool:
    """When the plan has a recovery file, ask what to do with it, then call `then(restored)`.

    Returns False (and calls nothing) when there is no recovery file.
    """
    from planner.core.recovery import (
        describe_changes,
        is_live,
        leftover_files,
        open_elsewhere,
        remove_recovery,
    )
    from planner.core.storage import PlanFileError, load

    if open_elsewhere(app.path, app.keeper.lock):
        app.notify(
            f"{printable(app.path)} is open in another planner session too: a save here will be "
            "seen there as a change on disk.",
            severity="warning",
            timeout=12,
        )
    files = leftover_files(app.path, app.keeper.lock)
    if not files:
        return False
    file, others = files[0], files[1:]
    recovered: Plan | None = None
    problem = None
    try:
        recovered = load(file).plan
        saved = app.plan if app.disk_text is not None else None
        changes = describe_changes(saved, recovered)
    except PlanFileError as error:
        problem, changes = error.problem, []
    try:
        written = written_when(os.stat(file).st_mtime)
    except OSError:
        written = "at a time that cannot be read"

    def answered(choice: str | None) -> None:
        if choice == "restore" and recovered is not None:
            app.restore(recovered, file)
            then(True)
            return
        if choice == "delete":
            try:
                if is_live(app.path, file):
                    raise OSError(0, "another planner session now holds it")
                remove_recovery(file)
                app.notify(f"Deleted {file}.", timeout=4)
            except OSError as error:
                app.notify(f"{file} could not be deleted: {error.strerror or error}", severity="error")
        else:
            app.notify(
                f"The recovered edits stay in {file}; open them with: planner {file}",
                severity="warning",
                timeout=12,
            )
        then(False)

    app.push_screen(RecoveryScreen(file, written, changes, problem, others), answered)
    return True
