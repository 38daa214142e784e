"""`planner next`, `planner new` and `planner fmt`: the student's side of the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.cli.check import plan_files, report_empty_folders
from planner.cli.options import BROKEN, FOUND, OK, UsageError, complain, parse, plural, say, say_json

# --- next -------------------------------------------------------------------------------------


def cmd_next(args: Sequence[str]) -> int:
    """`planner next [--format json] [--rules ID|PATH] PLAN`"""
    from planner.core.nextsteps import next_steps
    from planner.core.packs import PackError, pack_for_file
    from planner.core.storage import PlanFileError, load_plan
    from planner.core.terms import beyond_calendar
    from planner.core.validate import has_errors, validate

    options = parse("next", args, {"format": "format", "rules": "rules"}, set())
    if len(options.paths) != 1:
        raise UsageError("planner next: name exactly one plan file")
    path = options.paths[0]
    try:
        plan = load_plan(path)
        pack = pack_for_file(plan, path, options.rules)
    except (PlanFileError, PackError) as error:
        complain(str(error))
        return BROKEN
    steps = next_steps(plan, pack)
    status = FOUND if has_errors(validate(plan, pack)) else OK
    goal_id = plan.profile.goal
    if options.format == "json":
        say_json({"file": path, "goal": goal_id, "steps": [step.to_json() for step in steps]})
        return status
    goal = pack.goals.get(goal_id or "")
    if goal is None:
        say(f"{path}: the profile names no known goal (profile.goal), so there are no next steps.")
        return status
    if not steps:
        say(f"{path}: nothing is missing on the way to {goal.name}.")
        return status
    say(f"{path}: {plural(len(steps), 'step')} to {goal.name}")
    for number, step in enumerate(steps, 1):
        when = str(step.start) if step.start == step.end else f"{step.start} to {step.end}"
        say(f"{number:>3}. {step.name} ({step.id}), {when}")
        fields = ", ".join(f"{name} = {_toml_value(value)}" for name, value in step.fields.items())
        if fields:
            say(f"     {fields}")
        say(f"     Why: {step.reason} ({step.source})")
        if (why := beyond_calendar(step.end)) is not None:
            say(f"     This step cannot be taken: {why}.")
    return status


def _toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(entry) for entry in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


# --- new --------------------------------------------------------------------------------------


def cmd_new(args: Sequence[str]) -> int:
    """`planner new --goal GOAL [--starts TERM] [--name NAME] [--rules ID] PLAN`: a starter plan
    under the rules as they stand today (`--rules hit-2008`: the seed's)."""
    from planner.core.packs import BUILT_IN, NEW_PLANS, builtin_pack
    from planner.core.starter import starter_plan
    from planner.core.storage import PlanFileError, dumps, write_new
    from planner.core.terms import LAST_TERM, Term, beyond_calendar

    options = parse(
        "new", args, {"goal": "goal", "starts": "starts", "name": "name", "rules": "rules"}, set()
    )
    if len(options.paths) != 1:
        raise UsageError("planner new: name exactly one plan file to write")
    rules = options.rules or NEW_PLANS
    if rules not in BUILT_IN:
        raise UsageError(
            f"planner new: --rules {rules} is not a built-in pack; they are " + ", ".join(BUILT_IN)
        )
    goals = builtin_pack(rules).goals
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
    plan = starter_plan(options.goal, starts, options.name, rules=rules)
    last = max(
        (term for item in plan.items for term in (item.start, item.end) if term is not None), default=starts
    )
    if beyond_calendar(last) is not None:
        complain(
            f"planner new: a plan to {goals[options.goal].name} from {starts} would run past {LAST_TERM}, "
            "the last term a plan can hold; give an earlier --starts (nothing was written)"
        )
        return BROKEN
    try:
        write_new(path, dumps(plan))
    except PlanFileError as error:
        complain(str(error))
        return BROKEN
    say(f"{path}: a plan to {goals[options.goal].name}, {plural(len(plan.items), 'item')} from {starts}")
    return OK


# --- fmt --------------------------------------------------------------------------------------


def cmd_fmt(args: Sequence[str]) -> int:
    """`planner fmt [--check] PLAN...`"""
    from planner.core.storage import PlanFileError, dumps, load, save

    options = parse("fmt", args, {}, {"check"})
    if not options.paths:
        raise UsageError("planner fmt: name at least one plan file")
    files = plan_files(options.paths)
    status = report_empty_folders(options.paths, files)
    for path in files:
        try:
            loaded = load(path)
            canonical = dumps(loaded.plan)
            if canonical == loaded.text:
                continue
            if options.check:
                say(f"{path}: would be rewritten in the canonical layout")
                status = max(status, FOUND)
                continue
            saved = save(loaded.plan, path, loaded.text, canonical=True)
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
