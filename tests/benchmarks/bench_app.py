"""Benchmarks of the app; prints figures (pytest does not collect this).

    python tests/benchmarks/bench_app.py [--runs 7]

1. Start to first frame in a real terminal (tmux, 80x24): `planner PLAN` beside a minimal Textual
   app, alternating, after a warm-up run of each, medians of several runs. PYTHONDONTWRITEBYTECODE
   is unset so both use compiled bytecode as an installed program would.
2. An edit on a 1,000-item plan: key action to repaint, validation included (in-process, headless).
3. A 10,000-item plan: time to first frame in tmux, key-to-screen-change in tmux (each tmux
   capture costs a few ms, included), and in-process the latency of cursor moves and of an edit
   (whose validation runs in a thread), and time until its diagnostics are up to date.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from planner.core.storage import dumps, load  # noqa: E402
from plans import make_plan  # noqa: E402

SIZE = (80, 24)


def env() -> dict[str, str]:
    """The environment of a program started from a shell, with bytecode caching on."""
    result = dict(os.environ)
    result.pop("PYTHONDONTWRITEBYTECODE", None)
    result["TERM"] = "xterm-256color"
    return result


class Tmux:
    """A private tmux server to start programs in and read their screens."""

    def __init__(self) -> None:
        self.socket = f"bench-{os.getpid()}"
        self.count = 0
        self.run("new-session", "-d", "-s", "idle", "-x", str(SIZE[0]), "-y", str(SIZE[1]), "sleep 600")

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env()
        ).stdout

    def first_frame(self, command: list[str], text: str, timeout: float = 30) -> float:
        """Seconds from starting `command` until `text` is on its screen."""
        self.count += 1
        name = f"run{self.count}"
        line = " ".join(command) + "; sleep 30"
        start = time.perf_counter()
        self.run("new-session", "-d", "-s", name, "-x", str(SIZE[0]), "-y", str(SIZE[1]), line)
        try:
            while time.perf_counter() - start < timeout:
                if text in self.run("capture-pane", "-p", "-t", name):
                    return time.perf_counter() - start
                time.sleep(0.005)
            raise TimeoutError(f"never saw {text!r} from {command}")
        finally:
            self.run("kill-session", "-t", name)
            # Let the program finish exiting before the next one starts: on two cores a planner
            # still writing its way out (it handles SIGHUP) would slow the next start, and the
            # runs alternate, so each side would pay for the other.
            time.sleep(0.5)

    def key_latency(self, command: list[str], key: str, runs: int) -> list[float]:
        """Seconds from sending `key` until the screen changes, `runs` times, once the app is idle."""
        self.count += 1
        name = f"keys{self.count}"
        self.run("new-session", "-d", "-s", name, "-x", str(SIZE[0]), "-y", str(SIZE[1]), " ".join(command))
        try:
            deadline = time.perf_counter() + 30
            while "errors" not in self.run("capture-pane", "-p", "-t", name):
                if time.perf_counter() > deadline:
                    raise TimeoutError("the big plan never showed its diagnostics")
                time.sleep(0.05)
            times = []
            for _ in range(runs):
                time.sleep(0.6)  # let any review in a thread finish: the key meets an idle app
                before = self.run("capture-pane", "-p", "-t", name)
                start = time.perf_counter()
                self.run("send-keys", "-t", name, "-l", key)
                while self.run("capture-pane", "-p", "-t", name) == before:
                    if time.perf_counter() - start > 5:
                        raise TimeoutError(f"the screen never changed after {key!r}")
                times.append(time.perf_counter() - start)
            return times
        finally:
            self.run("kill-session", "-t", name)

    def close(self) -> None:
        self.run("kill-server")


def milliseconds(values: list[float]) -> str:
    return ", ".join(f"{value * 1000:.0f}" for value in values)


def start_up(runs: int, folder: Path) -> None:
    """Figure 1 (and the 10,000-item first frame)."""
    python = sys.executable
    planner = [python, "-m", "planner", str(ROOT / "tests" / "fixtures" / "alex.toml")]
    minimal = [python, str(HERE / "minimal_app.py")]
    big = folder / "big.toml"
    big.write_text(dumps(make_plan(10_000, seed=0)))
    big_command = [python, "-m", "planner", str(big)]
    tmux = Tmux()
    try:
        tmux.first_frame(planner, "Diagnostics")  # warm-up: caches, bytecode
        tmux.first_frame(minimal, "minimal app ready")
        ours, theirs = [], []
        for _ in range(runs):
            theirs.append(tmux.first_frame(minimal, "minimal app ready"))
            ours.append(tmux.first_frame(planner, "Diagnostics"))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"first frame, 80x24 in tmux, median of {runs}:")
        print(f"  minimal Textual app   {b * 1000:6.0f} ms   (runs: {milliseconds(theirs)})")
        print(f"  planner (example)     {a * 1000:6.0f} ms   (runs: {milliseconds(ours)})")
        print(f"  ratio                 {a / b:6.2f}x  (budget 1.5x)")
        frames = [tmux.first_frame(big_command, "Timeline") for _ in range(3)]
        print(
            f"  planner, 10,000 items {statistics.median(frames) * 1000:6.0f} ms to first frame (median of 3)"
        )
        for key, what in (("j", "cursor down"), (">", "move an item later")):
            times = tmux.key_latency(big_command, key, runs)
            print(f"  10,000 items, key to screen change in tmux ({what}): {report('', times).strip()}")
    finally:
        tmux.close()


async def in_app(path: Path, size: tuple[int, int], runs: int) -> dict[str, list[float]]:
    """Time edits and cursor moves inside the app (headless), from action to repaint."""
    from planner.app.app import PlannerApp
    from planner.app.widgets.timeline import TimelinePane

    figures: dict[str, list[float]] = {"open": [], "edit": [], "edit_sync": [], "cursor": [], "review": []}
    start = time.perf_counter()
    loaded = load(str(path))
    app = PlannerApp(str(path), loaded)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        figures["open"].append(time.perf_counter() - start)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        timeline = screen.query_one(TimelinePane)
        timeline.focus()
        loop = asyncio.get_running_loop()

        async def repainted() -> float:
            done = loop.create_future()
            screen.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
            return await done

        for number in range(runs):
            timeline.cursor = 5 + number % 7
            await pilot.pause()
            t0 = time.perf_counter()
            await screen.run_action(f"move_item({1 if number % 2 == 0 else -1})")
            t1 = time.perf_counter()
            t2 = await repainted()
            figures["edit_sync"].append(t1 - t0)
            figures["edit"].append(t2 - t0)
            if app.workers:
                t3 = time.perf_counter()
                await app.workers.wait_for_complete()
                await pilot.pause()
                figures["review"].append(time.perf_counter() - t3 + (t2 - t0))
            t0 = time.perf_counter()
            timeline.action_cursor(1)
            figures["cursor"].append(await repainted() - t0)
        assert app.review is not None and app.review.version == app.history.version
    return figures


def report(name: str, values: list[float]) -> str:
    return f"{name} median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("bench_app: needs tmux (apt-get install -y tmux)")
    with tempfile.TemporaryDirectory() as folder:
        start_up(args.runs, Path(folder))
        for count in (1_000, 10_000):
            path = Path(folder) / f"plan-{count}.toml"
            path.write_text(dumps(make_plan(count, seed=0)))
            figures = asyncio.run(in_app(path, (120, 40), runs=max(5, args.runs)))
            print(f"{count:,}-item plan (120x40, headless):")
            print(f"  open to first frame (load, validate, draw): {figures['open'][0] * 1000:.0f} ms")
            print("  " + report("edit (move an item) to repaint:", figures["edit"]))
            print("  " + report("  of which the edit and what it redraws at once:", figures["edit_sync"]))
            if figures["review"]:
                print("  " + report("edit to diagnostics up to date (thread):", figures["review"]))
            print("  " + report("cursor move to repaint:", figures["cursor"]))


if __name__ == "__main__":
    main()
