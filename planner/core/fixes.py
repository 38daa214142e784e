"""Fixes: for a diagnostic whose remedy follows from the plan, the edit that makes it.

A `Fix` is a title in plain words ("Move the RHIT exam to 2029-summer, after the associate degree
ends") and one undoable `Edit` (planner/core/edits.py). Each rule with a remedy has one function
here (`_FIXERS`); rules whose remedy needs a person's decision have none (`NO_FIX`, with why).
A fix is offered only when it holds: the plan it makes has no error that the plan did not have
before, and the diagnostic it is for is gone. `fix_all` applies every offered fix, one after
another, as one edit. Waived diagnostics are not fixed.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from planner.core.catalog import Pack
from planner.core.edits import (
    Edit,
    Group,
    InsertItem,
    ReplaceRecord,
    change_item,
    change_profile,
    remove_waiver,
    snapshot,
    waiver_for,
)
from planner.core.model import Item, Plan
from planner.core.renewal import missing_renewals, units_needed
from planner.core.terms import Term
from planner.core.validate import Diagnostic, Facts, Placed, describe_terms, validate

NO_FIX = {
    "associate-coursework": "only the person knows what their program's courses cover",
    "no-coding-degree": "which program to take instead (a coding certificate, or the HIT degree) is a choice",
    "dependency-cycle": "which link of the circle to drop is a choice",
    "bad-term": "only the person knows which term they meant",
    "bad-value": "only the person knows which value they meant",
    "approval-outdated": "an advisor signs the plan again",
    "healthcare-experience": "where to gain experience before the first job is the person's choice",
    "skills-learned-on-the-job": "which job to take first is the person's choice",
    "rhit-early-testing": "applying for early testing is the person's act, with their program",
    "rhia-early-testing": "applying for early testing is the person's act, with their program",
    "ccs-preparation": "which route to CCS to take (a credential first, or experience) is a choice",
    "cpc-apprentice": "whether to test now as CPC-A or gain experience first is a choice",
    "chps-eligibility": "AHIMA counts privacy or security work, which the plan cannot tell apart",
    "ods-eligibility": "which route to ODS to take (an NCRA program, or registry experience) is a choice",
}
"""Rules that offer no fix, with the reason (the README lists them)."""

FIX_ALL_LIMIT = 200
"""The most fixes `fix_all` applies in one go (a plan needing more is fixed again)."""


class Fix:
    """A remedy for one diagnostic: what it does in words, and the edit that does it."""

    __slots__ = ("title", "edit", "rule", "item", "result")

    def __init__(self, title: str, edit: Edit, rule: str, item: str | None) -> None:
        self.title = title
        """What it does, in plain words."""
        self.edit = edit
        self.rule = rule
        """The rule of the diagnostic it fixes."""
        self.item = item
        """The item of the diagnostic it fixes (None: the profile or the plan)."""
        self.result: list[Diagnostic] = []
        """The plan's diagnostics once it is applied (filled in when it is checked), but for the
        approvals, which all read out of date there."""

    def to_json(self) -> dict[str, Any]:
        """The fix as `check --format json` prints it."""
        return {"title": self.title}

    def __repr__(self) -> str:
        return f"Fix({self.rule} [{self.item}]: {self.title})"


class FixAll:
    """What `fix_all` did: the one edit (None when nothing could be fixed) and each fix in it."""

    __slots__ = ("edit", "applied", "diagnostics")

    def __init__(self, edit: Edit | None, applied: list[Fix], diagnostics: list[Diagnostic]) -> None:
        self.edit = edit
        self.applied = applied
        self.diagnostics = diagnostics
        """The diagnostics of the plan with every fix applied."""


# --- the public functions ---------------------------------------------------------------------


def fixes_for(plan: Plan, cat: Pack, diagnostics: Sequence[Diagnostic], diagnostic: Diagnostic) -> list[Fix]:
    """The fixes offered for one of the plan's diagnostics (its present `validate` result)."""
    return _Fixer(plan, cat, diagnostics).fixes(diagnostic)


