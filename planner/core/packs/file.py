"""Reading a pack file: TOML that extends a built-in pack, checked before it is used.

A pack file holds data only: tables of milestones, steps, goals, sources and rules, each rule an
instance of a rule kind (rules/kinds.py) with its settings. Nothing in it runs: messages are
filled in with the kind's own parameters by name only (no attribute, index or format spec).
Whatever is wrong is reported as one line naming the file, the line and the problem
(`PackError`), never a traceback.
"""

from __future__ import annotations

import datetime
import re
import string
from typing import Any

from planner.core.catalog import SEVERITIES, Pack
from planner.core.packs import BUILT_IN, PackError, builtin_data
from planner.core.packs.merge import TABLES, extend
from planner.core.rules.kinds import KINDS, REQUIRED, SELECTING, SETTINGS
from planner.core.rules.named import NAMED

MAX_BYTES = 1024 * 1024
"""A pack file is at most 1 MiB."""

TOP_LEVEL = ("id", "title", "as_of", "extends", "vocabulary", "parameters", *TABLES)

FIELDS_OF_KIND = {
    "needs-before": {"term"},
    "other-preparation": {"preparation"},
    "in-last-term": {"term"},
    "experience-before": {"years", "needed", "route", "problem", "reached"},
    "field": {"field"},
    "covers-areas": {"missing"},
    "renewal": {"credential", "terms", "start", "end", "note"},
    "units-per-cycle": {"credential", "start", "end", "units", "needed"},
}
"""The {placeholders} a message of each rule kind may use."""

WHEN = ("before", "by-start", "by-end", "held")
ROUTE_KEYS = {"terms", "held", "degree", "done", "accredited_by", "label"}

_SEED_LABEL = re.compile(r"P([1-9]|10)\Z")


def built_in_list() -> str:
    """ "hit-2008, hit-2026"."""
    return ", ".join(BUILT_IN)


def read_pack_file(path: str, value: str, plan_file: str | None = None) -> Pack:
    """The pack in the file at `path` (which a plan names as `value`); PackError when it cannot be
    read or is not valid."""
    import tomllib

    named_by = f'{plan_file}: rules = "{value}"' if plan_file else f"--rules {value}"
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise PackError(
            f"{named_by}: cannot read the pack file {path} ({reason.lower()}); "
            f"the built-in packs are {built_in_list()}"
        ) from None
    if len(raw) > MAX_BYTES:
        raise PackError(f"{path}: line 1: a pack file is at most 1 MiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError(f"{path}: line 1: the file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = found.group(1) if found else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message).rstrip(".")
        raise PackError(f"{path}: line {line}: not valid TOML: {reason}") from None
    checker = _Checker(path, text)
    merged = checker.check(data)
    merged["file"] = path
    merged["id"] = value
    try:
        return Pack(merged)
    except (KeyError, TypeError, ValueError) as error:  # a gap the checks above missed
        raise PackError(f"{path}: line 1: the pack cannot be built ({error})") from None


