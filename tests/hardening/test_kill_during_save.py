"""kill -9 in the middle of saves: the plan on disk is always one whole version, never a
partial one, and the temporaries the killed process left are cleaned up by the next save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from planner.core.model import Item, Plan, Profile
from planner.core.storage import dumps, load, save
from planner.core.terms import Term

SAVER = """
import sys
from planner.core.storage import load, save
path, = sys.argv[1:]
loaded = load(path)
plan, text = loaded.plan, loaded.text
print("ready", flush=True)
n = 0
while True:
    n += 1
    plan.title = "small" if n % 2 else "large"
    plan.items = plan.items[:3] if n % 2 else [plan.items[0].copy() for _ in range(400)]
    for i, item in enumerate(plan.items):
        item.id = f"item-{i}"
    save(plan, path, text)
"""


KILLS = 12
"""How many times a saving process is killed with SIGKILL."""


def a_plan(items: int) -> Plan:
    plan = Plan(title="start", profile=Profile(goal="rhit", starts=Term.parse("2027-fall")))
    for number in range(items):
        plan.items.append(
            Item(
                id=f"item-{number}",
                requirement="course",
                area="statistics",
                start="2027-fall",
                notes="x" * 200,
            )
        )
    return plan


def test_kill_9_during_saves_never_leaves_a_partial_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(dumps(a_plan(5)))
    rng = random.Random(7)
    kills = KILLS
    titles = set()
    for _ in range(kills):
        process = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.25))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        plan = load(str(path)).plan  # raises if the file were partial
        titles.add(plan.title)
        assert (plan.title, len(plan.items)) in {("start", 5), ("small", 3), ("large", 400)}
    assert titles & {"small", "large"}, "the saver never completed a save"
    strays = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    loaded = load(str(path))
    save(loaded.plan, str(path), loaded.text)
    assert sorted(os.listdir(tmp_path)) == ["plan.toml"], f"left behind after {strays}"


def test_a_stray_temporary_of_a_dead_process_is_removed_but_a_live_ones_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(dumps(a_plan(1)))
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    stray = tmp_path / f".plan.toml.{dead}.abc123.tmp"
    stray.write_text("half a plan")
    live = tmp_path / f".plan.toml.{os.getppid()}.def456.tmp"
    live.write_text("being written")
    loaded = load(str(path))
    save(loaded.plan, str(path), loaded.text)
    assert not stray.exists()
    assert live.exists()
