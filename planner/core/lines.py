"""Where in a plan file a diagnostic points: the line of its field, or of its table's header.

`place` runs only for plans with findings, after validation, so `planner check` pays nothing for
a plan without any. It does not parse the TOML again: one pass of a light scanner over the text
notes the line of each table header and of each key written in it, stepping over strings,
comments and the insides of arrays and inline tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from planner.core.model import Plan

_RECORD_WHERE = re.compile(r"(Item|Comment|Waiver|Approval) (\d+)(?: \(.*?\))?: (.+)\Z")
_TABLES = {"Item": "items", "Comment": "comments", "Waiver": "waivers", "Approval": "approvals"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class Table:
    """One table of the file: the line of its header and of each key written directly in it."""

    __slots__ = ("header", "keys")

    def __init__(self, header: int | None) -> None:
        self.header = header
        self.keys: dict[str, int] = {}

    def line(self, key: str | None) -> int | None:
        """The line of `key` in this table, else of the header."""
        if key is not None and key in self.keys:
            return self.keys[key]
        return self.header


class Layout:
    """The lines of a plan file's tables and keys, as `scan` finds them."""

    __slots__ = ("top", "tables", "arrays")

    def __init__(self) -> None:
        self.top = Table(None)
        """The keys before the first table header."""
        self.tables: dict[str, Table] = {}
        """Plain tables by name ("profile")."""
        self.arrays: dict[str, list[Table]] = {}
        """Array-of-tables entries by name ("items"), in file order."""


def scan(text: str) -> Layout:
    """The layout of TOML `text`: one pass, no values parsed; tolerant of what it does not know."""
    layout = Layout()
    current = layout.top
    i, n, line = 0, len(text), 1
    at_line_start = True
    depth = 0  # inside [...] or {...} of a value
    while i < n:
        char = text[i]
        if char == "\n":
            line += 1
            i += 1
            at_line_start = True
            continue
        if char in " \t\r":
            i += 1
            continue
        if char == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if at_line_start and depth == 0:
            at_line_start = False
            if char == "[":
                double = text.startswith("[[", i)
                end = text.find("]", i)
                if end < 0:
                    break
                name = text[i + (2 if double else 1) : end].strip()
                current = Table(line)
                if double:
                    layout.arrays.setdefault(name, []).append(current)
                else:
                    layout.tables[name] = current
                i = end + (2 if double else 1)
                continue
            key, after = _key_at(text, i)
            if key is not None:
                current.keys.setdefault(key, line)
                i = after
                continue
        at_line_start = False
        if char in "\"'":
            i, line = _skip_string(text, i, line)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return layout


def _skip_string(text: str, i: int, line: int) -> tuple[int, int]:
    """The offset after the string that starts at `i`, and the line it ends on."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while quote == '"' and end > 0 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        end = len(text) if end < 0 else end + 3
        while end < len(text) and text[end] == quote:  # up to two quotes may close it
            end += 1
        return end, line + text.count("\n", i, end)
    j = i + 1
    while j < len(text) and text[j] != "\n":
        if quote == '"' and text[j] == "\\":
            j += 2
            continue
        if text[j] == quote:
            return j + 1, line
        j += 1
    return j, line


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - 1 - backslashes >= 0 and text[at - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _key_at(text: str, i: int) -> tuple[str | None, int]:
    """The first part of a `key = ` at offset `i` (quoted or bare), and the offset after the `=`."""
    if text[i] in "\"'":
        quote = text[i]
        end = text.find(quote, i + 1)
        if end < 0:
            return None, i
        key, j = text[i + 1 : end], end + 1
    else:
        match = _BARE_KEY.match(text, i)
        if match is None:
            return None, i
        key, j = match.group(), match.end()
    while j < len(text) and text[j] in " \t.":
        if text[j] == ".":  # a dotted key: its first part names the field
            rest = _BARE_KEY.match(text, j + 1)
            j = rest.end() if rest else j + 1
        else:
            j += 1
    if j < len(text) and text[j] == "=":
        return key, j + 1
    return None, i


def place(diagnostics: Iterable[Any], text: str, plan: Plan) -> None:
    """Set each diagnostic's `line` from its item and field: the field's line where the file
    writes it, else its table's header line (the [profile]'s for a rule about the whole plan);
    None when it is about no place in the file."""
    layout: Layout | None = None
    for diagnostic in diagnostics:
        if layout is None:
            layout = scan(text)
        diagnostic.line = line_of(layout, plan, diagnostic)


def line_of(layout: Layout, plan: Plan, diagnostic: Any) -> int | None:
    """The line one diagnostic points at, or None."""
    field: str | None = diagnostic.parameters.get("field")
    if field is not None:
        match = _RECORD_WHERE.match(field)
        if match is not None:
            kind, number, key = match.groups()
            return _entry_line(layout, _TABLES[kind], int(number) - 1, key)
        if field.startswith("profile."):
            return _profile_line(layout, field[len("profile.") :])
        if diagnostic.item is None:
            return layout.top.keys.get(field, layout.tables.get(field, Table(None)).header)
    if diagnostic.item is not None:
        position = _item_position(plan, diagnostic.item, last=diagnostic.rule == "duplicate-id")
        if position is not None:
            return _entry_line(layout, "items", position, field)
    if diagnostic.source is not None:  # a seed rule about the plan as a whole: the profile
        return _profile_line(layout, None)
    return None


def _profile_line(layout: Layout, key: str | None) -> int | None:
    profile = layout.tables.get("profile")
    if profile is not None:
        return profile.line(key)
    if key is not None:  # written as `profile.goal = ...` at the top
        return layout.top.keys.get("profile")
    return None


def _entry_line(layout: Layout, name: str, position: int, key: str | None) -> int | None:
    entries = layout.arrays.get(name, [])
    if 0 <= position < len(entries):
        return entries[position].line(key)
    return layout.top.keys.get(name)  # written as an inline array: its line at least


def _item_position(plan: Plan, item_id: str, last: bool = False) -> int | None:
    """The index of the (first, or last) item with this id in the file."""
    found = None
    for position, item in enumerate(plan.items):
        if item.id == item_id:
            found = position
            if not last:
                break
    return found
