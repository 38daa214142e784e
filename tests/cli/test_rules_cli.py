"""Choosing a rule pack on the command line: `rules`, `--rules`, `new`, packs of one's own, bad pack files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner import cli
from planner.core.digest import plan_digest
from planner.core.storage import load_plan

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "practicum"

EARLY_EXAM = """\
format = "hit-career-plan/1"
{rules}
[profile]
goal = "rhit"
starts = "2027-fall"

[[items]]
id = "aas"
requirement = "associate-hit"
start = "2027-fall"
end = "2029-spring"
accredited_by = "CAHIIM"

[[items]]
id = "exam"
requirement = "rhit-exam"
start = "2029-spring"

[[items]]
id = "rhit"
requirement = "rhit"
start = "2029-fall"
after = ["exam"]
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def early(folder: Path, rules: str | None = None, name: str = "plan.toml") -> Path:
    return write(folder, name, EARLY_EXAM.format(rules=f'rules = "{rules}"\n' if rules else ""))


# --- the plan's rules field and --rules -------------------------------------------------------


def test_a_plan_without_rules_is_checked_under_hit_2008(tmp_path, capsys) -> None:
    status, out, _ = run(capsys, "check", str(early(tmp_path)))
    assert status == 1 and "rhit-exam-needs-cahiim-associate" in out and "rhit-early-testing" not in out


def test_a_plan_under_hit_2026_may_test_early(tmp_path, capsys) -> None:
    status, out, _ = run(capsys, "check", str(early(tmp_path, "hit-2026")))
    assert status == 0, out
    assert "suggestion rhit-early-testing [exam]" in out and "(ahima-rhit)" in out


def test_rules_on_the_command_line_overrides_the_plans(tmp_path, capsys) -> None:
    path = early(tmp_path, "hit-2026")
    status, out, _ = run(capsys, "check", "--rules", "hit-2008", str(path))
    assert status == 1 and "rhit-exam-needs-cahiim-associate" in out
    status, out, _ = run(capsys, "check", "--rules", "hit-2026", "--format", "json", str(early(tmp_path)))
    rules = [d["rule"] for d in json.loads(out)["plans"][0]["diagnostics"]]
    assert status == 0 and "rhit-early-testing" in rules


def test_next_export_and_diff_take_rules(tmp_path, capsys) -> None:
    path = write(
        tmp_path,
        "p.toml",
        'format = "hit-career-plan/1"\n[profile]\ngoal = "coding-specialist"\nstarts = "2027-fall"\n',
    )
    _, old_steps, _ = run(capsys, "next", str(path))
    status, new_steps, _ = run(capsys, "next", "--rules", "hit-2026", str(path))
    assert status == 0 and "(ccs)" in new_steps and "(ccs)" not in old_steps
    status, report, _ = run(capsys, "export", "--rules", "hit-2026", str(early(tmp_path)))
    assert status == 0 and "early testing" in report
    other = early(tmp_path, "hit-2026", "other.toml")
    status, out, _ = run(capsys, "diff", str(early(tmp_path)), str(other))
    assert status == 1 and "rules" in out and "diagnostic went away" in out
    status, out, _ = run(capsys, "diff", "--rules", "hit-2026", str(early(tmp_path)), str(other))
    assert "diagnostic went away" not in out


def test_the_rules_field_is_part_of_the_digest(tmp_path) -> None:
    before = plan_digest(load_plan(str(early(tmp_path))))
    after = plan_digest(load_plan(str(early(tmp_path, "hit-2026", "b.toml"))))
    assert before != after


def test_a_pack_the_planner_cannot_find_is_one_line_and_exit_2(tmp_path, capsys) -> None:
    path = early(tmp_path, "packs/college.toml")
    status, out, err = run(capsys, "check", str(path))
    assert status == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert str(path) in line and 'rules = "packs/college.toml"' in line
    assert str(tmp_path / "packs" / "college.toml") in line and "hit-2008, hit-2026" in line
    status, _, err = run(capsys, "check", "--rules", "hit-1999", str(early(tmp_path)))
    assert status == 2 and "--rules hit-1999" in err and "hit-2008, hit-2026" in err


def test_the_app_does_not_open_a_plan_whose_pack_cannot_be_read(tmp_path, capsys) -> None:
    status, _, err = run(capsys, str(early(tmp_path, "missing.toml")))
    assert status == 2 and "missing.toml" in err and "built-in packs" in err


# --- planner new ------------------------------------------------------------------------------


