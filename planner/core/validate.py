"""Validation: a plan in, diagnostics out.

Each rule of the catalog (requirements.py) has one function here that decides where it fires;
the rule's severity, source, sentences and message text come from the catalog. The functions
share a `Facts` object that reads the plan once: every item placed in time, jobs in order, what
the profile counts as done or held. The whole pass is O(n log n) in the number of items.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any

from planner.core.catalog import Catalog, Milestone, catalog
from planner.core.model import Item, Plan, Record
from planner.core.terms import Term

SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
_NEVER = 10**9
"""A term index later than any real term: 'not held in the plan'."""


class Diagnostic:
    """One finding about a plan: which rule, on which item, in plain words, citing the seed."""

    __slots__ = ("severity", "rule", "item", "message", "source", "waived")

    def __init__(self, severity: str, rule: str, item: str | None, message: str, source: str | None) -> None:
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

    def to_json(self) -> dict[str, Any]:
        """The diagnostic as `check --format json` prints it."""
        data: dict[str, Any] = {
            "severity": self.severity,
            "rule": self.rule,
            "item": self.item,
            "message": self.message,
            "source": self.source,
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
        self.experience_terms: int = cat.parameters["experience_terms"]
        profile = plan.profile
        self.profile = profile

        placed: list[Placed] = []
        milestones = cat.milestones
        for position, item in enumerate(plan.items):
            milestone = milestones.get(item.requirement) if item.requirement else None
            if milestone is None or item.start is None:
                continue
            start = item.start.index
            end = item.end.index if item.end is not None and item.end.index >= start else start
            placed.append(Placed(item, milestone, start, end, position))
        self.placed = placed

        last = plan.last_term()
        self.plan_end: int | None = last.index if last else None
        starts = profile.starts
        self.plan_start: int | None = (
            starts.index if starts else (min((p.start for p in placed), default=None))
        )

        # Jobs: a job without `end` runs until the next job starts, or else to the plan's end.
        jobs = sorted((p for p in placed if p.milestone.is_job), key=lambda p: (p.start, p.position))
        job_starts = [job.start for job in jobs]
        for job in jobs:
            if job.item.end is None:
                following = bisect.bisect_right(job_starts, job.start)
                if following < len(jobs):
                    job.end = max(job.start, jobs[following].start - 1)
                elif self.plan_end is not None:
                    job.end = max(job.start, self.plan_end)
        self.jobs = jobs
        self.jobs_by_end = sorted(jobs, key=lambda p: (p.end, p.start, p.position))
        self.job_ends = [job.end for job in self.jobs_by_end]

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
        rhit_starts = [p.start for p in placed if p.milestone.id == "rhit"]
        self.rhit_from = -_NEVER if "rhit" in self.held else min(rhit_starts, default=_NEVER)

    def of(self, milestone_id: str) -> list[Placed]:
        """The placed items that name this milestone."""
        return [p for p in self.placed if p.milestone.id == milestone_id]

    def first_end(self, predicate: Callable[[Placed], bool]) -> int:
        """The earliest last term among placed items that match, or a term after every other."""
        return min((p.end for p in self.placed if predicate(p)), default=_NEVER)

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
    degree_end = facts.first_end(lambda p: p.milestone.id == "associate-hit" and facts.accredited(p.item))
    other = [
        p
        for p in facts.placed
        if (p.milestone.kind in ("degree", "certificate-program") and not facts.accredited(p.item))
        or p.milestone.kind in ("training", "job")
    ]
    other.sort(key=lambda p: (p.start, p.position))
    completed_other = [
        m
        for m in sorted(facts.done)
        if facts.cat.milestones[m].kind in ("training", "certificate-program") or m == "bachelor-hia"
    ]
    for exam in facts.of("rhit-exam"):
        if degree_end < exam.start:
            continue
        yield "rhit-exam-needs-cahiim-associate", exam.item.id, {}
        preparation = next((p for p in other if p.end < exam.start), None)
        if preparation is not None:
            label = _label(preparation)
            if preparation.milestone.kind in ("degree", "certificate-program"):
                label += ", not accredited by CAHIIM,"
            yield "rhit-not-via-other-training", exam.item.id, {"preparation": label}
        elif facts.role is not None:
            yield (
                "rhit-not-via-other-training",
                exam.item.id,
                {"preparation": f"Your work as {facts.role.name.lower()}"},
            )
        elif completed_other:
            yield (
                "rhit-not-via-other-training",
                exam.item.id,
                {"preparation": f"Your completed {facts.cat.name_of(completed_other[0])}"},
            )


def rhit_needs_exam(facts: Facts) -> Iterator[Finding]:
    """An RHIT credential needs the exam before it."""
    if "rhit-exam" in facts.done:
        return
    exam_end = facts.first_end(lambda p: p.milestone.id == "rhit-exam")
    for credential in facts.of("rhit"):
        if exam_end >= credential.start:
            yield "rhit-needs-exam", credential.item.id, {}


def associate_coursework(facts: Facts) -> Iterator[Finding]:
    """An associate degree whose given coursework misses some of the nine areas."""
    courses = sorted(
        (p.start, p.end, p.item.area) for p in facts.placed if p.milestone.id == "course" and p.item.area
    )
    course_starts = [course[0] for course in courses]
    placed_by_item = {id(p.item): p for p in facts.placed if p.milestone.id == "associate-hit"}
    for item in facts.plan.items:
        if item.requirement != "associate-hit":
            continue
        areas = set(item.covers or ())
        degree = placed_by_item.get(id(item))
        if degree is not None:
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
    courses = [p for p in facts.placed if p.milestone.id == "high-school-course"]
    for degree in facts.of("associate-hit"):
        planned = taken | {p.item.area for p in courses if p.end < degree.start}
        missing = [s for s in facts.cat.high_school_subjects if s not in planned]
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
    if first is not None and not any(job.end < first.start for job in facts.jobs):
        yield "healthcare-experience", first.item.id, {}


def no_coding_degree(facts: Facts) -> Iterator[Finding]:
    """A degree in coding, which does not exist."""
    for item in facts.plan.items:
        milestone = facts.cat.milestones.get(item.requirement or "")
        if milestone and milestone.kind == "degree" and item.field and "coding" in item.field.lower():
            yield "no-coding-degree", item.id, {}


def skills_learned_on_the_job(facts: Facts) -> Iterator[Finding]:
    """A coding or registry job with no job before it."""
    if facts.role is not None:
        return
    for job in facts.jobs:
        if job.milestone.id in ("coding-specialist", "cancer-registrar"):
            if not any(other.end < job.start for other in facts.jobs if other is not job):
                yield "skills-learned-on-the-job", job.item.id, {}


def specialisation_credential(facts: Facts) -> Iterator[Finding]:
    """A specialisation whose credential is neither held nor planned."""
    requirements = {item.requirement for item in facts.plan.items}
    for special in facts.cat.specialisations.values():
        jobs = [job for job in facts.jobs if job.milestone.id == special.job]
        if not jobs and special.job not in requirements and facts.profile.goal != special.goal:
            continue
        if special.credential in facts.held or special.credential in requirements:
            continue
        item = (
            jobs[0].item.id
            if jobs
            else next((i.id for i in facts.plan.items if i.requirement == special.job), None)
        )
        yield (
            "specialisation-credential",
            item,
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
    renewals: dict[str, list[int]] = {}
    for p in facts.placed:
        if p.milestone.id == "continuing-education" and p.item.renews:
            renewals.setdefault(p.item.renews, []).append(p.start)
    held: list[tuple[str | None, str, int]] = []
    if facts.plan_start is not None:
        held += [(None, credential, facts.plan_start) for credential in facts.held_in_profile]
    held += [(p.item.id, p.milestone.id, p.start) for p in facts.placed if p.milestone.kind == "credential"]
    for item_id, credential, start in held:
        dates = sorted(renewals.get(credential, []) + (renewals.get(item_id, []) if item_id else []))
        last = start
        for renewal in dates + [max(facts.plan_end, start)]:
            if renewal < last:
                continue
            if renewal - last > limit:
                name = facts.cat.name_of(credential)
                label = f'{name} "{item_id}"' if item_id else f"{name} you hold"
                yield (
                    "credential-renewal",
                    item_id,
                    {
                        "credential": label,
                        "terms": renewal - last,
                        "start": str(Term(last)),
                        "end": str(Term(renewal)),
                        "note": facts.cat.parameters["renewal_source_note"],
                    },
                )
                break
            last = renewal


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
    if "bachelor-hia" in facts.done:
        return
    bachelor_end = facts.first_end(lambda p: p.milestone.id == "bachelor-hia")
    for job in facts.jobs:
        if job.milestone.id == "director" and job.item.facility == "large" and bachelor_end >= job.start:
            yield "director-large-needs-bachelor", job.item.id, {}


def clerk_promotion(facts: Facts) -> Iterator[Finding]:
    """A technician job right after clerk work, without two years as clerk or in-house training."""
    training_end = (
        -_NEVER
        if "in-house-training" in facts.done
        else facts.first_end(lambda p: p.milestone.id == "in-house-training")
    )
    clerk_role = facts.role is not None and facts.role.id == "health-information-clerk"
    for job in facts.jobs:
        if job.milestone.id != "health-information-technician":
            continue
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
        if training_end >= job.start:
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


def _invalid_fields(record: Record, item: str | None, where: str) -> Iterator[Finding]:
    """bad-term and bad-value for fields whose value has the wrong type or form."""
    for name, value in record.invalid.items():
        kind = record.KINDS[name]
        if kind == "term":
            yield "bad-term", item, {"field": f"{where}{name}", "value": _short(value)}
        else:
            yield (
                "bad-value",
                item,
                {"problem": f"{where}{name} should be {_KIND_WORDS[kind]}, not {_short(value)}."},
            )


def _required(record: Record, names: tuple[str, ...], item: str | None, where: str) -> Iterator[Finding]:
    for name in names:
        if getattr(record, name) is None and name not in record.invalid:
            yield "bad-value", item, {"problem": f"{where}{name} is missing; it is required."}


def _one_of(
    value: Any, allowed: tuple[str, ...] | set[str], item: str | None, field: str
) -> Iterator[Finding]:
    if value is not None and value not in allowed:
        yield (
            "bad-value",
            item,
            {"problem": f"{field} is {_short(value)}; it must be one of: {', '.join(allowed)}."},
        )


def structure_rules(facts: Facts) -> Iterator[Finding]:
    """duplicate-id, unknown-reference, bad-term, end-before-start, after-not-respected,
    dependency-cycle and bad-value."""
    plan, cat = facts.plan, facts.cat
    milestones = cat.milestones

    for key, value in plan.invalid.items():
        expected = "text" if key == "title" else "a table" if key == "profile" else "an array of tables"
        yield "bad-value", None, {"problem": f"{key} should be {expected}, not {_short(value)}."}

    yield from profile_rules(facts)

    ids: set[str] = set()
    ends: dict[str, Item] = {}
    course_areas = set(cat.coursework_areas) | {cat.general_education}
    for position, item in enumerate(plan.items):
        item_id = item.id
        where = f'Item {position + 1} ("{item_id}"): ' if item_id else f"Item {position + 1}: "
        yield from _required(item, ("id", "requirement", "start"), item_id, where)
        yield from _invalid_fields(item, item_id, "")
        if item_id is not None:
            if item_id in ids:
                yield "duplicate-id", item_id, {"id": item_id}
            else:
                ids.add(item_id)
                ends[item_id] = item
            if not _ID_PATTERN.match(item_id):
                yield (
                    "bad-value",
                    item_id,
                    {"problem": f"The id {_short(item_id)} may hold only a-z, 0-9 and -."},
                )
        requirement = item.requirement
        if requirement is not None and requirement not in milestones:
            yield (
                "unknown-reference",
                item_id,
                {"field": "requirement", "value": requirement, "what": "is not a milestone in the catalog"},
            )
        if item.start is not None and item.end is not None and item.end.index < item.start.index:
            yield "end-before-start", item_id, {"start": str(item.start), "end": str(item.end)}
        yield from _one_of(item.status, cat.statuses, item_id, "status")
        yield from _one_of(item.facility, cat.facilities, item_id, "facility")
        yield from _one_of(item.track, cat.tracks, item_id, "track")
        if item.area is not None:
            if requirement == "course":
                yield from _one_of(item.area, sorted(course_areas), item_id, "area")  # type: ignore[arg-type]
            elif requirement == "high-school-course":
                yield from _one_of(item.area, cat.high_school_subjects, item_id, "area")
        for area in item.covers or ():
            yield from _one_of(area, sorted(course_areas), item_id, "covers")  # type: ignore[arg-type]

    for item in plan.items:
        for other_id in item.after or ():
            other = ends.get(other_id)
            if other is None:
                yield (
                    "unknown-reference",
                    item.id,
                    {"field": "after", "value": other_id, "what": "is not the id of an item in this plan"},
                )
                continue
            if item.start is None or other.start is None or other is item:
                continue
            other_end = other.end if other.end is not None and other.end >= other.start else other.start
            if item.start.index <= other_end.index:
                yield (
                    "after-not-respected",
                    item.id,
                    {"start": str(item.start), "other": other_id, "end": str(other_end)},
                )
        if item.renews is not None and item.renews not in ends and item.renews not in cat.credentials:
            yield (
                "unknown-reference",
                item.id,
                {
                    "field": "renews",
                    "value": item.renews,
                    "what": "is neither an item of this plan nor a credential in the catalog",
                },
            )

    yield from _cycles(plan, ends)

    for number, comment in enumerate(plan.comments, 1):
        where = f"Comment {number}: "
        yield from _required(comment, ("author", "text"), None, where)
        yield from _invalid_fields(comment, None, where)
        if comment.item is not None and comment.item not in ends:
            yield (
                "unknown-reference",
                None,
                {
                    "field": f"{where}item",
                    "value": comment.item,
                    "what": "is not the id of an item in this plan",
                },
            )
    for number, waiver in enumerate(plan.waivers, 1):
        where = f"Waiver {number}: "
        yield from _required(waiver, ("rule",), waiver.item, where)
        yield from _invalid_fields(waiver, waiver.item, where)
    for number, approval in enumerate(plan.approvals, 1):
        where = f"Approval {number}: "
        yield from _required(approval, ("by", "digest"), None, where)
        yield from _invalid_fields(approval, None, where)


def profile_rules(facts: Facts) -> Iterator[Finding]:
    """Plan-structure rules on the [profile] table."""
    plan, cat = facts.plan, facts.cat
    profile = plan.profile
    if not plan.has_profile:
        if "profile" not in plan.invalid:
            yield (
                "bad-value",
                None,
                {"problem": "The plan has no [profile] table; it needs at least goal and starts."},
            )
        return
    where = "profile."
    yield from _required(profile, ("goal", "starts"), None, where)
    yield from _invalid_fields(profile, None, where)
    if profile.goal is not None and profile.goal not in cat.goals:
        yield (
            "unknown-reference",
            None,
            {
                "field": "profile.goal",
                "value": profile.goal,
                "what": "is not a goal; goals are " + ", ".join(cat.goals),
            },
        )
    if (
        profile.role is not None
        and profile.role != cat.parameters["no_role"]
        and profile.role not in cat.jobs
    ):
        yield (
            "unknown-reference",
            None,
            {
                "field": "profile.role",
                "value": profile.role,
                "what": 'is not a job in the catalog (or "none")',
            },
        )
    for milestone in profile.completed or ():
        if milestone not in cat.milestones:
            yield (
                "unknown-reference",
                None,
                {
                    "field": "profile.completed",
                    "value": milestone,
                    "what": "is not a milestone in the catalog",
                },
            )
    for credential in profile.credentials or ():
        if credential not in cat.credentials:
            yield (
                "unknown-reference",
                None,
                {
                    "field": "profile.credentials",
                    "value": credential,
                    "what": "is not a credential in the catalog",
                },
            )
    yield from _one_of(profile.education, cat.educations, None, "profile.education")
    for course in profile.high_school_courses or ():
        yield from _one_of(course, cat.high_school_subjects, None, "profile.high_school_courses")
    years = profile.healthcare_experience_years
    if years is not None and not 0 <= years <= cat.parameters["max_experience_years"]:
        yield (
            "bad-value",
            None,
            {
                "problem": f"profile.healthcare_experience_years is {years}; it must be from 0 to "
                f"{cat.parameters['max_experience_years']}."
            },
        )


def _cycles(plan: Plan, items: dict[str, Item]) -> Iterator[Finding]:
    """One dependency-cycle finding per cycle in `after`, on its first item in file order."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    reported: set[frozenset[str]] = set()
    for root in items:
        if root in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(items[root].after or ()))]
        state[root] = 1
        path.append(root)
        while stack:
            node, successors = stack[-1]
            for successor in successors:
                if successor not in items:
                    continue
                if state.get(successor) == 1:
                    cycle = path[path.index(successor) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        order = {item.id: n for n, item in enumerate(plan.items)}
                        first = min(cycle, key=lambda i: order.get(i, 0))
                        at = cycle.index(first)
                        ring = cycle[at:] + cycle[:at] + [first]
                        yield "dependency-cycle", first, {"cycle": " waits for ".join(f'"{i}"' for i in ring)}
                elif successor not in state:
                    state[successor] = 1
                    path.append(successor)
                    stack.append((successor, iter(items[successor].after or ())))
                    break
            else:
                state[node] = 2
                path.pop()
                stack.pop()


# --- the sharing rules ------------------------------------------------------------------------


def approval_rules(plan: Plan) -> Iterator[Finding]:
    """approval-outdated: each approver's latest approval that no longer matches the plan."""
    if not plan.approvals:
        return
    from planner.core.digest import plan_digest

    digest = plan_digest(plan)
    latest = {}
    for approval in plan.approvals:
        latest[approval.by] = approval
    for approval in latest.values():
        if approval.digest is not None and approval.digest != digest:
            yield (
                "approval-outdated",
                None,
                {
                    "by": approval.by or "someone",
                    "date": approval.date.isoformat() if approval.date else "an unknown date",
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
    for waiver in plan.waivers:
        if (
            waiver.rule is not None
            and id(waiver) not in used
            and by_key.get((waiver.rule, waiver.item)) is waiver
        ):
            message = rule.message.format(rule=waiver.rule, by=waiver.by or "someone")
            diagnostics.append(Diagnostic(rule.severity, rule.id, waiver.item, message, rule.source))
    return diagnostics


# --- the whole pass ---------------------------------------------------------------------------


def validate(plan: Plan, cat: Catalog | None = None) -> list[Diagnostic]:
    """Every diagnostic for `plan`: errors first, then warnings, then suggestions."""
    cat = cat or catalog()
    facts = Facts(plan, cat)
    rules = cat.rules
    diagnostics = []
    findings: list[Iterator[Finding]] = [structure_rules(facts)]
    findings += [rule(facts) for rule in SEED_RULES]
    findings.append(approval_rules(plan))
    for found in findings:
        for rule_id, item, parameters in found:
            rule = rules[rule_id]
            diagnostics.append(
                Diagnostic(rule.severity, rule_id, item, rule.message.format(**parameters), rule.source)
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