def all_fixes(plan: Plan, cat: Pack, diagnostics: Sequence[Diagnostic]) -> list[list[Fix]]:
    """The fixes offered for each diagnostic, in the diagnostics' order."""
    fixer = _Fixer(plan, cat, diagnostics)
    return [fixer.fixes(diagnostic) for diagnostic in diagnostics]


def fix_all(plan: Plan, cat: Pack, diagnostics: Sequence[Diagnostic] | None = None) -> FixAll:
    """Every offered fix, applied one after another to a copy of the plan (each fix is computed
    on the plan the ones before it made), as one edit for the plan itself. Nothing is changed."""
    trial = snapshot(plan)
    current = list(diagnostics) if diagnostics is not None else validate(trial, cat)
    applied: list[Fix] = []
    refused: set[tuple[str, str | None, str]] = set()
    """Findings whose fix did not hold: not tried again until nothing else is left to fix."""
    retried = False
    while len(applied) < FIX_ALL_LIMIT:
        fixer = _Fixer(trial, cat, current)
        fix = None
        for diagnostic in current:
            key = (diagnostic.rule, diagnostic.item, diagnostic.message)
            if key in refused or not has_fix(diagnostic.rule) or diagnostic.waived is not None:
                continue
            found = fixer.fixes(diagnostic)
            if found:
                fix = found[0]
                break
            refused.add(key)
        if fix is None:
            if not refused or retried:
                break
            refused.clear()  # what the fixes since made possible: one more look at every finding
            retried = True
            continue
        retried = False
        fix.edit.apply(trial)
        applied.append(fix)
        current = fix.result
    if not applied:
        return FixAll(None, [], current)
    current = validate(trial, cat)  # with the approvals' state, which the fixes' checks leave out
    if len(applied) == 1:
        return FixAll(applied[0].edit, applied, current)
    count = len(applied)
    return FixAll(Group(f"apply {count} fixes", [fix.edit for fix in applied]), applied, current)


# --- working out a fix ------------------------------------------------------------------------


_NO_DIGEST = ""
"""The digest `_holds` validates with: not worked out (see there)."""


def _error_keys(diagnostics: Sequence[Diagnostic]) -> Counter[tuple[str, str | None]]:
    return Counter((d.rule, d.item) for d in diagnostics if d.severity == "error" and d.waived is None)


class _Fixer:
    """The fixes of one plan's diagnostics: the plan read once, each fix checked by validating."""

    def __init__(self, plan: Plan, cat: Pack, diagnostics: Sequence[Diagnostic]) -> None:
        self.plan = plan
        self.cat = cat
        self.diagnostics = diagnostics
        self._facts: Facts | None = None
        self._errors = _error_keys(diagnostics)
        self._messages = Counter((d.rule, d.item, d.message) for d in diagnostics)

    @property
    def facts(self) -> Facts:
        if self._facts is None:
            self._facts = Facts(self.plan, self.cat)
        return self._facts

    def fixes(self, diagnostic: Diagnostic) -> list[Fix]:
        """The checked fixes for `diagnostic` ([] when waived or when its rule has no fix)."""
        fixer = _FIXERS.get(diagnostic.rule)
        if fixer is None or diagnostic.waived is not None:
            return []
        try:
            found = fixer(self, diagnostic)
        except (KeyError, ValueError, IndexError, TypeError, AttributeError, AssertionError, StopIteration):
            return []  # a plan too odd for the remedy to be worked out (a missing field, say)
        if found is None:
            return []
        title, edit = found
        fix = Fix(title, edit, diagnostic.rule, diagnostic.item)
        return [fix] if self._holds(fix, diagnostic) else []

    def _holds(self, fix: Fix, diagnostic: Diagnostic) -> bool:
        """True when the fixed plan has no new error and `diagnostic` is gone."""
        trial = snapshot(self.plan)
        fix.edit.apply(trial)
        # The approvals' digest is left out (it costs a pass over the whole plan, and no fix is
        # for approval-outdated nor adds an error there): with "" every approval reads outdated.
        result = validate(trial, self.cat, _NO_DIGEST)
        after = _error_keys(result)
        if any(count > self._errors[key] for key, count in after.items()):
            return False
        key = (diagnostic.rule, diagnostic.item, diagnostic.message)
        if sum(1 for d in result if (d.rule, d.item, d.message) == key) >= self._messages[key]:
            return False
        fix.result = result
        return True

    def ordinal(self, diagnostic: Diagnostic) -> int:
        """How many diagnostics of the same rule on the same item come before this one."""
        count = 0
        for other in self.diagnostics:
            if other is diagnostic:
                return count
            if other.rule == diagnostic.rule and other.item == diagnostic.item:
                count += 1
        return count

    def placed(self, milestones: Sequence[str], item_id: str | None) -> Placed:
        """The first placed item of these milestones with this id."""
        facts = self.facts
        return next(p for m in milestones for p in facts.of(m) if p.item.id == item_id)

    def job(self, item_id: str | None) -> Placed:
        """The job item with this id."""
        return next(job for job in self.facts.jobs if job.item.id == item_id)


