"""The `planner` command line: check, next, new, fmt, export, diff, comment, sign, schema, the app.

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
       planner check --summary [--format text|json] PLAN|DIR...    one line per plan, for advisors
       planner export PLAN [--format markdown|html] [-o FILE]
       planner diff OLD NEW [--format text|json]
       planner diff --textconv PLAN                the plan as lines, for git's textconv
       planner comment PLAN --author NAME [--item ID] TEXT    (TEXT - reads standard input)
       planner sign PLAN --as NAME
       planner schema                              the JSON Schema of plan files

Plan files are TOML (format "hit-career-plan/1"). Exit status: 0 ok, 1 a plan holds an error
(or fmt --check would change a file, or diff found differences), 2 a file cannot be read or the
command line is wrong."""


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
        self.format: str | None = None
        """As given; None when not given (the command's default applies)."""
        self.check = False
        self.summary = False
        self.textconv = False
        self.goal: str | None = None
        self.starts: str | None = None
        self.name: str | None = None
        self.output: str | None = None
        self.author: str | None = None
        self.item: str | None = None
        self.signer: str | None = None
        self.paths: list[str] = []


def parse(
    command: str,
    args: Sequence[str],
    allowed: dict[str, str],
    flags: set[str],
    formats: tuple[str, ...] = ("text", "json"),
    short: dict[str, str] | None = None,
) -> Options:
    """Parse `--option value` pairs named in `allowed` and boolean `flags`; the rest are paths.

    `short` maps short options (`-o`) to long ones; `formats` are the values --format takes.
    """
    options = Options()
    args = list(args)
    only_paths = False
    while args:
        arg = args.pop(0)
        if not only_paths and short and arg in short:
            arg = "--" + short[arg]
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
    if options.format is not None and options.format not in formats:
        raise UsageError(f"planner {command}: --format must be {' or '.join(formats)}, not {options.format}")
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def diagnostic_line(file: str, diagnostic: dict[str, Any]) -> str:
    """`FILE: SEVERITY RULE [ITEM]: MESSAGE (SOURCE)`, with the waiver after it when waived."""
    item = f" [{diagnostic['item']}]" if diagnostic["item"] is not None else ""
    source = f" ({diagnostic['source']})" if diagnostic["source"] else ""
    line = f"{file}: {diagnostic['severity']} {diagnostic['rule']}{item}: {diagnostic['message']}{source}"
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
    parts = [_plural(counts[name], name) for name in counts]
    if waived:
        parts.append(f"{waived} waived")
    verdict = "ok" if result["ok"] else "has errors"
    return f"{result['file']}: {verdict}: " + ", ".join(parts)


def cmd_check(args: Sequence[str]) -> int:
    """`planner check [--summary] [--format json] PLAN|DIR...`"""
    options = parse("check", args, {"format": "format"}, {"summary"})
    if not options.paths:
        raise UsageError("planner check: name at least one plan file or folder")
    files = plan_files(options.paths)
    status = OK
    for path in options.paths:
        if os.path.isdir(path) and not any(file.startswith(os.path.join(path, "")) for file in files):
            complain(f"{path}: this folder holds no .toml plan files")
            status = BROKEN
    if options.summary:
        return max(status, check_summary(files, options.format == "json"))
    results = check_all(files)
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


def check_summary(files: list[str], as_json: bool) -> int:
    """`planner check --summary`: one line per plan (goal, finishing term, counts, approval)."""
    from planner.core.caseload import summarize, table, totals, totals_line

    rows = check_all(files, summarize)
    status = OK
    for row in rows:
        if "error" in row:
            complain(row["error"])
            status = BROKEN
        elif not row["ok"] and status == OK:
            status = FOUND
    summary = totals(rows)
    if as_json:
        import json

        print(json.dumps({"plans": rows, "totals": summary}, indent=2, ensure_ascii=False))
        return status
    for line in table(rows):
        say(line)
    say(totals_line(summary))
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


# --- export -----------------------------------------------------------------------------------


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _looks_like_plan(path: str) -> bool:
    """True for a .toml file, or a file whose first lines name the plan format."""
    if path.endswith(".toml"):
        return True
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    return b"hit-career-plan/" in head


