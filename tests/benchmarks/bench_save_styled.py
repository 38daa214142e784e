"""How long a save takes that keeps a hand-styled file's text (issue 11 item 2), beside today's
canonical save of the same plan, in one run so both see the same machine load.

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_save_styled.py [RUNS]

For a 30-item and a 1,000-item plan (`plans.make_plan`), hand-styled (a comment above every
item, a comment after every start, arrays of `after` spread over lines), the edit is one item
moved a term later, then the profile's name changed. It prints the median, in milliseconds, of:

- canonical save: `storage.save(..., canonical=True)` of the plan over its canonical text (what
  every save wrote before: tomli-w, atomic write; no backup, that text has no comments);
- styled save: `storage.save(...)` over the hand-styled text (read it with tomllib, parse the
  tables around the edit with tomlkit and update them in place, check the whole text reads back
  as the plan, atomic write). Each run starts from the hand-styled text, so restyle's memory of
  the text it wrote last (which spares a later save one read) never helps here;
- and the text alone of each (`dumps`, `restyle`), without the write; "whole doc" is the same
  update with the whole document parsed by tomlkit (what restyle does for an edit outside one
  array of tables, a profile change say), to show what parsing only the window saves.

It also prints what importing tomlkit costs once, at the first save (`planner check` and the
app's first frame never import it; the app saves in a worker thread).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from planner.core import edits  # noqa: E402
from planner.core.model import Plan  # noqa: E402
from planner.core.restyle import _whole, restyle  # noqa: E402
from planner.core.storage import dumps, parse_plan, save  # noqa: E402
from plans import make_plan  # noqa: E402


def hand_styled(text: str) -> str:
    """A canonical plan's text as a person might keep it: comments everywhere, arrays over lines."""
    number = iter(range(1, 10**6))
    text = re.sub(
        r"^\[\[items\]\]$", lambda _: f"# step {next(number)}, see the catalog\n[[items]]", text, flags=re.M
    )
    text = re.sub(r'^(start = "[^"]*")$', r"\1   # the term it starts", text, flags=re.M)
    text = re.sub(
        r"^after = \[(.*)\]$",
        lambda m: "after = [\n    " + m[1].replace(", ", ",\n    ") + ",\n]",
        text,
        flags=re.M,
    )
    return "# My plan, kept in git.\n" + text.split("\n", 1)[1]  # no #:schema line either


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def tomlkit_import_ms() -> float:
    code = "import time; t = time.perf_counter(); import tomlkit; print((time.perf_counter() - t) * 1000)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs)


def move_one(plan: Plan) -> None:
    edits.move_item(plan, plan.items[len(plan.items) // 2], 1).apply(plan)


def rename(plan: Plan) -> None:
    edits.change_profile(plan, {"name": "Sam Rivera"}).apply(plan)  # type: ignore[union-attr]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"one edit saved, median of {runs} runs (ms)")
    print(
        f"{'items':>6} {'edit':<12} {'canonical save':>15} {'styled save':>12} {'dumps':>8} {'restyle':>8}"
        f" {'whole doc':>10} {'lines changed':>14}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in (30, 1000):
            plan = make_plan(size)
            canonical = dumps(plan)
            styled = hand_styled(canonical)
            assert parse_plan(styled, "styled.toml") == plan
            for label, edit in (("move an item", move_one), ("profile name", rename)):
                edited = plan.copy()
                edit(edited)
                restyled = restyle(styled, edited)
                assert restyled is not None and parse_plan(restyled, "x") == edited
                changed = sum(
                    a != b for a, b in zip(styled.splitlines(), restyled.splitlines(), strict=False)
                )
                path = os.path.join(folder, f"plan-{size}.toml")
                actions = [
                    lambda p=edited, f=path, t=canonical: save(p, f, t, canonical=True),
                    lambda p=edited, f=path, t=styled: save(p, f, t),
                    lambda p=edited: dumps(p),
                    lambda p=edited, t=styled: restyle(t, p),
                    lambda p=edited, t=styled: _whole(t, tomllib.loads(t), p.to_toml()),
                ]
                for action in actions:
                    action()  # warm-up (tomlkit imported)
                results = [median_ms(action, runs) for action in actions]
                print(
                    f"{size:>6} {label:<12} {results[0]:>15.1f} {results[1]:>12.1f} {results[2]:>8.1f}"
                    f" {results[3]:>8.1f} {results[4]:>10.1f} {changed:>8}/{len(styled.splitlines())}"
                )
    print(f"importing tomlkit once, at the first save: {tomlkit_import_ms():.1f} ms")


if __name__ == "__main__":
    main()
