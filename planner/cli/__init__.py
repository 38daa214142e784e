"""The `planner` command line: check, next, new, fmt, export, diff, comment, sign, schema, the app.

Only the core is imported here, and each command imports what it needs when it runs, so that
`planner check` starts in a few tens of milliseconds. Exit status: 0 done (no error in the
plans), 1 an error in a plan (or "would change"), 2 a file that cannot be read or a wrong
command line. Unreadable files are reported on stderr in one line each; the others are still
handled.
"""

import os
import sys
from collections.abc import Sequence

from planner.cli.options import BROKEN, OK, BadText, UsageError, complain

USAGE = """\
usage: planner [PLAN]                      open the app on PLAN (your own plan without PLAN)
       planner check [--format text|json] [--rules ID|PATH] PLAN|DIR...
       planner next [--format text|json] [--rules ID|PATH] PLAN
       planner new --goal GOAL [--starts TERM] [--name NAME] [--rules ID] PLAN
       planner fmt [--check] PLAN...
       planner check --summary [--format text|json] PLAN|DIR...    one line per plan, for advisors
       planner export PLAN [--format markdown|html] [-o FILE] [--rules ID|PATH]
       planner diff OLD NEW [--format text|json] [--rules ID|PATH]
       planner diff --textconv PLAN                the plan as lines, for git's textconv
       planner comment PLAN --author NAME [--item ID] TEXT    (TEXT - reads standard input)
       planner sign PLAN --as NAME
       planner schema [--pack]                     the JSON Schema of plan files (of rule packs)
       planner rules [show ID|PATH | diff A B]     the rule packs, one pack's rules, two compared

Plan files are TOML (format "hit-career-plan/1"). Exit status: 0 ok, 1 a plan holds an error
(or fmt --check would change a file, or diff found differences), 2 a file cannot be read or the
command line is wrong."""


COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("planner.cli.check", "cmd_check"),
    "next": ("planner.cli.plans", "cmd_next"),
    "new": ("planner.cli.plans", "cmd_new"),
    "fmt": ("planner.cli.plans", "cmd_fmt"),
    "export": ("planner.cli.advisor", "cmd_export"),
    "diff": ("planner.cli.advisor", "cmd_diff"),
    "comment": ("planner.cli.advisor", "cmd_comment"),
    "sign": ("planner.cli.advisor", "cmd_sign"),
    "schema": ("planner.cli.advisor", "cmd_schema"),
    "rules": ("planner.cli.packs", "cmd_rules"),
}
"""Each command's module and function, imported only when that command runs."""


def command(name: str):
    """The function that runs command `name`."""
    import importlib

    module, function = COMMANDS[name]
    return getattr(importlib.import_module(module), function)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help", "help"):
        print(USAGE)
        return OK
    if args and args[0] == "--version":
        from planner import __version__

        print(f"planner {__version__}")
        return OK
    try:
        if args and args[0] in COMMANDS:
            return command(args[0])(args[1:])
        if args and args[0].startswith("-"):
            raise UsageError(f"planner: unknown option {args[0]}")
        from planner.cli.app import cmd_app

        return cmd_app(args)
    except BadText as error:
        complain(str(error))
        return BROKEN
    except UsageError as error:
        if str(error):
            complain(str(error))
        print(USAGE, file=sys.stderr)
        return BROKEN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (planner check ... | head): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return OK


def run() -> None:
    """The console script's entry point."""
    status = main()
    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        # A command has done all it will do: leave without tearing the interpreter down, which
        # costs `planner check` about 4 ms of its ~30 (the app's path exits the usual way).
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (BrokenPipeError, OSError):
            pass
        os._exit(status)
    sys.exit(status)
