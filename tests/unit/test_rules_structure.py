"""Plan-structure rules: ids, references, terms, order, cycles and bad values (all errors, no source)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from planner.core.model import Plan
from planner.core.validate import validate
from tests.unit.plan_builders import degree, exam, found, item, plan, quiet, rhit, the


def from_toml(document: dict[str, Any]) -> Plan:
    """A plan from parsed TOML, as the loader builds it (wrong types and all)."""
    return Plan.from_toml({"format": "hit-career-plan/1", **document})


def minimal(**profile: Any) -> dict[str, Any]:
    return {"profile": {"goal": "rhit", "starts": "2027-fall", **profile}}


def structural(d: Any, item: str | None) -> None:
    assert (d.severity, d.item, d.source) == ("error", item, None)


def test_a_minimal_plan_has_no_structural_problem() -> None:
    assert [d.rule for d in validate(from_toml(minimal())) if d.severity == "error"] == []


# --- duplicate-id ---------------------------------------------------------------------------


def test_an_id_used_twice_is_reported_on_the_later_item() -> None:
    d = the(plan(degree("aas"), exam("aas")), "duplicate-id")
    structural(d, "aas")
    assert '"aas"' in d.message
    assert [x.item for x in found(plan(degree("aas"), exam("aas"), rhit("aas")), "duplicate-id")] == [
        "aas",
        "aas",
    ]


def test_similar_ids_are_different_ids() -> None:
    assert quiet(plan(degree("aas"), exam("aas-2")), "duplicate-id")


# --- unknown-reference ----------------------------------------------------------------------


def test_a_requirement_that_names_no_milestone() -> None:
    d = the(plan(item("x", "associate-coding", "2027-fall")), "unknown-reference")
    structural(d, "x")
    assert '"associate-coding"' in d.message and "requirement" in d.message


def test_an_after_that_names_no_item() -> None:
    d = the(plan(degree(), exam(after=["aass"])), "unknown-reference")
    structural(d, "exam")
    assert '"aass"' in d.message
    assert quiet(plan(degree(), exam(after=["aas"])), "unknown-reference")


def test_renews_names_an_item_or_a_credential_of_the_catalog() -> None:
    ceu = item("ceu", "continuing-education", "2030-fall", renews="rhti")
    d = the(plan(degree(), exam(), rhit(), ceu), "unknown-reference")
    structural(d, "ceu")
    assert '"rhti"' in d.message
    for target in ("rhit", "chps"):
        ceu = item("ceu", "continuing-education", "2030-fall", renews=target)
        assert quiet(plan(degree(), exam(), rhit(), ceu), "unknown-reference")


def test_renews_naming_an_item_that_is_no_credential_is_a_bad_value() -> None:
    ceu = item("ceu", "continuing-education", "2030-fall", renews="aas")
    d = the(plan(degree(), ceu), "bad-value")
    structural(d, "ceu")
    assert '"aas"' in d.message and "credential" in d.message


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("goal", "director", "goal"),
        ("role", "nurse", "role"),
        ("completed", ["associate-degree"], "completed"),
        ("credentials", ["rhia"], "credentials"),
        ("credentials", ["associate-hit"], "credentials"),
    ],
)
def test_profile_references_that_name_nothing(field: str, value: Any, words: str) -> None:
    d = the(plan(**{field: value}), "unknown-reference")
    structural(d, None)
    shown = value[0] if isinstance(value, list) else value
    assert f'"{shown}"' in d.message and words in d.message


def test_profile_references_that_name_something() -> None:
    subject = plan(
        goal="clerk-to-technician",
        role="none",
        completed=["in-house-training", "associate-hit"],
        credentials=["rhit", "chps"],
    )
    assert quiet(subject, "unknown-reference")
    assert quiet(plan(role="health-information-clerk"), "unknown-reference")


def test_a_comment_about_an_item_the_plan_lacks() -> None:
    subject = from_toml(
        {
            **minimal(),
            "items": [degree()],
            "comments": [{"author": "J. Kim", "text": "ok", "item": "aas-old"}],
        }
    )
    d = the(subject, "unknown-reference")
    structural(d, None)
    assert '"aas-old"' in d.message
    subject.comments[0].item = "aas"
    assert quiet(subject, "unknown-reference")


# --- bad-term -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2027-autumn", "Fall 2027", "2027", "2027-Fall", "27-fall", 2027, "2027-fall "]
)
def test_a_term_not_written_as_year_and_season(value: Any) -> None:
    d = the(
        from_toml({**minimal(), "items": [{"id": "x", "requirement": "course", "start": value}]}), "bad-term"
    )
    structural(d, "x")
    assert "start" in d.message and "YYYY-spring" in d.message


def test_a_bad_end_and_a_bad_profile_start() -> None:
    d = the(plan(degree(end="2029-winter")), "bad-term")
    structural(d, "aas")
    assert "end" in d.message and "2029-winter" in d.message
    d = the(plan(starts="next fall"), "bad-term")
    structural(d, None)
    assert "profile.starts" in d.message


@pytest.mark.parametrize("value", ["2027-spring", "2027-summer", "2027-fall"])
def test_the_three_seasons_are_terms(value: str) -> None:
    assert quiet(plan(item("x", "course", value), starts=value), "bad-term")


# --- end-before-start -----------------------------------------------------------------------


def test_an_item_that_ends_before_it_starts() -> None:
    d = the(plan(degree(start="2027-fall", end="2027-spring")), "end-before-start")
    structural(d, "aas")
    assert "2027-spring" in d.message and "2027-fall" in d.message


def test_an_item_that_ends_in_the_term_it_starts_is_fine() -> None:
    assert quiet(plan(degree(start="2027-fall", end="2027-fall")), "end-before-start")


# --- after-not-respected --------------------------------------------------------------------


def test_an_item_that_starts_in_the_term_what_it_waits_for_ends() -> None:
    d = the(plan(degree(end="2029-spring"), exam(start="2029-spring", after=["aas"])), "after-not-respected")
    structural(d, "exam")
    assert '"aas"' in d.message and "2029-spring" in d.message


def test_an_item_that_starts_in_the_term_after_is_fine() -> None:
    assert quiet(
        plan(degree(end="2029-spring"), exam(start="2029-summer", after=["aas"])), "after-not-respected"
    )


def test_waiting_for_a_one_term_item_means_starting_after_its_term() -> None:
    assert found(
        plan(exam(start="2029-summer"), rhit(start="2029-summer", after=["exam"])), "after-not-respected"
    )
    assert quiet(
        plan(exam(start="2029-summer"), rhit(start="2029-fall", after=["exam"])), "after-not-respected"
    )


def test_an_item_that_starts_before_what_it_waits_for() -> None:
    assert the(plan(degree(), exam(start="2027-spring", after=["aas"])), "after-not-respected").item == "exam"


# --- dependency-cycle -----------------------------------------------------------------------


def test_items_that_wait_for_each_other_are_one_cycle_on_the_first_item() -> None:
    subject = plan(degree(after=["rhit"]), exam(after=["aas"]), rhit(after=["exam"]))
    d = the(subject, "dependency-cycle")
    structural(d, "aas")
    assert '"aas" waits for "rhit" waits for "exam" waits for "aas"' in d.message


def test_an_item_that_waits_for_itself() -> None:
    structural(the(plan(degree(after=["aas"])), "dependency-cycle"), "aas")


def ring(size: int, hub: bool = False) -> Plan:
    """Courses c0 .. c{size-1}, each waiting for the one before, c0 for the last (and, with `hub`,
    each also waiting for c0)."""
    courses = [
        item(f"c{n}", "course", "2027-fall", area="medical-coding", after=[f"c{(n - 1) % size}"])
        for n in range(size)
    ]
    if hub:
        for course in courses[1:]:
            course["after"].append("c0")
    return plan(*courses)


def test_a_ring_where_every_item_also_waits_for_the_first_is_one_finding_with_a_short_circle() -> None:
    d = the(ring(300, hub=True), "dependency-cycle")  # it holds 300 circles: none is listed twice
    structural(d, "c0")
    assert '"c0" waits for "c299" waits for "c0"' in d.message


def test_two_separate_circles_are_two_findings_each_on_its_first_item() -> None:
    subject = plan(degree(after=["exam"]), exam(after=["aas"]), rhit(after=["rhit"]))
    assert [d.item for d in found(subject, "dependency-cycle")] == ["aas", "rhit"]


def test_a_long_circle_names_its_ends_and_counts_the_middle() -> None:
    d = the(ring(2000), "dependency-cycle")
    assert d.message.count('"c') == 10
    assert '"c0" waits for "c1999" waits for' in d.message
    assert "1,991 more" in d.message and d.message.endswith('"c1" waits for "c0".')


def test_a_chain_and_a_diamond_are_no_cycle() -> None:
    subject = plan(degree(), exam(after=["aas"]), rhit(after=["exam", "aas"]))
    assert quiet(subject, "dependency-cycle")


# --- bad-value ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "bad", "good"),
    [
        ("status", "finished", "in-progress"),
        ("facility", "medium", "large"),
        ("track", "billing", "cancer-registry"),
    ],
)
def test_item_values_outside_their_list(field: str, bad: str, good: str) -> None:
    d = the(plan(item("x", "director", "2027-fall", **{field: bad})), "bad-value")
    structural(d, "x")
    assert f'"{bad}"' in d.message and good in d.message
    assert quiet(plan(item("x", "director", "2027-fall", **{field: good})), "bad-value")


def test_coursework_areas_and_high_school_subjects_come_from_their_lists() -> None:
    assert found(plan(item("c", "course", "2027-fall", area="biology")), "bad-value")
    assert quiet(plan(item("c", "course", "2027-fall", area="general-education")), "bad-value")
    assert found(plan(item("h", "high-school-course", "2027-spring", area="statistics")), "bad-value")
    assert quiet(plan(item("h", "high-school-course", "2027-spring", area="biology")), "bad-value")
    assert found(plan(degree(covers=["statistics", "stats"])), "bad-value")
    assert found(plan(high_school_courses=["art"]), "bad-value")


@pytest.mark.parametrize("education", ["college", "Bachelor", ""])
def test_an_education_outside_its_list(education: str) -> None:
    d = the(plan(education=education), "bad-value")
    structural(d, None)
    assert "education" in d.message


@pytest.mark.parametrize(
    "education", ["none", "high-school-student", "high-school", "associate", "bachelor", "master"]
)
def test_every_education_of_the_list_is_fine(education: str) -> None:
    assert quiet(plan(education=education), "bad-value")


@pytest.mark.parametrize("years", [-1, 61, 1000, -0.5, 60.5, float("nan"), float("inf")])
def test_years_of_experience_outside_0_to_60(years: float) -> None:
    d = the(plan(healthcare_experience_years=years), "bad-value")
    structural(d, None)
    assert "healthcare_experience_years" in d.message and "0" in d.message and "60" in d.message


@pytest.mark.parametrize("years", [0, 60, 2, 2.5])
def test_years_of_experience_from_0_to_60_are_fine(years: float) -> None:
    assert quiet(plan(healthcare_experience_years=years), "bad-value")


@pytest.mark.parametrize("field", ["goal", "starts"])
def test_the_profile_needs_goal_and_starts(field: str) -> None:
    d = the(plan(**{field: None}), "bad-value")
    structural(d, None)
    assert f"profile.{field}" in d.message and "missing" in d.message


def test_a_plan_without_a_profile_table() -> None:
    d = the(from_toml({}), "bad-value")
    structural(d, None)
    assert "[profile]" in d.message


@pytest.mark.parametrize("field", ["id", "requirement", "start"])
def test_each_item_needs_id_requirement_and_start(field: str) -> None:
    entry = {"id": "x", "requirement": "course", "start": "2027-fall"}
    del entry[field]
    d = the(from_toml({**minimal(), "items": [entry]}), "bad-value")
    structural(d, None if field == "id" else "x")
    assert field in d.message and "missing" in d.message and "Item 1" in d.message


@pytest.mark.parametrize("field", ["author", "text"])
def test_each_comment_needs_author_and_text(field: str) -> None:
    comment = {"author": "J. Kim", "text": "Looks good."}
    del comment[field]
    d = the(from_toml({**minimal(), "comments": [comment]}), "bad-value")
    structural(d, None)
    assert field in d.message and "Comment 1" in d.message


def test_an_id_holds_only_lowercase_letters_digits_and_hyphens() -> None:
    d = the(plan(item("My Degree", "associate-hit", "2027-fall")), "bad-value")
    structural(d, "My Degree")
    assert "a-z, 0-9 and -" in d.message


@pytest.mark.parametrize(
    ("document", "item", "words"),
    [
        ({**minimal(), "title": 5}, None, "title should be text"),
        ({"profile": "alex"}, None, "profile should be a table"),
        ({**minimal(), "items": "aas"}, None, "items should be an array of tables"),
        ({**minimal(), "items": [1, 2]}, None, "items should be an array of tables"),
        (
            {**minimal(healthcare_experience_years="two")},
            None,
            "healthcare_experience_years should be a number",
        ),
        (
            {**minimal(healthcare_experience_years=True)},
            None,
            "healthcare_experience_years should be a number",
        ),
        ({**minimal(credentials="rhit")}, None, "credentials should be a list of text"),
        ({**minimal(goal=["rhit"])}, None, "goal should be text"),
        (
            {**minimal(), "items": [{**degree(), "covers": "statistics"}]},
            "aas",
            "covers should be a list of text",
        ),
        ({**minimal(), "items": [{**degree(), "after": [1]}]}, "aas", "after should be a list of text"),
        ({**minimal(), "items": [{**degree(), "id": 7}]}, None, "id should be text"),
        ({**minimal(), "items": [{**degree(), "title": {"a": 1}}]}, "aas", "title should be text"),
        (
            {**minimal(), "comments": [{"author": "K", "text": "t", "date": "yesterday"}]},
            None,
            "date should be a date",
        ),
    ],
)
def test_wrong_types_from_the_file_are_bad_values(
    document: dict[str, Any], item: str | None, words: str
) -> None:
    diagnostics = found(from_toml(document), "bad-value")
    assert diagnostics, document
    matching = [d for d in diagnostics if words in d.message]
    assert matching, [d.message for d in diagnostics]
    structural(matching[0], item)


def test_right_types_from_the_file_are_fine() -> None:
    document = {
        **minimal(healthcare_experience_years=3, credentials=["rhit"], role="health-information-technician"),
        "title": "Alex",
        "items": [{**degree(), "covers": ["statistics"], "after": []}],
        "comments": [{"author": "K", "text": "t", "date": datetime.date(2026, 12, 2), "item": "aas"}],
    }
    assert quiet(from_toml(document), "bad-value")


def test_errors_come_first_then_warnings_then_suggestions() -> None:
    subject = plan(
        degree(covers=["statistics"]),
        item("tech", "health-information-technician", "2028-fall"),
        exam(start="2028-spring"),
        degree("aas", start="2030-fall"),
    )
    severities = [d.severity for d in validate(subject)]
    assert severities == sorted(severities, key=["error", "warning", "suggestion"].index)
    assert {"error", "warning", "suggestion"} <= set(severities)
