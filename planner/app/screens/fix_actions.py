"""Fixes on the main screen: the selected diagnostic's fix, `f` to apply it, and Fix all.

The core works each fix out (planner/core/fixes.py); this only asks for the fix of the
diagnostic under the cursor, shows its title, and applies its edit through the app, so it is one
undoable edit like any other. A fix is worked out for the version of the plan the diagnostics
were made for; for a big plan it is worked out in a thread and shown when ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from planner.core.fixes import NO_FIX, Fix, fix_all, fixes_for
from planner.core.validate import Diagnostic

if TYPE_CHECKING:
    from planner.app.app import PlannerApp

_WORKING = object()
"""A fix being worked out in a thread."""


class FixActions(Screen):
    """Fix this (f, in Diagnostics) and Fix all (palette)."""

    _fixes: dict[int, object]
    _fixes_version: int = -1

    @property
    def planner(self) -> PlannerApp:
        """The app, which runs the plan's session."""
        return self.app  # type: ignore[return-value]

    def fix_of(self, diagnostic: Diagnostic, wait: bool = False) -> Fix | None:
        """The fix the diagnostic offers (None: none, or not worked out yet for a big plan).

        `wait` works it out now whatever the plan's size.
        """
        from planner.app.app import SYNC_LIMIT

        app = self.planner
        review = app.review
        if review is None or review.version != app.history.version or review.cat is None:
            return None
        if not any(d is diagnostic for d in review.diagnostics) or diagnostic.waived is not None:
            return None
        if self._fixes_version != review.version:
            self._fixes, self._fixes_version = {}, review.version
        if id(diagnostic) in self._fixes:
            known = self._fixes[id(diagnostic)]
            if known is not _WORKING:
                return known  # type: ignore[return-value]
            if not wait:
                return None
        if wait or len(review.plan.items) <= SYNC_LIMIT:
            found = fixes_for(review.plan, review.cat, review.diagnostics, diagnostic)
            self._fixes[id(diagnostic)] = found[0] if found else None
            return found[0] if found else None
        self._fixes[id(diagnostic)] = _WORKING
        version = review.version

        def work() -> None:
            found = fixes_for(review.plan, review.cat, review.diagnostics, diagnostic)
            app.call_from_thread(self._fix_worked_out, version, diagnostic, found[0] if found else None)

        self.run_worker(work, thread=True, group="fix", name="fix")
        return None

    def _fix_worked_out(self, version: int, diagnostic: Diagnostic, fix: Fix | None) -> None:
        from planner.app.widgets.diagnostics import DiagnosticsPane

        if version != self._fixes_version:
            return
        self._fixes[id(diagnostic)] = fix
        self.query_one(DiagnosticsPane).show_detail()

    def fix_title(self, diagnostic: Diagnostic) -> str | None:
        """The title of the diagnostic's fix, for the Diagnostics pane (None: no fix to show)."""
        fix = self.fix_of(diagnostic)
        return fix.title if fix is not None else None

    def action_fix_diagnostic(self) -> None:
        """Apply the selected diagnostic's fix, as one edit (u takes it back)."""
        diagnostic = self._selected_diagnostic()  # type: ignore[attr-defined]
        if diagnostic is None:
            return
        if diagnostic.waived is not None:
            self.notify("A waived diagnostic is not fixed: it stands as the advisor agreed.", timeout=4)
            return
        self.planner.current_review()
        fix = self.fix_of(diagnostic, wait=True)
        if fix is None:
            why = NO_FIX.get(diagnostic.rule)
            reason = f": {why}" if why else "; the plan does not tell what the remedy would be"
            self.notify(f"{diagnostic.rule} offers no fix here{reason}.", timeout=5)
            return
        self.planner.apply(fix.edit)
        self.planner.say(f"Fixed: {fix.title}. u undoes it.")

    def action_fix_all(self) -> None:
        """Apply every fix the diagnostics offer, one after another, as one edit."""
        app = self.planner
        review = app.current_review()
        result = fix_all(review.plan, review.cat, review.diagnostics)
        if result.edit is None:
            app.say("Nothing to fix: no finding offers a fix.")
            return
        app.apply(result.edit)
        count = len(result.applied)
        app.say(
            f"Applied {count} fix{'es' if count != 1 else ''}. u undoes {'them' if count != 1 else 'it'}."
        )
