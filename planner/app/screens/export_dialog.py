"""Export report (x, or the palette): write the plan's report, Markdown or HTML, to a file.

The dialog proposes a name beside the plan (`alex.toml` -> `alex.md`); the name's extension says
the format (.md Markdown, .html HTML), and the two buttons switch between them. The report is
`planner export`'s (`planner.core.export`), of the plan as it is on screen, unsaved edits and all.
It is written through the storage's safe writer for files beside a plan: never through a link,
atomically, and with a mode no wider than the plan's own.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from planner.app.actions import bindings
from planner.app.screens.confirm import ConfirmScreen
from planner.app.screens.dialog import Dialog
from planner.app.widgets.line_input import LineInput
from planner.core.export import report_format
from planner.core.paths import name_problem
from planner.core.storage import looks_like_plan
from planner.core.text import printable

if TYPE_CHECKING:
    from planner.app.app import PlannerApp


def report_name(plan_path: str, extension: str = ".md") -> str:
    """The report's proposed file: the plan's name with the report's extension, beside it."""
    stem, _ = os.path.splitext(plan_path)
    return stem + extension


class ExportScreen(Dialog[str | None]):
    """Asks where to write the report; dismisses with the path (after asking before replacing a
    file), or None."""

    BINDINGS = bindings("export")

    def __init__(self, plan_path: str) -> None:
        super().__init__()
        self.plan_path = plan_path

    def compose(self) -> ComposeResult:
        value = report_name(self.plan_path)
        # A file name is data: one holding control characters is not shown raw.
        shown = value if printable(value, one_line=True) == value else ""
        with Vertical(classes="dialog"):
            yield Static(Text("Export report"), classes="dialog-heading")
            yield Static(
                Text(
                    "The file to write the plan's report to, as the plan is now: a name ending "
                    ".md gets Markdown, .html gets HTML."
                ),
                classes="dialog-intro",
            )
            yield LineInput(shown, id="export-path", selected_shows="end")
            yield Static("", id="export-problem", classes="field-note -problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Export"), variant="primary", id="export")
                yield Button(Text("Markdown"), id="markdown")
                yield Button(Text("HTML"), id="html")
                yield Button(Text("Cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _problem(self, text: str) -> None:
        self.query_one("#export-problem", Static).update(Text(printable(text)))

    def _switch(self, extension: str) -> None:
        field = self.query_one(Input)
        stem, _ = os.path.splitext(field.value.strip() or report_name(self.plan_path))
        field.value = stem + extension
        field.cursor_position = len(field.value)
        field.focus()

    def choose(self) -> None:
        """Check the path and dismiss with it (asking before replacing an existing file)."""
        path = os.path.expanduser(self.query_one(Input).value.strip())
        problem = name_problem(path)
        if problem is None and report_format(path) is None:
            problem = "Name a file ending .md (Markdown) or .html (HTML)."
        if problem is not None:
            self._problem(problem)
            return
        if os.path.exists(path):
            if os.path.exists(self.plan_path) and os.path.samefile(path, self.plan_path):
                self._problem("That is the plan itself; name another file for the report.")
                return
            if looks_like_plan(path):
                self._problem(f"{path} looks like a plan file; the report is not written over it.")
                return

            def answered(choice: str | None) -> None:
                if choice == "replace":
                    self.dismiss(path)

            self.app.push_screen(
                ConfirmScreen(
                    "Replace the file?",
                    f"{path} exists already. Replacing it writes the report over it.",
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
        if event.button.id == "export":
            self.choose()
        elif event.button.id == "markdown":
            self._switch(".md")
        elif event.button.id == "html":
            self._switch(".html")
        else:
            self.dismiss(None)


def write_report(app: PlannerApp, path: str) -> None:
    """Write the report of the plan as it is now to `path`, in a thread; a notice says how it went."""
    from planner.core import edits
    from planner.core.export import export
    from planner.core.storage import PlanFileError, mode_beside, write_beside

    plan, plan_path, pack = edits.snapshot(app.plan), app.path, app.pack
    format = report_format(path) or "markdown"

    def work() -> None:
        try:
            text = export(plan, plan_path, format, pack)
            mode = mode_beside(plan_path)  # a report holds the plan's content: no wider than the plan's
            if os.path.exists(path):
                mode &= stat.S_IMODE(os.stat(path).st_mode)
            write_beside(path, text.encode("utf-8"), mode)
        except PlanFileError as error:
            app.call_from_thread(app.notify, f"No report written: {error}", severity="error", timeout=10)
        except OSError as error:
            app.call_from_thread(
                app.notify,
                f"No report written: {path}: {error.strerror or error}",
                severity="error",
                timeout=10,
            )
        else:
            name = "Markdown" if format == "markdown" else "HTML"
            app.call_from_thread(app.notify, f"The report ({name}) is in {path}", timeout=5)

    app.run_worker(work, thread=True, group="export", name="export")


def export_report(app: PlannerApp) -> None:
    """Ask where to write the report, then write it."""

    def chosen(path: str | None) -> None:
        if path:
            write_report(app, path)

    app.push_screen(ExportScreen(app.path), chosen)
