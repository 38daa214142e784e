"""The rules that fit no rule kind, each registered under its rule's id.

A pack's rule with `kind = "named"` is decided by the function registered here under its id;
its severity, message and source still come from the pack. The seed's rules that compare one
job with the one before it, or read the profile's high-school courses, are such rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from planner.core.catalog import Rule
from planner.core.placed import NEVER, Facts, describe_terms
from planner.core.rules.kinds import Found


def high_school_preparation(facts: Facts, rule: Rule) -> Iterator[Found]:
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
            yield degree.item.id, {"missing": _and(missing)}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def healthcare_experience(facts: Facts, rule: Rule) -> Iterator[Found]:
    """The first technician-level job, with no experience before it."""
    if facts.years:
        return
    first = next((job for job in facts.jobs if job.milestone.rank), None)
    if first is not None and facts.first_job_end >= first.start:
        yield first.item.id, {}


def skills_learned_on_the_job(facts: Facts, rule: Rule) -> Iterator[Found]:
    """A coding or registry job with no job before it (nor a role in the profile)."""
    if facts.role is not None:
        return
    for job in facts.jobs:
        if job.milestone.id in ("coding-specialist", "cancer-registrar") and facts.first_job_end >= job.start:
            yield job.item.id, {}


def specialisation_credential(facts: Facts, rule: Rule) -> Iterator[Found]:
    """A specialisation (the goal or a job) whose credential is neither held nor planned."""
    for special in facts.cat.specialisations.values():
        jobs = facts.named.get(special.job, [])
        if not jobs and facts.profile.goal != special.goal:
            continue
        counting = facts.cat.counting_as.get(special.credential, (special.credential,))
        if special.credential in facts.held or any(c in facts.named for c in counting):
            continue
        placed = [job for job in facts.jobs if job.milestone.id == special.job]
        first = placed[0].item if placed else jobs[0] if jobs else None
        yield (
            first.id if first is not None else None,
            {
                "specialisation": special.name,
                "credential": facts.cat.name_of(special.credential).lower(),
            },
        )


def advancement_needs_experience(facts: Facts, rule: Rule) -> Iterator[Found]:
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
            job.item.id,
            {
                "previous": name.lower(),
                "years": describe_terms(terms),
            },
        )


def clerk_promotion(facts: Facts, rule: Rule) -> Iterator[Found]:
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
            yield job.item.id, {"problem": " and ".join(problems)}


NAMED: dict[str, Callable[[Facts, Rule], Iterator[Found]]] = {
    "high-school-preparation": high_school_preparation,
    "healthcare-experience": healthcare_experience,
    "skills-learned-on-the-job": skills_learned_on_the_job,
    "specialisation-credential": specialisation_credential,
    "advancement-needs-experience": advancement_needs_experience,
    "clerk-promotion": clerk_promotion,
}
"""The registered rules, by rule id."""
