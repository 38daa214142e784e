"""The rules of hit-2026 (rule-packs.md), each in both directions: where it fires and where not."""

from __future__ import annotations

from typing import Any

import pytest

from planner.core.model import Plan
from planner.core.nextsteps import next_steps, take
from planner.core.packs import builtin_pack
from planner.core.starter import starter_plan
from planner.core.terms import Term
from planner.core.validate import has_errors, validate
from tests.unit.plan_builders import degree, exam, found, item, job, plan, quiet, rhit, technician, the

PACK = builtin_pack("hit-2026")


def plan26(*items: dict[str, Any], **profile: Any) -> Plan:
    """A plan under hit-2026."""
    subject = plan(*items, **profile)
    subject.rules = "hit-2026"
    return subject


# --- the pack itself --------------------------------------------------------------------------


def test_every_id_of_hit_2008_stays_valid() -> None:
    old = builtin_pack("hit-2008")
    assert set(old.milestones) <= set(PACK.milestones)
    assert set(old.goals) <= set(PACK.goals)
    assert set(old.rules) <= set(PACK.rules)


def test_every_source_names_its_publisher_page_address_date_and_fact() -> None:
    assert set(PACK.sources) == {
        "ahima-rhit",
        "ahima-rhia",
        "ahima-ccs",
        "ahima-chps",
        "ahima-recert",
        "aapc-cpc",
        "ncra-ods",
    }
    for source in PACK.sources.values():
        assert source.publisher and source.title and source.fact
        assert source.url.startswith("https://")
        assert Term is not None and len(source.read) == 10 and source.read.startswith("2026-")


def test_every_rule_cites_seed_paragraphs_or_sources_of_the_pack() -> None:
    for rule in PACK.rules.values():
        for label in (rule.source or "").split(","):
            label = label.strip()
            assert not label or label in PACK.sources or (label[0] == "P" and label[1:].isdigit()), rule.id


def test_the_new_coding_credentials_count_as_coding_certification() -> None:
    for credential in ("cca", "ccs", "cpc"):
        assert PACK.milestones[credential].counts_as == ("coding-certification",)
    assert (
        PACK.milestones["cancer-registry-certification"].name
        == "Oncology Data Specialist (ODS; CTR until 2024)"
    )


# --- rhit-exam-needs-cahiim-associate and rhit-early-testing ----------------------------------


def test_the_rhit_exam_in_the_degrees_last_term_is_early_testing_not_an_error() -> None:
    subject = plan26(degree(), exam(start="2029-spring"))
    assert quiet(subject, "rhit-exam-needs-cahiim-associate")
    assert the(subject, "rhit-early-testing").item == "exam"
    assert the(subject, "rhit-early-testing").severity == "suggestion"


def test_the_rhit_exam_before_the_degrees_last_term_is_still_an_error() -> None:
    subject = plan26(degree(), exam(start="2028-fall"))
    assert the(subject, "rhit-exam-needs-cahiim-associate").source == "P5, ahima-rhit"
    assert quiet(subject, "rhit-early-testing")


def test_the_same_exam_is_an_error_under_hit_2008() -> None:
    subject = plan(degree(), exam(start="2029-spring"))
    assert the(subject, "rhit-exam-needs-cahiim-associate").item == "exam"
    assert quiet(subject, "rhit-early-testing")


def test_an_exam_after_the_degree_needs_no_early_testing() -> None:
    subject = plan26(degree(), exam())
    assert quiet(subject, "rhit-exam-needs-cahiim-associate")
    assert quiet(subject, "rhit-early-testing")


def test_early_testing_needs_a_cahiim_accredited_degree() -> None:
    subject = plan26(degree(accredited_by="ABHES"), exam(start="2029-spring"))
    assert the(subject, "rhit-exam-needs-cahiim-associate").item == "exam"
    assert quiet(subject, "rhit-early-testing")


# --- the RHIA ---------------------------------------------------------------------------------


def bachelor(**fields: Any) -> dict[str, Any]:
    return item("bs", "bachelor-hia", "2029-fall", "2031-spring", **{"accredited_by": "CAHIIM", **fields})


def test_the_rhia_exam_needs_a_cahiim_bachelors_by_its_first_term() -> None:
    assert the(plan26(item("rx", "rhia-exam", "2031-summer")), "rhia-exam-needs-cahiim-bachelor").item == "rx"
    assert the(
        plan26(bachelor(accredited_by="X"), item("rx", "rhia-exam", "2031-summer")),
        "rhia-exam-needs-cahiim-bachelor",
    )
    assert quiet(
        plan26(bachelor(), item("rx", "rhia-exam", "2031-summer")), "rhia-exam-needs-cahiim-bachelor"
    )
    assert quiet(
        plan26(item("rx", "rhia-exam", "2031-summer"), completed=["bachelor-hia"]),
        "rhia-exam-needs-cahiim-bachelor",
    )


