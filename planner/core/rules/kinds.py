"""The rule kinds: each decides, for every rule of its kind in a pack, where that rule fires.

A pack's rule names its kind and gives the kind's settings (which milestone, which experience,
how many terms); the kind is implemented once, here, and reads the plan through `Facts`. Each
yields (item id, message parameters); a parameter `cite` replaces the rule's source for that one
diagnostic. `SETTINGS` lists what each kind takes, for reading pack files and for the schema.

Items a rule is about are chosen by `item` (a milestone id or a list of them), `item_kind` (a
milestone kind, such as "degree") or `item_rank` (jobs of at least this rank: 1 is
technician-level), and narrowed by `where` (item fields and the values they must have).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import Any

from planner.core.catalog import Rule
from planner.core.model import Item
from planner.core.placed import NEVER, Facts, Placed, describe_terms
from planner.core.terms import Term

Found = tuple[str | None, dict[str, Any]]
"""(the item id it attaches to, message parameters)."""

Kind = Callable[[Facts, Rule], Iterator[Found]]


# --- which items a rule is about --------------------------------------------------------------


def _ids(value: Any) -> tuple[str, ...]:
    """A milestone id or a list of them, as a tuple."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def selected(facts: Facts, params: dict[str, Any]) -> list[Placed]:
    """The placed items a rule is about (jobs in the order they start, others in file order)."""
    where = params.get("where") or {}
    if "item_rank" in params:
        rank = params["item_rank"]
        found = [job for job in facts.jobs if (job.milestone.rank or 0) >= rank]
    elif "item_kind" in params:
        kind = params["item_kind"]
        found = [p for p in facts.placed if p.milestone.kind == kind]
    else:
        ids = _ids(params.get("item"))
        milestones = facts.cat.milestones
        if ids and all(milestones[i].is_job for i in ids if i in milestones):
            found = [job for job in facts.jobs if job.milestone.id in ids]
        elif len(ids) == 1:
            found = facts.of(ids[0])
        else:
            found = [p for p in facts.placed if p.milestone.id in ids]
    if where:
        found = [p for p in found if all(p.item.get(name) == value for name, value in where.items())]
    return found


def _satisfied(facts: Facts, params: dict[str, Any]) -> Callable[[Placed], bool]:
    """Whether one of the milestones `needs` names is there for an item, as `when` says: "before"
    (done before its first term: the default), "by-start" (ending at or before its first term),
    "by-end" (ending at or before its last term), "held" (held by its first term). What the plan
    holds is looked up once, so asking for each item is a comparison."""
    needs = _ids(params["needs"])
    when = params.get("when", "before")
    if when == "held":
        return lambda placed: any(facts.held_by(need, placed.start) for need in needs)
    if any(need in facts.done for need in needs):
        return lambda placed: True
    body = params.get("accredited_by")
    end = min(
        (
            p.end
            for need in needs
            for p in facts.of_any(need)
            if body is None or facts.accredited(p.item, body)
        ),
        default=NEVER,
    )
    if when == "by-start":
        return lambda placed: end <= placed.start
    if when == "by-end":
        return lambda placed: end <= placed.end
    return lambda placed: end < placed.start


def lacking(facts: Facts, params: dict[str, Any]) -> list[Placed]:
    """The items a needs-before rule fires on."""
    satisfied = _satisfied(facts, params)
    return [placed for placed in selected(facts, params) if not satisfied(placed)]


# --- the kinds --------------------------------------------------------------------------------


def needs_before(facts: Facts, rule: Rule) -> Iterator[Found]:
    """X needs Y before it: an item with none of the milestones `needs` names before it (nor done
    in the profile), accredited by `accredited_by` when given. Message: {term}, its first term."""
    for placed in lacking(facts, rule.params):
        yield placed.item.id, {"term": str(Term(placed.start))}


