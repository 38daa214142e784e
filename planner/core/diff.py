"""What changed between two versions of a plan, or two alternatives (what-if).

Plans are compared as parsed data, so layout does not count and neither does the order of
items in the file: items are paired by id (and, for an id used twice, by occurrence), and each
pair is compared field by field. Comments and approvals are compared as whole entries (one
edited shows as removed and added); waivers are paired by (rule, item). Diagnostics are paired
by (rule, item): a message that only changed its numbers is not a change, a diagnostic that
appeared or went away is, and so is one that became waived or no longer is. Beside the changes,
each side's outcome (goal, finishing term, counts, approval state) is kept, so that two routes
to a goal can be compared at a glance.

`textconv_lines(plan)` is the other half: a plan as one line per fact, each line naming its
item and field, for git to diff (`planner diff --textconv`).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from planner.core.catalog import Pack
from planner.core.model import Item, Plan, Record
from planner.core.outcome import Outcome, outcome
from planner.core.validate import Diagnostic, validate

STRUCTURED = ("profile", "items", "comments", "waivers", "approvals")
"""Top-level keys compared entry by entry; the rest are compared as plan fields."""


def plain(value: Any) -> Any:
    """TOML data with dates and times as ISO text, so that it prints as JSON."""
    if isinstance(value, dict):
        return {key: plain(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [plain(entry) for entry in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal as TOML values: 1 and 1.0 and true differ."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _key(value: Any) -> str:
    """A hashable, order-free form of a TOML value."""
    return json.dumps(plain(value), sort_keys=True, ensure_ascii=False, default=str)


class FieldChange:
    """One field whose value differs; None stands for "absent"."""

    __slots__ = ("field", "old", "new")

    def __init__(self, field: str, old: Any, new: Any) -> None:
        self.field = field
        self.old = old
        self.new = new

    def to_json(self) -> dict[str, Any]:
        """{"field", "old", "new"}."""
        return {"field": self.field, "old": plain(self.old), "new": plain(self.new)}


def field_changes(old: dict[str, Any], new: dict[str, Any], skip: tuple[str, ...] = ()) -> list[FieldChange]:
    """The fields that differ between two tables, in the old table's order, then the new keys."""
    changes = []
    for name in [*old, *(key for key in new if key not in old)]:
        if name in skip:
            continue
        before, after = old.get(name), new.get(name)
        if not _same(before, after):
            changes.append(FieldChange(name, before, after))
    return changes


class ItemChange:
    """An item present on both sides whose fields differ."""

    __slots__ = ("id", "label", "changes", "old", "new")

    def __init__(self, id: str | None, label: str, changes: list[FieldChange], old: Item, new: Item) -> None:
        self.id = id
        self.label = label
        """How to name the item: its id, or "#3" for an item without one."""
        self.changes = changes
        self.old = old
        self.new = new


class WaiverChange:
    """A waiver on both sides (same rule and item) whose who, when or why differs."""

    __slots__ = ("rule", "item", "changes")

    def __init__(self, rule: str | None, item: str | None, changes: list[FieldChange]) -> None:
        self.rule = rule
        self.item = item
        self.changes = changes


def _item_key(item: Item) -> str | None:
    return item.id if isinstance(item.id, str) else None


def _pair(
    old: list[Record], new: list[Record], key: Any
) -> tuple[list[tuple[Record, Record]], list[Record], list[Record]]:
    """Pair records by key (the n-th with the n-th for a repeated key): (pairs, removed, added)."""
    by_key: dict[Any, list[Record]] = {}
    for record in old:
        by_key.setdefault(key(record), []).append(record)
    pairs, added = [], []
    for record in new:
        waiting = by_key.get(key(record))
        if waiting:
            pairs.append((waiting.pop(0), record))
        else:
            added.append(record)
    left = {id(record) for records in by_key.values() for record in records}
    removed = [record for record in old if id(record) in left]
    return pairs, removed, added


def _multiset(old: list[Record], new: list[Record]) -> tuple[list[Record], list[Record]]:
    """Entries of `new` not in `old`, and of `old` not in `new`, counting repeats."""
    old_keys = Counter(_key(record.to_toml()) for record in old)
    new_keys = Counter(_key(record.to_toml()) for record in new)
    added, removed = [], []
    seen: Counter[str] = Counter()
    for record in new:
        key = _key(record.to_toml())
        seen[key] += 1
        if seen[key] > old_keys[key]:
            added.append(record)
    seen.clear()
    for record in old:
        key = _key(record.to_toml())
        seen[key] += 1
        if seen[key] > new_keys[key]:
            removed.append(record)
    return added, removed


