"""Fixtures for the Pilot tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.helpers import FIXTURES


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/alex.toml in a temporary folder."""
    path = tmp_path / "alex.toml"
    shutil.copy(FIXTURES / "alex.toml", path)
    return path


@pytest.fixture
def coding_plan(tmp_path: Path) -> Path:
    """A copy of the bundled example plans/coding-specialist.toml (no diagnostics, eight items
    running to 2033) in a temporary folder."""
    path = tmp_path / "coding.toml"
    shutil.copy(FIXTURES.parent.parent / "plans" / "coding-specialist.toml", path)
    return path
