"""The JSON Schema: a valid draft 2020-12 schema that accepts real plans and flags what editors should."""

from __future__ import annotations

import datetime
import tomllib
from typing import Any

import pytest

from planner.core.packs import default_pack
from planner.core.schema import plan_schema
from planner.core.starter import starter_plan
from planner.core.storage import dumps
from planner.core.terms import Term
from tests.unit.advisor_plans import ALEX

jsonschema = pytest.importorskip("jsonschema")


def as_json(value: Any) -> Any:
    """TOML data as a TOML language server hands it to a JSON Schema validator (dates as text)."""
    if isinstance(value, dict):
        return {key: as_json(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [as_json(entry) for entry in value]
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    return value


def errors(text: str) -> list[str]:
    """The schema's complaints about a plan's TOML text, as `path: message`."""
    validator = jsonschema.Draft202012Validator(
        plan_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    data = as_json(tomllib.loads(text))
    return [
        "/".join(str(part) for part in error.absolute_path) + ": " + error.message
        for error in validator.iter_errors(data)
    ]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = plan_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_a_hand_written_plan_with_comments_waivers_and_approvals_is_accepted() -> None:
    text = ALEX + (
        '\n[[waivers]]\nrule = "associate-coursework"\nitem = "aas"\nby = "J. Kim"\n'
        'date = 2026-12-03\nreason = "Transcript on file."\n'
        '\n[[approvals]]\nby = "J. Kim"\ndate = 2026-12-03\ndigest = "sha256:' + "0" * 64 + '"\n'
    )
    assert errors(text) == []


@pytest.mark.parametrize("goal", list(default_pack().goals))
def test_every_starter_plan_is_accepted(goal: str) -> None:
    assert errors(dumps(starter_plan(goal, Term.parse("2027-fall"), "Sam"))) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (('start = "2029-summer"', 'start = "summer 2029"'), "items/1/start"),
        (('requirement = "rhit-exam"', 'requirement = "rhit-test"'), "items/1/requirement"),
        (('goal = "coding-specialist"', 'goal = "coder"'), "profile/goal"),
        (('education = "high-school"', 'education = "college"'), "profile/education"),
        (('id = "tech"', 'id = "Tech Job"'), "items/3/id"),
        (("date = 2026-12-02", 'date = "yesterday"'), "comments/0/date"),
        (
            ("healthcare_experience_years = 0", "healthcare_experience_years = -1"),
            "profile/healthcare_experience_years",
        ),
        (('format = "hit-career-plan/1"', 'format = "hit-career-plan/2"'), "format"),
    ],
)
def test_mistakes_an_editor_should_flag(change: tuple[str, str], where: str) -> None:
    old, new = change
    assert old in ALEX
    found = errors(ALEX.replace(old, new, 1))
    assert any(error.startswith(where + ":") for error in found), found


def test_missing_required_fields_are_flagged() -> None:
    found = errors(ALEX.replace('goal = "coding-specialist"\n', "", 1))
    assert any(error.startswith("profile:") and "goal" in error for error in found)


def test_unknown_keys_are_allowed_because_the_planner_keeps_them() -> None:
    text = ALEX.replace('title = "Alex', 'school_id = 42\ntitle = "Alex', 1)
    text = text.replace('notes = "Evening', 'advisor_code = "X1"\nnotes = "Evening', 1)
    assert errors(text) == []


def test_enums_come_from_the_catalog() -> None:
    cat = default_pack()
    schema = plan_schema()
    item = schema["properties"]["items"]["items"]["properties"]
    profile = schema["properties"]["profile"]["properties"]
    assert item["requirement"]["enum"] == list(cat.milestones)
    assert item["status"]["enum"] == list(cat.statuses)
    assert item["facility"]["enum"] == list(cat.facilities)
    assert item["track"]["enum"] == list(cat.tracks)
    assert set(item["covers"]["items"]["enum"]) == {*cat.coursework_areas, cat.general_education}
    assert profile["goal"]["enum"] == list(cat.goals)
    assert profile["role"]["enum"] == ["none", *cat.jobs]
    assert profile["credentials"]["items"]["enum"] == list(cat.credentials)
    assert profile["completed"]["items"]["enum"] == list(cat.milestones)
    assert profile["education"]["enum"] == list(cat.educations)
    waiver = schema["properties"]["waivers"]["items"]["properties"]
    assert set(waiver["rule"]["enum"]) == set(cat.rules)


def test_every_field_has_a_description_for_the_editor_to_show() -> None:
    def walk(node: dict[str, Any], path: str) -> list[str]:
        missing = []
        for name, sub in node.get("properties", {}).items():
            if not sub.get("description"):
                missing.append(f"{path}.{name}")
            missing += walk(sub, f"{path}.{name}")
        if isinstance(node.get("items"), dict):
            missing += walk(node["items"], path + "[]")
        return missing

    assert walk(plan_schema(), "plan") == []


def test_the_schema_holds_no_reference_a_language_server_would_have_to_resolve() -> None:
    assert "$ref" not in str(plan_schema())
