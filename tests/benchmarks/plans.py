"""Big plans for benchmarks: `big_plan(n)` builds an n-item plan that looks like a real one.

The plan is a career repeated: a degree, its exam and credential, courses, jobs and continuing
education, spread over twenty years, so validation meets every kind of item and the timeline has
many overlapping rows. Deterministic for a given `n` and `seed`.
"""

from __future__ import annotations

import random

from planner.core.model import Item, Plan, Profile
from planner.core.terms import Term

AREAS = (
    "medical-terminology",
    "anatomy-physiology",
    "legal-aspects",
    "health-data-standards",
    "coding-abstraction",
    "statistics",
    "database-management",
    "quality-improvement",
    "computer-science",
)
JOBS = ("health-information-clerk", "health-information-technician", "coding-specialist", "cancer-registrar")


def big_plan(n: int, seed: int = 0, starts: str = "2027-fall") -> Plan:
    """An n-item plan spread over twenty years (60 terms) from `starts`."""
    rng = random.Random(seed)
    first = Term.parse(starts)
    assert first is not None
    profile = Profile(
        name="Benchmark Person",
        education="high-school",
        high_school_courses=["biology", "math"],
        credentials=[],
        completed=[],
        role="none",
        healthcare_experience_years=0,
        goal="coding-specialist",
        starts=first,
    )
    plan = Plan(title=f"A plan of {n} items", profile=profile)
    for number in range(n):
        kind = number % 10
        start = first.shift(rng.randrange(60))
        item = Item(id=f"item-{number}", start=start)
        if kind == 0:
            item.set("requirement", "associate-hit")
            item.set("accredited_by", "CAHIIM")
            item.set("end", str(start.shift(4)))
        elif kind == 1:
            item.set("requirement", "rhit-exam")
        elif kind == 2:
            item.set("requirement", "rhit")
        elif kind in (3, 4, 5):
            item.set("requirement", "course")
            item.set("area", AREAS[number % len(AREAS)])
        elif kind in (6, 7):
            item.set("requirement", JOBS[number % len(JOBS)])
            item.set("end", str(start.shift(5)))
        elif kind == 8:
            item.set("requirement", "continuing-education")
            item.set("renews", "rhit")
        else:
            item.set("requirement", "coding-certification")
            item.set("title", f"Coding certification {number}")
        plan.items.append(item)
    return plan
