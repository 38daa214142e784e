"""The plan: profile, timeline items, and the advisor's comments, waivers and approvals.

Each record keeps what the planner knows as typed attributes, and two dictionaries beside them:
`extra` holds keys the planner does not know, `invalid` holds known keys whose value has the
wrong type (kept exactly, so saving never loses what a person wrote; validation reports them).
A field that is absent from the file is None, so a plan saves back as it was read.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Self

from planner.core.terms import Term

FORMAT = "hit-career-plan/1"
"""The `format` value this planner reads and writes."""

_FIELD_CHECKS = {
    "str": lambda value: type(value) is str,
    "list": lambda value: type(value) is list and all(type(entry) is str for entry in value),
    "number": lambda value: type(value) in (int, float),
    "date": lambda value: type(value) is datetime.date,
}


class Record:
    """A table of the plan file with typed known fields, unknown keys and ill-typed values."""

    __slots__ = ("extra", "invalid")

    FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()
    """(name, kind) of each known field, in the order the canonical layout writes them.
    Kinds: str, list (of str), number, date, term."""

    KINDS: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls) -> None:
        cls.KINDS = dict(cls.FIELDS)

    def __init__(self, **values: Any) -> None:
        self.extra: dict[str, Any] = {}
        """Keys the planner does not know, kept unchanged on save."""
        self.invalid: dict[str, Any] = {}
        """Known keys whose value has the wrong type or form, kept unchanged on save."""
        for name, _kind in self.FIELDS:
            object.__setattr__(self, name, None)
        for name, value in values.items():
            self.set(name, value)

    @classmethod
    def from_toml(cls, table: dict[str, Any]) -> Self:
        """The record a TOML table describes; never raises on odd values."""
        record = cls()
        for key, value in table.items():
            record.set(key, value)
        return record

    def set(self, name: str, value: Any) -> None:
        """Set a field from a file value (a term as text, say); a bad value goes to `invalid`.

        None removes the field. Unknown names go to `extra`.
        """
        kind = self.KINDS.get(name)
        if kind is None:
            if value is None:
                self.extra.pop(name, None)
            else:
                self.extra[name] = value
            return
        self.invalid.pop(name, None)
        if value is None:
            setattr(self, name, None)
        elif kind == "term":
            term = value if isinstance(value, Term) else Term.parse(value)
            setattr(self, name, term)
            if term is None:
                self.invalid[name] = value
        elif _FIELD_CHECKS[kind](value):
            setattr(self, name, list(value) if kind == "list" else value)
        else:
            setattr(self, name, None)
            self.invalid[name] = value

    def get(self, name: str) -> Any:
        """A field as the file would hold it: a term as text, an ill-typed value as it was."""
        if name in self.invalid:
            return self.invalid[name]
        if name in self.KINDS:
            value = getattr(self, name)
            if isinstance(value, Term):
                return str(value)
            return list(value) if isinstance(value, list) else value
        return self.extra.get(name)

    def to_toml(self) -> dict[str, Any]:
        """The TOML table for this record: known fields in canonical order, then unknown keys."""
        table: dict[str, Any] = {}
        for name, kind in self.FIELDS:
            if name in self.invalid:
                table[name] = self.invalid[name]
                continue
            value = getattr(self, name)
            if value is None:
                continue
            if kind == "term":
                value = str(value)
            elif kind == "list":
                value = list(value)
            table[name] = value
        for key, value in self.extra.items():
            if key not in table:
                table[key] = value
        return table

    def copy(self) -> Self:
        """An independent copy."""
        return type(self).from_toml(_deep_copy(self.to_toml()))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.to_toml() == other.to_toml()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_toml()!r})"


def _deep_copy(value: Any) -> Any:
    """A copy of TOML data (dicts, lists and immutable scalars)."""
    if isinstance(value, dict):
        return {key: _deep_copy(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [_deep_copy(entry) for entry in value]
    return value


class Profile(Record):
    """Where the person stands today, and where they want to go."""

    __slots__ = (
        "name",
        "education",
        "high_school_courses",
        "credentials",
        "completed",
        "role",
        "healthcare_experience_years",
        "goal",
        "starts",
    )
    FIELDS = (
        ("name", "str"),
        ("education", "str"),
        ("high_school_courses", "list"),
        ("credentials", "list"),
        ("completed", "list"),
        ("role", "str"),
        ("healthcare_experience_years", "number"),
        ("goal", "str"),
        ("starts", "term"),
    )
    name: str | None
    education: str | None
    high_school_courses: list[str] | None
    credentials: list[str] | None
    """Credential ids held now."""
    completed: list[str] | None
    """Milestone ids done before the plan starts."""
    role: str | None
    """A job id, or "none"."""
    healthcare_experience_years: int | float | None
    goal: str | None
    starts: Term | None
    """The plan's first term."""


