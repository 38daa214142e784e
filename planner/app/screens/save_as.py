"""Save as: ask for the file to save the plan to."""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from planner.app.screens.confirm import ConfirmScreen
from planner.core.text import printable


class SaveAsScreen(ModalScreen[str | None]):
    """Dismisses with the path to save to (after asking before replacing a file), or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="save_as.cancel", tooltip="Do not save.")]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Save the plan as"), classes="dialog-heading")
            yield Static(
                Text("The file to write (the plan belongs to it afterwards):"), classes="dialog-intro"
            )
            # A file name is data too: one holding control characters is not shown raw.
            shown = self.path if printable(self.path, one_line=True) == self.path else ""
            yield Input(shown, id="save-as-path")
            yield Static("", id="save-as-problem", classes="field-note -problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Save"), variant="primary", id="save")
                yield Button(Text("Cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _problem(self, text: str) -> None:
        self.query_one("#save-as-problem", Static).update(Text(printable(text)))

    def choose(self) -> None:
        """Check the path and dismiss with it (asking before replacing an existing file)."""
        path = os.path.expanduser(self.query_one(Input).value.strip())
        if not path:
            self._problem("Write the name of a file.")
            return
        if os.path.isdir(path):
            self._problem(f"{path} is a folder; write the name of a file in it.")
            return
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            self._problem(f"The folder {folder} does not exist.")
            return
        if os.path.exists(path) and os.path.abspath(path) != os.path.abspath(self.path):

            def answered(choice: str | None) -> None:
                if choice == "replace":
                    self.dismiss(path)

            self.app.push_screen(
                ConfirmScreen(
                    "Replace the file?",
                    f"{path} exists already. Replacing it writes this plan over it.",
                    [("replace", "Replace it"), ("cancel", "Cancel")],
                ),
                answered,
            )
            return
        self.dismiss(path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.choose()
        else:
            self.dismiss(None)
