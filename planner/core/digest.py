"""The digest an approval is bound to: the plan's content, with approvals and comments left out.

It is taken over the parsed data, not the file's bytes, so reformatting the file or adding a
comment does not void an approval; changing an item, the profile or a waiver does.
"""

from __future__ import annotations

from typing import Any

from planner.core.model import Plan

PREFIX = "sha256:"
LEFT_OUT = ("approvals", "comments")


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPES.update({chr(code): f"\\u{code:04x}" for code in range(0x20) if chr(code) not in _ESCAPES})
_STRING = str.maketrans(_ESCAPES)


def canonical(value: Any) -> str:
    """The value as `json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`
    writes it, dates and times as `{"$date": ISO text}`.

    Written out here because importing json costs `planner check` over a millisecond on every
    plan that carries an approval; a test checks that the two agree on generated plans.
    """
    if isinstance(value, str):
        return '"' + value.translate(_STRING) + '"'
    if isinstance(value, dict):
        entries = sorted(value.items())
        return "{" + ",".join(canonical(key) + ":" + canonical(entry) for key, entry in entries) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(entry) for entry in value) + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    return '{"$date":' + canonical(value.isoformat()) + "}"


def plan_digest(plan: Plan) -> str:
    """`sha256:<hex>` of the plan's content in a canonical JSON form."""
    data = {key: value for key, value in plan.to_toml().items() if key not in LEFT_OUT}
    return PREFIX + _sha256(canonical(data).encode("utf-8")).hexdigest()


def _sha256(data: bytes) -> Any:
    """SHA-256 from CPython's built-in module when it has one: importing hashlib loads OpenSSL,
    which costs `planner check` a few milliseconds on every plan that carries an approval."""
    import importlib

    for name in ("_sha2", "_sha256"):  # Python 3.12 and later; 3.11
        try:
            return importlib.import_module(name).sha256(data)
        except ImportError:
            continue
    from hashlib import sha256

    return sha256(data)
