"""The `hit-2026` rule pack, as changes to `hit-2008` (packs/merge.py applies them).

Filled in by the hit-2026 work; until then it changes only the pack's identity.
"""

CHANGES: dict = {
    "id": "hit-2026",
    "title": "The rules as they stand in 2026",
    "as_of": "2026-11",
}