Fixer = Callable[[_Fixer, Diagnostic], "tuple[str, Edit] | None"]


_KIND_WORDS = {"degree": "degree", "certificate-program": "program", "course": "course"}
"""How a title names an item of these kinds (the milestone's full name is long)."""


def _called(item: Item, cat: Pack) -> str:
    """An item in words: 'the RHIT exam', 'the degree "aas"' (with its id unless it is the
    milestone's own)."""
    milestone = cat.milestones.get(item.requirement or "")
    if milestone is None:
        return f'the item "{item.id}"' if item.id else "the item"
    name = _KIND_WORDS.get(milestone.kind) or _in_text(milestone.name)
    if item.id and (item.id != item.requirement or milestone.kind in _KIND_WORDS):
        return f'the {name} "{item.id}"'
    return f"the {name}"


def _in_text(name: str) -> str:
    """A milestone's name inside a sentence: 'RHIT exam', 'associate degree in ...'."""
    first = name.split(" ", 1)[0]
    return name if not name or first.isupper() else name[0].lower() + name[1:]


def _moved(plan: Plan, item: Item, start: int) -> list[tuple[Item, int]] | None:
    """`item` moved to start in term `start`, and every item that waits for it (by `after`, and
    so on) moved as little as needed to start after what it waits for: (item, new start) pairs.
    None when the moves go round in a circle."""
    first_with_id: dict[str, Item] = {}
    waiting: dict[str, list[Item]] = {}
    for other in plan.items:
        if other.id is not None:
            first_with_id.setdefault(other.id, other)
        for name in other.after or ():
            waiting.setdefault(name, []).append(other)
    starts: dict[int, int] = {id(item): start}
    order = [item]
    queue = [item]
    budget = 4 * len(plan.items) + 4

    def new_end(record: Item) -> int | None:
        end = record.last_term()
        if end is None:
            return None
        assert record.start is not None
        return end.index + starts.get(id(record), record.start.index) - record.start.index

    while queue:
        budget -= 1
        if budget < 0:
            return None
        moved = queue.pop(0)
        if moved.id is None or first_with_id.get(moved.id) is not moved:
            continue
        for waiter in waiting.get(moved.id, ()):
            if waiter is moved or waiter.start is None:
                continue
            if waiter is item:
                return None  # the item waits (through others) for itself
            ends = [new_end(first_with_id[name]) for name in waiter.after or () if name in first_with_id]
            needed = max((end + 1 for end in ends if end is not None), default=None)
            now = starts.get(id(waiter), waiter.start.index)
            if needed is not None and now < needed:
                if id(waiter) not in starts:
                    order.append(waiter)
                starts[id(waiter)] = needed
                queue.append(waiter)
    return [(record, starts[id(record)]) for record in order]


def _move_edits(plan: Plan, moves: list[tuple[Item, int]]) -> list[Edit]:
    """The edits that put each item at its new start, keeping its length."""
    edits: list[Edit] = []
    for record, start in moves:
        assert record.start is not None
        shift = start - record.start.index
        values: dict[str, Any] = {"start": str(Term(start))}
        if record.end is not None:
            values["end"] = str(record.end.shift(shift))
        edit = change_item(plan, record, values)
        if edit is not None:
            edits.append(edit)
    return edits


