"""Benchmark of the dialogs: key to the dialog's first frame, beside a bare ModalScreen (pytest
does not collect this).

    python tests/benchmarks/bench_dialogs.py [--runs 9] [--idle 1.0] [--only a,e,p]

For each of the app's dialogs (in the app on the example plan `plans/coding-specialist.toml`,
headless at 80x24), the time from the key that opens it to the first refresh of the dialog, and
beside it the same for a minimal Textual app whose key pushes a bare ModalScreen holding as many
Input widgets as the dialog has fields (empty, and again with a line of text in each). Each is
measured the same way after a warm-up, and the medians are printed with their ratio (the budget
is 1.5x). Each app is left idle for `--idle` seconds before the key, as a person reads the screen
before pressing one; beside the wall-clock times, the process's CPU time over the same span. The
warm-up is each dialog's first opening: Help is kept once made, so its first opening is printed
too."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Vertical  # noqa: E402
from textual.screen import ModalScreen  # noqa: E402
from textual.widgets import Input, Select, SelectionList, Static, TextArea  # noqa: E402

from planner.app.widgets.dropdown import Dropdown  # noqa: E402

SIZE = (80, 24)
EDITING = (Input, Dropdown, Select, SelectionList, TextArea)
"""The widgets that count as a dialog's inputs."""


class BareModal(ModalScreen[None]):
    """A heading and `count` Input widgets, nothing else; empty, or each holding a line of text as
    an editor's fields do (`filled`)."""

    BINDINGS = [("escape", "dismiss", "Close")]

    def __init__(self, count: int, filled: bool = False) -> None:
        super().__init__()
        self.count = count
        self.filled = filled

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("A bare modal")
            for number in range(self.count):
                yield Input(f"value {number}" if self.filled else "", placeholder=f"field {number}")


class Bare(App):
    """A minimal app: `a` pushes the bare modal."""

    def __init__(self, count: int, filled: bool = False) -> None:
        super().__init__()
        self.count = count
        self.filled = filled

    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")

    def key_a(self) -> None:
        self.push_screen(BareModal(self.count, self.filled))


firsts: dict[str, float] = {}
"""Each dialog's first opening in the planner (the warm-up): Help is kept once made, so its later
openings take no composing; this says what its first costs."""

IDLE = 1.0
"""Seconds each app is left idle before the key that opens a dialog (set by --idle): a person
reads the screen before pressing a key, and the planner uses that time to make its editors ready."""


async def first_frame(app: App, pilot, keys: list[str]) -> tuple[float, float, int]:
    """Seconds from the last of `keys` until the new screen's first refresh (wall clock and this
    process's CPU time), and the screen's inputs."""
    base = app.screen
    for key in keys[:-1]:
        await pilot.press(key)
    await asyncio.sleep(IDLE)
    loop = asyncio.get_running_loop()
    start, start_cpu = time.perf_counter(), time.process_time()
    await pilot.press(keys[-1])
    while app.screen is base:
        await asyncio.sleep(0)
    done = loop.create_future()
    app.screen.call_after_refresh(
        lambda: done.done() or done.set_result((time.perf_counter(), time.process_time()))
    )
    end, end_cpu = await done
    inputs = sum(1 for widget in app.screen.walk_children() if isinstance(widget, EDITING))
    await pilot.press("escape")
    await pilot.pause()
    while app.screen is not base:
        await pilot.press("escape")
        await pilot.pause()
    return end - start, end_cpu - start_cpu, inputs


DIALOGS = [
    ("Add an item (a)", ["3", "a"]),
    ("Edit an item (e)", ["3", "e"]),
    ("Edit the profile (p)", ["3", "p"]),
    ("Add a comment (c)", ["3", "c"]),
    ("Sign the plan (A)", ["3", "A"]),
    ("Save as (S)", ["3", "S"]),
    ("Help (F1)", ["3", "f1"]),
]


async def planner_times(
    path: Path, runs: int, only: str = ""
) -> dict[str, tuple[list[float], list[float], int]]:
    from planner.app.app import PlannerApp
    from planner.core.storage import load

    app = PlannerApp(str(path), load(str(path)))
    figures: dict[str, tuple[list[float], list[float], int]] = {}
    firsts.clear()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for name, keys in DIALOGS:
            if only and keys[-1] not in only.split(","):
                continue
            first, _, _ = await first_frame(app, pilot, keys)  # warm-up: the first opening
            firsts[name] = first
            times, cpus, inputs = [], [], 0
            for _ in range(runs):
                took, cpu, inputs = await first_frame(app, pilot, keys)
                times.append(took)
                cpus.append(cpu)
            figures[name] = (times, cpus, inputs)
    return figures


async def bare_times(count: int, runs: int, filled: bool = False) -> list[tuple[float, float, int]]:
    app = Bare(count, filled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await first_frame(app, pilot, ["a"])  # warm-up
        return [await first_frame(app, pilot, ["a"]) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--idle", type=float, default=1.0, help="seconds idle before each key (1.0)")
    parser.add_argument("--only", default="", help="the dialogs' keys, comma-separated (a,e,p): only those")
    args = parser.parse_args()
    globals()["IDLE"] = args.idle
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coding.toml"
        shutil.copy(ROOT / "plans" / "coding-specialist.toml", path)
        ours = asyncio.run(planner_times(path, args.runs, args.only))
    print(f"key to the dialog's first frame, headless {SIZE[0]}x{SIZE[1]}, median of {args.runs}:")
    print(f"  (idle {IDLE:g} s before each key; cpu: this process's CPU time over the same span)")
    print(
        f"  {'dialog':24} {'inputs':>6} {'planner':>9} {'bare modal':>11} {'ratio':>6} {'cpu ratio':>16}"
        f" {'best of each':>13} {'filled':>8}"
    )
    for name, (times, cpus, inputs) in ours.items():
        bare = asyncio.run(bare_times(inputs, args.runs))
        filled = asyncio.run(bare_times(inputs, args.runs, filled=True))
        a, b = statistics.median(times), statistics.median(t for t, _, _ in bare)
        f = statistics.median(t for t, _, _ in filled)
        ca, cb = statistics.median(cpus), statistics.median(c for _, c, _ in bare)
        print(
            f"  {name:24} {inputs:6d} {a * 1000:6.0f} ms {b * 1000:8.0f} ms {a / b:5.2f}x"
            f"   {ca * 1000:4.0f}/{cb * 1000:3.0f} ms {ca / cb:4.2f}x"
            f"   {min(times) / min(t for t, _, _ in bare):5.2f}x"
            f"   {a / f:5.2f}x"
        )
    print("  first openings (the warm-up, once each):")
    for name, first in firsts.items():
        print(f"    {name:24} {first * 1000:6.0f} ms")
    print("  (budget: 1.5x the bare modal with as many inputs; best of each: the fastest run's ratio,")
    print("  which other work on the machine disturbs least; filled: the ratio to a bare modal whose")
    print("  inputs each hold a line of text, as the editors' fields do)")


if __name__ == "__main__":
    main()
