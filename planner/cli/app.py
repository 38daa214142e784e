"""`planner [PLAN]`: the app."""

from __future__ import annotations

import os
from collections.abc import Sequence

from planner.cli.options import BROKEN, OK, UsageError, complain


def cmd_app(args: Sequence[str]) -> int:
    """`planner [PLAN]`: the app on PLAN, or on the user's own plan; a missing file starts a new plan.

    The plan is read before Textual is even imported: a file that cannot be read is reported in
    one line and the app does not start (so it can never write over that file).
    """
    from planner.core.storage import PlanFileError, load

    if len(args) > 1:
        from planner.cli import COMMANDS

        commands = ", ".join(COMMANDS)
        if not os.path.lexists(args[0]) and not args[0].endswith(".toml"):
            raise UsageError(f"planner: {args[0]} is not a command; the commands are {commands}")
        raise UsageError(f"planner: name one plan file, or a command ({commands})")
    own_plan = not args
    if own_plan:
        from planner.core.paths import user_plan_path

        path = user_plan_path()
    else:
        path = args[0]
    loaded = None
    if os.path.lexists(path):
        from planner.core.packs import PackError, pack_for_file

        try:
            loaded = load(path)
            pack_for_file(loaded.plan, path)  # a plan whose rules cannot be read is not opened
        except (PlanFileError, PackError) as error:
            complain(str(error))
            return BROKEN
    elif not own_plan and not path.endswith(".toml"):
        # Most likely a mistyped command; a new plan's name must say it is a plan file.
        raise UsageError(
            f"planner: {path} is neither a command nor a plan file; a new plan's name ends in .toml"
        )
    elif not own_plan and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        complain(f"{path}: its folder does not exist, so a new plan could not be saved there")
        return BROKEN
    if not has_terminal():
        complain(
            "planner: the app needs a terminal, and standard input or output is not one; "
            "without one, use planner check, next or export"
        )
        return BROKEN
    from planner.app.app import PlannerApp

    app = PlannerApp(path, loaded, own_plan=own_plan)
    app.run()
    return app.return_code or OK


def has_terminal() -> bool:
    """True when the app can run: standard input and output are a terminal (or $TEXTUAL_DRIVER
    names a driver of its own). Without one, Textual 8.2.8 would spin reading a closed input."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return os.isatty(0) and os.isatty(1)
    except (OSError, ValueError):
        return False
