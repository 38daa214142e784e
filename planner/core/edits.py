"""Edits to a plan, each able to undo itself, and the history that undoes and redoes them.

The app turns keys into these edits; nothing here knows about the screen. An edit never
changes a record in place: it puts a changed copy where the record was (and puts the old one
back to undo). So a `snapshot` of a plan, which only copies the lists, stays exactly as it was
while the person goes on editing, and the app can validate a big plan from a snapshot in a
background thread. Undo keeps the records an edit replaced, never a copy of the whole plan, so
an edit costs the same on a plan of ten items or ten thousand.

Builders (`add_item`, `change_item`, `move_item`, `resize_item`, `delete_item`, `take_step`,
`take_steps`, `change_profile`, and the advisor's `add_comment`, `delete_comment`, `add_waiver`,
`remove_waiver`, `sign`) return an `Edit`, or None when the edit would change nothing; they
raise `EditRefused` with one sentence when it cannot be done. `History.do` applies it.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from planner.core.catalog import Pack
from planner.core.model import Comment, Item, Plan, Profile, Record, Waiver
from planner.core.nextsteps import NextStep
from planner.core.terms import Term, beyond_calendar

HISTORY_LIMIT = 500
"""How many edits `History` can undo."""


class EditRefused(Exception):
    """An edit that cannot be made: one sentence for the person, the plan unchanged."""


class Edit:
    """One change to a plan that knows how to undo itself."""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description
        """What it does, in words: "move aas a term later"."""

    def apply(self, plan: Plan) -> Item | None:
        """Make the change; returns the item it is about (for the cursor), if any."""
        raise NotImplementedError

    def revert(self, plan: Plan) -> Item | None:
        """Undo the change; returns the item it is about, if any."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.description!r})"


class ReplaceRecord(Edit):
    """Put `new` where `old` is in one of the plan's lists (items, comments, waivers)."""

    __slots__ = ("key", "position", "old", "new")

    def __init__(self, description: str, key: str, position: int, old: Record, new: Record) -> None:
        super().__init__(description)
        self.key = key
        self.position = position
        self.old = old
        self.new = new

    def apply(self, plan: Plan) -> Item | None:
        getattr(plan, self.key)[self.position] = self.new
        return self.new if isinstance(self.new, Item) else None

    def revert(self, plan: Plan) -> Item | None:
        getattr(plan, self.key)[self.position] = self.old
        return self.old if isinstance(self.old, Item) else None


class InsertItem(Edit):
    """Insert an item at a position in the plan's items."""

    __slots__ = ("position", "item")

    def __init__(self, description: str, position: int, item: Item) -> None:
        super().__init__(description)
        self.position = position
        self.item = item

    def apply(self, plan: Plan) -> Item | None:
        plan.items.insert(self.position, self.item)
        return self.item

    def revert(self, plan: Plan) -> Item | None:
        del plan.items[self.position]
        return _neighbour(plan, self.position)


class RemoveItem(Edit):
    """Remove the item at a position in the plan's items."""

    __slots__ = ("position", "item")

    def __init__(self, description: str, position: int, item: Item) -> None:
        super().__init__(description)
        self.position = position
        self.item = item

    def apply(self, plan: Plan) -> Item | None:
        del plan.items[self.position]
        return _neighbour(plan, self.position)

    def revert(self, plan: Plan) -> Item | None:
        plan.items.insert(self.position, self.item)
        return self.item


class InsertRecord(Edit):
    """Insert a record into one of the plan's other lists (comments, waivers, approvals).

    `focus` is the id of the item it is about, for the cursor (None: the cursor stays).
    """

    __slots__ = ("key", "position", "record", "focus")

    def __init__(self, description: str, key: str, position: int, record: Record, focus: str | None) -> None:
        super().__init__(description)
        self.key = key
        self.position = position
        self.record = record
        self.focus = focus

    def apply(self, plan: Plan) -> Item | None:
        getattr(plan, self.key).insert(self.position, self.record)
        return plan.item(self.focus) if self.focus else None

    def revert(self, plan: Plan) -> Item | None:
        del getattr(plan, self.key)[self.position]
        return plan.item(self.focus) if self.focus else None


