"""The sharing rules: approvals that no longer match the plan, and waivers.

approval-outdated is a finding like any rule's; waivers then mark the diagnostics they silence,
and a waiver that silences none is itself reported (waiver-stale).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planner.core.catalog import Pack
from planner.core.diagnostic import Diagnostic, Finding
from planner.core.model import Plan


def approval_rules(plan: Plan, digest: str | None = None) -> Iterator[Finding]:
    """approval-outdated: each approver's latest approval that no longer matches the plan.

    `digest` is the plan's digest when the caller has it already (it costs a pass over the plan).
    """
    if not plan.approvals:
        return
    if digest is None:
        from planner.core.digest import plan_digest

        digest = plan_digest(plan)
    latest = {}
    for number, approval in enumerate(plan.approvals, 1):
        latest[approval.by] = number, approval
    for number, approval in latest.values():
        if approval.digest is not None and approval.digest != digest:
            yield (
                "approval-outdated",
                None,
                {
                    "by": approval.by or "someone",
                    "date": approval.date.isoformat() if approval.date else "an unknown date",
                    "field": f"Approval {number}: digest",
                },
            )


def apply_waivers(plan: Plan, diagnostics: list[Diagnostic], cat: Pack) -> list[Diagnostic]:
    """Mark diagnostics that a waiver silences; report waivers that match none (waiver-stale)."""
    if not plan.waivers:
        return diagnostics
    by_key: dict[tuple[str, str | None], Any] = {}
    for waiver in plan.waivers:
        if waiver.rule is not None:
            by_key.setdefault((waiver.rule, waiver.item), waiver)
    used: set[int] = set()
    for diagnostic in diagnostics:
        found = by_key.get((diagnostic.rule, diagnostic.item))
        if found is not None:
            diagnostic.waived = found
            used.add(id(found))
    rule = cat.rules["waiver-stale"]
    for number, waiver in enumerate(plan.waivers, 1):
        if (
            waiver.rule is not None
            and id(waiver) not in used
            and by_key.get((waiver.rule, waiver.item)) is waiver
        ):
            message = rule.message.format(rule=waiver.rule, by=waiver.by or "someone")
            where = {"field": f"Waiver {number}: rule"}
            diagnostics.append(Diagnostic(rule.severity, rule.id, waiver.item, message, rule.source, where))
    return diagnostics
