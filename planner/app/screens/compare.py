"""What-if: this plan beside another (a copy with another route, say), and what differs.

`ComparePickScreen` asks for the other plan's file, offering the other `.toml` files of this
plan's folder (the most recently changed first, so a copy just saved comes first). The file is
read in a thread; a file that cannot be read is named in the dialog, in one sentence.

`CompareScreen` shows, for each plan, where it leads (goal, finishing term, counts, approval:
`planner.core.outcome`) in a table with a column per plan, then the items that differ
(`planner.core.diff.diff_plans`, from this plan to the other), each plan's route (beside each
other from 110 columns, one under the other below that), the diagnostics found in one plan
only, and the rest. Escape returns. The work
(validating both plans) runs in a thread. All plan text is printable, plain text.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.actions import bindings, keys_said
from planner.app.screens.dialog import Dialog
from planner.app.widgets.approval import approval_words
from planner.app.widgets.line_input import LineInput
from planner.core.catalog import Pack
from planner.core.model import Item, Plan
from planner.core.paths import name_problem
from planner.core.storage import Loaded
from planner.core.text import printable, readable

LISTED_FILES = 200
"""At most this many other plans of the folder are offered."""


def other_plans(path: str) -> list[str]:
    """The other `.toml` files in the folder of `path`, the most recently changed first."""
    folder = os.path.dirname(os.path.abspath(path))
    own = os.path.abspath(path)
    found: list[tuple[int, str]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.endswith(".toml") or os.path.abspath(entry.path) == own:
                    continue
                try:
                    if entry.is_file():
                        found.append((entry.stat().st_mtime_ns, entry.path))
                except OSError:
                    continue
    except OSError:
        return []
    found.sort(key=lambda entry: (-entry[0], entry[1]))
    return [shown_path(entry_path) for _, entry_path in found[:LISTED_FILES]]


def shown_path(path: str) -> str:
    """A path relative to the working folder when it is under it, else as it is."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


