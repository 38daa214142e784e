"""A plan at a glance: where it leads, when it gets there, how it stands, who approved it.

What an advisor reads first, and what `diff` compares between two alternatives (what-if),
`check --summary` lists for a caseload, and `export` puts at the top of a report:

- the goal, the term the goal's last milestone starts (`reached`) and the term it ends
  (`finishes`); a job without `end` runs until the next job or the plan's end, as in the rules;
- the diagnostics counted by severity (waived ones apart);
- the approval state: for each approver, their latest approval (the last in the file) and
  whether it still matches the plan's content.
"""

from __future__ import annotations

from typing import Any

from planner.core.catalog import Pack
from planner.core.diagnostic import Diagnostic, counts
from planner.core.model import Approval, Plan
from planner.core.placed import Facts, Placed
from planner.core.terms import Term


class ApprovalState:
    """Each approver's latest approval, split into those that hold and those out of date."""

    __slots__ = ("current", "outdated")

    def __init__(self, current: list[Approval], outdated: list[Approval]) -> None:
        self.current = current
        """Latest approvals whose digest matches the plan."""
        self.outdated = outdated
        """Latest approvals whose digest no longer matches (or is missing)."""

    @property
    def state(self) -> str:
        """ "none", "current" (every approver's latest approval holds) or "outdated"."""
        if self.outdated:
            return "outdated"
        return "current" if self.current else "none"

    def to_json(self) -> dict[str, Any]:
        """{"state", "current": [{by, date}], "outdated": [{by, date}]}."""
        return {
            "state": self.state,
            "current": [_approval_json(a) for a in self.current],
            "outdated": [_approval_json(a) for a in self.outdated],
        }

    def describe(self) -> str:
        """In words: "none", "current (J. Kim, 2026-12-03)", "out of date: J. Kim (2026-12-03)"."""
        if self.outdated:
            text = "out of date: " + ", ".join(_who(a) for a in self.outdated)
            if self.current:
                text += "; current: " + ", ".join(_who(a) for a in self.current)
            return text
        if self.current:
            return "current: " + ", ".join(_who(a) for a in self.current)
        return "none"


def _approval_json(approval: Approval) -> dict[str, Any]:
    return {"by": approval.by, "date": approval.date.isoformat() if approval.date else None}


def _who(approval: Approval) -> str:
    by = approval.by or "someone"
    return f"{by} ({approval.date.isoformat()})" if approval.date else by


def approval_state(plan: Plan, digest: str | None = None) -> ApprovalState:
    """Which approvers' latest approvals hold for the plan as it is."""
    if not plan.approvals:
        return ApprovalState([], [])
    if digest is None:
        from planner.core.digest import plan_digest

        digest = plan_digest(plan)
    latest: dict[str | None, Approval] = {}
    for approval in plan.approvals:
        latest.pop(approval.by, None)  # re-insert, so that the order is of latest approvals
        latest[approval.by] = approval
    current = [a for a in latest.values() if a.digest == digest]
    outdated = [a for a in latest.values() if a.digest != digest]
    return ApprovalState(current, outdated)


def approval_holding(plan: Plan, by: str, digest: str | None = None) -> Approval | None:
    """`by`'s latest approval when it still holds for the plan as it is, else None."""
    for approval in approval_state(plan, digest).current:
        if approval.by == by:
            return approval
    return None


def new_approval(plan: Plan, by: str, date: Any, digest: str | None = None) -> Approval:
    """An approval by `by`, dated `date`, bound to the plan's content as it is now (not yet added).

    `planner sign` appends it to the plan; the app makes it an undoable edit.
    """
    if digest is None:
        from planner.core.digest import plan_digest

        digest = plan_digest(plan)
    return Approval(by=by, date=date, digest=digest)


