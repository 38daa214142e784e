"""Rules about jobs and advancement (P5, P6, P7, P9, P10): when each fires, and the near misses."""

from __future__ import annotations

from tests.unit.plan_builders import (
    degree,
    exam,
    found,
    item,
    job,
    plan,
    quiet,
    rhit,
    rhit_route,
    technician,
    the,
)

CLERK = "health-information-clerk"

# --- time in a job ----------------------------------------------------------------------------


def test_a_job_without_end_runs_until_the_next_job_starts() -> None:
    # the clerk job ends in 2027-fall, when the technician job starts: it is before the exam
    clerk = job("clerk", CLERK, "2027-fall")
    subject = plan(clerk, technician(start="2028-spring", end="2028-spring"), exam(start="2028-fall"))
    assert the(subject, "rhit-not-via-other-training").item == "exam"


def test_a_last_job_without_end_runs_to_the_plans_end() -> None:
    # alone, the clerk job runs to the plan's end (the exam's term), so it is not before the exam
    subject = plan(job("clerk", CLERK, "2027-fall"), exam(start="2028-fall"))
    assert quiet(subject, "rhit-not-via-other-training")


def test_two_years_in_a_job_without_end_is_six_terms_up_to_the_next_job() -> None:
    tech = technician(start="2029-fall", end=None)
    supervisor = job("sup", "section-supervisor", "2031-fall", "2032-fall", facility="large")
    assert quiet(plan(*rhit_route(), tech, supervisor), "supervisor-needs-experience")
    early = job("sup", "section-supervisor", "2031-summer", "2032-fall", facility="large")
    assert found(plan(*rhit_route(), tech, early), "supervisor-needs-experience")


# --- employers-prefer-rhit ------------------------------------------------------------------


def test_a_technician_job_before_rhit_is_a_warning_naming_the_term() -> None:
    d = the(plan(*rhit_route(), technician(start="2029-summer")), "employers-prefer-rhit")
    assert (d.severity, d.item, d.source) == ("warning", "tech", "P5")
    assert "2029-summer" in d.message and "RHIT" in d.message


def test_a_job_in_the_term_rhit_is_gained_counts_as_held() -> None:
    assert quiet(plan(*rhit_route(), technician(start="2029-fall")), "employers-prefer-rhit")


def test_rhit_held_in_the_profile_counts_from_the_start() -> None:
    assert quiet(plan(technician(start="2027-fall"), credentials=["rhit"]), "employers-prefer-rhit")


def test_rhit_completed_in_the_profile_counts_as_held() -> None:
    assert quiet(plan(technician(start="2027-fall"), completed=["rhit"]), "employers-prefer-rhit")


def test_every_technician_level_job_counts_but_a_clerk_does_not() -> None:
    subject = plan(
        job("clerk", CLERK, "2027-fall", "2028-fall"), job("coder", "coding-specialist", "2029-spring")
    )
    assert [d.item for d in found(subject, "employers-prefer-rhit")] == ["coder"]


# --- healthcare-experience ------------------------------------------------------------------


def test_a_first_job_without_experience_gets_the_suggestion_once() -> None:
    subject = plan(*rhit_route(), technician(), job("coder", "coding-specialist", "2031-fall"))
    d = the(subject, "healthcare-experience")
    assert (d.severity, d.item, d.source) == ("suggestion", "tech", "P6")
    assert "experience in a health-care setting" in d.message


def test_years_of_experience_in_the_profile_count() -> None:
    assert quiet(plan(*rhit_route(), technician(), healthcare_experience_years=1), "healthcare-experience")


def test_a_clerk_job_before_the_first_technician_job_counts() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2029-summer")
    assert quiet(plan(*rhit_route(), clerk, technician()), "healthcare-experience")


def test_a_clerk_job_that_overlaps_is_not_before_it() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2030-fall")
    assert the(plan(*rhit_route(), clerk, technician()), "healthcare-experience").item == "tech"


# --- skills-learned-on-the-job --------------------------------------------------------------


def test_a_coding_job_as_the_first_job_gets_the_suggestion() -> None:
    d = the(plan(*rhit_route(), job("coder", "coding-specialist", "2029-fall")), "skills-learned-on-the-job")
    assert (d.severity, d.item, d.source) == ("suggestion", "coder", "P7")
    assert "learned on the job" in d.message


def test_a_registrar_job_as_the_first_job_gets_it_too() -> None:
    subject = plan(*rhit_route(), job("reg", "cancer-registrar", "2029-fall"))
    assert the(subject, "skills-learned-on-the-job").item == "reg"


def test_a_job_before_the_coding_job_is_enough() -> None:
    coder = job("coder", "coding-specialist", "2031-fall")
    assert quiet(plan(*rhit_route(), technician(), coder), "skills-learned-on-the-job")


def test_a_role_in_the_profile_is_enough() -> None:
    subject = plan(job("coder", "coding-specialist", "2027-fall"), role=CLERK, healthcare_experience_years=0)
    assert quiet(subject, "skills-learned-on-the-job")


