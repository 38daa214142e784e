"""The person's keymap file: other keys for the planner's actions, read without any terminal library.

The file is `keymap.toml` in the planner's folder of the per-user configuration folder
(`$XDG_CONFIG_HOME/planner/keymap.toml`, else `~/.config/planner/keymap.toml`; on Windows
`%APPDATA%\\planner\\keymap.toml`). Each line gives an action, by its id, the keys that do it,
comma-separated, replacing its default keys:

    save = "ctrl+s,f2"
    undo = "z"
    form.accept = "ctrl+s,f2"

An id with a dot may be written bare or in quotes. One key may do actions of different places
(Esc closing each dialog), never two actions of one place. A file that cannot be taken is refused
whole with one sentence naming the file, the line and the problem (`KeymapError`); the app then
keeps its default keys.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Collection, Mapping

from planner.core.paths import user_config_folder

KEYMAP_FILE = "keymap.toml"

_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[a-z0-9_]+|[^\s,+])$|^\+$", re.IGNORECASE)
"""One key as Textual names it: `x`, `X`, `f2`, `ctrl+s`, `question_mark`, `?`."""


class KeymapError(Exception):
    """The keymap file cannot be taken; the message names the file, the line and why (no full stop,
    so that the caller can end the sentence)."""


def keymap_path(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """Where the keymap file is looked for."""
    return os.path.join(user_config_folder(environ, platform), "planner", KEYMAP_FILE)


def _line_of(text: str, name: str) -> int:
    """The line (from 1) where `name` is given a value; 1 when it cannot be found."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(name)}|"{re.escape(name)}"|'{re.escape(name)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 1


def _toml_problem(error: tomllib.TOMLDecodeError) -> tuple[int, str]:
    """The line and the problem of a TOML error, its position taken out of the message."""
    message = str(error)
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if found is None:
        found = re.search(r"\s*\(at end of document\)$", message)
        return (0, message[: found.start()] if found else message)
    return int(found.group(1)), message[: found.start()]


def _share_a_place(first: str | None, second: str | None) -> bool:
    """Two actions of these places can be pressed at the same time (None: an action of everywhere)."""
    return first is None or second is None or first == second


def _dotted_ids(document: dict[str, object], known: Collection[str]) -> list[tuple[str, object]]:
    """The document's names and values, a dotted id written bare (`form.accept = "f6"`, which TOML
    reads as a table `form` holding `accept`) taken back to its id. A table that holds no action's
    ids stays a table (the caller refuses it)."""
    found: list[tuple[str, object]] = []
    for name, value in document.items():
        if isinstance(value, dict) and any(id.startswith(f"{name}.") for id in known):
            found += _dotted_ids({f"{name}.{inner}": held for inner, held in value.items()}, known)
        else:
            found.append((name, value))
    return found


def parse_keymap(text: str, path: str, known: Collection[str] | Mapping[str, str | None]) -> dict[str, str]:
    """The keymap in `text` (the file at `path`): action id -> its keys, comma-separated.

    `known` are the action ids there are; a mapping gives each the place where its keys act (a
    screen's name, or None: everywhere). Raises KeymapError for text that is not TOML, a name that
    is no action's id, keys that are not text or name no key, and a key given to two actions of
    one place (with `known` a plain collection of ids, to any two actions).
    """
    place_of: Mapping[str, str | None] = known if isinstance(known, Mapping) else dict.fromkeys(known, "")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, problem = _toml_problem(error)
        if problem.startswith("Invalid value"):
            problem = 'a value is not in quotes; write keys like undo = "z,ctrl+z"'
        where = f"line {line}" if line else "the end"
        raise KeymapError(
            f"{path}, {where}: this is not a TOML file the planner can read ({problem.rstrip('.')})"
        ) from None
    keymap: dict[str, str] = {}
    owners_of: dict[str, list[str]] = {}
    for name, value in _dotted_ids(document, place_of):
        line = _line_of(text, name)
        if isinstance(value, dict):
            raise KeymapError(f'{path}, line {line}: "{name}" is a table; write each action as id = "keys"')
        if name not in known:
            raise KeymapError(
                f'{path}, line {line}: "{name}" is not the id of any action (the help, F1, lists the ids)'
            )
        if not isinstance(value, str):
            raise KeymapError(
                f'{path}, line {line}: the keys for "{name}" must be text in quotes, like "ctrl+s,f2"'
            )
        keys = [key.strip() for key in value.split(",")]
        if not value.strip() or any(not key for key in keys):
            raise KeymapError(f'{path}, line {line}: "{value}" leaves a key out; write keys like "ctrl+s,f2"')
        for key in keys:
            if not _KEY.match(key):
                raise KeymapError(
                    f'{path}, line {line}: "{key}" is not a key name (write keys like "ctrl+s" or "f2")'
                )
            for other in owners_of.get(key, []):
                if _share_a_place(place_of[other], place_of[name]):
                    raise KeymapError(f'{path}, line {line}: "{key}" is given to both {other} and {name}')
            owners_of.setdefault(key, []).append(name)
        keymap[name] = ",".join(keys)
    return keymap


def read_keymap(path: str, known: Collection[str] | Mapping[str, str | None]) -> dict[str, str]:
    """The keymap in the file at `path` ({} when there is no file); KeymapError when it cannot be taken."""
    try:
        with open(path, "rb") as file:
            data = file.read(1_000_000)
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise KeymapError(f"{path}: this is a folder, not a keymap file") from None
    except OSError as error:
        raise KeymapError(f"{path}: the keymap file cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise KeymapError(f"{path}, line {line}: the file is not UTF-8 text") from None
    return parse_keymap(text, path, known)
