"""`planner check --fix [--diff]`: apply the fixes the diagnostics offer, and write each plan.

Each plan gets one line per fix applied, then the diagnostics that remain and its summary line;
the exit status is that of the remaining diagnostics. With `--diff` nothing is written: the
changes are printed as a unified diff. A file that cannot be read is reported and never written.
"""

from __future__ import annotations

from typing import Any

from planner.cli.options import BROKEN, FOUND, OK, complain, say, say_json


def fix_one(path: str, diff: bool, rules: str | None = None) -> dict[str, Any]:
    """Fix one file: {"file", "ok", "fixed", "diagnostics"} (and "diff" with `diff`), or
    {"file", "ok": False, "error"}; the file is written unless `diff` or nothing was fixed. The
    plan's rule pack (or `rules`, `--rules`) decides the diagnostics and their fixes."""
    from planner.core.fixes import fix_all
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load, save, text_to_write
    from planner.core.validate import has_errors

    try:
        loaded = load(path)
        pack = pack_for_file(loaded.plan, path, rules)
    except (PlanFileError, PackError) as error:
        return {"file": path, "ok": False, "error": str(error)}
    plan = loaded.plan
    result = fix_all(plan, pack)
    outcome: dict[str, Any] = {
        "file": path,
        "ok": not has_errors(result.diagnostics),
        "fixed": [{"rule": fix.rule, "item": fix.item, "title": fix.title} for fix in result.applied],
        "diagnostics": [d.to_json() for d in result.diagnostics],
    }
    if result.edit is None:
        if diff:
            outcome["diff"] = []
        return outcome
    result.edit.apply(plan)
    if diff:
        outcome["diff"] = unified(path, loaded.text, text_to_write(plan, loaded.text))
        return outcome
    try:
        saved = save(plan, path, loaded.text)
    except PlanFileError as error:
        return {"file": path, "ok": False, "error": str(error)}
    if saved.backup:
        outcome["backup"] = saved.backup
    return outcome


def unified(path: str, old: str, new: str) -> list[str]:
    """The lines of a unified diff from `old` to `new`, both named `path`."""
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return [line.rstrip("\r\n") for line in lines]  # a CRLF file shows no CR on every line


def fix_line(path: str, fixed: dict[str, Any]) -> str:
    """`FILE: fixed RULE [ITEM]: TITLE`."""
    item = f" [{fixed['item']}]" if fixed["item"] is not None else ""
    return f"{path}: fixed {fixed['rule']}{item}: {fixed['title']}"


def fix_files(files: list[str], diff: bool, as_json: bool, rules: str | None = None) -> int:
    """`planner check --fix` over the files, in order; the exit status."""
    from planner.cli.check import diagnostic_line, summary_line

    results = [fix_one(path, diff, rules) for path in files]
    status = OK
    for result in results:
        if "error" in result:
            complain(result["error"])
            status = BROKEN
        elif not result["ok"] and status == OK:
            status = FOUND
    if as_json:
        say_json({"plans": results})
        return status
    for result in results:
        if "error" in result:
            continue
        if diff:
            for line in result["diff"]:
                say(line)
            continue
        for fixed in result["fixed"]:
            say(fix_line(result["file"], fixed))
        if "backup" in result:
            say(
                f"{result['file']}: its TOML comments cannot be kept in the canonical layout; "
                f"the previous version is in {result['backup']}"
            )
        for diagnostic in result["diagnostics"]:
            say(diagnostic_line(result["file"], diagnostic))
        say(summary_line(result))
    return status