def _diagnostic_key(diagnostic: Diagnostic) -> tuple[str, str | None]:
    return diagnostic.rule, diagnostic.item


class PlanDiff:
    """Every difference between two plans, by section, and each side's outcome."""

    def __init__(self) -> None:
        self.plan: list[FieldChange] = []
        """Top-level fields (title, unknown keys, sections that are not tables)."""
        self.profile: list[FieldChange] = []
        self.items_added: list[Item] = []
        self.items_removed: list[Item] = []
        self.items_changed: list[ItemChange] = []
        self.comments_added: list[Record] = []
        self.comments_removed: list[Record] = []
        self.waivers_added: list[Record] = []
        self.waivers_removed: list[Record] = []
        self.waivers_changed: list[WaiverChange] = []
        self.approvals_added: list[Record] = []
        self.approvals_removed: list[Record] = []
        self.appeared: list[Diagnostic] = []
        self.went_away: list[Diagnostic] = []
        self.now_waived: list[Diagnostic] = []
        self.no_longer_waived: list[Diagnostic] = []
        self.old_outcome: Outcome | None = None
        self.new_outcome: Outcome | None = None

    @property
    def equal(self) -> bool:
        """True when nothing differs."""
        return not any(
            (
                self.plan,
                self.profile,
                self.items_added,
                self.items_removed,
                self.items_changed,
                self.comments_added,
                self.comments_removed,
                self.waivers_added,
                self.waivers_removed,
                self.waivers_changed,
                self.approvals_added,
                self.approvals_removed,
                self.appeared,
                self.went_away,
                self.now_waived,
                self.no_longer_waived,
            )
        )

    def to_json(self) -> dict[str, Any]:
        """The differences as `diff --format json` prints them (without the file names)."""

        def records(entries: list[Record]) -> list[dict[str, Any]]:
            return [plain(record.to_toml()) for record in entries]

        return {
            "equal": self.equal,
            "plan": [change.to_json() for change in self.plan],
            "profile": [change.to_json() for change in self.profile],
            "items": {
                "added": records(self.items_added),  # type: ignore[arg-type]
                "removed": records(self.items_removed),  # type: ignore[arg-type]
                "changed": [
                    {"id": change.id, "changes": [c.to_json() for c in change.changes]}
                    for change in self.items_changed
                ],
            },
            "comments": {"added": records(self.comments_added), "removed": records(self.comments_removed)},
            "waivers": {
                "added": records(self.waivers_added),
                "removed": records(self.waivers_removed),
                "changed": [
                    {
                        "rule": change.rule,
                        "item": change.item,
                        "changes": [c.to_json() for c in change.changes],
                    }
                    for change in self.waivers_changed
                ],
            },
            "approvals": {"added": records(self.approvals_added), "removed": records(self.approvals_removed)},
            "diagnostics": {
                "appeared": [d.to_json() for d in self.appeared],
                "went_away": [d.to_json() for d in self.went_away],
                "now_waived": [d.to_json() for d in self.now_waived],
                "no_longer_waived": [d.to_json() for d in self.no_longer_waived],
            },
            "outcome": {
                "old": self.old_outcome.to_json() if self.old_outcome else None,
                "new": self.new_outcome.to_json() if self.new_outcome else None,
            },
        }