class RemoveRecord(InsertRecord):
    """Remove a record from one of the plan's other lists: an `InsertRecord` the other way round."""

    __slots__ = ()

    def apply(self, plan: Plan) -> Item | None:
        return InsertRecord.revert(self, plan)

    def revert(self, plan: Plan) -> Item | None:
        return InsertRecord.apply(self, plan)


class ChangeProfile(Edit):
    """Replace the profile and the plan's title."""

    __slots__ = ("old", "new", "old_title", "new_title", "had_profile")

    def __init__(self, description: str, plan: Plan, new: Profile, new_title: str | None) -> None:
        super().__init__(description)
        self.old = plan.profile
        self.new = new
        self.old_title = plan.title
        self.new_title = new_title
        self.had_profile = plan.has_profile

    def apply(self, plan: Plan) -> Item | None:
        plan.profile = self.new
        plan.title = self.new_title
        plan.has_profile = True
        return None

    def revert(self, plan: Plan) -> Item | None:
        plan.profile = self.old
        plan.title = self.old_title
        plan.has_profile = self.had_profile
        return None


class Group(Edit):
    """Several edits made and undone as one; the first one's item gets the cursor."""

    __slots__ = ("edits",)

    def __init__(self, description: str, edits: Sequence[Edit]) -> None:
        super().__init__(description)
        self.edits = tuple(edits)

    def apply(self, plan: Plan) -> Item | None:
        focus = [edit.apply(plan) for edit in self.edits]
        return focus[0] if focus else None

    def revert(self, plan: Plan) -> Item | None:
        focus = [edit.revert(plan) for edit in reversed(self.edits)]
        return focus[-1] if focus else None


def _neighbour(plan: Plan, position: int) -> Item | None:
    """The item now at `position`, or the one before it, for the cursor after a removal."""
    if not plan.items:
        return None
    return plan.items[min(position, len(plan.items) - 1)]


def position_of(plan: Plan, item: Item) -> int:
    """Where this very item (not an equal one) is in the plan's items."""
    for position, candidate in enumerate(plan.items):
        if candidate is item:
            return position
    raise EditRefused("That item is no longer in the plan.")


def _name(item: Item) -> str:
    return item.id or "the item"


# --- builders ---------------------------------------------------------------------------------


def add_item(plan: Plan, item: Item, position: int | None = None) -> Edit:
    """Add `item` (at the end, or at `position`)."""
    where = len(plan.items) if position is None else position
    return InsertItem(f"add {_name(item)}", where, item)


def change_item(plan: Plan, item: Item, values: dict[str, Any]) -> Edit | None:
    """Set the fields in `values` (file-style values; None removes a field) on `item`.

    When the id changes and was the only item with it, the plan's references to it (other
    items' `after` and `renews`, comments and waivers) follow, in the same edit.
    """
    position = position_of(plan, item)
    changed = {name: value for name, value in values.items() if item.get(name) != value}
    if not changed:
        return None
    new = item.copy()
    for name, value in changed.items():
        new.set(name, value)
    edits: list[Edit] = [ReplaceRecord(f"edit {_name(new)}", "items", position, item, new)]
    old_id, new_id = item.id, new.id
    if "id" in changed and old_id and new_id and _unique(plan, old_id) and plan.item(new_id) is None:
        edits += _rename_references(plan, old_id, new_id, skip=position)
    if len(edits) == 1:
        return edits[0]
    return Group(f"rename {old_id} to {new_id}", edits)


def _unique(plan: Plan, item_id: str) -> bool:
    return sum(1 for item in plan.items if item.id == item_id) == 1