def test_the_rhia_exam_in_the_bachelors_last_term_is_early_testing() -> None:
    subject = plan26(bachelor(), item("rx", "rhia-exam", "2031-spring"))
    assert quiet(subject, "rhia-exam-needs-cahiim-bachelor")
    assert the(subject, "rhia-early-testing").item == "rx"


def test_the_rhia_needs_the_exam_before_it() -> None:
    assert the(plan26(bachelor(), item("rhia", "rhia", "2031-fall")), "rhia-needs-exam").item == "rhia"
    subject = plan26(bachelor(), item("rx", "rhia-exam", "2031-summer"), item("rhia", "rhia", "2031-fall"))
    assert quiet(subject, "rhia-needs-exam")


# --- ccs-preparation --------------------------------------------------------------------------


def test_the_ccs_without_rhit_or_experience_is_not_recommended() -> None:
    subject = plan26(item("ccs", "ccs", "2028-fall"))
    diagnostic = the(subject, "ccs-preparation")
    assert diagnostic.item == "ccs" and diagnostic.severity == "suggestion"
    assert "no time" in diagnostic.message


def test_the_ccs_with_rhit_held_is_recommended() -> None:
    assert quiet(plan26(*_rhit(), item("ccs", "ccs", "2029-fall")), "ccs-preparation")
    assert quiet(plan26(item("ccs", "ccs", "2028-fall"), credentials=["rhit"]), "ccs-preparation")


def test_the_ccs_after_the_cca_needs_one_year_of_work() -> None:
    short = plan26(
        item("cca", "cca", "2027-fall"),
        technician("t", "2028-spring", "2028-summer"),
        item("ccs", "ccs", "2029-spring"),
    )
    assert the(short, "ccs-preparation").item == "ccs"
    enough = plan26(
        item("cca", "cca", "2027-fall"),
        technician("t", "2028-spring", "2028-fall"),
        item("ccs", "ccs", "2029-spring"),
    )
    assert quiet(enough, "ccs-preparation")


def test_the_ccs_after_another_bodys_credential_needs_one_year_too() -> None:
    subject = plan26(
        item("cpc", "cpc", "2027-fall"),
        technician("t", "2028-spring", "2028-fall"),
        item("ccs", "ccs", "2029-spring"),
    )
    assert quiet(subject, "ccs-preparation")


def test_the_ccs_after_two_years_of_work_is_recommended() -> None:
    assert quiet(
        plan26(technician("t", "2027-fall", "2029-summer"), item("ccs", "ccs", "2029-fall")),
        "ccs-preparation",
    )
    assert the(
        plan26(technician("t", "2027-fall", "2029-spring"), item("ccs", "ccs", "2029-fall")),
        "ccs-preparation",
    )


# --- cpc-apprentice ---------------------------------------------------------------------------


def test_the_cpc_with_little_experience_gives_cpc_a_and_says_when_the_a_comes_off() -> None:
    subject = plan26(technician("t", "2027-fall", "2031-fall"), item("cpc", "cpc", "2028-fall"))
    diagnostic = the(subject, "cpc-apprentice")
    assert "CPC-A" in diagnostic.message
    assert "in 2029-summer, if the plan's jobs continue" in diagnostic.message


def test_the_cpc_a_with_jobs_that_stop_short() -> None:
    subject = plan26(technician("t", "2027-fall", "2028-fall"), item("cpc", "cpc", "2028-fall"))
    assert "not within the plan" in the(subject, "cpc-apprentice").message


def test_the_cpc_after_two_years_of_work_is_no_apprentice() -> None:
    assert quiet(
        plan26(technician("t", "2027-fall", "2029-summer"), item("cpc", "cpc", "2029-fall")), "cpc-apprentice"
    )
    assert quiet(
        plan26(
            item("cpc", "cpc", "2027-fall"),
            role="health-information-technician",
            healthcare_experience_years=2,
        ),
        "cpc-apprentice",
    )


# --- chps-eligibility -------------------------------------------------------------------------


def _rhit() -> tuple[dict[str, Any], ...]:
    return degree(), exam(after=["aas"]), rhit(after=["exam"])


def test_chps_after_rhit_needs_four_years() -> None:
    short = plan26(*_rhit(), technician("t", "2029-fall", "2032-summer"), item("chps", "chps", "2032-fall"))
    diagnostic = the(short, "chps-eligibility")
    assert diagnostic.severity == "error" and diagnostic.item == "chps"
    assert "4 years" in diagnostic.message and "3 years" in diagnostic.message
    assert "cannot tell apart" in diagnostic.message
    enough = plan26(*_rhit(), technician("t", "2029-fall", "2033-summer"), item("chps", "chps", "2033-fall"))
    assert quiet(enough, "chps-eligibility")


