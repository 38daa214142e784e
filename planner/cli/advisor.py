"""`planner export`, `diff`, `comment`, `sign` and `schema`: the advisor's side."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from typing import Any

from planner.cli.options import (
    BROKEN,
    FOUND,
    OK,
    UsageError,
    complain,
    parse,
    plural,
    read_stdin_text,
    say,
    say_json,
    utf8_text,
)

# --- export -----------------------------------------------------------------------------------


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _looks_like_plan(path: str) -> bool:
    """True for a .toml file, or a file whose first lines name the plan format."""
    from planner.core.storage import looks_like_plan

    return path.endswith(".toml") or looks_like_plan(path)


def _format_of(output: str | None) -> str | None:
    """The report's format by the output's extension (Markdown to stdout); None when the
    extension names a format export does not write."""
    if output is None:
        return "markdown"
    from planner.core.export import report_format

    return report_format(output)


def cmd_export(args: Sequence[str]) -> int:
    """`planner export [--format markdown|html] [-o FILE] PLAN`"""
    from planner.core.export import export
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load_plan, mode_beside, write_atomic

    options = parse(
        "export",
        args,
        {"format": "format", "output": "output", "rules": "rules"},
        set(),
        ("markdown", "html"),
        {"-o": "output"},
    )
    if len(options.paths) != 1:
        raise UsageError("planner export: name exactly one plan file")
    path, output = options.paths[0], options.output
    format = options.format
    if output is not None and os.path.exists(output):
        if _same_file(output, path):
            complain(f"{output}: this is the plan itself; name another file for the report (nothing written)")
            return BROKEN
        if _looks_like_plan(output):
            complain(f"{output}: this looks like a plan file; the report is not written over it")
            return BROKEN
    if format is None:
        format = _format_of(output)
        if format is None:
            complain(
                f"{output}: export writes Markdown (.md) or HTML (.html), not what this name says;"
                " name a .md or .html file, or give --format (nothing written)"
            )
            return BROKEN

    try:
        plan = load_plan(path)
        pack = pack_for_file(plan, path, options.rules)
    except (PlanFileError, PackError) as error:
        complain(str(error))
        return BROKEN
    text = export(plan, path, format, pack)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return OK
    mode = mode_beside(path)  # a report holds the plan's content: no wider than the plan's mode
    if os.path.exists(output):
        mode &= stat.S_IMODE(os.stat(output).st_mode)
    try:
        write_atomic(output, text.encode("utf-8"), mode)
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    say(f"{path}: the report ({format}) is in {output}")
    return OK


# --- diff -------------------------------------------------------------------------------------


def cmd_diff(args: Sequence[str]) -> int:
    """`planner diff [--format json] OLD NEW`, and `planner diff --textconv PLAN` for git."""
    from planner.core.diff import diff_lines, diff_plans, outcome_text
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load_plan

    options = parse("diff", args, {"format": "format", "rules": "rules"}, {"textconv"})
    if options.textconv:
        if len(options.paths) != 1 or options.format is not None:
            raise UsageError("planner diff --textconv: name exactly one plan file")
        return textconv(options.paths[0])
    if len(options.paths) != 2:
        raise UsageError("planner diff: name two plan files, OLD and NEW")
    old_path, new_path = options.paths
    plans, packs = [], []
    for path in (old_path, new_path):
        try:
            plan = load_plan(path)
            packs.append(pack_for_file(plan, path, options.rules))
            plans.append(plan)
        except (PlanFileError, PackError) as error:
            complain(str(error))
    if len(plans) != 2:
        return BROKEN
    result = diff_plans(plans[0], plans[1], packs[1], packs[0])
    status = OK if result.equal else FOUND
    if options.format == "json":
        say_json({"old": old_path, "new": new_path, **result.to_json()})
        return status
    if result.equal:
        say(f"{old_path} and {new_path} hold the same plan.")
        return status
    lines = diff_lines(result, packs[1])
    say(f"{old_path} -> {new_path}: {plural(len(lines), 'difference')}")
    for line in lines:
        say(f"  {line}")
    assert result.old_outcome is not None and result.new_outcome is not None
    say(f"old: {outcome_text(result.old_outcome)}")
    say(f"new: {outcome_text(result.new_outcome)}")
    return status


def textconv(path: str) -> int:
    """The plan as one line per fact, for git's textconv; a file it cannot read is shown as text."""
    from planner.core.diff import textconv_lines
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load_plan

    try:
        plan = load_plan(path)
        lines = textconv_lines(plan, pack_for_file(plan, path))
    except (PlanFileError, PackError) as error:
        # git shows whatever this prints: say why, then the text itself, so a broken file (say,
        # with conflict markers) can still be diffed.
        say(f"# planner cannot read this plan: {error}")
        from planner.core.storage import open_regular

        try:
            with open_regular(path) as file:  # a FIFO or a device was refused above: never read
                raw = file.read(10 * 1024 * 1024)
        except (OSError, PlanFileError):
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
    text = read_stdin_text("comment") if text == "-" else utf8_text("comment", "the comment's text", text)
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
    from planner.core.outcome import approval_holding, new_approval
    from planner.core.packs import PackError, pack_for_file
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
    holding = approval_holding(plan, name, digest)
    if holding is not None:
        when = f" on {holding.date}" if holding.date else ""
        say(f"{path}: already approved by {name}{when} as it is now; nothing written")
        return OK
    today = datetime.date.today()
    plan.approvals.append(new_approval(plan, name, today, digest))
    if not _save(path, loaded):
        return BROKEN
    say(f"{path}: approved by {name} on {today} ({digest[:19]}…)")
    try:
        errors = counts(validate(plan, pack_for_file(plan, path)))["error"]
    except PackError as error:
        complain(str(error))
        return OK
    if errors:
        say(f"{path}: note: the plan holds {plural(errors, 'error')} that no waiver covers")
    return OK


# --- schema -----------------------------------------------------------------------------------


def cmd_schema(args: Sequence[str]) -> int:
    """`planner schema [--pack]`: the JSON Schema of the plan format (of rule-pack files)."""
    if list(args) == ["--pack"]:
        from planner.core.packs.schema import pack_schema_text

        sys.stdout.write(pack_schema_text())
        return OK
    from planner.core.schema import schema_text

    if args:
        raise UsageError("planner schema: takes only --pack (redirect the output to a file)")
    sys.stdout.write(schema_text())
    return OK
