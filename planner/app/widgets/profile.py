"""The Profile pane: where the person stands, a row per field, each editable in place.

When the pane has focus a cursor moves over its rows (Up/Down); Enter (or e) edits the field
under it right in its row, with the widget the profile dialog uses for it: a dropdown for one
choice (education, role, goal), an Input for the name, the years and the first term, a list of
boxes for the lists. Enter (ctrl+s, F2) takes the value, Escape puts the row back, and moving
focus away also puts it back: nothing changes without Enter. A value that cannot be taken gets
one sentence under the field and changes nothing.

The pane never changes the plan: it posts `ProfilePane.Edited` with the new value and the screen
makes it an undoable edit (`planner.core.edits.change_profile`), which revalidates the plan.

Narrow (under 110 columns) the pane is one summary line; when it has focus it grows to show
the rows (the stylesheet does this with `:focus-within`), and folds again when focus leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, SelectionList, Static

from planner.app.actions import bindings, keys_said
from planner.app.widgets.dropdown import Dropdown
from planner.app.widgets.fields import FormField
from planner.core.catalog import Pack
from planner.core.model import Plan
from planner.core.text import readable

FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("education", "Education"),
    ("high_school_courses", "High school"),
    ("credentials", "Holds"),
    ("completed", "Completed"),
    ("role", "Role"),
    ("healthcare_experience_years", "Years in care"),
    ("goal", "Goal"),
    ("starts", "Starts"),
)
"""(field in the file, label) of each row, in the order a person tells where they stand."""

LABEL_WIDTH = 14
"""The labels' column (as wide as `.profile-label` in styles/app.tcss)."""


def _words(value: object) -> str:
    """A file value as a person reads it (`readable`): ids with spaces, nothing as "none"."""
    if value == "":
        return "none"
    text = readable(value, "none", "none", one_line=True)
    return text if isinstance(value, list) else text.replace("-", " ")


def profile_lines(plan: Plan, pack: Pack) -> list[tuple[str, str]]:
    """(label, value) for each thing the profile says, in the order of `FIELDS`."""
    profile = plan.profile
    cat = pack
    goal = profile.get("goal")
    goal_name = cat.goals[goal].name if isinstance(goal, str) and goal in cat.goals else _words(goal)
    role = profile.get("role")
    role_name = cat.name_of(role) if isinstance(role, str) and role in cat.milestones else _words(role)
    years = profile.get("healthcare_experience_years")
    years_text = (
        "none" if years is None else f"{years:g}" if isinstance(years, (int, float)) else _words(years)
    )
    return [
        ("Name", _words(profile.get("name"))),
        ("Education", _words(profile.get("education"))),
        ("High school", _words(profile.get("high_school_courses"))),
        ("Holds", _words(profile.get("credentials"))),
        ("Completed", _words(profile.get("completed"))),
        ("Role", role_name),
        ("Years in care", years_text),
        ("Goal", goal_name),
        ("Starts", _words(profile.get("starts")).replace(" ", "-")),
    ]


def summary(values: dict[str, str]) -> str:
    """The profile in one line, most telling first; what is empty is left out."""
    parts = [values["Name"], f"→ {values['Goal']} from {values['Starts']}"]
    parts.append("no role" if values["Role"] == "none" else values["Role"])
    years = values["Years in care"]
    if years not in ("none", "0"):
        parts.append(f"{years} {'yr' if years == '1' else 'yrs'} in care")
    parts.append(values["Education"])
    if values["Holds"] != "none":
        parts.append(f"holds {values['Holds']}")
    return " · ".join(part for part in parts if part != "none")


class ProfileRow(Horizontal):
    """One field of the profile: its label, and its value or the widget that edits it."""

    def __init__(self, field_name: str, label: str) -> None:
        super().__init__(classes="profile-row")
        self.field_name = field_name
        """The field in the file (`goal`, `healthcare_experience_years`, ...)."""
        self.label = label
        self.value = Static(classes="profile-value")
        self.body = Vertical(self.value, classes="profile-body")

    def compose(self):
        # Padded to the label's width, so that the cursor's reverse video is one bar from the
        # label to the end of the value (Textual does not reverse a widget's blank space).
        yield Static(Text(self.label.ljust(LABEL_WIDTH)), classes="profile-label")
        yield self.body

    def show(self, value: str) -> None:
        """Show this value (already made printable), as plain text."""
        self.value.update(Text(value))

    def on_click(self, event: events.Click) -> None:
        pane = self.parent
        if isinstance(pane, ProfilePane) and pane.editing is None:
            pane.cursor = pane.rows.index(self)
            pane.focus()


