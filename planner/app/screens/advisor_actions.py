"""The advisor's side of the main screen: comment, list comments, sign, waive, compare, save a copy.

`MainScreen` takes these actions (and their keys) from `AdvisorActions`, its base class, so that
the screen's own module stays about its panes. Every change to the plan is one of the core's
undoable edits (`edits.add_comment`, `add_waiver`, `remove_waiver`, `sign`), made through the
app, so it marks the plan unsaved, is checked at once and goes away with undo.

Names: the name given in any of these dialogs is remembered for the session (`app.author`) and
offered in the next. Before that, the comment dialog offers the profile's name (the person
whose plan it is writes most comments in their own app), while sign and waive start empty:
approving and waiving are an advisor's acts, and the student's name there would be wrong.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from planner.app.actions import bindings
from planner.app.screens.ready import Key, ReadyDialogs, Wanted
from planner.core import edits

if TYPE_CHECKING:
    from planner.app.app import PlannerApp
    from planner.app.widgets.timeline import TimelinePane


class AdvisorActions(Screen):
    """Actions on the conversation around a plan: comments, waivers, approvals, alternatives."""

    BINDINGS = bindings("advisor")

    ready: ReadyDialogs
    """The dialogs made ahead while the person reads the plan (the main screen makes them)."""

    @property
    def planner(self) -> PlannerApp:
        """The app, which runs the plan's session."""
        return self.app  # type: ignore[return-value]

    @property
    def timeline(self) -> TimelinePane:
        """The Timeline pane."""
        from planner.app.widgets.timeline import TimelinePane

        return self.query_one(TimelinePane)

    def default_name(self, for_comment: bool = False) -> str:
        """The name to offer: the last one given this session; for a comment, else the profile's."""
        if self.planner.author:
            return self.planner.author
        name = self.planner.plan.profile.name
        return name if for_comment and isinstance(name, str) else ""

    def _made_from(self, *things: object) -> Key:
        """What a dialog made ahead shows besides `things`: the plan as it is now, its rules, the
        theme (see screens/ready.py)."""
        app = self.planner
        return (app.history, app.history.version, app.pack, app.theme, *things)

    # --- comments -----------------------------------------------------------------------------

    def comment_about(self) -> str | None:
        """The id of the item a comment is about: the selected one (None from the Profile pane:
        the whole plan)."""
        from planner.app.widgets.profile import ProfilePane

        item = None if isinstance(self.focused, ProfilePane) else self.timeline.selected_item
        return item.id if item is not None else None

    def comment_dialog(self, item_id: str | None) -> Wanted:
        """The comment dialog about `item_id`, as it would be made now."""
        from planner.app.screens.advisor_dialogs import AddCommentScreen

        app = self.planner
        plan, pack, name, date = app.plan, app.pack, self.default_name(for_comment=True), app.date_today()
        return (
            self._made_from(item_id, name, date.isoformat()),
            lambda: AddCommentScreen(plan, pack, item_id, name, date),
        )

    def action_add_comment(self) -> None:
        """Add a comment about the selected item, or about the whole plan from the Profile pane."""
        self.ask_comment(self.comment_about())

    @work(group="flow")
    async def ask_comment(self, item_id: str | None, then=None) -> None:
        """Ask for a comment (about `item_id` to begin with) and add it; `then()` runs after it is added."""
        app = self.planner
        date = app.date_today()
        answer = await app.push_screen_wait(self.ready.take_or_make("comment", self.comment_dialog(item_id)))
        if answer is None:
            return
        app.author = answer.author.strip() or app.author
        item = answer.item
        if app.try_edit(edits.add_comment, answer.author, answer.text, item, date):
            app.say(f"Comment added on {item}." if item else "Comment added on the plan.")
            if then is not None:
                then()

    @work(group="flow")
    async def action_show_comments(self) -> None:
        """Every comment, grouped by item; choosing one goes to its item."""
        from planner.app.screens.comments import PLAN_WIDE, CommentsScreen

        item = self.timeline.selected_item
        item_id = await self.app.push_screen_wait(CommentsScreen(item.id if item is not None else None))
        if item_id is None:
            return
        if item_id == PLAN_WIDE:
            self.query_one("#profile").focus()
        elif self.timeline.select_item_id(item_id):
            self.timeline.focus()
        else:
            self.notify(f"No item has the id {item_id}.", timeout=3)

    # --- approvals ----------------------------------------------------------------------------

    def sign_dialog(self, review_now: bool = False) -> Wanted | None:
        """The Sign dialog, as it would be made now (None: the plan's review is not ready, and
        `review_now` does not ask for it to be made on the spot)."""
        from planner.app.screens.advisor_dialogs import SignScreen

        app = self.planner
        review = app.review
        if review_now:
            review = app.current_review()
        elif review is None or review.version != app.history.version:
            return None
        name, date, errors = self.default_name(), app.date_today(), review.errors
        return self._made_from(name, date.isoformat(), errors), lambda: SignScreen(name, date, errors)

    @work(group="flow")
    async def action_sign(self) -> None:
        """Sign (approve) the plan as it is now: an approval bound to its content's digest."""
        app = self.planner
        date = app.date_today()
        wanted = self.sign_dialog(review_now=True)
        assert wanted is not None
        answer = await app.push_screen_wait(self.ready.take_or_make("sign", wanted))
        if answer is None:
            return
        by = answer.by
        app.author = by or app.author
        if app.try_edit(edits.sign, by, date):
            app.say(f"Signed as {by}; save to keep it. u undoes it.")

    # --- waivers ------------------------------------------------------------------------------

    def _selected_diagnostic(self):
        from planner.app.widgets.diagnostics import DiagnosticList

        diagnostic = self.query_one(DiagnosticList).selected
        if diagnostic is None:
            self.notify("There is no diagnostic selected (4 goes to Diagnostics).", timeout=3)
        return diagnostic

    @work(group="flow")
    async def action_waive_diagnostic(self) -> None:
        """Waive the selected diagnostic: ask who and why, then add a waiver (undo removes it)."""
        from planner.app.screens.advisor_dialogs import WaiveScreen
        from planner.app.widgets.diagnostics import DiagnosticList

        diagnostic = self._selected_diagnostic()
        if diagnostic is None:
            return
        if diagnostic.waived is not None:
            self.notify(
                f"This is waived already, by {diagnostic.waived.by or 'someone'}; "
                "Remove waiver (in the palette) or undo takes the waiver away.",
                timeout=5,
            )
            return
        if diagnostic.rule in edits.NOT_WAIVABLE:
            self.notify(edits.NOT_WAIVABLE[diagnostic.rule], severity="warning", timeout=5)
            return
        app = self.planner
        date = app.date_today()
        answer = await app.push_screen_wait(WaiveScreen(diagnostic, self.default_name(), date))
        if answer is None:
            return
        by = answer.by
        app.author = by or app.author
        done = app.try_edit(edits.add_waiver, diagnostic.rule, diagnostic.item, by, answer.reason, date)
        if done:
            app.say(f"Waived {diagnostic.rule}; u undoes it.")
            self.query_one(DiagnosticList).focus()

    def action_remove_waiver(self) -> None:
        """Take away the waiver of the selected diagnostic (a waived one, or a stale waiver)."""
        diagnostic = self._selected_diagnostic()
        if diagnostic is None:
            return
        waiver = edits.waiver_for(self.planner.plan, diagnostic, self.planner.pack)
        if waiver is None:
            self.notify("The selected diagnostic is not waived, and is not a stale waiver.", timeout=4)
            return
        if self.planner.try_edit(edits.remove_waiver, waiver):
            self.planner.say(f"Removed the waiver of {waiver.rule}; u puts it back.")

    # --- alternatives -------------------------------------------------------------------------

    def action_compare(self) -> None:
        """Set this plan beside another (a copy with another route, say): outcomes and differences."""
        from planner.app.screens.compare import ComparePickScreen, CompareScreen, shown_path

        app = self.planner

        def chosen(answer) -> None:
            if answer is None:
                return
            path, loaded = answer
            same_file = os.path.abspath(path) == os.path.abspath(app.path)
            this_name, other_name = os.path.basename(app.path), os.path.basename(path)
            if this_name == other_name and not same_file:
                other_name = shown_path(path)
            if same_file:
                this_name, other_name = this_name + " (with your edits)", other_name + " (on disk)"
            elif app.modified:
                this_name += " (unsaved)"
            screen = CompareScreen(
                edits.snapshot(app.plan), this_name, loaded.plan, other_name, shown_path(path), pack=app.pack
            )
            app.push_screen(screen)

        app.push_screen(ComparePickScreen(app.path), chosen)

    @work(group="flow")
    async def action_save_copy(self) -> None:
        """Write a copy of the plan, as it is now, to another file, and go on editing this one."""
        from planner.app.screens.save_as import SaveAsScreen

        path = await self.app.push_screen_wait(SaveAsScreen(self.planner.path, copy=True))
        if path:
            self.save_copy(path)

    def save_copy(self, path: str) -> None:
        """Write the copy in a thread; the session's file, history and unsaved state stay as they are."""
        from planner.core import storage

        app = self.planner
        plan = edits.snapshot(app.plan)

        def work() -> None:
            try:
                storage.save(plan, path)
            except storage.PlanFileError as error:
                app.call_from_thread(
                    app.notify, f"The copy was not written: {error}", severity="error", timeout=8
                )
            except OSError as error:
                app.call_from_thread(
                    app.notify,
                    f"The copy was not written: {path}: {error.strerror}",
                    severity="error",
                    timeout=8,
                )
            else:
                app.call_from_thread(
                    app.notify,
                    f"A copy of the plan is in {path}; you are still editing {app.path}. "
                    "Compare with another plan (in the palette) sets them side by side.",
                    timeout=8,
                )

        self.run_worker(work, thread=True, group="save-copy", name="save a copy")
