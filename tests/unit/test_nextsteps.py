"""Next steps: the goal's path, laid out term by term; taking every step leaves no error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.model import Plan
from planner.core.nextsteps import NextStep, next_steps, take
from planner.core.packs import default_pack
from planner.core.terms import Term
from planner.core.validate import has_errors, validate
from tests.unit.plan_builders import assert_clean, degree, exam, item, job, plan, rhit, take_all

GOALS = sorted(default_pack().goals)
JOBS = sorted(default_pack().jobs)
CREDENTIALS = sorted(default_pack().credentials)
MILESTONES = sorted(default_pack().milestones)

RHIT_STEPS = [
    ("associate-hit", "2027-fall", "2029-spring", {"accredited_by": "CAHIIM"}, "P5"),
    ("rhit-exam", "2029-summer", "2029-summer", {}, "P5"),
    ("rhit", "2029-fall", "2029-fall", {}, "P5"),
]


def technician_step(fields: dict[str, str], source: str) -> tuple[str, str, str, dict[str, str], str]:
    return ("health-information-technician", "2030-spring", "2031-fall", fields, source)


# Each goal from an empty plan starting 2027-fall: (id, start, end, fields besides `after`, source).
EXPECTED = {
    "rhit": RHIT_STEPS,
    "coding-specialist": RHIT_STEPS
    + [
        technician_step({}, "P7, P10"),
        ("coding-certification", "2032-spring", "2032-spring", {"issuer": "AAPC"}, "P8, P9"),
        ("coding-specialist", "2032-summer", "2034-spring", {}, "P7"),
    ],
    "cancer-registrar": RHIT_STEPS
    + [
        technician_step({}, "P7, P10"),
        ("intensive-training", "2032-spring", "2032-spring", {"track": "cancer-registry"}, "P8"),
        ("cancer-registry-certification", "2032-summer", "2032-summer", {"issuer": "NCRA"}, "P9"),
        ("cancer-registrar", "2032-fall", "2034-summer", {}, "P7"),
    ],
    "privacy-security": RHIT_STEPS
    + [
        technician_step({}, "P7, P10"),
        ("chps", "2032-spring", "2032-spring", {"issuer": "AHIMA"}, "P9"),
        ("privacy-security-specialist", "2032-summer", "2034-spring", {}, "P7"),
    ],
    "section-supervisor": RHIT_STEPS
    + [
        technician_step({"facility": "large"}, "P9, P10"),
        ("section-supervisor", "2032-spring", "2033-fall", {"facility": "large"}, "P9"),
    ],
    "director-small-facility": RHIT_STEPS
    + [
        technician_step({"facility": "small"}, "P10"),
        ("director", "2032-spring", "2033-fall", {"facility": "small"}, "P10"),
    ],
    "director-large-facility": RHIT_STEPS
    + [
        technician_step({"facility": "large"}, "P10"),
        ("bachelor-hia", "2032-spring", "2033-summer", {"field": "health-information-administration"}, "P10"),
        ("director", "2033-fall", "2035-summer", {"facility": "large"}, "P10"),
    ],
    "clerk-to-technician": [
        ("health-information-clerk", "2027-fall", "2029-summer", {}, "P10"),
        ("in-house-training", "2029-fall", "2029-fall", {}, "P10"),
        ("health-information-technician", "2030-spring", "2031-fall", {}, "P10"),
    ],
}


def laid_out(steps: list[NextStep]) -> list[tuple[str, str, str, dict[str, Any], str]]:
    """The steps as (id, start, end, fields without `after`, source)."""
    return [
        (
            step.id,
            str(step.start),
            str(step.end),
            {k: v for k, v in step.fields.items() if k != "after"},
            step.source,
        )
        for step in steps
    ]


def path_steps(subject: Plan, **options: Any) -> list[NextStep]:
    """The next steps on the goal's path, without the continuing education proposed beside them."""
    return [step for step in next_steps(subject, **options) if step.requirement != "continuing-education"]


def empty(goal: str, starts: str = "2027-fall", **profile: Any) -> Plan:
    return plan(goal=goal, starts=starts, **profile)


# --- from an empty plan -----------------------------------------------------------------------


def test_every_goal_is_expected() -> None:
    assert sorted(EXPECTED) == GOALS


@pytest.mark.parametrize("goal", GOALS)
def test_from_an_empty_plan_the_steps_are_the_goals_path(goal: str) -> None:
    steps = path_steps(empty(goal))
    assert laid_out(steps) == EXPECTED[goal]
    assert [step.requirement for step in steps] == [s.milestone.id for s in default_pack().goals[goal].path]
    assert all(step.reason and step.name for step in steps)


