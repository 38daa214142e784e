"""The catalog of a rule pack: milestones, goals, steps, rules and sources, typed.

A pack's content is data (planner/core/packs/: the built-in packs as Python data, a pack of
one's own as TOML); this module only gives it names and types. Nothing here is global: every
caller is handed the `Pack` its plan uses (packs.pack_of).
"""

from __future__ import annotations

import os
from typing import Any

_HERE = os.path.dirname(os.path.abspath(__file__))
SEED_FILE = os.path.join(_HERE, "seed.txt")

SEVERITIES = ("error", "warning", "suggestion")
JOB = "job"
CREDENTIAL = "credential"


KIND_WORDS = {
    "course": "course",
    "degree": "degree",
    "certificate-program": "certificate program",
    "training": "training",
    "exam": "exam",
    "credential": "credential",
    "ceu": "continuing education",
    "job": "job",
    "unknown": "not in the catalog",
}
"""The kinds of milestones in a person's words, in the order legends list them (the timeline's
help and the HTML chart)."""


class Milestone:
    """A catalog entry a plan item names with `requirement = "<id>"`."""

    __slots__ = (
        "id",
        "kind",
        "name",
        "description",
        "terms",
        "rank",
        "source",
        "prerequisites",
        "counts_as",
        "level",
    )

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
        self.counts_as: tuple[str, ...] = tuple(data.get("counts_as", ()))
        """Milestones the rules treat this one as too (a CCA is a coding certification)."""
        self.level: str | None = data.get("level")
        """For degrees: the level (an `education` value) it gives, such as "associate"."""

    @property
    def is_job(self) -> bool:
        """True for jobs."""
        return self.kind == JOB


class Step:
    """One milestone on the way to a goal, with the fields its item needs and why it is there."""

    __slots__ = ("id", "milestone", "fields", "terms", "experience", "experience_terms", "reason", "source")

    def __init__(self, id: str, data: dict[str, Any], milestones: dict[str, Milestone]) -> None:
        self.id = id
        self.milestone: Milestone = milestones[data["milestone"]]
        self.fields: dict[str, str] = dict(data.get("fields", {}))
        self.terms: int = data.get("terms", self.milestone.terms)
        experience = data.get("experience", False)
        self.experience: bool = bool(experience)
        """A job held for the experience the next step needs, less what the profile counts."""
        self.experience_terms: int | None = (
            experience if type(experience) is int and experience is not True else None
        )
        """How many terms that experience is, when not the pack's `experience_terms`."""
        self.reason: str = data["reason"]
        self.source: str = data["source"]


class Goal:
    """A career goal and the path of steps that leads to it."""

    __slots__ = ("id", "name", "path")

    def __init__(self, id: str, data: dict[str, Any], steps: dict[str, Step]) -> None:
        self.id = id
        self.name: str = data["name"]
        self.path: tuple[Step, ...] = tuple(steps[name] for name in data["path"])


RULE_KEYS = ("severity", "source", "sentences", "message", "kind")
"""The keys every rule may have; the others are the numbers and names of its kind."""


class Rule:
    """A rule: its severity, the sources it rests on, its message, and what decides where it fires.

    `kind` names one of the rule kinds of the engine (rules/kinds.py), and `params` are that
    kind's settings (which milestone, which experience, how many terms); "named" rules are
    decided by a function registered under the rule's id (rules/named.py). Plan-structure and
    sharing rules have no kind: every pack has them.
    """

    __slots__ = ("id", "severity", "source", "sentences", "message", "kind", "params")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.severity: str = data["severity"]
        self.source: str | None = data.get("source")
        """The seed paragraph(s) and source ids, "P5", "P8, P9" or "P5, ahima-rhit"; None for
        plan-structure and sharing rules."""
        self.sentences: tuple[str, ...] = tuple(data.get("sentences", ()))
        """For a seed rule: the sentences it rests on, verbatim."""
        self.message: str = data["message"]
        self.kind: str | None = data.get("kind")
        self.params: dict[str, Any] = {key: value for key, value in data.items() if key not in RULE_KEYS}


class Source:
    """A public page a pack's rule rests on: who published it, where, when it was read, and the
    fact the rule takes from it, in the pack's own words."""

    __slots__ = ("id", "publisher", "title", "url", "read", "fact")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.publisher: str = data["publisher"]
        self.title: str = data["title"]
        """The page's title."""
        self.url: str = data["url"]
        self.read: str = data["read"]
        """The date it was read, as YYYY-MM-DD."""
        self.fact: str = data["fact"]


class Specialisation:
    """A specialisation (P7): its job, its goal and the credential that goes with it."""

    __slots__ = ("id", "name", "job", "goal", "credential")

    def __init__(self, id: str, data: dict[str, Any]) -> None:
        self.id = id
        self.name: str = data["name"]
        self.job: str = data["job"]
        self.goal: str = data["goal"]
        self.credential: str = data["credential"]


class Pack:
    """A rule pack: its catalog (vocabulary, numbers, milestones, goals and their paths), its
    rules and its sources, by id, with the pack's own id, title and date."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.id: str = data.get("id", "")
        """The pack's id ("hit-2008"), or for a pack file the path its plan names."""
        self.title: str = data.get("title", "")
        self.as_of: str = data.get("as_of", "")
        """The date its rules stand as of (YYYY-MM)."""
        self.file: str | None = data.get("file")
        """The pack file it was read from; None for a built-in pack."""
        self.extends: str | None = data.get("extends")
        self.sources: dict[str, Source] = {
            id: Source(id, entry) for id, entry in data.get("sources", {}).items()
        }
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
        counting: dict[str, list[str]] = {id: [id] for id in self.milestones}
        for milestone in self.milestones.values():
            for other in milestone.counts_as:
                counting.setdefault(other, [other]).append(milestone.id)
        self.counting_as: dict[str, tuple[str, ...]] = {id: tuple(ids) for id, ids in counting.items()}
        """For each milestone id: itself and the milestones that count as it."""

    def name_of(self, milestone_id: str) -> str:
        """The milestone's name in plain words, or the id itself when it is not in the catalog."""
        milestone = self.milestones.get(milestone_id)
        return milestone.name if milestone else milestone_id


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
