"""Form fields for the editors: a label, a widget, and the file-style value it gives back.

A field shows plan text through `printable`, so a control character in a file shows as `\\x1b`
instead of reaching the terminal. A field the person did not touch gives back exactly what the
file held (even a value of the wrong type), so opening an editor and pressing Save changes
nothing. Choices come from the catalog; a value the catalog does not know is offered too,
marked as such, so it is never lost by opening the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from planner.app.actions import bindings, keys_said
from planner.core.terms import Term
from planner.core.text import printable

KEEP = "\0keep"
"""The Select value that stands for "what the file holds", when it is not text."""


def texts(value: Any) -> bool:
    """True when a file value is a list of strings (what list fields hold when well typed)."""
    return isinstance(value, list) and all(isinstance(entry, str) for entry in value)


def shown(value: Any) -> str:
    """A file value as one line of safe text."""
    if value is None:
        return ""
    return printable(value if isinstance(value, str) else repr(value), one_line=True)


class FormField:
    """One labelled field of a form."""

    def __init__(self, name: str, label: str, original: Any, hint: str = "") -> None:
        self.name = name
        self.label = label
        self.original = original
        """The value the file holds (None when the field is absent)."""
        self.hint = hint
        self._widget: Widget | None = None
        self.row: Widget | None = None
        """The field's row in the dialog, once it is composed (a form may leave some out)."""
        self.note: Static | None = None
        """The line under the widget that says what is wrong; made the first time there is something."""

    @property
    def widget(self) -> Widget:
        """The widget that edits the value, made the first time it is needed."""
        if self._widget is None:
            self._widget = self.make_widget()
            self._widget.id = f"field-{self.name}"
        return self._widget

    def make_widget(self) -> Widget:
        """The widget that edits the value."""
        raise NotImplementedError

    def value(self) -> Any:
        """The value to write (None removes the field)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the value cannot be taken as it is, or None."""
        return None

    def compose(self) -> ComposeResult:
        """The row: the label with its hint in one Static, then the widget (and, once there is a
        problem, a line saying it). Few widgets per field, so that a dialog of sixteen opens fast."""
        yield self.make_row()

    def make_row(self) -> Widget:
        """The field's row (see `compose`), kept as `row`."""
        label = Text(self.label, style="bold")
        if self.hint:
            label.append("\n")
            label.append(self.hint, style="dim")
        self.row = Horizontal(
            Static(label, classes="field-label"), Vertical(self.widget, classes="field-body"), classes="field"
        )
        return self.row

    def taken(self) -> Any:
        """The value to write: the widget's when the field is in the dialog, else the file's."""
        return self.value() if self.row is not None else self.original

    def show_problem(self) -> bool:
        """Show the problem under the field (or hide the line); True when there is a problem."""
        if self.row is None:
            return False  # not in the dialog: the file's value is kept as it is
        problem = self.problem()
        if self.note is None:
            if problem is None:
                return False
            self.note = Static("", classes="field-note", markup=False)
            body = self.widget.parent
            if body is not None:
                body.mount(self.note)  # type: ignore[attr-defined]
        self.note.update(Text(problem or ""))
        self.note.set_class(problem is not None, "-problem")
        return problem is not None


