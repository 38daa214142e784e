"""Findings point at their line (FILE:LINE), and an unknown reference close to a known id says
`did you mean`: lines of planted errors, the scanner's blind spots, the suggestion as data."""

from __future__ import annotations

import json

from planner import cli
from planner.core.lines import scan
from planner.core.storage import parse_plan
from planner.core.validate import validate

PLANTED = '''format = "hit-career-plan/1"
title = "Planted errors"

# the profile, with a mistyped credential
[profile]
goal = "rhit"
starts = "2027-fall"
credentials = ["rhitt"]

[[items]]
id = "aas"
requirement = "asociate-hit"
start = "2027-fal"
notes = """
[[items]]
id = "not-a-table" # inside a multi-line string
"""

[[items]]
id = "exam"
requirement = "rhit-exam"
start = "2027-fall"
after = [
  "aas",
  "zzz",
]

[[comments]]
author = "J. Kim"
item = "exm"
text = "Book it."
'''


def diagnostics_of(text: str):
    from planner.core.lines import place

    plan = parse_plan(text, "p.toml")
    found = validate(plan)
    place(found, text, plan)
    return {(d.rule, d.item, d.message.split(" ", 1)[0]): d for d in found}


def line_of(text: str, written: str, after: int = 0) -> int:
    return text.splitlines().index(written, after) + 1


def test_each_planted_error_points_at_the_line_of_its_field() -> None:
    found = diagnostics_of(PLANTED)
    assert found["unknown-reference", None, "profile.credentials"].line == line_of(
        PLANTED, 'credentials = ["rhitt"]'
    )
    assert found["unknown-reference", "aas", "requirement"].line == line_of(
        PLANTED, 'requirement = "asociate-hit"'
    )
    assert found["bad-term", "aas", "start"].line == line_of(PLANTED, 'start = "2027-fal"')
    assert found["unknown-reference", "exam", "after"].line == line_of(PLANTED, "after = [")
    assert found["unknown-reference", None, "Comment"].line == line_of(PLANTED, 'item = "exm"')


def test_a_rule_about_the_item_as_a_whole_points_at_its_header() -> None:
    found = diagnostics_of(PLANTED)
    exam = found["rhit-exam-needs-cahiim-associate", "exam", "The"]
    # the second real [[items]] header, not the one written inside the notes string
    assert exam.line == line_of(PLANTED, "[[items]]", line_of(PLANTED, '"""', 14))


def test_a_missing_field_points_at_its_table_and_a_plan_wide_rule_at_the_profile() -> None:
    text = (
        'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\n\n'
        '[[items]]\nid = "x"\nstart = "2027-fall"\n'
    )
    found = diagnostics_of(text)
    missing = [d for d in found.values() if d.rule == "bad-value"]
    assert [(d.message, d.line) for d in missing] == [
        ("profile.starts is missing; it is required.", 3),
        ('Item 1 ("x"): requirement is missing; it is required.', 6),
    ]


def test_a_finding_about_no_place_has_no_line_and_check_prints_file_colon_severity(tmp_path, capsys) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = "hit-career-plan/1"\ntitle = "No profile"\n', encoding="utf-8")
    status = cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.splitlines()[0].startswith(f"{path}: error bad-value: The plan has no [profile] table")


def test_check_prints_file_colon_line_and_json_carries_line(tmp_path, capsys) -> None:
    path = tmp_path / "planted.toml"
    path.write_text(PLANTED, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    term = line_of(PLANTED, 'start = "2027-fal"')
    assert f'{path}:{term}: error bad-term [aas]: start is "2027-fal", which is not a term' in out
    assert cli.main(["check", "--format", "json", str(path)]) == 1
    diagnostics = json.loads(capsys.readouterr().out)["plans"][0]["diagnostics"]
    assert all("line" in d for d in diagnostics)
    assert {d["line"] for d in diagnostics if d["rule"] == "bad-term"} == {term}


def test_a_close_unknown_reference_says_did_you_mean_and_carries_the_id() -> None:
    found = diagnostics_of(PLANTED)
    requirement = found["unknown-reference", "aas", "requirement"]
    assert requirement.message.endswith('is not a milestone in the catalog; did you mean "associate-hit"?')
    assert requirement.suggestion == "associate-hit"
    assert found["unknown-reference", None, "profile.credentials"].suggestion == "rhit"
    assert found["unknown-reference", None, "Comment"].suggestion == "exam"
    far = found["unknown-reference", "exam", "after"]  # "zzz" is like no item id
    assert far.suggestion is None and "did you mean" not in far.message


def test_did_you_mean_covers_goals_roles_and_renews() -> None:
    text = (
        'format = "hit-career-plan/1"\n[profile]\ngoal = "coding-specialst"\nrole = "coding-specalist"\n'
        'starts = "2027-fall"\n[[items]]\nid = "ce"\nrequirement = "continuing-education"\n'
        'start = "2028-fall"\nrenews = "rhti"\n'
    )
    found = diagnostics_of(text)
    suggestions = {key[2]: d.suggestion for key, d in found.items() if key[0] == "unknown-reference"}
    assert suggestions["profile.goal"] == "coding-specialist"
    assert suggestions["renews"] == "rhit"
    assert suggestions["profile.role"] is not None


def test_the_scanner_steps_over_strings_arrays_and_inline_tables() -> None:
    text = (
        "a = 'x = 1'\n"
        'b = [\n  "[[items]]",\n  [1, 2],\n]\n'
        "c = { d = 1, e = [\n 3 ] }\n"
        "[[items]] # one\n"
        "'quoted key' = '''\nf = 2\n'''\n"
        '"g" = "\\"[x]"\n'
    )
    layout = scan(text)
    assert layout.top.keys == {"a": 1, "b": 2, "c": 6}
    (item,) = layout.arrays["items"]
    assert item.header == 8 and item.keys == {"quoted key": 9, "g": 12}
