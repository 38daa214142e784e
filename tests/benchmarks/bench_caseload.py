"""How fast an advisor's caseload is checked: 1,000 plans of about 30 items.

Prints wall time and plans per second for `check` and `check --summary`, in one process and in
two worker processes, and the whole `planner check --summary DIR` as a command. Not collected
by pytest; run it by hand:

    python tests/benchmarks/bench_caseload.py [N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caseload_plans import write_caseload  # noqa: E402

from planner.cli.check import check_all, check_one  # noqa: E402
from planner.core.caseload import summarize  # noqa: E402


def best_of(runs: int, action) -> float:
    """The fastest of `runs` wall times, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        files = write_caseload(os.path.join(folder, "students"), count)
        items = statistics.mean(open(path, encoding="utf-8").read().count("[[items]]") for path in files)
        size = statistics.mean(os.path.getsize(path) for path in files)
        print(f"{count} plans, {items:.1f} items and {size / 1024:.1f} KiB each on average")
        print(f"{'what':<34}{'processes':>10}{'wall s':>9}{'plans/s':>10}")
        for label, worker in (("check", check_one), ("check --summary", summarize)):
            for workers in (1, 2):
                seconds = best_of(3, lambda worker=worker, workers=workers: check_all(files, worker, workers))
                print(f"{label:<34}{workers:>10}{seconds:>9.2f}{count / seconds:>10.0f}")
        command = [sys.executable, "-m", "planner", "check", "--summary", os.path.dirname(files[0])]
        seconds = best_of(
            3,
            lambda: subprocess.run(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
            ),
        )
        workers = min(os.cpu_count() or 1, 8)
        print(f"{'planner check --summary DIR':<34}{workers:>10}{seconds:>9.2f}{count / seconds:>10.0f}")


if __name__ == "__main__":
    main()