def diff_plans(old: Plan, new: Plan, cat: Pack | None = None, old_cat: Pack | None = None) -> PlanDiff:
    """What changed from `old` to `new`, `new` checked under `cat` and `old` under `old_cat` (each
    plan's own built-in pack when not given; `old_cat` is `cat` when only that is given)."""
    from planner.core.packs import plan_pack

    old_cat = old_cat or cat or plan_pack(old)
    cat = cat or plan_pack(new)
    result = PlanDiff()
    old_data, new_data = old.to_toml(), new.to_toml()

    # Top-level fields; a section that is not a table (or array of tables) is compared whole.
    raw = {key for key in STRUCTURED if key in old.invalid or key in new.invalid}
    skip = tuple(key for key in STRUCTURED if key not in raw)
    result.plan = field_changes(old_data, new_data, skip)

    if "profile" not in raw:
        result.profile = field_changes(old_data.get("profile", {}), new_data.get("profile", {}))

    if "items" not in raw:
        positions = {id(item): n for n, item in enumerate(new.items, 1)}
        pairs, removed, added = _pair(old.items, new.items, _item_key)  # type: ignore[arg-type]
        result.items_added = added  # type: ignore[assignment]
        result.items_removed = removed  # type: ignore[assignment]
        for before, after in pairs:
            changes = field_changes(before.to_toml(), after.to_toml(), ("id",))
            if changes:
                item_id = _item_key(before)  # type: ignore[arg-type]
                label = item_id if item_id is not None else f"#{positions[id(after)]}"
                result.items_changed.append(ItemChange(item_id, label, changes, before, after))  # type: ignore[arg-type]

    if "comments" not in raw:
        result.comments_added, result.comments_removed = _multiset(old.comments, new.comments)  # type: ignore[arg-type]
    if "approvals" not in raw:
        result.approvals_added, result.approvals_removed = _multiset(old.approvals, new.approvals)  # type: ignore[arg-type]
    if "waivers" not in raw:
        pairs, removed, added = _pair(
            old.waivers,  # type: ignore[arg-type]
            new.waivers,  # type: ignore[arg-type]
            lambda waiver: (_key(waiver.get("rule")), _key(waiver.get("item"))),
        )
        result.waivers_added, result.waivers_removed = added, removed
        for before, after in pairs:
            changes = field_changes(before.to_toml(), after.to_toml(), ("rule", "item"))
            if changes:
                result.waivers_changed.append(WaiverChange(after.get("rule"), after.get("item"), changes))

    old_diagnostics, new_diagnostics = validate(old, old_cat), validate(new, cat)
    pairs, went_away, appeared = _pair(old_diagnostics, new_diagnostics, _diagnostic_key)  # type: ignore[arg-type]
    result.appeared, result.went_away = appeared, went_away  # type: ignore[assignment]
    for before, after in pairs:
        if before.waived is None and after.waived is not None:  # type: ignore[attr-defined]
            result.now_waived.append(after)  # type: ignore[arg-type]
        elif before.waived is not None and after.waived is None:  # type: ignore[attr-defined]
            result.no_longer_waived.append(after)  # type: ignore[arg-type]

    result.old_outcome = outcome(old, old_diagnostics, old_cat)
    result.new_outcome = outcome(new, new_diagnostics, cat)
    return result


# --- text -------------------------------------------------------------------------------------


def literal(value: Any) -> str:
    """A value as it would read in the file: strings quoted (escapes shown), lists, "(absent)"."""
    if value is None:
        return "(absent)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | list | dict):
        return json.dumps(plain(value), ensure_ascii=False)
    return str(plain(value))


def _item_summary(item: Item, cat: Pack) -> str:
    name = cat.name_of(item.requirement) if isinstance(item.requirement, str) else "no requirement"
    start, end = item.get("start"), item.get("end")
    when = literal(start) if end is None or end == start else f"{literal(start)} to {literal(end)}"
    if start is None:
        when = "no start"
    return f"{name}, {when}"


def _comment_summary(comment: Record) -> str:
    parts = [literal(comment.get("author")) if comment.get("author") is not None else "no author"]
    if comment.get("date") is not None:
        parts.append(str(comment.get("date")))
    if comment.get("item") is not None:
        parts.append(f"on {literal(comment.get('item'))}")
    return ", ".join(parts) + ": " + literal(comment.get("text"))


def _waiver_summary(waiver: Record) -> str:
    where = f" on {literal(waiver.get('item'))}" if waiver.get("item") is not None else " on the plan"
    by = f", by {literal(waiver.get('by'))}" if waiver.get("by") is not None else ""
    date = f", {waiver.get('date')}" if waiver.get("date") is not None else ""
    reason = f": {literal(waiver.get('reason'))}" if waiver.get("reason") is not None else ""
    return f"{literal(waiver.get('rule'))}{where}{by}{date}{reason}"


def _approval_summary(approval: Record) -> str:
    date = f", {approval.get('date')}" if approval.get("date") is not None else ""
    return f"{literal(approval.get('by'))}{date}"


def diagnostic_text(diagnostic: Diagnostic) -> str:
    """`SEVERITY RULE [ITEM]: MESSAGE (SOURCE)`, as `check` prints it after the file name."""
    item = f" [{diagnostic.item}]" if diagnostic.item is not None else ""
    source = f" ({diagnostic.source})" if diagnostic.source else ""
    return f"{diagnostic.severity} {diagnostic.rule}{item}: {diagnostic.message}{source}"


