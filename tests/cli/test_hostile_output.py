"""Every command that prints plan text, on a plan with hostile strings in every field (and a
hostile file name): no raw control character reaches stdout or stderr, JSON stays JSON with the
data intact, and nothing crashes."""

from __future__ import annotations

import json

import pytest

from planner import cli
from tests.hardening.hostile import FILE_NAME, FORBIDDEN, hostile_plan_text, visible

COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--summary"],
    ["check", "--summary", "--format", "json"],
    ["next"],
    ["next", "--format", "json"],
    ["export"],
    ["export", "--format", "html"],
    ["diff", "--textconv"],
    ["diff", "OTHER"],
    ["diff", "--format", "json", "OTHER"],
    ["fmt", "--check"],
    ["comment", "--author", "\x1b]0;x\x07 [bold]x[/]", "text [/] more \u202e"],
    ["sign", "--as", "\x9b31m[@click=app.quit]"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:3]))
def test_no_command_prints_a_raw_control_character_from_a_plan(tmp_path, capsys, command) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(hostile_plan_text(items=30))
    other = tmp_path / ("other-" + FILE_NAME)
    other.write_text(hostile_plan_text(items=20))
    args = [str(other) if arg == "OTHER" else arg for arg in command]
    # the plan goes where the command takes it: first for diff (OLD NEW), comment and sign
    first = args[0] in ("comment", "sign") or (args[0] == "diff" and "OTHER" in command)
    args = [args[0], str(path), *args[1:]] if first else [*args, str(path)]
    status = cli.main(args)
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    for stream in (out, err):
        leaked = sorted({f"U+{ord(char):04X}" for char in FORBIDDEN if char in stream})
        assert not leaked, f"raw control characters in the output: {leaked}"
    if "json" in command:
        json.loads(out)
    if command == ["check"]:
        assert visible(FILE_NAME) in out  # the file's name, made visible