class Item(Record):
    """One entry of the timeline: a milestone from the catalog over one or more terms."""

    __slots__ = (
        "id",
        "requirement",
        "title",
        "start",
        "end",
        "status",
        "area",
        "accredited_by",
        "field",
        "covers",
        "facility",
        "track",
        "issuer",
        "renews",
        "units",
        "after",
        "notes",
    )
    FIELDS = (
        ("id", "str"),
        ("requirement", "str"),
        ("title", "str"),
        ("start", "term"),
        ("end", "term"),
        ("status", "str"),
        ("area", "str"),
        ("accredited_by", "str"),
        ("field", "str"),
        ("covers", "list"),
        ("facility", "str"),
        ("track", "str"),
        ("issuer", "str"),
        ("renews", "str"),
        ("units", "number"),
        ("after", "list"),
        ("notes", "str"),
    )
    id: str | None
    requirement: str | None
    """A milestone id from the catalog."""
    title: str | None
    start: Term | None
    end: Term | None
    """The last term, inclusive; None for a one-term item (or a job that runs on)."""
    status: str | None
    area: str | None
    accredited_by: str | None
    field: str | None
    covers: list[str] | None
    facility: str | None
    track: str | None
    issuer: str | None
    renews: str | None
    units: int | float | None
    """continuing-education: the CEUs or CE hours it carries (ceu-units, hit-2026)."""
    after: list[str] | None
    """Ids of the items this one waits for."""
    notes: str | None

    def last_term(self) -> Term | None:
        """The item's last term: its `end`, or its `start` when it has none or when the end comes
        before the start (that end is reported, and counts as the start); None without a start."""
        start, end = self.start, self.end
        if start is None:
            return None
        return end if end is not None and end.index >= start.index else start


class Comment(Record):
    """A remark in the conversation between the person and their advisor."""

    __slots__ = ("author", "date", "item", "text")
    FIELDS = (("author", "str"), ("date", "date"), ("item", "str"), ("text", "str"))
    author: str | None
    date: datetime.date | None
    item: str | None
    text: str | None


class Waiver(Record):
    """An advisor's exception to one diagnostic on one item (or on the plan)."""

    __slots__ = ("rule", "item", "by", "date", "reason")
    FIELDS = (("rule", "str"), ("item", "str"), ("by", "str"), ("date", "date"), ("reason", "str"))
    rule: str | None
    item: str | None
    by: str | None
    date: datetime.date | None
    reason: str | None


class Approval(Record):
    """An advisor's approval, bound to a digest of the plan's content."""

    __slots__ = ("by", "date", "digest")
    FIELDS = (("by", "str"), ("date", "date"), ("digest", "str"))
    by: str | None
    date: datetime.date | None
    digest: str | None


# The top-level arrays of tables and the record each entry is.
_LISTS: tuple[tuple[str, type[Record]], ...] = (
    ("items", Item),
    ("comments", Comment),
    ("waivers", Waiver),
    ("approvals", Approval),
)