def _rename_references(plan: Plan, old_id: str, new_id: str, skip: int) -> list[Edit]:
    """Edits that make every reference to `old_id` name `new_id` instead."""
    edits: list[Edit] = []
    for position, other in enumerate(plan.items):
        if position == skip:
            continue
        after = other.after or []
        if old_id in after or other.renews == old_id:
            new = other.copy()
            if old_id in after:
                new.set("after", [new_id if entry == old_id else entry for entry in after])
            if other.renews == old_id:
                new.set("renews", new_id)
            edits.append(ReplaceRecord(f"edit {_name(other)}", "items", position, other, new))
    for key in ("comments", "waivers"):
        for position, record in enumerate(getattr(plan, key)):
            if getattr(record, "item", None) == old_id:
                new_record = record.copy()
                new_record.set("item", new_id)
                edits.append(ReplaceRecord(f"edit a {key[:-1]}", key, position, record, new_record))
    return edits


def move_item(plan: Plan, item: Item, terms: int) -> Edit:
    """Move `item` `terms` terms later (earlier when negative), keeping its length."""
    if item.start is None:
        raise EditRefused(f"{_name(item)} has no start term to move from; edit it to give it one.")
    new_start = item.start.shift(terms)
    new_end = item.end.shift(terms) if item.end is not None else new_start
    _within_calendar(item, new_start, new_end)
    values: dict[str, Any] = {"start": str(new_start)}
    if item.end is not None:
        values["end"] = str(new_end)
    edit = change_item(plan, item, values)
    assert edit is not None
    word = "later" if terms > 0 else "earlier"
    count = "a term" if abs(terms) == 1 else f"{abs(terms)} terms"
    edit.description = f"move {_name(item)} {count} {word}"
    return edit


def resize_item(
    plan: Plan, item: Item, terms: int, current_end: Term | None = None, pack: Pack | None = None
) -> Edit:
    """Make `item` `terms` terms longer (shorter when negative), moving its end.

    `current_end` is where the item ends now when it has no `end` of its own (a job that runs
    until the next job starts); without it such an item counts as one term long. `pack` says
    which milestones are jobs (the plan's built-in pack when not given).
    """
    start = item.start
    if start is None:
        raise EditRefused(f"{_name(item)} has no start term; edit it to give it one.")
    end = item.end or current_end or start
    if end < start:
        end = start
    new_end = end.shift(terms)
    if new_end < start:
        raise EditRefused(f"{_name(item)} lasts one term already; it cannot be shorter.")
    _within_calendar(item, start, new_end)
    milestone = _pack(plan, pack).milestones.get(item.requirement or "")
    is_job = milestone is not None and milestone.is_job
    # A one-term item needs no end, but a job without one runs on until the next job.
    value = None if new_end == start and not is_job else str(new_end)
    edit = change_item(plan, item, {"end": value})
    if edit is None:
        raise EditRefused(f"{_name(item)} already ends in {new_end}.")
    edit.description = f"{'lengthen' if terms > 0 else 'shorten'} {_name(item)}"
    return edit


def delete_item(plan: Plan, item: Item) -> Edit:
    """Remove `item` from the plan. Items that wait for it keep naming it (and say so)."""
    return RemoveItem(f"delete {_name(item)}", position_of(plan, item), item)


def _within_calendar(item: Item, start: Term, end: Term) -> None:
    """Refuse an edit that would put `item` before 0000-spring or after 9999-fall."""
    for term in (start, end):
        if (why := beyond_calendar(term)) is not None:
            raise EditRefused(f"{_name(item)} cannot go there: {why}.")


def take_step(plan: Plan, step: NextStep) -> Edit:
    """Add the item a next step proposes, at its proposed terms."""
    _within_calendar(step.to_item(), step.start, step.end)
    return InsertItem(f"take the step {step.id}", len(plan.items), step.to_item())


