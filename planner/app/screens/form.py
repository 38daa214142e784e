"""The editors' dialog: a form of fields (`planner.app.widgets.fields`) with Save and Cancel."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from planner.app.actions import bindings, keys_said
from planner.app.widgets.fields import FormField


async def opaque_resize(screen: ModalScreen, event: events.Resize) -> None:
    """A dialog's Resize, without laying out the screens under it again.

    Textual lays out every screen under a new one when it opens (it gets a Resize), in case they
    show through; the dialogs are opaque (styles/dialogs.tcss), so the main screen's relayout was
    wasted, a third of the time to open a dialog. A screen under a dialog is laid out again when it
    comes back if the terminal's size changed meanwhile (Textual's ScreenResume does it).

    Textual calls every class's `_on_resize` in turn, Screen's too, unless the default is
    prevented. And the Resize a dialog gets as it opens is for the size ScreenResume has just laid
    it out at: it is laid out again only when the size is not the one it has (a terminal resized)."""
    event.prevent_default()
    event.stop()
    if event.size != screen.outer_size:
        screen._screen_resized(event.size)


def fresh_styles(screen: ModalScreen, event: events.ScreenResume) -> None:
    """A dialog's first ScreenResume, without styling every widget a second time.

    Textual styles each widget as it is mounted, then again when the screen it is on resumes, in
    case the app's styles changed while the screen was away. A dialog resumes for the first time
    just after its widgets were mounted and styled: the second pass was a fifth of the time to open
    one. Later resumes (back from a dialog over it) restyle as usual."""
    if not getattr(screen, "_resumed", False):
        screen._resumed = True  # type: ignore[attr-defined]
        event.refresh_styles = False


FieldValues = dict[str, Any]
"""A form's values by field name, as the plan file writes them (what `edits.change_item` and
`edits.change_profile` take)."""

ResultT = TypeVar("ResultT")
"""What a form dismisses with when its values are taken."""


class FormScreen(ModalScreen[ResultT | None], Generic[ResultT]):
    """A dialog of fields with Save and Cancel; dismisses with its `result` or None."""

    # The app's breakpoint classes are for the main screen's panes; a dialog's stylesheet needs
    # none, and setting them restyles every field a second time as the dialog opens.
    HORIZONTAL_BREAKPOINTS = []
    VERTICAL_BREAKPOINTS = []

    async def _on_resize(self, event: events.Resize) -> None:
        await opaque_resize(self, event)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        fresh_styles(self, event)

    BINDINGS = bindings("form")

    AUTO_FOCUS = ".field > *"

    heading = ""
    intro = ""
    accept_label = "Save changes"
    dialog_classes = "dialog form"
    """The dialog's classes: "dialog form" fills the screen's height, "dialog short-form" fits its fields."""
    keys_help = "Tab moves between fields, {form.accept} takes them, {form.cancel} cancels."
    """The sentence on the keys, after the intro; `{id}` stands for that action's keys in force."""
    note = ""
    """A paragraph after the keys' sentence (what the person should know before going on)."""

    def fields(self) -> list[FormField]:
        """The form's fields, in order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        self._fields = self.fields()
        with Vertical(classes=self.dialog_classes):
            yield Static(Text(self.heading), classes="dialog-heading")
            intro = " ".join(part for part in (self.intro, keys_said(self.app, self.keys_help)) if part)
            if self.note:
                intro += "\n\n" + self.note
            yield Static(Text(intro), classes="dialog-intro")
            with VerticalScroll(classes="form-fields"):
                yield from (field for field in self._fields if self.composes(field))
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(self.accept_label), variant="primary", id="accept")
                yield Button(Text("Cancel"), id="cancel")

    def composes(self, field: FormField) -> bool:
        """True when the dialog shows `field` from the start (a form may add others later)."""
        return True

    def add_fields(self, fields: list[FormField]) -> None:
        """Put fields that were left out into the dialog, each in its place in the form's order."""
        wanted = {id(field) for field in fields}
        previous: Widget | None = None
        container = self.query_one(".form-fields")
        for field in self._fields:
            if id(field) in wanted and not field.shown_in_form:
                if previous is None:
                    container.mount(field, before=0)
                else:
                    container.mount(field, after=previous)
                previous = field
            elif field.shown_in_form:
                previous = field

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None (with the problems shown) when some value cannot be taken."""
        problems = [field for field in self._fields if field.show_problem()]
        if problems:
            problems[0].widget.focus()
            return None
        return {field.field_name: field.taken() for field in self._fields}

    def result(self, values: FieldValues) -> ResultT:
        """What the dialog answers with, made from its fields' values."""
        raise NotImplementedError

    def action_accept(self) -> None:
        """Take the values and close."""
        values = self.values()
        if values is not None:
            self.dismiss(self.result(values))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "accept":
            self.action_accept()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()
