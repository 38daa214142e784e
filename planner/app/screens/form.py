"""The editors' dialog: a form of fields (`planner.app.widgets.fields`) with Save and Cancel."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from planner.app.actions import bindings, keys_said
from planner.app.screens.dialog import Dialog
from planner.app.widgets.fields import FormField

FieldValues = dict[str, Any]
"""A form's values by field name, as the plan file writes them (what `edits.change_item` and
`edits.change_profile` take)."""

ResultT = TypeVar("ResultT")
"""What a form dismisses with when its values are taken."""


class FormScreen(Dialog[ResultT | None], Generic[ResultT]):
    """A dialog of fields with Save and Cancel; dismisses with its `result` or None."""

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
