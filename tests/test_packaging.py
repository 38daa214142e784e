"""A plain `pip install .` (a wheel, not editable) carries the rule packs, the seed, the example
plans and the styles, and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("pip wheel failed: " + result.stderr[-2000:])
    (path,) = out.glob("planner-*.whl")
    return path


def test_the_wheel_holds_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "planner/core/seed.txt" in names
    assert "planner/core/packs/hit_2008.py" in names  # the built-in rule packs
    assert "planner/core/packs/hit_2026.py" in names
    for plan in (REPO / "plans").glob("*.toml"):
        assert f"planner/plans/{plan.name}" in names
    for style in (REPO / "styles").glob("*.tcss"):
        assert f"planner/styles/{style.name}" in names


def test_the_installed_command_works_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], check=True)
    planner = venv / "bin" / "planner"
    site = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import planner, os; print(os.path.dirname(planner.__file__))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert site.startswith(str(venv)), site
    plans = sorted(Path(site, "plans").glob("*.toml"))
    assert len(plans) >= 8
    result = subprocess.run(
        [str(planner), "check", *map(str, plans)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
