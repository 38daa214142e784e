"""Recommended next steps: what the plan still lacks on the way to the profile's goal.

The goal's path (catalog) is walked in order. A step is not proposed when its milestone, or a
later one on the path, is already in the plan, held, or completed in the profile; the profile's
role counts as its job held for `healthcare_experience_years`. The first proposed step starts at
the plan's `starts` term, or after the latest item already on the path; each next one starts in
the term after the one before it ends and waits for it (`after`). Taking every step gives a plan
with no error.
"""

from __future__ import annotations

import math
from typing import Any

from planner.core.catalog import Catalog, Step, catalog
from planner.core.model import Item, Plan
from planner.core.terms import Term
from planner.core.validate import Facts, Placed


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


def _qualifies(step: Step, placed: Placed, facts: Facts) -> bool:
    """True when a plan item fulfils the step (the degree must be accredited by CAHIIM)."""
    if "accredited_by" in step.fields:
        return facts.accredited(placed.item)
    return True


def next_steps(plan: Plan, cat: Catalog | None = None, today: Term | None = None) -> list[NextStep]:
    """The steps the plan still lacks on the way to its goal, in order; [] when none or no goal."""
    cat = cat or catalog()
    goal = cat.goals.get(plan.profile.goal or "")
    if goal is None:
        return []
    facts = Facts(plan, cat)
    in_plan_unplaced = {item.requirement for item in plan.items if item.start is None}
    needed = facts.experience_terms

    latest_present = -1
    anchor: Placed | None = None
    role_remainder: int | None = None  # index of a role job held for less time than needed
    for index, step in enumerate(goal.path):
        milestone = step.milestone
        matches = [p for p in facts.placed if p.milestone is milestone and _qualifies(step, p, facts)]
        present = bool(matches) or milestone.id in facts.done or milestone.id in in_plan_unplaced
        if facts.role is milestone and not matches:
            if step.experience and facts.role_terms < needed:
                role_remainder = index
            present = True
        if present:
            latest_present = index
        for placed in matches:
            if anchor is None or placed.end > anchor.end:
                anchor = placed

    first = latest_present + 1
    if role_remainder is not None and role_remainder == latest_present:
        first = role_remainder
        anchor = None

    plan_start = plan.profile.starts or today or Term.current()
    start = plan_start
    previous_id: str | None = None
    if anchor is not None:
        start = Term(max(plan_start.index, anchor.end + 1))
        previous_id = anchor.item.id

    steps: list[NextStep] = []
    taken: set[str] = set()
    for step in goal.path[first:]:
        milestone = step.milestone
        terms = step.terms
        if step.experience:
            terms = needed
            if facts.role is milestone:
                terms = max(1, math.ceil(needed - facts.role_terms))
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
    return steps


def take(plan: Plan, step: NextStep) -> Item:
    """Add the step's item to the plan (the caller revalidates); returns the new item."""
    item = step.to_item()
    plan.items.append(item)
    return item
