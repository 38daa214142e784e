"""Realistic plans of any size, for benchmarks: `make_plan(n_items, seed) -> Plan`.

A plan is a run of overlapping career stretches, each laid out the way people write them: an
associate degree with its coursework and courses, the RHIT exam and credential, jobs with and
without `end`, a specialisation credential, continuing education renewing credentials, training,
`after` links between them, and now and then an advisor's comment or waiver. The same seed gives
the same plan. Mostly clean, with the warnings and suggestions real plans carry.
"""

from __future__ import annotations

import random
from typing import Any

from planner.core.model import Plan
from planner.core.packs import default_pack
from planner.core.terms import Term

AREAS = list(default_pack().coursework_areas)
SUBJECTS = list(default_pack().high_school_subjects)
SPECIALISATIONS = [
    ("coding-certification", "coding-specialist", "AAPC"),
    ("cancer-registry-certification", "cancer-registrar", "NCRA"),
    ("chps", "privacy-security-specialist", "AHIMA"),
]
STATUSES = ["planned", "planned", "planned", "in-progress", "done"]


class _Stretch:
    """Adds the items of one career stretch, from a start term, with ids unique in the plan."""

    def __init__(self, rng: random.Random, number: int, start: int) -> None:
        self.rng = rng
        self.prefix = f"s{number}-"
        self.term = start
        self.items: list[dict[str, Any]] = []

    def add(
        self, name: str, requirement: str, terms: int = 1, after: str | None = None, **fields: Any
    ) -> str:
        item_id = self.prefix + name
        entry: dict[str, Any] = {
            "id": item_id,
            "requirement": requirement,
            "title": f"{requirement.replace('-', ' ').title()} ({item_id})",
            "start": str(Term(self.term)),
        }
        if terms > 1 or self.rng.random() < 0.3:
            entry["end"] = str(Term(self.term + terms - 1))
        entry["status"] = self.rng.choice(STATUSES)
        if after:
            entry["after"] = [after]
        entry.update(fields)
        if self.rng.random() < 0.2:
            entry["notes"] = "Evening classes; check the online option and the fees before enrolling."
        self.items.append(entry)
        return item_id

    def job(self, name: str, requirement: str, terms: int, after: str | None = None, **fields: Any) -> str:
        """A job, written without `end` one time in three (it then runs until the next job)."""
        item_id = self.add(name, requirement, terms, after, **fields)
        if self.rng.random() < 0.33:
            del self.items[-1]["end"]
        self.term += terms
        return item_id


def _stretch(rng: random.Random, number: int, start: int) -> list[dict[str, Any]]:
    """About twenty items: school, RHIT, work, a specialisation, renewals."""
    s = _Stretch(rng, number, start)
    s.add("hs", "high-school-course", area=rng.choice(SUBJECTS))
    s.term += 1
    degree_start = s.term
    degree = s.add(
        "aas",
        "associate-hit",
        5,
        accredited_by="CAHIIM" if rng.random() < 0.95 else "ABHES",
        field="health-information-technology",
        covers=rng.sample(AREAS, 6),
    )
    for n, area in enumerate(rng.sample(AREAS, 4)):
        s.term = degree_start + n
        s.add(f"course{n}", "course", area=area)
    s.term = degree_start + 5
    exam = s.add("exam", "rhit-exam", after=degree)
    s.term += 1
    rhit = s.add("rhit", "rhit", after=exam)
    s.term += 1
    if rng.random() < 0.3:
        s.job("clerk", "health-information-clerk", 3)
        s.add("inhouse", "in-house-training")
    tech = s.job("tech", "health-information-technician", 6, facility=rng.choice(["small", "large"]))
    s.add("ceu1", "continuing-education", renews="rhit" if rng.random() < 0.5 else rhit)
    credential, specialist, issuer = rng.choice(SPECIALISATIONS)
    if credential == "cancer-registry-certification":
        s.add("intensive", "intensive-training", track="cancer-registry")
    cert = s.add("cert", credential, after=tech if rng.random() < 0.5 else None, issuer=issuer)
    s.term += 1
    s.job("special", specialist, 6)
    s.add("ceu2", "continuing-education", renews=cert)
    s.add("ceu3", "continuing-education", renews="rhit")
    if rng.random() < 0.5:
        s.job("sup", "section-supervisor", 6, facility="large")
    return s.items


def make_plan(n_items: int, seed: int = 0) -> Plan:
    """A plan of exactly `n_items` items (and a few comments and waivers), the same for the same seed."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    start = Term.parse("2027-fall").index  # type: ignore[union-attr]
    number = 0
    while len(items) < n_items:
        items += _stretch(rng, number, start + 2 * number)
        number += 1
    items = items[:n_items]
    ids = {entry["id"] for entry in items}
    for entry in items:  # a cut stretch may lose what its last items wait for or renew
        if any(other not in ids for other in entry.get("after", [])):
            del entry["after"]
        if entry.get("renews") not in (None, "rhit") and entry["renews"] not in ids:
            entry["renews"] = "rhit"
    comments = [
        {"author": "J. Kim, advisor", "text": "Book the exam early.", "item": items[n]["id"]}
        for n in range(0, len(items), 25)
    ]
    waivers = [
        {"rule": "healthcare-experience", "item": "s0-tech", "by": "J. Kim", "reason": "Volunteer work."}
    ]
    document = {
        "format": "hit-career-plan/1",
        "title": f"Benchmark plan of {n_items} items",
        "profile": {
            "name": "Alex Rivera",
            "education": "high-school",
            "high_school_courses": ["biology", "math"],
            "credentials": [],
            "completed": [],
            "role": "none",
            "healthcare_experience_years": 0,
            "goal": "coding-specialist",
            "starts": "2027-fall",
        },
        "items": items,
        "comments": comments,
        "waivers": waivers,
    }
    return Plan.from_toml(document)