def test_privacy_and_security_is_not_a_coding_or_registry_skill() -> None:
    subject = plan(*rhit_route(), job("privacy", "privacy-security-specialist", "2029-fall"))
    assert quiet(subject, "skills-learned-on-the-job")


# --- supervisor-needs-experience ------------------------------------------------------------


def supervisor(start: str = "2031-fall", **fields: object) -> dict:
    return job("sup", "section-supervisor", start, "2033-summer", facility="large", **fields)


def test_a_supervisor_with_too_little_technician_work_is_a_warning_naming_it() -> None:
    subject = plan(*rhit_route(), technician(end="2031-spring"), supervisor())
    d = the(subject, "supervisor-needs-experience")
    assert (d.severity, d.item, d.source) == ("warning", "sup", "P9")
    assert "1 year and 2 terms" in d.message


def test_two_years_exactly_is_enough() -> None:
    assert quiet(
        plan(*rhit_route(), technician(end="2031-summer"), supervisor()), "supervisor-needs-experience"
    )


def test_technician_level_work_adds_up_across_jobs() -> None:
    first = technician("t1", end="2030-summer")
    second = job("coder", "coding-specialist", "2030-fall", "2031-summer")
    assert quiet(plan(*rhit_route(), first, second, supervisor()), "supervisor-needs-experience")


def test_the_profiles_years_count_when_its_role_is_technician_level() -> None:
    role = {"role": "coding-specialist", "healthcare_experience_years": 2}
    assert quiet(plan(supervisor("2027-fall"), credentials=["rhit"], **role), "supervisor-needs-experience")
    short = {"role": "coding-specialist", "healthcare_experience_years": 1}
    subject = plan(technician(start="2027-fall", end="2028-spring"), supervisor("2028-summer"), **short)
    assert "1 year and 2 terms" in the(subject, "supervisor-needs-experience").message


def test_a_clerks_years_are_not_technician_work() -> None:
    subject = plan(supervisor("2027-fall"), role=CLERK, healthcare_experience_years=5)
    assert the(subject, "supervisor-needs-experience").item == "sup"


# --- advancement-needs-experience -----------------------------------------------------------


def test_advancing_after_too_little_time_in_the_job_before_is_a_warning() -> None:
    assistant = job("assistant", "assistant-director", "2029-fall", "2030-summer", facility="large")
    director = job("director", "director", "2030-fall", facility="large")
    d = the(plan(assistant, director), "advancement-needs-experience")
    assert (d.severity, d.item, d.source) == ("warning", "director", "P10")
    assert "assistant director" in d.message and "1 year" in d.message


def test_two_years_in_the_job_before_is_enough() -> None:
    assistant = job("assistant", "assistant-director", "2029-fall", "2031-summer", facility="large")
    director = job("director", "director", "2031-fall", facility="large")
    assert quiet(plan(assistant, director), "advancement-needs-experience")


def test_a_move_within_the_same_rank_or_down_is_not_advancement() -> None:
    coder = job("coder", "coding-specialist", "2030-spring")
    assert quiet(plan(*rhit_route(), technician(end="2029-fall"), coder), "advancement-needs-experience")
    back = technician("back", start="2031-spring")
    sup = job("sup", "section-supervisor", "2029-fall", "2030-fall", facility="large")
    assert quiet(plan(*rhit_route(), sup, back), "advancement-needs-experience")


def test_without_a_job_before_it_the_profiles_role_is_the_job_before() -> None:
    sup = job("sup", "section-supervisor", "2027-fall", facility="large")
    d = the(
        plan(sup, role="health-information-technician", healthcare_experience_years=1),
        "advancement-needs-experience",
    )
    assert d.item == "sup" and "health information technician" in d.message
    assert quiet(
        plan(sup, role="health-information-technician", healthcare_experience_years=2),
        "advancement-needs-experience",
    )


def test_the_profiles_years_add_to_a_job_item_of_its_role() -> None:
    tech = technician(start="2027-fall", end="2028-summer")  # three terms
    sup = job("sup", "section-supervisor", "2028-fall", facility="large")
    role = {"role": "health-information-technician", "healthcare_experience_years": 1}
    assert quiet(plan(tech, sup, **role), "advancement-needs-experience")
    assert found(plan(tech, sup), "advancement-needs-experience")


def test_clerk_to_technician_is_left_to_clerk_promotion() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2028-spring")
    assert quiet(plan(clerk, technician(start="2028-summer")), "advancement-needs-experience")
    coder = job("coder", "coding-specialist", "2028-summer")
    assert the(plan(clerk, coder), "advancement-needs-experience").item == "coder"


# --- director-small-needs-rhit --------------------------------------------------------------


def small_director(start: str = "2031-fall", requirement: str = "director") -> dict:
    return job("director", requirement, start, facility="small")


def test_a_small_facility_director_without_rhit_is_a_warning() -> None:
    subject = plan(technician(start="2027-fall", end="2029-summer"), small_director("2029-fall"))
    d = the(subject, "director-small-needs-rhit")
    assert (d.severity, d.item, d.source) == ("warning", "director", "P10")
    assert "RHIT" in d.message