def take_steps(plan: Plan, steps: Iterable[NextStep]) -> Edit | None:
    """Add the items of several next steps at once (one undo)."""
    edits: list[Edit] = []
    for offset, step in enumerate(steps):
        _within_calendar(step.to_item(), step.start, step.end)
        edits.append(InsertItem(f"take the step {step.id}", len(plan.items) + offset, step.to_item()))
    if not edits:
        return None
    return Group(f"take {len(edits)} next steps", edits)


class ChangeRules(Edit):
    """Set the plan's rule pack (`rules`): the diagnostics and next steps follow it."""

    __slots__ = ("old", "new", "old_invalid")

    def __init__(self, description: str, plan: Plan, new: str | None) -> None:
        super().__init__(description)
        self.old = plan.rules
        self.new = new
        self.old_invalid = plan.invalid.get("rules")

    def apply(self, plan: Plan) -> Item | None:
        plan.rules = self.new
        plan.invalid.pop("rules", None)
        return None

    def revert(self, plan: Plan) -> Item | None:
        plan.rules = self.old
        if self.old_invalid is not None:
            plan.invalid["rules"] = self.old_invalid
        return None


def change_rules(plan: Plan, rules: str) -> Edit | None:
    """Check the plan against another rule pack (`rules`: a built-in id or a pack file's path);
    None when it is the pack the plan names already."""
    if plan.rules == rules and "rules" not in plan.invalid:
        return None
    return ChangeRules(f"switch the rule pack to {rules}", plan, rules)


TITLE = "title"
"""The key under which `change_profile` takes the plan's title beside the profile's fields."""


def change_profile(plan: Plan, values: dict[str, Any], pack: Pack | None = None) -> Edit | None:
    """Set profile fields (file-style values; None removes one), and the plan's title under "title".

    When the title is left as it was and the planner generated it (`starter.generated_title`
    under `pack`, the plan's built-in pack when not given), it follows the new goal and name; a
    title a person wrote is kept."""
    values = dict(values)
    title = values.pop(TITLE, plan.title)  # an empty title the file holds is kept as it is
    profile = plan.profile
    changed = {name: value for name, value in values.items() if profile.get(name) != value}
    if not changed and title == plan.title and plan.has_profile:
        return None
    new = profile.copy()
    for name, value in changed.items():
        new.set(name, value)
    if title == plan.title and ("goal" in changed or "name" in changed):
        title = _following_title(plan, profile, new, pack)
    description = "edit the profile"
    if len(changed) == 1 and title == plan.title:
        (name,) = changed
        description = f"change the {PROFILE_WORDS.get(name, name)}"
    return ChangeProfile(description, plan, new, title)


PROFILE_WORDS = {
    "name": "name",
    "education": "education",
    "high_school_courses": "high-school courses",
    "credentials": "credentials held",
    "completed": "milestones completed",
    "role": "role",
    "healthcare_experience_years": "years of health-care experience",
    "goal": "goal",
    "starts": "plan's first term",
}
"""Profile fields in words, for an edit that changes one of them ("change the goal")."""


# --- the advisor's side: comments, waivers, approvals ------------------------------------------

NOT_WAIVABLE = {
    "waiver-stale": "A stale waiver is not waived: remove the waiver instead.",
    "approval-outdated": "An out-of-date approval is not waived: sign the plan again instead.",
}
"""Rules a waiver cannot silence, with what to do instead."""


def _can_add(plan: Plan, key: str) -> None:
    """Refuse to add to a list the file holds in another shape (it is kept as written, so an entry
    added beside it would be lost on save)."""
    if key in plan.invalid:
        raise EditRefused(
            f"The plan's {key} are not written as [[{key}]] tables, so nothing can be added to them; "
            "correct the file first."
        )


