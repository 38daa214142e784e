"""`planner check --fix`, `--fix --diff`, and the fixes in `check --format json`."""

from __future__ import annotations

import json
import os
from pathlib import Path

from planner import cli

LATE_EXAM = """\
format = "hit-career-plan/1"
title = "Late exam"

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

CYCLE = """\
format = "hit-career-plan/1"

[profile]
goal = "rhit"
starts = "2027-fall"

[[items]]
id = "a"
requirement = "course"
start = "2027-fall"
area = "statistics"
after = ["b"]

[[items]]
id = "b"
requirement = "course"
start = "2028-spring"
area = "statistics"
after = ["a"]
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fix_applies_the_fixes_writes_the_plan_and_prints_what_remains(tmp_path, capsys) -> None:
    path = write(tmp_path, "late.toml", LATE_EXAM)
    os.chmod(path, 0o600)
    status, out, err = run(capsys, "check", "--fix", str(path))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}: fixed rhit-exam-needs-cahiim-associate [exam]: "
        'Move the RHIT exam "exam" to 2029-summer, after the degree "aas" ends'
    )
    assert lines[-1] == f"{path}: ok: 0 errors, 0 warnings, 0 suggestions"
    text = path.read_text(encoding="utf-8")
    assert 'start = "2029-summer"' in text and 'start = "2029-spring"' not in text
    assert os.stat(path).st_mode & 0o777 == 0o600
    status, out, _ = run(capsys, "check", str(path))
    assert status == 0 and "error" not in out.replace("0 errors", "")


def test_fix_exit_status_is_that_of_what_remains(tmp_path, capsys) -> None:
    path = write(tmp_path, "cycle.toml", CYCLE)
    status, out, _ = run(capsys, "check", "--fix", str(path))
    assert status == 1  # a circle of `after` offers no fix
    assert "fixed" not in out and "dependency-cycle" in out
    assert path.read_text(encoding="utf-8") == CYCLE  # nothing to fix: nothing written


def test_fix_diff_writes_nothing_and_prints_a_unified_diff(tmp_path, capsys) -> None:
    path = write(tmp_path, "late.toml", LATE_EXAM)
    status, out, _ = run(capsys, "check", "--fix", "--diff", str(path))
    assert status == 0
    assert path.read_text(encoding="utf-8") == LATE_EXAM
    lines = out.splitlines()
    assert lines[0] == f"--- a/{path}" and lines[1] == f"+++ b/{path}"
    assert '-start = "2029-spring"' in lines and '+start = "2029-summer"' in lines


def test_an_unreadable_plan_is_reported_and_never_written_the_others_are_fixed(tmp_path, capsys) -> None:
    broken = write(tmp_path, "broken.toml", "format = \n")
    good = write(tmp_path, "late.toml", LATE_EXAM)
    status, out, err = run(capsys, "check", "--fix", str(broken), str(good))
    assert status == 2
    assert str(broken) in err and len(err.splitlines()) == 1
    assert broken.read_text(encoding="utf-8") == "format = \n"
    assert f"{good}: fixed" in out


def test_a_waived_diagnostic_is_not_fixed(tmp_path, capsys) -> None:
    waived = LATE_EXAM + (
        '\n[[waivers]]\nrule = "rhit-exam-needs-cahiim-associate"\nitem = "exam"\n'
        'by = "J. Kim"\nreason = "early testing agreed"\n'
    )
    path = write(tmp_path, "waived.toml", waived)
    status, out, _ = run(capsys, "check", "--fix", str(path))
    assert status == 0 and "fixed" not in out and "[waived by J. Kim" in out
    assert path.read_text(encoding="utf-8") == waived


def test_json_diagnostics_carry_their_fixes(tmp_path, capsys) -> None:
    path = write(tmp_path, "late.toml", LATE_EXAM)
    cycle = write(tmp_path, "cycle.toml", CYCLE)
    status, out, _ = run(capsys, "check", "--format", "json", str(path), str(cycle))
    assert status == 1
    late, circle = json.loads(out)["plans"]
    (diagnostic,) = late["diagnostics"]
    assert diagnostic["fixes"] == [
        {"title": 'Move the RHIT exam "exam" to 2029-summer, after the degree "aas" ends'}
    ]
    assert all(d["fixes"] == [] for d in circle["diagnostics"])
    assert path.read_text(encoding="utf-8") == LATE_EXAM  # checking writes nothing


def test_fix_in_json_lists_what_was_fixed(tmp_path, capsys) -> None:
    path = write(tmp_path, "late.toml", LATE_EXAM)
    status, out, _ = run(capsys, "check", "--fix", "--format", "json", str(path))
    (result,) = json.loads(out)["plans"]
    assert status == 0 and result["ok"] is True and result["diagnostics"] == []
    assert [fixed["rule"] for fixed in result["fixed"]] == ["rhit-exam-needs-cahiim-associate"]


def test_diff_without_fix_is_refused(tmp_path, capsys) -> None:
    path = write(tmp_path, "late.toml", LATE_EXAM)
    status, _, err = run(capsys, "check", "--diff", str(path))
    assert status == 2 and "--diff goes with --fix" in err


def test_every_goals_starter_plan_from_planner_new_has_no_renewal_warning(tmp_path, capsys) -> None:
    from planner.core.packs import default_pack

    for goal in default_pack().goals:
        path = tmp_path / f"{goal}.toml"
        status, _, err = run(capsys, "new", "--goal", goal, "--starts", "2027-fall", str(path))
        assert status == 0, err
        status, out, _ = run(capsys, "check", str(path))
        assert status == 0 and "credential-renewal" not in out, out
