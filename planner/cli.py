"""The `planner` command line: check, next, new, fmt, and the app on a plan.

Only the core is imported here, and each command imports what it needs when it runs, so that
`planner check` starts in a few tens of milliseconds. Exit status: 0 done (no error in the
plans), 1 an error in a plan (or "would change"), 2 a file that cannot be read or a wrong
command line. Unreadable files are reported on stderr in one line each; the others are still
handled.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from planner.core.text import printable

OK, FOUND, BROKEN = 0, 1, 2

USAGE = """\
usage: planner [PLAN]                      open the app on PLAN (your own plan without PLAN)
       planner check [--format text|json] PLAN|DIR...
       planner next [--format text|json] PLAN
       planner new --goal GOAL [--starts TERM] [--name NAME] PLAN
       planner fmt [--check] PLAN...

Plan files are TOML (format "hit-career-plan/1"). Exit status: 0 ok, 1 a plan holds an error
(or fmt --check would change a file), 2 a file cannot be read or the command line is wrong."""


class UsageError(Exception):
    """A wrong command line: one sentence for stderr, exit 2."""


def say(line: str, stream: Any = None) -> None:
    """Print a line built from plan text, with control characters made visible."""
    print(printable(line), file=stream or sys.stdout)


def complain(line: str) -> None:
    """One line on stderr."""
    say(line, sys.stderr)


class Options:
    """The parsed options of one command."""

    def __init__(self) -> None:
        self.format = "text"
        self.check = False
        self.goal: str | None = None
        self.starts: str | None = None
        self.name: str | None = None
        self.paths: list[str] = []


def parse(command: str, args: Sequence[str], allowed: dict[str, str], flags: set[str]) -> Options:
    """Parse `--option value` pairs named in `allowed` and boolean `flags`; the rest are paths."""
    options = Options()
    args = list(args)
    only_paths = False
    while args:
        arg = args.pop(0)
        if only_paths or not arg.startswith("--") or arg == "-":
            options.paths.append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        name, has_value, value = arg[2:].partition("=")
        if name in flags and not has_value:
            setattr(options, name, True)
        elif name in allowed:
            if not has_value:
                if not args:
                    raise UsageError(f"planner {command}: --{name} needs a value")
                value = args.pop(0)
            setattr(options, allowed[name], value)
        elif arg in ("--help", "-h"):
            raise UsageError("")
        else:
            raise UsageError(f"planner {command}: unknown option {arg}")
    if options.format not in ("text", "json"):
        raise UsageError(f"planner {command}: --format must be text or json, not {options.format}")
    return options


# --- check ------------------------------------------------------------------------------------


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


def check_one(path: str) -> dict[str, Any]:
    """Validate one file: {"file", "ok", "diagnostics"} or {"file", "ok": False, "error"}."""
    from planner.core.storage import PlanFileError, load_plan
    from planner.core.validate import has_errors, validate

    try:
        plan = load_plan(path)
    except PlanFileError as error:
        return {"file": path, "ok": False, "error": str(error)}
    diagnostics = validate(plan)
    return {
        "file": path,
        "ok": not has_errors(diagnostics),
        "diagnostics": [d.to_json() for d in diagnostics],
    }


PARALLEL_FROM = 64
"""From this many files on, `check` spreads the work over the machine's cores."""