class Outcome:
    """Where a plan leads and how it stands."""

    __slots__ = ("goal", "goal_name", "held", "reached", "finishes", "counts", "waived", "approval")

    def __init__(self) -> None:
        self.goal: str | None = None
        """The profile's goal id (as written, even when it is not a goal)."""
        self.goal_name: str | None = None
        """The goal's name, when the catalog knows it."""
        self.held = False
        """True when the profile already holds the goal (its last milestone done or its role)."""
        self.reached: Term | None = None
        """The first term of the item that is the goal's last milestone."""
        self.finishes: Term | None = None
        """The last term of that item: when the plan finishes."""
        self.counts: dict[str, int] = {"error": 0, "warning": 0, "suggestion": 0}
        """Diagnostics by severity, waived ones left out."""
        self.waived = 0
        self.approval = ApprovalState([], [])

    def describe_finish(self) -> str:
        """ "2034-spring", "held already", "not planned" or "no goal"."""
        if self.goal_name is None:
            return "no goal"
        if self.held:
            return "held already"
        return str(self.finishes) if self.finishes else "not planned"

    def describe_finish_and_reach(self) -> str:
        """describe_finish, then "(goal reached 2032-summer)" when the goal starts earlier."""
        text = self.describe_finish()
        if self.reached is not None and self.reached != self.finishes:
            text += f" (goal reached {self.reached})"
        return text

    def describe_counts(self) -> str:
        """ "0 errors, 1 warning, 2 suggestions", and ", 1 waived" when some are."""
        text = ", ".join(f"{n} {name}{'' if n == 1 else 's'}" for name, n in self.counts.items())
        return text + (f", {self.waived} waived" if self.waived else "")

    def to_json(self) -> dict[str, Any]:
        """The outcome as JSON (`diff`, `check --summary`)."""
        return {
            "goal": self.goal,
            "goal_held": self.held,
            "goal_reached": str(self.reached) if self.reached else None,
            "finishes": str(self.finishes) if self.finishes else None,
            "counts": dict(self.counts),
            "waived": self.waived,
            "approval": self.approval.to_json(),
        }


def _fits(step_fields: dict[str, str], placed: Placed) -> bool:
    """True when an item has the facility the goal's last step asks for (if it asks)."""
    facility = step_fields.get("facility")
    return facility is None or placed.item.facility == facility


def goal_terms(
    plan: Plan, cat: Pack | None = None, facts: Facts | None = None
) -> tuple[bool, Term | None, Term | None]:
    """(held, reached, finishes) for the profile's goal; (False, None, None) without a goal."""
    if cat is None:
        from planner.core.packs import plan_pack

        cat = plan_pack(plan)
    goal = cat.goals.get(plan.profile.goal or "")
    if goal is None:
        return False, None, None
    facts = facts or Facts(plan, cat)
    last = goal.path[-1]
    milestone = last.milestone
    if milestone.id in facts.done or (facts.role is milestone and plan.profile.role == milestone.id):
        return True, None, None
    matches = [p for p in facts.placed if p.milestone is milestone and _fits(last.fields, p)]
    if not matches:
        return False, None, None
    first = min(matches, key=lambda p: (p.start, p.position))
    return False, Term(first.start), Term(first.end)


def outcome(plan: Plan, diagnostics: list[Diagnostic] | None = None, cat: Pack | None = None) -> Outcome:
    """The plan's outcome; `diagnostics` are validated when not given."""
    if cat is None:
        from planner.core.packs import plan_pack

        cat = plan_pack(plan)
    if diagnostics is None:
        from planner.core.validate import validate

        diagnostics = validate(plan, cat)
    result = Outcome()
    result.goal = plan.profile.goal
    goal = cat.goals.get(plan.profile.goal or "")
    result.goal_name = goal.name if goal else None
    result.held, result.reached, result.finishes = goal_terms(plan, cat)
    result.counts = counts(diagnostics)
    result.waived = sum(1 for d in diagnostics if d.waived is not None)
    result.approval = approval_state(plan)
    return result
