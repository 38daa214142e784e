"""How long working out fixes and next steps take, beside validating the same plan (the floor).

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_fixes.py [--repeat N]

For plans of 50 and 1,000 items (`plans.make_plan`) it prints, in milliseconds, the median (and
fastest) of: validate (the floor: every fix is checked by one validation of the fixed plan), the
fix of the first diagnostic that offers one (what the app works out when a diagnostic is
selected), every diagnostic's fixes (`check --format json`), Fix all, and the next steps (which
now also propose continuing education and validate the plan with the steps taken).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_validate import timings_ms  # noqa: E402

from planner.core.catalog import Pack  # noqa: E402
from planner.core.fixes import all_fixes, fix_all, fixes_for, has_fix  # noqa: E402
from planner.core.model import Plan  # noqa: E402
from planner.core.nextsteps import next_steps  # noqa: E402
from planner.core.packs import default_pack  # noqa: E402
from planner.core.validate import validate  # noqa: E402
from plans import make_plan  # noqa: E402

SIZES = (50, 1_000)


def measure(plan: Plan, cat: Pack, repeat: int) -> str:
    """The figures of one plan, as a line of the table."""
    diagnostics = validate(plan, cat)
    first = next((d for d in diagnostics if has_fix(d.rule) and d.waived is None), None)
    slow = max(1, repeat // 5)
    figures = [
        timings_ms(lambda: validate(plan, cat), repeat),
        timings_ms(lambda: first and fixes_for(plan, cat, diagnostics, first), repeat),
        timings_ms(lambda: all_fixes(plan, cat, diagnostics), slow),
        timings_ms(lambda: fix_all(plan, cat, diagnostics), slow),
        timings_ms(lambda: next_steps(plan, cat), repeat),
    ]
    return f"{len(diagnostics):>9} " + " ".join(f"{median:>9.1f} ({best:>6.1f})" for median, best in figures)


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    cat = default_pack()
    print(f"median (fastest) of {repeat} runs, in milliseconds")
    heads = ("validate", "one fix", "all fixes", "fix all", "next steps")
    print(f"{'items':>7} {'findings':>9} " + " ".join(f"{head:>17}" for head in heads))
    for size in SIZES:
        print(f"{size:>7,} " + measure(make_plan(size, seed=1), cat, repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
