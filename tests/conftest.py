"""The whole suite: every test's temporary folder has a short path, with or without xdist.

Dialogs and notices show file paths, and a long path wraps a sentence at another word. Under
pytest-xdist each worker's folders sit one level deeper (`.../pytest-N/popen-gw0/...`), so the
same test read its sentence whole in one process and cut in two under xdist. A short base
folder of our own (`/tmp/plannerXXXX/`, and `popen-gwN/` below it for the workers) keeps paths
shorter than pytest's default in both cases.
"""

from __future__ import annotations

import shutil
import tempfile

import pytest

_made: list[str] = []


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or config.option.basetemp:
        return  # a worker gets its folder from the controller; a given --basetemp is kept
    base = tempfile.mkdtemp(prefix="planner")
    _made.append(base)
    config.option.basetemp = base


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        for base in _made:
            shutil.rmtree(base, ignore_errors=True)