class Plan:
    """A whole plan file."""

    def __init__(
        self,
        title: str | None = None,
        profile: Profile | None = None,
        items: list[Item] | None = None,
        comments: list[Comment] | None = None,
        waivers: list[Waiver] | None = None,
        approvals: list[Approval] | None = None,
    ) -> None:
        self.format = FORMAT
        self.rules: str | None = None
        """The rule pack: a built-in id or a pack file's path relative to the plan's folder;
        None for the default (packs.DEFAULT)."""
        self.title = title
        self.profile = profile if profile is not None else Profile()
        self.has_profile = profile is not None
        """False when the file has no [profile] table (a bad-value diagnostic)."""
        self.items: list[Item] = items if items is not None else []
        self.comments: list[Comment] = comments if comments is not None else []
        self.waivers: list[Waiver] = waivers if waivers is not None else []
        self.approvals: list[Approval] = approvals if approvals is not None else []
        self.extra: dict[str, Any] = {}
        """Top-level keys the planner does not know."""
        self.invalid: dict[str, Any] = {}
        """Top-level known keys with a value of the wrong type (title, profile, items, ...)."""
        self.schema_hint: str | None = None
        """The target of the file's `#:schema` first line, kept when the plan is saved."""

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Plan:
        """The plan a parsed TOML document describes. `format` is checked by the loader."""
        plan = cls()
        for key, value in data.items():
            if key == "format":
                continue
            if key in ("title", "rules"):
                if type(value) is str:
                    setattr(plan, key, value)
                else:
                    plan.invalid[key] = value
            elif key == "profile":
                if type(value) is dict:
                    plan.profile = Profile.from_toml(value)
                    plan.has_profile = True
                else:
                    plan.invalid[key] = value
            elif key in _LIST_TYPES:
                record_type = _LIST_TYPES[key]
                if type(value) is list and all(type(entry) is dict for entry in value):
                    setattr(plan, key, [record_type.from_toml(entry) for entry in value])
                else:
                    plan.invalid[key] = value
            else:
                plan.extra[key] = value
        return plan

    def to_toml(self) -> dict[str, Any]:
        """The TOML document for this plan, in the canonical order."""
        data: dict[str, Any] = {"format": self.format}
        if "rules" in self.invalid:
            data["rules"] = self.invalid["rules"]
        elif self.rules is not None:
            data["rules"] = self.rules
        if "title" in self.invalid:
            data["title"] = self.invalid["title"]
        elif self.title is not None:
            data["title"] = self.title
        if "profile" in self.invalid:
            data["profile"] = self.invalid["profile"]
        elif self.has_profile:
            data["profile"] = self.profile.to_toml()
        for key, _record_type in _LISTS:
            if key in self.invalid:
                data[key] = self.invalid[key]
            else:
                records = getattr(self, key)
                if records:
                    data[key] = [record.to_toml() for record in records]
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data

    def copy(self) -> Plan:
        """An independent copy."""
        plan = Plan.from_toml(_deep_copy(self.to_toml()))
        plan.schema_hint = self.schema_hint
        return plan

    def item(self, item_id: str) -> Item | None:
        """The first item with this id, or None."""
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def last_term(self) -> Term | None:
        """The plan's end: the latest `end` or `start` among its items (None when it has none)."""
        latest = None
        for item in self.items:
            for term in (item.start, item.end):
                if term is not None and (latest is None or term.index > latest.index):
                    latest = term
        return latest

    def new_item_id(self, base: str, taken: set[str] | None = None) -> str:
        """`base`, or `base-2`, `base-3`, ... whichever no item (nor `taken`) uses yet."""
        used = {item.id for item in self.items if item.id}
        if taken:
            used |= taken
        if base not in used:
            return base
        number = 2
        while f"{base}-{number}" in used:
            number += 1
        return f"{base}-{number}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and self.to_toml() == other.to_toml()

    def __repr__(self) -> str:
        return f"Plan({self.title!r}, {len(self.items)} items)"


_LIST_TYPES: dict[str, type[Record]] = dict(_LISTS)
