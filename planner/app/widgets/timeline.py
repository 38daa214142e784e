"""The Timeline pane: the plan term by term as a chart, a row per item and a bar across its terms.

Rows are sorted by start term. Each row shows the cursor, a mark for the item's worst
diagnostic, ✎ when it has comments, and its id, then the terms as columns: the bar (reverse
video in its kind's colour, so it stays visible without colour), the item's title in or after
it, a dashed continuation where a job without an end runs on, and today's term as a dotted
column under a highlighted header; an item over before the terms in view shows ◀ and when it
ended. `kind_legend` says which colour is which kind. Only the rows and terms on screen are drawn; the pane
scrolls both ways by itself.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.strip import Strip

from planner.app.actions import bindings
from planner.app.widgets.comments import COMMENT_MARK
from planner.app.widgets.rows import CursorRows
from planner.core.catalog import KIND_WORDS, Pack
from planner.core.model import Item, Plan
from planner.core.review import Review
from planner.core.terms import Term
from planner.core.text import printable

MARKS = {"error": "✗", "warning": "!", "suggestion": "•"}
"""The glyph a row shows for its worst diagnostic (shapes, so they read without colour)."""

KINDS = ("course", "degree", "certificate-program", "training", "exam", "credential", "ceu", "job")

KIND_COLOURS = {
    "course": "cyan",
    "degree": "blue",
    "certificate-program": "bright_blue",
    "training": "bright_cyan",
    "exam": "yellow",
    "credential": "green",
    "ceu": "bright_green",
    "job": "white",
    "unknown": "bright_black",
}
"""The terminal colour of each kind's bars, as styles/app.tcss gives them (for the legend)."""


def kind_legend() -> Text:
    """The colours of the timeline's bars, each kind's name on a bar of its colour: the legend
    help shows (and the same words in `KIND_LEGEND`, for where there is no colour)."""
    text = Text("Bars: ")
    for number, (kind, colour) in enumerate(KIND_COLOURS.items()):
        if number:
            text.append(" ")
        text.append(f" {KIND_WORDS[kind]} ", style=f"reverse {colour}")
    text.append(
        "\nMarks: ✗ error, ! warning, • suggestion; ◀ ended before the terms in view; ╌ a job running on."
    )
    return text


COLOUR_WORDS = {
    "bright_blue": "light blue",
    "bright_cyan": "light cyan",
    "bright_green": "light green",
    "bright_black": "grey",
}
"""A terminal colour's name in words, where it is not one already."""

KIND_LEGEND = (
    "Bars by kind: "
    + ", ".join(
        f"{KIND_WORDS[kind]} {COLOUR_WORDS.get(colour, colour)}" for kind, colour in KIND_COLOURS.items()
    )
    + "."
)
"""The legend in words: "course cyan, degree blue, ..."."""

SEASON_LABELS = ("sp", "su", "fa")
"""Spring, summer, fall under the years."""
SEASON_NAMES = ("spring", "summer", "fall")
"""The same in full, when a term is wide enough."""
SEASON_LETTERS = ("s", "u", "f")
"""The same in one letter, when a term is only two cells wide."""
NO_START = 10**9
"""Sort key for items without a valid start term: after every other."""


