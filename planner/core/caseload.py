"""A caseload at a glance: one line per student's plan, for an advisor with many.

`summarize(path)` reads and validates one plan and keeps what the advisor scans for: who it is,
the goal, the term the plan finishes, the counts of diagnostics, and the approval state (none,
current, or out of date and by whom). It returns plain data, so that `check --summary` can run
it in worker processes over thousands of files. `table(rows)` and `totals(rows)` lay it out.
"""

from __future__ import annotations

from typing import Any

from planner.core.text import printable


def summarize(path: str, rules: str | None = None) -> dict[str, Any]:
    """One plan's line of the caseload: {"file", "ok", "name", "title", "goal", ...}, under the
    plan's pack (or `rules`).

    A file that cannot be read (nor its pack) gives {"file", "ok": False, "error"}.
    """
    from planner.core.outcome import outcome
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load_plan
    from planner.core.validate import has_errors, validate

    try:
        plan = load_plan(path)
        pack = pack_for_file(plan, path, rules)
    except (PlanFileError, PackError) as error:
        return {"file": path, "ok": False, "error": str(error)}
    diagnostics = validate(plan, pack)
    result = outcome(plan, diagnostics, pack)
    return {
        "file": path,
        "ok": not has_errors(diagnostics),
        "name": plan.profile.name if isinstance(plan.profile.name, str) else None,
        "title": plan.title,
        **result.to_json(),
    }


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """How many plans, with errors, unreadable; approvals by state; the span of finishing terms."""
    readable = [row for row in rows if "error" not in row]
    finishes = sorted((row["finishes"] for row in readable if row["finishes"]), key=_term_order)

    by_state = {"current": 0, "outdated": 0, "none": 0}
    for row in readable:
        by_state[row["approval"]["state"]] += 1
    return {
        "plans": len(rows),
        "unreadable": len(rows) - len(readable),
        "with_errors": sum(1 for row in readable if not row["ok"]),
        "approvals": by_state,
        "finishing": {"first": finishes[0], "last": finishes[-1]} if finishes else None,
        "not_finishing": sum(1 for row in readable if not row["finishes"] and not row["goal_held"]),
    }


def _approval_cell(approval: dict[str, Any]) -> str:
    def who(entries: list[dict[str, Any]]) -> str:
        return ", ".join(entry["by"] or "someone" for entry in entries)

    if approval["state"] == "outdated":
        return "out of date: " + who(approval["outdated"])
    if approval["state"] == "current":
        return "current: " + who(approval["current"])
    return "none"


def _finish_cell(row: dict[str, Any]) -> str:
    if row["goal_held"]:
        return "held"
    return row["finishes"] or "-"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COLUMNS = (
    ("FILE", 48),
    ("NAME", 24),
    ("GOAL", 26),
    ("FINISHES", 11),
    ("ERR", 3),
    ("WARN", 4),
    ("APPROVAL", 60),
)
"""The summary's columns and their widest width."""


def table(rows: list[dict[str, Any]]) -> list[str]:
    """The caseload as aligned text lines: a header, one line per plan (control characters escaped)."""
    cells = []
    for row in rows:
        if "error" in row:
            cells.append([row["file"], "", "", "", "", "", "cannot be read (see above)"])
            continue
        cells.append(
            [
                row["file"],
                row["name"] or "",
                row["goal"] if isinstance(row["goal"], str) else "",
                _finish_cell(row),
                str(row["counts"]["error"]),
                str(row["counts"]["warning"]),
                _approval_cell(row["approval"]),
            ]
        )
    cells = [[printable(cell, one_line=True) for cell in line] for line in cells]
    widths = []
    for column, (title, widest) in enumerate(COLUMNS):
        widths.append(min(widest, max([len(title)] + [len(line[column]) for line in cells])))
    lines = []
    for line in [[title for title, _ in COLUMNS], *cells]:
        parts = []
        for column, cell in enumerate(line):
            cell = _fit(cell, widths[column])
            numeric = COLUMNS[column][0] in ("ERR", "WARN")
            parts.append(cell.rjust(widths[column]) if numeric else cell.ljust(widths[column]))
        lines.append("  ".join(parts).rstrip())
    return lines


def totals_line(summary: dict[str, Any]) -> str:
    """One sentence under the table."""
    parts = [f"{summary['plans']} plan{'' if summary['plans'] == 1 else 's'}"]
    parts.append(f"{summary['with_errors']} with errors")
    if summary["unreadable"]:
        parts.append(f"{summary['unreadable']} unreadable")
    approvals = summary["approvals"]
    parts.append(
        f"approvals: {approvals['current']} current, {approvals['outdated']} out of date, "
        f"{approvals['none']} none"
    )
    if summary["finishing"]:
        parts.append(f"finishing {summary['finishing']['first']} to {summary['finishing']['last']}")
    if summary["not_finishing"]:
        parts.append(f"{summary['not_finishing']} not reaching their goal in the plan")
    return "; ".join(parts)


def _term_order(text: str) -> int:
    """A term's place in time (spring, summer, fall), for sorting terms written as text."""
    from planner.core.terms import Term

    term = Term.parse(text)
    return term.index if term is not None else 0
