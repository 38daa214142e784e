"""Benchmark of the dialogs: key to the dialog's first frame, and until all is settled, beside a
bare ModalScreen (pytest does not collect this).

    python tests/benchmarks/bench_dialogs.py [--runs 9] [--idle 1.0] [--only a,e,p] [--fresh]

For each of the app's dialogs (in the app on the example plan `plans/coding-specialist.toml`,
headless at 80x24), two times from the key that opens it: to the first frame that shows the
dialog (what a person sees), and until the app has handled every message the key caused and is
idle again (Textual's Pilot `press`). Beside them, the same for a minimal Textual app whose key
pushes a bare ModalScreen holding as many Input widgets as the dialog has fields (empty, and again
with a line of text in each). Each is measured the same way after a warm-up, and the medians are
printed with their ratio (the budget is 1.5x).

Each app is left idle for `--idle` seconds before the key, as a person reads the screen before
pressing one; the planner makes its editors (Add item, Edit item, Edit profile) in that time
(planner/app/screens/ready.py, after 0.25 s). `--fresh` measures every dialog made on its key
instead, as when the key comes at once after an edit. The warm-up is each dialog's first opening: Help is
kept once made, so its first opening is printed too."""

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


Measure = tuple[float, float, float, int]
"""Seconds from the key to the dialog's first frame, and until settled; the CPU time until
settled; the dialog's inputs."""


def frames(app: App) -> list[tuple[float, object]]:
    """The time and screen of each frame the app draws from now on (a benchmark may look inside
    Textual: `App._display` is where each frame goes to the terminal)."""
    shown: list[tuple[float, object]] = []
    display = app._display

    def timed(screen, update) -> None:
        shown.append((time.perf_counter(), screen))
        display(screen, update)

    app._display = timed  # type: ignore[method-assign]
    return shown


async def first_frame(app: App, pilot, keys: list[str], shown: list[tuple[float, object]]) -> Measure:
    """Time the last of `keys` (see `Measure`); `shown` is the app's `frames`."""
    base = app.screen
    for key in keys[:-1]:
        await pilot.press(key)
    await asyncio.sleep(IDLE)
    shown.clear()
    start, start_cpu = time.perf_counter(), time.process_time()
    await pilot.press(keys[-1])
    settled, settled_cpu = time.perf_counter(), time.process_time()
    first = next((when for when, screen in shown if screen is not base), settled)
    inputs = sum(1 for widget in app.screen.walk_children() if isinstance(widget, EDITING))
    await pilot.press("escape")
    await pilot.pause()
    while app.screen is not base:
        await pilot.press("escape")
        await pilot.pause()
    return first - start, settled - start, settled_cpu - start_cpu, inputs


DIALOGS = [
    ("Add an item (a)", ["3", "a"]),
    ("Edit an item (e)", ["3", "e"]),
    ("Edit the profile (p)", ["3", "p"]),
    ("Add a comment (c)", ["3", "c"]),
    ("Sign the plan (A)", ["3", "A"]),
    ("Save as (S)", ["3", "S"]),
    ("Help (F1)", ["3", "f1"]),
]


async def planner_times(path: Path, runs: int, only: str = "") -> dict[str, list[Measure]]:
    from planner.app.app import PlannerApp
    from planner.core.storage import load

    app = PlannerApp(str(path), load(str(path)))
    figures: dict[str, list[Measure]] = {}
    firsts.clear()
    async with app.run_test(size=SIZE) as pilot:
        shown = frames(app)
        await pilot.pause()
        await app.workers.wait_for_complete()
        for name, keys in DIALOGS:
            if only and keys[-1] not in only.split(","):
                continue
            first, _, _, _ = await first_frame(app, pilot, keys, shown)  # warm-up: the first opening
            firsts[name] = first
            figures[name] = [await first_frame(app, pilot, keys, shown) for _ in range(runs)]
    return figures


async def bare_times(count: int, runs: int, filled: bool = False) -> list[Measure]:
    app = Bare(count, filled)
    async with app.run_test(size=SIZE) as pilot:
        shown = frames(app)
        await pilot.pause()
        await first_frame(app, pilot, ["a"], shown)  # warm-up
        return [await first_frame(app, pilot, ["a"], shown) for _ in range(runs)]


def median(measures: list[Measure], which: int) -> float:
    """The median of one of the figures (0: first frame, 1: settled, 2: CPU)."""
    return statistics.median(measure[which] for measure in measures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--idle", type=float, default=1.0, help="seconds idle before each key (1.0)")
    parser.add_argument("--only", default="", help="the dialogs' keys, comma-separated (a,e,p): only those")
    parser.add_argument("--fresh", action="store_true", help="no dialog made ahead: each made on its key")
    args = parser.parse_args()
    if args.fresh:
        from planner.app.screens import ready

        ready.READY_AFTER = 24 * 3600.0
    globals()["IDLE"] = args.idle
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coding.toml"
        shutil.copy(ROOT / "plans" / "coding-specialist.toml", path)
        ours = asyncio.run(planner_times(path, args.runs, args.only))
    print(
        f"key to the dialog, headless {SIZE[0]}x{SIZE[1]}, median of {args.runs}"
        f" (idle {IDLE:g} s before each key{'; every dialog made on its key' if args.fresh else ''}):"
    )
    print(
        f"  {'dialog':22} {'inputs':>6}   {'first frame: planner / bare':>28} {'ratio':>6}"
        f"   {'settled: planner / bare':>24} {'ratio':>6} {'filled':>7}"
    )
    for name, ours_measures in ours.items():
        inputs = ours_measures[0][3]
        bare = asyncio.run(bare_times(inputs, args.runs))
        filled = asyncio.run(bare_times(inputs, args.runs, filled=True))
        a1, b1 = median(ours_measures, 0), median(bare, 0)
        a2, b2, f2 = median(ours_measures, 1), median(bare, 1), median(filled, 1)
        print(
            f"  {name:22} {inputs:6d}   {a1 * 1000:14.0f} / {b1 * 1000:4.0f} ms {a1 / b1:5.2f}x"
            f"   {a2 * 1000:11.0f} / {b2 * 1000:4.0f} ms {a2 / b2:5.2f}x {a2 / f2:6.2f}x"
        )
    print("  first openings (the warm-up, once each), key to first frame:")
    for name, first in firsts.items():
        print(f"    {name:22} {first * 1000:6.0f} ms")
    print("  (budget: 1.5x the bare modal with as many inputs. first frame: until the dialog is drawn;")
    print("  settled: until the app is idle again, in steps of 20 ms (Pilot's wait for idle);")
    print("  filled: settled, against a bare modal whose inputs each hold a line of text)")


if __name__ == "__main__":
    main()
