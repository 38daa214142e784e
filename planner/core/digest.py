"""The digest an approval is bound to: the plan's content, with approvals and comments left out.

It is taken over the parsed data, not the file's bytes, so reformatting the file or adding a
comment does not void an approval; changing an item, the profile or a waiver does.
"""

from __future__ import annotations

import json
from typing import Any

from planner.core.model import Plan

PREFIX = "sha256:"
LEFT_OUT = ("approvals", "comments")


def _plain(value: Any) -> Any:
    """Dates and times as ISO text, so that the JSON below is defined for any TOML value."""
    if isinstance(value, dict):
        return {key: _plain(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [_plain(entry) for entry in value]
    if hasattr(value, "isoformat"):
        return {"$date": value.isoformat()}
    return value


def plan_digest(plan: Plan) -> str:
    """`sha256:<hex>` of the plan's content in a canonical JSON form."""
    data = {key: value for key, value in plan.to_toml().items() if key not in LEFT_OUT}
    text = json.dumps(_plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return PREFIX + _sha256(text.encode("utf-8")).hexdigest()


def _sha256(data: bytes):  # type: ignore[no-untyped-def]
    """SHA-256 from CPython's built-in module when it has one: importing hashlib loads OpenSSL,
    which costs `planner check` a few milliseconds on every plan that carries an approval."""
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256
    return sha256(data)
