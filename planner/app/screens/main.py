"""The main screen: Profile, Next steps, Timeline and Diagnostics, and the keys that edit the plan.

The four panes sit in a grid that the stylesheet arranges by width: when narrow (80 columns) the
profile folds to a summary line across the top, the timeline takes the middle with the next
steps beside it, and the diagnostics are a strip at the bottom; when wide the profile and next
steps stack in a column on the left. Every action here turns a key into a call on the app; the
screen redraws when the app publishes a change (its signals), so the app never calls in here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.signal import Signal
from textual.widgets import OptionList

from planner.app.actions import bindings
from planner.app.screens.advisor_actions import AdvisorActions
from planner.app.screens.fix_actions import FixActions
from planner.app.screens.ready import ReadyDialogs, Wanted
from planner.app.widgets.comments import CommentsPane
from planner.app.widgets.diagnostics import DiagnosticList, DiagnosticsPane
from planner.app.widgets.footer import FittingFooter
from planner.app.widgets.header import PlanHeader
from planner.app.widgets.next_steps import NextStepsPane
from planner.app.widgets.profile import ProfilePane
from planner.app.widgets.timeline import TimelinePane
from planner.core import edits
from planner.core.catalog import Pack
from planner.core.model import Item, Plan
from planner.core.review import Review, runs_to

if TYPE_CHECKING:
    from planner.app.screens.dialog import Dialog
    from planner.app.widgets.fields import FormField


def profile_field(plan: Plan, name: str, pack: Pack) -> FormField:
    """The profile dialog's field for one profile field (its module is read on the first edit)."""
    from planner.app.screens.profile_editor import profile_field

    return profile_field(plan, name, pack)


PANES = {"profile": "#profile", "steps": "#steps", "timeline": "#timeline", "diagnostics": "#diagnostic-list"}