def outcome_text(result: Outcome) -> str:
    """One line: goal, finishing term, counts, approval."""
    goal = result.goal if result.goal is not None else "none"
    return (
        f"goal {goal}, finishes {result.describe_finish_and_reach()}; {result.describe_counts()}; "
        f"approval {result.approval.describe()}"
    )


def diff_lines(result: PlanDiff, cat: Pack | None = None) -> list[str]:
    """The differences as text lines (not yet made printable); `cat` names the milestones."""
    if cat is None:
        from planner.core.packs import default_pack

        cat = default_pack()
    lines: list[str] = []
    for change in result.plan:
        lines.append(f"{change.field}: {literal(change.old)} -> {literal(change.new)}")
    for change in result.profile:
        lines.append(f"profile.{change.field}: {literal(change.old)} -> {literal(change.new)}")
    for item in result.items_added:
        lines.append(
            f"item {item.id if isinstance(item.id, str) else '(no id)'} added: {_item_summary(item, cat)}"
        )
    for item in result.items_removed:
        lines.append(
            f"item {item.id if isinstance(item.id, str) else '(no id)'} removed: {_item_summary(item, cat)}"
        )
    for item_change in result.items_changed:
        for change in item_change.changes:
            lines.append(
                f"item {item_change.label}: {change.field}: {literal(change.old)} -> {literal(change.new)}"
            )
    for label, records, summary in (
        ("comment added", result.comments_added, _comment_summary),
        ("comment removed", result.comments_removed, _comment_summary),
        ("waiver added", result.waivers_added, _waiver_summary),
        ("waiver removed", result.waivers_removed, _waiver_summary),
    ):
        lines += [f"{label}: {summary(record)}" for record in records]
    for waiver_change in result.waivers_changed:
        where = f" on {literal(waiver_change.item)}" if waiver_change.item is not None else " on the plan"
        for change in waiver_change.changes:
            lines.append(
                f"waiver {literal(waiver_change.rule)}{where}: {change.field}: "
                f"{literal(change.old)} -> {literal(change.new)}"
            )
    lines += [f"approval added: {_approval_summary(approval)}" for approval in result.approvals_added]
    lines += [f"approval removed: {_approval_summary(approval)}" for approval in result.approvals_removed]
    for label, diagnostics in (
        ("appeared", result.appeared),
        ("went away", result.went_away),
        ("now waived", result.now_waived),
        ("no longer waived", result.no_longer_waived),
    ):
        lines += [f"diagnostic {label}: {diagnostic_text(diagnostic)}" for diagnostic in diagnostics]
    return lines


# --- textconv ---------------------------------------------------------------------------------


def textconv_lines(plan: Plan, cat: Pack | None = None) -> list[str]:
    """The plan as one line per fact, for git to diff: each line names its item and field.

    Items come in id order, so moving an item in the file changes nothing; the outcome and the
    diagnostics follow the data, so a diff also shows what a change did.
    """
    if cat is None:
        from planner.core.packs import plan_pack

        cat = plan_pack(plan)
    data = plan.to_toml()
    lines = []
    for key, value in data.items():
        if key in STRUCTURED and key not in plan.invalid:
            continue
        lines.append(f"{key} = {literal(value)}")
    for key, value in data.get("profile", {}).items() if "profile" not in plan.invalid else ():
        lines.append(f"profile.{key} = {literal(value)}")
    if "items" not in plan.invalid:
        numbered = sorted(
            enumerate(plan.items, 1),
            key=lambda entry: (_item_key(entry[1]) is None, _item_key(entry[1]) or "", entry[0]),
        )
        for position, item in numbered:
            label = item.id if isinstance(item.id, str) else f"#{position}"
            for key, value in item.to_toml().items():
                if key != "id":
                    lines.append(f"item {label}: {key} = {literal(value)}")
    sections = (("comments", "comment"), ("waivers", "waiver"), ("approvals", "approval"))
    for key, word in sections:
        if key in plan.invalid:
            continue
        for number, record in enumerate(getattr(plan, key), 1):
            fields = ", ".join(f"{name} = {literal(value)}" for name, value in record.to_toml().items())
            lines.append(f"{word} {number}: {fields}")
    diagnostics = validate(plan, cat)
    lines.append("outcome: " + outcome_text(outcome(plan, diagnostics, cat)))
    for diagnostic in diagnostics:
        line = "diagnostic: " + diagnostic_text(diagnostic)
        if diagnostic.waived is not None:
            line += f" [waived by {diagnostic.waived.by or 'someone'}]"
        lines.append(line)
    return lines