def test_chps_with_a_masters_needs_one_year() -> None:
    assert quiet(
        plan26(
            technician("t", "2027-fall", "2028-summer"),
            item("chps", "chps", "2028-fall"),
            education="master",
        ),
        "chps-eligibility",
    )
    assert the(
        plan26(
            technician("t", "2027-fall", "2027-fall"), item("chps", "chps", "2028-spring"), education="master"
        ),
        "chps-eligibility",
    )


def test_chps_with_a_bachelors_or_rhia_needs_two_years() -> None:
    assert quiet(
        plan26(
            technician("t", "2027-fall", "2029-summer"),
            item("chps", "chps", "2029-fall"),
            education="bachelor",
        ),
        "chps-eligibility",
    )
    assert quiet(
        plan26(
            technician("t", "2027-fall", "2029-summer"),
            item("chps", "chps", "2029-fall"),
            credentials=["rhia"],
        ),
        "chps-eligibility",
    )
    assert the(
        plan26(
            technician("t", "2027-fall", "2029-spring"),
            item("chps", "chps", "2029-fall"),
            education="bachelor",
        ),
        "chps-eligibility",
    )


def test_chps_with_high_school_alone_needs_six_years() -> None:
    assert the(
        plan26(
            technician("t", "2027-fall", "2032-summer"),
            item("chps", "chps", "2032-fall"),
            education="high-school",
        ),
        "chps-eligibility",
    )
    assert quiet(
        plan26(
            technician("t", "2027-fall", "2033-summer"),
            item("chps", "chps", "2033-fall"),
            education="high-school",
        ),
        "chps-eligibility",
    )


def test_the_profiles_years_count_when_its_role_is_technician_level() -> None:
    subject = plan26(
        item("chps", "chps", "2027-fall"),
        credentials=["rhit"],
        role="health-information-technician",
        healthcare_experience_years=4,
    )
    assert quiet(subject, "chps-eligibility")


# --- ods-eligibility --------------------------------------------------------------------------


def test_ods_after_an_associate_degree_and_an_ncra_program() -> None:
    program = item("crp", "cancer-registry-program", "2029-fall", "2030-fall", accredited_by="NCRA")
    assert quiet(
        plan26(degree(), program, item("ods", "cancer-registry-certification", "2031-spring")),
        "ods-eligibility",
    )
    unaccredited = item("crp", "cancer-registry-program", "2029-fall", "2030-fall")
    diagnostic = the(
        plan26(degree(), unaccredited, item("ods", "cancer-registry-certification", "2031-spring")),
        "ods-eligibility",
    )
    assert diagnostic.severity == "error" and diagnostic.source == "ncra-ods"


def test_ods_after_an_associate_degree_and_a_year_as_registrar() -> None:
    registrar = job("cr", "cancer-registrar", "2029-fall", "2030-summer")
    assert quiet(
        plan26(degree(), registrar, item("ods", "cancer-registry-certification", "2030-fall")),
        "ods-eligibility",
    )
    short = job("cr", "cancer-registrar", "2029-fall", "2030-spring")
    assert the(
        plan26(degree(), short, item("ods", "cancer-registry-certification", "2030-summer")),
        "ods-eligibility",
    )


def test_intensive_training_alone_never_makes_one_eligible_for_ods() -> None:
    training = item("it", "intensive-training", "2027-fall", track="cancer-registry")
    assert the(
        plan26(training, item("ods", "cancer-registry-certification", "2028-spring")), "ods-eligibility"
    )
    registrar = job("cr", "cancer-registrar", "2027-fall", "2029-summer")
    assert the(
        plan26(registrar, item("ods", "cancer-registry-certification", "2029-fall"), education="high-school"),
        "ods-eligibility",
    )
    assert quiet(
        plan26(registrar, item("ods", "cancer-registry-certification", "2029-fall"), education="associate"),
        "ods-eligibility",
    )


# --- credential-renewal and ceu-units ---------------------------------------------------------


def test_renewal_cites_the_bodys_own_page_for_every_credential() -> None:
    subject = plan26(item("cpc", "cpc", "2027-fall"), technician("t", "2027-fall", "2031-fall"))
    diagnostic = the(subject, "credential-renewal")
    assert diagnostic.item == "cpc"
    assert "AAPC renews the CPC every two years" in diagnostic.message
    assert "not the source text's" not in diagnostic.message
    assert diagnostic.source == "P9, ahima-recert, aapc-cpc, ncra-ods"