class TimelinePane(CursorRows):
    """The plan as a chart of terms; the cursor selects the item the edit keys act on."""

    BORDER_TITLE = "Timeline"
    empty_text = "No items yet: t takes a next step, a adds an item."

    COMPONENT_CLASSES = {
        "timeline--header",
        "timeline--today",
        "timeline--today-line",
        "timeline--label",
        "timeline--cursor",
        "timeline--cursor-blurred",
        "timeline--error",
        "timeline--warning",
        "timeline--suggestion",
        "timeline--unknown",
        "timeline--empty",
        *(f"timeline--{kind}" for kind in KINDS),
    }

    BINDINGS = bindings("timeline")

    def __init__(self, today: Term, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("kinds")
        self.header_height = 2
        self.today = today
        self.plan: Plan | None = None
        self.rows: list[Item] = []
        self.review: Review | None = None
        self.first_term = today.index
        self.last_term = today.index + 5
        self.term_scroll = 0
        """How many terms are scrolled off to the left."""
        self._longest_id = 4
        self._ids: list[str] = []
        """The rows' ids as they print, for the id column."""
        self._labels: dict[str, str] = {}
        self._labels_room = -1
        """The room `_labels` was shortened for (-1: not yet)."""
        self._shortest: int | None = None
        """The longest of the ids shortened by their distinguishing part (None: not worked out
        since the rows last changed). Worked out once per plan, not per line drawn: it looks at
        every id, and a 10,000-item plan's every line asked for it."""
        self._commented: set[str] = set()
        """Ids of the items that have comments (they get a ✎ in their row)."""
        self._kinds: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._pack: Pack | None = None
        """The rule pack the kinds and names are of (as of the last `show_plan`)."""

    # --- what is shown ------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected_item(self) -> Item | None:
        """The item under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def show_plan(self, plan: Plan, focus: Item | None = None, pack: Pack | None = None) -> None:
        """Lay out the rows for `plan` (its kinds and names from `pack`, by default the built-in
        pack the plan names); the cursor goes to `focus`, else stays on its item."""
        keep = focus or self.selected_item
        self.plan = plan
        if pack is None:
            from planner.core.packs import plan_pack

            pack = plan_pack(plan)
        if pack is not self._pack:
            self._pack = pack
            self._kinds = {m.id: m.kind for m in pack.milestones.values()}
            self._names = {m.id: m.name for m in pack.milestones.values()}
        position = {id(item): index for index, item in enumerate(plan.items)}
        self.rows = sorted(
            plan.items,
            key=lambda item: (item.start.index if item.start is not None else NO_START, position[id(item)]),
        )
        ids = [printable(item.id or "(no id)", one_line=True) for item in self.rows]
        same_ids = ids == self._ids or (len(ids) == len(self._ids) and set(ids) == set(self._ids))
        self._ids = ids
        if not same_ids:  # a move or a title's edit keeps the ids: their short forms stand
            self._longest_id = max((len(item_id) for item_id in ids), default=4)
            self._labels_room = -1
            self._shortest = None
        self._commented = {comment.item for comment in plan.comments if isinstance(comment.item, str)}
        self._set_range()
        row = self.cursor
        if keep is not None:
            for index, item in enumerate(self.rows):
                if item is keep:
                    row = index
                    break
        self.rows_changed()
        self.cursor = row
        subtitle = f"{len(self.rows)} item{'' if len(self.rows) == 1 else 's'}"
        if subtitle != self.border_subtitle:
            self.border_subtitle = Content(subtitle)

    def show_review(self, review: Review) -> None:
        """Take the marks and open-ended jobs of a new review."""
        self.review = review
        self._set_range()
        self.refresh()

    def select_item_id(self, item_id: str) -> bool:
        """Put the cursor on the first row with this id; False when there is none."""
        for index, item in enumerate(self.rows):
            if item.id == item_id:
                self.cursor = index
                return True
        return False

    def _set_range(self) -> None:
        """The terms the chart spans: the years from the plan's first term (or today) to its last."""
        low = high = self.today.index
        plan = self.plan
        if plan is not None:
            if plan.profile.starts is not None:
                low = min(low, plan.profile.starts.index)
                high = max(high, plan.profile.starts.index)
            for item in plan.items:
                for term in (item.start, item.end):
                    if term is not None:
                        index = term.index
                        if index < low:
                            low = index
                        if index > high:
                            high = index
        if self.review is not None and self.review.runs_to:
            high = max(high, max(self.review.runs_to.values()))
        # Whole years, spring to fall, so that the scale does not change at every move.
        self.first_term = low - low % 3
        self.last_term = high - high % 3 + 2

    # --- geometry -----------------------------------------------------------------------------

    def _label_width(self, width: int) -> int:
        """The id column: as wide as the longest id where the terms keep three cells each (or
        the usual 16, 24 from 90 columns); else wide enough for the ids shortened by their
        distinguishing part (`short_labels`), up to two fifths of the pane."""
        usual = min(24 if width >= 90 else 16, width // 3)
        terms = self.last_term - self.first_term + 1
        limit = max(usual, min(width - 1 - terms * 3, width // 2))
        want = self._longest_id + 3
        if want > limit:
            if self._shortest is None:
                self._shortest = max((len(label) for label in short_labels(self._ids, 0).values()), default=0)
            want = min(max(limit, self._shortest + 3), max(limit, width * 2 // 5))
        return max(8, want)

    def _label(self, item_id: str, room: int) -> str:
        """The id as its row shows it in `room` cells (the same for every row of one width)."""
        if self._labels_room != room:
            self._labels = short_labels(self._ids, room)
            self._labels_room = room
        return self._labels.get(item_id, item_id[:room])

    def _cell(self, width: int) -> int:
        room = width - self._label_width(width) - 1
        terms = self.last_term - self.first_term + 1
        for cell in (10, 8, 7, 6, 5, 4, 3):
            if terms * cell <= room:
                return cell
        return 2

    def _visible_terms(self, width: int) -> int:
        return max(1, (width - self._label_width(width) - 1) // self._cell(width))

    def _clamp_scroll(self, width: int) -> None:
        terms = self.last_term - self.first_term + 1
        self.term_scroll = max(0, min(self.term_scroll, terms - self._visible_terms(width)))

    def action_scroll_terms(self, delta: int) -> None:
        """Show earlier (negative) or later terms."""
        self.term_scroll += delta
        self._clamp_scroll(self.scrollable_content_region.width)
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        if self._scroll_terms_to(self.selected_item):
            self.refresh()
        super().watch_cursor(old, new)

    def _scroll_terms_to(self, item: Item | None) -> bool:
        """Scroll sideways as little as needed to show the item's bar and title (its start, at
        least, when the whole does not fit); True when it scrolled."""
        if item is None or item.start is None:
            return False
        width = self.scrollable_content_region.width
        if width <= 0:
            return False
        before = self.term_scroll
        visible = self._visible_terms(width)
        column = item.start.index - self.first_term
        terms_needed = min(self._terms_to_show(item, self._cell(width)), visible)
        if column < self.term_scroll:
            self.term_scroll = column
        elif column + terms_needed > self.term_scroll + visible:
            self.term_scroll = column + terms_needed - visible
        self._clamp_scroll(width)
        return self.term_scroll != before

    def _terms_to_show(self, item: Item, cell: int) -> int:
        """How many terms, from the item's start, its bar and title take (as `render_row` draws)."""
        last = item.last_term()
        start = item.start.index if item.start is not None else 0
        end = last.index if last is not None else start
        runs_to = self.review.runs_to.get(id(item), end) if self.review is not None else end
        bar = (end - start + 1) * cell
        title = len(self._title(item))
        if title <= bar:
            return end - start + 1  # the title fits in the bar
        return runs_to - start + 1 + -(-(1 + title) // cell)

    def _title(self, item: Item) -> str:
        name = self._names.get(item.requirement or "", item.requirement or "")
        return printable(item.title or name, one_line=True)

    # --- drawing ------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"timeline--{name}")

    def _geometry(self, width: int) -> tuple[int, int, int, int]:
        """(label width, cells per term, first visible term index, how many terms are visible)."""
        self._clamp_scroll(width)
        first = self.first_term + self.term_scroll
        count = min(self._visible_terms(width), self.last_term - first + 1)
        return self._label_width(width), self._cell(width), first, count

    def render_header(self, y: int, width: int) -> Strip:
        header = self.rich_style + self._style("header")
        label_width, cell, first, count = self._geometry(width)
        line = Line(width, header)
        if y == 0:
            line.write(0, " Term", header)
            line.write(label_width, "◀" if self.term_scroll else "│", header)
            offset = 0
            while offset < count:
                term = Term(first + offset)
                in_view = min(3 - term.index % 3, count - offset)
                span = in_view * cell
                # A year cut short at the edge gets its last two digits, or nothing when too narrow.
                year = str(term.year) if span > 4 else str(term.year)[2:] if span > 2 else ""
                line.write(label_width + 1 + offset * cell, year, header)
                offset += in_view
        else:
            line.write(0, " Item", header)
            line.write(label_width, "│", header)
            for offset in range(count):
                season = (first + offset) % 3
                if cell > 6:
                    label = SEASON_NAMES[season]
                else:
                    label = SEASON_LABELS[season] if cell > 2 else SEASON_LETTERS[season]
                style = header
                if first + offset == self.today.index:
                    label, style = label.ljust(cell)[: cell - 1] + "▼", header + self._style("today")
                line.write(label_width + 1 + offset * cell, label.ljust(cell), style)
        if first + count <= self.last_term:
            line.write(width - 1, "▶", header)
        return line.strip()

    def render_row(self, row: int, width: int, selected: bool) -> Strip:
        item = self.rows[row]
        base = self.rich_style
        label_width, cell, first, count = self._geometry(width)
        line = Line(width, base)

        # The label: cursor, the mark of the worst diagnostic, the id.
        worst = self.review.worst.get(item.id or "") if self.review is not None else None
        if selected:
            label_style = base + self._style("cursor" if self.has_focus else "cursor-blurred")
        else:
            label_style = base + self._style("label")
        room = label_width - 3
        item_id = self._label(printable(item.id or "(no id)", one_line=True), room)
        line.write(0, ("▶" if selected else " ") + " " + " " + item_id.ljust(room), label_style)
        if worst:
            line.write(1, MARKS[worst], label_style + self._style(worst))
        if item.id in self._commented:
            line.write(2, COMMENT_MARK, label_style)
        line.write(label_width, "│", base + self._style("header"))

        # The terms: today's column, the bar, a job's open end, the title.
        left = label_width + 1
        last = first + count - 1
        today = self.today.index
        if first <= today <= last:
            line.write(left + (today - first) * cell + cell - 1, "┊", base + self._style("today-line"))
        text = self._title(item)
        if item.start is None:
            line.write(left, " (no start term: edit it to place it)", base + self._style("empty"))
            return line.strip()
        start = item.start.index
        end = item.last_term().index  # type: ignore[union-attr]  # it has a start
        runs_to = self.review.runs_to.get(id(item), end) if self.review is not None else end
        kind_style = base + self._style(self._kinds.get(item.requirement or "", "unknown"))

        bar_from, bar_to = max(start, first), min(end, last)
        if bar_to >= bar_from:
            cells = (bar_to - bar_from + 1) * cell
            # The title goes in the bar when it fits; else after the bar (and the job's open
            # end) when it fits there; else it starts in the bar and runs on after it, as far as
            # the row has room (cut short only at the row's end); a job's open end keeps its
            # dashes, so there the title shows where more of it does.
            after_room = width - (left + (max(runs_to + 1, first) - first) * cell) - 1
            continued = ""
            if len(text) <= cells:
                inside, text = text, ""
            elif len(text) <= after_room:
                inside = ""
            elif runs_to == end and bar_to < last and cells >= 10:
                inside, continued, text = text[:cells], text[cells:], ""
            elif cells >= 10 and cells > after_room:
                inside, text = text[: cells - 1] + "…", ""
            else:
                inside = ""
            line.write(left + (bar_from - first) * cell, inside.ljust(cells), kind_style + REVERSE)
            if continued:
                line.write(
                    left + (bar_to + 1 - first) * cell, continued, base + self._style("label"), ellipsis=True
                )
        open_from, open_to = max(end + 1, first), min(runs_to, last)
        if open_to >= open_from:
            line.write(
                left + (open_from - first) * cell, "╌" * ((open_to - open_from + 1) * cell), kind_style
            )
        if runs_to < first:
            # Over before the visible terms: an arrow in its kind's colour says it lies to the
            # left, and the title says when it ended, so the row does not read as a grey stray.
            line.write(left, "◀", kind_style)
            line.write(
                left + 1,
                f" ended {Term(runs_to)} · {text}" if text else f" ended {Term(runs_to)}",
                base + self._style("label"),
                ellipsis=True,
            )
            return line.strip()
        if start > last:
            # Begins after the visible terms: its title and start at the right edge, with an
            # arrow in its kind's colour, so the row does not read as empty.
            suffix = f" · starts {Term(start)} "
            room = width - 1 - left - len(suffix) - 1
            shown = text if len(text) <= room else text[: max(room - 1, 0)] + "…"
            at = max(left + 1, width - 1 - len(shown) - len(suffix))
            line.write(at, shown + suffix, base + self._style("label"))
            line.write(width - 1, "▶", kind_style)
            return line.strip()
        if text:
            after = max(runs_to + 1, first)
            if after <= last:
                line.write(
                    left + (after - first) * cell, " " + text, base + self._style("label"), ellipsis=True
                )
        return line.strip()


REVERSE = Style(reverse=True)


def short_labels(ids: list[str], room: int) -> dict[str, str]:
    """Each id as it fits in `room` cells (0: no limit), told apart from the others.

    An id that fits is kept. One too long is cut with "…" when no other id is cut to the same
    text; ids that would read the same ("health-infor…" twice) are shortened by their shared
    part instead: the words before the last become initials, so "health-information-clerk" and
    "health-information-technician" read "h-i-clerk" and "h-i-technician", cut with "…" only
    when even that does not fit.
    """
    cut = {item_id: _cut(item_id, room) for item_id in ids}
    readings: dict[str, set[str]] = {}
    for item_id, label in cut.items():
        readings.setdefault(label, set()).add(item_id)
    labels = {}
    for item_id, label in cut.items():
        if room and len(item_id) <= room:
            labels[item_id] = item_id
        elif room and len(readings[label]) == 1:
            labels[item_id] = label
        else:
            labels[item_id] = _cut(_initials(item_id, room), room)
    return labels


def _initials(item_id: str, room: int) -> str:
    """The id with its leading words shortened to initials, from the first, until it fits."""
    words = item_id.split("-")
    for index in range(len(words) - 1):
        if room and len("-".join(words)) <= room:
            break
        words[index] = words[index][:1]
    return "-".join(words)


def _cut(text: str, room: int) -> str:
    return text if not room or len(text) <= room else text[: room - 1] + "…"


class Line:
    """One line of cells to write text into at columns, then turn into a Strip."""

    __slots__ = ("width", "chars", "styles")

    def __init__(self, width: int, style: Style) -> None:
        self.width = width
        self.chars = [" "] * width
        self.styles = [style] * width

    def write(self, column: int, text: str, style: Style, ellipsis: bool = False) -> None:
        """Write `text` from `column`, cut at the right edge (with "…" when `ellipsis`)."""
        room = self.width - column
        if room <= 0 or column < 0:
            return
        if len(text) > room:
            text = text[: room - 1] + "…" if ellipsis else text[:room]
        end = column + len(text)
        self.chars[column:end] = text
        self.styles[column:end] = [style] * len(text)

    def strip(self) -> Strip:
        """The line as segments, one per run of the same style."""
        segments = []
        chars, styles = self.chars, self.styles
        run_start = 0
        for index in range(1, self.width + 1):
            if index == self.width or styles[index] is not styles[run_start]:
                segments.append(Segment("".join(chars[run_start:index]), styles[run_start]))
                run_start = index
        return Strip(segments, self.width)
