"""Validation: a plan and its rule pack in, diagnostics out.

The plan is read once into `Facts` (placed.py); the plan-structure rules (rules/structure.py),
the pack's rules (each decided by its kind, rules/kinds.py, or registered by name,
rules/named.py) and the sharing rules (rules/sharing.py) each find where they fire, and the
findings are put in words here with the pack's severities, messages and sources. The whole pass
is O(n log n) in the number of items.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalog import Pack
from planner.core.diagnostic import SEVERITY_ORDER, Diagnostic, Finding, counts, has_errors
from planner.core.model import Plan
from planner.core.placed import Facts, Intervals, Placed, describe_terms
from planner.core.rules.kinds import KINDS
from planner.core.rules.named import NAMED
from planner.core.rules.sharing import apply_waivers, approval_rules
from planner.core.rules.structure import _SUGGESTED, STRUCTURE_RULES

__all__ = [
    "SEVERITY_ORDER",
    "Diagnostic",
    "Facts",
    "Finding",
    "Intervals",
    "Placed",
    "counts",
    "describe_terms",
    "has_errors",
    "validate",
]


def validate(plan: Plan, pack: Pack | None = None, digest: str | None = None) -> list[Diagnostic]:
    """Every diagnostic for `plan` under `pack`: errors first, then warnings, then suggestions.

    Without `pack`, the built-in pack the plan's `rules` names (packs.plan_pack). `digest` is the
    plan's `plan_digest`, when the caller has computed it already.
    """
    if pack is None:
        from planner.core.packs import plan_pack

        pack = plan_pack(plan)
    facts = Facts(plan, pack)
    rules = pack.rules
    diagnostics = []

    def add(rule_id: str, item: str | None, parameters: dict[str, Any]) -> None:
        rule = rules[rule_id]
        source = parameters.pop("cite", None) or rule.source
        message = rule.message.format(**parameters)
        suggestion = parameters.get("suggestion")
        if suggestion is not None:
            message = f'{message.rstrip(".")}; did you mean "{suggestion}"?'
        diagnostics.append(Diagnostic(rule.severity, rule_id, item, message, source, parameters, suggestion))

    _SUGGESTED.count = 0
    for structure_rule in STRUCTURE_RULES:
        for rule_id, item, parameters in structure_rule(facts):
            add(rule_id, item, parameters)
    for rule in rules.values():
        if rule.kind is not None:
            decide = NAMED[rule.id] if rule.kind == "named" else KINDS[rule.kind]
            for item, parameters in decide(facts, rule):
                add(rule.id, item, parameters)
    for rule_id, item, parameters in approval_rules(plan, digest):
        add(rule_id, item, parameters)
    apply_waivers(plan, diagnostics, pack)
    diagnostics.sort(key=lambda d: SEVERITY_ORDER[d.severity])
    return diagnostics
