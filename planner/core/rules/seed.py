"""The rules of the seed: one function each, deciding where a rule of the catalog fires.

Each yields findings (rule id, item, message parameters); the rule's severity, source, sentences
and message text come from the catalog.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from planner.core.diagnostic import Finding
from planner.core.model import Item
from planner.core.placed import NEVER, Facts, Placed, describe_terms
from planner.core.terms import Term


def _label(placed: Placed) -> str:
    return f'{placed.milestone.name} "{placed.item.id}"'


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
    first: tuple[int, int, str] = (NEVER, 0, "")
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
        first_taken[subject] = min(course.end, first_taken.get(subject, NEVER))
    for degree in facts.of("associate-hit"):
        missing = [
            subject
            for subject in facts.cat.high_school_subjects
            if subject not in taken and first_taken.get(subject, NEVER) >= degree.start
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