class TextField(FormField):
    """Free text in one line."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        hint: str = "",
        required: bool = False,
        suggester: Suggester | None = None,
        placeholder: str = "",
    ) -> None:
        self.required = required
        self.suggester = suggester
        self.placeholder = placeholder
        self.display_value = shown(original)
        super().__init__(name, label, original, hint)

    def make_widget(self) -> Widget:
        return Input(self.display_value, placeholder=self.placeholder, suggester=self.suggester)

    @property
    def text(self) -> str:
        """What the input holds now."""
        return self.widget.value.strip()  # type: ignore[attr-defined]

    @property
    def touched(self) -> bool:
        """True when the person changed what the input showed."""
        return self.widget.value != self.display_value  # type: ignore[attr-defined]

    def value(self) -> Any:
        if not self.touched:
            return self.original
        return self.text or None

    def problem(self) -> str | None:
        if self.required and not self.text:
            return f"{self.label} is needed."
        return None


class TermField(TextField):
    """A term such as 2027-fall."""

    def __init__(self, name: str, label: str, original: Any, hint: str = "", required: bool = False) -> None:
        super().__init__(name, label, original, hint, required, placeholder="2027-fall")

    def problem(self) -> str | None:
        if not self.touched:
            return None
        if not self.text:
            return f"{self.label} is needed." if self.required else None
        if Term.parse(self.text) is None:
            return f'"{shown(self.text)}" is not a term; write one such as 2027-fall (spring, summer, fall).'
        return None


class NumberField(TextField):
    """A number (of years), written in digits, optionally within a range."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        hint: str = "",
        low: float | None = None,
        high: float | None = None,
    ) -> None:
        self.low = low
        self.high = high
        super().__init__(name, label, original, hint)

    def value(self) -> Any:
        if not self.touched:
            return self.original
        if not self.text:
            return None
        number = float(self.text)
        return int(number) if number.is_integer() else number

    def _range(self) -> str:
        if self.low is not None and self.high is not None:
            return f"from {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"of {self.low:g} or more"
        return f"of {self.high:g} or less"

    def problem(self) -> str | None:
        if not self.touched or not self.text:
            return None
        bounded = self.low is not None or self.high is not None
        if not DIGITS.fullmatch(self.text):
            within = f", {self._range()}" if bounded else ""
            return f'"{shown(self.text)}" is not a number; write {self.label.lower()} in digits{within}.'
        number = float(self.text)
        if (self.low is not None and number < self.low) or (self.high is not None and number > self.high):
            return f"{self.text} is out of range: {self.label.lower()} must be {self._range()}."
        return None


DIGITS = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")
"""A number as a person writes one in digits: 2, 1.5, .5 (not 1e3, inf or nan, which float() takes)."""


