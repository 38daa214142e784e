"""What the shape of the `after` graph costs: rings against plain plans of the same size.

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_graph.py [--repeat N] [--no-app]

Issue 9 (item 7): a ring of 4,000 items where each also waits for the first took 19 s and 545 MB
to check, and in the app a 2,000-item ring cost 2.4 s a keystroke. Cycles are now found as
strongly connected components, without enumerating circles, so each shape should cost about what a
plain plan of its size (`plans.make_plan`) costs. Printed side by side, in one run:

- validate, the Markdown export and git's textconv lines, in process (median of N, milliseconds),
  with the peak memory validating takes (tracemalloc);
- in the app (headless, 120x40), a keystroke (move an item a term later) to the diagnostics being
  up to date, on the 2,000-item shapes and the plain 2,000-item plan.

The floor is the plain plan of the same size: a ratio near 1 means the shape costs nothing more.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from planner.core.diff import textconv_lines  # noqa: E402
from planner.core.export import export  # noqa: E402
from planner.core.model import Plan  # noqa: E402
from planner.core.storage import dumps  # noqa: E402
from planner.core.terms import Term  # noqa: E402
from planner.core.validate import validate  # noqa: E402
from plans import make_plan  # noqa: E402


def ring_plan(size: int, hub: bool) -> Plan:
    """`size` courses, a term apart, each waiting for the one before and the first for the last;
    with `hub`, each also waits for the first (a ring holding as many circles as items)."""
    start = Term.parse("2027-fall").index  # type: ignore[union-attr]
    items = []
    for n in range(size):
        after = [f"course-{(n - 1) % size}"]
        if hub and n:
            after.append("course-0")
        items.append(
            {
                "id": f"course-{n}",
                "requirement": "course",
                "title": f"Course {n}",
                "start": str(Term(start + n % 300)),
                "status": "planned",
                "area": "medical-terminology",
                "after": after,
            }
        )
    profile = {"name": "Alex Rivera", "education": "high-school", "goal": "rhit", "starts": "2027-fall"}
    document = {"format": "hit-career-plan/1", "title": "Ring", "profile": profile, "items": items}
    return Plan.from_toml(document)


def timing_ms(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of `action` in milliseconds, after one warm-up run."""
    gc.collect()
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def peak_mb(action: Callable[[], object]) -> float:
    """The peak memory `action` allocates, in megabytes."""
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def shapes(size: int) -> dict[str, Plan]:
    return {
        f"plain plan of {size:,}": make_plan(size, seed=1),
        f"ring of {size:,}": ring_plan(size, hub=False),
        f"ring of {size:,}, each also after the first": ring_plan(size, hub=True),
    }


async def keystroke(path: Path, runs: int) -> float:
    """Median seconds from a key (move an item later) to the diagnostics being up to date."""
    from planner.app.app import PlannerApp
    from planner.app.widgets.timeline import TimelinePane
    from planner.core.storage import load

    app = PlannerApp(str(path), load(str(path)))
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one(TimelinePane).focus()
        for number in range(runs):
            started = time.perf_counter()
            await pilot.press(">" if number % 2 == 0 else "<")
            await app.workers.wait_for_complete()
            await pilot.pause()
            times.append(time.perf_counter() - started)
        assert app.review is not None and app.review.version == app.history.version
    return statistics.median(times)


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    print(f"median of {repeat} runs, milliseconds; memory: peak while validating")
    print(f"{'shape':<44} {'validate':>9} {'export':>9} {'textconv':>9} {'memory':>8}")
    for size in (2_000, 4_000):
        plain_ms = 0.0
        for name, plan in shapes(size).items():
            figures = [
                timing_ms(lambda plan=plan: validate(plan), repeat),
                timing_ms(lambda plan=plan: export(plan, "plan.toml"), repeat),
                timing_ms(lambda plan=plan: textconv_lines(plan), repeat),
            ]
            plain_ms = plain_ms or sum(figures)
            ratio = sum(figures) / plain_ms
            memory = peak_mb(lambda plan=plan: validate(plan))
            cells = " ".join(f"{value:>9.1f}" for value in figures)
            print(f"{name:<44} {cells} {memory:>6.1f}MB  {ratio:4.2f}x plain")
    if "--no-app" not in argv:
        print("in the app, 120x40 headless: a key (move an item) to diagnostics up to date, median of 5")
        with tempfile.TemporaryDirectory() as folder:
            for name, plan in shapes(2_000).items():
                path = Path(folder) / "plan.toml"
                path.write_text(dumps(plan))
                print(f"  {name:<44} {asyncio.run(keystroke(path, 5)) * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