def test_new_writes_the_rules_as_they_stand_today(tmp_path, capsys) -> None:
    path = tmp_path / "new.toml"
    status, _, err = run(capsys, "new", "--goal", "coding-specialist", "--starts", "2027-fall", str(path))
    assert status == 0, err
    plan = load_plan(str(path))
    assert plan.rules == "hit-2026"
    assert "ccs" in [item.requirement for item in plan.items]
    status, out, _ = run(capsys, "check", str(path))
    assert status == 0, out


def test_new_with_the_seeds_rules(tmp_path, capsys) -> None:
    path = tmp_path / "seed.toml"
    status, _, _ = run(capsys, "new", "--goal", "coding-specialist", "--rules", "hit-2008", str(path))
    plan = load_plan(str(path))
    assert status == 0 and plan.rules == "hit-2008"
    assert "ccs" not in [item.requirement for item in plan.items]
    status, _, err = run(capsys, "new", "--goal", "rhit", "--rules", "mine.toml", str(tmp_path / "x.toml"))
    assert status == 2 and "not a built-in pack" in err


# --- planner rules ----------------------------------------------------------------------------


def test_rules_lists_the_packs(capsys) -> None:
    status, out, _ = run(capsys, "rules")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].startswith("hit-2008 (default): ") and "16 rules" in lines[0]
    assert lines[1].startswith("hit-2026 (new plans): ") and "as of 2026-12" in lines[1]


def test_rules_show_prints_every_rule_with_its_severity_and_citation_and_the_sources(capsys) -> None:
    status, out, _ = run(capsys, "rules", "show", "hit-2026")
    assert status == 0
    assert "  error chps-eligibility (ahima-chps): " in out
    assert "  suggestion rhit-early-testing (ahima-rhit): " in out
    assert "  ncra-ods: NCRA" in out and "https://www.ncra-usa.org/" in out and "read 2026-12-01" in out


def test_rules_diff_says_what_differs_and_exits_as_diff(capsys) -> None:
    status, out, _ = run(capsys, "rules", "diff", "hit-2008", "hit-2026")
    assert status == 1
    assert "rule ods-eligibility added" in out and "milestone ccs added" in out
    assert "goal coding-specialist: path:" in out
    status, out, _ = run(capsys, "rules", "diff", "hit-2026", "hit-2026")
    assert status == 0 and "the same" in out
    status, _, err = run(capsys, "rules", "diff", "hit-2026", "nothing.toml")
    assert status == 2 and "nothing.toml" in err


def test_schema_pack_is_a_json_schema_naming_every_rule_kind(capsys) -> None:
    status, out, _ = run(capsys, "schema", "--pack")
    schema = json.loads(out)
    assert status == 0 and schema["required"] == ["extends"]
    kinds = {
        entry["properties"]["kind"]["const"]
        for entry in schema["properties"]["rules"]["additionalProperties"]["anyOf"][:-1]
    }
    assert {"needs-before", "experience-before", "field", "renewal"} <= kinds


# --- a pack of one's own: the README's worked example -----------------------------------------


def _readme_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)


def test_the_readme_shows_the_practicum_pack_and_plan_verbatim() -> None:
    blocks = _readme_blocks()
    assert (EXAMPLE / "lakeside-pack.toml").read_text(encoding="utf-8") in blocks
    assert (EXAMPLE / "plan.toml").read_text(encoding="utf-8") in blocks


