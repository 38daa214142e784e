"""Issue 9, items 13, 14 and 16: a file name cannot forge a line of output, nothing the planner
writes is rejected by its own check at the end of the calendar, and `fmt` on a folder with no
plans says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.edits import EditRefused, move_item, resize_item, take_steps
from planner.core.nextsteps import next_steps
from planner.core.packs import default_pack
from planner.core.storage import load_plan

REPO = Path(__file__).resolve().parents[2]
LATE = 'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\nstarts = "9999-summer"\n'


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- 13: a newline in a file name -------------------------------------------------------------


def test_a_file_name_holding_a_newline_is_one_line_of_error(tmp_path, capsys):
    broken = tmp_path / "x\nalex.toml:3: error forged [aas]: forged.toml"
    broken.write_text("not toml at all")
    status, out, err = run(capsys, "check", str(broken))
    assert status == 2
    assert err.count("\n") == 1, err  # one line, not two
    assert "x\\x0aalex.toml:3: error forged" in err


def test_a_file_name_holding_a_newline_cannot_forge_a_finding(tmp_path, capsys):
    plan = tmp_path / "a\nb.toml"
    shutil.copy(REPO / "plans" / "rhit.toml", plan)
    plan.write_text(plan.read_text().replace('goal = "rhit"', 'goal = "rhti"'))
    status, out, _err = run(capsys, "check", str(plan))
    assert status == 1
    lines = out.splitlines()
    assert all(line.startswith(str(tmp_path / "a\\x0ab.toml")) for line in lines), out
    assert 'did you mean "rhit"?' in out


# --- 14: the last term a plan can hold --------------------------------------------------------


def test_new_refuses_a_start_whose_plan_would_run_past_9999(tmp_path, capsys):
    path = tmp_path / "late.toml"
    status, out, err = run(capsys, "new", "--goal", "rhit", "--starts", "9999-fall", str(path))
    assert status == 2
    assert "would run past 9999-fall" in err and err.count("\n") == 1
    assert not path.exists()


def test_new_near_the_end_of_the_calendar_writes_a_plan_its_check_accepts(tmp_path, capsys):
    path = tmp_path / "late.toml"
    assert run(capsys, "new", "--goal", "rhit", "--starts", "9997-fall", str(path))[0] == 0
    status, out, _err = run(capsys, "check", str(path))
    assert status == 0, out


def test_next_says_a_step_past_9999_cannot_be_taken_and_taking_it_is_refused(tmp_path, capsys):
    path = tmp_path / "late.toml"
    path.write_text(LATE)
    status, out, _err = run(capsys, "next", str(path))
    assert "This step cannot be taken: 10000-fall would come after 9999-fall" in out
    plan = load_plan(str(path))
    with pytest.raises(EditRefused, match="after 9999-fall"):
        take_steps(plan, next_steps(plan, default_pack()))


def test_moving_or_lengthening_an_item_past_9999_fall_is_refused(tmp_path):
    path = tmp_path / "late.toml"
    path.write_text(LATE + '\n[[items]]\nid = "aas"\nrequirement = "associate-hit"\nstart = "9999-fall"\n')
    plan = load_plan(str(path))
    item = plan.item("aas")
    with pytest.raises(EditRefused, match="aas cannot go there: 10000-spring would come after 9999-fall"):
        move_item(plan, item, 1)
    with pytest.raises(EditRefused, match="after 9999-fall"):
        resize_item(plan, item, 1)
    assert str(move_item(plan, item, -1).description) == "move aas a term earlier"


# --- 16: fmt on a folder without plans --------------------------------------------------------


def test_fmt_on_a_folder_holding_no_plans_says_so_and_exits_2(tmp_path, capsys):
    status, out, err = run(capsys, "fmt", str(tmp_path))
    assert status == 2
    assert err == f"{tmp_path}: this folder holds no .toml plan files\n"
