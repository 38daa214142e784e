"""The caseload summary's totals and table."""

from __future__ import annotations

from planner.core.caseload import table, totals, totals_line


def row(file: str, finishes: str | None, state: str = "none", ok: bool = True) -> dict:
    return {
        "file": file,
        "ok": ok,
        "name": file.title(),
        "title": None,
        "goal": "rhit",
        "goal_held": False,
        "goal_reached": finishes,
        "finishes": finishes,
        "counts": {"error": 0 if ok else 2, "warning": 0, "suggestion": 0},
        "waived": 0,
        "approval": {
            "state": state,
            "current": [],
            "outdated": [{"by": "J. Kim", "date": None}] if state == "outdated" else [],
        },
    }


def test_finishing_terms_are_ordered_in_time_not_alphabetically() -> None:
    rows = [row("a", "2028-fall"), row("b", "2028-spring"), row("c", "2029-summer"), row("d", None)]
    summary = totals(rows)
    assert summary["finishing"] == {"first": "2028-spring", "last": "2029-summer"}
    assert summary["not_finishing"] == 1


def test_totals_count_errors_approvals_and_unreadable_files() -> None:
    rows = [
        row("a", "2030-fall", "current"),
        row("b", "2031-fall", "outdated", ok=False),
        {"file": "c", "ok": False, "error": "c: broken"},
    ]
    assert totals_line(totals(rows)) == (
        "3 plans; 1 with errors; 1 unreadable; approvals: 1 current, 1 out of date, 0 none; "
        "finishing 2030-fall to 2031-fall"
    )


def test_the_table_aligns_columns_and_cuts_long_cells() -> None:
    rows = [row("short", "2030-fall"), row("x" * 80, "2031-fall", "outdated")]
    lines = table(rows)
    assert lines[0].startswith("FILE ")
    assert lines[2].startswith("x" * 47 + "…  ")
    assert lines[2].endswith("out of date: J. Kim")
    assert len({line.index("rhit") for line in lines[1:]}) == 1