def add_comment(
    plan: Plan, author: str, text: str, item: str | None = None, date: datetime.date | None = None
) -> Edit:
    """Add a comment by `author` (on the item with id `item`, or on the whole plan), dated `date`."""
    _can_add(plan, "comments")
    author = author.strip()
    text = text.strip("\n")
    if not author:
        raise EditRefused("A comment needs an author.")
    if not text.strip():
        raise EditRefused("The comment is empty.")
    if item is not None and plan.item(item) is None:
        raise EditRefused(f"The plan has no item {item}.")
    comment = Comment(author=author, date=date, item=item, text=text)
    about = f" on {item}" if item else " on the plan"
    return InsertRecord(f"add a comment{about}", "comments", len(plan.comments), comment, item)


def delete_comment(plan: Plan, comment: Comment) -> Edit:
    """Delete this very comment (undo puts it back where it was)."""
    for position, candidate in enumerate(plan.comments):
        if candidate is comment:
            about = f" on {comment.item}" if comment.item else " on the plan"
            return RemoveRecord(f"delete a comment{about}", "comments", position, comment, None)
    raise EditRefused("That comment is no longer in the plan.")


def add_waiver(
    plan: Plan, rule: str, item: str | None, by: str, reason: str, date: datetime.date | None = None
) -> Edit:
    """Waive the diagnostic with `rule` on `item` (None: on the plan): who, when and why."""
    _can_add(plan, "waivers")
    by, reason = by.strip(), reason.strip()
    if rule in NOT_WAIVABLE:
        raise EditRefused(NOT_WAIVABLE[rule])
    if not by:
        raise EditRefused("A waiver needs the name of who grants it.")
    if not reason:
        raise EditRefused("A waiver needs a reason.")
    for waiver in plan.waivers:
        if waiver.rule == rule and waiver.item == item:
            raise EditRefused(f"{rule} is waived already, by {waiver.by or 'someone'}.")
    waiver = Waiver(rule=rule, item=item, by=by, date=date, reason=reason)
    about = f" on {item}" if item else " on the plan"
    return InsertRecord(f"waive {rule}{about}", "waivers", len(plan.waivers), waiver, None)


def remove_waiver(plan: Plan, waiver: Waiver) -> Edit:
    """Remove this very waiver (undo puts it back where it was)."""
    for position, candidate in enumerate(plan.waivers):
        if candidate is waiver:
            about = f" on {waiver.item}" if waiver.item else ""
            return RemoveRecord(
                f"remove the waiver of {waiver.rule}{about}", "waivers", position, waiver, None
            )
    raise EditRefused("That waiver is no longer in the plan.")


def _following_title(plan: Plan, old: Profile, new: Any, pack: Pack | None) -> str | None:
    from planner.core.packs import PackError
    from planner.core.starter import following_title

    try:
        return following_title(plan.title, old, new, _pack(plan, pack))
    except PackError:  # a pack file the edit cannot find: the title stays
        return plan.title


def _pack(plan: Plan, pack: Pack | None) -> Pack:
    """`pack`, or the built-in pack the plan names."""
    if pack is not None:
        return pack
    from planner.core.packs import plan_pack

    return plan_pack(plan)


def waiver_for(plan: Plan, diagnostic: Any, pack: Pack | None = None) -> Waiver | None:
    """The waiver a diagnostic is about: the one that silences it, or the stale one it reports
    (`pack` words it: the plan's built-in pack when not given)."""
    if diagnostic.waived is not None:
        return diagnostic.waived
    if diagnostic.rule != "waiver-stale":
        return None
    rule = _pack(plan, pack).rules["waiver-stale"]
    for waiver in plan.waivers:
        if waiver.item == diagnostic.item and waiver.rule is not None:
            if rule.message.format(rule=waiver.rule, by=waiver.by or "someone") == diagnostic.message:
                return waiver
    return None


