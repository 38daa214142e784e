"""Reports to read, print or mail: a plan as Markdown, or as one self-contained HTML file.

A report holds the plan's title, where it leads (goal, finishing term, counts, approval), the
profile, the timeline term by term as a table and as a chart, the items, the diagnostics, the
next steps, the comments, the waivers and the approvals. `report(plan)` gathers that once as
plain text; `markdown(...)` and `html(...)` lay it out.

Text from the plan is data. In HTML every string goes through `printable` and then
`html.escape`; the file has its CSS inline, no script, no link and a Content-Security-Policy
that forbids loading anything, so opening it fetches nothing. In Markdown every string goes
through `printable` and then `md_escape`, which backslash-escapes what would become markup, so a
title cannot become a link, an image, HTML or a heading.
"""

from __future__ import annotations

import html as html_module
import os
import re
from typing import Any

from planner.core.catalog import KIND_WORDS, Pack
from planner.core.model import Item, Plan
from planner.core.outcome import Outcome, approval_state, outcome
from planner.core.terms import Term
from planner.core.text import printable, readable
from planner.core.validate import Diagnostic, Facts, validate

CHART_TERMS = 45
"""The chart shows at most this many terms (15 years); the table below it shows them all."""
CSP = "default-src 'none'; style-src 'unsafe-inline'"
"""The report's Content-Security-Policy: inline CSS, and nothing loaded from anywhere."""
EMPTY_RUN = 3

"""This many empty terms in a row or more are one row of the term-by-term table."""

# --- the report, as plain text ----------------------------------------------------------------


class Bar:
    """One row of the chart: an item over its terms."""

    __slots__ = ("label", "text", "first", "last", "kind", "status", "mark", "continues")

    def __init__(
        self, label: str, text: str, first: int, last: int, kind: str, status: str, mark: str
    ) -> None:
        self.label = label
        """The item's id."""
        self.text = text
        """The item's title, or its milestone's name."""
        self.first = first
        """First column (0-based term offset from the chart's first term)."""
        self.last = last
        """Last column, inclusive."""
        self.kind = kind
        """The milestone's kind (degree, exam, credential, job, ...), or "unknown"."""
        self.status = status
        self.mark = mark
        """"error", "warning" or "" after the item's worst diagnostic that is not waived."""
        self.continues = False
        """True when the item runs on past the chart's last term."""


class TermRow:
    """One row of the term-by-term table: a term (or a run of empty terms) and what happens."""

    __slots__ = ("when", "entries")

    def __init__(self, when: str, entries: list[str]) -> None:
        self.when = when
        self.entries = entries


class Report:
    """Everything a report shows, as plain (unescaped) text."""

    def __init__(self) -> None:
        self.title = ""
        self.file = ""
        self.digest = ""
        self.outcome: Outcome | None = None
        self.profile: list[tuple[str, str]] = []
        self.terms: list[TermRow] = []
        self.chart_terms: list[Term] = []
        self.chart_note = ""
        self.bars: list[Bar] = []
        self.items: list[dict[str, str]] = []
        self.diagnostics: list[Diagnostic] = []
        self.steps: list[Any] = []
        self.comments: list[dict[str, str]] = []
        self.waivers: list[dict[str, str]] = []
        self.approvals: list[dict[str, str]] = []


def _said(value: Any, known: Any) -> str:
    """A catalog id (or a list of them) in words, "high-school-student" as "high school student";
    a value the catalog does not know is shown as written."""
    if isinstance(value, list):
        return ", ".join(_said(entry, known) for entry in value)
    if isinstance(value, str) and value in known:
        return value.replace("-", " ")
    return readable(value)


def _names(value: Any, cat: Pack) -> str:
    """A list of milestone ids as their names; a value of another type as it is written."""
    if not isinstance(value, list):
        return readable(value)
    return ", ".join(cat.name_of(entry) if isinstance(entry, str) else readable(entry) for entry in value)


_DETAIL_FIELDS = (
    "accredited_by",
    "field",
    "area",
    "covers",
    "facility",
    "track",
    "issuer",
    "renews",
    "after",
)


