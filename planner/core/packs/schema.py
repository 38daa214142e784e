"""The JSON Schema (draft 2020-12) of rule-pack files, for editors that validate TOML.

The rule kinds and their settings come from the engine (rules/kinds.py), so the schema names
exactly what `planner check` accepts; the checks it cannot express (that a named milestone
exists, that a message uses only its kind's placeholders) are made when the pack is read.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalog import SEVERITIES
from planner.core.packs import BUILT_IN
from planner.core.packs.file import FIELDS_OF_KIND, ROUTE_KEYS, WHEN
from planner.core.rules.kinds import KINDS, SETTINGS
from planner.core.schema import DRAFT

_ID = {"type": "string", "pattern": "^[a-z0-9-]+$"}
_IDS = {"anyOf": [_ID, {"type": "array", "items": _ID}]}

_SETTING_TYPES: dict[str, dict[str, Any]] = {
    "milestones": _IDS,
    "milestone": _ID,
    "text": {"type": "string"},
    "integer": {"type": "integer", "minimum": 0},
    "when": {"enum": list(WHEN)},
    "fields": {"type": "object", "additionalProperties": {"type": "string"}},
    "vocabulary": {"type": "string"},
    "texts": {"type": "object", "additionalProperties": {"type": "string"}},
    "numbers": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
    "problems": {
        "type": "object",
        "properties": {"held": {"type": "string"}, "short": {"type": "string"}},
        "additionalProperties": False,
    },
    "routes": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["terms"],
            "properties": {
                "terms": {"type": "integer", "minimum": 0},
                "held": _IDS,
                "degree": {"type": "string"},
                "done": _IDS,
                "accredited_by": {"type": "string"},
                "label": {"type": "string"},
            },
            "additionalProperties": False,
        },
    },
}


def _rule_of_kind(kind: str) -> dict[str, Any]:
    fields = ", ".join("{" + name + "}" for name in sorted(FIELDS_OF_KIND[kind]))
    properties: dict[str, Any] = {
        "kind": {"const": kind},
        "severity": {"enum": list(SEVERITIES)},
        "source": {"type": "string", "description": "Seed paragraphs (P5) and source ids, comma-separated."},
        "message": {"type": "string", "description": f"What the user reads; it may use {fields}."},
        "sentences": {"type": "array", "items": {"type": "string"}},
    }
    for name, what in SETTINGS[kind].items():
        properties[name] = dict(_SETTING_TYPES[what])
    return {
        "type": "object",
        "description": (KINDS[kind].__doc__ or "").strip().split("\n\n")[0],
        "properties": properties,
        "required": ["kind", "severity", "message", "source"],
        "additionalProperties": False,
    }


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a pack file."""
    change = {
        "type": "object",
        "description": (
            "A change to a rule of the pack it extends: its severity, message, source or "
            "settings; `off = true` turns it off."
        ),
        "properties": {"off": {"const": True}, "severity": {"enum": list(SEVERITIES)}},
    }
    table = {"type": "object", "additionalProperties": {"type": "object"}}
    return {
        "$schema": DRAFT,
        "title": "Rule pack",
        "description": (
            "A rule pack of one's own: it extends a built-in pack and adds milestones, goals and "
            "rules made of the engine's rule kinds, changes severities and numbers, or turns rules "
            "off. Data only: nothing in it runs."
        ),
        "type": "object",
        "required": ["extends"],
        "properties": {
            "extends": {"enum": list(BUILT_IN), "description": "The built-in pack this one changes."},
            "title": {"type": "string"},
            "as_of": {"type": "string", "description": "The date its rules stand as of (YYYY-MM)."},
            "vocabulary": {"type": "object"},
            "parameters": {"type": "object"},
            "sources": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "required": ["publisher", "title", "url", "read", "fact"],
                    "properties": {
                        "publisher": {"type": "string"},
                        "title": {"type": "string", "description": "The page's title."},
                        "url": {"type": "string"},
                        "read": {"type": "string", "description": "The date it was read (YYYY-MM-DD)."},
                        "fact": {
                            "type": "string",
                            "description": "What the pack takes from it, in its own words.",
                        },
                    },
                },
            },
            "milestones": table,
            "specialisations": table,
            "steps": table,
            "goals": table,
            "rules": {
                "type": "object",
                "additionalProperties": {"anyOf": [*(_rule_of_kind(kind) for kind in KINDS), change]},
            },
        },
        "additionalProperties": False,
        "$comment": "Route settings: " + ", ".join(sorted(ROUTE_KEYS)),
    }


def pack_schema_text() -> str:
    """The schema as the JSON text `planner schema --pack` prints."""
    import json

    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