def test_the_worked_example_gives_the_finding_the_readme_shows(capsys, monkeypatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    status, out, _ = run(capsys, "check", "plan.toml")
    shown = next(block for block in _readme_blocks() if block.startswith("$ planner check plan.toml\n"))
    assert "$ planner check plan.toml\n" + out + f"(exit {status})\n" == shown
    assert status == 1 and "error practicum-before-graduation [aas]" in out and "(lakeside-handbook)" in out


def test_with_the_practicum_planned_the_example_has_no_error(tmp_path, capsys) -> None:
    write(tmp_path, "lakeside-pack.toml", (EXAMPLE / "lakeside-pack.toml").read_text(encoding="utf-8"))
    practicum = '\n[[items]]\nid = "practicum"\nrequirement = "practicum"\nstart = "2029-spring"\n'
    path = write(tmp_path, "plan.toml", (EXAMPLE / "plan.toml").read_text(encoding="utf-8") + practicum)
    status, out, _ = run(capsys, "check", str(path))
    assert status == 0 and "practicum-before-graduation" not in out


def test_a_pack_of_ones_own_changes_numbers_and_severities_and_turns_rules_off(tmp_path, capsys) -> None:
    write(tmp_path, "lakeside-pack.toml", (EXAMPLE / "lakeside-pack.toml").read_text(encoding="utf-8"))
    plan = """\
format = "hit-career-plan/1"
rules = "lakeside-pack.toml"

[profile]
goal = "section-supervisor"
starts = "2027-fall"
education = "high-school-student"
credentials = ["rhit"]

[[items]]
id = "aas"
requirement = "associate-hit"
start = "2027-fall"
end = "2029-spring"
accredited_by = "CAHIIM"
covers = ["medical-terminology"]

[[items]]
id = "practicum"
requirement = "practicum"
start = "2029-spring"

[[items]]
id = "tech"
requirement = "health-information-technician"
start = "2029-fall"
end = "2031-summer"
facility = "large"

[[items]]
id = "boss"
requirement = "section-supervisor"
start = "2031-fall"
facility = "large"
"""
    path = write(tmp_path, "plan.toml", plan)
    status, out, _ = run(capsys, "check", str(path))
    assert "error associate-coursework [aas]" in out  # a warning in hit-2026
    assert "warning supervisor-needs-experience [boss]" in out and "not three" in out  # six terms were enough
    assert "high-school-preparation" not in out  # turned off
    status, out, _ = run(capsys, "check", "--rules", "hit-2026", str(path))
    assert "supervisor-needs-experience" not in out and "warning associate-coursework" in out


# --- bad pack files ---------------------------------------------------------------------------

RULE = (
    '[rules.x]\nkind = "needs-before"\nitem = "rhit"\nneeds = "rhit-exam"\n'
    'severity = "error"\nsource = "P5"\n'
)


@pytest.mark.parametrize(
    ("pack", "line", "problem"),
    [
        ('extends = "hit-2026"\n[rules\n', 2, "not valid TOML"),
        ('title = "mine"\n', 1, "must extend a built-in pack"),
        ('extends = "hit-1999"\n', 1, '"hit-1999" is not a built-in pack'),
        ('extends = "hit-2026"\nimport = "os"\n', 2, '"import" is not part of a pack'),
        (
            'extends = "hit-2026"\n\n' + RULE.replace("needs-before", "magic") + 'message = "m"\n',
            4,
            '"magic"',
        ),
        ('extends = "hit-2026"\n' + RULE.replace('"rhit-exam"', '"nope"') + 'message = "m"\n', 5, '"nope"'),
        ('extends = "hit-2026"\n' + RULE + 'message = "{term.__class__}"\n', 8, "fills in only {term}"),
        ('extends = "hit-2026"\n' + RULE + 'message = "{term:>999999999}"\n', 8, "fills in only {term}"),
        ('extends = "hit-2026"\n' + RULE + 'message = "a } b"\n', 8, "braces"),
        (
            'extends = "hit-2026"\n' + RULE.replace('"error"', '"fatal"') + 'message = "m"\n',
            6,
            "severity must be",
        ),
        ('extends = "hit-2026"\n' + RULE + 'message = "m"\nwhen = "soon"\n', 9, "when must be"),
        ('extends = "hit-2026"\n[rules.duplicate-id]\noff = true\n', 2, "cannot be turned off"),
        (
            'extends = "hit-2026"\n[rules.ccs-preparation]\nroutes = [{terms = "x"}]\n',
            3,
            "each route needs terms",
        ),
        (
            'extends = "hit-2026"\n[milestones.x]\nkind = "job"\nname = "X"\n'
            'description = "d"\nterms = 1\nsource = "P3"\n',
            2,
            "needs a rank",
        ),
        ('extends = "hit-2026"\n[goals.rhit]\npath = ["nowhere"]\n', 3, '"nowhere"'),
    ],
)
def test_a_bad_pack_file_is_one_line_naming_the_file_the_line_and_the_problem(
    tmp_path, capsys, pack, line, problem
) -> None:
    pack_file = write(tmp_path, "pack.toml", pack)
    status, out, err = run(capsys, "check", str(early(tmp_path, "pack.toml")))
    assert status == 2 and out == ""
    (message,) = err.strip().splitlines()
    assert message.startswith(f"{pack_file}: line {line}: "), message
    assert problem in message
    assert "Traceback" not in err


def test_a_pack_file_is_data_only(tmp_path, capsys) -> None:
    write(
        tmp_path, "pack.toml", 'extends = "hit-2026"\n' + RULE + 'message = "{term.__init__.__globals__}"\n'
    )
    status, _, err = run(capsys, "check", str(early(tmp_path, "pack.toml")))
    assert status == 2 and "fills in only" in err