def other_preparation(facts: Facts, rule: Rule) -> Iterator[Found]:
    """On the items a needs-before rule with these settings fires on: the other preparation the
    plan has in its place (a degree or program not accredited by `accredited_by`, training, a
    job, the profile's role or completed training), which does not count. Message: {preparation}."""
    items = lacking(facts, rule.params)
    if not items:
        return
    planned_end, planned = _planned_preparation(facts, rule.params.get("accredited_by"))
    before_plan = _preparation_before_plan(facts)
    for placed in items:
        preparation = planned if planned_end < placed.start else before_plan
        if preparation:
            yield placed.item.id, {"preparation": preparation}


def _label(placed: Placed) -> str:
    return f'{placed.milestone.name} "{placed.item.id}"'


def _planned_preparation(facts: Facts, body: str | None) -> tuple[int, str]:
    """The plan's item that prepares without making one eligible and ends first: (its last term,
    its name), or (a term after all, "") when there is none. Such items are degrees and programs
    not accredited by `body`, intensive and in-house training, and jobs."""
    first: tuple[int, int, str] = (NEVER, 0, "")
    for p in facts.placed:
        kind = p.milestone.kind
        if (p.end, p.position) >= first[:2]:
            continue
        if kind in ("degree", "certificate-program") and not facts.accredited(p.item, body):
            first = (p.end, p.position, _label(p) + f", not accredited by {body},")
        elif kind in ("training", "job"):
            first = (p.end, p.position, _label(p))
    return first[0], first[2]


def _preparation_before_plan(facts: Facts) -> str | None:
    """The profile's role, else its completed training or programs, in words; None when neither."""
    if facts.role is not None:
        return f"Your work as {facts.role.name.lower()}"
    kinds = ("training", "certificate-program", "degree")
    completed = [m for m in sorted(facts.done) if facts.cat.milestones[m].kind in kinds]
    return f"Your completed {facts.cat.name_of(completed[0])}" if completed else None


def in_last_term(facts: Facts, rule: Rule) -> Iterator[Found]:
    """An item in the last term of one of the milestones `of` names (accredited by `accredited_by`
    when given): advice for doing both at once, such as testing early. Message: {term}."""
    params = rule.params
    body = params.get("accredited_by")
    ends = {
        p.end
        for need in _ids(params["of"])
        for p in facts.of_any(need)
        if body is None or facts.accredited(p.item, body)
    }
    for placed in selected(facts, params):
        if placed.start in ends:
            yield placed.item.id, {"term": str(Term(placed.start))}


def experience_before(facts: Facts, rule: Rule) -> Iterator[Found]:
    """X needs N terms of experience before it: terms of the jobs `jobs` names (or of at least
    `jobs_rank`), the profile's years included when its role is such a job.

    `terms` is N (the pack's `experience_terms` unless given); or `routes` give several, each with
    its `terms` and the conditions under which it is open (`held`: a credential held by the item's
    first term; `degree`: a degree level done before it; `done` with `accredited_by`: a milestone
    done before it), and the item needs the fewest terms of any open route (none open: it fires).
    `held` names a credential that must also be held. Message: {years} (what the plan has),
    {needed} and {route} (the best open route and its `label`), {problem} (the `problems` texts
    `held` and `short` that apply, joined by "and"), {reached} (`reached` with {term}, the term
    the experience is reached if the plan's jobs continue, or `unreached`).
    """
    params = rule.params
    jobs: tuple[str, ...] | int = _ids(params["jobs"]) if "jobs" in params else params.get("jobs_rank", 1)
    routes = params.get("routes") or [{"terms": params.get("terms", facts.experience_terms)}]
    problems = params.get("problems")
    held = params.get("held")
    for placed in selected(facts, params):
        have = facts.work_before(jobs, placed.start)
        open_routes = [route for route in routes if _route_open(facts, route, placed)]
        best = min(open_routes, key=lambda route: route["terms"], default=None)
        short = best is None or have < best["terms"]
        not_held = held is not None and not facts.held_by(held, placed.start)
        if not short and not not_held:
            continue
        found: dict[str, Any] = {
            "years": describe_terms(have),
            "needed": describe_terms(best["terms"]) if best is not None else "no route",
            "route": best.get("label", "") if best is not None else "",
        }
        if problems:
            parts = []
            if not_held:
                parts.append(problems["held"])
            if short:
                parts.append(problems["short"].format(**found))
            found["problem"] = " and ".join(parts)
        if "reached" in params:
            term = _reached(facts, jobs, placed.start, best["terms"] if best is not None else None)
            found["reached"] = (
                params["reached"].format(term=str(Term(term))) if term is not None else params["unreached"]
            )
        yield placed.item.id, found


