"""The command line as scripts and people use it: output, JSON, exit codes, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner import cli
from planner.cli import check as cli_check
from planner.core.storage import load_plan
from planner.core.validate import has_errors, validate

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "plans"

PLAN = """\
format = "hit-career-plan/1"
title = "Test plan"

[profile]
goal = "rhit"
starts = "2027-fall"
"""

EXAM_WITHOUT_DEGREE = (
    PLAN
    + """
[[items]]
id = "exam"
requirement = "rhit-exam"
start = "2028-spring"
"""
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in-process: (exit status, stdout, stderr)."""
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- check ------------------------------------------------------------------------------------


def test_check_prints_one_line_per_diagnostic_then_a_summary(tmp_path, capsys) -> None:
    path = write(tmp_path, "p.toml", EXAM_WITHOUT_DEGREE)
    status, out, err = run(capsys, "check", path)
    assert status == 1 and err == ""
    lines = out.splitlines()
    header = EXAM_WITHOUT_DEGREE.splitlines().index("[[items]]", PLAN.count("\n")) + 1
    # FILE:LINE, the line of the exam's [[items]] header (the rule is about the item, no one field)
    assert f"{path}:{header}: error rhit-exam-needs-cahiim-associate [exam]: " in lines[0]
    assert lines[0].endswith("(P5)")
    assert lines[-1] == f"{path}: has errors: 1 error, 0 warnings, 0 suggestions"


def test_check_of_a_clean_plan_exits_0(tmp_path, capsys) -> None:
    status, out, _ = run(capsys, "check", write(tmp_path, "p.toml", PLAN))
    assert status == 0
    assert out.strip().endswith(": ok: 0 errors, 0 warnings, 0 suggestions")


def test_every_example_plan_checks_without_error(capsys) -> None:
    examples = sorted(EXAMPLES.glob("*.toml"))
    assert len(examples) >= 8
    status, out, err = run(capsys, "check", *map(str, examples))
    assert status == 0, out + err
    goals = {load_plan(str(path)).profile.goal for path in examples}
    assert len(goals) == 8


def test_check_json_follows_the_contract(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.toml", EXAM_WITHOUT_DEGREE)
    broken = write(tmp_path, "broken.toml", 'format = "hit-career-plan/1"\ntitle = \n')
    status, out, err = run(capsys, "check", "--format", "json", good, broken)
    assert status == 2
    document = json.loads(out)
    first, second = document["plans"]
    assert first["file"] == good and first["ok"] is False
    assert first["diagnostics"][0] == {
        "severity": "error",
        "rule": "rhit-exam-needs-cahiim-associate",
        "item": "exam",
        "message": first["diagnostics"][0]["message"],
        "source": "P5",
        "line": EXAM_WITHOUT_DEGREE.splitlines().index("[[items]]", PLAN.count("\n")) + 1,
        "fixes": [],  # no degree in the plan: the remedy is the person's choice (fixes.md)
    }
    assert second == {"file": broken, "ok": False, "error": second["error"]}
    assert second["error"].startswith(f"{broken}, line 2, column ")
    assert err.strip() == second["error"]


def test_an_unreadable_file_does_not_stop_the_others(tmp_path, capsys) -> None:
    missing = str(tmp_path / "missing.toml")
    good = write(tmp_path, "good.toml", PLAN)
    status, out, err = run(capsys, "check", missing, good)
    assert status == 2
    assert err == f"{missing}: there is no such file\n"
    assert f"{good}: ok" in out


def test_check_walks_a_folder(tmp_path, capsys) -> None:
    (tmp_path / "students").mkdir()
    write(tmp_path / "students", "a.toml", PLAN)
    write(tmp_path / "students", "b.toml", EXAM_WITHOUT_DEGREE)
    write(tmp_path / "students", "notes.txt", "not a plan")
    status, out, _ = run(capsys, "check", str(tmp_path / "students"))
    assert status == 1
    summaries = [line for line in out.splitlines() if ": ok" in line or ": has errors" in line]
    assert [line.split(":")[0].rsplit("/", 1)[1] for line in summaries] == ["a.toml", "b.toml"]


def test_many_files_are_checked_in_parallel_with_the_same_result(tmp_path, capsys) -> None:
    paths = []
    for number in range(cli_check.PARALLEL_FROM + 6):
        paths.append(write(tmp_path, f"p{number:03}.toml", EXAM_WITHOUT_DEGREE if number % 3 else PLAN))
    paths.insert(10, str(tmp_path / "absent.toml"))
    parallel = cli_check.check_all(paths)
    serial = [cli_check.check_one(path) for path in paths]
    assert parallel == serial
    assert sum("error" in result for result in parallel) == 1


def test_control_characters_from_a_plan_never_reach_the_terminal(tmp_path, capsys) -> None:
    hostile = (
        PLAN
        + '\n[[items]]\nid = "x\\u001b]52;c;aGk=\\u0007"\n'
        + 'requirement = "nope\\u009b31m"\nstart = "2027-fall"\n'
    )
    status, out, _ = run(capsys, "check", write(tmp_path, "p.toml", hostile))
    assert status == 1
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b]52;c;aGk=\\x07" in out


