"""Waivers silence one diagnostic and say who, when and why; approvals hold until the content changes."""

from __future__ import annotations

import datetime

from planner.core.digest import plan_digest
from planner.core.model import Approval, Comment, Item, Waiver
from planner.core.outcome import approval_state
from planner.core.storage import dumps, parse_plan
from planner.core.validate import counts, has_errors, validate
from tests.unit.advisor_plans import alex

DAY = datetime.date(2026, 12, 3)


def keyed(plan) -> dict[tuple[str, str | None], object]:
    return {(d.rule, d.item): d for d in validate(plan)}


def test_a_waiver_marks_its_diagnostic_with_who_when_and_why() -> None:
    plan = alex()
    plan.waivers.append(
        Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="On file.")
    )
    diagnostic = keyed(plan)[("associate-coursework", "aas")]
    assert diagnostic.waived is plan.waivers[0]  # type: ignore[attr-defined]
    assert diagnostic.to_json()["waived"] == {"by": "J. Kim", "date": "2026-12-03", "reason": "On file."}  # type: ignore[attr-defined]
    assert counts(validate(plan))["warning"] == 0


def test_a_waived_error_does_not_count() -> None:
    plan = alex()
    plan.item("aas").accredited_by = None  # type: ignore[union-attr]
    assert has_errors(validate(plan))
    for rule in ("rhit-exam-needs-cahiim-associate", "rhit-not-via-other-training"):
        plan.waivers.append(
            Waiver(rule=rule, item="rhit-exam", by="J. Kim", date=DAY, reason="Accreditation pending.")
        )
    diagnostics = validate(plan)
    assert not has_errors(diagnostics)
    assert counts(diagnostics)["error"] == 0
    assert sum(1 for d in diagnostics if d.waived is not None) == 2


def test_a_waiver_on_another_item_does_not_apply_and_is_stale() -> None:
    plan = alex()
    plan.waivers.append(Waiver(rule="associate-coursework", item="tech", by="J. Kim", date=DAY, reason="x"))
    found = keyed(plan)
    assert found[("associate-coursework", "aas")].waived is None  # type: ignore[attr-defined]
    stale = found[("waiver-stale", "tech")]
    assert stale.severity == "warning"  # type: ignore[attr-defined]
    assert "associate-coursework" in stale.message and "J. Kim" in stale.message  # type: ignore[attr-defined]


def test_a_waiver_that_no_longer_matches_after_a_fix_is_reported_stale() -> None:
    plan = alex()
    plan.waivers.append(Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="x"))
    assert ("waiver-stale", "aas") not in keyed(plan)
    plan.item("aas").covers = None  # type: ignore[union-attr]  # no coursework given: the rule stays quiet
    assert ("waiver-stale", "aas") in keyed(plan)


def test_a_waiver_without_item_matches_the_diagnostic_without_item() -> None:
    plan = alex()
    plan.approvals.append(Approval(by="J. Kim", date=DAY, digest="sha256:" + "0" * 64))
    assert ("approval-outdated", None) in keyed(plan)
    plan.waivers.append(
        Waiver(rule="approval-outdated", by="J. Kim", date=DAY, reason="Re-signing next week.")
    )
    found = keyed(plan)
    assert found[("approval-outdated", None)].waived is plan.waivers[0]  # type: ignore[attr-defined]
    assert ("waiver-stale", None) not in found


def test_a_waiver_without_item_does_not_match_a_diagnostic_on_an_item() -> None:
    plan = alex()
    plan.waivers.append(Waiver(rule="associate-coursework", by="J. Kim", date=DAY, reason="x"))
    found = keyed(plan)
    assert found[("associate-coursework", "aas")].waived is None  # type: ignore[attr-defined]
    assert ("waiver-stale", None) in found


def test_an_approval_holds_until_the_content_changes() -> None:
    plan = alex()
    plan.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(plan)))
    assert ("approval-outdated", None) not in keyed(plan)
    assert approval_state(plan).state == "current"

    # Rewriting the layout and adding a comment leave it intact.
    again = parse_plan(dumps(plan), "alex.toml")
    again.comments.append(Comment(author="J. Kim", date=DAY, text="Looks good."))
    assert ("approval-outdated", None) not in keyed(again)

    # Changing an item breaks it, and says whose approval and from when.
    again.item("tech").end = again.item("tech").end.next()  # type: ignore[union-attr]
    found = keyed(again)
    assert "J. Kim" in found[("approval-outdated", None)].message  # type: ignore[attr-defined]
    assert "2026-12-03" in found[("approval-outdated", None)].message  # type: ignore[attr-defined]
    assert approval_state(again).state == "outdated"


def test_a_waiver_is_content_so_adding_one_voids_the_approval() -> None:
    plan = alex()
    plan.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(plan)))
    plan.waivers.append(Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="x"))
    assert ("approval-outdated", None) in keyed(plan)


def test_only_each_approvers_latest_approval_counts() -> None:
    plan = alex()
    old = plan_digest(plan)
    plan.items.append(Item(id="chps", requirement="chps", start="2031-spring"))
    new = plan_digest(plan)
    plan.approvals.append(Approval(by="J. Kim", date=datetime.date(2026, 1, 5), digest=old))
    plan.approvals.append(Approval(by="J. Kim", date=DAY, digest=new))
    assert ("approval-outdated", None) not in keyed(plan)
    state = approval_state(plan)
    assert [a.date for a in state.current] == [DAY] and state.outdated == []

    # Another approver's old approval still warns, and names them.
    plan.approvals.insert(0, Approval(by="M. Ortiz", date=datetime.date(2026, 1, 5), digest=old))
    outdated = [d for d in validate(plan) if d.rule == "approval-outdated"]
    assert len(outdated) == 1 and "M. Ortiz" in outdated[0].message
    assert (
        approval_state(plan).describe() == "out of date: M. Ortiz (2026-01-05); current: J. Kim (2026-12-03)"
    )
