"""Small builders for the rule and next-step tests: a plan from a profile and a few items.

`plan(item(...), job(...), goal="rhit", role="...")` reads like the plan file it stands for:
keyword arguments are profile fields (goal "rhit" and starts 2027-fall unless given), positional
arguments are items. Validation helpers pick out the diagnostics of one rule.
"""

from __future__ import annotations

from typing import Any

from planner.core.model import Plan
from planner.core.nextsteps import next_steps, take
from planner.core.validate import Diagnostic, has_errors, validate

STARTS = "2027-fall"


def plan(*items: dict[str, Any], **profile: Any) -> Plan:
    """A plan with this profile (goal `rhit`, starts 2027-fall unless given) and these items."""
    fields = {"goal": "rhit", "starts": STARTS, **profile}
    fields = {name: value for name, value in fields.items() if value is not None}
    return Plan.from_toml({"profile": fields, "items": [dict(entry) for entry in items]})


def item(
    id: str, requirement: str, start: str | None, end: str | None = None, **fields: Any
) -> dict[str, Any]:
    """An item as the plan file writes it; `end` and other fields only when given."""
    entry: dict[str, Any] = {"id": id, "requirement": requirement}
    if start is not None:
        entry["start"] = start
    if end is not None:
        entry["end"] = end
    entry.update(fields)
    return entry


def degree(
    id: str = "aas",
    start: str = "2027-fall",
    end: str = "2029-spring",
    accredited_by: str | None = "CAHIIM",
    **fields: Any,
) -> dict[str, Any]:
    """An associate degree in HIT, accredited by CAHIIM unless told otherwise."""
    if accredited_by is not None:
        fields["accredited_by"] = accredited_by
    return item(id, "associate-hit", start, end, **fields)


def exam(id: str = "exam", start: str = "2029-summer", **fields: Any) -> dict[str, Any]:
    """The RHIT exam."""
    return item(id, "rhit-exam", start, **fields)


def rhit(id: str = "rhit", start: str = "2029-fall", **fields: Any) -> dict[str, Any]:
    """The RHIT credential."""
    return item(id, "rhit", start, **fields)


def rhit_route() -> tuple[dict[str, Any], ...]:
    """Degree 2027-fall..2029-spring, exam 2029-summer, RHIT 2029-fall: a clean start."""
    return degree(), exam(after=["aas"]), rhit(after=["exam"])


def job(id: str, requirement: str, start: str, end: str | None = None, **fields: Any) -> dict[str, Any]:
    """A job item; without `end` it runs until the next job starts or the plan ends."""
    return item(id, requirement, start, end, **fields)


def technician(
    id: str = "tech", start: str = "2029-fall", end: str | None = "2031-summer", **fields: Any
) -> dict[str, Any]:
    """A health information technician job, two years (six terms) from 2029-fall by default."""
    return job(id, "health-information-technician", start, end, **fields)


def found(subject: Plan, rule: str) -> list[Diagnostic]:
    """The diagnostics of one rule."""
    return [diagnostic for diagnostic in validate(subject) if diagnostic.rule == rule]


def the(subject: Plan, rule: str) -> Diagnostic:
    """The one diagnostic of a rule (fails when there are none or several)."""
    diagnostics = found(subject, rule)
    assert len(diagnostics) == 1, f"expected one {rule}, got {diagnostics}"
    return diagnostics[0]


def quiet(subject: Plan, rule: str) -> bool:
    """True when the rule does not fire."""
    return not found(subject, rule)


def errors(subject: Plan) -> list[Diagnostic]:
    """The errors validation finds."""
    return [diagnostic for diagnostic in validate(subject) if diagnostic.severity == "error"]


def take_all(subject: Plan) -> Plan:
    """The plan with every next step taken (the plan itself is changed and returned)."""
    for step in next_steps(subject):
        take(subject, step)
    return subject


def assert_clean(subject: Plan) -> None:
    """No error in the plan (the errors are shown when there are some)."""
    assert not has_errors(validate(subject)), errors(subject)
