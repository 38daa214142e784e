"""The advisor's commands as real processes, and as git's textconv and difftool for plan files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.advisor_plans import ALEX

PLANNER = [sys.executable, "-m", "planner"]


def planner(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PLANNER, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=60, check=False
    )


def test_diff_exit_status_as_a_process(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    new = tmp_path / "new.toml"
    old.write_text(ALEX, encoding="utf-8")
    new.write_text(ALEX, encoding="utf-8")
    assert planner("diff", old, new).returncode == 0
    new.write_text(ALEX.replace('issuer = "AAPC"', 'issuer = "BMSC"'), encoding="utf-8")
    result = planner("diff", old, new)
    assert result.returncode == 1 and 'item cert: issuer: "AAPC" -> "BMSC"' in result.stdout
    result = planner("diff", old, tmp_path / "gone.toml")
    assert result.returncode == 2 and "gone.toml: there is no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_and_sign_as_processes(tmp_path: Path) -> None:
    plan = tmp_path / "alex.toml"
    plan.write_text(ALEX, encoding="utf-8")
    assert planner("sign", plan, "--as", "J. Kim").returncode == 0
    signed = plan.read_text(encoding="utf-8")  # sign added its table and changed nothing else
    assert signed.startswith(ALEX) and signed[len(ALEX) :].count("[[approvals]]") == 1
    result = planner("export", plan, "--format", "html")
    assert result.returncode == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "current: J. Kim" in result.stdout


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
        "GIT_PAGER": "cat",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=60, check=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding Alex's plan, then a change to it in the work tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "plans"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "alex.toml").write_text(ALEX, encoding="utf-8")
    git(repo, "add", "alex.toml")
    git(repo, "commit", "-q", "-m", "Alex's plan")
    (repo / "alex.toml").write_text(
        ALEX.replace('end = "2033-fall"', 'end = "2034-spring"'), encoding="utf-8"
    )
    return repo


def test_git_diff_through_textconv(repo: Path) -> None:
    # The README's setup: one line in .gitattributes, one git config line.
    (repo / ".gitattributes").write_text("*.toml diff=planner\n", encoding="utf-8")
    command = " ".join(PLANNER) + " diff --textconv"
    git(repo, "config", "diff.planner.textconv", command)
    out = git(repo, "diff", "alex.toml").stdout
    assert '-item coder: end = "2033-fall"' in out
    assert '+item coder: end = "2034-spring"' in out
    assert "-outcome: goal coding-specialist, finishes 2033-fall" in out
    assert "+outcome: goal coding-specialist, finishes 2034-spring" in out


def test_git_difftool_runs_planner_diff(repo: Path) -> None:
    command = " ".join(PLANNER) + ' diff "$LOCAL" "$REMOTE"'
    git(repo, "config", "difftool.planner.cmd", command)
    out = git(repo, "difftool", "--no-prompt", "--tool=planner", "alex.toml").stdout
    assert 'item coder: end: "2033-fall" -> "2034-spring"' in out
    assert "new: goal coding-specialist, finishes 2034-spring" in out
