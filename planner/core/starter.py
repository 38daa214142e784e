"""Starter plans: a new plan for a goal, laid out term by term from the next steps."""

from __future__ import annotations

from planner.core.catalog import Pack
from planner.core.model import Plan, Profile
from planner.core.nextsteps import next_steps, take
from planner.core.terms import Term


def new_profile(goal: str, starts: Term, name: str | None = None) -> Profile:
    """A profile for someone starting out: a high-school graduate with no credentials or role."""
    return Profile(
        name=name or "",
        education="high-school",
        high_school_courses=[],
        credentials=[],
        completed=[],
        role="none",
        healthcare_experience_years=0,
        goal=goal,
        starts=starts,
    )


def starter_plan(
    goal: str,
    starts: Term,
    name: str | None = None,
    profile: Profile | None = None,
    rules: str | None = None,
    pack: Pack | None = None,
) -> Plan:
    """A plan for `goal` from `starts` with every next step taken under `pack`.

    `rules` is written as the plan's `rules` (None: not written, the default pack); `pack` is the
    pack it names (the built-in one of that id when not given).
    """
    if pack is None:
        from planner.core.packs import builtin_pack, default_pack

        pack = builtin_pack(rules) if rules is not None else default_pack()
    goal_name = pack.goals[goal].name
    owner = f"{name}: " if name else ""
    plan = Plan(title=f"{owner}{goal_name}", profile=profile or new_profile(goal, starts, name))
    plan.rules = rules
    for step in next_steps(plan, pack):
        take(plan, step)
    return plan