def _detail(name: str, value: Any, cat: Pack, areas: set[str]) -> str:
    """An item's detail field in words where the catalog has them: areas as words, a renewed
    credential by its name; ids of the plan's items (after) as written, since the table lists them."""
    if name in ("area", "covers"):
        return _said(value, areas)
    if name == "renews" and isinstance(value, str) and value in cat.credentials:
        return cat.name_of(value)
    return readable(value)


def _spans(plan: Plan, facts: Facts) -> list[tuple[Item, int, int]]:
    """Each item with a valid start: (item, first term index, last term index), in time order."""
    placed = {id(p.item): p for p in facts.placed}
    spans = []
    for item in plan.items:
        if item.start is None:
            continue
        known = placed.get(id(item))
        if known is not None:
            spans.append((item, known.start, known.end))
        else:
            end = (
                item.end.index
                if item.end is not None and item.end.index >= item.start.index
                else item.start.index
            )
            spans.append((item, item.start.index, end))
    order = {id(item): n for n, item in enumerate(plan.items)}
    spans.sort(key=lambda span: (span[1], order[id(span[0])]))
    return spans


def _item_name(item: Item, cat: Pack) -> str:
    if item.title:
        return item.title
    if isinstance(item.requirement, str):
        return cat.name_of(item.requirement)
    return "(no requirement)"


