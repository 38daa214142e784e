"""Text from a plan is data: the one function that makes it safe to show.

Plans come from other people. A title may hold terminal control sequences (an OSC 52 that
writes the clipboard, a CSI that moves the cursor) or bidi overrides that make text read
differently than it is. `printable` shows each such character as a visible escape, so that
nothing from a plan reaches the terminal as a command. Every place that shows plan text (the
command line, the app, exports) passes it through here.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
# isolates (U+202A..U+202E, U+2066..U+2069).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with control characters and bidi overrides shown as visible escapes (`\\x1b`).

    With `one_line`, tab and newline are escaped too, for places that hold a single line.
    """
    pattern = _UNSAFE_LINE if one_line else _UNSAFE
    return pattern.sub(_escape, text)
