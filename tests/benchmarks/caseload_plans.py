"""A caseload to measure on: N student plans of about 30 items, as an advisor would hold them.

Each plan is a starter plan for a random goal, filled out with the degree's courses, high-school
courses, continuing education and notes; some have an unaccredited degree (errors), most carry
comments, some a waiver, and half an approval (a third of those made stale by a later change).
Deterministic for a given seed.

    python tests/benchmarks/caseload_plans.py DIR [N]
"""

from __future__ import annotations

import datetime
import os
import random
import sys

from planner.core.digest import plan_digest
from planner.core.model import Approval, Comment, Item, Plan, Waiver
from planner.core.packs import default_pack
from planner.core.starter import starter_plan
from planner.core.storage import dumps
from planner.core.terms import Term

FIRST = ["Alex", "Blair", "Casey", "Dana", "Eli", "Fran", "Gale", "Harper", "Indy", "Jules", "Kai", "Lee"]
LAST = ["Rivera", "Chen", "Diaz", "Okafor", "Novak", "Singh", "Larsen", "Moreau", "Tanaka", "Haddad"]
ADVISORS = ["J. Kim, advisor", "M. Ortiz, advisor", "S. Patel, advisor"]


def student_plan(number: int, rng: random.Random) -> Plan:
    """One student's plan, about 30 items."""
    cat = default_pack()
    goal = rng.choice([g for g in cat.goals if g != "clerk-to-technician"])
    starts = Term.of(rng.choice([2026, 2027, 2028]), rng.choice(["spring", "fall"]))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} ({number})"
    plan = starter_plan(goal, starts, name)
    plan.profile.education = rng.choice(["high-school", "high-school-student"])
    degree = plan.item("associate-hit")
    assert degree is not None and degree.start is not None
    degree.title = "AAS Health Information Technology, Lakeside CC"
    degree.notes = "Evening classes; online option.\nAsk about the statistics transfer credit."
    degree.covers = ["medical-terminology", "anatomy-physiology"]
    areas = list(cat.coursework_areas) + [cat.general_education] * 4
    for index, area in enumerate(areas):
        term = degree.start.shift(index % 5)
        plan.items.append(
            Item(id=f"course-{index + 1}", requirement="course", area=area, start=term, status="planned")
        )
    for index, subject in enumerate(cat.high_school_subjects):
        plan.items.append(
            Item(
                id=f"hs-{subject}",
                requirement="high-school-course",
                area=subject,
                start=starts.shift(-3 + index % 2),
            )
        )
    rhit = plan.item("rhit")
    if rhit is not None and rhit.start is not None:
        for cycle in range(1, 5):
            plan.items.append(
                Item(
                    id=f"ceu-{cycle}",
                    requirement="continuing-education",
                    start=rhit.start.shift(6 * cycle - 1),
                    renews="rhit",
                )
            )
    if rng.random() < 0.1:
        degree.accredited_by = None  # the RHIT exam is then out of reach: two errors
    for index in range(rng.randint(1, 4)):
        item = rng.choice(plan.items)
        plan.comments.append(
            Comment(
                author=rng.choice(ADVISORS),
                date=datetime.date(2026, 9, 1) + datetime.timedelta(days=index * 7),
                item=item.id,
                text=f"Check the schedule for {item.id} with the registrar.",
            )
        )
    if rng.random() < 0.2:
        plan.waivers.append(
            Waiver(
                rule="associate-coursework",
                item="associate-hit",
                by=rng.choice(ADVISORS),
                date=datetime.date(2026, 10, 1),
                reason="Transcript from the state university on file.",
            )
        )
    if rng.random() < 0.5:
        plan.approvals.append(
            Approval(by=rng.choice(ADVISORS), date=datetime.date(2026, 11, 2), digest=plan_digest(plan))
        )
        if rng.random() < 0.33:
            degree.notes = "Moved to day classes."  # changed after the approval

    return plan


def write_caseload(folder: str, count: int = 1000, seed: int = 5) -> list[str]:
    """Write `count` plans into `folder` (created); returns their paths."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    paths = []
    for number in range(count):
        path = os.path.join(folder, f"student-{number:04d}.toml")
        with open(path, "w", encoding="utf-8") as file:
            file.write(dumps(student_plan(number, rng)))
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    written = write_caseload(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print(f"{len(written)} plans in {sys.argv[1]}")
