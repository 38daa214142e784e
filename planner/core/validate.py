"""Validation: a plan in, diagnostics out.

Each rule of the catalog (requirements.py) has one function here that decides where it fires;
the rule's severity, source, sentences and message text come from the catalog. The functions
share a `Facts` object that reads the plan once: every item placed in time, jobs in order, what
the profile counts as done or held. The whole pass is O(n log n) in the number of items.
"""

from __future__ import annotations

import bisect
import difflib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from planner.core.catalog import Catalog, Milestone, catalog
from planner.core.model import Item, Plan, Record
from planner.core.terms import Term

SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
_NEVER = 10**9
"""A term index later than any real term: 'not held in the plan'."""
SUGGESTION_CUTOFF = 0.75
"""How alike (difflib's ratio) an unknown reference and a known id must be to suggest the id."""


class Diagnostic:
    """One finding about a plan: which rule, on which item, in plain words, citing the seed."""

    __slots__ = (
        "severity",
        "rule",
        "item",
        "message",
        "source",
        "waived",
        "parameters",
        "line",
        "suggestion",
    )

    def __init__(
        self,
        severity: str,
        rule: str,
        item: str | None,
        message: str,
        source: str | None,
        parameters: dict[str, Any] | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.severity = severity
        """"error", "warning" or "suggestion"."""
        self.rule = rule
        self.item = item
        """The id of the item it attaches to, or None for the profile and the plan."""
        self.message = message
        self.source = source
        """The seed paragraph(s), such as "P5"; None for plan-structure and sharing rules."""
        self.waived: Any = None
        """The Waiver that silences it, or None."""
        self.parameters: dict[str, Any] = parameters or {}
        """What the rule found, as its message's placeholders take it (field, value, start, ...);
        fixes read it to know what to change."""
        self.line: int | None = None
        """The 1-based line of the file it points at, once `planner.core.lines.place` has run."""
        self.suggestion = suggestion
        """For an unknown reference close to a known id: that id (the message says "did you mean")."""

    def to_json(self) -> dict[str, Any]:
        """The diagnostic as `check --format json` prints it."""
        data: dict[str, Any] = {
            "severity": self.severity,
            "rule": self.rule,
            "item": self.item,
            "message": self.message,
            "source": self.source,
            "line": self.line,
        }
        if self.waived is not None:
            waiver = self.waived
            data["waived"] = {
                "by": waiver.by,
                "date": waiver.date.isoformat() if waiver.date else None,
                "reason": waiver.reason,
            }
        return data

    def __repr__(self) -> str:
        return f"Diagnostic({self.severity} {self.rule} [{self.item}]: {self.message})"


class Placed:
    """An item with a known milestone and a valid start, placed on the timeline."""

    __slots__ = ("item", "milestone", "start", "end", "position")

    def __init__(self, item: Item, milestone: Milestone, start: int, end: int, position: int) -> None:
        self.item = item
        self.milestone = milestone
        self.start = start
        """First term index."""
        self.end = end
        """Last term index (a job without `end` runs until the next job or the plan's end)."""
        self.position = position
        """Index in the plan's item list."""

    @property
    def terms(self) -> int:
        """How many terms it spans."""
        return self.end - self.start + 1


class Intervals:
    """Terms covered by a set of spans, merged, to count how many lie before a term."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.spans = merged
        self.before: list[int] = [0]
        for start, end in merged:
            self.before.append(self.before[-1] + end - start + 1)

    def count_before(self, term: int) -> int:
        """How many covered terms are earlier than `term`."""
        index = bisect.bisect_left(self.starts, term)
        if index == 0:
            return 0
        start, end = self.spans[index - 1]
        return self.before[index - 1] + min(end, term - 1) - start + 1


class Facts:
    """What the rules ask of a plan, computed once."""

    def __init__(self, plan: Plan, cat: Catalog) -> None:
        self.plan = plan
        self.cat = cat
        self._first_ends: dict[str, int] = {}
        self.experience_terms: int = cat.parameters["experience_terms"]
        profile = plan.profile
        self.profile = profile

        milestones = cat.milestones
        placed: list[Placed] = []
        jobs: list[Placed] = []
        by_id: dict[str, Item] = {}
        by_milestone: dict[str, list[Placed]] = {}
        named: dict[str, list[Item]] = {}
        latest = -_NEVER
        ill_typed: list[tuple[int, Item]] = []
        for position, item in enumerate(plan.items):  # one pass, kept lean: plans can be long
            if item.id is not None and item.id not in by_id:
                by_id[item.id] = item
            if item.invalid:
                ill_typed.append((position, item))
            start, end = item.start, item.end
            if end is not None and end.index > latest:
                latest = end.index
            if start is None:
                if item.requirement in milestones:
                    named.setdefault(item.requirement, []).append(item)  # type: ignore[arg-type]
                continue
            first = start.index
            if first > latest:
                latest = first
            milestone = milestones.get(item.requirement)  # type: ignore[arg-type]
            if milestone is None:
                continue
            named.setdefault(milestone.id, []).append(item)
            last = end.index if end is not None and end.index >= first else first
            entry = Placed(item, milestone, first, last, position)
            placed.append(entry)
            by_milestone.setdefault(milestone.id, []).append(entry)
            if milestone.rank is not None:
                jobs.append(entry)
        self.placed = placed
        """Items with a catalog milestone and a valid start, in file order."""
        self.by_id = by_id
        """The first item with each id."""
        self.by_milestone = by_milestone
        """Placed items by milestone id, in file order."""
        self.named = named
        """Every item that names a catalog milestone, placed or not, by milestone id."""
        self.ill_typed = ill_typed
        """(position, item) of the items with a known field of the wrong type or form."""
        self.plan_end: int | None = latest if latest != -_NEVER else None
        """The plan's end: the latest `end` or `start` among its items (as `plan.last_term()`)."""
        starts = profile.starts
        self.plan_start: int | None = (
            starts.index if starts else (min((p.start for p in placed), default=None))
        )

        # Jobs: a job without `end` runs until the next job starts, or else to the plan's end.
        jobs.sort(key=lambda p: (p.start, p.position))
        job_starts = [job.start for job in jobs]
        for job in jobs:
            if job.item.end is None:
                following = bisect.bisect_right(job_starts, job.start)
                if following < len(jobs):
                    job.end = max(job.start, jobs[following].start - 1)
                elif self.plan_end is not None:
                    job.end = max(job.start, self.plan_end)
        self.jobs = jobs
        """Job items in the order they start."""
        self.jobs_by_end = sorted(jobs, key=lambda p: (p.end, p.start, p.position))
        self.job_ends = [job.end for job in self.jobs_by_end]
        self.first_job_end: int = self.job_ends[0] if jobs else _NEVER
        """The earliest last term of any job: a job is before term T when this is earlier than T."""

        # The profile.
        role = profile.role if profile.role in milestones and milestones[profile.role].is_job else None
        self.role: Milestone | None = milestones[role] if role else None
        years = profile.healthcare_experience_years
        valid_years = years is not None and 0 <= years <= cat.parameters["max_experience_years"]
        self.years: float = years if valid_years else 0  # type: ignore[assignment]
        self.role_terms: float = self.years * 3 if self.role else 0
        # A credential the profile lists as held, or as completed, is held from the plan's start,
        # and holding it means its prerequisites were met (holding RHIT: the degree and the exam).
        self.held_in_profile: list[str] = []
        for credential in [*(profile.credentials or ()), *(profile.completed or ())]:
            if credential in cat.credentials and credential not in self.held_in_profile:
                self.held_in_profile.append(credential)
        self.held: set[str] = set(self.held_in_profile)
        done = {m for m in (profile.completed or []) if m in milestones}
        for credential in self.held_in_profile:
            done.update(milestones[credential].prerequisites)
            done.add(credential)
        self.done = done

        self.technician_work = Intervals([(j.start, j.end) for j in jobs if j.milestone.rank])
        self.clerk_work = Intervals(
            [(j.start, j.end) for j in jobs if j.milestone.id == "health-information-clerk"]
        )
        rhit_starts = [p.start for p in self.of("rhit")]
        self.rhit_from = -_NEVER if "rhit" in self.held else min(rhit_starts, default=_NEVER)

    def of(self, milestone_id: str) -> list[Placed]:
        """The placed items that name this milestone, in file order."""
        return self.by_milestone.get(milestone_id, [])

    def first_end(self, milestone_id: str, predicate: Callable[[Placed], bool] | None = None) -> int:
        """The earliest last term among placed items of a milestone (that match), or a term after all."""
        if predicate is not None:
            return min((p.end for p in self.of(milestone_id) if predicate(p)), default=_NEVER)
        if milestone_id not in self._first_ends:
            self._first_ends[milestone_id] = min((p.end for p in self.of(milestone_id)), default=_NEVER)
        return self._first_ends[milestone_id]

    def done_before(self, milestone_id: str, term: int) -> bool:
        """True when the milestone is done before `term`: in the profile, or an item ends earlier."""
        return milestone_id in self.done or self.first_end(milestone_id) < term

    def previous_job(self, job: Placed) -> Placed | None:
        """The latest job item that ends before `job` starts."""
        index = bisect.bisect_left(self.job_ends, job.start)
        return self.jobs_by_end[index - 1] if index else None

    def technician_terms_before(self, term: int) -> float:
        """Terms of technician-level work before `term`, the profile's role included."""
        own = self.role_terms if self.role is not None and self.role.rank else 0
        return self.technician_work.count_before(term) + own

    def accredited(self, item: Item) -> bool:
        """True when the item is accredited by CAHIIM."""
        body = item.accredited_by
        return body is not None and body.strip().upper() == self.cat.parameters["accrediting_body"]


def describe_terms(terms: float) -> str:
    """A length of time in words: "no time", "2 terms", "1 year", "1 year and 1 term"."""
    if terms <= 0:
        return "no time"
    if terms != int(terms):
        return f"{terms / 3:.1f} years"
    years, rest = divmod(int(terms), 3)
    parts = []
    if years:
        parts.append(f"{years} year" + ("s" if years > 1 else ""))
    if rest:
        parts.append(f"{rest} term" + ("s" if rest > 1 else ""))
    return " and ".join(parts)


def _short(value: Any, limit: int = 40) -> str:
    """A value as a person would write it in TOML, cut short when long."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(placed: Placed) -> str:
    return f'{placed.milestone.name} "{placed.item.id}"'


# --- the rules from the seed ------------------------------------------------------------------

Finding = tuple[str, str | None, dict[str, Any]]
"""(rule id, item id, message parameters)."""


def rhit_exam_rules(facts: Facts) -> Iterator[Finding]:
    """rhit-exam-needs-cahiim-associate and rhit-not-via-other-training."""
    if "associate-hit" in facts.done:
        return
    degree_end = facts.first_end("associate-hit", lambda p: facts.accredited(p.item))
    exams = [exam for exam in facts.of("rhit-exam") if degree_end >= exam.start]
    if not exams:
        return
    planned_end, planned = _planned_preparation(facts)
    before_plan = _preparation_before_plan(facts)
    for exam in exams:
        yield "rhit-exam-needs-cahiim-associate", exam.item.id, {}
        preparation = planned if planned_end < exam.start else before_plan
        if preparation:
            yield "rhit-not-via-other-training", exam.item.id, {"preparation": preparation}


def _planned_preparation(facts: Facts) -> tuple[int, str]:
    """The plan's item that prepares for the exam without making one eligible and ends first:
    (its last term, its name), or (a term after all, "") when there is none. Such items are
    degrees and programs not accredited by CAHIIM, intensive and in-house training, and jobs."""
    first: tuple[int, int, str] = (_NEVER, 0, "")
    for p in facts.placed:
        kind = p.milestone.kind
        if (p.end, p.position) >= first[:2]:
            continue
        if kind in ("degree", "certificate-program") and not facts.accredited(p.item):
            first = (p.end, p.position, _label(p) + ", not accredited by CAHIIM,")
        elif kind in ("training", "job"):
            first = (p.end, p.position, _label(p))
    return first[0], first[2]


def _preparation_before_plan(facts: Facts) -> str | None:
    """The profile's role, else its completed training or programs, in words; None when neither."""
    if facts.role is not None:
        return f"Your work as {facts.role.name.lower()}"
    kinds = ("training", "certificate-program", "degree")
    completed = [m for m in sorted(facts.done) if facts.cat.milestones[m].kind in kinds]
    return f"Your completed {facts.cat.name_of(completed[0])}" if completed else None


def rhit_needs_exam(facts: Facts) -> Iterator[Finding]:
    """An RHIT credential needs the exam before it."""
    for credential in facts.of("rhit"):
        if not facts.done_before("rhit-exam", credential.start):
            yield "rhit-needs-exam", credential.item.id, {}


def associate_coursework(facts: Facts) -> Iterator[Finding]:
    """An associate degree whose given coursework misses some of the nine areas."""
    courses = sorted((p.start, p.end, p.item.area) for p in facts.of("course") if p.item.area)
    course_starts = [course[0] for course in courses]
    placed = {id(p.item): p for p in facts.of("associate-hit")}
    for item in facts.named.get("associate-hit", ()):
        areas = set(item.covers or ())
        degree = placed.get(id(item))
        if degree is not None:  # the areas of the courses within its terms
            index = bisect.bisect_left(course_starts, degree.start)
            while index < len(courses) and courses[index][0] <= degree.end:
                if courses[index][1] <= degree.end:
                    areas.add(courses[index][2])
                index += 1
        if not areas:
            continue
        missing = [area for area in facts.cat.coursework_areas if area not in areas]
        if missing:
            yield "associate-coursework", item.id, {"missing": ", ".join(missing)}


def high_school_preparation(facts: Facts) -> Iterator[Finding]:
    """A high-school student planning the degree without all five subjects."""
    if facts.profile.education != "high-school-student":
        return
    taken = set(facts.profile.high_school_courses or ())
    first_taken: dict[str, int] = {}  # subject -> the earliest last term of a course in it
    for course in facts.of("high-school-course"):
        subject = course.item.area or ""
        first_taken[subject] = min(course.end, first_taken.get(subject, _NEVER))
    for degree in facts.of("associate-hit"):
        missing = [
            subject
            for subject in facts.cat.high_school_subjects
            if subject not in taken and first_taken.get(subject, _NEVER) >= degree.start
        ]
        if missing:
            yield "high-school-preparation", degree.item.id, {"missing": _and(missing)}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def employers_prefer_rhit(facts: Facts) -> Iterator[Finding]:
    """A technician-level job that starts before RHIT is held."""
    for job in facts.jobs:
        if job.milestone.rank and job.start < facts.rhit_from:
            yield "employers-prefer-rhit", job.item.id, {"term": str(Term(job.start))}


def healthcare_experience(facts: Facts) -> Iterator[Finding]:
    """The first technician-level job, with no experience before it."""
    if facts.years:
        return
    first = next((job for job in facts.jobs if job.milestone.rank), None)
    if first is not None and facts.first_job_end >= first.start:
        yield "healthcare-experience", first.item.id, {}


def no_coding_degree(facts: Facts) -> Iterator[Finding]:
    """A degree in coding, which does not exist."""
    for milestone, items in facts.named.items():
        if facts.cat.milestones[milestone].kind == "degree":
            for item in items:
                if item.field and "coding" in item.field.lower():
                    yield "no-coding-degree", item.id, {}


def skills_learned_on_the_job(facts: Facts) -> Iterator[Finding]:
    """A coding or registry job with no job before it (nor a role in the profile)."""
    if facts.role is not None:
        return
    for job in facts.jobs:
        if job.milestone.id in ("coding-specialist", "cancer-registrar") and facts.first_job_end >= job.start:
            yield "skills-learned-on-the-job", job.item.id, {}


def specialisation_credential(facts: Facts) -> Iterator[Finding]:
    """A specialisation (the goal or a job) whose credential is neither held nor planned."""
    for special in facts.cat.specialisations.values():
        jobs = facts.named.get(special.job, [])
        if not jobs and facts.profile.goal != special.goal:
            continue
        if special.credential in facts.held or special.credential in facts.named:
            continue
        placed = [job for job in facts.jobs if job.milestone.id == special.job]
        first = placed[0].item if placed else jobs[0] if jobs else None
        yield (
            "specialisation-credential",
            first.id if first is not None else None,
            {
                "specialisation": special.name,
                "credential": facts.cat.name_of(special.credential).lower(),
            },
        )


def credential_renewal(facts: Facts) -> Iterator[Finding]:
    """A credential that goes more than six terms without continuing education renewing it."""
    if facts.plan_end is None:
        return
    limit = facts.cat.parameters["renewal_terms"]
    renewed: dict[str, list[int]] = {}  # the item id or catalog id renewed -> terms
    for ceu in facts.of("continuing-education"):
        if ceu.item.renews:
            renewed.setdefault(ceu.item.renews, []).append(ceu.start)
    by_kind = {
        credential: Renewals(renewed.get(credential, []), limit) for credential in facts.cat.credentials
    }
    held: list[tuple[Item | None, str, int]] = []  # (the item, or None when held in the profile)
    if facts.plan_start is not None:
        held += [(None, credential, facts.plan_start) for credential in facts.held_in_profile]
    held += [(p.item, p.milestone.id, p.start) for credential in by_kind for p in facts.of(credential)]
    for item, credential, start in held:
        item_id = item.id if item is not None else None
        # renewals of this very item split the stretch to the plan's end into parts
        own = renewed.get(item_id, []) if item_id and item_id != credential else []
        points = [start, *sorted(term for term in own if term > start), max(facts.plan_end, start)]
        for first, last in zip(points, points[1:], strict=False):
            gap = by_kind[credential].first_gap(first, last)
            if gap is not None:
                name = facts.cat.name_of(credential)
                yield (
                    "credential-renewal",
                    item_id,
                    {
                        "credential": f"{name} you hold" if item is None else f'{name} "{item_id}"',
                        "terms": gap[1] - gap[0],
                        "start": str(Term(gap[0])),
                        "end": str(Term(gap[1])),
                        "note": facts.cat.parameters["renewal_source_note"],
                    },
                )
                break


class Renewals:
    """The terms in which continuing education renews one kind of credential, with the long
    stretches between them found once, so that finding a credential's first one is a lookup."""

    def __init__(self, terms: list[int], limit: int) -> None:
        self.terms = sorted(terms)
        self.limit = limit
        """The longest stretch, in terms, that needs no renewal."""
        count = len(self.terms)
        self.next_gap = [count - 1] * count
        """For each renewal, the first one at or after it that is followed by a long stretch
        (the last renewal when none is)."""
        for index in range(count - 2, -1, -1):
            long = self.terms[index + 1] - self.terms[index] > limit
            self.next_gap[index] = index if long else self.next_gap[index + 1]

    def first_gap(self, start: int, end: int) -> tuple[int, int] | None:
        """The first stretch longer than the limit from `start` to `end`, renewal to renewal."""
        terms, limit = self.terms, self.limit
        first = bisect.bisect_right(terms, start)
        if first == len(terms) or terms[first] >= end:  # no renewal in between
            return (start, end) if end - start > limit else None
        if terms[first] - start > limit:
            return start, terms[first]
        gap = self.next_gap[first]
        if gap + 1 < len(terms) and terms[gap + 1] < end:
            return terms[gap], terms[gap + 1]
        last = terms[bisect.bisect_left(terms, end) - 1]
        return (last, end) if end - last > limit else None


def supervisor_needs_experience(facts: Facts) -> Iterator[Finding]:
    """A section supervisor with less than two years of technician-level work before."""
    for job in facts.jobs:
        if job.milestone.id == "section-supervisor":
            terms = facts.technician_terms_before(job.start)
            if terms < facts.experience_terms:
                yield "supervisor-needs-experience", job.item.id, {"years": describe_terms(terms)}


def advancement_needs_experience(facts: Facts) -> Iterator[Finding]:
    """A job ranked above the one before it, with less than two years in that one."""
    for job in facts.jobs:
        previous = facts.previous_job(job)
        if previous is not None:
            rank, name = previous.milestone.rank, previous.milestone.name
            terms: float = previous.terms
            if facts.role is not None and previous.milestone.id == facts.role.id:
                terms += facts.role_terms
        elif facts.role is not None:
            rank, name, terms = facts.role.rank, facts.role.name, facts.role_terms
        else:
            continue
        if job.milestone.rank <= rank or terms >= facts.experience_terms:  # type: ignore[operator]
            continue
        if rank == 0 and job.milestone.id == "health-information-technician":
            continue  # left to clerk-promotion
        yield (
            "advancement-needs-experience",
            job.item.id,
            {
                "previous": name.lower(),
                "years": describe_terms(terms),
            },
        )


def director_small_needs_rhit(facts: Facts) -> Iterator[Finding]:
    """A director or assistant director in a small facility without RHIT or experience."""
    for job in facts.jobs:
        if job.milestone.id not in ("director", "assistant-director") or job.item.facility != "small":
            continue
        problems = []
        if job.start < facts.rhit_from:
            problems.append("the RHIT credential is not held when this job starts")
        terms = facts.technician_terms_before(job.start)
        if terms < facts.experience_terms:
            problems.append(
                f"the plan has {describe_terms(terms)} of technician-level work before it, not two years"
            )
        if problems:
            yield "director-small-needs-rhit", job.item.id, {"problem": " and ".join(problems)}


def director_large_needs_bachelor(facts: Facts) -> Iterator[Finding]:
    """A director in a large facility without the bachelor's in HIA."""
    for job in facts.of("director"):
        if job.item.facility == "large" and not facts.done_before("bachelor-hia", job.start):
            yield "director-large-needs-bachelor", job.item.id, {}


def clerk_promotion(facts: Facts) -> Iterator[Finding]:
    """A technician job right after clerk work, without two years as clerk or in-house training."""
    clerk_role = facts.role is not None and facts.role.id == "health-information-clerk"
    for job in facts.of("health-information-technician"):
        previous = facts.previous_job(job)
        after_clerk = (
            previous.milestone.id == "health-information-clerk" if previous is not None else clerk_role
        )
        if not after_clerk:
            continue
        problems = []
        terms = facts.clerk_work.count_before(job.start) + (facts.role_terms if clerk_role else 0)
        if terms < facts.experience_terms:
            problems.append(f"the plan has {describe_terms(terms)} as a clerk before it")
        if not facts.done_before("in-house-training", job.start):
            problems.append("no hospital in-house training is planned before it")
        if problems:
            yield "clerk-promotion", job.item.id, {"problem": " and ".join(problems)}


SEED_RULES: tuple[Callable[[Facts], Iterator[Finding]], ...] = (
    rhit_exam_rules,
    rhit_needs_exam,
    associate_coursework,
    high_school_preparation,
    employers_prefer_rhit,
    healthcare_experience,
    no_coding_degree,
    skills_learned_on_the_job,
    specialisation_credential,
    credential_renewal,
    supervisor_needs_experience,
    advancement_needs_experience,
    director_small_needs_rhit,
    director_large_needs_bachelor,
    clerk_promotion,
)


# --- the plan-structure rules -----------------------------------------------------------------

_KIND_WORDS = {"str": "text", "list": "a list of text", "number": "a number", "date": "a date"}
_TOP_LEVEL_WORDS = {"title": "text", "profile": "a table"}


def duplicate_id(facts: Facts) -> Iterator[Finding]:
    """An item id used twice: on the later item."""
    seen: set[str] = set()
    for item in facts.plan.items:
        if item.id is not None:
            if item.id in seen:
                yield "duplicate-id", item.id, {"id": item.id, "field": "id"}
            seen.add(item.id)


def unknown_reference(facts: Facts) -> Iterator[Finding]:
    """A requirement, after, renews, profile goal, role, completed or credentials entry, or a
    comment's item, that names nothing."""
    cat, items = facts.cat, facts.by_id
    yield from _profile_references(facts)
    for item in facts.plan.items:
        if item.requirement is not None and item.requirement not in cat.milestones:
            what = "is not a milestone in the catalog"
            yield _unknown(item.id, "requirement", item.requirement, what, cat.milestones)
        for other in item.after or ():
            if other not in items:
                yield _unknown(item.id, "after", other, "is not the id of an item in this plan", items)
        if item.renews is not None and item.renews not in items and item.renews not in cat.credentials:
            what = "is neither an item of this plan nor a credential in the catalog"
            yield _unknown(item.id, "renews", item.renews, what, [*items, *cat.credentials])
    for number, comment in enumerate(facts.plan.comments, 1):
        if comment.item is not None and comment.item not in items:
            what = "is not the id of an item in this plan"
            yield _unknown(None, f"Comment {number}: item", comment.item, what, items)


def _profile_references(facts: Facts) -> Iterator[Finding]:
    profile, cat = facts.plan.profile, facts.cat
    if profile.goal is not None and profile.goal not in cat.goals:
        what = "is not a goal; goals are " + ", ".join(cat.goals)
        yield _unknown(None, "profile.goal", profile.goal, what, cat.goals)
    if (
        profile.role is not None
        and profile.role != cat.parameters["no_role"]
        and profile.role not in cat.jobs
    ):
        what = 'is not a job in the catalog (or "none")'
        yield _unknown(None, "profile.role", profile.role, what, cat.jobs)
    for milestone in profile.completed or ():
        if milestone not in cat.milestones:
            what = "is not a milestone in the catalog"
            yield _unknown(None, "profile.completed", milestone, what, cat.milestones)
    for credential in profile.credentials or ():
        if credential not in cat.credentials:
            what = "is not a credential in the catalog"
            yield _unknown(None, "profile.credentials", credential, what, cat.credentials)


def _unknown(item: str | None, field: str, value: str, what: str, known: Iterable[str]) -> Finding:
    """unknown-reference, with the known id closest to `value` as a suggestion when one is close.

    Only the first SUGGESTIONS_AT_MOST unknown references of a call get a suggestion looked up
    (each costs a pass over the known ids), so a plan with thousands of them checks as fast."""
    parameters = {"field": field, "value": value, "what": what}
    if _SUGGESTED.count < SUGGESTIONS_AT_MOST:
        _SUGGESTED.count += 1
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            parameters["suggestion"] = close[0]
    return "unknown-reference", item, parameters


class _Suggested(threading.local):
    count = 0


_SUGGESTED = _Suggested()
"""How many suggestions the running validation looked up (per thread)."""
SUGGESTIONS_AT_MOST = 20


def bad_term(facts: Facts) -> Iterator[Finding]:
    """A term that is not YYYY-spring, YYYY-summer or YYYY-fall."""
    for record, item, where in _records(facts):
        for name, value in record.invalid.items():
            if record.KINDS[name] == "term":
                yield "bad-term", item, {"field": f"{where}{name}", "value": _short(value)}


def end_before_start(facts: Facts) -> Iterator[Finding]:
    """An item whose end is earlier than its start."""
    for item in facts.plan.items:
        if item.end is not None and item.start is not None and item.end.index < item.start.index:
            yield (
                "end-before-start",
                item.id,
                {"start": str(item.start), "end": str(item.end), "field": "end"},
            )


def after_not_respected(facts: Facts) -> Iterator[Finding]:
    """An item that starts before an item it waits for has ended (in the same term or earlier).

    What an item waits for ends with its own `end`, or in the term it starts when it has none.
    """
    items = facts.by_id
    for item in facts.plan.items:
        if not item.after or item.start is None:
            continue
        for other_id in item.after:
            other = items.get(other_id)
            if other is None or other is item or other.start is None:
                continue
            other_end = other.end if other.end is not None and other.end >= other.start else other.start
            if item.start.index <= other_end.index:
                yield (
                    "after-not-respected",
                    item.id,
                    {"start": str(item.start), "other": other_id, "end": str(other_end), "field": "after"},
                )


def dependency_cycle(facts: Facts) -> Iterator[Finding]:
    """One finding per group of items that wait for each other (a strongly connected component
    of `after`), on its first item in file order, naming one shortest circle through that item.

    Tarjan's algorithm, without recursion: each item and each `after` entry is looked at a
    bounded number of times, so a plan of any shape costs about as much as a chain of its size.
    Circles are never enumerated (a ring where every item also waits for the first holds as many
    circles as items): a group is one finding however many circles it holds.
    """
    items = facts.by_id
    order: dict[str, int] = {}
    for position, item in enumerate(facts.plan.items):
        if item.id is not None:
            order.setdefault(item.id, position)
    for group in _waiting_groups(items):
        first = min(group, key=order.__getitem__)
        yield _cycle_finding(_shortest_circle(items, first, group))


def _waiting_groups(items: dict[str, Item]) -> Iterator[set[str]]:
    """The groups of items that wait for each other, round a circle (Tarjan's strongly connected
    components of `after` of more than one item, or of one that waits for itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root, root_item in items.items():
        if root in index or not root_item.after:  # an item that waits for nothing closes no circle
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(root_item.after))]
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in items:
                    continue
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(items[successor].after or ())))
                    break
                if successor in on_stack and index[successor] < low[node]:
                    low[node] = index[successor]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in (items[node].after or ()):
                        yield group


def _shortest_circle(items: dict[str, Item], first: str, group: set[str]) -> list[str]:
    """A shortest circle from `first` along `after` back to it, inside its group (breadth first)."""
    came_from: dict[str, str] = {}
    queue = [first]
    for node in queue:  # the list grows as it is read: a queue
        for successor in items[node].after or ():
            if successor == first:
                circle = [node]
                while circle[-1] != first:
                    circle.append(came_from[circle[-1]])
                return [first, *reversed(circle[:-1])]
            if successor in group and successor not in came_from:
                came_from[successor] = node
                queue.append(successor)
    return [first]  # not reached: every member of a group is on a circle through `first`


_CIRCLE_SHOWN = 10
"""At most this many items are named in a circle's message; a longer one says how many it skips."""


def _cycle_finding(circle: list[str]) -> Finding:
    """The circle told from its first item, back to it; a long one with its middle counted, not named."""
    named = [f'"{i}"' for i in circle]
    if len(named) > _CIRCLE_SHOWN:
        skipped = len(named) - _CIRCLE_SHOWN + 1
        named = [*named[: _CIRCLE_SHOWN - 2], f"… {skipped:,} more …", named[-1]]
    return "dependency-cycle", circle[0], {"cycle": " waits for ".join([*named, named[0]]), "field": "after"}


def bad_value(facts: Facts) -> Iterator[Finding]:
    """A missing required field, a field of the wrong type, or a value outside its list or range."""
    plan = facts.plan
    for key, value in plan.invalid.items():
        expected = _TOP_LEVEL_WORDS.get(key, "an array of tables")
        yield (
            "bad-value",
            None,
            {"problem": f"{key} should be {expected}, not {_short(value)}.", "field": key},
        )
    if not plan.has_profile and "profile" not in plan.invalid:
        yield (
            "bad-value",
            None,
            {"problem": "The plan has no [profile] table; it needs at least goal and starts."},
        )
    for record, item, where in _records(facts):
        for name, value in record.invalid.items():
            kind = record.KINDS[name]
            if kind != "term":
                yield (
                    "bad-value",
                    item,
                    {
                        "problem": f"{where}{name} should be {_KIND_WORDS[kind]}, not {_short(value)}.",
                        "field": f"{where}{name}",
                    },
                )
    if plan.has_profile:
        yield from _profile_values(facts)
    yield from _item_values(facts)
    for number, comment in enumerate(plan.comments, 1):
        yield from _required(comment, ("author", "text"), None, f"Comment {number}: ")
    for number, waiver in enumerate(plan.waivers, 1):
        yield from _required(waiver, ("rule",), waiver.item, f"Waiver {number}: ")
    for number, approval in enumerate(plan.approvals, 1):
        yield from _required(approval, ("by", "digest"), None, f"Approval {number}: ")


def _profile_values(facts: Facts) -> Iterator[Finding]:
    profile, cat = facts.plan.profile, facts.cat
    yield from _required(profile, ("goal", "starts"), None, "profile.")
    if profile.education is not None and profile.education not in cat.educations:
        yield _outside(profile.education, cat.educations, None, "profile.education")
    for course in profile.high_school_courses or ():
        if course not in cat.high_school_subjects:
            yield _outside(course, cat.high_school_subjects, None, "profile.high_school_courses")
    years, most = profile.healthcare_experience_years, cat.parameters["max_experience_years"]
    if years is not None and not 0 <= years <= most:
        problem = f"profile.healthcare_experience_years is {years}; it must be from 0 to {most}."
        yield "bad-value", None, {"problem": problem, "field": "profile.healthcare_experience_years"}


def _item_values(facts: Facts) -> Iterator[Finding]:
    cat = facts.cat
    statuses, facilities, tracks = cat.statuses, cat.facilities, cat.tracks
    coursework = (*cat.coursework_areas, cat.general_education)
    areas = {"course": coursework, "high-school-course": cat.high_school_subjects}
    for position, item in enumerate(facts.plan.items):
        item_id = item.id
        if item_id is None or item.requirement is None or item.start is None:
            where = f'Item {position + 1} ("{item_id}"): ' if item_id else f"Item {position + 1}: "
            yield from _required(item, ("id", "requirement", "start"), item_id, where)
        if item_id is not None and not _ID_PATTERN.match(item_id):
            problem = f"The id {_short(item_id)} may hold only a-z, 0-9 and -."
            yield "bad-value", item_id, {"problem": problem, "field": "id"}
        if item.status is not None and item.status not in statuses:
            yield _outside(item.status, statuses, item_id, "status")
        if item.facility is not None and item.facility not in facilities:
            yield _outside(item.facility, facilities, item_id, "facility")
        if item.track is not None and item.track not in tracks:
            yield _outside(item.track, tracks, item_id, "track")
        if item.area is not None and item.requirement in areas and item.area not in areas[item.requirement]:
            yield _outside(item.area, areas[item.requirement], item_id, "area")
        for area in item.covers or ():
            if area not in coursework:
                yield _outside(area, coursework, item_id, "covers")
        if item.renews is not None:
            yield from _renews_a_credential(facts, item)


def _renews_a_credential(facts: Facts, item: Item) -> Iterator[Finding]:
    """`renews` names an item that is no credential (one that names nothing is unknown-reference)."""
    target = facts.by_id.get(item.renews)  # type: ignore[arg-type]
    if target is None or item.renews in facts.cat.credentials:
        return
    milestone = facts.cat.milestones.get(target.requirement or "")
    if milestone is not None and milestone.kind != "credential":
        problem = f'renews names "{item.renews}", a {milestone.name.lower()}; it must name a credential.'
        yield "bad-value", item.id, {"problem": problem, "field": "renews"}


def _records(facts: Facts) -> Iterator[tuple[Record, str | None, str]]:
    """The records that may hold ill-typed values, with the item their diagnostics attach to and
    how a message names them."""
    plan = facts.plan
    if plan.has_profile:
        yield plan.profile, None, "profile."
    for position, item in facts.ill_typed:
        yield item, item.id, "" if item.id is not None else f"Item {position + 1}: "
    for label, records in (
        ("Comment", plan.comments),
        ("Waiver", plan.waivers),
        ("Approval", plan.approvals),
    ):
        for number, record in enumerate(records, 1):
            if record.invalid:
                yield (
                    record,
                    getattr(record, "item", None) if label == "Waiver" else None,
                    f"{label} {number}: ",
                )


def _required(record: Record, names: tuple[str, ...], item: str | None, where: str) -> Iterator[Finding]:
    for name in names:
        if getattr(record, name) is None and name not in record.invalid:
            yield (
                "bad-value",
                item,
                {"problem": f"{where}{name} is missing; it is required.", "field": f"{where}{name}"},
            )


def _outside(value: Any, allowed: tuple[str, ...], item: str | None, field: str) -> Finding:
    """bad-value for a value outside its list."""
    return (
        "bad-value",
        item,
        {"problem": f"{field} is {_short(value)}; it must be one of: {', '.join(allowed)}.", "field": field},
    )


STRUCTURE_RULES: tuple[Callable[[Facts], Iterator[Finding]], ...] = (
    duplicate_id,
    unknown_reference,
    bad_term,
    end_before_start,
    after_not_respected,
    dependency_cycle,
    bad_value,
)


# --- the sharing rules ------------------------------------------------------------------------


def approval_rules(plan: Plan, digest: str | None = None) -> Iterator[Finding]:
    """approval-outdated: each approver's latest approval that no longer matches the plan.

    `digest` is the plan's digest when the caller has it already (it costs a pass over the plan).
    """
    if not plan.approvals:
        return
    if digest is None:
        from planner.core.digest import plan_digest

        digest = plan_digest(plan)
    latest = {}
    for number, approval in enumerate(plan.approvals, 1):
        latest[approval.by] = number, approval
    for number, approval in latest.values():
        if approval.digest is not None and approval.digest != digest:
            yield (
                "approval-outdated",
                None,
                {
                    "by": approval.by or "someone",
                    "date": approval.date.isoformat() if approval.date else "an unknown date",
                    "field": f"Approval {number}: digest",
                },
            )


def apply_waivers(plan: Plan, diagnostics: list[Diagnostic], cat: Catalog) -> list[Diagnostic]:
    """Mark diagnostics that a waiver silences; report waivers that match none (waiver-stale)."""
    if not plan.waivers:
        return diagnostics
    by_key: dict[tuple[str, str | None], Any] = {}
    for waiver in plan.waivers:
        if waiver.rule is not None:
            by_key.setdefault((waiver.rule, waiver.item), waiver)
    used: set[int] = set()
    for diagnostic in diagnostics:
        waiver = by_key.get((diagnostic.rule, diagnostic.item))
        if waiver is not None:
            diagnostic.waived = waiver
            used.add(id(waiver))
    rule = cat.rules["waiver-stale"]
    for number, waiver in enumerate(plan.waivers, 1):
        if (
            waiver.rule is not None
            and id(waiver) not in used
            and by_key.get((waiver.rule, waiver.item)) is waiver
        ):
            message = rule.message.format(rule=waiver.rule, by=waiver.by or "someone")
            where = {"field": f"Waiver {number}: rule"}
            diagnostics.append(Diagnostic(rule.severity, rule.id, waiver.item, message, rule.source, where))
    return diagnostics


# --- the whole pass ---------------------------------------------------------------------------


def validate(plan: Plan, cat: Catalog | None = None, digest: str | None = None) -> list[Diagnostic]:
    """Every diagnostic for `plan`: errors first, then warnings, then suggestions.

    `digest` is the plan's `plan_digest`, when the caller has computed it already.
    """
    cat = cat or catalog()
    facts = Facts(plan, cat)
    rules = cat.rules
    diagnostics = []
    _SUGGESTED.count = 0
    findings = [rule(facts) for rule in STRUCTURE_RULES + SEED_RULES]
    findings.append(approval_rules(plan, digest))
    for found in findings:
        for rule_id, item, parameters in found:
            rule = rules[rule_id]
            message = rule.message.format(**parameters)
            suggestion = parameters.get("suggestion")
            if suggestion is not None:
                message = f'{message.rstrip(".")}; did you mean "{suggestion}"?'
            diagnostics.append(
                Diagnostic(rule.severity, rule_id, item, message, rule.source, parameters, suggestion)
            )
    apply_waivers(plan, diagnostics, cat)
    diagnostics.sort(key=lambda d: SEVERITY_ORDER[d.severity])
    return diagnostics


def counts(diagnostics: list[Diagnostic]) -> dict[str, int]:
    """How many diagnostics of each severity are not waived."""
    result = {"error": 0, "warning": 0, "suggestion": 0}
    for diagnostic in diagnostics:
        if diagnostic.waived is None:
            result[diagnostic.severity] += 1
    return result


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """True when some error is not waived."""
    return any(d.severity == "error" and d.waived is None for d in diagnostics)
