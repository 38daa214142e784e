"""What every command shares: exit codes, option parsing, and printing plan text safely."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from planner.core.text import printable

OK, FOUND, BROKEN = 0, 1, 2
"""Exit status: done; a plan holds an error (or would change, or differs); unreadable or misused."""


class UsageError(Exception):
    """A wrong command line: one sentence for stderr, exit 2."""


class BadText(Exception):
    """Text given to a command that is not UTF-8: one sentence for stderr (no usage), exit 2."""


def utf8_text(command: str, what: str, value: str) -> str:
    """`value` when it is text; a BadText naming `what` when it holds bytes that are not UTF-8
    (Python hands such bytes of the command line or standard input over as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadText(
            f"planner {command}: {what} holds a byte that is not UTF-8 (at character "
            f"{error.start + 1}); give it as UTF-8 text (nothing was written)"
        ) from None
    return value


def read_stdin_text(command: str) -> str:
    """Standard input as UTF-8 text, or a BadText saying it is not."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadText(
            f"planner {command}: standard input holds a byte that is not UTF-8 (byte {error.start + 1}); "
            "give the text as UTF-8 (nothing was written)"
        ) from None


def say(line: str, stream: Any = None) -> None:
    """Print one line built from plan text or file names, with control characters made visible.

    Newlines and tabs are escaped too: a file name or a value holding a newline can never forge a
    second line of output (a finding, a summary) that a script or an editor would read.
    """
    print(printable(line, one_line=True), file=stream or sys.stdout)


def say_json(document: Any) -> None:
    """Print a JSON document; control characters in its strings stay escaped (JSON escapes)."""
    import json

    from planner.core.text import printable_json

    print(printable_json(json.dumps(document, indent=2, ensure_ascii=False)))


def complain(line: str) -> None:
    """One line on stderr."""
    say(line, sys.stderr)


class Options:
    """The parsed options of one command."""

    def __init__(self) -> None:
        self.format: str | None = None
        """As given; None when not given (the command's default applies)."""
        self.check = False
        self.summary = False
        self.fix = False
        self.diff = False
        self.textconv = False
        self.goal: str | None = None
        self.starts: str | None = None
        self.name: str | None = None
        self.output: str | None = None
        self.author: str | None = None
        self.item: str | None = None
        self.signer: str | None = None
        self.rules: str | None = None
        """`--rules ID|PATH`: the rule pack for this call, instead of the plan's."""
        self.paths: list[str] = []


def parse(
    command: str,
    args: Sequence[str],
    allowed: dict[str, str],
    flags: set[str],
    formats: tuple[str, ...] = ("text", "json"),
    short: dict[str, str] | None = None,
) -> Options:
    """Parse `--option value` pairs named in `allowed` and boolean `flags`; the rest are paths.

    `short` maps short options (`-o`) to long ones; `formats` are the values --format takes.
    """
    options = Options()
    args = list(args)
    only_paths = False
    while args:
        arg = args.pop(0)
        if not only_paths and short and arg in short:
            arg = "--" + short[arg]
        if only_paths or not arg.startswith("--") or arg == "-":
            options.paths.append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        name, has_value, value = arg[2:].partition("=")
        if name in flags and not has_value:
            setattr(options, name, True)
        elif name in allowed:
            if not has_value:
                if not args:
                    raise UsageError(f"planner {command}: --{name} needs a value")
                value = args.pop(0)
            setattr(options, allowed[name], utf8_text(command, f"--{name}", value))
        elif arg in ("--help", "-h"):
            raise UsageError("")
        else:
            raise UsageError(f"planner {command}: unknown option {arg}")
    if options.format is not None and options.format not in formats:
        raise UsageError(f"planner {command}: --format must be {' or '.join(formats)}, not {options.format}")
    return options


def plural(count: int, word: str) -> str:
    """ "1 error", "2 errors"."""
    return f"{count} {word}{'' if count == 1 else 's'}"
