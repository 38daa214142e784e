"""What two rule packs differ in: their rules, milestones and goals, one line per difference."""

from __future__ import annotations

from typing import Any

from planner.core.catalog import Milestone, Pack, Rule


def _rule_facts(rule: Rule) -> dict[str, Any]:
    return {
        "severity": rule.severity,
        "source": rule.source,
        "kind": rule.kind,
        "message": rule.message,
        **{f"setting {key}": value for key, value in rule.params.items()},
    }


def _milestone_facts(milestone: Milestone) -> dict[str, Any]:
    return {
        "kind": milestone.kind,
        "name": milestone.name,
        "terms": milestone.terms,
        "rank": milestone.rank,
        "source": milestone.source,
        "prerequisites": list(milestone.prerequisites),
        "counts as": list(milestone.counts_as),
        "level": milestone.level,
    }


def _goal_facts(pack: Pack, goal_id: str) -> dict[str, Any]:
    goal = pack.goals[goal_id]
    return {
        "name": goal.name,
        "path": [
            step.milestone.id
            + (f" {step.fields}" if step.fields else "")
            + (
                f" ({step.experience_terms or pack.parameters['experience_terms']} terms)"
                if step.experience
                else ""
            )
            for step in goal.path
        ],
    }


def _changes(what: str, entry_id: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    for key in [*old, *(k for k in new if k not in old)]:
        if old.get(key) != new.get(key):
            lines.append(f"{what} {entry_id}: {key}: {old.get(key)!r} -> {new.get(key)!r}")
    return lines


def pack_differences(old: Pack, new: Pack) -> list[str]:
    """The rules, milestones and goals added, removed or changed from `old` to `new`, in words."""
    lines: list[str] = []
    for what, old_ids, new_ids, facts in (
        ("rule", old.rules, new.rules, lambda pack, i: _rule_facts(pack.rules[i])),
        ("milestone", old.milestones, new.milestones, lambda pack, i: _milestone_facts(pack.milestones[i])),
        ("goal", old.goals, new.goals, _goal_facts),
    ):
        for entry_id in old_ids:
            if entry_id not in new_ids:
                lines.append(f"{what} {entry_id} removed")
        for entry_id in new_ids:
            if entry_id not in old_ids:
                lines.append(f"{what} {entry_id} added")
        for entry_id in old_ids:
            if entry_id in new_ids:
                lines += _changes(what, entry_id, facts(old, entry_id), facts(new, entry_id))
    return lines