class Editing:
    """The field being edited in place: its row, the form field, and the line under it."""

    __slots__ = ("row", "field", "note", "hint")

    def __init__(self, row: ProfileRow, field: FormField, hint: str) -> None:
        self.row = row
        self.field = field
        """The profile dialog's field for it: the editor, its value and its problem."""
        self.hint = hint
        self.note = Static(Text(hint), classes="profile-note")

    @property
    def widget(self) -> Widget:
        """The widget that edits the value."""
        return self.field.widget


class ProfilePane(Vertical, can_focus=True):
    """Where the person stands; a cursor over the fields, Enter edits one in place."""

    BORDER_TITLE = "Profile"

    BINDINGS = bindings("profile")

    cursor: reactive[int] = reactive(0, init=False)
    """The row under the cursor (shown while the pane has focus)."""

    class Edited(Message):
        """The person gave a field a new value (file-style; None removes it): the screen makes the edit."""

        def __init__(self, pane: ProfilePane, values: dict[str, Any]) -> None:
            super().__init__()
            self.pane = pane
            self.values = values

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.plan: Plan | None = None
        self.pack: Pack | None = None
        """The rules the profile's choices are worded by, as of the last `show_plan`."""
        self.field_for: Callable[[Plan, str, Pack], FormField] | None = None
        """Makes the form field that edits one profile field (the screen sets it: the profile
        dialog's own), as `field_for(plan, name, pack)`."""
        self._shown: tuple = ()
        self.summary_line = Static(id="profile-summary")
        self.rows = [ProfileRow(name, label) for name, label in FIELDS]
        self.editing: Editing | None = None
        """The field being edited in place, or None."""

    def compose(self):
        yield self.summary_line
        wide = dict((name, width) for width, name in self.app.HORIZONTAL_BREAKPOINTS).get("-wide", 0)
        if self.app.size.width >= wide:
            yield from self.rows  # on screen from the first frame

    def on_mount(self) -> None:
        self.rows[self.cursor].add_class("-cursor")
        if not self.rows[0].parent:
            # Folded to its summary line, the pane shows no row: they are mounted just after the
            # first frame, which then comes about a sixth sooner (nine rows are 36 widgets to
            # style), and long before a key could unfold the pane.
            self.call_after_refresh(self.mount_rows)

    async def mount_rows(self) -> None:
        """Mount the rows, if they are not yet (the first unfolding or editing waits for it)."""
        if not self.rows[0].parent and self.is_attached:
            await self.mount_all(self.rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Under 110 columns the pane spans the screen's two grid columns, but Textual 8.2.8 sizes
        # an `auto` grid row by measuring a spanning widget at each column's own width and taking
        # the tallest: in the narrow column the rows would wrap and the pane would get a row too
        # tall for it. Measure at the width the pane really has: the whole screen's.
        if not self.screen.has_class("-wide"):
            width = max(width, container.width - self.styles.gutter.width)
        return super().get_content_height(container, viewport, width)

    # --- showing ------------------------------------------------------------------------------

    def show_plan(self, plan: Plan, pack: Pack | None = None) -> None:
        """Show this plan's profile, its choices worded by `pack` (by default the built-in pack the
        plan names); edits replace the profile, so an unchanged one is not redrawn."""
        if pack is None:
            from planner.core.packs import plan_pack

            pack = plan_pack(plan)
        self.pack = pack
        shown = (plan.profile, plan.title, plan.rules)
        if self.plan is not None and shown == self._shown:
            self.plan = plan
            return
        self.plan = plan
        self._shown = shown
        lines = profile_lines(plan, pack)
        for row, (_, value) in zip(self.rows, lines, strict=True):
            row.show(value)
        self.summary_line.update(Text(summary(dict(lines))))

    # --- the cursor ---------------------------------------------------------------------------

    def validate_cursor(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.rows[old].remove_class("-cursor")
        self.rows[new].add_class("-cursor")
        self.rows[new].scroll_visible(animate=False)

    def action_cursor(self, delta: int) -> None:
        """Move the cursor `delta` rows down (up when negative)."""
        self.cursor += delta

    def action_cursor_to(self, row: int) -> None:
        """Put the cursor on row `row` (-1: the last one)."""
        self.cursor = row if row >= 0 else len(self.rows) + row

    # --- editing in place ---------------------------------------------------------------------

    async def action_edit_field(self) -> None:
        """Edit the field under the cursor in its row."""
        if self.plan is None or self.pack is None or self.field_for is None or self.editing is not None:
            return
        await self.mount_rows()
        row = self.rows[self.cursor]
        field = self.field_for(self.plan, row.field_name, self.pack)
        field.add_class("-bare")  # the row has the label; a list shows its boxes in full
        widget = field.widget
        if isinstance(widget, Dropdown):
            hint = "Up/Down choose, Enter takes it, {profile.cancel} cancels."
        elif isinstance(widget, SelectionList):
            hint = "Space ticks or unticks, Enter takes them, {profile.cancel} cancels."
        else:
            hint = "Enter takes it, {profile.cancel} cancels."
        editing = Editing(row, field, keys_said(self.app, hint))
        self.editing = editing
        row.add_class("-editing")
        row.value.display = False
        await row.body.mount(field, editing.note)
        widget.focus(scroll_visible=False)
        if isinstance(widget, Dropdown):
            self.watch(widget, "expanded", self._select_closed, init=False)
            await widget.action_open()
        elif isinstance(widget, Input):
            widget.cursor_position = len(widget.value)
        # Once it is laid out, the whole row in view (its label too) when the pane must scroll.
        self.call_after_refresh(row.scroll_visible, animate=False, top=True)

    def accept(self) -> None:
        """Take the edited value: one edit through the screen, or the problem under the field."""
        editing = self.editing
        if editing is None:
            return
        problem = editing.field.problem()
        if problem is not None:
            editing.note.update(Text(problem))
            editing.note.add_class("-problem")
            editing.widget.focus()
            return
        values = {editing.field.field_name: editing.field.value()}
        self._close()
        self.post_message(self.Edited(self, values))

    def cancel(self) -> None:
        """Put the row back as it was; nothing changes."""
        self._close()

    def _close(self, refocus: bool = True) -> None:
        editing = self.editing
        if editing is None:
            return
        self.editing = None
        if refocus:
            self.screen.set_focus(self)
        editing.field.remove()
        editing.note.remove()
        editing.row.value.display = True
        editing.row.remove_class("-editing")

    def _select_closed(self, expanded: bool) -> None:
        # The dropdown's list closes when a choice is made (Enter or a click) or when focus leaves.
        if not expanded:
            self.call_after_refresh(self._after_select_closed)

    def _after_select_closed(self) -> None:
        editing = self.editing
        if editing is not None and self.screen.focused is editing.widget:
            self.accept()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a field is edited the cursor stays put, and ctrl+s takes the value (not a save).
        if action in ("accept", "cancel"):
            return self.editing is not None
        if action in ("cursor", "cursor_to", "edit_field"):
            return self.editing is None
        return True

    def action_accept(self) -> None:
        """Take the value being edited (from an open list of choices: the highlighted one)."""
        editing = self.editing
        if editing is None:
            return
        widget, focused = editing.widget, self.screen.focused
        if isinstance(widget, Dropdown) and widget.expanded and focused is not widget:
            focused.action_select()  # type: ignore[union-attr]  # the list then closes, which takes it
        else:
            self.accept()

    def action_cancel(self) -> None:
        """Put the field back as it was."""
        self.cancel()

    def on_key(self, event: events.Key) -> None:
        editing = self.editing
        if editing is None:
            return
        widget = editing.widget
        if event.key == "escape":
            self.cancel()  # before an open dropdown's own Escape, which would close it and take it
        elif event.key == "enter" and not isinstance(widget, Dropdown):
            self.accept()  # a list's Enter would tick; Space ticks
        elif event.is_printable and self._is_shortcut(event.key):
            pass  # a letter the field does not use (q, u, p, 1) is not a shortcut while editing
        else:
            return
        event.stop()
        event.prevent_default()

    def _is_shortcut(self, key: str) -> bool:
        """True when `key` would run one of the screen's or the app's actions."""
        active = self.screen.active_bindings.get(key)
        return active is not None and active.node in (self.screen, self.app)

    def on_input_changed(self, event: Input.Changed) -> None:
        editing = self.editing
        if editing is not None and event.input is editing.widget and editing.note.has_class("-problem"):
            problem = editing.field.problem()
            editing.note.update(Text(problem or editing.hint))
            editing.note.set_class(problem is not None, "-problem")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if self.editing is not None:
            self.call_after_refresh(self._check_focus_left)
        self.call_after_refresh(self._show_open)

    def on_descendant_focus(self) -> None:
        self.call_after_refresh(self._show_open)

    def on_focus(self) -> None:
        self.call_after_refresh(self._show_open)

    def on_blur(self) -> None:
        self.call_after_refresh(self._show_open)

    def _show_open(self) -> None:
        # The screen's class lets the stylesheet make room for the unfolded rows where the
        # screen is small (the next steps give way at 60x20, so the timeline stays on screen).
        if self.is_attached:
            self.screen.set_class(self.has_focus_within, "-profile-open")

    def _check_focus_left(self) -> None:
        # Focus went to another widget (Tab, a click, a key that moves it): the edit is dropped.
        # No focus at all (the terminal lost focus) keeps the edit for when it comes back.
        editing = self.editing
        focused = self.screen.focused
        if editing is None or focused is None:
            return
        if editing.row not in focused.ancestors_with_self:
            self._close(refocus=False)
