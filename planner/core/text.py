"""Text from a plan is data: the one function that makes it safe to show.

Plans come from other people. A title may hold terminal control sequences (an OSC 52 that
writes the clipboard, a CSI that moves the cursor) or bidi overrides that make text read
differently than it is. `printable` shows each such character as a visible escape, so that
nothing from a plan reaches the terminal as a command. Every place that shows plan text (the
command line, the app, exports) passes it through here.
"""

from __future__ import annotations

from typing import Any

_CONTROLS = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _visible(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# str.translate tables: C0 controls but tab and newline, DEL, C1 controls, and the bidi
# embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069). A table, not a regular
# expression, because compiling one cost a millisecond at every start of the command line.
_ESCAPES = {code: _visible(code) for code in _CONTROLS + _BIDI}
_ESCAPES_ONE_LINE = {**_ESCAPES, 0x09: _visible(0x09), 0x0A: _visible(0x0A)}


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with control characters and bidi overrides shown as visible escapes (`\\x1b`).

    With `one_line`, tab and newline are escaped too, for places that hold a single line.
    """
    return text.translate(_ESCAPES_ONE_LINE if one_line else _ESCAPES)


def readable(value: Any, absent: str = "", empty: str | None = None, *, one_line: bool = False) -> str:
    """A value from a plan file as a person reads it: text as it is, `true`/`false`, a list's
    entries joined with ", ", a table as `key = value` pairs; None (absent) as `absent`, and an
    empty list as `empty` (by default as its entries join: "").

    With `one_line` the text is made `printable` on one line, for a screen; without it the text
    is as the file holds it (exports escape it as their format needs).
    """
    if value is None:
        return absent
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if not value and empty is not None:
            return empty
        return ", ".join(readable(entry, absent, one_line=one_line) for entry in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{readable(key, one_line=one_line)} = {readable(entry, absent, one_line=one_line)}"
            for key, entry in value.items()
        )
    text = str(value)
    return printable(text, one_line=True) if one_line else text


# In JSON, json.dumps(ensure_ascii=False) escapes C0 controls but leaves DEL, C1 controls and
# the bidi controls as they are; these are written as \u escapes too, which a JSON reader turns
# back into the same characters. They can only stand inside strings, so the document stays valid.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in [0x7F, *range(0x80, 0xA0), *_BIDI]}


def printable_json(json_text: str) -> str:
    """A JSON document (from json.dumps) with no terminal control character left raw in it.

    The data is unchanged: `json.loads(printable_json(t)) == json.loads(t)`.
    """
    return json_text.translate(_JSON_ESCAPES)
