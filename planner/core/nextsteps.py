"""Recommended next steps: what the plan still lacks on the way to the profile's goal.

The goal's path (catalog) is walked in order. A step is not proposed when its milestone, or a
later one on the path, is already in the plan, held, or completed in the profile; the profile's
role counts as its job held for `healthcare_experience_years` (a role held for less than the two
years its job is on the path for is continued: the job is proposed for the terms that are left).
The path, its steps and their reasons come from the plan's rule pack.
The first proposed step starts at the plan's `starts` term, or after the latest item already on
the path; each next one starts in the term after the one before it ends and waits for it
(`after`). Taking every step gives a plan with no error.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from planner.core.catalog import Pack, Step
from planner.core.model import Item, Plan
from planner.core.placed import Facts, Placed
from planner.core.terms import Term


class NextStep:
    """One step the plan still needs, with the item it would become."""

    __slots__ = ("id", "requirement", "start", "end", "fields", "reason", "source", "name")

    def __init__(
        self,
        id: str,
        requirement: str,
        start: Term,
        end: Term,
        fields: dict[str, Any],
        reason: str,
        source: str,
        name: str,
    ) -> None:
        self.id = id
        """The id its item gets when taken (unique in the plan)."""
        self.requirement = requirement
        self.start = start
        self.end = end
        self.fields = fields
        """The other item fields it needs (accredited_by, facility, after, ...)."""
        self.reason = reason
        self.source = source
        self.name = name
        """The milestone's name in plain words."""

    def to_item(self) -> Item:
        """The timeline item taking this step adds."""
        item = Item(id=self.id, requirement=self.requirement, start=self.start, end=self.end)
        for name, value in self.fields.items():
            item.set(name, list(value) if isinstance(value, list) else value)
        return item

    def to_json(self) -> dict[str, Any]:
        """The step as `next --format json` prints it."""
        data: dict[str, Any] = {
            "id": self.id,
            "requirement": self.requirement,
            "start": str(self.start),
            "end": str(self.end),
        }
        if self.fields:
            data["fields"] = self.fields
        data["reason"] = self.reason
        data["source"] = self.source
        return data

    def __repr__(self) -> str:
        return f"NextStep({self.id} {self.start}..{self.end})"


def next_steps(plan: Plan, cat: Pack | None = None, today: Term | None = None) -> list[NextStep]:
    """The steps the plan still lacks on the way to its goal, in order; [] when none or no goal.

    `today` is where a plan without `starts` begins (the current term when not given).
    """
    if cat is None:
        from planner.core.packs import plan_pack

        cat = plan_pack(plan)
    goal = cat.goals.get(plan.profile.goal or "")
    if goal is None:
        return []
    facts = Facts(plan, cat)
    first, continues_role = _first_missing(goal.path, plan, facts)
    anchor = _latest_planned(goal.path[:first], facts)

    start = plan.profile.starts or today or Term.current()
    previous_id: str | None = None
    if anchor is not None:
        start = Term(max(start.index, anchor.end + 1))
        previous_id = anchor.item.id

    steps: list[NextStep] = []
    taken: set[str] = set()
    for position, step in enumerate(goal.path[first:]):
        milestone = step.milestone
        terms = step.terms
        if step.experience:
            terms = step.experience_terms or facts.experience_terms
            if position == 0 and continues_role:  # what the role's years leave of the experience
                terms = max(1, math.ceil(terms - facts.role_terms))
        end = start.shift(terms - 1)
        fields: dict[str, Any] = dict(step.fields)
        if previous_id:
            fields["after"] = [previous_id]
        step_id = plan.new_item_id(milestone.id, taken)
        taken.add(step_id)
        steps.append(
            NextStep(step_id, milestone.id, start, end, fields, step.reason, step.source, milestone.name)
        )
        previous_id = step_id
        start = end.next()
    steps = renewal_steps(plan, cat, steps, taken)
    note_warnings(plan, cat, steps)
    return steps


RENEWAL_REASON = (
    "Continuing education units are typically required to renew credentials: this renews {what} "
    "within its cycle, in the last term the cycle allows."
)
RENEWAL_SOURCE = "P9"

AVOIDING = {
    "employers-prefer-rhit": (
        "Holding the RHIT credential before the job starts (a CAHIIM-accredited associate degree, "
        "then the RHIT exam) would avoid it."
    ),
}
"""What would avoid a warning that taking the steps as proposed leads to, by rule."""


def _with_steps(plan: Plan, steps: list[NextStep]) -> Plan:
    """A copy of the plan with every step taken (the plan itself is left alone)."""
    from planner.core.edits import snapshot

    trial = snapshot(plan)
    trial.items.extend(step.to_item() for step in steps)
    return trial