class MainScreen(FixActions, AdvisorActions):
    """The plan in four panes (and the comments on the selected item, where there is room)."""

    BINDINGS = bindings("main")

    AUTO_FOCUS = "#timeline"

    def __init__(self) -> None:
        super().__init__()
        self.ready = ReadyDialogs(
            self,
            [
                ("edit", self.edit_dialog, True),
                ("add", self.add_dialog, True),
                ("profile", self.profile_dialog, True),
                ("comment", lambda: self.comment_dialog(self.comment_about()), False),
                ("sign", self.sign_dialog, False),
                ("save-as", self.save_as_dialog, False),
            ],
        )
        """The editors, made ahead while the person reads the plan."""

    def compose(self) -> ComposeResult:
        yield PlanHeader(id="header")
        yield ProfilePane(id="profile")
        with Vertical(id="timeline-column"):
            yield TimelinePane(self.planner.today, id="timeline")
            yield CommentsPane(id="comments")
        yield NextStepsPane(id="steps")
        yield DiagnosticsPane(id="diagnostics")
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(DiagnosticsPane).fix_title = self.fix_title
        self.query_one(ProfilePane).field_for = profile_field
        app = self.planner
        self._watch(app.plan_signal, lambda focus: self.show_plan(app.plan, focus))
        self._watch(app.review_signal, self.show_review)
        self._watch(app.checking_signal, self.show_checking)
        self._watch(app.header_signal, lambda _: self.refresh_header())
        self._watch(app.said_signal, self.query_one(PlanHeader).say)
        app.main_ready()

    def on_screen_resume(self) -> None:
        # Back from a dialog: the dialogs are made ahead again once the person is idle.
        self.ready.soon()

    def on_descendant_focus(self) -> None:
        # Another pane: a comment from the Profile pane is about the whole plan.
        self.ready.soon()

    def _watch(self, signal: Signal, callback) -> None:
        """Call `callback` at once whenever the app publishes `signal`.

        A Signal only logs an exception from a subscriber; this lets it stop the app, as an
        exception anywhere else does, so that no fault in drawing the plan goes unseen.
        """

        def guarded(data) -> None:
            try:
                callback(data)
            except Exception as error:
                self.app._handle_exception(error)

        signal.subscribe(self, guarded, immediate=True)

    # --- showing the plan ---------------------------------------------------------------------

    @property
    def timeline(self) -> TimelinePane:
        """The Timeline pane."""
        return self.query_one(TimelinePane)

    def show_plan(self, plan: Plan, focus: Item | None) -> None:
        """Draw what changes at once with the plan: the timeline, the profile, the header."""
        pack = self.planner.pack
        self.timeline.show_plan(plan, focus, pack)
        self.query_one(CommentsPane).show_plan(plan, self.timeline.selected_item)
        self.query_one(ProfilePane).show_plan(plan, pack)
        self.refresh_header()
        self.ready.soon()

    def show_review(self, review: Review) -> None:
        """Draw a new review: marks, next steps, diagnostics."""
        self.timeline.show_review(review)
        self.query_one(NextStepsPane).show_steps(
            review.plan, review.steps, review.counts["error"], review.cat
        )
        self.query_one(DiagnosticsPane).show_review(review)

    def show_checking(self, latest: Review | None) -> None:
        """Say that the diagnostics are being brought up to date (`latest`: the review shown so far)."""
        self.query_one(DiagnosticsPane).show_checking(latest)

    def refresh_header(self) -> None:
        """Redraw the title line."""
        app = self.planner
        self.query_one(PlanHeader).show(app.plan.title, app.path, app.modified, app.pack.id)

    # --- moving around ------------------------------------------------------------------------

    def action_focus_pane(self, name: str) -> None:
        """Focus a pane by name: profile, steps, timeline, diagnostics."""
        self.query_one(PANES[name]).focus()

    def on_cursor_rows_cursor_moved(self, event) -> None:
        # Moving through the diagnostics shows each one's item in the timeline, focus staying put.
        rows = event.rows
        if rows is self.timeline:
            self.query_one(CommentsPane).show_item(rows.selected_item)
            self.ready.soon()
        if isinstance(rows, DiagnosticList) and rows.has_focus:
            diagnostic = rows.selected
            if diagnostic is not None and diagnostic.item is not None:
                self.timeline.select_item_id(diagnostic.item)

    def action_goto_diagnostic(self) -> None:
        """Go to the item the selected diagnostic is on (the profile when it is on the plan)."""
        diagnostic = self.query_one(DiagnosticList).selected
        if diagnostic is None:
            return
        if diagnostic.item is None:
            self.query_one(ProfilePane).focus()
            return
        if self.timeline.select_item_id(diagnostic.item):
            self.timeline.focus()
        else:
            self.notify(f"No item has the id {diagnostic.item}.", timeout=3)

    # --- editing ------------------------------------------------------------------------------

    def action_undo(self) -> None:
        """Undo the last edit."""
        self.planner.undo()

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        self.planner.redo()

    def _selected(self) -> Item | None:
        item = self.timeline.selected_item
        if item is None:
            self.notify("The timeline is empty: add an item (a) or take a next step (t).", timeout=3)
        return item

    def action_move_item(self, terms: int) -> None:
        """Move the selected item `terms` terms later (earlier when negative)."""
        item = self._selected()
        if item is not None:
            self.planner.try_edit(edits.move_item, item, terms)

    def action_resize_item(self, terms: int) -> None:
        """Make the selected item `terms` terms longer (shorter when negative)."""
        item = self._selected()
        if item is None:
            return
        pack = self.planner.pack
        self.planner.try_edit(edits.resize_item, item, terms, runs_to(self.planner.plan, item, pack), pack)

    def action_delete_item(self) -> None:
        """Delete the selected item (undo brings it back)."""
        item = self._selected()
        if item is not None and self.planner.try_edit(edits.delete_item, item):
            self.planner.say(f"Deleted {item.id or 'the item'}; u undoes it.")

    def action_take_step(self, number: int | None = None) -> None:
        """Take the highlighted next step (or step `number`, counting from 0)."""
        steps = self.planner.current_review().steps
        if not steps:
            self.notify("There is no next step to take.", timeout=3)
            return
        pane = self.query_one(NextStepsPane)
        index = number if number is not None else (pane.highlighted or 0)
        step = steps[min(index, len(steps) - 1)]
        if self.planner.try_edit(edits.take_step, step):
            self.planner.say(f"Added {step.name} from {step.start}.")

    def action_take_all_steps(self) -> None:
        """Take every next step at once."""
        steps = self.planner.current_review().steps
        if not steps:
            self.notify("There is no next step to take.", timeout=3)
            return
        self.planner.try_edit(edits.take_steps, steps)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, NextStepsPane):
            event.stop()
            self.action_take_step(event.option_index)

    # --- the editors (made ahead: see screens/ready.py) -----------------------------------------

    def add_dialog(self) -> Wanted:
        """The Add item dialog as it would be made now: a new item starting with the selected one."""
        from planner.app.screens.item_editor import ItemEditorScreen

        app = self.planner
        plan, pack = app.plan, app.pack
        selected = self.timeline.selected_item
        start = (selected.start if selected is not None else None) or plan.profile.starts or app.today.next()

        def make() -> Dialog:
            item = Item(id=plan.new_item_id("course"), requirement="course", start=start)
            return ItemEditorScreen(plan, item, pack, new=True)

        return self._made_from(str(start)), make

    def edit_dialog(self) -> Wanted | None:
        """The Edit item dialog for the selected item (None: the timeline is empty)."""
        from planner.app.screens.item_editor import ItemEditorScreen

        app = self.planner
        plan, pack, item = app.plan, app.pack, self.timeline.selected_item
        if item is None:
            return None
        return self._made_from(item), lambda: ItemEditorScreen(plan, item, pack)

    def profile_dialog(self) -> Wanted:
        """The Edit profile dialog."""
        from planner.app.screens.profile_editor import ProfileEditorScreen

        app = self.planner
        plan, pack = app.plan, app.pack
        return self._made_from(), lambda: ProfileEditorScreen(plan, pack)

    @work(group="flow")
    async def action_add_item(self) -> None:
        """Add an item: the item editor opens on a new one."""
        app = self.planner
        plan = app.plan
        values = await app.push_screen_wait(self.ready.take_or_make("add", self.add_dialog()))
        if values is None:
            return
        new = Item()
        for name, value in values.items():
            new.set(name, value)
        app.apply(edits.add_item(plan, new))

    @work(group="flow")
    async def action_edit_item(self) -> None:
        """Edit every field of the selected item."""
        item = self._selected()
        wanted = self.edit_dialog()
        if item is None or wanted is None:
            return
        app = self.planner
        values = await app.push_screen_wait(self.ready.take_or_make("edit", wanted))
        if values is not None:
            app.try_edit(edits.change_item, item, values)

    def action_switch_rules(self, rules: str) -> None:
        """Check the plan against another rule pack, as one undoable edit."""
        if not self.planner.try_edit(edits.change_rules, rules):
            self.notify(f"The plan is checked against {rules} already.", timeout=3)

    @work(group="flow")
    async def action_edit_profile(self) -> None:
        """Edit the profile (and the plan's title)."""
        app = self.planner
        values = await app.push_screen_wait(self.ready.take_or_make("profile", self.profile_dialog()))
        if values is not None:
            app.try_edit(edits.change_profile, values)

    def on_profile_pane_edited(self, event: ProfilePane.Edited) -> None:
        # A field edited in place in the Profile pane: one undoable edit, like the dialog's.
        event.stop()
        self.planner.try_edit(edits.change_profile, event.values)

    def action_show_source(self) -> None:
        """Show the seed sentences behind the selected diagnostic (or the selected item's)."""
        from planner.app.screens.source import SourceScreen

        diagnostics = self.query_one(DiagnosticList)
        if self.focused is self.timeline:
            item = self.timeline.selected_item
            if item is None:
                return
            found = self.planner.current_review().by_item.get(item.id or "", [])
            self.app.push_screen(SourceScreen(item=item, diagnostics=found))
            return
        diagnostic = diagnostics.selected
        if diagnostic is None:
            self.notify("There is no diagnostic to show the source of.", timeout=3)
            return
        self.app.push_screen(SourceScreen(diagnostics=[diagnostic]))

    # --- files --------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the plan to its file (asks first when the file was changed by someone else)."""
        from planner.app.screens.changed import save_plan

        save_plan(self.planner)

    def save_as_dialog(self) -> Wanted:
        """The Save as dialog, as it would be made now."""
        from planner.app.screens.save_as import SaveAsScreen

        path = self.planner.path
        return self._made_from(path), lambda: SaveAsScreen(path)

    @work(group="flow")
    async def action_save_as(self) -> None:
        """Save the plan to another file, which it then belongs to."""
        app = self.planner
        path = await app.push_screen_wait(self.ready.take_or_make("save-as", self.save_as_dialog()))
        if path:
            app.save(path)

    def action_export_report(self) -> None:
        """Write the plan's report (Markdown or HTML) to a file a dialog proposes beside the plan."""
        from planner.app.screens.export_dialog import export_report

        export_report(self.planner)

    @work(group="flow")
    async def action_reload(self) -> None:
        """Read the plan again from disk; asks first when there are unsaved edits."""
        app = self.planner
        if not app.modified:
            app.reload()
            return
        from planner.app.screens.confirm import ConfirmScreen

        choice = await app.push_screen_wait(
            ConfirmScreen(
                "Reload and lose your edits?",
                f"Reading {app.path} again drops the edits that are not saved.",
                [("reload", "Reload"), ("cancel", "Keep my edits")],
            )
        )
        if choice == "reload":
            app.reload()
