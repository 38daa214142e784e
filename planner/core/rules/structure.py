"""The plan-structure rules: ids, references, terms, `after` and values of the right type and list.

They hold for every rule pack (their words come from the pack's rules of the same ids, but what
they check is the plan format's). Each yields findings; validate.py puts them in words.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from planner.core.diagnostic import Finding
from planner.core.model import Item, Record
from planner.core.placed import Facts

_ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
SUGGESTION_CUTOFF = 0.75
"""How alike (difflib's ratio) an unknown reference and a known id must be to suggest the id."""
_KIND_WORDS = {"str": "text", "list": "a list of text", "number": "a number", "date": "a date"}
_TOP_LEVEL_WORDS = {"title": "text", "rules": "text", "profile": "a table"}


def _short(value: Any, limit: int = 40) -> str:
    """A value as a person would write it in TOML, cut short when long."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def duplicate_id(facts: Facts) -> Iterator[Finding]:
    """An item id used twice: on the later item."""
    seen: set[str] = set()
    for item in facts.plan.items:
        if item.id is not None:
            if item.id in seen:
                yield "duplicate-id", item.id, {"id": item.id, "field": "id"}
            seen.add(item.id)


def unknown_reference(facts: Facts) -> Iterator[Finding]:
    """A requirement, after, renews, profile goal, role, completed or credentials entry, or a
    comment's item, that names nothing."""
    cat, items = facts.cat, facts.by_id
    yield from _profile_references(facts)
    for item in facts.plan.items:
        if item.requirement is not None and item.requirement not in cat.milestones:
            what = "is not a milestone in the catalog"
            yield _unknown(item.id, "requirement", item.requirement, what, cat.milestones)
        for other in item.after or ():
            if other not in items:
                yield _unknown(item.id, "after", other, "is not the id of an item in this plan", items)
        if item.renews is not None and item.renews not in items and item.renews not in cat.credentials:
            what = "is neither an item of this plan nor a credential in the catalog"
            yield _unknown(item.id, "renews", item.renews, what, [*items, *cat.credentials])
    for number, comment in enumerate(facts.plan.comments, 1):
        if comment.item is not None and comment.item not in items:
            what = "is not the id of an item in this plan"
            yield _unknown(None, f"Comment {number}: item", comment.item, what, items)


def _profile_references(facts: Facts) -> Iterator[Finding]:
    profile, cat = facts.plan.profile, facts.cat
    if profile.goal is not None and profile.goal not in cat.goals:
        what = "is not a goal; goals are " + ", ".join(cat.goals)
        yield _unknown(None, "profile.goal", profile.goal, what, cat.goals)
    if (
        profile.role is not None
        and profile.role != cat.parameters["no_role"]
        and profile.role not in cat.jobs
    ):
        what = 'is not a job in the catalog (or "none")'
        yield _unknown(None, "profile.role", profile.role, what, cat.jobs)
    for milestone in profile.completed or ():
        if milestone not in cat.milestones:
            what = "is not a milestone in the catalog"
            yield _unknown(None, "profile.completed", milestone, what, cat.milestones)
    for credential in profile.credentials or ():
        if credential not in cat.credentials:
            what = "is not a credential in the catalog"
            yield _unknown(None, "profile.credentials", credential, what, cat.credentials)


def _unknown(item: str | None, field: str, value: str, what: str, known: Iterable[str]) -> Finding:
    """unknown-reference, with the known id closest to `value` as a suggestion when one is close.

    Only the first SUGGESTIONS_AT_MOST unknown references of a call get a suggestion looked up
    (each costs a pass over the known ids), so a plan with thousands of them checks as fast."""
    parameters = {"field": field, "value": value, "what": what}
    if _SUGGESTED.count < SUGGESTIONS_AT_MOST:
        _SUGGESTED.count += 1
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            parameters["suggestion"] = close[0]
    return "unknown-reference", item, parameters


class _Suggested(threading.local):
    count = 0


_SUGGESTED = _Suggested()
"""How many suggestions the running validation looked up (per thread)."""
SUGGESTIONS_AT_MOST = 20


def bad_term(facts: Facts) -> Iterator[Finding]:
    """A term that is not YYYY-spring, YYYY-summer or YYYY-fall."""
    for record, item, where in _records(facts):
        for name, value in record.invalid.items():
            if record.KINDS[name] == "term":
                yield "bad-term", item, {"field": f"{where}{name}", "value": _short(value)}


def end_before_start(facts: Facts) -> Iterator[Finding]:
    """An item whose end is earlier than its start."""
    for item in facts.plan.items:
        if item.end is not None and item.start is not None and item.end.index < item.start.index:
            yield (
                "end-before-start",
                item.id,
                {"start": str(item.start), "end": str(item.end), "field": "end"},
            )


def after_not_respected(facts: Facts) -> Iterator[Finding]:
    """An item that starts before an item it waits for has ended (in the same term or earlier).

    What an item waits for ends with its own `end`, or in the term it starts when it has none.
    """
    items = facts.by_id
    for item in facts.plan.items:
        if not item.after or item.start is None:
            continue
        for other_id in item.after:
            other = items.get(other_id)
            if other is None or other is item or other.start is None:
                continue
            other_end = other.last_term()
            assert other_end is not None  # it has a start
            if item.start.index <= other_end.index:
                yield (
                    "after-not-respected",
                    item.id,
                    {"start": str(item.start), "other": other_id, "end": str(other_end), "field": "after"},
                )


def dependency_cycle(facts: Facts) -> Iterator[Finding]:
    """One finding per group of items that wait for each other (a strongly connected component
    of `after`), on its first item in file order, naming one shortest circle through that item.

    Tarjan's algorithm, without recursion: each item and each `after` entry is looked at a
    bounded number of times, so a plan of any shape costs about as much as a chain of its size.
    Circles are never enumerated (a ring where every item also waits for the first holds as many
    circles as items): a group is one finding however many circles it holds.
    """
    items = facts.by_id
    order: dict[str, int] = {}
    for position, item in enumerate(facts.plan.items):
        if item.id is not None:
            order.setdefault(item.id, position)
    for group in _waiting_groups(items):
        first = min(group, key=order.__getitem__)
        yield _cycle_finding(_shortest_circle(items, first, group))


def _waiting_groups(items: dict[str, Item]) -> Iterator[set[str]]:
    """The groups of items that wait for each other, round a circle (Tarjan's strongly connected
    components of `after` of more than one item, or of one that waits for itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root, root_item in items.items():
        if root in index or not root_item.after:  # an item that waits for nothing closes no circle
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(root_item.after))]
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in items:
                    continue
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(items[successor].after or ())))
                    break
                if successor in on_stack and index[successor] < low[node]:
                    low[node] = index[successor]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in (items[node].after or ()):
                        yield group


def _shortest_circle(items: dict[str, Item], first: str, group: set[str]) -> list[str]:
    """A shortest circle from `first` along `after` back to it, inside its group (breadth first)."""
    came_from: dict[str, str] = {}
    queue = [first]
    for node in queue:  # the list grows as it is read: a queue
        for successor in items[node].after or ():
            if successor == first:
                circle = [node]
                while circle[-1] != first:
                    circle.append(came_from[circle[-1]])
                return [first, *reversed(circle[:-1])]
            if successor in group and successor not in came_from:
                came_from[successor] = node
                queue.append(successor)
    return [first]  # not reached: every member of a group is on a circle through `first`


_CIRCLE_SHOWN = 10
"""At most this many items are named in a circle's message; a longer one says how many it skips."""


def _cycle_finding(circle: list[str]) -> Finding:
    """The circle told from its first item, back to it; a long one with its middle counted, not named."""
    named = [f'"{i}"' for i in circle]
    if len(named) > _CIRCLE_SHOWN:
        skipped = len(named) - _CIRCLE_SHOWN + 1
        named = [*named[: _CIRCLE_SHOWN - 2], f"… {skipped:,} more …", named[-1]]
    return "dependency-cycle", circle[0], {"cycle": " waits for ".join([*named, named[0]]), "field": "after"}


def bad_value(facts: Facts) -> Iterator[Finding]:
    """A missing required field, a field of the wrong type, or a value outside its list or range."""
    plan = facts.plan
    for key, value in plan.invalid.items():
        expected = _TOP_LEVEL_WORDS.get(key, "an array of tables")
        yield (
            "bad-value",
            None,
            {"problem": f"{key} should be {expected}, not {_short(value)}.", "field": key},
        )
    if not plan.has_profile and "profile" not in plan.invalid:
        yield (
            "bad-value",
            None,
            {"problem": "The plan has no [profile] table; it needs at least goal and starts."},
        )
    for record, item, where in _records(facts):
        for name, value in record.invalid.items():
            kind = record.KINDS[name]
            if kind != "term":
                yield (
                    "bad-value",
                    item,
                    {
                        "problem": f"{where}{name} should be {_KIND_WORDS[kind]}, not {_short(value)}.",
                        "field": f"{where}{name}",
                    },
                )
    if plan.has_profile:
        yield from _profile_values(facts)
    yield from _item_values(facts)
    for number, comment in enumerate(plan.comments, 1):
        yield from _required(comment, ("author", "text"), None, f"Comment {number}: ")
    for number, waiver in enumerate(plan.waivers, 1):
        yield from _required(waiver, ("rule",), waiver.item, f"Waiver {number}: ")
    for number, approval in enumerate(plan.approvals, 1):
        yield from _required(approval, ("by", "digest"), None, f"Approval {number}: ")


def _profile_values(facts: Facts) -> Iterator[Finding]:
    profile, cat = facts.plan.profile, facts.cat
    yield from _required(profile, ("goal", "starts"), None, "profile.")
    if profile.education is not None and profile.education not in cat.educations:
        yield _outside(profile.education, cat.educations, None, "profile.education")
    for course in profile.high_school_courses or ():
        if course not in cat.high_school_subjects:
            yield _outside(course, cat.high_school_subjects, None, "profile.high_school_courses")
    years, most = profile.healthcare_experience_years, cat.parameters["max_experience_years"]
    if years is not None and not 0 <= years <= most:
        problem = f"profile.healthcare_experience_years is {years}; it must be from 0 to {most}."
        yield "bad-value", None, {"problem": problem, "field": "profile.healthcare_experience_years"}


def _item_values(facts: Facts) -> Iterator[Finding]:
    cat = facts.cat
    statuses, facilities, tracks = cat.statuses, cat.facilities, cat.tracks
    coursework = (*cat.coursework_areas, cat.general_education)
    areas = {"course": coursework, "high-school-course": cat.high_school_subjects}
    for position, item in enumerate(facts.plan.items):
        item_id = item.id
        if item_id is None or item.requirement is None or item.start is None:
            where = f'Item {position + 1} ("{item_id}"): ' if item_id else f"Item {position + 1}: "
            yield from _required(item, ("id", "requirement", "start"), item_id, where)
        if item_id is not None and not _ID_PATTERN.match(item_id):
            problem = f"The id {_short(item_id)} may hold only a-z, 0-9 and -."
            yield "bad-value", item_id, {"problem": problem, "field": "id"}
        if item.status is not None and item.status not in statuses:
            yield _outside(item.status, statuses, item_id, "status")
        if item.facility is not None and item.facility not in facilities:
            yield _outside(item.facility, facilities, item_id, "facility")
        if item.track is not None and item.track not in tracks:
            yield _outside(item.track, tracks, item_id, "track")
        if item.area is not None and item.requirement in areas and item.area not in areas[item.requirement]:
            yield _outside(item.area, areas[item.requirement], item_id, "area")
        for area in item.covers or ():
            if area not in coursework:
                yield _outside(area, coursework, item_id, "covers")
        if item.renews is not None:
            yield from _renews_a_credential(facts, item)


def _renews_a_credential(facts: Facts, item: Item) -> Iterator[Finding]:
    """`renews` names an item that is no credential (one that names nothing is unknown-reference)."""
    target = facts.by_id.get(item.renews)  # type: ignore[arg-type]
    if target is None or item.renews in facts.cat.credentials:
        return
    milestone = facts.cat.milestones.get(target.requirement or "")
    if milestone is not None and milestone.kind != "credential":
        problem = f'renews names "{item.renews}", a {milestone.name.lower()}; it must name a credential.'
        yield "bad-value", item.id, {"problem": problem, "field": "renews"}


def _records(facts: Facts) -> Iterator[tuple[Record, str | None, str]]:
    """The records that may hold ill-typed values, with the item their diagnostics attach to and
    how a message names them."""
    plan = facts.plan
    if plan.has_profile:
        yield plan.profile, None, "profile."
    for position, item in facts.ill_typed:
        yield item, item.id, "" if item.id is not None else f"Item {position + 1}: "
    for label, records in (
        ("Comment", plan.comments),
        ("Waiver", plan.waivers),
        ("Approval", plan.approvals),
    ):
        for number, record in enumerate(records, 1):
            if record.invalid:
                yield (
                    record,
                    getattr(record, "item", None) if label == "Waiver" else None,
                    f"{label} {number}: ",
                )


def _required(record: Record, names: tuple[str, ...], item: str | None, where: str) -> Iterator[Finding]:
    for name in names:
        if getattr(record, name) is None and name not in record.invalid:
            yield (
                "bad-value",
                item,
                {"problem": f"{where}{name} is missing; it is required.", "field": f"{where}{name}"},
            )


def _outside(value: Any, allowed: tuple[str, ...], item: str | None, field: str) -> Finding:
    """bad-value for a value outside its list."""
    return (
        "bad-value",
        item,
        {"problem": f"{field} is {_short(value)}; it must be one of: {', '.join(allowed)}.", "field": field},
    )


STRUCTURE_RULES: tuple[Callable[[Facts], Iterator[Finding]], ...] = (
    duplicate_id,
    unknown_reference,
    bad_term,
    end_before_start,
    after_not_respected,
    dependency_cycle,
    bad_value,
)
