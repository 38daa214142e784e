"""The editors' fields: each one widget that shows its label, holds the widget that edits the value,
and says under it what is wrong; and gives back the file-style value.

A field shows plan text through `printable`, so a control character in a file shows as `\\x1b`
instead of reaching the terminal. A field the person did not touch gives back exactly what the
file held (even a value of the wrong type), so opening an editor and pressing Save changes
nothing. Choices come from the catalog; a value the catalog does not know is offered too,
marked as such, so it is never lost by opening the editor.

A field draws its label and hint itself, in a column left of its editor, rather than holding them
in widgets of their own: a dialog of sixteen fields then has sixteen widgets more, not sixty, and
opens that much sooner. In the profile pane a field is mounted with the class `-bare`: no label
(its row has one), the editor at the left.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from planner.app.widgets.dropdown import BLANK, Dropdown, TickDropdown, TickList
from planner.app.widgets.line_input import LineInput
from planner.core.terms import Term
from planner.core.text import printable

KEEP = "\0keep"
"""The choice that stands for "what the file holds", when it is not text."""

LABEL_WIDTH = 20
"""The columns of the label left of a field's editor (the stylesheet's `.field > *` margin)."""


def texts(value: Any) -> bool:
    """True when a file value is a list of strings (what list fields hold when well typed)."""
    return isinstance(value, list) and all(isinstance(entry, str) for entry in value)


def shown(value: Any) -> str:
    """A file value as one line of safe text."""
    if value is None:
        return ""
    return printable(value if isinstance(value, str) else repr(value), one_line=True)


EditorT = TypeVar("EditorT", bound=Widget)
"""The kind of widget that edits a field's value."""


class FormField(Widget, Generic[EditorT]):
    """One labelled field of a form: the label and hint (drawn), the editor, and the problem line."""

    def __init__(self, name: str, label: str, original: Any, hint: str = "") -> None:
        super().__init__(name=name, classes="field")
        self.field_name = name
        """The field's key in the file (`title`, `start`, `goal`, ...)."""
        self.label = label
        self.original = original
        """The value the file holds (None when the field is absent)."""
        self.hint = hint
        self._editor: EditorT | None = None
        self.note: Static | None = None
        """The line under the editor that says what is wrong; made the first time there is something."""
        self._label_lines: list[Text] = []

    @property
    def widget(self) -> EditorT:
        """The widget that edits the value, made the first time it is needed."""
        if self._editor is None:
            self._editor = self.make_widget()
            self._editor.id = f"field-{self.field_name}"
        return self._editor

    def make_widget(self) -> EditorT:
        """The widget that edits the value."""
        raise NotImplementedError

    def value(self) -> Any:
        """The value to write (None removes the field)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the value cannot be taken as it is, or None."""
        return None

    def compose(self) -> ComposeResult:
        yield self.widget

    @property
    def shown_in_form(self) -> bool:
        """True once the field is in its dialog (a form may leave some out)."""
        return self.parent is not None

    def taken(self) -> Any:
        """The value to write: the editor's when the field is in the dialog, else the file's."""
        return self.value() if self.shown_in_form else self.original

    # --- the label ----------------------------------------------------------------------------

    def label_lines(self) -> list[Text]:
        """The label (bold) and hint (dim), wrapped to the label's column, a blank line first so
        the label sits beside the editor's text rather than its top edge."""
        if not self._label_lines and not self.has_class("-bare"):
            width = LABEL_WIDTH - 1
            lines = [Text("")]
            lines += [Text(line, style="bold") for line in textwrap.wrap(self.label, width) or [""]]
            lines += [Text(line, style="dim") for line in textwrap.wrap(self.hint, width)]
            self._label_lines = lines
        return self._label_lines

    def render(self) -> Text:
        return Text("\n").join(self.label_lines())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(super().get_content_height(container, viewport, width), len(self.label_lines()))

    # --- the problem line ---------------------------------------------------------------------

    def show_problem(self) -> bool:
        """Show the problem under the editor (or hide the line); True when there is a problem."""
        if not self.shown_in_form:
            return False  # not in the dialog: the file's value is kept as it is
        problem = self.problem()
        if self.note is None:
            if problem is None:
                return False
            self.note = Static("", classes="field-note", markup=False)
            self.mount(self.note)
        self.note.update(Text(problem or ""))
        self.note.set_class(problem is not None, "-problem")
        return problem is not None


class TextField(FormField[Input]):
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

    def make_widget(self) -> Input:
        return LineInput(self.display_value, placeholder=self.placeholder, suggester=self.suggester)

    @property
    def text(self) -> str:
        """What the input holds now."""
        return self.widget.value.strip()

    @property
    def touched(self) -> bool:
        """True when the person changed what the input showed."""
        return self.widget.value != self.display_value

    def value(self) -> Any:
        if not self.touched:
            return self.original
        return self.text or None

    def problem(self) -> str | None:
        if self.required and not self.text:
            return f"{self.label} is needed."
        return None

    def on_input_changed(self) -> None:
        if self.note is not None:
            self.show_problem()  # a problem shown goes as soon as it is put right


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


class ChoiceField(FormField[Dropdown]):
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

    def make_widget(self) -> Dropdown:
        options: list[tuple[Text, str]] = [(Text(label), value) for value, label in self.choices]
        values = {value for value, _ in self.choices}
        initial: Any = BLANK
        if isinstance(self.original, str):
            if self.original not in values:
                options.append((Text(f"{shown(self.original)} (not in the catalog)"), self.original))
            initial = self.original
        elif self.original is not None:
            options.append((Text(f"{shown(self.original)} (as the file has it)"), KEEP))
            initial = KEEP
        if initial is BLANK and not self.allow_blank and options:
            initial = options[0][1]
        return Dropdown(options, value=initial, prompt=self.blank, allow_blank=self.allow_blank)

    def value(self) -> Any:
        selected = self.widget.value
        if selected == KEEP:
            return self.original
        if selected is BLANK:
            return None
        return selected


class ManyField(FormField[TickDropdown | TickList]):
    """Any number of choices (from the catalog), ticked in a list: in a dialog, a tick dropdown
    (one line until opened); in the profile pane's row (`-bare`), the list of boxes in full."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        choices: Sequence[tuple[str, str]],
        hint: str = "",
    ) -> None:
        self.choices = list(choices)
        super().__init__(name, label, original, hint)

    def make_widget(self) -> TickDropdown | TickList:
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
        if self.has_class("-bare"):
            return TickList(*entries)
        return TickDropdown(entries)

    def value(self) -> Any:
        selected = list(self.widget.selected)
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


class NotesField(FormField[TextArea]):
    """Free text over several lines."""

    def __init__(self, name: str, label: str, original: Any, hint: str = "") -> None:
        self.display_value = printable(original) if isinstance(original, str) else shown(original)
        super().__init__(name, label, original, hint)

    def make_widget(self) -> TextArea:
        return TextArea(self.display_value, soft_wrap=True, show_line_numbers=False, tab_behavior="focus")

    def value(self) -> Any:
        text = self.widget.text
        if text == self.display_value:
            return self.original
        return text.strip() or None
