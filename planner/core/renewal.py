"""Renewal: the terms in which continuing education must renew each credential of a plan.

`credential-renewal` warns when a credential goes more than the pack's cycle without continuing
education renewing it; this module says where the renewals it still needs go: in the last term
each cycle allows, up to the plan's end. The fix of that rule and the next steps both use it, so
what they propose is what the rule asks for.
"""

from __future__ import annotations

from planner.core.model import Item
from planner.core.validate import Facts


class Renewal:
    """One continuing-education term a credential still needs."""

    __slots__ = ("credential", "renews", "item", "term", "since")

    def __init__(self, credential: str, renews: str, item: Item | None, term: int, since: int) -> None:
        self.credential = credential
        """The credential's catalog id (rhit, chps, ...)."""
        self.renews = renews
        """What the continuing-education item's `renews` names: the credential item's id, or the
        catalog id for a credential the profile holds."""
        self.item = item
        """The credential's item, or None when the profile holds it."""
        self.term = term
        """The term index the renewal goes in: the last one the cycle allows."""
        self.since = since
        """The term index of the credential's start or last renewal, where the cycle began."""

    def __repr__(self) -> str:
        return f"Renewal({self.renews} at {self.term})"


def missing_renewals(facts: Facts) -> list[Renewal]:
    """Every renewal the plan's credentials still need, credential by credential, in term order.

    The stretches are those `credential-renewal` measures: from the credential's first term (the
    plan's start for one the profile holds) to the plan's end, split by the continuing-education
    items that renew it, by its item's id or its catalog id.
    """
    if facts.plan_end is None:
        return []
    limit = facts.cat.parameters["renewal_terms"]
    renewed: dict[str, list[int]] = {}
    for ceu in facts.of("continuing-education"):
        if ceu.item.renews:
            renewed.setdefault(ceu.item.renews, []).append(ceu.start)
    held: list[tuple[Item | None, str, int]] = []
    if facts.plan_start is not None:
        held += [(None, credential, facts.plan_start) for credential in facts.held_in_profile]
    held += [(p.item, p.milestone.id, p.start) for c in facts.cat.credentials for p in facts.of(c)]
    needed: list[Renewal] = []
    for item, credential, start in held:
        item_id = item.id if item is not None else None
        own = renewed.get(item_id, []) if item_id and item_id != credential else []
        end = max(facts.plan_end, start)
        points = sorted({term for term in (*own, *renewed.get(credential, ())) if start < term < end})
        renews = item_id if item_id else credential
        last = start
        for point in (*points, end):
            while point - last > limit:
                needed.append(Renewal(credential, renews, item, last + limit, last))
                last += limit
            last = point
    return needed


def units_needed(cat: object, credential: str) -> float | None:
    """The continuing-education units a cycle of this credential asks for, where the rules say
    (a rule with `units` by credential, as `ceu-units` under `hit-2026`); None where they do not."""
    rules = getattr(cat, "rules", {})
    for rule in rules.values():
        units = (getattr(rule, "params", None) or {}).get("units")
        if isinstance(units, dict) and credential in units:
            return units[credential]
    return None
