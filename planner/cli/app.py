"""`planner [PLAN]`: the app."""

from __future__ import annotations

from collections.abc import Sequence

from planner.cli.options import BROKEN, UsageError, complain

# --- the app ----------------------------------------------------------------------------------


def cmd_app(args: Sequence[str]) -> int:
    """`planner [PLAN]`: the app."""
    if len(args) > 1:
        raise UsageError("planner: name one plan file, or a command (check, next, new, fmt)")
    complain("planner: the app is not built yet; use planner check, next, new or fmt")
    return BROKEN