class ChoiceField(FormField):
    """One of a list of choices (from the catalog)."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        choices: Sequence[tuple[str, str]],
        hint: str = "",
        allow_blank: bool = True,
        blank: str = "(none)",
    ) -> None:
        self.choices = list(choices)
        self.allow_blank = allow_blank
        self.blank = blank
        super().__init__(name, label, original, hint)

    def make_widget(self) -> Widget:
        options: list[tuple[Text, str]] = [(Text(label), value) for value, label in self.choices]
        values = {value for value, _ in self.choices}
        initial: Any = Select.NULL
        if isinstance(self.original, str):
            if self.original not in values:
                options.append((Text(f"{shown(self.original)} (not in the catalog)"), self.original))
            initial = self.original
        elif self.original is not None:
            options.append((Text(f"{shown(self.original)} (as the file has it)"), KEEP))
            initial = KEEP
        if initial is Select.NULL and not self.allow_blank and options:
            initial = options[0][1]
        return Select(options, prompt=self.blank, allow_blank=self.allow_blank, value=initial)

    def value(self) -> Any:
        selected = self.widget.value  # type: ignore[attr-defined]
        if selected == KEEP:
            return self.original
        if selected is Select.NULL or selected is Select.BLANK:
            return None
        return selected


class ManyField(FormField):
    """Any number of choices (from the catalog), ticked in a list."""

    def __init__(
        self, name: str, label: str, original: Any, choices: Sequence[tuple[str, str]], hint: str = ""
    ) -> None:
        self.choices = list(choices)
        super().__init__(name, label, original, hint)

    def make_widget(self) -> Widget:
        held = self.original if texts(self.original) else []
        values = [value for value, _ in self.choices]
        entries = [(Text(label), value, value in held) for value, label in self.choices]
        for value in dict.fromkeys(held):
            if value not in values:
                entries.append((Text(f"{shown(value)} (not in the catalog)"), value, True))
        if self.original is not None and not texts(self.original):
            # A value of the wrong type (a number, a table, a list holding other things) is kept
            # while this entry stays ticked.
            entries.append((Text(f"{shown(self.original)} (as the file has it)"), KEEP, True))
        return TickList(*entries)

    def value(self) -> Any:
        selected = list(self.widget.selected)  # type: ignore[attr-defined]
        if KEEP in selected:
            return self.original
        held = self.original if texts(self.original) else None
        if held is not None and set(selected) == set(held):
            return held
        if not selected:
            return [] if held is not None else None
        order = {value: index for index, (value, _) in enumerate(self.choices)}
        kept = [value for value in (held or []) if value in selected]
        return kept + sorted((v for v in selected if v not in kept), key=lambda v: order.get(v, len(order)))


class TickList(SelectionList):
    """A SelectionList whose boxes are empty when not ticked, so they read without colour."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:
            segments[1] = Segment(" ", segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip


class LastWordSuggester(Suggester):
    """Completes the last of several comma-separated ids from a list."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        # Suggestions are drawn in the field: ids from the plan are shown printable there too.
        self.words = sorted({printable(word, one_line=True) for word in words})

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, last = value.rpartition(",")
        last_stripped = last.lstrip()
        if not last_stripped:
            return None
        for word in self.words:
            if word.startswith(last_stripped) and word != last_stripped:
                return value + word[len(last_stripped) :]
        return None


class IdsField(TextField):
    """A list of item ids, written with commas."""

    def __init__(self, name: str, label: str, original: Any, known: Iterable[str], hint: str = "") -> None:
        display = ", ".join(shown(entry) for entry in original) if isinstance(original, list) else original
        super().__init__(name, label, display, hint, suggester=LastWordSuggester(known), placeholder="id, id")
        self.original = original

    def value(self) -> Any:
        if not self.touched:
            return self.original
        ids = [part.strip() for part in self.text.split(",") if part.strip()]
        if not ids:
            return [] if isinstance(self.original, list) else None
        return ids


class NotesField(FormField):
    """Free text over several lines."""

    def __init__(self, name: str, label: str, original: Any, hint: str = "") -> None:
        self.display_value = printable(original) if isinstance(original, str) else shown(original)
        super().__init__(name, label, original, hint)

    def make_widget(self) -> Widget:
        return TextArea(self.display_value, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")

    def value(self) -> Any:
        text = self.widget.text  # type: ignore[attr-defined]
        if text == self.display_value:
            return self.original
        return text.strip() or None


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

    BINDINGS = bindings("form")

    AUTO_FOCUS = ".field-body > *"

    heading = ""
    intro = ""
    accept_label = "Save changes"
    dialog_classes = "dialog form"
    """The dialog's classes: "dialog form" fills the screen's height, "dialog short-form" fits its fields."""
    keys_help = "Tab moves between fields, {form.accept} takes them, {form.cancel} cancels."
    """The sentence on the keys, after the intro; `{id}` stands for that action's keys in force."""

    def fields(self) -> list[FormField]:
        """The form's fields, in order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        self._fields = self.fields()
        with Vertical(classes=self.dialog_classes):
            yield Static(Text(self.heading), classes="dialog-heading")
            intro = " ".join(part for part in (self.intro, keys_said(self.app, self.keys_help)) if part)
            yield Static(Text(intro), classes="dialog-intro")
            with VerticalScroll(classes="form-fields"):
                for field in self._fields:
                    if self.composes(field):
                        yield from field.compose()
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
        for field in self._fields:
            if id(field) in wanted and field.row is None:
                row = field.make_row()
                container = self.query_one(".form-fields")
                if previous is None:
                    container.mount(row, before=0)
                else:
                    container.mount(row, after=previous)
                previous = row
            elif field.row is not None:
                previous = field.row

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None (with the problems shown) when some value cannot be taken."""
        problems = [field for field in self._fields if field.show_problem()]
        if problems:
            problems[0].widget.focus()
            return None
        return {field.name: field.taken() for field in self._fields}

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

    def on_input_changed(self, event: Input.Changed) -> None:
        for field in self._fields:
            if field.row is not None and field.widget is event.input:
                field.show_problem()
