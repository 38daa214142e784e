"""`planner check`: validate plans, one line per diagnostic, or JSON, or a caseload summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from planner.cli.options import BROKEN, FOUND, OK, UsageError, complain, parse, plural, say, say_json


def plan_files(paths: Sequence[str]) -> list[str]:
    """The plan files named, with each folder replaced by the .toml files under it, sorted."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                found += [os.path.join(folder, name) for name in names if name.endswith(".toml")]
            files += sorted(found)
        else:
            files.append(path)
    return files


def report_empty_folders(paths: Sequence[str], files: Sequence[str]) -> int:
    """Say of each folder named in `paths` that holds no plan file among `files` that it holds
    none (exit status 2, BROKEN); OK when every folder holds one."""
    status = OK
    for path in paths:
        if os.path.isdir(path) and not any(file.startswith(os.path.join(path, "")) for file in files):
            complain(f"{path}: this folder holds no .toml plan files")
            status = BROKEN
    return status


def check_one(path: str, with_fixes: bool = False, rules: str | None = None) -> dict[str, Any]:
    """Validate one file under its rule pack (or `rules`, `--rules`): {"file", "ok",
    "diagnostics"} or {"file", "ok": False, "error"}.

    `with_fixes`: each diagnostic carries the fixes it offers (`"fixes": [{"title": ...}]`).
    """
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load
    from planner.core.validate import has_errors, validate

    try:
        loaded = load(path)
        plan = loaded.plan
        cat = pack_for_file(plan, path, rules)
    except (PlanFileError, PackError) as error:
        return {"file": path, "ok": False, "error": str(error)}
    diagnostics = validate(plan, cat)
    if diagnostics:  # lines are looked up only for a plan with findings
        from planner.core.lines import place

        place(diagnostics, loaded.text, plan)
    entries = [d.to_json() for d in diagnostics]
    if with_fixes:
        from planner.core.fixes import all_fixes

        for entry, fixes in zip(entries, all_fixes(plan, cat, diagnostics), strict=True):
            entry["fixes"] = [fix.to_json() for fix in fixes]
    return {"file": path, "ok": not has_errors(diagnostics), "diagnostics": entries}


def check_one_with_fixes(path: str, rules: str | None = None) -> dict[str, Any]:
    """`check_one` with the fixes each diagnostic offers (for `--format json`)."""
    return check_one(path, with_fixes=True, rules=rules)


PARALLEL_FROM = 64
"""From this many files on, `check` spreads the work over the machine's cores."""


def check_all(
    files: list[str],
    worker: Callable[[str], dict[str, Any]] = check_one,
    workers: int | None = None,
) -> list[dict[str, Any]]:
    """`worker` (check_one) over every file, in order; in worker processes when there are many.

    `workers` is the number of processes (the machine's cores, at most 8, when None).
    """
    if workers is None:
        workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [worker(path) for path in files]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(files) // (workers * 8))
    with context.Pool(workers) as pool:
        return pool.map(worker, files, chunksize=chunk)


def diagnostic_line(file: str, diagnostic: dict[str, Any]) -> str:
    """`FILE:LINE: SEVERITY RULE [ITEM]: MESSAGE (SOURCE)`, with the waiver after it when waived.

    `:LINE` is left out for a diagnostic about no place in the file."""
    item = f" [{diagnostic['item']}]" if diagnostic["item"] is not None else ""
    source = f" ({diagnostic['source']})" if diagnostic["source"] else ""
    where = f"{file}:{diagnostic['line']}" if diagnostic.get("line") is not None else file
    line = f"{where}: {diagnostic['severity']} {diagnostic['rule']}{item}: {diagnostic['message']}{source}"
    waived = diagnostic.get("waived")
    if waived:
        when = f" on {waived['date']}" if waived["date"] else ""
        why = f": {waived['reason']}" if waived["reason"] else ""
        line += f" [waived by {waived['by'] or 'someone'}{when}{why}]"
    return line


def summary_line(result: dict[str, Any]) -> str:
    """The per-file summary: counts by severity, and how many are waived."""
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    waived = 0
    for diagnostic in result["diagnostics"]:
        if diagnostic.get("waived"):
            waived += 1
        else:
            counts[diagnostic["severity"]] += 1
    parts = [plural(counts[name], name) for name in counts]
    if waived:
        parts.append(f"{waived} waived")
    verdict = "ok" if result["ok"] else "has errors"
    return f"{result['file']}: {verdict}: " + ", ".join(parts)


def cmd_check(args: Sequence[str]) -> int:
    """`planner check [--summary] [--fix [--diff]] [--format json] [--rules ID|PATH] PLAN|DIR...`"""
    options = parse("check", args, {"format": "format", "rules": "rules"}, {"summary", "fix", "diff"})
    if not options.paths:
        raise UsageError("planner check: name at least one plan file or folder")
    if options.diff and not options.fix:
        raise UsageError("planner check: --diff goes with --fix (it shows what --fix would change)")
    if options.fix and options.summary:
        raise UsageError("planner check: --fix and --summary do not go together")
    files = plan_files(options.paths)
    status = report_empty_folders(options.paths, files)
    if options.summary:
        return max(status, check_summary(files, options.format == "json", options.rules))
    if options.fix:
        from planner.cli.fix import fix_files

        return max(status, fix_files(files, options.diff, options.format == "json", options.rules))
    worker = check_one_with_fixes if options.format == "json" else check_one
    results = check_all(files, partial(worker, rules=options.rules) if options.rules else worker)
    for result in results:
        if "error" in result:
            status = BROKEN
        elif not result["ok"] and status == OK:
            status = FOUND
    if options.format == "json":
        for result in results:
            if "error" in result:
                complain(result["error"])
        say_json({"plans": results})
        return status
    for result in results:
        if "error" in result:
            complain(result["error"])
            continue
        for diagnostic in result["diagnostics"]:
            say(diagnostic_line(result["file"], diagnostic))
        say(summary_line(result))
    return status


def check_summary(files: list[str], as_json: bool, rules: str | None = None) -> int:
    """`planner check --summary`: one line per plan (goal, finishing term, counts, approval)."""
    from planner.core.caseload import summarize, table, totals, totals_line

    rows = check_all(files, partial(summarize, rules=rules) if rules else summarize)
    status = OK
    for row in rows:
        if "error" in row:
            complain(row["error"])
            status = BROKEN
        elif not row["ok"] and status == OK:
            status = FOUND
    summary = totals(rows)
    if as_json:
        say_json({"plans": rows, "totals": summary})
        return status
    for line in table(rows):
        say(line)
    say(totals_line(summary))
    return status