class _Checker:
    """Checks a pack file's data, naming the line of whatever is wrong."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def fail(self, where: tuple[str, ...], problem: str) -> PackError:
        """The error for `problem` at the key `where` (a path of table names and keys)."""
        return PackError(f"{self.path}: line {self.line_of(where)}: {problem}")

    def line_of(self, where: tuple[str, ...]) -> int:
        """The line where the key `where` is written, as near as it can be found (1 otherwise)."""
        best = 1
        for depth in range(len(where), 0, -1):
            header = self._header_line(where[:depth])
            if header is None:
                continue
            if depth == len(where):
                return header
            key = where[depth]
            pattern = re.compile(rf'\s*("{re.escape(key)}"|{re.escape(key)})\s*[=.]')
            for number in range(header, len(self.lines)):
                line = self.lines[number]
                if number > header and line.lstrip().startswith("["):
                    break
                if pattern.match(line):
                    return number + 1
            return header
        top = re.compile(rf'\s*("{re.escape(where[0])}"|{re.escape(where[0])})\s*[=.]') if where else None
        for number, line in enumerate(self.lines, 1):
            if top is not None and top.match(line):
                return number
        return best

    def _header_line(self, tables: tuple[str, ...]) -> int | None:
        names = r"\s*\.\s*".join(rf'(?:"{re.escape(name)}"|{re.escape(name)})' for name in tables)
        pattern = re.compile(rf"\s*\[\[?\s*{names}\s*\]\]?\s*(#.*)?$")
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                return number
        return None

    # --- the checks ---------------------------------------------------------------------------

    def check(self, data: dict[str, Any]) -> dict[str, Any]:
        """The merged pack data, once every part of the file is valid."""
        for key in data:
            if key not in TOP_LEVEL:
                raise self.fail((key,), f'"{key}" is not part of a pack; a pack has {", ".join(TOP_LEVEL)}')
        extends = data.get("extends")
        if extends is None:
            raise self.fail(
                ("extends",), f"a pack file must extend a built-in pack (extends = one of {built_in_list()})"
            )
        if extends not in BUILT_IN:
            raise self.fail(
                ("extends",), f'extends = "{extends}" is not a built-in pack; they are {built_in_list()}'
            )
        for key in ("id", "title", "as_of"):
            if key in data and not isinstance(data[key], str | datetime.date):
                raise self.fail((key,), f"{key} must be text")
        for table in ("vocabulary", "parameters", *TABLES):
            if table in data and not isinstance(data[table], dict):
                raise self.fail((table,), f"{table} must be a table")
            for entry_id, entry in (data.get(table) or {}).items():
                if table in TABLES and not isinstance(entry, dict):
                    raise self.fail((table, entry_id), f"{table}.{entry_id} must be a table")
        base = builtin_data(extends)
        for rule_id, change in (data.get("rules") or {}).items():
            known = base["rules"].get(rule_id)
            if change.get("off") is not None and change.get("off") is not True:
                raise self.fail(("rules", rule_id, "off"), "off must be true (or left out)")
            if change.get("off") is True:
                if known is None:
                    raise self.fail(
                        ("rules", rule_id), f"rules.{rule_id} turns off a rule {extends} does not have"
                    )
                if "kind" not in known:
                    raise self.fail(
                        ("rules", rule_id),
                        f"{rule_id} is a plan-structure or sharing rule; it cannot be turned off",
                    )
        changes = dict(data)
        for key in ("as_of",):
            if isinstance(changes.get(key), datetime.date):
                changes[key] = changes[key].isoformat()
        changes.setdefault("title", f"{extends}, changed by {self.path}")
        merged = extend(base, changes)
        self.check_vocabulary(merged)
        self.check_sources(merged)
        self.check_milestones(merged)
        self.check_specialisations(merged)
        self.check_steps(merged)
        self.check_goals(merged)
        self.check_rules(merged, base)
        return merged

    def check_vocabulary(self, data: dict[str, Any]) -> None:
        for key, value in data["vocabulary"].items():
            if key == "general_education":
                if not isinstance(value, str):
                    raise self.fail(("vocabulary", key), f"vocabulary.{key} must be text")
            elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise self.fail(("vocabulary", key), f"vocabulary.{key} must be a list of text")
        for key, value in data["parameters"].items():
            base = builtin_data("hit-2008")["parameters"].get(key)
            if base is not None and type(value) is not type(base):
                kind = "a whole number" if isinstance(base, int) else "text"
                raise self.fail(("parameters", key), f"parameters.{key} must be {kind}")

    def check_sources(self, data: dict[str, Any]) -> None:
        for source_id, source in data["sources"].items():
            for key in ("publisher", "title", "url", "read", "fact"):
                value = source.get(key)
                if isinstance(value, datetime.date):
                    source[key] = value.isoformat()
                elif not isinstance(value, str) or not value.strip():
                    raise self.fail(("sources", source_id, key), f"sources.{source_id} needs {key} (text)")

    def check_source(self, data: dict[str, Any], where: tuple[str, ...], value: Any) -> None:
        """A `source` value: seed paragraphs (P1..P10) and source ids, comma-separated."""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{'.'.join(where)} must be text: seed paragraphs (P5) or source ids")
        for label in value.split(","):
            label = label.strip()
            if not _SEED_LABEL.match(label) and label not in data["sources"]:
                raise self.fail(
                    where,
                    f'{".".join(where)} names "{label}", neither a seed paragraph (P1 to P10) nor a source',
                )

    def check_milestones(self, data: dict[str, Any]) -> None:
        milestones = data["milestones"]
        levels = data["vocabulary"].get("educations", [])
        for milestone_id, entry in milestones.items():
            where = ("milestones", milestone_id)
            for key in ("kind", "name", "description"):
                if not isinstance(entry.get(key), str):
                    raise self.fail(where + (key,), f"milestones.{milestone_id} needs {key} (text)")
            terms = entry.get("terms")
            if type(terms) is not int or terms < 1:
                raise self.fail(
                    where + ("terms",), f"milestones.{milestone_id}.terms must be a whole number from 1"
                )
            rank = entry.get("rank")
            if rank is not None and type(rank) is not int:
                raise self.fail(where + ("rank",), f"milestones.{milestone_id}.rank must be a whole number")
            if entry["kind"] == "job" and rank is None:
                raise self.fail(
                    where, f"milestones.{milestone_id} is a job and needs a rank (0 clerk, 1 technician, ...)"
                )
            self.check_source(data, where + ("source",), entry.get("source"))
            for key in ("prerequisites", "counts_as"):
                self.check_ids(entry.get(key, []), milestones, where + (key,), "milestone")
            level = entry.get("level")
            if level is not None and level not in levels:
                raise self.fail(
                    where + ("level",), f"milestones.{milestone_id}.level must be one of: {', '.join(levels)}"
                )

    def check_ids(self, value: Any, known: dict[str, Any], where: tuple[str, ...], what: str) -> None:
        """A list of ids (or one id) each of which is in `known`."""
        ids = [value] if isinstance(value, str) else value
        if not isinstance(ids, list) or not all(isinstance(entry, str) for entry in ids):
            raise self.fail(where, f"{'.'.join(where)} must be a {what} id or a list of them")
        for entry in ids:
            if entry not in known:
                raise self.fail(
                    where, f'{".".join(where)} names "{entry}", which is not a {what} of the pack'
                )

    def check_specialisations(self, data: dict[str, Any]) -> None:
        for special_id, entry in data["specialisations"].items():
            where = ("specialisations", special_id)
            if not isinstance(entry.get("name"), str):
                raise self.fail(where + ("name",), f"specialisations.{special_id} needs name (text)")
            for key, table, what in (
                ("job", "milestones", "milestone"),
                ("credential", "milestones", "milestone"),
            ):
                self.check_ids(entry.get(key), data[table], where + (key,), what)
            if not isinstance(entry.get("goal"), str):
                raise self.fail(where + ("goal",), f"specialisations.{special_id} needs goal (text)")

    def check_steps(self, data: dict[str, Any]) -> None:
        for step_id, entry in data["steps"].items():
            where = ("steps", step_id)
            self.check_ids(entry.get("milestone"), data["milestones"], where + ("milestone",), "milestone")
            if not isinstance(entry.get("milestone"), str):
                raise self.fail(where + ("milestone",), f"steps.{step_id}.milestone must be one milestone id")
            fields = entry.get("fields", {})
            if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
                raise self.fail(where + ("fields",), f"steps.{step_id}.fields must be a table of text")
            terms = entry.get("terms", 1)
            if type(terms) is not int or terms < 1:
                raise self.fail(where + ("terms",), f"steps.{step_id}.terms must be a whole number from 1")
            experience = entry.get("experience", False)
            if not (type(experience) is bool or (type(experience) is int and experience >= 1)):
                raise self.fail(
                    where + ("experience",),
                    f"steps.{step_id}.experience must be true, false or a number of terms",
                )
            if not isinstance(entry.get("reason"), str):
                raise self.fail(where + ("reason",), f"steps.{step_id} needs reason (text)")
            self.check_source(data, where + ("source",), entry.get("source"))

    def check_goals(self, data: dict[str, Any]) -> None:
        for goal_id, entry in data["goals"].items():
            where = ("goals", goal_id)
            if not isinstance(entry.get("name"), str):
                raise self.fail(where + ("name",), f"goals.{goal_id} needs name (text)")
            path = entry.get("path")
            if not isinstance(path, list) or not path:
                raise self.fail(where + ("path",), f"goals.{goal_id}.path must be a list of step ids")
            self.check_ids(path, data["steps"], where + ("path",), "step")

    def check_rules(self, data: dict[str, Any], base: dict[str, Any]) -> None:
        for rule_id, entry in data["rules"].items():
            where = ("rules", rule_id)
            if entry.get("severity") not in SEVERITIES:
                raise self.fail(
                    where + ("severity",), f"rules.{rule_id}.severity must be one of: {', '.join(SEVERITIES)}"
                )
            kind = entry.get("kind")
            known = base["rules"].get(rule_id)
            if kind is None:
                if known is None or "kind" in known:
                    raise self.fail(
                        where + ("kind",), f"rules.{rule_id} needs a kind: one of {', '.join(KINDS)}"
                    )
                fields = _fields(known["message"])
            elif kind == "named":
                if rule_id not in NAMED:
                    raise self.fail(
                        where + ("kind",),
                        f"rules.{rule_id}: no rule is registered by that name; "
                        f"kind must be one of {', '.join(KINDS)}",
                    )
                fields = _fields(base["rules"].get(rule_id, {}).get("message", ""))
            elif kind not in KINDS:
                raise self.fail(
                    where + ("kind",),
                    f'rules.{rule_id}.kind is "{kind}"; it must be one of {", ".join(KINDS)}',
                )
            else:
                fields = FIELDS_OF_KIND[kind]
                self.check_settings(data, rule_id, entry, kind)
            if "source" in entry or kind is not None:
                self.check_source(data, where + ("source",), entry.get("source"))
            self.check_message(where + ("message",), entry.get("message"), fields)
            for key in ("sentences",):
                if key in entry and not (
                    isinstance(entry[key], list) and all(isinstance(s, str) for s in entry[key])
                ):
                    raise self.fail(where + (key,), f"rules.{rule_id}.{key} must be a list of text")

    def check_message(self, where: tuple[str, ...], message: Any, fields: set[str]) -> None:
        """A message: text whose {placeholders} are plain names the rule's kind fills in."""
        if not isinstance(message, str) or not message.strip():
            raise self.fail(where, f"{'.'.join(where)} must be text")
        try:
            parts = list(string.Formatter().parse(message))
        except ValueError as error:
            raise self.fail(where, f"{'.'.join(where)}: {error} (write {{{{ and }}}} for braces)") from None
        for _, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in fields or spec or conversion:
                allowed = ", ".join("{" + field + "}" for field in sorted(fields)) or "none"
                raise self.fail(
                    where, f'{".".join(where)} uses "{{{name}}}"; this rule fills in only {allowed}'
                )

    def check_settings(self, data: dict[str, Any], rule_id: str, entry: dict[str, Any], kind: str) -> None:
        where = ("rules", rule_id)
        settings = SETTINGS[kind]
        for key, value in entry.items():
            if key in ("severity", "source", "sentences", "message", "kind"):
                continue
            if key not in settings:
                raise self.fail(
                    where + (key,),
                    f'rules.{rule_id}: a {kind} rule has no setting "{key}"; it has {", ".join(settings)}',
                )
            self.check_setting(data, where + (key,), settings[key], value)
            if key == "reached":
                self.check_message(where + (key,), value, {"term"})
        for key in REQUIRED[kind]:
            if key not in entry:
                raise self.fail(where, f"rules.{rule_id}: a {kind} rule needs {key}")
        if kind in SELECTING and sum(key in entry for key in ("item", "item_kind", "item_rank")) != 1:
            raise self.fail(
                where, f"rules.{rule_id}: give one of item, item_kind or item_rank (the items it is about)"
            )
        if entry.get("kind") == "experience-before" and "reached" in entry and "unreached" not in entry:
            raise self.fail(where, f"rules.{rule_id}: reached needs unreached beside it")

    def check_setting(self, data: dict[str, Any], where: tuple[str, ...], what: str, value: Any) -> None:
        name = ".".join(where)
        milestones = data["milestones"]
        if what == "milestones" or what == "milestone":
            if what == "milestone" and not isinstance(value, str):
                raise self.fail(where, f"{name} must be one milestone id")
            self.check_ids(value, milestones, where, "milestone")
        elif what == "text":
            if not isinstance(value, str):
                raise self.fail(where, f"{name} must be text")
        elif what == "integer":
            if type(value) is not int or value < 0:
                raise self.fail(where, f"{name} must be a whole number from 0")
        elif what == "when":
            if value not in WHEN:
                raise self.fail(where, f"{name} must be one of: {', '.join(WHEN)}")
        elif what == "fields":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise self.fail(where, f"{name} must be a table of item fields and the text they hold")
        elif what == "vocabulary":
            lists = [key for key, v in data["vocabulary"].items() if isinstance(v, list)]
            if value not in lists:
                raise self.fail(where, f"{name} must name a vocabulary list: {', '.join(lists)}")
        elif what in ("texts", "numbers"):
            if not isinstance(value, dict):
                raise self.fail(where, f"{name} must be a table by credential id")
            for key, entry in value.items():
                if key not in milestones:
                    raise self.fail(where, f'{name} names "{key}", which is not a milestone of the pack')
                ok = isinstance(entry, str) if what == "texts" else type(entry) in (int, float) and entry >= 0
                if not ok:
                    raise self.fail(
                        where, f"{name}.{key} must be {'text' if what == 'texts' else 'a number'}"
                    )
        elif what == "problems":
            if (
                not isinstance(value, dict)
                or set(value) - {"held", "short"}
                or not all(isinstance(v, str) for v in value.values())
            ):
                raise self.fail(where, f"{name} must be a table with held and short (text)")
            self.check_message(
                where, value.get("short", "-"), FIELDS_OF_KIND["experience-before"] - {"problem"}
            )
        elif what == "routes":
            if not isinstance(value, list) or not value or not all(isinstance(r, dict) for r in value):
                raise self.fail(where, f"{name} must be a list of tables (each with terms)")
            levels = data["vocabulary"].get("educations", [])
            for route in value:
                unknown = set(route) - ROUTE_KEYS
                if unknown:
                    raise self.fail(
                        where,
                        f'{name}: a route has no setting "{sorted(unknown)[0]}"; '
                        f"it has {', '.join(sorted(ROUTE_KEYS))}",
                    )
                if type(route.get("terms")) is not int or route["terms"] < 0:
                    raise self.fail(where, f"{name}: each route needs terms (a whole number from 0)")
                for key in ("held", "done"):
                    if key in route:
                        self.check_ids(route[key], milestones, where, "milestone")
                if "degree" in route and route["degree"] not in levels:
                    raise self.fail(where, f"{name}: degree must be one of: {', '.join(levels)}")
                for key in ("accredited_by", "label"):
                    if key in route and not isinstance(route[key], str):
                        raise self.fail(where, f"{name}: {key} must be text")


def _fields(message: str) -> set[str]:
    """The placeholders a built-in message uses."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}
