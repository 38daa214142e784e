"""Rules about the degree, the RHIT exam and the credential (P4, P5, P8): when each fires, when not."""

from __future__ import annotations

from planner.core.packs import default_pack
from tests.unit.plan_builders import degree, exam, found, item, job, plan, quiet, rhit, the

NINE = list(default_pack().coursework_areas)  # the nine areas of P4, as requirements.md lists them

# --- rhit-exam-needs-cahiim-associate -------------------------------------------------------


def test_an_exam_with_no_degree_before_it_is_an_error() -> None:
    d = the(plan(exam(start="2028-fall")), "rhit-exam-needs-cahiim-associate")
    assert (d.severity, d.item, d.source) == ("error", "exam", "P5")
    assert "CAHIIM" in d.message and "associate degree" in d.message


def test_an_exam_in_the_term_the_degree_ends_is_not_after_graduating() -> None:
    subject = plan(degree(end="2029-spring"), exam(start="2029-spring"))
    assert the(subject, "rhit-exam-needs-cahiim-associate").item == "exam"


def test_an_exam_in_the_term_after_the_degree_is_fine() -> None:
    assert quiet(
        plan(degree(end="2029-spring"), exam(start="2029-summer")), "rhit-exam-needs-cahiim-associate"
    )


def test_an_exam_after_a_degree_not_accredited_by_cahiim_is_an_error() -> None:
    subject = plan(degree(accredited_by="ABHES"), exam())
    assert the(subject, "rhit-exam-needs-cahiim-associate").item == "exam"


def test_a_degree_without_accredited_by_is_not_accredited() -> None:
    assert found(plan(degree(accredited_by=None), exam()), "rhit-exam-needs-cahiim-associate")


def test_the_degree_completed_in_the_profile_counts() -> None:
    assert quiet(
        plan(exam(start="2027-fall"), completed=["associate-hit"]), "rhit-exam-needs-cahiim-associate"
    )


def test_holding_rhit_means_the_degree_is_done() -> None:
    # someone who holds RHIT and sits the exam again (say, after letting it lapse)
    assert quiet(plan(exam(start="2027-fall"), credentials=["rhit"]), "rhit-exam-needs-cahiim-associate")


def test_an_associate_education_says_nothing_about_the_field() -> None:
    assert found(plan(exam(start="2027-fall"), education="associate"), "rhit-exam-needs-cahiim-associate")


def test_each_exam_without_a_degree_before_it_is_reported() -> None:
    subject = plan(exam("early", start="2028-fall"), degree(), exam("late", start="2029-summer"))
    assert [d.item for d in found(subject, "rhit-exam-needs-cahiim-associate")] == ["early"]


# --- rhit-not-via-other-training ------------------------------------------------------------


def test_an_exam_after_an_unaccredited_program_names_that_program() -> None:
    subject = plan(
        item("cert", "coding-certificate-program", "2027-fall", "2028-spring"), exam(start="2028-fall")
    )
    d = the(subject, "rhit-not-via-other-training")
    assert (d.severity, d.item, d.source) == ("error", "exam", "P5")
    assert '"cert"' in d.message and "not accredited by CAHIIM" in d.message and "not eligible" in d.message


def test_an_exam_after_on_the_job_training_is_an_error() -> None:
    subject = plan(
        job("clerk", "health-information-clerk", "2027-fall", "2028-summer"), exam(start="2028-fall")
    )
    d = the(subject, "rhit-not-via-other-training")
    assert d.item == "exam" and '"clerk"' in d.message


def test_an_exam_after_intensive_or_in_house_training_is_an_error() -> None:
    for requirement in ("intensive-training", "in-house-training"):
        subject = plan(item("training", requirement, "2027-fall"), exam(start="2028-spring"))
        assert the(subject, "rhit-not-via-other-training").item == "exam"


def test_an_exam_prepared_for_by_the_profiles_role_is_an_error() -> None:
    subject = plan(exam(start="2027-fall"), role="health-information-clerk", healthcare_experience_years=3)
    d = the(subject, "rhit-not-via-other-training")
    assert d.item == "exam" and "health information clerk" in d.message


def test_other_training_beside_the_accredited_degree_is_fine() -> None:
    boot = item("boot", "intensive-training", "2027-fall", track="coding")
    subject = plan(boot, degree(start="2028-spring", end="2029-fall"), exam(start="2030-spring"))
    assert quiet(subject, "rhit-not-via-other-training")
    assert quiet(subject, "rhit-exam-needs-cahiim-associate")


def test_an_exam_with_no_preparation_at_all_gets_only_the_degree_error() -> None:
    subject = plan(exam(start="2027-fall"))
    assert quiet(subject, "rhit-not-via-other-training")


def test_training_that_ends_after_the_exam_is_not_preparation_before_it() -> None:
    subject = plan(
        item("cert", "coding-certificate-program", "2027-fall", "2029-spring"), exam(start="2028-fall")
    )
    assert quiet(subject, "rhit-not-via-other-training")


# --- rhit-needs-exam ------------------------------------------------------------------------


