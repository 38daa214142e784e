"""Dialogs made ahead: composed while the plan sits on screen, shown at once on their key.

Most of the time to open a dialog is Textual composing, mounting and styling its widgets, and an
editor has many. So once the person has left the main screen alone for `READY_AFTER` seconds,
the main screen makes its Add item, Edit item and Edit profile dialogs for the plan as it is then
(and the item then selected), one at a time; the key then shows a dialog that only has to be laid
out and drawn. Smaller dialogs (comment, sign, save as) are made ahead too once the person has
opened them in this session: a student who never signs a plan never pays for a Sign dialog.

Each dialog is made from what it shows: a dialog made for another state of the plan, another
item, rule pack or theme is dropped, and the key makes a fresh one as it always did.

A dialog made ahead is an ordinary screen that is not on the screen stack yet. Textual composes a
screen when it is first pushed and lays out only the screen on top, and has no public call to do
either before; so this module is the one place that uses `App._register` (what `push_screen`
itself calls for a new screen) and `Screen._refresh_layout` (what a screen calls on itself when it
comes to the top). Laid out twice ahead at the terminal's size (the widgets' first sizes ask for a
second layout), a dialog on its key only has to be drawn: pushed at another size (the terminal was
resized meanwhile), it is laid out again, as any screen is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from time import monotonic
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from planner.app.screens.dialog import Dialog

READY_AFTER = 0.25
"""Seconds the main screen is left alone before its dialogs are made ahead: long enough that keys
held down (arrows through the timeline repeat every 30-50 ms) never wait for one, short enough
that one is ready for a key pressed after a moment's reading (down, down, then e)."""

LAYOUTS = 2
"""Layouts of each dialog made ahead: its widgets' first sizes ask for a second."""

READY_STEP = 0.05
"""Seconds between two dialogs made ahead, so that a key pressed meanwhile waits for one at most."""

Key = tuple[Any, ...]
"""What a dialog was made from: compared entry by entry, objects by identity, values by equality."""

Wanted = tuple[Key, Callable[[], "Dialog"]]
"""What a dialog would be made from now, and how to make it."""

Maker = Callable[[], Wanted | None]
"""Says what a dialog would be made from now, and how (None: no such dialog now)."""


def same(key: Key, other: Key) -> bool:
    """True when two keys name the same things (the same objects, equal values)."""
    return len(key) == len(other) and all(
        a is b or (type(a) in (str, int, float, bool) and type(a) is type(b) and a == b)
        for a, b in zip(key, other, strict=True)
    )


class Made(NamedTuple):
    """A dialog made ahead, what it was made from, and how many times it has been laid out."""

    key: Key
    dialog: Dialog
    layouts: int = 0


class ReadyDialogs:
    """The dialogs made ahead for one screen (`owner`), by name."""

    def __init__(self, owner: Screen, makers: Sequence[tuple[str, Maker, bool]]) -> None:
        self.owner = owner
        self.makers = list(makers)
        """Each dialog's name, what says how to make it, and whether it is made ahead before the
        person has opened it once; in the order they are made."""
        self.opened: set[str] = set()
        """The dialogs opened this session (`take_or_make`)."""
        self.made: dict[str, Made] = {}
        """The dialogs made, by name."""
        self._not_before = 0.0
        """The moment (`time.monotonic`) the owner will have been left alone long enough."""
        self._timer: Timer | None = None

    def soon(self) -> None:
        """Make the dialogs once the owner has been left alone for a while (counted again from now
        when this is called meanwhile: on every key that changes what they show, so it only
        notes the time; the one timer waits on when it fires)."""
        self._not_before = monotonic() + READY_AFTER
        if self._timer is None:
            self._timer = self.owner.set_timer(READY_AFTER, self._make_next)

    def _go_on(self, delay: float) -> None:
        """Come back to `_make_next` in `delay` seconds."""
        self._timer = self.owner.set_timer(delay, self._make_next)

    def _make_next(self) -> None:
        """Make the first dialog that is not ready, or lay it out, then (a moment later) go on."""
        self._timer = None
        wait = self._not_before - monotonic()
        if wait > 0:
            self._go_on(wait)  # touched again since: wait on
            return
        if not self.owner.is_current:
            return  # a dialog is open; the owner calls `soon` when it is back
        for name, maker, eager in self.makers:
            wanted = maker() if eager or name in self.opened else None
            if wanted is None:
                self.drop(name)
                continue
            key, make = wanted
            made = self.made.get(name)
            if made is not None and same(made.key, key):
                if made.layouts >= LAYOUTS:
                    continue
                if made.dialog.is_mounted:  # else: still being composed, a step later
                    made.dialog._refresh_layout(self.owner.app.size)
                    made.dialog.laid_out_ahead = True
                    self.made[name] = made._replace(layouts=made.layouts + 1)
                self._go_on(READY_STEP)
                return
            self.drop(name)
            dialog = make()
            self.made[name] = Made(key, dialog)
            self.owner.app._register(self.owner.app, dialog)
            self._go_on(READY_STEP)
            return

    def take(self, name: str, key: Key) -> Dialog | None:
        """The dialog made ahead for `key`, to be pushed (no longer kept here); None when there is
        none, or it was made from something else. One still being composed is taken too: pushing
        it goes on from where it is, as pushing a new screen starts its composing."""
        made = self.made.get(name)
        if made is None:
            return None
        if not same(made.key, key):
            self.drop(name)
            return None
        del self.made[name]
        return made.dialog

    def take_or_make(self, name: str, wanted: Wanted) -> Dialog:
        """The dialog made ahead for what it shows now, or a new one."""
        self.opened.add(name)
        key, make = wanted
        return self.take(name, key) or make()

    def drop(self, name: str) -> None:
        """Forget the dialog made ahead under `name`, and remove it from the app."""
        made = self.made.pop(name, None)
        if made is not None:
            made.dialog.remove()
