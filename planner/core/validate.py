"""Validation: a plan in, diagnostics out.

The plan is read once into `Facts` (placed.py); the plan-structure rules (rules/structure.py),
the rules of the catalog (rules/seed.py) and the sharing rules (rules/sharing.py) each yield
findings, which are put in words here with the catalog's severities, messages and sources.
The whole pass is O(n log n) in the number of items.
"""

from __future__ import annotations

from planner.core.catalog import Catalog, catalog
from planner.core.diagnostic import SEVERITY_ORDER, Diagnostic, Finding, counts, has_errors
from planner.core.model import Plan
from planner.core.placed import Facts, Intervals, Placed, describe_terms
from planner.core.rules.seed import SEED_RULES
from planner.core.rules.sharing import apply_waivers, approval_rules
from planner.core.rules.structure import STRUCTURE_RULES

__all__ = [
    "SEVERITY_ORDER",
    "Diagnostic",
    "Facts",
    "Finding",
    "Intervals",
    "Placed",
    "SEED_RULES",
    "counts",
    "describe_terms",
    "has_errors",
    "validate",
]


def validate(plan: Plan, cat: Catalog | None = None, digest: str | None = None) -> list[Diagnostic]:
    """Every diagnostic for `plan`: errors first, then warnings, then suggestions.

    `digest` is the plan's `plan_digest`, when the caller has computed it already.
    """
    cat = cat or catalog()
    facts = Facts(plan, cat)
    rules = cat.rules
    diagnostics = []
    findings = [rule(facts) for rule in STRUCTURE_RULES + SEED_RULES]
    findings.append(approval_rules(plan, digest))
    for found in findings:
        for rule_id, item, parameters in found:
            rule = rules[rule_id]
            diagnostics.append(
                Diagnostic(
                    rule.severity, rule_id, item, rule.message.format(**parameters), rule.source, parameters
                )
            )
    apply_waivers(plan, diagnostics, cat)
    diagnostics.sort(key=lambda d: SEVERITY_ORDER[d.severity])
    return diagnostics