def report(plan: Plan, file: str = "", cat: Pack | None = None) -> Report:
    """Gather what the report shows."""
    from planner.core.digest import plan_digest
    from planner.core.nextsteps import next_steps

    if cat is None:
        from planner.core.packs import plan_pack

        cat = plan_pack(plan)
    result = Report()
    result.file = file
    result.title = plan.title if plan.title else (file or "Career plan")
    digest = plan_digest(plan)
    result.digest = digest
    diagnostics = validate(plan, cat)
    result.diagnostics = diagnostics
    result.outcome = outcome(plan, diagnostics, cat)
    facts = Facts(plan, cat)

    profile = plan.profile
    goal = cat.goals.get(profile.goal or "")
    rows = [
        ("Name", readable(profile.get("name"))),
        ("Goal", goal.name if goal else readable(profile.get("goal"))),
        ("Starts", readable(profile.get("starts"))),
        ("Education", _said(profile.get("education"), cat.educations)),
        ("High-school courses", _said(profile.get("high_school_courses"), cat.high_school_subjects)),
        (
            "Credentials held",
            _names(profile.get("credentials"), cat),
        ),
        (
            "Completed before the plan",
            _names(profile.get("completed"), cat),
        ),
        (
            "Role",
            cat.name_of(profile.role)
            if isinstance(profile.role, str) and profile.role in cat.milestones
            else readable(profile.get("role")),
        ),
        ("Years of health-care experience", readable(profile.get("healthcare_experience_years"))),
    ]
    rows += [(key, readable(value)) for key, value in profile.extra.items()]
    result.profile = [(label, value) for label, value in rows if value != ""]

    worst: dict[str, str] = {}
    for diagnostic in diagnostics:
        if diagnostic.item is None or diagnostic.waived is not None:
            continue
        if diagnostic.severity == "error" or (
            diagnostic.severity == "warning" and diagnostic.item not in worst
        ):
            worst[diagnostic.item] = diagnostic.severity

    spans = _spans(plan, facts)
    first = min([s[1] for s in spans] + ([profile.starts.index] if profile.starts else []), default=None)
    last = max((s[2] for s in spans), default=first)
    if first is not None and last is not None:
        result.terms = _term_rows(spans, first, last, cat)
    if spans and last is not None:
        first = spans[0][1]
        chart_last = min(last, first + CHART_TERMS - 1)
        result.chart_terms = [Term(index) for index in range(first, chart_last + 1)]
        if chart_last < last:
            result.chart_note = (
                f"The chart shows {Term(first)} to {Term(chart_last)}; the plan runs to {Term(last)} "
                "(see the table)."
            )
        for item, start, end in spans:
            if start > chart_last:
                continue
            milestone = cat.milestones.get(item.requirement or "")
            bar = Bar(
                readable(item.get("id")) or "(no id)",
                _item_name(item, cat),
                start - first,
                min(end, chart_last) - first,
                milestone.kind if milestone else "unknown",
                item.status if item.status in cat.statuses else "planned",
                worst.get(item.id or "", ""),
            )
            bar.continues = end > chart_last
            result.bars.append(bar)

    for item in plan.items:
        milestone = cat.milestones.get(item.requirement or "")
        start, end = item.get("start"), item.get("end")
        when = readable(start) if end is None or end == start else f"{readable(start)} to {readable(end)}"
        areas = {*cat.coursework_areas, cat.general_education, *cat.high_school_subjects}
        details = [
            f"{name.replace('_', ' ')}: {_detail(name, item.get(name), cat, areas)}"
            for name in _DETAIL_FIELDS
            if item.get(name) is not None
        ]
        details += [f"{key}: {readable(value)}" for key, value in item.extra.items()]
        result.items.append(
            {
                "id": readable(item.get("id")),
                "title": readable(item.get("title")),
                "milestone": milestone.name if milestone else readable(item.get("requirement")),
                "when": when,
                "status": readable(item.get("status")) or "planned",
                "details": "; ".join(details),
                "notes": readable(item.get("notes")),
                "mark": worst.get(item.id or "", ""),
            }
        )

    result.steps = next_steps(plan, cat)
    ids = {item.id: item for item in plan.items if item.id}
    for comment in plan.comments:
        about = ""
        if comment.item is not None:
            target = ids.get(comment.item)
            about = f"{comment.item} ({_item_name(target, cat)})" if target is not None else comment.item
        result.comments.append(
            {
                "author": readable(comment.get("author")) or "someone",
                "date": readable(comment.get("date")),
                "item": about,
                "text": readable(comment.get("text")),
            }
        )
    for waiver in plan.waivers:
        result.waivers.append(
            {
                "rule": readable(waiver.get("rule")),
                "item": readable(waiver.get("item")),
                "by": readable(waiver.get("by")) or "someone",
                "date": readable(waiver.get("date")),
                "reason": readable(waiver.get("reason")),
            }
        )
    state = approval_state(plan, digest)
    latest = {id(a) for a in state.current + state.outdated}
    for approval in plan.approvals:
        if approval.digest == digest:
            holds = "current"
        elif id(approval) in latest:
            holds = "out of date: the plan changed after it"
        else:
            holds = "superseded by a later approval"
        result.approvals.append(
            {
                "by": readable(approval.get("by")) or "someone",
                "date": readable(approval.get("date")),
                "state": holds,
                "digest": readable(approval.get("digest")),
            }
        )
    return result


def _term_rows(spans: list[tuple[Item, int, int]], first: int, last: int, cat: Pack) -> list[TermRow]:
    """What happens in each term from `first` to `last`; runs of empty terms folded into one row."""
    import bisect

    starts = [span[1] for span in spans]
    rows: list[TermRow] = []
    empty_from: int | None = None

    def close_empty(until: int) -> None:
        nonlocal empty_from
        if empty_from is None:
            return
        if until - empty_from + 1 >= EMPTY_RUN:
            rows.append(TermRow(f"{Term(empty_from)} to {Term(until)}", []))
        else:
            rows.extend(TermRow(str(Term(index)), []) for index in range(empty_from, until + 1))
        empty_from = None

    # Items are sorted by start; active ones are those started by `index` and not yet ended.
    for index in range(first, last + 1):
        active = [span for span in spans[: bisect.bisect_right(starts, index)] if span[2] >= index]
        if not active:
            if empty_from is None:
                empty_from = index
            continue
        close_empty(index - 1)
        entries = []
        for item, start, end in active:
            label = f"{_item_name(item, cat)} ({readable(item.get('id')) or 'no id'})"
            if start == end:
                entries.append(label)
            else:
                entries.append(f"{label}, term {index - start + 1} of {end - start + 1}")
        rows.append(TermRow(str(Term(index)), entries))
    close_empty(last)
    return rows