def test_rhit_without_an_exam_before_it_is_an_error() -> None:
    d = the(plan(degree(), rhit()), "rhit-needs-exam")
    assert (d.severity, d.item, d.source) == ("error", "rhit", "P5")
    assert "exam" in d.message


def test_rhit_in_the_same_term_as_the_exam_is_an_error() -> None:
    assert the(plan(degree(), exam(), rhit(start="2029-summer")), "rhit-needs-exam").item == "rhit"


def test_rhit_in_the_term_after_the_exam_is_fine() -> None:
    assert quiet(plan(degree(), exam(), rhit(start="2029-fall")), "rhit-needs-exam")


def test_holding_rhit_means_the_exam_is_done() -> None:
    # an RHIT item beside the held credential (say, renewed after a lapse) needs no new exam
    assert quiet(plan(rhit(start="2027-fall"), credentials=["rhit"]), "rhit-needs-exam")


def test_the_exam_completed_in_the_profile_counts() -> None:
    assert quiet(plan(rhit(start="2027-fall"), completed=["rhit-exam"]), "rhit-needs-exam")


# --- associate-coursework -------------------------------------------------------------------


def test_a_degree_covering_some_areas_names_the_missing_ones() -> None:
    d = the(plan(degree(covers=NINE[:7])), "associate-coursework")
    assert (d.severity, d.item, d.source) == ("warning", "aas", "P4")
    assert "quality-improvement" in d.message and "computer-science" in d.message
    assert "statistics" not in d.message


def test_courses_within_the_degrees_terms_count_toward_its_coursework() -> None:
    courses = [item(f"c{n}", "course", "2028-fall", area=area) for n, area in enumerate(NINE[7:])]
    assert quiet(plan(degree(covers=NINE[:7]), *courses), "associate-coursework")


def test_a_course_outside_the_degrees_terms_does_not_count() -> None:
    late = item("late", "course", "2029-summer", area="computer-science")
    d = the(plan(degree(covers=NINE[:8]), late), "associate-coursework")
    assert "computer-science" in d.message


def test_courses_alone_give_the_coursework() -> None:
    courses = [item(f"c{n}", "course", "2028-spring", area=area) for n, area in enumerate(NINE[1:])]
    d = the(plan(degree(), *courses), "associate-coursework")
    assert "medical-terminology" in d.message and "anatomy-physiology" not in d.message


def test_a_degree_whose_coursework_is_not_given_is_not_judged() -> None:
    assert quiet(plan(degree()), "associate-coursework")


def test_all_nine_areas_are_fine_and_general_education_is_not_needed() -> None:
    assert quiet(plan(degree(covers=NINE)), "associate-coursework")


# --- high-school-preparation ----------------------------------------------------------------


def test_a_high_school_student_missing_subjects_is_told_which() -> None:
    subject = plan(degree(), education="high-school-student", high_school_courses=["biology", "math"])
    d = the(subject, "high-school-preparation")
    assert (d.severity, d.item, d.source) == ("suggestion", "aas", "P4")
    assert "chemistry" in d.message and "health" in d.message and "computer-science" in d.message
    assert "biology" not in d.message


def test_high_school_courses_planned_before_the_degree_count() -> None:
    courses = [
        item(s, "high-school-course", "2027-spring", area=s)
        for s in ("chemistry", "health", "computer-science")
    ]
    subject = plan(
        degree(), *courses, education="high-school-student", high_school_courses=["biology", "math"]
    )
    assert quiet(subject, "high-school-preparation")


def test_a_high_school_course_in_the_degrees_first_term_is_not_before_it() -> None:
    late = item("chem", "high-school-course", "2027-fall", area="chemistry")
    subject = plan(
        degree(),
        late,
        education="high-school-student",
        high_school_courses=["biology", "math", "health", "computer-science"],
    )
    assert "chemistry" in the(subject, "high-school-preparation").message


def test_only_high_school_students_get_the_suggestion() -> None:
    assert quiet(plan(degree(), education="high-school", high_school_courses=[]), "high-school-preparation")


def test_no_degree_no_suggestion() -> None:
    assert quiet(plan(education="high-school-student"), "high-school-preparation")


# --- no-coding-degree -----------------------------------------------------------------------


def test_a_degree_in_coding_is_a_warning() -> None:
    d = the(plan(degree(field="Medical Coding")), "no-coding-degree")
    assert (d.severity, d.item, d.source) == ("warning", "aas", "P8")
    assert "no formal degree programs in coding" in d.message


def test_a_bachelor_in_coding_is_a_warning_too() -> None:
    subject = plan(item("ba", "bachelor-hia", "2027-fall", "2029-spring", field="coding-and-billing"))
    assert the(subject, "no-coding-degree").item == "ba"


def test_a_coding_certificate_program_is_fine() -> None:
    subject = plan(item("cert", "coding-certificate-program", "2027-fall", field="medical-coding"))
    assert quiet(subject, "no-coding-degree")


def test_a_degree_in_health_information_technology_is_fine() -> None:
    assert quiet(plan(degree(field="health-information-technology")), "no-coding-degree")
