"""The session's recovery file: unsaved edits kept beside the plan, so no way of ending loses them.

While the plan has unsaved edits, `RecoveryKeeper` writes them to a recovery file
(`PLAN.toml.recovered`, see `planner.core.recovery`) a second after an edit, in a thread, and
once more, at once, when the session is hung up, terminated or crashes. The file goes when the
edits reach the plan (a save), when they are undone, and when the person quits without saving.

It never writes over nor deletes a recovery file of an earlier session that the person chose
to keep: a session writes a name no file holds yet. A file the person restored is the
session's own from then on; it is removed after a save (the app says so), and kept otherwise.

While it runs, the session holds the lock of each recovery number it writes (`SessionLock`), so
a second app on the plan knows those files are live and neither offers nor deletes them.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from planner.core import edits
from planner.core.recovery import SessionLock, recovery_path, remove_recovery, write_recovery

if TYPE_CHECKING:
    from textual.timer import Timer

    from planner.app.app import PlannerApp
    from planner.core.model import Plan
    from planner.core.session import Session

REMOVE = "remove"
"""What the keeper wants done with its file, instead of a plan to write: remove it."""


class RecoveryKeeper:
    """Keeps one session's unsaved edits in its recovery file."""

    DELAY = 1.0
    """Seconds from an edit to the write; edits made meanwhile are written together. A plan whose
    write takes long (tens of thousands of items) waits ten times the last write's duration, so
    that writing, which competes with the screen for Python's lock, takes a tenth of the time."""

    def __init__(self, app: PlannerApp, session: Session) -> None:
        self.app = app
        """Runs the timers and threads, and tells the person of a failure."""
        self.session = session
        """The plan whose unsaved edits are kept."""
        self.enabled: bool | None = None
        """Write after edits and at a crash: by default (None) in a real terminal, not in tests."""
        self.file: str | None = None
        """The recovery file this session writes (None until the first write)."""
        self.adopted = False
        """The file came from an earlier session (the person restored it)."""
        self.discarded = False
        """The person quit without saving: nothing more is written."""
        self._lock = threading.Lock()
        self._wanted: tuple[Plan | str, str] | None = None
        self._timer: Timer | None = None
        self._told_failure = False
        self._cost = 0.0
        """Seconds the last write took."""
        self.lock = SessionLock(session.path)
        """The recovery numbers this session holds, while it runs."""

    def start(self) -> None:
        """The session begins: hold a recovery number, so other sessions see this one running."""
        if self.enabled:
            self.lock.free_number()

    def end(self) -> None:
        """The session ends: let go of its locks (its kept file becomes a leftover to offer)."""
        self.lock.release()

    # --- when -----------------------------------------------------------------------------------

    def worth_keeping(self) -> bool:
        """True when the plan holds edits that are on no disk (a new plan's empty start is not one)."""
        session = self.session
        if not session.modified or self.discarded:
            return False
        plan = session.plan
        return (
            session.disk_text is not None or plan.has_profile or bool(plan.items) or session.history.can_undo
        )

    def plan_changed(self) -> None:
        """After every change: bring the file up to date a moment later (in one write per burst)."""
        if not self.enabled or self.discarded or self._timer is not None:
            return
        self._timer = self.app.set_timer(max(self.DELAY, 10 * self._cost), self._due)

    def _due(self) -> None:
        self._timer = None
        if self.worth_keeping():
            self._want(edits.snapshot(self.session.plan), self._target())
        elif self.file is not None and not self.adopted:
            target, self.file = self.file, None
            self._want(REMOVE, target)

    def _target(self) -> str:
        if self.file is None:
            self.file = recovery_path(self.session.path, self.lock.free_number())
        return self.file

    def adopt(self, file: str) -> None:
        """The person restored `file`: it holds this session's edits from now on."""
        self.file, self.adopted = file, True
        if self.enabled:
            self.lock.take_file(file)

    # --- the work, in a thread --------------------------------------------------------------------

    def _want(self, wanted: Plan | str, target: str) -> None:
        """Ask for a write (or REMOVE); a thread does the latest wish, one at a time."""
        self._wanted = (wanted, target)
        self.app.run_worker(self._work, thread=True, group="recovery", name="recovery", exit_on_error=False)

    def _work(self) -> None:
        failure = None
        with self._lock:
            job, self._wanted = self._wanted, None
            if job is not None:
                failure = self._do(*job)
        if failure is not None:
            try:
                self.app.call_from_thread(self._failed, failure)
            except RuntimeError:
                pass  # the app is closing

    def _do(self, wanted: Plan | str, target: str) -> Exception | None:
        from planner.core.storage import PlanFileError

        try:
            if wanted == REMOVE:
                remove_recovery(target)
            else:
                if self.session.own_plan:
                    from planner.core.paths import make_folder_for

                    make_folder_for(target)
                    self.lock.take_file(target)  # the folder may be new: hold the number now
                began = time.monotonic()
                written = write_recovery(wanted, self.session.path, target)  # type: ignore[arg-type]
                self._cost = time.monotonic() - began
                if written != target and self.file == target:
                    self.file = written  # a link took the name: the edits are kept at the next one
                    self.lock.take_file(written)
        except (PlanFileError, OSError) as error:
            return error
        return None

    def _failed(self, error: Exception) -> None:
        if self._told_failure:
            return
        self._told_failure = True
        self.app.notify(
            f"Your unsaved edits cannot be kept in a recovery file ({error}); save them soon, "
            "with S (save as) if the plan's folder cannot be written.",
            severity="warning",
            timeout=10,
        )

    # --- at once ----------------------------------------------------------------------------------

    def keep_now(self) -> str | None:
        """The session is ending (a quit, hang-up, termination, crash): write the unsaved edits at
        once, and return the file; or, with none left to keep, remove this session's own file
        (edits undone a moment before a quit leave no file, and so no false crash prompt).
        A file the person restored stays."""
        self._stop_timer()
        if not self.worth_keeping():
            if self.file is not None and not self.adopted and not self.discarded:
                self._remove_own()
            return None
        target = self._target()
        locked = self._lock.acquire(timeout=5)
        try:
            self._wanted = None  # anything waiting is older than this
            failure = self._do(edits.snapshot(self.session.plan), target)
        finally:
            if locked:
                self._lock.release()
        return target if failure is None else None

    def saved(self) -> str | None:
        """After a save: the file goes when the disk holds every edit; returns a restored file so removed."""
        if self.session.modified:
            self.plan_changed()  # edited while saving: those edits still need keeping
            return None
        self._stop_timer()
        if self.file is None:
            return None
        target, adopted = self.file, self.adopted
        self.file, self.adopted = None, False
        self._want(REMOVE, target)
        return target if adopted else None

    def reloaded(self) -> str | None:
        """After a reload dropped the edits: a restored file is let go, kept (returned, to say so)."""
        if self.adopted and self.file is not None:
            kept, self.file, self.adopted = self.file, None, False
            return kept
        self.plan_changed()
        return None

    def discard(self) -> str | None:
        """The person quits without saving: this session's file goes; a restored one stays (returned)."""
        self.discarded = True
        self._stop_timer()
        if self.file is None:
            return None
        if self.adopted:
            return self.file
        self._remove_own()
        return None

    def _remove_own(self) -> None:
        """Remove this session's file at once, after any write in progress; nothing waiting runs."""
        locked = self._lock.acquire(timeout=5)
        try:
            self._wanted = None
            if self.file is not None:
                remove_recovery(self.file)
        except OSError:
            pass
        finally:
            if locked:
                self._lock.release()
        self.file = None

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
