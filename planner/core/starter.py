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


def generated_title(name: object, goal: object, pack: Pack) -> str | None:
    """The title the planner gives a plan for this name and goal ("Maya Chen: Coding specialist",
    or the goal's name alone without a name); None for a goal the pack does not know."""
    if not isinstance(goal, str) or goal not in pack.goals:
        return None
    owner = f"{name.strip()}: " if isinstance(name, str) and name.strip() else ""
    return f"{owner}{pack.goals[goal].name}"


def following_title(title: str | None, old: Profile, new: Profile, pack: Pack) -> str | None:
    """The plan's title after its profile changes from `old` to `new`: a title the planner
    generated follows the goal and the name; a title a person wrote (anything else) is kept."""
    if title is None or title != generated_title(old.get("name"), old.get("goal"), pack):
        return title
    return generated_title(new.get("name"), new.get("goal"), pack) or title


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
    title = generated_title(name, goal, pack) or pack.goals[goal].name
    plan = Plan(title=title, profile=profile or new_profile(goal, starts, name))
    plan.rules = rules
    for step in next_steps(plan, pack):
        take(plan, step)
    return plan
