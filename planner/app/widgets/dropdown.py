"""Lists of choices that show what is chosen on one line and open on a key: the editors'
one-of-many field (Dropdown) and any-number-of field (TickDropdown), and the list of boxes both
the tick dropdown and the profile pane use (TickList).

A Dropdown looks and answers keys as Textual's Select does (Enter, Space, Up or Down open the
list; typing jumps to a choice; Enter takes it, Esc closes the list without a change), but it is
one widget until it is opened: Select composes five (its current value, two arrows and the
list), and the item dialog has up to six of them, so the list is made the first time it is
needed. A TickDropdown shows the ticked choices' words; its list of boxes opens the same way,
Space ticks or unticks, and Enter, Esc or Tab close it with the boxes as they are. A list of
boxes in full costs a dialog as much as several inputs, and takes seven of its lines.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import Option, OptionDoesNotExist


class Blank:
    """The value of a dropdown with nothing chosen."""

    def __repr__(self) -> str:
        return "BLANK"


BLANK = Blank()
"""What `Dropdown.value` is when nothing is chosen."""

SEARCH_RESET = 0.7
"""Seconds after the last letter typed in an open list before the next one starts a new search."""


class DropdownList(OptionList):
    """The dropdown's open list: typing jumps to the first choice whose words hold what was typed."""

    DEFAULT_CLASSES = "dropdown-list"

    BINDINGS = [Binding("escape", "close", "Close the list", show=False)]

    ALLOW_SELECT = False

    @dataclass
    class Closed(Message):
        """The list closed: a choice (its index) was taken, or not (None)."""

        index: int | None
        lost_focus: bool = False

    def __init__(self, options: Sequence[Option]) -> None:
        super().__init__(*options)
        self._query = ""
        self._query_reset: Timer | None = None

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        self.type_ahead(event.character)

    def type_ahead(self, character: str) -> None:
        """Search on with one more letter, and highlight the choice found (if one is)."""
        if self._query_reset is not None:
            self._query_reset.stop()
        self._query += character.lower()
        self._query_reset = self.set_timer(SEARCH_RESET, self._reset_query)
        found = self._match(self._query)
        if found is not None:
            self.highlighted = found

    def _reset_query(self) -> None:
        self._query = ""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable()

    def _match(self, query: str) -> int | None:
        """The choice whose words hold `query` earliest (the first such choice on a tie)."""
        best: int | None = None
        where: int | None = None
        for index, option in enumerate(self.options):
            prompt = option.prompt
            plain = prompt.plain if isinstance(prompt, Text) else str(prompt)
            found = plain.lower().find(query)
            if found != -1 and (where is None or found < where):
                best, where = index, found
        return best

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Closed(event.option_index))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_close(self) -> None:
        """Close the list without a change."""
        self.post_message(self.Closed(None))

    def on_focus(self) -> None:
        self._query = ""  # each opening of the list starts a search of its own

    def on_blur(self) -> None:
        self.post_message(self.Closed(None, lost_focus=True))


