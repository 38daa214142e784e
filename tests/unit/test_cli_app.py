"""`planner [PLAN]`: which file the app opens, and what happens when it cannot be read."""

import subprocess
import sys

import pytest

from planner import cli
from planner.app import app as app_module


@pytest.fixture
def started(monkeypatch):
    """Record the apps that would start, instead of starting them."""
    runs = []
    monkeypatch.setattr(app_module.PlannerApp, "run", lambda self: runs.append(self))
    monkeypatch.setattr("planner.cli.app.has_terminal", lambda: True)
    return runs


def test_without_a_terminal_the_app_says_so_in_one_line_and_exits_2(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text('format = "hit-career-plan/1"\n')
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "planner", str(path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr
    assert path.read_text() == 'format = "hit-career-plan/1"\n'


def test_an_unreadable_plan_is_one_line_on_stderr_exit_2_and_untouched(tmp_path, capsys, started):
    path = tmp_path / "broken.toml"
    path.write_text('format = "hit-career-plan/1"\ntitle = \n')
    assert cli.main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "line 2" in err
    assert path.read_text() == 'format = "hit-career-plan/1"\ntitle = \n'
    assert started == []


def test_a_missing_plan_starts_a_new_one(tmp_path, started):
    path = tmp_path / "new.toml"
    assert cli.main([str(path)]) == 0
    assert started[0].path == str(path) and started[0].disk_text is None
    assert not path.exists()


def test_a_missing_plan_in_a_missing_folder_is_refused(tmp_path, capsys, started):
    assert cli.main([str(tmp_path / "nowhere" / "new.toml")]) == 2
    assert "folder does not exist" in capsys.readouterr().err
    assert started == []


def test_no_argument_opens_the_users_own_plan(tmp_path, monkeypatch, started):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert cli.main([]) == 0
    assert started[0].path == str(tmp_path / "planner" / "plan.toml")
    assert started[0].own_plan


def test_an_existing_plan_is_loaded(tmp_path, started):
    path = tmp_path / "p.toml"
    path.write_text(
        'format = "hit-career-plan/1"\ntitle = "Mine"\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n'
    )
    assert cli.main([str(path)]) == 0
    assert started[0].plan.title == "Mine" and not started[0].modified


def test_check_never_imports_textual(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('format = "hit-career-plan/1"\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n')
    code = (
        "import sys; from planner import cli; cli.main(['check', sys.argv[1]]);"
        "import planner.core.edits, planner.core.review, planner.core.paths;"
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_mistyped_command_is_not_taken_for_a_new_plan(tmp_path, capsys, started, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["chek"]) == 2
    assert "chek is neither a command nor a plan file" in capsys.readouterr().err
    assert started == [] and not (tmp_path / "chek").exists()


def test_a_mistyped_command_with_arguments_is_named_with_the_commands_there_are(tmp_path, capsys, started):
    assert cli.main(["chekc", str(tmp_path / "p.toml")]) == 2
    err = capsys.readouterr().err
    assert "planner: chekc is not a command; the commands are check, next, new, fmt, export," in err
    assert started == []


def test_two_plan_files_are_refused_in_one_sentence(tmp_path, capsys, started):
    assert cli.main([str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]) == 2
    assert (
        "planner: name one plan file, or a command (check, next, new, fmt, export, diff,"
        in capsys.readouterr().err
    )
    assert started == []
