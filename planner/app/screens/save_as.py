"""Save as, and Save a copy as: ask for the file to write the plan to.

Save as moves the session to the new file (later saves go there); a copy is written and the
session stays on its own file, so a person can make an alternative to compare with.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from planner.app.actions import bindings, keys_said
from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.dialog import Dialog
from planner.app.widgets.line_input import LineInput
from planner.core.paths import name_problem
from planner.core.text import printable


def copy_name(path: str) -> str:
    """A name for a copy beside the plan that no file has yet: alex-copy.toml, alex-copy-2.toml, ..."""
    stem, extension = os.path.splitext(path)
    extension = extension or ".toml"
    candidate = f"{stem}-copy{extension}"
    number = 2
    while os.path.exists(candidate):
        candidate = f"{stem}-copy-{number}{extension}"
        number += 1
    return candidate


class SaveAsScreen(Dialog[str | None]):
    """Dismisses with the path to save to (after asking before replacing a file), or None."""

    BINDINGS = bindings("save_as")

    def __init__(self, path: str, copy: bool = False) -> None:
        super().__init__()
        self.path = path
        self.copy = copy
        """Save a copy: write another file and keep editing this one."""

    def compose(self) -> ComposeResult:
        if self.copy:
            heading = "Save a copy as"
            intro = (
                "The file to write a copy of the plan to, as it is now; you go on editing "
                f"{printable(os.path.basename(self.path), one_line=True)}:"
            )
            value = copy_name(self.path)
        else:
            heading = "Save the plan as"
            intro = "The file to write (the plan belongs to it afterwards):"
            value = self.path
        # A file name is data too: one holding control characters is not shown raw.
        shown = value if printable(value, one_line=True) == value else ""
        with Vertical(classes="dialog"):
            yield Static(Text(heading), classes="dialog-heading")
            yield Static(Text(intro), classes="dialog-intro")
            yield LineInput(shown, id="save-as-path", selected_shows="end")
            yield Static("", id="save-as-problem", classes="field-note -problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Save copy" if self.copy else "Save"), variant="primary", id="save")
                yield Button(Text("Cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _problem(self, text: str) -> None:
        self.query_one("#save-as-problem", Static).update(Text(printable(text)))

    @work(group="flow")
    async def choose(self) -> None:
        """Check the path and dismiss with it (asking before replacing an existing file)."""
        path = os.path.expanduser(self.query_one(Input).value.strip())
        problem = name_problem(path)
        if problem is not None:
            self._problem(problem)
            return
        if self.copy and os.path.abspath(path) == os.path.abspath(self.path):
            self._problem(
                keys_said(self.app, "That is the plan's own file: {save} saves it. Name another file.")
            )
            return
        if os.path.exists(path) and os.path.abspath(path) != os.path.abspath(self.path):
            choice = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Replace the file?",
                    f"{path} exists already. Replacing it writes this plan over it.",
                    [("replace", "Replace it"), ("cancel", "Cancel")],
                )
            )
            if choice == "replace":
                self.dismiss(path)
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