# --- Markdown ---------------------------------------------------------------------------------

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~!&$])")
_MD_LINE_START = re.compile(r"^([-+=.:>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Plan text for Markdown: control characters made visible, markup characters escaped.

    Newlines stay (the caller lays out multi-line text); each line loses its leading blanks
    (four would make a code block) and has a leading list, quote or heading marker escaped.
    """
    lines = []
    for line in printable(text).split("\n"):
        line = _MD_ANYWHERE.sub(r"\\\1", line.lstrip(" \t"))
        line = _MD_LINE_START.sub(
            lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), line
        )
        lines.append(line)
    return "\n".join(lines)


def md_inline(text: str) -> str:
    """Plan text for one Markdown line or table cell: newlines become <br>."""
    return md_escape(text).replace("\n", "<br>")


def md_block(text: str, indent: str) -> str:
    """Plan text continuing a list item: each further line indented, ending in a hard break."""
    return ("\\\n" + indent).join(md_escape(text).split("\n"))


def _diagnostic_md(diagnostic: Diagnostic) -> str:
    item = f" \\[{md_inline(diagnostic.item)}\\]" if diagnostic.item is not None else ""
    source = f" ({md_inline(diagnostic.source)})" if diagnostic.source else ""
    message = md_inline(diagnostic.message)
    line = f"**{diagnostic.severity}** {md_inline(diagnostic.rule)}{item}: {message}{source}"
    waiver = diagnostic.waived
    if waiver is not None:
        when = f" on {md_inline(readable(waiver.date))}" if waiver.date else ""
        why = f": {md_inline(waiver.reason)}" if waiver.reason else ""
        line = f"~~{line}~~ (waived by {md_inline(waiver.by or 'someone')}{when}{why})"
    return line


def _no_steps(result: Outcome) -> str:
    """What the next steps section says when there are none (as the app's Next steps pane does)."""
    if not result.goal_name:
        return "The profile names no known goal."
    errors = result.counts["error"]
    if errors:
        return (
            f"No milestone is missing on the way to the goal, but the plan has {errors} "
            f"error{'' if errors == 1 else 's'}: see Diagnostics."
        )
    return "Nothing is missing on the way to the goal."


def _chart_lines(data: Report) -> list[str]:
    """A text Gantt chart: one column of three characters per term, whole years from spring (so
    that every year's label has room above its terms)."""
    if not data.bars:
        return []
    width = min(24, max(len(bar.label) for bar in data.bars))
    pad = data.chart_terms[0].index % 3  # the terms of the first year before the chart's first
    terms = [data.chart_terms[0].shift(-n) for n in range(pad, 0, -1)] + data.chart_terms
    years = "".join(f"{term.year:<9}" for term in terms if term.season == "spring")
    seasons = "".join({"spring": "Sp ", "summer": "Su ", "fall": "Fa "}[t.season] for t in terms)
    lines = [" " * (width + 1) + years.rstrip(), " " * (width + 1) + seasons.rstrip()]
    fill = {"error": "!!!", "warning": "***"}
    for bar in data.bars:
        label = printable(bar.label, one_line=True)
        label = label if len(label) <= width else label[: width - 1] + "…"
        cells = ["   "] * len(terms)
        for column in range(pad + bar.first, pad + bar.last + 1):
            cells[column] = fill.get(bar.mark, "===" if bar.status != "done" else "###")
        line = label.ljust(width) + " " + "".join(cells).rstrip()
        lines.append(line + (" >" if bar.continues else ""))
    return lines


def markdown(data: Report) -> str:
    """The report as Markdown."""
    out: list[str] = [f"# {md_inline(data.title)}", ""]
    meta = []
    if data.file:
        meta.append(f"Plan file: {md_inline(data.file)}")
    meta.append(f"content digest {data.digest[:19]}…")
    out += [" · ".join(meta), ""]

    result = data.outcome
    assert result is not None
    out += ["## At a glance", ""]
    goal_name = result.goal_name or (result.goal or "none")
    out.append(f"- Goal: {md_inline(goal_name)}")
    out.append(f"- Finishes: {md_inline(result.describe_finish_and_reach())}")
    out.append(f"- Diagnostics: {result.describe_counts()}")
    out.append(f"- Approval: {md_inline(result.approval.describe())}")
    out.append("")

    out += ["## Profile", "", "| Field | Value |", "| --- | --- |"]
    out += [f"| {md_inline(label)} | {md_inline(value)} |" for label, value in data.profile]
    out.append("")

    out += ["## Timeline, term by term", ""]
    if data.terms:
        out += ["| Term | What happens |", "| --- | --- |"]
        for row in data.terms:
            what = "<br>".join(md_inline(entry) for entry in row.entries) or "(nothing planned)"
            out.append(f"| {md_inline(row.when)} | {what} |")
    else:
        out.append("No item has a start term yet.")
    out.append("")

    chart = _chart_lines(data)
    if chart:
        out += ["## Chart", ""]
        out.append("`===` planned or in progress, `###` done, `***` has a warning, `!!!` has an error.")
        if data.chart_note:
            out.append(md_inline(data.chart_note))
        out.append("")
        out += ["    " + line for line in chart]
        out.append("")

    out += ["## Items", ""]
    if data.items:
        out += ["| Id | Milestone | Terms | Status | Details |", "| --- | --- | --- | --- | --- |"]
        for entry in data.items:
            milestone = md_inline(entry["milestone"])
            if entry["title"]:
                milestone = f"{md_inline(entry['title'])}<br>({milestone})"
            details = [md_inline(entry["details"])] if entry["details"] else []
            if entry["notes"]:
                details.append("Notes: " + md_inline(entry["notes"]))
            status = md_inline(entry["status"]) + (f" ({entry['mark']})" if entry["mark"] else "")
            out.append(
                f"| {md_inline(entry['id'])} | {milestone} | {md_inline(entry['when'])} | {status} "
                f"| {'<br>'.join(details)} |"
            )
    else:
        out.append("The plan has no items yet.")
    out.append("")

    out += ["## Diagnostics", ""]
    out += [f"- {_diagnostic_md(d)}" for d in data.diagnostics] or ["None: the plan follows every rule."]
    out.append("")

    out += ["## Next steps", ""]
    for number, step in enumerate(data.steps, 1):
        when = str(step.start) if step.start == step.end else f"{step.start} to {step.end}"
        out.append(f"{number}. {md_inline(step.name)} ({md_inline(step.id)}), {when}.\\")
        out.append(f"   Why: {md_inline(step.reason)} ({md_inline(step.source)})")
    if not data.steps:
        out.append(_no_steps(result))
    out.append("")

    out += ["## Comments", ""]
    for comment in data.comments:
        head = ", ".join(md_inline(part) for part in (comment["date"], comment["author"]) if part)
        about = f", on {md_inline(comment['item'])}" if comment["item"] else ""
        out.append(f"- {head}{about}:\\")
        out.append("  " + md_block(comment["text"], "  "))
    if not data.comments:
        out.append("None.")
    out.append("")

    out += ["## Waivers", ""]
    for waiver in data.waivers:
        where = f" on {md_inline(waiver['item'])}" if waiver["item"] else " on the plan"
        when = f", {md_inline(waiver['date'])}" if waiver["date"] else ""
        why = f": {md_inline(waiver['reason'])}" if waiver["reason"] else ""
        out.append(f"- {md_inline(waiver['rule'])}{where}, by {md_inline(waiver['by'])}{when}{why}")
    if not data.waivers:
        out.append("None.")
    out.append("")

    out += ["## Approvals", ""]
    for approval in data.approvals:
        when = f", {md_inline(approval['date'])}" if approval["date"] else ""
        out.append(f"- {md_inline(approval['by'])}{when}: {md_inline(approval['state'])}")
    if not data.approvals:
        out.append("None.")
    out.append("")
    return "\n".join(out)


# --- HTML -------------------------------------------------------------------------------------


def h(text: Any) -> str:
    """Plan text for HTML: control characters made visible, then escaped."""
    return html_module.escape(printable(str(text)), quote=True)


_CSS = """
:root { --ink: #1d232b; --muted: #5c6670; --line: #d5dbe1; --error: #b3261e; --warning: #9a6700; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid var(--line);
  padding-bottom: .2rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; background: #f3f5f7; }
th[scope="row"] { width: 1%; white-space: nowrap; }
.glance { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.glance dt { font-weight: 600; }
.glance dd { margin: 0; }
.pre { white-space: pre-wrap; }
.empty { color: var(--muted); }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; padding: 0 .3rem; border-radius: 3px; }
.sev-error { color: #fff; background: var(--error); }
.sev-warning { color: #fff; background: var(--warning); }
.sev-suggestion { color: var(--ink); background: #dde3ea; }
.waived { color: var(--muted); }
.waived .message { text-decoration: line-through; }
.mark-error { color: var(--error); font-weight: 600; }
.mark-warning { color: var(--warning); font-weight: 600; }
.chart { display: grid; gap: 2px 0; font-size: .8rem; margin: .5rem 0; }
.chart .head { color: var(--muted); text-align: center; border-left: 1px solid var(--line); font-size: .65rem;
  overflow: hidden; }
.chart .label { padding-right: .5rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chart .bar { border-radius: 3px; padding: 0 .3rem; color: #fff; overflow: hidden; white-space: nowrap;
  text-overflow: ellipsis; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.kind-course { background: #6b7f99; } .kind-degree { background: #2f6db5; }
.kind-certificate-program { background: #4a8fb5; } .kind-training { background: #5c9c8a; }
.kind-exam { background: #7a5cb5; } .kind-credential { background: #a3479b; }
.kind-ceu { background: #b5477a; }
.kind-job { background: #3f8a46; } .kind-unknown { background: #8a8f96; }
.status-done { opacity: .55; }
.status-in-progress { background-image: linear-gradient(90deg, rgba(255,255,255,.3), transparent); }
.bar.mark-error { outline: 2px solid var(--error); outline-offset: 1px; color: #fff; }
.bar.mark-warning { outline: 2px dashed var(--warning); outline-offset: 1px; color: #fff; }
.continues::after { content: " \\2192"; }
.legend { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap;
  gap: .3rem .9rem; font-size: .8rem; color: var(--muted); }
.legend .swatch { display: inline-block; width: 1.6rem; height: .8rem; border-radius: 3px;
  vertical-align: middle; margin-right: .3rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.legend .swatch.mark-error { background: #fff; outline: 2px solid var(--error); }
.legend .swatch.mark-warning { background: #fff; outline: 2px dashed var(--warning); }
ol.steps li, ul.list li { margin-bottom: .4rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, li, .chart .bar { break-inside: avoid; }
}
"""


def _html_diagnostic(diagnostic: Diagnostic) -> str:
    item = f" [{h(diagnostic.item)}]" if diagnostic.item is not None else ""
    source = f" ({h(diagnostic.source)})" if diagnostic.source else ""
    body = (
        f'<span class="sev sev-{h(diagnostic.severity)}">{h(diagnostic.severity)}</span> '
        f"<code>{h(diagnostic.rule)}</code>{item}: "
        f'<span class="message">{h(diagnostic.message)}</span>{source}'
    )
    waiver = diagnostic.waived
    if waiver is None:
        return f"<li>{body}</li>"
    when = f" on {h(waiver.date.isoformat())}" if waiver.date else ""
    why = f": {h(waiver.reason)}" if waiver.reason else ""
    return f'<li class="waived">{body} <em>(waived by {h(waiver.by or "someone")}{when}{why})</em></li>'


def _html_chart(data: Report) -> list[str]:
    if not data.bars:
        return []
    columns = len(data.chart_terms)
    out = [
        '<div class="chart" style="grid-template-columns: minmax(5rem, 10rem) '
        f'repeat({columns}, minmax(.6rem, 1fr))"'
        ' role="img" aria-label="The timeline as a chart, one column per term">'
    ]
    # Header: the year over its terms, then the season of each term.
    column = 0
    while column < columns:
        year = data.chart_terms[column].year
        span = 1
        while column + span < columns and data.chart_terms[column + span].year == year:
            span += 1
        out.append(
            f'<div class="head" style="grid-row: 1; grid-column: {column + 2} / span {span}">{year}</div>'
        )
        column += span
    for column, term in enumerate(data.chart_terms):
        out.append(
            f'<div class="head" style="grid-row: 2; grid-column: {column + 2}">'
            f"{term.season[:2].capitalize()}</div>"
        )
    for row, bar in enumerate(data.bars, 3):
        out.append(
            f'<div class="label" style="grid-row: {row}; grid-column: 1" title="{h(bar.label)}">'
            f"{h(bar.label)}</div>"
        )
        classes = ["bar", f"kind-{bar.kind}", f"status-{bar.status}"]
        if bar.mark:
            classes.append(f"mark-{bar.mark}")
        if bar.continues:
            classes.append("continues")
        out.append(
            f'<div class="{" ".join(classes)}" '
            f'style="grid-row: {row}; grid-column: {bar.first + 2} / {bar.last + 3}"'
            f' title="{h(bar.text)}">{h(bar.text)}</div>'
        )
    out.append("</div>")
    return out + _html_legend(data)


def _html_legend(data: Report) -> list[str]:
    """What the chart's colours and outlines mean: the kinds of its bars, done, and the marks."""
    kinds = {bar.kind for bar in data.bars}
    out = ['<ul class="legend" aria-label="What the colours of the chart mean">']
    for kind, words in KIND_WORDS.items():
        if kind in kinds:
            out.append(f'<li><span class="swatch kind-{kind}"></span>{h(words)}</li>')
    if any(bar.status == "done" for bar in data.bars):
        out.append('<li><span class="swatch kind-course status-done"></span>done (faded)</li>')
    if any(bar.mark == "error" for bar in data.bars):
        out.append('<li><span class="swatch mark-error"></span>has an error</li>')
    if any(bar.mark == "warning" for bar in data.bars):
        out.append('<li><span class="swatch mark-warning"></span>has a warning</li>')
    if any(bar.continues for bar in data.bars):
        out.append("<li>\u2192 goes on after the chart</li>")
    out.append("</ul>")
    return out


def html(data: Report) -> str:
    """The report as one self-contained HTML file: inline CSS, no script, nothing to fetch."""
    result = data.outcome
    assert result is not None
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(data.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{h(data.title)}</h1>",
    ]
    meta = [f"Plan file {h(data.file)}"] if data.file else []
    meta.append(f"content digest <code>{h(data.digest[:19])}…</code>")
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')

    out += ["<h2>At a glance</h2>", '<dl class="glance">']
    out.append(f"<dt>Goal</dt><dd>{h(result.goal_name or result.goal or 'none')}</dd>")
    out.append(f"<dt>Finishes</dt><dd>{h(result.describe_finish_and_reach())}</dd>")
    out.append(f"<dt>Diagnostics</dt><dd>{h(result.describe_counts())}</dd>")

    out.append(f"<dt>Approval</dt><dd>{h(result.approval.describe())}</dd>")
    out.append("</dl>")

    out += ["<h2>Profile</h2>", "<table>"]
    out += [f'<tr><th scope="row">{h(label)}</th><td>{h(value)}</td></tr>' for label, value in data.profile]
    out.append("</table>")

    out.append("<h2>Timeline</h2>")
    chart = _html_chart(data)
    if chart:
        if data.chart_note:
            out.append(f'<p class="empty">{h(data.chart_note)}</p>')
        out += chart
    if data.terms:
        out += ["<table>", "<thead><tr><th>Term</th><th>What happens</th></tr></thead>", "<tbody>"]
        for term_row in data.terms:
            what = (
                "<br>".join(h(entry) for entry in term_row.entries)
                or '<span class="empty">nothing planned</span>'
            )
            out.append(f"<tr><td>{h(term_row.when)}</td><td>{what}</td></tr>")
        out += ["</tbody>", "</table>"]
    else:
        out.append('<p class="empty">No item has a start term yet.</p>')

    out.append("<h2>Items</h2>")
    if data.items:
        out += [
            "<table>",
            "<thead><tr><th>Id</th><th>Milestone</th><th>Terms</th><th>Status</th><th>Details</th></tr></thead>",
            "<tbody>",
        ]
        for item_row in data.items:
            milestone = h(item_row["milestone"])
            if item_row["title"]:
                milestone = f'{h(item_row["title"])}<br><span class="empty">{milestone}</span>'
            mark = (
                f' <span class="mark-{item_row["mark"]}">({item_row["mark"]})</span>'
                if item_row["mark"]
                else ""
            )
            details = h(item_row["details"])
            if item_row["notes"]:
                details += f'<div class="pre">{h(item_row["notes"])}</div>'
            out.append(
                f"<tr><td>{h(item_row['id'])}</td><td>{milestone}</td><td>{h(item_row['when'])}</td>"
                f"<td>{h(item_row['status'])}{mark}</td><td>{details}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    else:
        out.append('<p class="empty">The plan has no items yet.</p>')

    out.append("<h2>Diagnostics</h2>")
    if data.diagnostics:
        out += ['<ul class="list">', *(_html_diagnostic(d) for d in data.diagnostics), "</ul>"]
    else:
        out.append('<p class="empty">None: the plan follows every rule.</p>')

    out.append("<h2>Next steps</h2>")
    if data.steps:
        out.append('<ol class="steps">')
        for step in data.steps:
            when = str(step.start) if step.start == step.end else f"{step.start} to {step.end}"
            out.append(
                f"<li><strong>{h(step.name)}</strong> ({h(step.id)}), {h(when)}<br>"
                f"Why: {h(step.reason)} ({h(step.source)})</li>"
            )
        out.append("</ol>")
    else:
        empty = _no_steps(result)
        out.append(f'<p class="empty">{empty}</p>')

    comments = []
    for comment in data.comments:
        head = ", ".join(h(part) for part in (comment["date"], comment["author"]) if part)
        about = f", on {h(comment['item'])}" if comment["item"] else ""
        comments.append(f'<strong>{head}</strong>{about}:<div class="pre">{h(comment["text"])}</div>')
    waivers = []
    for waiver in data.waivers:
        where = f" on {h(waiver['item'])}" if waiver["item"] else " on the plan"
        when = f", {h(waiver['date'])}" if waiver["date"] else ""
        why = f": {h(waiver['reason'])}" if waiver["reason"] else ""
        waivers.append(f"<code>{h(waiver['rule'])}</code>{where}, by {h(waiver['by'])}{when}{why}")
    approvals = []
    for approval in data.approvals:
        when = f", {h(approval['date'])}" if approval["date"] else ""
        approvals.append(f"<strong>{h(approval['by'])}</strong>{when}: {h(approval['state'])}")
    for title, entries in (("Comments", comments), ("Waivers", waivers), ("Approvals", approvals)):
        out.append(f"<h2>{title}</h2>")
        if entries:
            out += ['<ul class="list">', *(f"<li>{entry}</li>" for entry in entries), "</ul>"]
        else:
            out.append('<p class="empty">None.</p>')

    out.append(
        f"<footer>Made by planner from {h(data.file or 'a plan')}; full digest {h(data.digest)}.</footer>"
    )
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


REPORT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
"""The report's format by the extension of its file's name (`export -o`, the app's Export report)."""


def report_format(path: str) -> str | None:
    """The format a report file's name says ("markdown" or "html"); None for another extension."""
    return REPORT_FORMATS.get(os.path.splitext(path)[1].lower())


def export(plan: Plan, file: str = "", format: str = "markdown", pack: Pack | None = None) -> str:
    """The plan's report under `pack` (the plan's built-in one when not given) as Markdown
    (`format="markdown"`) or HTML (`"html"`)."""
    data = report(plan, file, pack)
    return html(data) if format == "html" else markdown(data)