def _move(fixer: _Fixer, item: Item, start: int, title: str) -> tuple[str, Edit] | None:
    """Move `item` (and what waits for it) to `start`: the fix, titled `title` (plus the count of
    the items that follow it)."""
    moves = _moved(fixer.plan, item, start)
    if not moves:
        return None
    edits = _move_edits(fixer.plan, moves)
    if not edits:
        return None
    others = len(moves) - 1
    if others:
        title += f", and {_count(others, 'item')} waiting for it"
    return title, _one(title, edits)


def _one(title: str, edits: list[Edit]) -> Edit:
    edit = edits[0] if len(edits) == 1 else Group(title, edits)
    edit.description = _lowered(title)
    return edit


def _lowered(title: str) -> str:
    return title[0].lower() + title[1:]


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _new_item(fixer: _Fixer, requirement: str, start: int, taken: set[str], **fields: Any) -> Item:
    """A new item of a milestone in term `start`, with a fresh id and the fields given."""
    item_id = fixer.plan.new_item_id(requirement, taken)
    taken.add(item_id)
    item = Item(id=item_id, requirement=requirement, start=Term(start))
    for name, value in fields.items():
        item.set(name, value)
    return item


def _insert(plan: Plan, items: list[Item]) -> list[Edit]:
    return [InsertItem(f"add {new.id}", len(plan.items) + offset, new) for offset, new in enumerate(items)]


def _step_fields(cat: Pack, milestone: str) -> dict[str, Any]:
    """The fields the catalog's step for this milestone gives its item (issuer, field, ...)."""
    for step in cat.steps.values():
        if step.milestone.id == milestone:
            return dict(step.fields)
    return {}


# --- one function per rule --------------------------------------------------------------------


_DEGREE_EXAMS = {
    "rhit-exam-needs-cahiim-associate": ("rhit-exam", "associate-hit", "rhit-early-testing"),
    "rhit-not-via-other-training": ("rhit-exam", "associate-hit", "rhit-early-testing"),
    "rhia-exam-needs-cahiim-bachelor": ("rhia-exam", "bachelor-hia", "rhia-early-testing"),
}
"""The exam, the degree it needs, and the rule a pack allowing early testing has, by rule."""