def test_a_ccs_is_renewed_by_education_renewing_coding_certification() -> None:
    ceu = item("ce", "continuing-education", "2029-fall", renews="coding-certification")
    subject = plan26(item("ccs", "ccs", "2027-fall"), ceu, technician("t", "2027-fall", "2031-fall"))
    assert quiet(subject, "credential-renewal")


def _ceus(credential: str, *units: float | None) -> list[dict[str, Any]]:
    """Up to two continuing-education items in the first cycle of a credential from 2027-fall."""
    entries = []
    for number, amount in enumerate(units):
        fields: dict[str, Any] = {"renews": credential}
        if amount is not None:
            fields["units"] = amount
        term = ("2028-spring", "2028-fall")[number]
        entries.append(item(f"ce{number}", "continuing-education", term, **fields))
    return entries


def test_ceu_units_below_the_bodys_number_in_a_cycle() -> None:
    subject = plan26(
        item("rhit", "rhit", "2027-fall"), *_ceus("rhit", 10, 5), technician("t", "2027-fall", "2031-fall")
    )
    diagnostic = the(subject, "ceu-units")
    assert diagnostic.item == "rhit" and diagnostic.source == "ahima-recert"
    assert "15 units" in diagnostic.message and "asks 20" in diagnostic.message


def test_ceu_units_enough_or_not_given_are_not_checked() -> None:
    enough = plan26(
        item("rhit", "rhit", "2027-fall"), *_ceus("rhit", 10, 10), technician("t", "2027-fall", "2031-fall")
    )
    assert quiet(enough, "ceu-units")
    unknown = plan26(
        item("rhit", "rhit", "2027-fall"),
        *_ceus("rhit", None, None),
        technician("t", "2027-fall", "2031-fall"),
    )
    assert quiet(unknown, "ceu-units")


def test_ceu_units_of_the_cpc_cite_aapc_and_a_cycle_past_the_plans_end_is_not_checked() -> None:
    subject = plan26(
        item("cpc", "cpc", "2027-fall"), *_ceus("cpc", 20), technician("t", "2027-fall", "2029-summer")
    )
    diagnostic = the(subject, "ceu-units")
    assert diagnostic.source == "aapc-cpc" and "asks 36" in diagnostic.message
    ends_early = plan26(item("cpc", "cpc", "2027-fall"), *_ceus("cpc", 20))
    assert quiet(ends_early, "ceu-units")


def test_ceu_units_for_coding_certification_without_a_named_credential_are_not_counted() -> None:
    subject = plan26(
        item("cc", "coding-certification", "2027-fall"),
        *_ceus("coding-certification", 1),
        technician("t", "2027-fall", "2031-fall"),
    )
    assert quiet(subject, "ceu-units")


# --- next steps follow the pack ---------------------------------------------------------------


@pytest.mark.parametrize("goal", sorted(PACK.goals))
def test_taking_every_step_under_hit_2026_gives_no_error(goal: str) -> None:
    subject = starter_plan(goal, Term.parse("2027-fall"), rules="hit-2026")  # type: ignore[arg-type]
    assert subject.rules == "hit-2026"
    assert not has_errors(validate(subject, PACK)), [
        d for d in validate(subject, PACK) if d.severity == "error"
    ]


def test_the_paths_of_hit_2026() -> None:
    def milestones(goal: str) -> list[str]:
        return [step.milestone.id for step in PACK.goals[goal].path]

    assert milestones("coding-specialist")[-2:] == ["ccs", "coding-specialist"]
    assert milestones("cancer-registrar")[-3:] == [
        "cancer-registry-program",
        "cancer-registry-certification",
        "cancer-registrar",
    ]
    assert PACK.goals["cancer-registrar"].path[-3].fields == {"accredited_by": "NCRA"}
    technician_step = PACK.goals["privacy-security"].path[3]
    assert (
        technician_step.milestone.id == "health-information-technician"
        and technician_step.experience_terms == 12
    )


def test_under_hit_2026_the_exam_is_still_proposed_in_the_term_after_the_degree() -> None:
    subject = plan26(goal="rhit")
    steps = next_steps(subject, PACK)
    degree_step, exam_step = steps[0], steps[1]
    assert exam_step.requirement == "rhit-exam" and exam_step.start == degree_step.end.next()
    for step in steps:
        take(subject, step)
    assert quiet(subject, "rhit-early-testing")


def test_switching_packs_needs_no_edit_and_changes_the_findings() -> None:
    subject = plan(degree(), exam(start="2029-spring"))
    assert found(subject, "rhit-exam-needs-cahiim-associate")
    subject.rules = "hit-2026"
    assert not found(subject, "rhit-exam-needs-cahiim-associate")
    assert found(subject, "rhit-early-testing")