def _route_open(facts: Facts, route: dict[str, Any], placed: Placed) -> bool:
    """True when every condition of the route holds for the item."""
    if "held" in route and not any(facts.held_by(c, placed.start) for c in _ids(route["held"])):
        return False
    if "degree" in route:
        levels = facts.cat.educations
        if facts.degree_level_before(placed.start) < levels.index(route["degree"]):
            return False
    if "done" in route:
        body = route.get("accredited_by")
        if not any(
            need in facts.done
            or any(
                p.end < placed.start and (body is None or facts.accredited(p.item, body))
                for p in facts.of_any(need)
            )
            for need in _ids(route["done"])
        ):
            return False
    return True


def _reached(facts: Facts, jobs: tuple[str, ...] | int, start: int, needed: int | None) -> int | None:
    """The first term from `start` by whose end the plan's jobs give `needed` terms, or None."""
    if needed is None or facts.plan_end is None:
        return None
    low, high = start, facts.plan_end + 1
    if facts.work_before(jobs, high + 1) < needed:
        return None
    while low < high:  # the first term T with the experience before T + 1 at least `needed`
        middle = (low + high) // 2
        if facts.work_before(jobs, middle + 1) >= needed:
            high = middle
        else:
            low = middle + 1
    return low


def field(facts: Facts, rule: Rule) -> Iterator[Found]:
    """An item of kind K needs field F: an item the rule is about (placed or not) whose `field` is
    missing, or, with `contains`, whose `field` contains that word (in any case)."""
    params = rule.params
    name, word = params["field"], params.get("contains")
    ids = set(_ids(params.get("item")))
    kind = params.get("item_kind")
    where = params.get("where") or {}
    for milestone, items in facts.named.items():
        entry = facts.cat.milestones[milestone]
        if not (milestone in ids or (kind is not None and entry.kind == kind)):
            continue
        for item in items:
            if not all(item.get(key) == value for key, value in where.items()):
                continue
            value = item.get(name)
            if word is None:
                if value is None or value == "" or value == []:
                    yield item.id, {"field": name}
            elif isinstance(value, str) and word.lower() in value.lower():
                yield item.id, {"field": name}


def covers_areas(facts: Facts, rule: Rule) -> Iterator[Found]:
    """An item whose coursework is given (its `covers`, plus the `area` of each item of `courses`
    within its terms) and misses some of the areas of the vocabulary list `areas`. Message:
    {missing}."""
    params = rule.params
    wanted: tuple[str, ...] = getattr(facts.cat, params["areas"])
    courses = sorted((p.start, p.end, p.item.area) for p in facts.of(params["courses"]) if p.item.area)
    course_starts = [course[0] for course in courses]
    placed = {id(p.item): p for p in facts.of(params["item"])}
    for item in facts.named.get(params["item"], ()):
        areas = set(item.covers or ())
        degree = placed.get(id(item))
        if degree is not None:  # the areas of the courses within its terms
            index = bisect.bisect_left(course_starts, degree.start)
            while index < len(courses) and courses[index][0] <= degree.end:
                if courses[index][1] <= degree.end:
                    areas.add(courses[index][2])
                index += 1
        if not areas:
            continue
        missing = [area for area in wanted if area not in areas]
        if missing:
            yield item.id, {"missing": ", ".join(missing)}


