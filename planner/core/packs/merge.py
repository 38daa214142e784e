"""Extending a pack: a pack's changes applied onto the data of the pack it extends.

Changes are tables of the same shape as a pack's: a milestone, step, goal, specialisation,
source or rule with a new id is added; one with an id of the base has the fields given replaced
(a rule's severity, message or numbers); a rule with `off = true` is turned off; a rule whose
`kind` differs from the base's replaces it whole. Vocabulary and parameters are replaced key by
key. The base data is never changed.
"""

from __future__ import annotations

from typing import Any

TABLES = ("milestones", "specialisations", "steps", "goals", "rules", "sources")
"""The tables of a pack whose entries are keyed by id."""
SCALARS = ("id", "title", "as_of", "file")
"""The pack's own fields, which a change replaces."""


def copy(value: Any) -> Any:
    """A copy of pack data (dicts, lists and immutable values)."""
    if isinstance(value, dict):
        return {key: copy(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [copy(entry) for entry in value]
    return value


def extend(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The data of a pack that is `base` with `changes` applied."""
    data = {key: copy(value) for key, value in base.items()}
    for key in SCALARS:
        if key in changes:
            data[key] = changes[key]
    data["extends"] = changes.get("extends", base.get("id"))
    for key in ("vocabulary", "parameters"):
        if key in changes:
            data[key] = {**data.get(key, {}), **copy(changes[key])}
    for table in TABLES:
        entries: dict[str, Any] = data.setdefault(table, {})
        for entry_id, change in (changes.get(table) or {}).items():
            change = copy(change)
            if table == "rules" and change.get("off") is True:
                entries.pop(entry_id, None)
                continue
            known = entries.get(entry_id)
            if known is None or (
                table == "rules" and "kind" in change and change["kind"] != known.get("kind")
            ):
                entries[entry_id] = change
            else:
                known.update(change)
    return data