class Dropdown(Widget, can_focus=True):
    """One of a list of choices, shown on one line with an arrow; opens its list on a key."""

    DEFAULT_CSS = """
    Dropdown {
        height: 3;
        width: 1fr;
        border: tall $border-blurred;
        background: $surface;
        color: $foreground;
        padding: 0 2;
        pointer: pointer;
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
        &.-blank {
            color: $foreground 50%;
        }
        & > .dropdown-list {
            display: none;
            width: 1fr;
            height: auto;
            max-height: 12;
            overlay: screen;
            constrain: none inside;
            offset: -3 2;
            margin-right: -6;
            color: $foreground;
            border: tall $border-blurred;
            background: $surface;
            & > .option-list--option {
                padding: 0 1;
            }
        }
        &.-expanded > .dropdown-list {
            display: block;
        }
    }
    """

    OPEN_KEYS = ("enter", "down", "space", "up")
    """The keys that open the list (in `on_key` rather than bindings: see there)."""

    ALLOW_SELECT = False

    expanded: reactive[bool] = reactive(False, init=False)
    """True while the list of choices is open."""

    value: reactive[Any] = reactive[Any](BLANK, init=False, always_update=False)
    """The chosen value, or BLANK."""

    class Changed(Message):
        """The person chose another value."""

        def __init__(self, dropdown: Dropdown, value: Any) -> None:
            super().__init__()
            self.dropdown = dropdown
            self.value = value

        @property
        def control(self) -> Dropdown:
            """The dropdown that changed."""
            return self.dropdown

    def __init__(
        self,
        options: Sequence[tuple[Text, Hashable]],
        value: Any = BLANK,
        prompt: str = "(none)",
        allow_blank: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        """What the dropdown shows, dimmed, when nothing is chosen (and the list's first entry)."""
        self.choices: list[tuple[Text, Any]] = list(options)
        """The choices, as (words shown, value); the blank one first when blank is allowed."""
        if allow_blank:
            self.choices.insert(0, (Text(prompt, style="dim"), BLANK))
        self._list: OptionList | None = None
        self.set_reactive(Dropdown.value, value)
        self.set_class(value is BLANK, "-blank")

    def _label(self) -> Text:
        for words, value in self.choices:
            if value is not BLANK and value == self.value:
                return words.copy()
        return Text(self.prompt)

    def render(self) -> Text:
        width = self.content_size.width
        label = self._label()
        label.no_wrap = True
        label.truncate(max(0, width - 2), overflow="ellipsis", pad=True)
        label.append(" " + ("▲" if self.expanded else "▼"), style="dim")
        return label

    def watch_value(self, value: Any) -> None:
        self.set_class(value is BLANK, "-blank")
        self.refresh()

    def watch_expanded(self, expanded: bool) -> None:
        self.set_class(expanded, "-expanded")
        self.refresh()

    async def action_open(self) -> None:
        """Open the list of choices, the chosen one highlighted."""
        if self._list is None:
            self._list = DropdownList([Option(words) for words, _ in self.choices])
            await self.mount(self._list)
        values = [value for _, value in self.choices]
        self._list.highlighted = values.index(self.value) if self.value in values else 0
        self.expanded = True
        self._list.focus(scroll_visible=False)
        self._list.scroll_to_highlight()

    async def on_key(self, event: events.Key) -> None:
        """Open the list on its keys; letters that come while it is open search it.

        Opening here rather than by a binding keeps the keys typed next in this widget's queue
        until the list is open (a binding runs in the app, after this widget has passed the next
        keys on). So a quick "Enter c a n" opens the list, even the first time, when it is made,
        and searches it for "can"."""
        if not self.expanded:
            if event.key in self.OPEN_KEYS:
                event.stop()
                event.prevent_default()
                await self.action_open()
            return
        if isinstance(self._list, DropdownList) and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self._list.type_ahead(event.character)

    async def on_click(self, event: events.Click) -> None:
        if self._list is not None and event.widget is not self:
            return
        event.stop()
        if self.expanded:
            self.expanded = False
            self.focus()
        else:
            await self.action_open()

    def on_dropdown_list_closed(self, event: DropdownList.Closed) -> None:
        """The list closed: take the choice it names, if any; back to the dropdown unless focus left."""
        event.stop()
        if not self.expanded:
            return
        self.expanded = False
        if event.index is not None:
            value = self.choices[event.index][1]
            if value != self.value:
                self.value = value
                self.post_message(self.Changed(self, value))
        if not event.lost_focus:
            self.focus()


class TickList(SelectionList[Any]):
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


class TickDropdownList(TickList):
    """A tick dropdown's open list: Space ticks, Enter, Esc or leaving it closes it."""

    DEFAULT_CLASSES = "dropdown-list"

    BINDINGS = [
        Binding("space", "select", "Tick", show=False),
        Binding("enter,escape", "close", "Close the list", show=False),
    ]

    def action_close(self) -> None:
        """Close the list, the boxes as they are."""
        self.post_message(DropdownList.Closed(None))

    def on_blur(self) -> None:
        self.post_message(DropdownList.Closed(None, lost_focus=True))


class TickDropdown(Dropdown):
    """Any number of choices, shown on one line as the ticked ones' words; opens a list of boxes."""

    def __init__(
        self, entries: Sequence[tuple[Text, Hashable, bool]], prompt: str = "(none)", id: str | None = None
    ) -> None:
        super().__init__(
            [(words, value) for words, value, _ in entries], prompt=prompt, allow_blank=False, id=id
        )
        self._ticked = [value for _, value, ticked in entries if ticked]
        self.set_class(not self._ticked, "-blank")

    @property
    def selected(self) -> list[Any]:
        """The ticked choices' values."""
        if isinstance(self._list, TickList):
            return list(self._list.selected)
        return list(self._ticked)

    def select_all(self) -> None:
        """Tick every choice."""
        self._ticked = [value for _, value in self.choices]
        if isinstance(self._list, TickList):
            self._list.select_all()
        self.ticks_changed()

    def _label(self) -> Text:
        ticked = set(self.selected)
        words = [words for words, value in self.choices if value in ticked]
        return Text(", ").join(words) if words else Text(self.prompt)

    def ticks_changed(self) -> None:
        """Show the ticks as they are now."""
        self.set_class(not self.selected, "-blank")
        self.refresh()

    async def action_open(self) -> None:
        """Open the list of boxes, the first one highlighted."""
        if self._list is None:
            ticked = set(self._ticked)
            self._list = TickDropdownList(*[(words, value, value in ticked) for words, value in self.choices])
            await self.mount(self._list)
        self._list.highlighted = self._list.highlighted or 0
        self.expanded = True
        self._list.focus(scroll_visible=False)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.ticks_changed()
        self.post_message(self.Changed(self, self.selected))

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        event.stop()