def sign(plan: Plan, by: str, date: datetime.date | None = None) -> Edit:
    """Approve the plan as it is now, as `planner sign` does; refused when `by`'s approval holds."""
    from planner.core.digest import plan_digest
    from planner.core.outcome import approval_holding, new_approval

    _can_add(plan, "approvals")
    by = by.strip()
    if not by:
        raise EditRefused("An approval needs the name of who approves.")
    digest = plan_digest(plan)
    holding = approval_holding(plan, by, digest)
    if holding is not None:
        when = f" on {holding.date}" if holding.date else ""
        raise EditRefused(f"Already approved by {by}{when} as the plan is now.")
    approval = new_approval(plan, by, date, digest)
    return InsertRecord(f"sign as {by}", "approvals", len(plan.approvals), approval, None)


# --- history ----------------------------------------------------------------------------------


_VERSIONS = itertools.count(1)

NOW = object()
"""`History.mark_saved`'s default: the plan as it is now."""


class History:
    """The edits made to one plan, to undo and redo them, and whether it differs from disk."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._saved: Edit | None = None
        self._saved_lost = False
        self.version = next(_VERSIONS)
        """Changes at every change (do, undo, redo), and is never the same in two histories, so a
        result made for one version of a plan can tell it is stale."""

    @property
    def modified(self) -> bool:
        """True when the plan differs from what was last loaded or saved."""
        if self._saved_lost:
            return True
        return (self._done[-1] if self._done else None) is not self._saved

    @property
    def can_undo(self) -> bool:
        """True when there is an edit to undo."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """True when there is an undone edit to redo."""
        return bool(self._undone)

    @property
    def next_undo(self) -> Edit | None:
        """The edit undo would undo."""
        return self._done[-1] if self._done else None

    @property
    def next_redo(self) -> Edit | None:
        """The edit redo would redo."""
        return self._undone[-1] if self._undone else None

    def do(self, edit: Edit) -> Item | None:
        """Apply an edit and remember it; returns the item it is about."""
        focus = edit.apply(self.plan)
        self._done.append(edit)
        if len(self._done) > HISTORY_LIMIT:
            dropped = self._done.pop(0)
            if dropped is self._saved:
                self._saved_lost = True
        if any(undone is self._saved for undone in self._undone):
            self._saved_lost = True  # the saved state can no longer be reached by redo
        self._undone.clear()
        self.version = next(_VERSIONS)
        return focus

    def undo(self) -> tuple[Edit, Item | None] | None:
        """Undo the last edit: (the edit, the item it was about), or None when there is none."""
        if not self._done:
            return None
        edit = self._done.pop()
        focus = edit.revert(self.plan)
        self._undone.append(edit)
        self.version = next(_VERSIONS)
        return edit, focus

    def redo(self) -> tuple[Edit, Item | None] | None:
        """Redo the last undone edit, or None when there is none."""
        if not self._undone:
            return None
        edit = self._undone.pop()
        focus = edit.apply(self.plan)
        self._done.append(edit)
        self.version = next(_VERSIONS)
        return edit, focus

    def mark_saved(self, state: Edit | None | object = NOW) -> None:
        """The plan as it stands is what is on disk now.

        `state` is `next_undo` as it was when a save began (the plan may have been edited while
        it was being written): that state is on disk, not the present one.
        """
        self._saved = (self._done[-1] if self._done else None) if state is NOW else state  # type: ignore[assignment]
        self._saved_lost = False


def snapshot(plan: Plan) -> Plan:
    """A copy of the plan that later edits leave alone (they replace records, never change them).

    Only the lists are copied, so it costs microseconds even for ten thousand items.
    """
    copy = Plan(
        title=plan.title,
        profile=plan.profile,
        items=list(plan.items),
        comments=list(plan.comments),
        waivers=list(plan.waivers),
        approvals=list(plan.approvals),
    )
    copy.has_profile = plan.has_profile
    copy.schema_hint = plan.schema_hint
    copy.extra = dict(plan.extra)
    copy.invalid = dict(plan.invalid)
    return copy