@pytest.mark.parametrize("goal", GOALS)
def test_each_step_waits_for_the_one_before_it(goal: str) -> None:
    steps = path_steps(empty(goal))
    assert "after" not in steps[0].fields
    for before, step in zip(steps, steps[1:], strict=False):
        assert step.fields["after"] == [before.id]
        assert step.start == before.end.next()


@pytest.mark.parametrize("goal", GOALS)
def test_taking_every_step_leaves_no_error_and_nothing_to_do(goal: str) -> None:
    subject = take_all(empty(goal))
    assert_clean(subject)
    assert next_steps(subject) == []


def test_the_rhit_example_of_cli_md_is_reproduced_exactly() -> None:
    example = json.loads(
        """
        {"file": "plans/alex.toml", "goal": "rhit",
         "steps": [
           {"id": "associate-hit", "requirement": "associate-hit", "start": "2027-fall", "end": "2029-spring",
            "fields": {"accredited_by": "CAHIIM"}, "reason": "…", "source": "P5"},
           {"id": "rhit-exam", "requirement": "rhit-exam", "start": "2029-summer", "end": "2029-summer",
            "fields": {"after": ["associate-hit"]}, "reason": "…", "source": "P5"},
           {"id": "rhit", "requirement": "rhit", "start": "2029-fall", "end": "2029-fall",
            "fields": {"after": ["rhit-exam"]}, "reason": "…", "source": "P5"}
         ]}
        """
    )
    steps = [step.to_json() for step in path_steps(empty("rhit"))]
    for step in steps:
        assert step["reason"].endswith(".") and len(step["reason"]) > 20
        step["reason"] = "…"
    assert steps == example["steps"]
    assert [list(step) for step in steps] == [list(step) for step in example["steps"]]


def test_the_step_becomes_an_item_with_its_id_terms_and_fields() -> None:
    subject = empty("rhit")
    first, second, _ = path_steps(subject)
    added = take(subject, first)
    assert added.to_toml() == {
        "id": "associate-hit",
        "requirement": "associate-hit",
        "start": "2027-fall",
        "end": "2029-spring",
        "accredited_by": "CAHIIM",
    }
    assert second.to_item().after == ["associate-hit"]


def test_no_goal_no_steps() -> None:
    assert next_steps(plan(goal=None)) == []
    assert next_steps(plan(goal="astronaut")) == []


def test_without_a_start_term_the_steps_start_today() -> None:
    steps = path_steps(plan(starts=None), today=Term.parse("2030-spring"))
    assert str(steps[0].start) == "2030-spring"


def test_ids_already_used_in_the_plan_are_not_reused() -> None:
    subject = plan(
        item("rhit", "course", "2026-fall", area="statistics"),
        item("rhit-exam", "course", "2026-fall", area="math"),
    )
    steps = path_steps(subject)
    assert [step.id for step in steps] == ["associate-hit", "rhit-exam-2", "rhit-2"]
    assert steps[2].fields["after"] == ["rhit-exam-2"]
    take_all(subject)
    assert [d.rule for d in validate(subject) if d.severity == "error"] == ["bad-value"]  # the course's area


# --- partly built plans -----------------------------------------------------------------------

PREFIXES = [(goal, k) for goal in GOALS for k in range(1, len(default_pack().goals[goal].path))]


@pytest.mark.parametrize(("goal", "k"), PREFIXES)
def test_with_the_first_steps_taken_the_rest_follow_them(goal: str, k: int) -> None:
    subject = empty(goal)
    for step in path_steps(subject)[:k]:
        take(subject, step)
    rest = path_steps(subject)
    assert laid_out(rest) == EXPECTED[goal][k:]
    assert rest[0].fields["after"] == [subject.items[-1].id]
    take_all(subject)
    assert_clean(subject)


@pytest.mark.parametrize(("goal", "k"), PREFIXES)
def test_the_first_new_step_starts_after_the_latest_item_on_the_path(goal: str, k: int) -> None:
    subject = empty(goal)
    steps = path_steps(subject)
    shift = 4  # the items were taken later than proposed
    for step in steps[:k]:
        step.start, step.end = step.start.shift(shift), step.end.shift(shift)
        take(subject, step)
    latest = max(item.end or item.start for item in subject.items)
    rest = path_steps(subject)
    assert rest[0].start == latest.next()
    assert len(rest) == len(steps) - k
    assert_clean(take_all(subject))


