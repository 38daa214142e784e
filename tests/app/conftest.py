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
