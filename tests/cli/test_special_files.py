"""A FIFO, a device or another special file given as a plan, or found in a folder, is refused
at once in one line, never read (so never waited on); the other plans of a folder are checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PLAN = 'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n'

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def planner(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`planner ARGS`, which must answer within seconds (a FIFO nobody writes would hang a read)."""
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{}"],
        ["next", "{}"],
        ["fmt", "{}"],
        ["export", "{}"],
        ["diff", "--textconv", "{}"],
        ["diff", "{}", "other.toml"],
        ["comment", "{}", "--author", "J. Kim", "A note."],
        ["sign", "{}", "--as", "J. Kim"],
        ["{}"],
    ],
)
def test_a_fifo_given_as_a_plan_is_refused_at_once_in_one_line(tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    (tmp_path / "other.toml").write_text(PLAN)
    done = planner(*[arg.replace("{}", str(fifo)) for arg in args], cwd=tmp_path)
    output = done.stdout + done.stderr
    assert "a FIFO (named pipe), not a plan file" in output
    if args[:2] != ["diff", "--textconv"]:  # git's textconv shows the reason as text, exit 0
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1, done.stderr
    assert sorted(os.listdir(tmp_path)) == ["other.toml", "plan.toml"] and fifo.is_fifo()


def test_a_device_is_refused_without_being_read(tmp_path: Path) -> None:
    done = planner("check", "/dev/zero", cwd=tmp_path)  # reading it would never end
    assert done.returncode == 2 and "/dev/zero: this is a device, not a plan file" in done.stderr


def test_a_fifo_in_a_folder_is_refused_and_the_other_plans_are_checked(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.toml")
    (tmp_path / "b.toml").write_text(PLAN)
    done = planner("check", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert f"{tmp_path / 'a.toml'}: this is a FIFO (named pipe), not a plan file" in done.stdout + done.stderr
    assert str(tmp_path / "b.toml") in done.stdout + done.stderr


def test_export_does_not_write_over_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text(PLAN)
    os.mkfifo(tmp_path / "report.md")
    done = planner("export", "plan.toml", "-o", "report.md", cwd=tmp_path)
    assert done.returncode == 2 and "FIFO" in done.stderr
    assert Path(tmp_path / "report.md").is_fifo()
