"""The requirements catalog: milestones, goals, steps and rules, typed.

The catalog's content is data in requirements.py; this module only gives it names and types.
It is built once per process (`catalog()`).
"""

from __future__ import annotations

import os
from typing import Any

_HERE = os.path.dirname(os.path.abspath(__file__))
SEED_FILE = os.path.join(_HERE, "seed.txt")

SEVERITIES = ("error", "warning", "suggestion")
JOB = "job"
CREDENTIAL = "credential"


class Milestone:
    """A catalog entry a plan item names with `requirement = "<id>"`."""

    __slots__ = ("id", "kind", "name", "description", "terms", "rank", "source", "prerequisites")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.kind: str = data["kind"]
        self.name: str = data["name"]
        self.description: str = data["description"]
        self.terms: int = data["terms"]
        """The typical length in terms, used to propose terms (no rule checks it)."""
        self.rank: int | None = data.get("rank")
        """For jobs: clerk 0, technician level 1, supervisor 2, assistant director 3, director 4."""
        self.source: str = data["source"]
        self.prerequisites: tuple[str, ...] = tuple(data.get("prerequisites", ()))
        """Milestones that holding this credential implies were done."""

    @property
    def is_job(self) -> bool:
        """True for jobs."""
        return self.kind == JOB


class Step:
    """One milestone on the way to a goal, with the fields its item needs and why it is there."""

    __slots__ = ("id", "milestone", "fields", "terms", "experience", "reason", "source")

    def __init__(self, id: str, data: dict[str, Any], milestones: dict[str, Milestone]) -> None:
        self.id = id
        self.milestone: Milestone = milestones[data["milestone"]]
        self.fields: dict[str, str] = dict(data.get("fields", {}))
        self.terms: int = data.get("terms", self.milestone.terms)
        self.experience: bool = data.get("experience", False)
        """A job held for the experience the next step needs, less what the profile counts."""
        self.reason: str = data["reason"]
        self.source: str = data["source"]


class Goal:
    """A career goal and the path of steps that leads to it."""

    __slots__ = ("id", "name", "path")

    def __init__(self, id: str, data: dict[str, Any], steps: dict[str, Step]) -> None:
        self.id = id
        self.name: str = data["name"]
        self.path: tuple[Step, ...] = tuple(steps[name] for name in data["path"])


class Rule:
    """A rule: its severity, the seed paragraph and sentences it rests on, and its message."""

    __slots__ = ("id", "severity", "source", "sentences", "message")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.severity: str = data["severity"]
        self.source: str | None = data.get("source")
        """The seed paragraph(s), "P5" or "P8, P9"; None for plan-structure and sharing rules."""
        self.sentences: tuple[str, ...] = tuple(data.get("sentences", ()))
        self.message: str = data["message"]


class Specialisation:
    """A specialisation (P7): its job, its goal and the credential that goes with it."""

    __slots__ = ("id", "name", "job", "goal", "credential")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.name: str = data["name"]
        self.job: str = data["job"]
        self.goal: str = data["goal"]
        self.credential: str = data["credential"]


class Catalog:
    """Everything requirements.py holds, by id."""

    def __init__(self, data: dict[str, Any]) -> None:
        vocabulary = data["vocabulary"]
        self.coursework_areas: tuple[str, ...] = tuple(vocabulary["coursework_areas"])
        self.general_education: str = vocabulary["general_education"]
        self.high_school_subjects: tuple[str, ...] = tuple(vocabulary["high_school_subjects"])
        self.educations: tuple[str, ...] = tuple(vocabulary["educations"])
        self.statuses: tuple[str, ...] = tuple(vocabulary["statuses"])
        self.facilities: tuple[str, ...] = tuple(vocabulary["facilities"])
        self.tracks: tuple[str, ...] = tuple(vocabulary["tracks"])
        self.parameters: dict[str, Any] = dict(data["parameters"])
        self.milestones: dict[str, Milestone] = {
            id: Milestone(id, entry) for id, entry in data["milestones"].items()
        }
        self.steps: dict[str, Step] = {
            id: Step(id, entry, self.milestones) for id, entry in data["steps"].items()
        }
        self.goals: dict[str, Goal] = {id: Goal(id, entry, self.steps) for id, entry in data["goals"].items()}
        self.rules: dict[str, Rule] = {id: Rule(id, entry) for id, entry in data["rules"].items()}
        self.specialisations: dict[str, Specialisation] = {
            id: Specialisation(id, entry) for id, entry in data["specialisations"].items()
        }
        self.jobs: tuple[str, ...] = tuple(m.id for m in self.milestones.values() if m.is_job)
        self.credentials: tuple[str, ...] = tuple(
            m.id for m in self.milestones.values() if m.kind == CREDENTIAL
        )

    def name_of(self, milestone_id: str) -> str:
        """The milestone's name in plain words, or the id itself when it is not in the catalog."""
        milestone = self.milestones.get(milestone_id)
        return milestone.name if milestone else milestone_id


_catalog: Catalog | None = None


def catalog() -> Catalog:
    """The catalog, built from requirements.py on first use."""
    global _catalog
    if _catalog is None:
        from planner.core import requirements

        _catalog = Catalog(
            {
                "vocabulary": requirements.VOCABULARY,
                "parameters": requirements.PARAMETERS,
                "milestones": requirements.MILESTONES,
                "specialisations": requirements.SPECIALISATIONS,
                "steps": requirements.STEPS,
                "goals": requirements.GOALS,
                "rules": requirements.RULES,
            }
        )
    return _catalog


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs: index 0 is P1 (the title); blank lines do not count."""
    with open(SEED_FILE, encoding="utf-8") as file:
        return [line.strip() for line in file if line.strip()]


def paragraph(source: str | None) -> list[tuple[str, str]]:
    """The cited paragraphs of a source such as "P8, P9", as (label, text) pairs."""
    if not source:
        return []
    paragraphs = seed_paragraphs()
    cited = []
    for label in source.split(","):
        label = label.strip()
        number = int(label[1:]) if label[1:].isdigit() else 0
        if 1 <= number <= len(paragraphs):
            cited.append((label, paragraphs[number - 1]))
    return cited