class ComparePickScreen(Dialog[tuple[str, Loaded] | None]):
    """Asks for the plan to compare with; dismisses with (its path, the plan read) or None."""

    BINDINGS = bindings("compare_pick")

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.others = other_plans(path)
        self.reading = False
        """A plan is being read (a second Enter waits for it)."""

    def compose(self) -> ComposeResult:
        default = self.others[0] if self.others else os.path.join(os.path.dirname(self.path), "")
        with Vertical(classes="dialog compare-pick"):
            yield Static(Text("Compare with another plan"), classes="dialog-heading")
            yield Static(
                Text(
                    keys_said(
                        self.app,
                        "The plan file to set beside this one, such as a copy with another route "
                        "(Save a copy as… makes one). Enter compares, {compare_pick.cancel} cancels.",
                    )
                ),
                classes="dialog-intro",
            )
            yield LineInput(printable(default, one_line=True), id="compare-path", selected_shows="end")
            yield Static("", id="compare-problem", classes="field-note -problem", markup=False)
            if self.others:
                yield Static(Text("Other plans in this folder, the newest first:"), classes="field-hint")
                yield OptionList(
                    *[Option(Text(printable(other, one_line=True))) for other in self.others],
                    id="compare-files",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Compare"), variant="primary", id="compare")
                yield Button(Text("Cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _problem(self, text: str) -> None:
        self.query_one("#compare-problem", Static).update(Text(printable(text)))

    def choose(self, path: str) -> None:
        """Read the plan at `path` in a thread; dismiss with it, or say why it cannot be read."""
        from planner.core.storage import PlanFileError, load

        path = os.path.expanduser(path.strip())
        problem = name_problem(path, "a plan file")
        if problem is None and not os.path.exists(path):
            problem = f"{path} does not exist."
        if problem is not None:
            self._problem(problem)
            return
        if self.reading:
            return
        self.reading = True
        self._problem("Reading…")

        def work() -> None:
            try:
                loaded = load(path)
            except PlanFileError as error:
                self.app.call_from_thread(self._not_read, str(error))
            else:
                self.app.call_from_thread(self.dismiss, (path, loaded))

        self.run_worker(work, thread=True, group="compare", name="read the other plan")

    def _not_read(self, problem: str) -> None:
        self.reading = False
        self._problem(problem)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose(event.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        other = self.others[event.option_index]
        self.query_one(Input).value = other
        self.choose(other)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "compare":
            self.choose(self.query_one(Input).value)
        else:
            self.dismiss(None)


# --- the comparison ---------------------------------------------------------------------------


def words(value: Any) -> str:
    """A field's value as a person reads it (`readable`), absent as "(none)", on one safe line."""
    return readable(value, "(none)", "(empty)", one_line=True)


def item_words(item: Item, pack: Pack) -> str:
    """ "Health information technician, 2030-spring to 2031-fall"."""
    name = item.title or (pack.name_of(item.requirement) if isinstance(item.requirement, str) else None)
    name = printable(name or "(no requirement)", one_line=True)
    start, end = item.get("start"), item.get("end")
    if start is None:
        return f"{name}, no start"
    when = words(start) if end is None or end == start else f"{words(start)} to {words(end)}"
    return f"{name}, {when}"


def order_of_items(*plans: Plan) -> dict[str, int]:
    """A rank for each item id: by start term in the first plan, then the ones only in later plans."""
    never = 10**9
    rank: dict[str, int] = {}
    for plan in plans:
        ordered = sorted(
            (item for item in plan.items if isinstance(item.id, str)),
            key=lambda item: item.start.index if item.start else never,
        )
        for item in ordered:
            rank.setdefault(item.id, len(rank))  # type: ignore[arg-type]
    return rank


def outcome_table(result: Any, this: Plan, other: Plan, names: tuple[str, str]) -> Table:
    """Where each plan leads, a column per plan; a row that differs is marked ≠ and in bold."""
    from planner.core.outcome import Outcome

    old: Outcome = result.old_outcome
    new: Outcome = result.new_outcome
    table = Table(box=None, expand=True, padding=(0, 1), show_edge=False, pad_edge=False)
    table.add_column("", width=13, no_wrap=True)
    table.add_column(Text(names[0], style="bold underline"), ratio=1)
    table.add_column(Text(names[1], style="bold underline"), ratio=1)

    def goal(outcome: Outcome) -> str:
        return outcome.goal_name or words(outcome.goal)

    rows = [
        ("Goal", goal(old), goal(new)),
        ("Finishes", old.describe_finish_and_reach(), new.describe_finish_and_reach()),
        ("Errors", str(old.counts["error"]), str(new.counts["error"])),
        ("Warnings", str(old.counts["warning"]), str(new.counts["warning"])),
        ("Suggestions", str(old.counts["suggestion"]), str(new.counts["suggestion"])),
        ("Waived", str(old.waived), str(new.waived)),
        ("Approval", approval_words(old.approval) or "none", approval_words(new.approval) or "none"),
        ("Items", str(len(this.items)), str(len(other.items))),
    ]
    for label, left, right in rows:
        differs = left != right
        style = "bold" if differs else ""
        table.add_row(
            Text(("≠ " if differs else "  ") + label, style="bold"),
            Text(left, style=style),
            Text(right, style=style),
        )
    return table


def _section(title: str) -> Text:
    return Text(title, style="bold underline")


def _rows(rows: list[tuple[str, str]]) -> Table:
    """Two columns, a label and its text; wrapped text stays in its column."""
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(no_wrap=True, style="bold", max_width=28)
    grid.add_column(ratio=1)
    for label, line in rows:
        grid.add_row(Text(label), Text(line))
    return grid


def item_differences(result: Any, this: Plan, other: Plan, names: tuple[str, str], pack: Pack) -> Group:
    """What differs from this plan to the other, item by item, from the first term."""
    if result.equal:
        return Group(Text("The two plans hold the same content.", style="italic"))
    rank = order_of_items(this, other)
    never = len(rank) + 1
    entries: list[tuple[int, str, list[str]]] = []
    for item in result.items_removed:
        entries.append(
            (rank.get(item.id, never), words(item.id), [f"only in {names[0]}: {item_words(item, pack)}"])
        )
    for item in result.items_added:
        entries.append(
            (rank.get(item.id, never), words(item.id), [f"only in {names[1]}: {item_words(item, pack)}"])
        )
    for item_change in result.items_changed:
        lines = [f"{field.field}: {words(field.old)} → {words(field.new)}" for field in item_change.changes]
        entries.append((rank.get(item_change.id, never), words(item_change.label), lines))
    entries.sort(key=lambda entry: entry[0])
    rows = [(label if n == 0 else "", line) for _, label, lines in entries for n, line in enumerate(lines)]
    body = _rows(rows) if rows else Text("The items are the same.", style="italic")
    return Group(_section("Items that differ"), body)


def other_differences(result: Any, names: tuple[str, str]) -> Group:
    """The diagnostics found in one plan only, then the rest (title, profile, comments, ...)."""
    from planner.core.diff import diagnostic_text, diff_lines

    def shown(diagnostic) -> str:
        return printable(diagnostic_text(diagnostic), one_line=True)

    parts: list[Any] = []
    rows = [(f"only in {names[0]}", shown(d)) for d in result.went_away]
    rows += [(f"only in {names[1]}", shown(d)) for d in result.appeared]
    rows += [(f"waived in {names[1]}", shown(d)) for d in result.now_waived]
    rows += [(f"waived in {names[0]}", shown(d)) for d in result.no_longer_waived]
    if rows:
        parts += [_section("Diagnostics found in one plan only"), _rows(rows), Text("")]
    rest = [line for line in diff_lines(result) if not line.startswith(("item ", "diagnostic "))]
    if rest:
        parts.append(_section(f"Everything else, from {names[0]} to {names[1]}"))
        parts.append(_rows([("", printable(line, one_line=True)) for line in rest]))
    return Group(*parts)


def route_text(plan: Plan, only_here: set[str], changed: set[str], pack: Pack) -> Text:
    """The plan's items by start term: "+" only in this plan, "~" in both but different."""
    never = 10**9
    ordered = sorted(
        enumerate(plan.items), key=lambda entry: (entry[1].start.index if entry[1].start else never, entry[0])
    )
    text = Text(no_wrap=True, overflow="ellipsis")
    if not ordered:
        text.append("No items.", style="italic")
        return text
    rows = []
    for _, item in ordered:
        item_id = item.id if isinstance(item.id, str) else None
        start, end = item.get("start"), item.get("end")
        when = words(start) if end is None or end == start else f"{words(start)}–{words(end)}"
        if start is None:
            when = "(no start)"
        name = item.title or pack.name_of(item.requirement or "")
        mark = "+" if item_id in only_here else "~" if item_id in changed else " "
        rows.append((mark, when, words(item_id)[:16], printable(name or "", one_line=True)))
    when_width = max(len(row[1]) for row in rows)
    id_width = max(len(row[2]) for row in rows)
    for mark, when, item_id, name in rows:
        if text:
            text.append("\n")
        style = "bold" if mark != " " else ""
        text.append(f"{mark} {when:<{when_width}}  {item_id:<{id_width}}  ", style=style)
        text.append(name)
    return text


class CompareScreen(Screen[None]):
    """Two plans side by side: where each leads, what differs, each route. Escape returns."""

    BINDINGS = bindings("compare")

    def __init__(
        self,
        this: Plan,
        this_name: str,
        other: Plan,
        other_name: str,
        other_path: str | None = None,
        *,
        pack: Pack,
    ) -> None:
        super().__init__()
        self.this = this
        self.pack = pack
        """The rules this plan is checked against (the other plan's are read from its file)."""
        self.other = other
        self.names = (printable(this_name, one_line=True), printable(other_name, one_line=True))
        self.other_path = printable(other_path or other_name, one_line=True)
        """The other plan's file, as the heading names it."""
        self.other_file = other_path
        """The other plan's file, to find its rule pack."""

    def compose(self) -> ComposeResult:
        yield Static(id="compare-heading", markup=False)
        with VerticalScroll(id="compare-body"):
            yield Static(Text("Comparing…", style="italic"), id="compare-outcomes")
            yield Static(id="compare-items", markup=False)
            with Horizontal(id="compare-routes"):
                yield Static(id="route-this", classes="route", markup=False)
                yield Static(id="route-other", classes="route", markup=False)
            yield Static(id="compare-more", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        heading = Text(" Compare ", style="bold reverse")
        heading.append(f"  {self.names[0]}  with  {self.other_path}")
        self.query_one("#compare-heading", Static).update(heading)
        self.query_one("#compare-body").focus()
        for route in self.query(".route"):
            route.display = False
        this, other = self.this, self.other
        this_pack = self.pack
        other_file = self.other_file

        def work() -> None:
            from planner.core.diff import diff_plans
            from planner.core.packs import PackError, pack_for_file

            try:
                other_pack = pack_for_file(other, other_file) if other_file else this_pack
            except PackError:
                other_pack = this_pack
            result = diff_plans(this, other, other_pack, this_pack)
            self.app.call_from_thread(self.show, result)

        self.run_worker(work, thread=True, group="compare", name="compare")

    def show(self, result: Any) -> None:
        """Fill the screen from a `PlanDiff` of this plan (old) and the other (new)."""
        if not self.is_attached:
            return  # closed before the comparison was ready
        this, other, names = self.this, self.other, self.names
        self.query_one("#compare-outcomes", Static).update(outcome_table(result, this, other, names))
        self.query_one("#compare-items", Static).update(
            item_differences(result, this, other, names, self.pack)
        )
        self.query_one("#compare-more", Static).update(other_differences(result, names))
        removed = {item.id for item in result.items_removed if isinstance(item.id, str)}
        added = {item.id for item in result.items_added if isinstance(item.id, str)}
        changed = {change.id for change in result.items_changed if change.id is not None}
        for widget_id, plan, name, only in (
            ("#route-this", this, names[0], removed),
            ("#route-other", other, names[1], added),
        ):
            route = self.query_one(widget_id, Static)
            route.border_title = Content(f"Route: {name}")
            route.border_subtitle = Content("+ only here  ~ differs")
            route.update(route_text(plan, only, changed, self.pack))
            route.display = True
