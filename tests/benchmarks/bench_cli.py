"""How fast the command line answers: `planner check` on one plan beside a bare `python -c pass`
(under hit-2008, the plan's own, hit-2026 and a pack of one's own), and `planner check` over
1,000 plan files of about 30 items.

Budgets (issue 2): one plan within 3x a bare interpreter; 1,000 plans in under 2 s on two cores.
Runs interleave the commands so both see the same machine load; medians are printed. Bytecode
caching is switched on (the environment may set PYTHONDONTWRITEBYTECODE), as on a user's
machine, and a warm-up run fills it. Not collected by pytest; run it by hand:

    python tests/benchmarks/bench_cli.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caseload_plans import write_caseload  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAN = os.path.join(REPO, "plans", "coding-specialist.toml")
OWN_PACK = os.path.join(REPO, "examples", "practicum", "lakeside-pack.toml")
"""A pack of one's own (the README's example), read from its TOML file at every start."""


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run of `command`, in seconds."""
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    script = shutil.which("planner") or ""
    planner = [script] if script else [sys.executable, "-m", "planner"]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "planner check PLAN": planner + ["check", PLAN],
        "  --rules hit-2026": planner + ["check", "--rules", "hit-2026", PLAN],
        "  --rules OWN.toml": planner + ["check", "--rules", OWN_PACK, PLAN],
        "planner next PLAN": planner + ["next", PLAN],
    }
    for command in commands.values():
        timed(command, env)  # warm-up: writes the bytecode caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command, env))
    bare = statistics.median(times["python -c pass"])
    print(f"start-up, median of {runs} interleaved runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<22}{median * 1000:7.1f} ms  {median / bare:4.1f}x bare python")

    with tempfile.TemporaryDirectory() as folder:
        files = write_caseload(os.path.join(folder, "plans"), 1000)
        command = planner + ["check", os.path.dirname(files[0])]
        timed(command, env)
        values = [timed(command, env) for _ in range(5)]
        median = statistics.median(values)
        print(
            f"planner check over 1,000 plan files: {median:.2f} s median of 5 ({1000 / median:.0f} plans/s)"
        )


if __name__ == "__main__":
    main()
