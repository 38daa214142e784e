"""A question with a few answers as buttons (quit with unsaved changes, reload, overwrite)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from planner.app.actions import bindings
from planner.app.screens.dialog import Dialog
from planner.core.text import printable


class ConfirmScreen(Dialog[str | None]):
    """Dismisses with the chosen answer's key; Escape (or a "cancel" answer) gives None."""

    BINDINGS = bindings("confirm")

    def __init__(self, question: str, detail: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Text(printable(self.question)), classes="dialog-heading")
            yield Static(Text(printable(self.detail)), classes="dialog-intro")
            with Horizontal(classes="dialog-buttons"):
                for number, (key, label) in enumerate(self.answers):
                    yield Button(Text(label), id=key, variant="primary" if number == 0 else "default")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "cancel" else event.button.id)