def test_check_without_files_is_a_usage_error(capsys) -> None:
    status, _, err = run(capsys, "check")
    assert status == 2
    assert err.startswith("planner check: name at least one plan file or folder\nusage:")


def test_unknown_option_is_a_usage_error(capsys) -> None:
    status, _, err = run(capsys, "check", "--colour", "x.toml")
    assert status == 2 and "unknown option --colour" in err


# --- next -------------------------------------------------------------------------------------


def test_next_json_reproduces_the_contract_example(tmp_path, capsys) -> None:
    path = write(tmp_path, "alex.toml", PLAN)
    status, out, _ = run(capsys, "next", "--format", "json", path)
    assert status == 0
    document = json.loads(out)
    assert document["file"] == path and document["goal"] == "rhit"
    steps = [
        {key: step[key] for key in ("id", "requirement", "start", "end", "fields", "source") if key in step}
        for step in document["steps"]
    ]
    assert steps == [
        {
            "id": "associate-hit",
            "requirement": "associate-hit",
            "start": "2027-fall",
            "end": "2029-spring",
            "fields": {"accredited_by": "CAHIIM"},
            "source": "P5",
        },
        {
            "id": "rhit-exam",
            "requirement": "rhit-exam",
            "start": "2029-summer",
            "end": "2029-summer",
            "fields": {"after": ["associate-hit"]},
            "source": "P5",
        },
        {
            "id": "rhit",
            "requirement": "rhit",
            "start": "2029-fall",
            "end": "2029-fall",
            "fields": {"after": ["rhit-exam"]},
            "source": "P5",
        },
    ]
    assert all(step["reason"] for step in document["steps"])


def test_next_text_lists_the_steps_in_order_with_reasons(tmp_path, capsys) -> None:
    status, out, _ = run(capsys, "next", write(tmp_path, "p.toml", PLAN))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith(": 3 steps to Registered Health Information Technician (RHIT)")
    assert (
        "1. Associate degree in health information technology (associate-hit), 2027-fall to 2029-spring"
        in lines[1]
    )
    assert any(line.strip().startswith("Why: ") and line.endswith("(P5)") for line in lines)


def test_next_exit_status_follows_the_plan_errors(tmp_path, capsys) -> None:
    status, _, _ = run(capsys, "next", write(tmp_path, "p.toml", EXAM_WITHOUT_DEGREE))
    assert status == 1


def test_next_on_an_unreadable_file(tmp_path, capsys) -> None:
    path = write(tmp_path, "p.toml", "format = 1\n")
    status, out, err = run(capsys, "next", path)
    assert status == 2 and out == ""
    assert err.startswith(f"{path}, line 1: this is not a plan")


# --- new --------------------------------------------------------------------------------------


@pytest.mark.parametrize("goal", list(__import__("planner.core.packs", fromlist=["x"]).default_pack().goals))
def test_new_writes_a_laid_out_plan_without_errors(tmp_path, capsys, goal: str) -> None:
    path = str(tmp_path / "mine.toml")
    status, out, _ = run(capsys, "new", "--goal", goal, "--starts", "2027-fall", path)
    assert status == 0 and "mine.toml" in out
    plan = load_plan(path)
    assert plan.profile.goal == goal and str(plan.profile.starts) == "2027-fall"
    assert plan.items and not has_errors(validate(plan))
    assert "nothing is missing on the way to" in run(capsys, "next", path)[1]
    status, out, _ = run(capsys, "next", "--format", "json", path)
    assert json.loads(out)["steps"] == []


def test_new_refuses_to_overwrite(tmp_path, capsys) -> None:
    path = write(tmp_path, "mine.toml", "precious")
    status, _, err = run(capsys, "new", "--goal", "rhit", path)
    assert status == 2 and "exists already" in err
    assert Path(path).read_text() == "precious"


def test_new_with_an_unknown_goal(tmp_path, capsys) -> None:
    status, _, err = run(capsys, "new", "--goal", "astronaut", str(tmp_path / "x.toml"))
    assert status == 2 and "astronaut is not a goal; goals are rhit, coding-specialist" in err
    assert not (tmp_path / "x.toml").exists()


# --- fmt --------------------------------------------------------------------------------------


def test_fmt_rewrites_and_then_checks_clean(tmp_path, capsys) -> None:
    path = write(tmp_path, "p.toml", PLAN.replace('goal = "rhit"', 'goal   =   "rhit"\nzodiac = "leo"'))
    assert run(capsys, "fmt", "--check", path)[0] == 1
    assert "goal   =   " in Path(path).read_text()  # --check changed nothing
    status, out, _ = run(capsys, "fmt", path)
    assert status == 0 and "rewritten" in out
    assert 'zodiac = "leo"' in Path(path).read_text()
    assert run(capsys, "fmt", "--check", path)[0] == 0