def cmd_export(args: Sequence[str]) -> int:
    """`planner export [--format markdown|html] [-o FILE] PLAN`"""
    from planner.core.export import export
    from planner.core.storage import PlanFileError, load_plan, write_atomic

    options = parse(
        "export",
        args,
        {"format": "format", "output": "output"},
        set(),
        ("markdown", "html"),
        {"-o": "output"},
    )
    if len(options.paths) != 1:
        raise UsageError("planner export: name exactly one plan file")
    path, output = options.paths[0], options.output
    format = options.format
    if format is None:
        format = "html" if output and output.lower().endswith((".html", ".htm")) else "markdown"
    if output is not None and os.path.exists(output):
        if _same_file(output, path):
            complain(f"{output}: this is the plan itself; name another file for the report (nothing written)")
            return BROKEN
        if _looks_like_plan(output):
            complain(f"{output}: this looks like a plan file; the report is not written over it")
            return BROKEN

    try:
        plan = load_plan(path)
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    text = export(plan, path, format)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return OK
    try:
        write_atomic(output, text.encode("utf-8"))
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    say(f"{path}: the report ({format}) is in {output}")
    return OK


# --- diff -------------------------------------------------------------------------------------


def cmd_diff(args: Sequence[str]) -> int:
    """`planner diff [--format json] OLD NEW`, and `planner diff --textconv PLAN` for git."""
    from planner.core.diff import diff_lines, diff_plans, outcome_text
    from planner.core.storage import PlanFileError, load_plan

    options = parse("diff", args, {"format": "format"}, {"textconv"})
    if options.textconv:
        if len(options.paths) != 1 or options.format is not None:
            raise UsageError("planner diff --textconv: name exactly one plan file")
        return textconv(options.paths[0])
    if len(options.paths) != 2:
        raise UsageError("planner diff: name two plan files, OLD and NEW")
    old_path, new_path = options.paths
    plans = []
    for path in (old_path, new_path):
        try:
            plans.append(load_plan(path))
        except PlanFileError as error:
            complain(str(error))
    if len(plans) != 2:
        return BROKEN
    result = diff_plans(plans[0], plans[1])
    status = OK if result.equal else FOUND
    if options.format == "json":
        import json

        document = {"old": old_path, "new": new_path, **result.to_json()}
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return status
    if result.equal:
        say(f"{old_path} and {new_path} hold the same plan.")
        return status
    lines = diff_lines(result)
    say(f"{old_path} -> {new_path}: {_plural(len(lines), 'difference')}")
    for line in lines:
        say(f"  {line}")
    assert result.old_outcome is not None and result.new_outcome is not None
    say(f"old: {outcome_text(result.old_outcome)}")
    say(f"new: {outcome_text(result.new_outcome)}")
    return status


def textconv(path: str) -> int:
    """The plan as one line per fact, for git's textconv; a file it cannot read is shown as text."""
    from planner.core.diff import textconv_lines
    from planner.core.storage import PlanFileError, load_plan

    try:
        lines = textconv_lines(load_plan(path))
    except PlanFileError as error:
        # git shows whatever this prints: say why, then the text itself, so a broken file (say,
        # with conflict markers) can still be diffed.
        say(f"# planner cannot read this plan: {error}")
        try:
            with open(path, "rb") as file:
                raw = file.read(10 * 1024 * 1024)
        except OSError:
            return OK
        for line in raw.decode("utf-8", errors="replace").splitlines():
            say(line)
        return OK
    for line in lines:
        say(line)
    return OK


# --- comment and sign -------------------------------------------------------------------------


def _load_for_writing(command: str, path: str, section: str) -> Any:
    """The Loaded plan, or None after saying why it cannot take a new entry in `section`."""
    from planner.core.storage import PlanFileError, load

    try:
        loaded = load(path)
    except PlanFileError as error:
        complain(str(error))
        return None
    if section in loaded.plan.invalid:
        complain(
            f"{path}: {section} is not an array of tables ([[{section}]]), so planner {command} cannot "
            "add to it; nothing was written"
        )
        return None
    return loaded