def test_a_small_facility_director_without_two_years_is_a_warning() -> None:
    subject = plan(*rhit_route(), technician(end="2030-fall"), small_director("2031-spring"))
    d = the(subject, "director-small-needs-rhit")
    assert "1 year and 1 term" in d.message and "RHIT credential is not held" not in d.message


def test_rhit_and_two_years_of_technician_work_are_enough() -> None:
    assert quiet(plan(*rhit_route(), technician(), small_director()), "director-small-needs-rhit")


def test_an_assistant_director_in_a_small_facility_is_judged_the_same() -> None:
    subject = plan(small_director("2027-fall", "assistant-director"))
    assert the(subject, "director-small-needs-rhit").item == "director"
    role = {"role": "health-information-technician", "healthcare_experience_years": 2}
    assert quiet(
        plan(small_director("2027-fall", "assistant-director"), credentials=["rhit"], **role),
        "director-small-needs-rhit",
    )


def test_a_large_facility_director_is_not_this_rule() -> None:
    subject = plan(job("director", "director", "2027-fall", facility="large"))
    assert quiet(subject, "director-small-needs-rhit")


# --- director-large-needs-bachelor ----------------------------------------------------------


def large_director(start: str = "2033-fall") -> dict:
    return job("director", "director", start, facility="large")


def test_a_large_facility_director_without_the_bachelors_is_a_warning() -> None:
    d = the(plan(large_director(), education="bachelor"), "director-large-needs-bachelor")
    assert (d.severity, d.item, d.source) == ("warning", "director", "P10")
    assert "bachelor" in d.message


def test_the_bachelors_before_the_job_is_enough() -> None:
    ba = item("ba", "bachelor-hia", "2031-fall", "2033-spring")
    assert quiet(plan(ba, large_director()), "director-large-needs-bachelor")


def test_the_bachelors_ending_in_the_jobs_first_term_is_not_before_it() -> None:
    ba = item("ba", "bachelor-hia", "2031-fall", "2033-fall")
    assert found(plan(ba, large_director()), "director-large-needs-bachelor")


def test_the_bachelors_completed_in_the_profile_counts() -> None:
    assert quiet(plan(large_director(), completed=["bachelor-hia"]), "director-large-needs-bachelor")


def test_a_small_facility_director_needs_no_bachelors() -> None:
    assert quiet(plan(small_director()), "director-large-needs-bachelor")


# --- clerk-promotion ------------------------------------------------------------------------


def training(start: str = "2029-summer") -> dict:
    return item("training", "in-house-training", start)


def test_promotion_after_too_little_clerk_time_is_a_warning() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2029-spring")
    subject = plan(clerk, training(), technician(start="2029-fall"), goal="clerk-to-technician")
    d = the(subject, "clerk-promotion")
    assert (d.severity, d.item, d.source) == ("warning", "tech", "P10")
    assert "1 year and 2 terms as a clerk" in d.message and "less common in the future" in d.message


def test_promotion_without_in_house_training_is_a_warning() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2029-summer")
    d = the(plan(clerk, technician(start="2029-fall")), "clerk-promotion")
    assert "no hospital in-house training is planned before it" in d.message
    assert "the plan has" not in d.message


def test_two_years_as_a_clerk_and_the_training_are_enough() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2029-summer")
    assert quiet(plan(clerk, training(), technician(start="2029-fall")), "clerk-promotion")


def test_a_clerk_role_and_its_years_count() -> None:
    role = {"role": CLERK, "healthcare_experience_years": 2}
    assert quiet(plan(training("2027-fall"), technician(start="2028-spring"), **role), "clerk-promotion")
    short = {"role": CLERK, "healthcare_experience_years": 1}
    d = the(plan(training("2027-fall"), technician(start="2028-spring"), **short), "clerk-promotion")
    assert "1 year as a clerk" in d.message


def test_a_clerk_role_plus_a_clerk_job_make_two_years() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2028-summer")  # three terms
    role = {"role": CLERK, "healthcare_experience_years": 1}
    assert quiet(
        plan(clerk, training("2028-summer"), technician(start="2028-fall"), **role), "clerk-promotion"
    )
    short = job("clerk", CLERK, "2027-fall", "2028-spring")  # two terms
    d = the(plan(short, training("2028-spring"), technician(start="2028-summer"), **role), "clerk-promotion")
    assert "1 year and 2 terms as a clerk" in d.message


def test_training_completed_in_the_profile_counts() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2029-summer")
    assert quiet(
        plan(clerk, technician(start="2029-fall"), completed=["in-house-training"]), "clerk-promotion"
    )


def test_a_technician_job_not_right_after_clerk_work_is_not_a_promotion() -> None:
    clerk = job("clerk", CLERK, "2027-fall", "2028-spring")
    coder = job("coder", "coding-specialist", "2028-summer", "2029-summer")
    subject = plan(*rhit_route(), clerk, coder, technician(start="2029-fall"))
    assert quiet(subject, "clerk-promotion")
    assert quiet(plan(degree(), exam(), rhit(), technician()), "clerk-promotion")