def renewal_steps(plan: Plan, cat: Pack, steps: list[NextStep], taken: set[str]) -> list[NextStep]:
    """`steps`, with continuing education for every credential the plan earns or holds, renewing
    it in each cycle up to the plan's end (the end it has once the steps are taken), in term order."""
    from planner.core.renewal import missing_renewals, units_needed

    name = cat.name_of("continuing-education")
    added: list[NextStep] = []
    # One pass is enough: each credential's renewals are worked out whole, adding one never opens
    # a stretch elsewhere, and none goes past the plan's end.
    needed = missing_renewals(Facts(_with_steps(plan, steps), cat))
    ids = _fresh_ids(plan, taken, "continuing-education")
    seen: set[tuple[str, int]] = set()
    for renewal in needed:
        if (renewal.renews, renewal.term) in seen:
            continue
        seen.add((renewal.renews, renewal.term))
        step_id = next(ids)
        term = Term(renewal.term)
        credential = cat.name_of(renewal.credential)
        what = (
            f'the {credential} "{renewal.renews}"'
            if renewal.item is not None
            else f"the {credential} you hold"
        )
        fields: dict[str, Any] = {"renews": renewal.renews}
        units = units_needed(cat, renewal.credential)
        if units is not None:  # the units the body asks for in a cycle (hit-2026)
            fields["units"] = units
        reason = RENEWAL_REASON.format(what=what)
        added.append(
            NextStep(step_id, "continuing-education", term, term, fields, reason, RENEWAL_SOURCE, name)
        )
    if not added:
        return steps
    merged = [(step.start.index, 0, n, step) for n, step in enumerate(steps)]
    merged += [(step.start.index, 1, n, step) for n, step in enumerate(added)]
    return [entry[3] for entry in sorted(merged, key=lambda entry: entry[:3])]


def _fresh_ids(plan: Plan, taken: set[str], base: str) -> Iterator[str]:
    """`base`, `base-2`, ... that neither the plan nor `taken` uses (each is added to `taken`)."""
    used = {item.id for item in plan.items if item.id} | taken
    number = 1
    while True:
        candidate = base if number == 1 else f"{base}-{number}"
        number += 1
        if candidate not in used:
            taken.add(candidate)
            yield candidate


def note_warnings(plan: Plan, cat: Pack, steps: list[NextStep]) -> None:
    """Where taking the steps as proposed leads to a warning on a step's item, its reason says so,
    and what would avoid it."""
    from planner.core.validate import validate

    if all(step.requirement == "continuing-education" for step in steps):
        return  # continuing education leads to no warning: no need to check the plan again
    by_id = {step.id: step for step in steps}
    for diagnostic in validate(_with_steps(plan, steps), cat):
        step = by_id.get(diagnostic.item or "")
        if step is None or diagnostic.severity != "warning" or diagnostic.waived is not None:
            continue
        note = f" Taken as proposed, this step leads to a warning: {diagnostic.message}"
        avoiding = AVOIDING.get(diagnostic.rule)
        step.reason += note + (f" {avoiding}" if avoiding else "")


def _first_missing(path: tuple[Step, ...], plan: Plan, facts: Facts) -> tuple[int, bool]:
    """Where the proposals begin on the path, and whether the first one continues the profile's role.

    They begin after the last milestone already covered: in the plan (placed or not), held, or
    completed in the profile. The profile's role covers its job on the path when its years give
    the two years the job is there for; with fewer, the proposals begin with that job, for the
    terms that are left, and the milestones before it count as covered.
    """
    unplaced = {item.requirement for item in plan.items if item.start is None}
    first, continues_role = 0, False
    for index, step in enumerate(path):
        milestone = step.milestone
        if _planned(step, facts) or milestone.id in facts.done or milestone.id in unplaced:
            first, continues_role = index + 1, False
        elif facts.role is milestone:
            short = step.experience and facts.role_terms < (step.experience_terms or facts.experience_terms)
            first, continues_role = (index, True) if short else (index + 1, False)
    return first, continues_role


def _planned(step: Step, facts: Facts) -> list[Placed]:
    """The plan's items that fulfil the step (a degree or program accredited by the body the step
    names, when it names one)."""
    items = facts.of(step.milestone.id)
    body = step.fields.get("accredited_by")
    if body is not None:
        return [placed for placed in items if facts.accredited(placed.item, body)]
    return items


def _latest_planned(path: tuple[Step, ...], facts: Facts) -> Placed | None:
    """The item on these steps of the path that ends last: the next step follows it."""
    latest = None
    for step in path:
        for placed in _planned(step, facts):
            if latest is None or placed.end > latest.end:
                latest = placed
    return latest


def take(plan: Plan, step: NextStep) -> Item:
    """Add the step's item to the plan (the caller revalidates); returns the new item."""
    item = step.to_item()
    plan.items.append(item)
    return item