def renewal(facts: Facts, rule: Rule) -> Iterator[Found]:
    """A credential is renewed within N terms: more than `terms` (the pack's `renewal_terms`)
    lie between its start (the plan's start, if held in the profile) or a renewal and the next
    `continuing-education` item that renews it (by its item id, its catalog id or what it counts
    as), or the plan's end. Message: {credential}, {terms}, {start}, {end}, {note} (`notes` for
    the credential, else `note`, else the pack's `renewal_source_note`)."""
    if facts.plan_end is None:
        return
    params, cat = rule.params, facts.cat
    limit = params.get("terms", cat.parameters["renewal_terms"])
    notes = params.get("notes", {})
    note = params.get("note", cat.parameters.get("renewal_source_note", ""))
    renewed: dict[str, list[int]] = {}  # the item id or catalog id renewed -> terms
    for ceu in facts.of("continuing-education"):
        if ceu.item.renews:
            renewed.setdefault(ceu.item.renews, []).append(ceu.start)
    by_kind = {
        credential: Renewals(
            [
                t
                for name in (credential, *cat.milestones[credential].counts_as)
                for t in renewed.get(name, [])
            ],
            limit,
        )
        for credential in cat.credentials
    }
    held: list[tuple[Item | None, str, int]] = []  # (the item, or None when held in the profile)
    if facts.plan_start is not None:
        held += [(None, credential, facts.plan_start) for credential in facts.held_in_profile]
    held += [(p.item, p.milestone.id, p.start) for credential in by_kind for p in facts.of(credential)]
    for item, credential, start in held:
        item_id = item.id if item is not None else None
        # renewals of this very item split the stretch to the plan's end into parts
        own = renewed.get(item_id, []) if item_id and item_id != credential else []
        points = [start, *sorted(term for term in own if term > start), max(facts.plan_end, start)]
        for first, last in zip(points, points[1:], strict=False):
            gap = by_kind[credential].first_gap(first, last)
            if gap is not None:
                name = cat.name_of(credential)
                yield (
                    item_id,
                    {
                        "credential": f"{name} you hold" if item is None else f'{name} "{item_id}"',
                        "terms": gap[1] - gap[0],
                        "start": str(Term(gap[0])),
                        "end": str(Term(gap[1])),
                        "note": notes.get(credential, note),
                    },
                )
                break


class Renewals:
    """The terms in which continuing education renews one kind of credential, with the long
    stretches between them found once, so that finding a credential's first one is a lookup."""

    def __init__(self, terms: list[int], limit: int) -> None:
        self.terms = sorted(terms)
        self.limit = limit
        """The longest stretch, in terms, that needs no renewal."""
        count = len(self.terms)
        self.next_gap = [count - 1] * count
        """For each renewal, the first one at or after it that is followed by a long stretch
        (the last renewal when none is)."""
        for index in range(count - 2, -1, -1):
            long = self.terms[index + 1] - self.terms[index] > limit
            self.next_gap[index] = index if long else self.next_gap[index + 1]

    def first_gap(self, start: int, end: int) -> tuple[int, int] | None:
        """The first stretch longer than the limit from `start` to `end`, renewal to renewal."""
        terms, limit = self.terms, self.limit
        first = bisect.bisect_right(terms, start)
        if first == len(terms) or terms[first] >= end:  # no renewal in between
            return (start, end) if end - start > limit else None
        if terms[first] - start > limit:
            return start, terms[first]
        gap = self.next_gap[first]
        if gap + 1 < len(terms) and terms[gap + 1] < end:
            return terms[gap], terms[gap + 1]
        last = terms[bisect.bisect_left(terms, end) - 1]
        return (last, end) if end - last > limit else None