def test_fmt_keeps_a_commented_file_beside_the_plan(tmp_path, capsys) -> None:
    path = write(tmp_path, "p.toml", "# Advisor: see me\n" + PLAN)
    status, out, _ = run(capsys, "fmt", path)
    assert status == 0
    assert f"the previous version is in {os.path.realpath(path)}.~1~" in out
    assert Path(os.path.realpath(path) + ".~1~").read_text().startswith("# Advisor: see me")


def test_fmt_leaves_an_unreadable_file_untouched(tmp_path, capsys) -> None:
    text = PLAN + "oops = [\n"
    path = write(tmp_path, "p.toml", text)
    status, _, err = run(capsys, "fmt", path)
    assert status == 2 and err.startswith(f"{path}, line ")
    assert Path(path).read_text() == text
    assert sorted(os.listdir(tmp_path)) == ["p.toml"]


def test_fmt_refuses_a_read_only_file_in_one_line_and_goes_on(tmp_path, capsys) -> None:
    messy = PLAN.replace('goal = "rhit"', 'goal   =   "rhit"')
    locked = write(tmp_path, "locked.toml", messy)
    os.chmod(locked, 0o444)
    other = write(tmp_path, "other.toml", messy)
    status, out, err = run(capsys, "fmt", locked, other)
    assert status == 2
    assert err == f"{locked}: the file is read-only, so the plan was not written over it\n"
    assert Path(locked).read_text() == messy
    assert f"{other}: rewritten" in out and "goal   =" not in Path(other).read_text()


def test_fmt_writes_through_a_symlink(tmp_path, capsys) -> None:
    real = write(tmp_path, "real.toml", PLAN.replace('goal = "rhit"', 'goal   =   "rhit"'))
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert run(capsys, "fmt", str(link))[0] == 0
    assert link.is_symlink() and "goal   =" not in Path(real).read_text()


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), OSError(5, "Input/output error")])
def test_fmt_on_a_full_disk_or_an_io_error_leaves_the_file(tmp_path, capsys, monkeypatch, error) -> None:
    from planner.core import storage

    messy = PLAN.replace('goal = "rhit"', 'goal   =   "rhit"')
    path = write(tmp_path, "p.toml", messy)

    def broken(*args) -> None:
        raise error

    monkeypatch.setattr(storage.os, "fsync", broken)
    status, _, err = run(capsys, "fmt", path)
    assert status == 2 and err == f"{path}: the plan cannot be saved: {error.strerror}\n"
    assert Path(path).read_text() == messy
    assert sorted(os.listdir(tmp_path)) == ["p.toml"]


# --- as a real process ------------------------------------------------------------------------


def planner_command() -> list[str]:
    script = shutil.which("planner")
    return [script] if script else [sys.executable, "-m", "planner"]


@pytest.mark.parametrize(
    "args",
    [["check", "/nonexistent/plan.toml"], ["next"], ["frobnicate"], ["check", "--format", "yaml", "x"]],
)
def test_bad_input_never_shows_a_traceback(args: list[str]) -> None:
    result = subprocess.run(planner_command() + args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0]


def test_check_output_piped_into_head_is_not_an_error(tmp_path) -> None:
    for number in range(300):
        write(tmp_path, f"p{number:03}.toml", EXAM_WITHOUT_DEGREE)
    result = subprocess.run(
        " ".join(planner_command() + ["check", str(tmp_path)]) + " | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.count("\n") == 1


def test_check_of_an_empty_folder_says_so(tmp_path, capsys) -> None:
    status, out, err = run(capsys, "check", str(tmp_path))
    assert status == 2 and out == ""
    assert err == f"{tmp_path}: this folder holds no .toml plan files\n"


@pytest.mark.parametrize(
    "command",
    [["check", "--format", "json"], ["check", "--summary", "--format", "json"], ["next", "--format", "json"]],
)
def test_json_output_escapes_c1_del_and_bidi_as_json_does(tmp_path, capsys, command) -> None:
    hostile = PLAN.replace('title = "Test plan"', 'title = "t\\u009b31m\\u007f\\u202e"') + (
        '\n[[items]]\nid = "x\\u009b\\u202e\\u007f"\nrequirement = "nope\\u009b"\nstart = "2027-fall"\n'
    )
    path = write(tmp_path, "p.toml", hostile)
    _status, out, _ = run(capsys, *command, path)
    for raw in ("\x9b", "\x7f", "\u202e", "\x1b"):
        assert raw not in out
    document = json.dumps(json.loads(out), ensure_ascii=False)
    if command[:2] == ["check", "--format"]:
        assert "x\x9b\u202e\x7f" in document  # the item's id, exactly, for a JSON reader