def _save(path: str, loaded: Any) -> bool:
    """Save a changed plan; False after saying why it could not be saved."""
    from planner.core.storage import PlanFileError, save

    try:
        saved = save(loaded.plan, path, loaded.text)
    except PlanFileError as error:
        complain(str(error))
        return False
    if saved.backup:
        say(
            f"{path}: its TOML comments cannot be kept in the canonical layout; "
            f"the previous version is in {saved.backup}"
        )
    return True


def cmd_comment(args: Sequence[str]) -> int:
    """`planner comment PLAN --author NAME [--item ID] TEXT`"""
    import datetime

    from planner.core.model import Comment

    options = parse("comment", args, {"author": "author", "item": "item"}, set())
    if len(options.paths) != 2:
        raise UsageError('planner comment: name the plan file and the comment\'s text (in quotes: "...")')
    path, text = options.paths
    if text == "-":
        text = sys.stdin.read()
    text = text.strip("\n")
    author = (options.author or "").strip()
    if not author:
        raise UsageError("planner comment: --author NAME is required")
    if not text.strip():
        raise UsageError("planner comment: the comment's text is empty")
    loaded = _load_for_writing("comment", path, "comments")
    if loaded is None:
        return BROKEN
    plan = loaded.plan
    if options.item is not None and plan.item(options.item) is None:
        ids = [item.id for item in plan.items if item.id]
        known = ", ".join(ids[:12]) + (", ..." if len(ids) > 12 else "") if ids else "none"
        complain(f'{path}: the plan has no item "{options.item}" (its items: {known}); nothing was written')
        return BROKEN
    plan.comments.append(Comment(author=author, date=datetime.date.today(), item=options.item, text=text))
    if not _save(path, loaded):
        return BROKEN
    about = f' on "{options.item}"' if options.item else ""
    say(f"{path}: comment by {author}{about} added")
    return OK


def cmd_sign(args: Sequence[str]) -> int:
    """`planner sign PLAN --as NAME`"""
    import datetime

    from planner.core.digest import plan_digest
    from planner.core.model import Approval
    from planner.core.outcome import approval_state
    from planner.core.validate import counts, validate

    options = parse("sign", args, {"as": "signer"}, set())
    if len(options.paths) != 1:
        raise UsageError("planner sign: name exactly one plan file")
    name = (options.signer or "").strip()
    if not name:
        raise UsageError("planner sign: --as NAME is required")
    path = options.paths[0]
    loaded = _load_for_writing("sign", path, "approvals")
    if loaded is None:
        return BROKEN
    plan = loaded.plan
    digest = plan_digest(plan)
    for approval in approval_state(plan, digest).current:
        if approval.by == name:
            when = f" on {approval.date}" if approval.date else ""
            say(f"{path}: already approved by {name}{when} as it is now; nothing written")
            return OK
    today = datetime.date.today()
    plan.approvals.append(Approval(by=name, date=today, digest=digest))
    if not _save(path, loaded):
        return BROKEN
    say(f"{path}: approved by {name} on {today} ({digest[:19]}…)")
    errors = counts(validate(plan))["error"]
    if errors:
        say(f"{path}: note: the plan holds {_plural(errors, 'error')} that no waiver covers")
    return OK


# --- schema -----------------------------------------------------------------------------------


def cmd_schema(args: Sequence[str]) -> int:
    """`planner schema`: the JSON Schema of the plan format."""
    from planner.core.schema import schema_text

    if args:
        raise UsageError("planner schema: takes no arguments (redirect the output to a file)")
    sys.stdout.write(schema_text())
    return OK


# --- the app ----------------------------------------------------------------------------------


def cmd_app(args: Sequence[str]) -> int:
    """`planner [PLAN]`: the app."""
    if len(args) > 1:
        raise UsageError("planner: name one plan file, or a command (check, next, new, fmt)")
    complain("planner: the app is not built yet; use planner check, next, new or fmt")
    return BROKEN


COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": cmd_check,
    "next": cmd_next,
    "new": cmd_new,
    "fmt": cmd_fmt,
    "export": cmd_export,
    "diff": cmd_diff,
    "comment": cmd_comment,
    "sign": cmd_sign,
    "schema": cmd_schema,
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
