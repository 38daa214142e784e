"""The `#:schema` first line: written by every save, kept when it names another place, harmless."""

from __future__ import annotations

from planner.core.storage import SCHEMA_HINT, dumps, has_comments, load, parse_plan, save, schema_target
from tests.unit.advisor_plans import ALEX, alex


def test_dumps_writes_the_schema_hint_first() -> None:
    text = dumps(alex())
    assert text.splitlines()[0] == "#:schema ./hit-career-plan-1.schema.json"
    assert SCHEMA_HINT == "./hit-career-plan-1.schema.json"
    assert text.splitlines()[1] == 'format = "hit-career-plan/1"'


def test_the_hint_survives_a_round_trip_and_is_not_a_comment_to_keep() -> None:
    text = dumps(alex())
    again = parse_plan(text, "alex.toml")
    assert again == alex()
    assert dumps(again) == text
    assert not has_comments(text)


def test_a_file_naming_another_schema_keeps_it() -> None:
    text = "#:schema https://plans.example.edu/hit-career-plan-1.schema.json\n" + ALEX
    plan = parse_plan(text, "alex.toml")
    assert schema_target(text) == "https://plans.example.edu/hit-career-plan-1.schema.json"
    assert dumps(plan).startswith("#:schema https://plans.example.edu/hit-career-plan-1.schema.json\n")


def test_a_relative_hint_in_a_subfolder_is_kept() -> None:
    plan = parse_plan("#:schema ../hit-career-plan-1.schema.json\n" + ALEX, "students/alex.toml")
    assert dumps(plan).splitlines()[0] == "#:schema ../hit-career-plan-1.schema.json"


def test_a_schema_line_that_is_not_first_is_an_ordinary_comment() -> None:
    text = ALEX.replace('title = "Alex', '#:schema ./x.json\ntitle = "Alex', 1)
    assert schema_target(text) is None
    assert has_comments(text)
    assert dumps(parse_plan(text, "alex.toml")).startswith(f"#:schema {SCHEMA_HINT}\n")


def test_saving_a_file_with_only_the_hint_keeps_no_backup(tmp_path) -> None:
    path = tmp_path / "alex.toml"
    path.write_text(dumps(alex()), encoding="utf-8")
    loaded = load(str(path))
    loaded.plan.title = "Alex: coding"
    saved = save(loaded.plan, str(path), loaded.text)
    assert saved.backup is None
    assert path.read_text(encoding="utf-8").startswith(f"#:schema {SCHEMA_HINT}\n")


def test_a_file_without_the_hint_does_not_gain_one_on_save(tmp_path) -> None:
    path = tmp_path / "alex.toml"
    without = dumps(alex()).split("\n", 1)[1]
    path.write_text(without, encoding="utf-8")
    loaded = load(str(path))
    loaded.plan.title = "Alex: coding"
    saved = save(loaded.plan, str(path), loaded.text)
    assert saved.backup is None
    assert path.read_text(encoding="utf-8") == without.replace("Alex: RHIT, then coding", "Alex: coding")


def test_fmt_gives_a_file_without_the_hint_the_hint(tmp_path) -> None:
    path = tmp_path / "alex.toml"
    path.write_text(dumps(alex()).split("\n", 1)[1], encoding="utf-8")
    loaded = load(str(path))
    saved = save(loaded.plan, str(path), loaded.text, canonical=True)
    assert saved.backup is None
    assert path.read_text(encoding="utf-8").startswith(f"#:schema {SCHEMA_HINT}\n")