def units_per_cycle(facts: Facts, rule: Rule) -> Iterator[Found]:
    """Continuing education in each cycle of a credential carries fewer `units` than its body asks.

    `units` gives, by credential id, the number per cycle; `cycle` is the cycle's length in terms
    (the pack's `renewal_terms` unless given). Cycles run from the credential's first term (the
    plan's start for one held in the profile); a cycle ending after the plan's end is not
    checked, nor one in which no renewing item (by the credential item's id or its catalog id)
    carries `units`; where some do, the others count 0. `cite` gives each credential's source.
    Message: {credential}, {start}, {end}, {units} (the sum), {needed}.
    """
    if facts.plan_end is None or facts.plan_start is None:
        return
    params, cat = rule.params, facts.cat
    needed_by: dict[str, float] = params["units"]
    cycle = params.get("cycle", cat.parameters["renewal_terms"])
    cites = params.get("cite", {})
    renewing: dict[str, list[tuple[int, float | None]]] = {}  # renewed id -> (term, units)
    for ceu in facts.of("continuing-education"):
        if ceu.item.renews:
            renewing.setdefault(ceu.item.renews, []).append((ceu.start, ceu.item.units))
    if not any(units is not None for entries in renewing.values() for _, units in entries):
        return  # no item carries units: nothing to check
    held: list[tuple[str | None, str, int]] = []
    held += [(None, c, facts.plan_start) for c in facts.held_in_profile if c in needed_by]
    held += [(p.item.id, p.milestone.id, p.start) for c in needed_by for p in facts.of(c)]
    for item_id, credential, start in held:
        entries = list(renewing.get(credential, ()))
        if item_id is not None and item_id != credential:
            entries += renewing.get(item_id, [])
        if not any(units is not None for _, units in entries):
            continue
        entries.sort(key=lambda entry: entry[0])
        terms = [term for term, _ in entries]
        first = start
        while first + cycle - 1 <= facts.plan_end:
            last = first + cycle - 1
            within = entries[bisect.bisect_left(terms, first) : bisect.bisect_right(terms, last)]
            carried = [units for _, units in within if units is not None]
            total = sum(carried)
            if carried and total < needed_by[credential]:
                name = cat.name_of(credential)
                found: dict[str, Any] = {
                    "credential": f"{name} you hold" if item_id is None else f'{name} "{item_id}"',
                    "start": str(Term(first)),
                    "end": str(Term(last)),
                    "units": _number(total),
                    "needed": _number(needed_by[credential]),
                }
                if credential in cites:
                    found["cite"] = cites[credential]
                yield item_id, found
            first += cycle


def _number(value: float) -> str:
    """20 as "20", 2.5 as "2.5"."""
    return str(int(value)) if value == int(value) else str(value)


KINDS: dict[str, Kind] = {
    "needs-before": needs_before,
    "other-preparation": other_preparation,
    "in-last-term": in_last_term,
    "experience-before": experience_before,
    "field": field,
    "covers-areas": covers_areas,
    "renewal": renewal,
    "units-per-cycle": units_per_cycle,
}
"""Every rule kind, by the name a pack's rule gives in `kind`."""

_SELECT = {
    "item": "milestones",
    "item_kind": "text",
    "item_rank": "integer",
    "where": "fields",
}

SETTINGS: dict[str, dict[str, str]] = {
    "needs-before": {**_SELECT, "needs": "milestones", "accredited_by": "text", "when": "when"},
    "other-preparation": {**_SELECT, "needs": "milestones", "accredited_by": "text", "when": "when"},
    "in-last-term": {**_SELECT, "of": "milestones", "accredited_by": "text"},
    "experience-before": {
        **_SELECT,
        "jobs": "milestones",
        "jobs_rank": "integer",
        "terms": "integer",
        "routes": "routes",
        "held": "milestone",
        "problems": "problems",
        "reached": "text",
        "unreached": "text",
    },
    "field": {**_SELECT, "field": "text", "contains": "text"},
    "covers-areas": {"item": "milestone", "areas": "vocabulary", "courses": "milestone"},
    "renewal": {"terms": "integer", "note": "text", "notes": "texts"},
    "units-per-cycle": {"units": "numbers", "cycle": "integer", "cite": "texts"},
}
"""For each kind, the settings it takes and what each holds (pack files are checked against it)."""

REQUIRED: dict[str, tuple[str, ...]] = {
    "needs-before": ("needs",),
    "other-preparation": ("needs",),
    "in-last-term": ("of",),
    "experience-before": (),
    "field": ("field",),
    "covers-areas": ("item", "areas", "courses"),
    "renewal": (),
    "units-per-cycle": ("units",),
}
"""The settings a rule of each kind must give (besides one way of choosing its items)."""

SELECTING = frozenset({"needs-before", "other-preparation", "in-last-term", "experience-before", "field"})
"""The kinds whose items are chosen by `item`, `item_kind` or `item_rank`."""