def _exam_after_degree(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """rhit-exam-needs-cahiim-associate (and rhit-not-via-other-training, on the same exam): move
    the exam to the term after the accredited degree's last term (its last term, where the pack
    allows early testing)."""
    facts = fixer.facts
    exam_id, degree_id, early_rule = _DEGREE_EXAMS[diagnostic.rule]
    exam = fixer.placed((exam_id,), diagnostic.item)
    degrees = [p for p in facts.of(degree_id) if facts.accredited(p.item)]
    if not degrees:
        return None
    degree = min(degrees, key=lambda p: (p.end, p.position))
    early = early_rule in fixer.cat.rules
    target = degree.end if early else degree.end + 1
    if target <= exam.start:
        return None
    degree_name = _called(degree.item, fixer.cat)
    when = f"in the last term of {degree_name}" if early else f"after {degree_name} ends"
    title = f"Move {_called(exam.item, fixer.cat)} to {Term(target)}, {when}"
    return _move(fixer, exam.item, target, title)


_EXAMS = {"rhit-needs-exam": ("rhit", "rhit-exam"), "rhia-needs-exam": ("rhia", "rhia-exam")}


def _exam_before_credential(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """rhit-needs-exam, rhia-needs-exam: move the credential after the planned exam, or add the
    exam in the term before the credential."""
    credential_id, exam_id = _EXAMS[diagnostic.rule]
    facts, cat = fixer.facts, fixer.cat
    credential = fixer.placed((credential_id,), diagnostic.item)
    exams = facts.of(exam_id)
    if exams:
        exam = min(exams, key=lambda p: (p.end, p.position))
        target = exam.end + 1
        title = f"Move {_called(credential.item, cat)} to {Term(target)}, after {_called(exam.item, cat)}"
        return _move(fixer, credential.item, target, title)
    new = _new_item(fixer, exam_id, credential.start - 1, set())
    exam_name = _in_text(cat.name_of(exam_id))
    title = f"Add the {exam_name} in {new.start}, the term before {_called(credential.item, cat)}"
    return title, _one(title, _insert(fixer.plan, [new]))


def _after_the_wait(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """after-not-respected: move the item, and what waits for it, to the term after everything it
    waits for has ended."""
    by_id = fixer.facts.by_id
    other_id = diagnostic.parameters["other"]
    item = next(
        record
        for record in fixer.plan.items
        if record.id == diagnostic.item and other_id in (record.after or ()) and record.start is not None
    )
    ends = [by_id[name].last_term() for name in item.after or () if name in by_id and by_id[name] is not item]
    target = max(end.index + 1 for end in ends if end is not None)
    waited = by_id[other_id]
    title = f"Move {_called(item, fixer.cat)} to {Term(target)}, after {_called(waited, fixer.cat)} ends"
    return _move(fixer, item, target, title)


def _end_at_start(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """end-before-start: set `end` to `start`."""
    item = next(
        record
        for record in fixer.plan.items
        if record.id == diagnostic.item and record.start and record.end and record.end < record.start
    )
    edit = change_item(fixer.plan, item, {"end": str(item.start)})
    if edit is None:
        return None
    title = f"Make {_called(item, fixer.cat)} end in {item.start}, the term it starts"
    edit.description = _lowered(title)
    return title, edit


def _new_id(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """duplicate-id: give the later item a new id (references keep naming the first one)."""
    same = [record for record in fixer.plan.items if record.id == diagnostic.item]
    item = same[fixer.ordinal(diagnostic) + 1]
    new_id = fixer.plan.new_item_id(diagnostic.item or "item")
    edit = change_item(fixer.plan, item, {"id": new_id})
    if edit is None:
        return None
    what = _in_text(fixer.cat.name_of(item.requirement or "")) if item.requirement else "item"
    title = f'Give the later "{diagnostic.item}" (the {what}) the new id "{new_id}"'
    edit.description = _lowered(title)
    return title, edit


def did_you_mean(value: str, known: Sequence[str]) -> str | None:
    """The one known id close to `value` (a typo of it), or None when none or several are."""
    candidates = [name for name in set(known) if name != value]
    close = difflib.get_close_matches(value, candidates, n=2, cutoff=0.6)
    if not close:
        return None
    if len(close) > 1:
        first, second = (difflib.SequenceMatcher(None, value, name).ratio() for name in close)
        if first == second:
            return None
    return close[0]


def _known_reference(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """unknown-reference: when one known id is close to the one written, use it."""
    field, value = diagnostic.parameters["field"], diagnostic.parameters["value"]
    plan, cat = fixer.plan, fixer.cat
    item_ids = [record.id for record in plan.items if record.id]
    known = {
        "requirement": list(cat.milestones),
        "after": item_ids,
        "renews": item_ids + list(cat.credentials),
        "profile.goal": list(cat.goals),
        "profile.role": [*cat.jobs, cat.parameters["no_role"]],
        "profile.completed": list(cat.milestones),
        "profile.credentials": list(cat.credentials),
    }.get(field, item_ids)
    better = getattr(diagnostic, "suggestion", None) or did_you_mean(value, known)
    if better is None:
        return None
    title = f'Change {field} from "{value}" to "{better}"'
    if field.startswith("profile."):
        name = field[len("profile.") :]
        current = plan.profile.get(name)
        new_value = (
            [better if entry == value else entry for entry in current]
            if isinstance(current, list)
            else better
        )
        edit = change_profile(plan, {name: new_value})
    elif field.startswith("Comment "):
        position = int(field.split()[1].rstrip(":")) - 1
        comment = plan.comments[position]
        new_comment = comment.copy()
        new_comment.set("item", better)
        edit = ReplaceRecord(title, "comments", position, comment, new_comment)
    else:
        item = next(
            record
            for record in plan.items
            if record.id == diagnostic.item
            and (value in (record.after or ()) if field == "after" else record.get(field) == value)
        )
        if field == "after":
            edit = change_item(plan, item, {"after": [better if e == value else e for e in item.after or ()]})
        else:
            edit = change_item(plan, item, {field: better})
        title = f'Change {field} of {_called(item, cat)} from "{value}" to "{better}"'
    if edit is None:
        return None
    edit.description = _lowered(title)
    return title, edit


def _renew(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """credential-renewal: continuing education renewing the credential in the last term its
    cycle allows."""
    since = Term.parse(diagnostic.parameters["start"])
    assert since is not None
    renewal = next(
        r
        for r in missing_renewals(fixer.facts)
        if r.since == since.index
        and (r.item.id if r.item is not None else None) == diagnostic.item
        and (
            r.item is not None
            or diagnostic.parameters["credential"].startswith(fixer.cat.name_of(r.credential))
        )
    )
    units = units_needed(fixer.cat, renewal.credential)
    fields: dict[str, Any] = {"renews": renewal.renews}
    if units is not None:
        fields["units"] = units
    new = _new_item(fixer, "continuing-education", renewal.term, set(), **fields)
    what = (
        _called(renewal.item, fixer.cat)
        if renewal.item is not None
        else f"the {fixer.cat.name_of(renewal.credential)} you hold"
    )
    amount = f" ({_number(units)} units)" if units is not None else ""
    title = f"Add continuing education{amount} renewing {what} in {new.start}, the last term its cycle allows"
    return title, _one(title, _insert(fixer.plan, [new]))


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _more_units(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """ceu-units: continuing education with the units the cycle lacks, renewing the credential in
    the cycle's last term."""
    facts, cat = fixer.facts, fixer.cat
    parameters = diagnostic.parameters
    last = Term.parse(parameters["end"])
    assert last is not None
    lacking = float(parameters["needed"]) - float(parameters["units"])
    if lacking <= 0:
        return None
    lacking = int(lacking) if lacking == int(lacking) else lacking
    if diagnostic.item is not None:
        credential = next(p for c in cat.credentials for p in facts.of(c) if p.item.id == diagnostic.item)
        renews, what = diagnostic.item, _called(credential.item, cat)
    else:
        held = next(c for c in facts.held_in_profile if parameters["credential"].startswith(cat.name_of(c)))
        renews, what = held, f"the {cat.name_of(held)} you hold"
    new = _new_item(fixer, "continuing-education", last.index, set(), renews=renews, units=lacking)
    amount = _number(lacking)
    title = f"Add continuing education of {amount} units renewing {what} in {last}, the cycle's last term"
    return title, _one(title, _insert(fixer.plan, [new]))


def _job_when_rhit_held(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """employers-prefer-rhit: move the job to start when the planned RHIT credential is held."""
    job = fixer.job(diagnostic.item)
    held = fixer.facts.rhit_from
    if held <= job.start or not fixer.facts.of("rhit"):
        return None
    title = f"Move {_called(job.item, fixer.cat)} to {Term(held)}, when the RHIT credential is held"
    return _move(fixer, job.item, held, title)


def _later_job(
    fixer: _Fixer, job: Placed, target: int, why: str, extra: list[Item] | None = None
) -> tuple[str, Edit] | None:
    """Move `job` (and what waits for it) to `target`, extending the job before it to meet it
    when that one has an end of its own; `extra` items are added in the same edit."""
    plan, cat = fixer.plan, fixer.cat
    edits: list[Edit] = []
    title = f"Move {_called(job.item, cat)} to {Term(target)}, {why}"
    moves = _moved(plan, job.item, target) if target != job.start else []
    if moves is None:
        return None
    edits += _move_edits(plan, moves)
    if len(moves) > 1:
        title += f", with {_count(len(moves) - 1, 'item')} waiting for it"
    previous = _job_before(fixer.facts, job)
    moved = {id(record) for record, _start in moves}
    if (
        previous is not None
        and previous.item.end is not None
        and previous.item.end.index < target - 1
        and id(previous.item) not in moved
    ):
        change = change_item(plan, previous.item, {"end": str(Term(target - 1))})
        if change is not None:
            edits.append(change)
            title += f", extending {_called(previous.item, cat)} to {Term(target - 1)}"
    if extra:
        edits += _insert(plan, extra)
    if not edits:
        return None
    return title, _one(title, edits)


def _job_before(facts: Facts, job: Placed) -> Placed | None:
    """The job that starts last before `job` does (it may still run when `job` starts)."""
    earlier = [other for other in facts.jobs if other.start < job.start and other is not job]
    return earlier[-1] if earlier else None


def _missing(terms: float, needed: int) -> int:
    return max(0, math.ceil(needed - terms))


def _experienced_supervisor(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """supervisor-needs-experience: move the job later by the missing technician terms."""
    facts = fixer.facts
    job = fixer.job(diagnostic.item)
    previous = _job_before(facts, job)
    if previous is None or not previous.milestone.rank:
        return None
    missing = _missing(facts.technician_terms_before(job.start), facts.experience_terms)
    why = f"{describe_terms(missing)} later, after two years of technician-level work"
    return _later_job(fixer, job, job.start + missing, why)


def _experienced_advance(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """advancement-needs-experience: move the job later by the missing terms in the job before."""
    facts = fixer.facts
    job = fixer.job(diagnostic.item)
    previous = facts.previous_job(job)
    if previous is None:
        return None
    terms: float = previous.terms
    if facts.role is not None and previous.milestone.id == facts.role.id:
        terms += facts.role_terms
    missing = _missing(terms, facts.experience_terms)
    why = f"{describe_terms(missing)} later, after two years as {previous.milestone.name.lower()}"
    return _later_job(fixer, job, job.start + missing, why)


def _director_small(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """director-small-needs-rhit: move the job to when RHIT is held (and two years of technician
    work lie before it)."""
    facts = fixer.facts
    job = fixer.job(diagnostic.item)
    target, reasons = job.start, []
    if job.start < facts.rhit_from:
        if not facts.of("rhit"):
            return None
        target = facts.rhit_from
        reasons.append("when the RHIT credential is held")
    missing = _missing(facts.technician_terms_before(job.start), facts.experience_terms)
    previous = _job_before(facts, job)
    if missing and previous is not None and previous.milestone.rank:
        target = max(target, job.start + missing)
        reasons.append("after two years of technician-level work")
    if target == job.start:
        return None
    return _later_job(fixer, job, target, " and ".join(reasons))


def _clerk_promotion(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """clerk-promotion: move the technician job later by the missing clerk terms (extending the
    clerk job), and add in-house training in the term before it when none is planned."""
    facts = fixer.facts
    job = next(p for p in facts.of("health-information-technician") if p.item.id == diagnostic.item)
    clerk_role = facts.role is not None and facts.role.id == "health-information-clerk"
    previous = _job_before(facts, job)
    terms = facts.clerk_work.count_before(job.start) + (facts.role_terms if clerk_role else 0)
    missing = _missing(terms, facts.experience_terms)
    target = job.start
    if missing and previous is not None and previous.milestone.id == "health-information-clerk":
        target = job.start + missing
    extra: list[Item] = []
    if not facts.done_before("in-house-training", target):
        extra.append(_new_item(fixer, "in-house-training", target - 1, set()))
    if target == job.start:
        if not extra:
            return None
        before = _called(job.item, fixer.cat)
        title = f"Add hospital in-house training in {Term(target - 1)}, the term before {before}"
        return title, _one(title, _insert(fixer.plan, extra))
    why = f"{describe_terms(missing)} later, after two years as a clerk"
    found = _later_job(fixer, job, target, why, extra)
    if found is None or not extra:
        return found
    title = f"{found[0]}, and add hospital in-house training in {Term(target - 1)}"
    found[1].description = _lowered(title)
    return title, found[1]


def _bachelor_first(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """director-large-needs-bachelor: add the bachelor's before the job, after the last degree
    (moving the job to follow it when the job starts too soon)."""
    facts, cat = fixer.facts, fixer.cat
    job = fixer.placed(("director",), diagnostic.item)
    degrees = [p for p in facts.placed if p.milestone.kind == "degree"]
    length = cat.milestones["bachelor-hia"].terms
    if degrees:
        start = max(p.end for p in degrees) + 1
    else:
        start = max(
            job.start - length, facts.plan_start if facts.plan_start is not None else job.start - length
        )
    end = start + length - 1
    new = _new_item(fixer, "bachelor-hia", start, set(), **_step_fields(cat, "bachelor-hia"))
    new.set("end", str(Term(end)))
    title = f"Add a bachelor's in health information administration from {Term(start)} to {Term(end)}"
    if end < job.start:
        title += f", before {_called(job.item, cat)}"
        return title, _one(title, _insert(fixer.plan, [new]))
    moved = _later_job(fixer, job, end + 1, "after the bachelor's", [new])
    if moved is None:
        return None
    title = f"{title}, and move {_called(job.item, cat)} to {Term(end + 1)}, after it"
    moved[1].description = _lowered(title)
    return title, moved[1]


def _specialisation_credential(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """specialisation-credential: add the credential before the first such job (or at the plan's
    end when there is no job)."""
    facts, cat = fixer.facts, fixer.cat
    name = diagnostic.parameters["specialisation"]
    special = next(s for s in cat.specialisations.values() if s.name == name)
    jobs = [job for job in facts.jobs if job.milestone.id == special.job]
    fields = _step_fields(cat, special.credential)
    credential = cat.name_of(special.credential)
    if jobs:
        term = jobs[0].start - 1
        where = f"the term before {_called(jobs[0].item, cat)}"
    else:
        ends = [term for term in (facts.plan_end, facts.plan_start) if term is not None]
        if not ends:
            return None
        term = ends[0]
        where = "at the plan's end"
    new = _new_item(fixer, special.credential, term, set(), **fields)
    title = f"Add the {_in_text(credential)} in {Term(term)}, {where}"
    return title, _one(title, _insert(fixer.plan, [new]))


def _high_school_courses(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """high-school-preparation: add high-school courses in the missing subjects, in the term
    before the degree."""
    facts, cat = fixer.facts, fixer.cat
    degree = fixer.placed(("associate-hit",), diagnostic.item)
    taken = set(facts.profile.high_school_courses or ())
    done = {c.item.area for c in facts.of("high-school-course") if c.end < degree.start}
    missing = [s for s in cat.high_school_subjects if s not in taken and s not in done]
    if not missing:
        return None
    ids: set[str] = set()
    items = [_new_item(fixer, "high-school-course", degree.start - 1, ids, area=s) for s in missing]
    subjects = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    title = f"Add high-school courses in {subjects} in {Term(degree.start - 1)}, before the degree"
    return title, _one(title, _insert(fixer.plan, items))


def _drop_waiver(fixer: _Fixer, diagnostic: Diagnostic) -> tuple[str, Edit] | None:
    """waiver-stale: remove the waiver."""
    waiver = waiver_for(fixer.plan, diagnostic)
    if waiver is None:
        return None
    title = f"Remove the waiver of {waiver.rule} by {waiver.by or 'someone'}"
    edit = remove_waiver(fixer.plan, waiver)
    edit.description = _lowered(title)
    return title, edit


_FIXERS: dict[str, Fixer] = {
    "rhit-exam-needs-cahiim-associate": _exam_after_degree,
    "rhit-not-via-other-training": _exam_after_degree,
    "rhia-exam-needs-cahiim-bachelor": _exam_after_degree,
    "rhit-needs-exam": _exam_before_credential,
    "rhia-needs-exam": _exam_before_credential,
    "after-not-respected": _after_the_wait,
    "end-before-start": _end_at_start,
    "duplicate-id": _new_id,
    "unknown-reference": _known_reference,
    "credential-renewal": _renew,
    "ceu-units": _more_units,
    "employers-prefer-rhit": _job_when_rhit_held,
    "director-small-needs-rhit": _director_small,
    "supervisor-needs-experience": _experienced_supervisor,
    "advancement-needs-experience": _experienced_advance,
    "clerk-promotion": _clerk_promotion,
    "director-large-needs-bachelor": _bachelor_first,
    "specialisation-credential": _specialisation_credential,
    "high-school-preparation": _high_school_courses,
    "waiver-stale": _drop_waiver,
}
"""The rules that offer a fix, and the function that works it out."""


def has_fix(rule: str) -> bool:
    """True when the rule offers a fix (where the plan determines one)."""
    return rule in _FIXERS
