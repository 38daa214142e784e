"""The hardening runs are slow (real terminals, kill -9 during saves, generated plans): every test
here is marked `slow`, so a developer can leave them out locally with `-m "not slow"`; CI runs
them all."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == HERE:
            item.add_marker(pytest.mark.slow)