def profile_facts(goal: str, k: int, years: float) -> dict[str, Any]:
    """The first k milestones of the goal's path as the profile would state them."""
    completed: list[str] = []
    credentials: list[str] = []
    role = "none"
    for step in default_pack().goals[goal].path[:k]:
        milestone = step.milestone
        if milestone.is_job:
            role = milestone.id
        elif milestone.kind == "credential":
            credentials.append(milestone.id)
        else:
            completed.append(milestone.id)
    return {
        "completed": completed,
        "credentials": credentials,
        "role": role,
        "healthcare_experience_years": years,
    }


@pytest.mark.parametrize(("goal", "k"), PREFIXES)
def test_milestones_done_before_the_plan_are_not_proposed(goal: str, k: int) -> None:
    subject = empty(goal, **profile_facts(goal, k, years=2))
    steps = path_steps(subject)
    assert laid_out(steps)[0][0] == EXPECTED[goal][k][0]
    assert [step.requirement for step in steps] == [
        s.milestone.id for s in default_pack().goals[goal].path[k:]
    ]
    assert str(steps[0].start) == "2027-fall"
    assert_clean(take_all(subject))


@pytest.mark.parametrize("goal", [goal for goal in GOALS if goal != "rhit"])
@pytest.mark.parametrize("years", [0, 1, 1.5, 2, 5])
def test_a_role_on_the_path_counts_its_years(goal: str, years: float) -> None:
    path = default_pack().goals[goal].path
    position = next(n for n, step in enumerate(path) if step.experience)
    role = path[position].milestone.id
    subject = empty(goal, role=role, healthcare_experience_years=years)
    steps = path_steps(subject)
    if years >= 2:
        # two years in the role: the job is not proposed again
        assert [step.requirement for step in steps] == [s.milestone.id for s in path[position + 1 :]]
    else:
        # less: the job is proposed for the remaining terms, the milestones before it count as covered
        assert steps[0].requirement == role
        assert steps[0].end.index - steps[0].start.index + 1 == max(1, -int(-(6 - years * 3) // 1))
        assert [step.requirement for step in steps[1:]] == [s.milestone.id for s in path[position + 1 :]]
    assert_clean(take_all(subject))


def test_a_short_role_continues_after_the_items_already_planned() -> None:
    role = {"role": "health-information-technician", "healthcare_experience_years": 1}
    subject = plan(degree(), exam(after=["aas"]), rhit(after=["exam"]), goal="section-supervisor", **role)
    steps = path_steps(subject)
    assert [(s.requirement, str(s.start), str(s.end)) for s in steps] == [
        ("health-information-technician", "2030-spring", "2030-fall"),  # one year left of two
        ("section-supervisor", "2031-spring", "2032-fall"),
    ]
    assert steps[0].fields["after"] == ["rhit"]
    subject = take_all(subject)
    assert_clean(subject)
    warnings = {d.rule for d in validate(subject) if d.severity == "warning"}
    assert warnings == set()  # RHIT is held before the job, experience suffices, renewals are taken


def test_holding_rhit_skips_the_degree_and_the_exam() -> None:
    steps = path_steps(empty("coding-specialist", credentials=["rhit"]))
    assert steps[0].requirement == "health-information-technician" and str(steps[0].start) == "2027-fall"


def test_a_later_milestone_in_the_plan_covers_the_earlier_ones() -> None:
    subject = plan(
        job("coder", "health-information-technician", "2028-fall", "2030-summer"), goal="coding-specialist"
    )
    steps = path_steps(subject)
    assert [step.requirement for step in steps] == ["coding-certification", "coding-specialist"]
    assert str(steps[0].start) == "2030-fall" and steps[0].fields["after"] == ["coder"]


def test_a_job_without_end_on_the_path_runs_to_the_plans_end_and_the_next_step_follows() -> None:
    tech = job("tech", "health-information-technician", "2030-spring")  # runs on
    course = item("stats", "course", "2031-fall", area="statistics")  # the plan's end
    subject = plan(
        degree(), exam(after=["aas"]), rhit(after=["exam"]), tech, course, goal="coding-specialist"
    )
    steps = path_steps(subject)
    assert [(step.requirement, str(step.start)) for step in steps] == [
        ("coding-certification", "2032-spring"),
        ("coding-specialist", "2032-summer"),
    ]
    assert steps[0].fields["after"] == ["tech"]
    assert_clean(take_all(subject))


def test_a_degree_not_accredited_by_cahiim_does_not_count_as_the_step() -> None:
    subject = plan(degree(accredited_by=None))
    steps = path_steps(subject)
    assert [step.id for step in steps] == ["associate-hit", "rhit-exam", "rhit"]
    assert steps[0].fields == {"accredited_by": "CAHIIM"}


# --- a property over profiles -------------------------------------------------------------------

terms = st.builds(
    lambda year, season: f"{year}-{season}",
    st.integers(2020, 2040),
    st.sampled_from(["spring", "summer", "fall"]),
)
profiles = st.fixed_dictionaries(
    {
        "goal": st.sampled_from(GOALS),
        "starts": terms,
        "role": st.sampled_from(["none", *JOBS]),
        "healthcare_experience_years": st.one_of(st.integers(0, 60), st.floats(0, 60, allow_nan=False)),
        "credentials": st.lists(st.sampled_from(CREDENTIALS), unique=True, max_size=3),
        "completed": st.lists(st.sampled_from(MILESTONES), unique=True, max_size=4),
        "education": st.sampled_from(default_pack().educations),
    }
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles)
def test_taking_all_steps_from_any_profile_leaves_no_error(profile: dict[str, Any]) -> None:
    subject = plan(**profile)
    take_all(subject)
    assert not has_errors(validate(subject)), [d for d in validate(subject) if d.severity == "error"]
    assert next_steps(subject) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles, st.integers(0, 7), st.integers(0, 4))
def test_taking_the_rest_of_a_partly_taken_path_leaves_no_error(
    profile: dict[str, Any], k: int, late: int
) -> None:
    subject = plan(**profile)
    for step in path_steps(subject)[:k]:
        step.start, step.end = step.start.shift(late), step.end.shift(late)
        take(subject, step)
    rest = path_steps(subject)
    if subject.items and rest:
        assert rest[0].start > max(item.end or item.start for item in subject.items)
    take_all(subject)
    assert not has_errors(validate(subject)), [d for d in validate(subject) if d.severity == "error"]
    assert next_steps(subject) == []


# --- continuing education and warnings the steps lead to ---------------------------------------

RENEWALS = {
    "rhit": [],
    "coding-specialist": [("2031-fall", "rhit"), ("2033-fall", "rhit")],
    "cancer-registrar": [("2031-fall", "rhit"), ("2033-fall", "rhit")],
    "privacy-security": [("2031-fall", "rhit"), ("2033-fall", "rhit")],
    "section-supervisor": [("2031-fall", "rhit")],
    "director-small-facility": [("2031-fall", "rhit")],
    "director-large-facility": [("2031-fall", "rhit"), ("2033-fall", "rhit")],
    "clerk-to-technician": [],
}
"""From an empty plan starting 2027-fall: the continuing education proposed, (term, renews)."""


@pytest.mark.parametrize("goal", GOALS)
def test_continuing_education_renews_each_credential_within_each_cycle(goal: str) -> None:
    steps = next_steps(empty(goal))
    renewals = [step for step in steps if step.requirement == "continuing-education"]
    assert [(str(s.start), s.fields["renews"]) for s in renewals] == RENEWALS[goal]
    assert all(s.start == s.end and s.source == "P9" and "renew" in s.reason for s in renewals)
    assert [s.start for s in steps] == sorted(s.start for s in steps)  # in the order they happen
    subject = take_all(empty(goal))
    assert [d for d in validate(subject) if d.rule == "credential-renewal"] == []


def test_a_credential_the_profile_holds_is_renewed_by_its_catalog_id() -> None:
    subject = empty("coding-specialist", credentials=["rhit"], completed=["associate-hit", "rhit-exam"])
    renewals = [s for s in next_steps(subject) if s.requirement == "continuing-education"]
    assert [(str(s.start), s.fields["renews"]) for s in renewals] == [("2029-fall", "rhit")]
    assert "you hold" in renewals[0].reason


def test_continuing_education_already_planned_counts() -> None:
    subject = take_all(empty("coding-specialist"))
    del subject.items[-1]  # the last renewal: the plan now needs it again
    (step,) = next_steps(subject)
    assert (step.requirement, str(step.start)) == ("continuing-education", "2033-fall")


def test_the_clerk_routes_technician_step_says_it_leads_to_a_warning_and_how_to_avoid_it() -> None:
    *_, promoted = next_steps(empty("clerk-to-technician"))
    assert promoted.requirement == "health-information-technician"
    assert (
        "leads to a warning" in promoted.reason and "before you hold the RHIT credential" in promoted.reason
    )
    assert "associate degree" in promoted.reason and "would avoid it" in promoted.reason
    others = next_steps(empty("rhit"))
    assert all("leads to a warning" not in step.reason for step in others)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles)
def test_taking_all_steps_from_any_profile_leaves_no_renewal_warning(profile: dict[str, Any]) -> None:
    subject = take_all(plan(**profile))
    assert [d for d in validate(subject) if d.rule == "credential-renewal"] == []
