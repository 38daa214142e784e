"""A plan full of hostile strings, in every field, and what must never reach a terminal from it.

Each payload comes with the raw byte sequences that would act on a terminal if the planner let
them through (searched for in what the app writes), and markup that must show as written.
"""

from __future__ import annotations

from typing import Any

from planner.core.model import FORMAT, Plan
from planner.core.storage import dumps
from planner.core.text import printable

PAYLOADS: list[tuple[str, list[bytes]]] = [
    ("\x1b]52;c;aGk=\x07", [b"\x1b]52;c;aGk="]),  # OSC 52: writes the clipboard
    ("\x1b]0;pwned-title\x07", [b"\x1b]0;pwned"]),  # OSC 0: sets the window title
    ("\x1b[2J\x1b[1;31mhostile-csi", [b"\x1b[2J\x1b[1;31m", b"\x1b[1;31mhostile"]),  # clears, paints
    ("\x1b[6nhostile-dsr", [b"\x1b[6nhostile"]),  # makes the terminal type its cursor position
    ("\x1bP+q544e\x1b\\hostile-dcs", [b"\x1bP+q544e"]),  # DCS: asks the terminal for its termcap
    ("\x9b31mhostile-c1", [b"\xc2\x9b31m", b"\x9b31mhostile"]),  # C1 CSI, as UTF-8 and as a byte
    ("\x9d0;c1-title\x9c", [b"\xc2\x9d0;c1", b"\x9d0;c1"]),  # C1 OSC ... ST
    ("del\x7fete", [b"del\x7fete"]),  # DEL
    ("evil\u202etxt.exe", ["\u202e".encode()]),  # right-to-left override
    ("\u2066isolate\u2069", ["\u2066".encode(), "\u2069".encode()]),  # bidi isolates
    ("nul\x00byte bell\x07 bs\x08 ff\x0c", [b"nul\x00byte", b"bell\x07", b"bs\x08", b"ff\x0c"]),
    ("[bold]x[/]", []),  # markup: shown as written
    ("text [/] more", []),  # markup that does not parse: shown as written, crashes nothing
    ("[@click=app.quit]quit[/]", []),  # an action link: runs nothing
]

STRINGS = [payload for payload, _raw in PAYLOADS]
RAW = [raw for _payload, raws in PAYLOADS for raw in raws]
MARKUP = ["[bold]x[/]", "text [/] more", "[@click=app.quit]quit[/]"]
LONG = "L" * 5000

FILE_NAME = "hostile-\x1b]0;file-title\x07.toml"
"""A file name is data too."""
FILE_RAW = b"\x1b]0;file-title"

# Characters that no screen may hold raw: C0 but tab and newline, DEL, C1, bidi controls.
FORBIDDEN = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]] + [
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
]

TERMS = ["2027-fall", "2028-spring", "2028-summer", "2028-fall", "2029-spring", "2029-summer"]
MILESTONES = ["associate-hit", "rhit-exam", "course", "health-information-technician", "rhit"]


def pick(number: int) -> str:
    """The payload for position `number`, round robin."""
    return STRINGS[number % len(STRINGS)]


def visible(payload: str) -> str:
    """How a payload must look on screen."""
    return printable(payload, one_line=True)


def hostile_document(items: int = 2000) -> dict[str, Any]:
    """A plan document with hostile strings in every field (and as unknown keys)."""
    everything = " ".join(STRINGS)
    document: dict[str, Any] = {
        "format": FORMAT,
        "title": everything,
        "profile": {
            "name": pick(1) + " " + pick(12),
            "education": pick(2),
            "high_school_courses": STRINGS,
            "credentials": STRINGS[:6],
            "completed": STRINGS[6:],
            "role": pick(3),
            "healthcare_experience_years": pick(4),  # the wrong type: shown as written
            "goal": "coding-specialist",
            "starts": "2027-fall",
            pick(5): pick(6),
        },
        "items": [],
        "comments": [
            {
                "author": pick(n),
                "date": "2026-12-02",
                "item": f"{pick(n)}-{n}",
                "text": pick(n + 1) + LONG[:200],
            }
            for n in range(len(STRINGS))
        ],
        "waivers": [
            {"rule": "bad-value", "item": f"{pick(n)}-{n}", "by": pick(n + 2), "reason": pick(n + 3)}
            for n in range(len(STRINGS))
        ]
        + [{"rule": pick(n), "by": pick(n), "reason": pick(n + 1)} for n in range(3)],
        "approvals": [{"by": pick(n), "digest": pick(n + 1)} for n in range(len(STRINGS))],
        pick(7): pick(8),
    }
    for number in range(items):
        entry: dict[str, Any] = {
            "id": f"{pick(number)}-{number}",
            "requirement": MILESTONES[number % len(MILESTONES)] if number % 3 else pick(number),
            "title": f"{pick(number + 1)} {pick(number + 2)}",
            "start": TERMS[number % len(TERMS)] if number % 7 else pick(number),
            "end": pick(number + 3) if number % 5 == 0 else TERMS[(number + 1) % len(TERMS)],
            "status": pick(number + 4),
            "area": pick(number + 5),
            "accredited_by": pick(number + 6),
            "field": pick(number + 7),
            "covers": [pick(number + 8), pick(number + 9)],
            "facility": pick(number + 10),
            "track": pick(number + 11),
            "issuer": pick(number + 12),
            "renews": pick(number + 13),
            "after": [f"{pick(number - 1)}-{number - 1}", pick(number)],
            "notes": "\n".join(STRINGS),
            pick(number + 3): pick(number + 4),
        }
        if number % 250 == 1:
            entry["title"] = pick(number) + LONG
            entry["notes"] = LONG
            entry["id"] = f"{pick(number)}-{number}-" + "i" * 3000
        document["items"].append(entry)
    return document


def hostile_plan_text(items: int = 2000) -> str:
    """The hostile plan as the planner writes it (every control character as a TOML escape)."""
    import datetime

    document = hostile_document(items)
    for record in document["comments"]:
        record["date"] = datetime.date(2026, 12, 2)
    return dumps(Plan.from_toml(document))
