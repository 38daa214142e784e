"""Everything the app shows about a plan, computed in one pass: a `Review`.

After every edit the app asks for a review and hands it to its panes; a pane only draws what
the review says. A review reads the plan and never changes it, so it can be made from a
`snapshot` in a background thread for a big plan.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalog import Pack
from planner.core.diagnostic import SEVERITY_ORDER, Diagnostic, counts
from planner.core.model import Item, Plan
from planner.core.nextsteps import NextStep, next_steps
from planner.core.outcome import ApprovalState, approval_state
from planner.core.placed import Facts
from planner.core.terms import Term
from planner.core.validate import validate


class Review:
    """Diagnostics, next steps and the timeline's spans for one version of a plan."""

    __slots__ = (
        "version",
        "plan",
        "diagnostics",
        "counts",
        "steps",
        "by_item",
        "worst",
        "runs_to",
        "approval",
        "cat",
    )

    def __init__(
        self, version: int, plan: Plan, diagnostics: list[Diagnostic], steps: list[NextStep]
    ) -> None:
        self.version = version
        """The History version it was made for."""
        self.plan = plan
        """The plan (or snapshot) it was made from."""
        self.diagnostics = diagnostics
        """Every diagnostic, errors first; waived ones included (they have `waived`)."""
        self.counts = counts(diagnostics)
        """How many of each severity are not waived."""
        self.steps = steps
        """The recommended next steps, in order."""
        self.by_item: dict[str, list[Diagnostic]] = {}
        """Diagnostics by the id of the item they are on."""
        self.worst: dict[str, str] = {}
        """The most severe diagnostic that is not waived, by item id."""
        for diagnostic in diagnostics:
            if diagnostic.item is None:
                continue
            self.by_item.setdefault(diagnostic.item, []).append(diagnostic)
            if diagnostic.waived is None:
                known = self.worst.get(diagnostic.item)
                if known is None or SEVERITY_ORDER[diagnostic.severity] < SEVERITY_ORDER[known]:
                    self.worst[diagnostic.item] = diagnostic.severity
        self.runs_to: dict[int, int] = {}
        """For a job with no `end` (keyed by `id(item)`): the last term index it runs to."""
        self.approval = ApprovalState([], [])
        """Whose approvals hold for this version of the plan, and whose are out of date."""
        self.cat: Any = None
        """The rules it was checked against (fixes are worked out against the same)."""

    @property
    def errors(self) -> int:
        """How many errors are not waived."""
        return self.counts["error"]


def review(plan: Plan, version: int = 0, today: Term | None = None, pack: Pack | None = None) -> Review:
    """Validate the plan under `pack`, list its next steps and work out where open-ended jobs end.

    Without `pack`, the built-in pack the plan's `rules` names.
    """
    if pack is None:
        from planner.core.packs import plan_pack

        pack = plan_pack(plan)
    cat = pack
    digest = None
    if plan.approvals:
        from planner.core.digest import plan_digest

        digest = plan_digest(plan)  # once, for the approval state and approval-outdated alike
    result = Review(version, plan, validate(plan, cat, digest), next_steps(plan, cat, today))
    result.cat = cat
    if digest is not None:
        result.approval = approval_state(plan, digest)
    if any(item.end is None for item in plan.items):
        for job in Facts(plan, cat).jobs:
            if job.item.end is None and job.end > job.start:
                result.runs_to[id(job.item)] = job.end
    return result


def runs_to(plan: Plan, item: Item, pack: Pack | None = None) -> Term | None:
    """Where an item without an `end` really ends: a job runs until the next job (or the plan's end).

    None when the item has an `end` of its own, or is not a placed job (`pack` says which
    milestones are jobs: the plan's built-in pack when not given).
    """
    if item.end is not None:
        return None
    if pack is None:
        from planner.core.packs import plan_pack

        pack = plan_pack(plan)
    for job in Facts(plan, pack).jobs:
        if job.item is item:
            return Term(job.end)
    return None
