"""The JSON Schema of the plan format (draft 2020-12), for editors that validate TOML.

TOML language servers (taplo / Even Better TOML, tombi) read the `#:schema` first line the
planner writes and use this schema for completion, hover help and errors while a person edits a
plan by hand. The ids a plan may name (milestones, goals, jobs, credentials, educations,
statuses, facilities, tracks, areas) come from the catalog, so the schema always matches the
rules `check` applies. Every field carries a description, which editors show as help.

The schema is written without `$ref`, so that language servers that do not resolve references
still understand every part of it. Unknown keys are allowed (`additionalProperties` is left
open), because the planner keeps keys it does not know.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalog import Pack
from planner.core.model import FORMAT

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_ID_PATTERN = "^[a-z0-9-]+$"
_TERM_PATTERN = "^[0-9]{4}-(spring|summer|fall)$"


def _text(description: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **more}


def _term(description: str) -> dict[str, Any]:
    return _text(
        description + " Written YYYY-spring, YYYY-summer or YYYY-fall; three terms make a year.",
        pattern=_TERM_PATTERN,
        examples=["2027-fall"],
    )


def _date(description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "format": "date",
        "description": description + " A TOML date, such as 2026-12-02 (no quotes).",
    }


def _choice(description: str, values: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values), "description": description}


def _choices(description: str, values: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "enum": list(values)},
        "uniqueItems": True,
        "description": description,
    }


def _ids(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "pattern": _ID_PATTERN}, "description": description}


def _described(ids: list[str], names: dict[str, str]) -> list[str]:
    """`id: name` lines for an enum's description."""
    return [f"- `{id}`: {names[id]}" for id in ids]


def profile_schema(cat: Pack) -> dict[str, Any]:
    """The [profile] table."""
    milestones = list(cat.milestones)
    names = {id: m.name for id, m in cat.milestones.items()}
    goals = list(cat.goals)
    return {
        "type": "object",
        "description": "Where the person stands today, and where they want to go.",
        "required": ["goal", "starts"],
        "properties": {
            "name": _text("The person's name."),
            "education": _choice(
                "The highest education finished (or under way, for a student).", cat.educations
            ),
            "high_school_courses": _choices(
                "High-school subjects taken; they can improve the chances of admission (P4).",
                cat.high_school_subjects,
            ),
            "credentials": _choices(
                "Credentials held now; each implies its prerequisites were met.\n"
                + "\n".join(_described(list(cat.credentials), names)),
                cat.credentials,
            ),
            "completed": _choices(
                "Milestones done before the plan starts.\n" + "\n".join(_described(milestones, names)),
                milestones,
            ),
            "role": _choice(
                'The job held now (a job id from the catalog), or "none".\n'
                + "\n".join(_described(list(cat.jobs), names)),
                [cat.parameters["no_role"], *cat.jobs],
            ),
            "healthcare_experience_years": {
                "type": "number",
                "minimum": 0,
                "maximum": cat.parameters["max_experience_years"],
                "description": "Years of work in the profile's role before the plan starts.",
            },
            "goal": _choice(
                "The career goal; the planner proposes the steps that lead to it.\n"
                + "\n".join(f"- `{id}`: {cat.goals[id].name}" for id in goals),
                goals,
            ),
            "starts": _term("The first term of the plan."),
        },
    }


def item_schema(cat: Pack) -> dict[str, Any]:
    """One [[items]] entry."""
    milestones = list(cat.milestones)
    names = {id: m.name for id, m in cat.milestones.items()}
    areas = [*cat.coursework_areas, cat.general_education]
    return {
        "type": "object",
        "description": "One entry of the timeline: a milestone from the catalog over one or more terms.",
        "required": ["id", "requirement", "start"],
        "properties": {
            "id": _text("Unique in the plan; lowercase letters, digits and -.", pattern=_ID_PATTERN),
            "requirement": _choice(
                "The catalog milestone this item is.\n" + "\n".join(_described(milestones, names)), milestones
            ),
            "title": _text("A name of your own, such as the school or the employer."),
            "start": _term("The first term the item occupies."),
            "end": _term(
                "The last term, inclusive; leave it out for a one-term item. A job without end "
                "runs until the next job starts, or else to the end of the plan."
            ),
            "status": _choice("How far along it is.", cat.statuses),
            "area": _choice(
                "For course items: the coursework area (an HIT program's nine areas or "
                "general-education); for high-school-course items: the subject.",
                [*areas, *[s for s in cat.high_school_subjects if s not in areas]],
            ),
            "accredited_by": _text(
                'Degrees and programs: the accrediting body, any text; the RHIT exam needs "CAHIIM" (P5). '
                "Absent means not accredited.",
                examples=[cat.parameters["accrediting_body"]],
            ),
            "field": _text(
                "Degrees: the field of study.",
                examples=["health-information-technology", "health-information-administration"],
            ),
            "covers": _choices("Degrees and programs: the coursework areas it covers (P4).", areas),
            "facility": _choice("Jobs: the size of the facility.", cat.facilities),
            "track": _choice("intensive-training: coding or cancer registry (P8).", cat.tracks),
            "issuer": _text(
                "Credentials: who issues it.", examples=["AHIMA", "AAPC", "NCRA", "BMSC", "PAHCS"]
            ),
            "renews": _text(
                "continuing-education: the id of the credential item it renews, or the credential's "
                'catalog id, such as "rhit".',
                pattern=_ID_PATTERN,
            ),
            "units": {
                "type": "number",
                "minimum": 0,
                "description": (
                    "continuing-education: the CEUs or CE hours it carries (hit-2026 counts them per cycle)."
                ),
            },
            "after": _ids("Ids of the items this one waits for: it starts after each of them ends."),
            "notes": _text("Free text."),
        },
    }


