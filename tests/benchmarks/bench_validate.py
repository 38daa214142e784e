"""How long validating, loading and saving a plan take, for plans of 50, 1,000 and 10,000 items.

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_validate.py [--repeat N] [--profile]

It prints the median (and fastest) time of each operation: validate, load (`parse_plan` of the
text `dumps` writes) and save (`dumps` and `write_atomic` into a temporary folder). The issue's
budget: validating a 1,000-item plan takes under 5 ms. `--profile` prints where validating the
1,000-item plan spends its time. The plans come from `plans.make_plan`.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from planner.core.storage import dumps, parse_plan, write_atomic  # noqa: E402
from planner.core.validate import validate  # noqa: E402
from plans import make_plan  # noqa: E402

SIZES = (50, 1_000, 10_000)
BUDGET_MS = 5.0


def timings_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The median and the fastest wall time of `action` in milliseconds, after one warm-up run.

    The fastest run shows what the code costs on a quiet machine; the median, what a user sees.
    The garbage of what ran before is collected first: otherwise the collector, still sorting
    through the freshly made plan and the previous section's leftovers, runs inside the timings
    (validating 1,000 items then reads about 4 ms instead of about 2.4 ms).
    """
    gc.collect()
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, min(times) * 1000


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 21
    print(f"median (fastest) of {repeat} runs, in milliseconds")
    print(f"{'items':>7} {'validate':>16} {'load':>16} {'save':>16} {'file size':>11}")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "plan.toml")
        for size in SIZES:
            plan = make_plan(size, seed=1)
            text = dumps(plan)
            runs = max(3, repeat // 4) if size >= 10_000 else repeat
            validating = timings_ms(lambda plan=plan: validate(plan), runs)
            loading = timings_ms(lambda text=text: parse_plan(text, path), runs)
            saving = timings_ms(lambda plan=plan: write_atomic(path, dumps(plan).encode("utf-8")), runs)
            figures = " ".join(
                f"{median:>8.2f} ({best:>5.2f})" for median, best in (validating, loading, saving)
            )
            print(f"{size:>7,} {figures} {len(text):>11,}")
            if size == 1_000:
                verdict = "within" if validating[0] < BUDGET_MS else "OVER"
                print(f"{'':>7} validating 1,000 items: {verdict} the {BUDGET_MS:g} ms budget")
    from planner.core.packs import builtin_pack, load_pack

    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    own = load_pack("lakeside-pack.toml", os.path.join(repo, "examples", "practicum"))
    plan = make_plan(1_000, seed=1)
    print("validating 1,000 items by rule pack:")
    for name, pack in (
        ("hit-2008", builtin_pack("hit-2008")),
        ("hit-2026", builtin_pack("hit-2026")),
        ("own pack", own),
    ):
        median, best = timings_ms(lambda pack=pack: validate(plan, pack), repeat)
        verdict = "within" if median < BUDGET_MS else "OVER"
        print(f"  {name:<10}{median:>8.2f} ({best:>5.2f})  {verdict} the {BUDGET_MS:g} ms budget")
    if "--profile" in argv:
        import cProfile
        import pstats

        plan = make_plan(1_000, seed=1)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            validate(plan)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