def check_all(files: list[str]) -> list[dict[str, Any]]:
    """check_one over every file, in order; in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [check_one(path) for path in files]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(files) // (workers * 8))
    with context.Pool(workers) as pool:
        return pool.map(check_one, files, chunksize=chunk)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def diagnostic_line(file: str, diagnostic: dict[str, Any]) -> str:
    """`FILE: SEVERITY RULE [ITEM]: MESSAGE (SOURCE)`, with the waiver after it when waived."""
    item = f" [{diagnostic['item']}]" if diagnostic["item"] is not None else ""
    source = f" ({diagnostic['source']})" if diagnostic["source"] else ""
    line = f"{file}: {diagnostic['severity']} {diagnostic['rule']}{item}: {diagnostic['message']}{source}"
    waived = diagnostic.get("waived")
    if waived:
        line += f" [waived by {waived['by']} on {waived['date']}: {waived['reason']}]"
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
    parts = [_plural(counts[name], name) for name in counts]
    if waived:
        parts.append(f"{waived} waived")
    verdict = "ok" if result["ok"] else "has errors"
    return f"{result['file']}: {verdict}: " + ", ".join(parts)


def cmd_check(args: Sequence[str]) -> int:
    """`planner check [--format json] PLAN|DIR...`"""
    options = parse("check", args, {"format": "format"}, set())
    if not options.paths:
        raise UsageError("planner check: name at least one plan file or folder")
    files = plan_files(options.paths)
    results = check_all(files)
    status = OK
    for result in results:
        if "error" in result:
            status = BROKEN
        elif not result["ok"] and status == OK:
            status = FOUND
    if options.format == "json":
        import json

        for result in results:
            if "error" in result:
                complain(result["error"])
        print(json.dumps({"plans": results}, indent=2, ensure_ascii=False))
        return status
    for result in results:
        if "error" in result:
            complain(result["error"])
            continue
        for diagnostic in result["diagnostics"]:
            say(diagnostic_line(result["file"], diagnostic))
        say(summary_line(result))
    return status


# --- next -------------------------------------------------------------------------------------


def cmd_next(args: Sequence[str]) -> int:
    """`planner next [--format json] PLAN`"""
    from planner.core.catalog import catalog
    from planner.core.nextsteps import next_steps
    from planner.core.storage import PlanFileError, load_plan
    from planner.core.validate import has_errors, validate

    options = parse("next", args, {"format": "format"}, set())
    if len(options.paths) != 1:
        raise UsageError("planner next: name exactly one plan file")
    path = options.paths[0]
    try:
        plan = load_plan(path)
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    steps = next_steps(plan)
    status = FOUND if has_errors(validate(plan)) else OK
    goal_id = plan.profile.goal
    if options.format == "json":
        import json

        document = {"file": path, "goal": goal_id, "steps": [step.to_json() for step in steps]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return status
    goal = catalog().goals.get(goal_id or "")
    if goal is None:
        say(f"{path}: the profile names no known goal (profile.goal), so there are no next steps.")
        return status
    if not steps:
        say(f"{path}: nothing is missing on the way to {goal.name}.")
        return status
    say(f"{path}: {_plural(len(steps), 'step')} to {goal.name}")
    for number, step in enumerate(steps, 1):
        when = str(step.start) if step.start == step.end else f"{step.start} to {step.end}"
        say(f"{number:>3}. {step.name} ({step.id}), {when}")
        fields = ", ".join(f"{name} = {_toml_value(value)}" for name, value in step.fields.items())
        if fields:
            say(f"     {fields}")
        say(f"     Why: {step.reason} ({step.source})")
    return status


def _toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(entry) for entry in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


# --- new --------------------------------------------------------------------------------------


def cmd_new(args: Sequence[str]) -> int:
    """`planner new --goal GOAL [--starts TERM] [--name NAME] PLAN`"""
    from planner.core.catalog import catalog
    from planner.core.starter import starter_plan
    from planner.core.storage import PlanFileError, dumps, write_new
    from planner.core.terms import Term

    options = parse("new", args, {"goal": "goal", "starts": "starts", "name": "name"}, set())
    if len(options.paths) != 1:
        raise UsageError("planner new: name exactly one plan file to write")
    goals = catalog().goals
    if options.goal is None:
        raise UsageError("planner new: --goal is required; goals are " + ", ".join(goals))
    if options.goal not in goals:
        raise UsageError(f"planner new: {options.goal} is not a goal; goals are " + ", ".join(goals))
    starts = Term.current().next()
    if options.starts is not None:
        parsed = Term.parse(options.starts)
        if parsed is None:
            raise UsageError(f"planner new: --starts {options.starts} is not a term such as 2027-fall")
        starts = parsed
    path = options.paths[0]
    plan = starter_plan(options.goal, starts, options.name)
    try:
        write_new(path, dumps(plan))
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    say(f"{path}: a plan to {goals[options.goal].name}, {_plural(len(plan.items), 'item')} from {starts}")
    return OK


# --- fmt --------------------------------------------------------------------------------------


def cmd_fmt(args: Sequence[str]) -> int:
    """`planner fmt [--check] PLAN...`"""
    from planner.core.storage import PlanFileError, dumps, load, save

    options = parse("fmt", args, {}, {"check"})
    if not options.paths:
        raise UsageError("planner fmt: name at least one plan file")
    status = OK
    for path in plan_files(options.paths):
        try:
            loaded = load(path)
            canonical = dumps(loaded.plan)
            if canonical == loaded.text:
                continue
            if options.check:
                say(f"{path}: would be rewritten in the canonical layout")
                status = max(status, FOUND)
                continue
            saved = save(loaded.plan, path, loaded.text)
        except PlanFileError as error:
            complain(str(error))
            status = BROKEN
            continue
        say(f"{path}: rewritten in the canonical layout")
        if saved.backup:
            say(
                f"{path}: its TOML comments cannot be kept in the canonical layout; "
                f"the previous version is in {saved.backup}"
            )
    return status


# --- the app ----------------------------------------------------------------------------------


def cmd_app(args: Sequence[str]) -> int:
    """`planner [PLAN]`: the app on PLAN, or on the user's own plan; a missing file starts a new plan.

    The plan is read before Textual is even imported: a file that cannot be read is reported in
    one line and the app does not start (so it can never write over that file).
    """
    from planner.core.storage import PlanFileError, load

    if len(args) > 1:
        raise UsageError("planner: name one plan file, or a command (check, next, new, fmt)")
    own_plan = not args
    if own_plan:
        from planner.core.paths import user_plan_path

        path = user_plan_path()
    else:
        path = args[0]
    loaded = None
    if os.path.lexists(path):
        try:
            loaded = load(path)
        except PlanFileError as error:
            complain(str(error))
            return BROKEN
    elif not own_plan and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        complain(f"{path}: its folder does not exist, so a new plan could not be saved there")
        return BROKEN
    from planner.app.app import PlannerApp

    PlannerApp(path, loaded, own_plan=own_plan).run()
    return OK


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": cmd_check,
    "next": cmd_next,
    "new": cmd_new,
    "fmt": cmd_fmt,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help", "help"):
        print(USAGE)
        return OK
    if args and args[0] == "--version":
        from planner import __version__

        print(f"planner {__version__}")
        return OK
    try:
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        if args and args[0].startswith("-"):
            raise UsageError(f"planner: unknown option {args[0]}")
        return cmd_app(args)
    except UsageError as error:
        if str(error):
            complain(str(error))
        print(USAGE, file=sys.stderr)
        return BROKEN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (planner check ... | head): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return OK


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