def comment_schema() -> dict[str, Any]:
    """One [[comments]] entry."""
    return {
        "type": "object",
        "description": "A remark in the conversation between the person and their advisor.",
        "required": ["author", "text"],
        "properties": {
            "author": _text("Who wrote it."),
            "date": _date("When it was written."),
            "item": _text(
                "The id of the item it is about; leave it out for the whole plan.", pattern=_ID_PATTERN
            ),
            "text": _text("The comment."),
        },
    }


def waiver_schema(cat: Pack) -> dict[str, Any]:
    """One [[waivers]] entry."""
    rules = [id for id in cat.rules]
    return {
        "type": "object",
        "description": (
            "An advisor's exception to one diagnostic: the diagnostic with this rule on this item "
            "(or on the plan, without item) is shown as waived and does not count toward the exit "
            "status. A waiver that matches no diagnostic is reported (waiver-stale)."
        ),
        "required": ["rule"],
        "properties": {
            "rule": _choice("The id of the rule whose diagnostic is waived.", rules),
            "item": _text(
                "The id of the item the diagnostic is on; leave it out for the plan.", pattern=_ID_PATTERN
            ),
            "by": _text("Who granted the waiver."),
            "date": _date("When it was granted."),
            "reason": _text("Why."),
        },
    }


def approval_schema() -> dict[str, Any]:
    """One [[approvals]] entry."""
    return {
        "type": "object",
        "description": (
            "An advisor's approval, written by `planner sign`. It holds while the digest matches "
            "the plan; once the plan changes, check warns approval-outdated."
        ),
        "required": ["by", "digest"],
        "properties": {
            "by": _text("Who approved."),
            "date": _date("When."),
            "digest": _text(
                "sha256 of the plan's content, comments and approvals left out (waivers count).",
                pattern="^sha256:[0-9a-f]{64}$",
            ),
        },
    }


def _table_array(description: str, entry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "description": description, "items": entry}


def plan_schema(cat: Pack | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file."""
    if cat is None:
        from planner.core.packs import default_pack

        cat = default_pack()
    return {
        "$schema": DRAFT,
        "title": "Career plan (" + FORMAT + ")",
        "description": (
            "A career plan for medical records and health information technicians, as the "
            "planner reads and writes it. Run `planner check` for the rules the schema cannot "
            "express (order of items, prerequisites, experience)."
        ),
        "type": "object",
        "required": ["format", "profile"],
        "properties": {
            "format": {
                "const": FORMAT,
                "description": f'Always "{FORMAT}": lets later versions of the planner migrate old files.',
            },
            "rules": _text(
                'The rule pack the plan is checked against: "hit-2026" (the rules as they stand '
                'today), "hit-2008" (the seed\'s, the default when absent), or the path of a pack '
                "file relative to the plan's folder.",
                examples=["hit-2026"],
            ),
            "title": _text("The plan's title."),
            "profile": profile_schema(cat),
            "items": _table_array("The timeline; order in the file does not matter.", item_schema(cat)),
            "comments": _table_array("The advisor's side of the conversation.", comment_schema()),
            "waivers": _table_array(
                "Exceptions an advisor grants to single diagnostics.", waiver_schema(cat)
            ),
            "approvals": _table_array("Approvals, each bound to the plan's content.", approval_schema()),
        },
    }


def schema_text(cat: Pack | None = None) -> str:
    """The schema as the JSON text `planner schema` prints."""
    import json

    return json.dumps(plan_schema(cat), indent=2, ensure_ascii=False) + "\n"
