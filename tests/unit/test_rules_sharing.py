"""Sharing rules: approvals that no longer match, waivers that silence one diagnostic or none."""

from __future__ import annotations

import datetime

from planner.core.digest import plan_digest
from planner.core.model import Approval, Comment, Waiver
from planner.core.validate import counts, has_errors, validate
from tests.unit.plan_builders import degree, exam, item, plan, quiet, rhit_route, the

DAY = datetime.date(2026, 12, 3)

# --- approval-outdated ----------------------------------------------------------------------


def test_an_approval_of_the_plan_as_it_is_holds() -> None:
    subject = plan(*rhit_route())
    subject.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(subject)))
    assert quiet(subject, "approval-outdated")


def test_an_approval_goes_out_of_date_when_the_plan_changes() -> None:
    subject = plan(*rhit_route())
    subject.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(subject)))
    subject.items[1].set("start", "2029-fall")
    d = the(subject, "approval-outdated")
    assert (d.severity, d.item, d.source) == ("warning", None, None)
    assert "J. Kim" in d.message and "2026-12-03" in d.message


def test_a_comment_added_after_the_approval_does_not_void_it() -> None:
    subject = plan(*rhit_route())
    subject.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(subject)))
    subject.comments.append(Comment(author="Alex", text="Thanks!"))
    assert quiet(subject, "approval-outdated")


def test_only_each_approvers_latest_approval_is_judged() -> None:
    subject = plan(*rhit_route())
    subject.approvals.append(Approval(by="J. Kim", date=DAY, digest="sha256:old"))
    subject.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(subject)))
    assert quiet(subject, "approval-outdated")


# --- waivers and waiver-stale ---------------------------------------------------------------


def test_a_waiver_silences_its_rule_on_its_item_and_says_who_and_why() -> None:
    subject = plan(exam(start="2028-spring"))
    subject.waivers.append(
        Waiver(rule="rhit-exam-needs-cahiim-associate", item="exam", by="J. Kim", reason="x")
    )
    d = the(subject, "rhit-exam-needs-cahiim-associate")
    assert d.waived is not None and d.waived.by == "J. Kim"
    assert d.to_json()["waived"] == {"by": "J. Kim", "date": None, "reason": "x"}
    assert not has_errors(validate(subject))
    assert counts(validate(subject))["error"] == 0
    assert quiet(subject, "waiver-stale")


def test_a_waiver_without_item_silences_a_diagnostic_on_the_plan() -> None:
    subject = plan(*rhit_route(), goal="coding-specialist")
    subject.waivers.append(Waiver(rule="specialisation-credential", by="J. Kim"))
    assert the(subject, "specialisation-credential").waived is not None
    assert quiet(subject, "waiver-stale")


def test_a_waiver_that_matches_no_diagnostic_is_stale() -> None:
    subject = plan(*rhit_route())
    subject.waivers.append(Waiver(rule="rhit-exam-needs-cahiim-associate", item="exam", by="J. Kim"))
    d = the(subject, "waiver-stale")
    assert (d.severity, d.item, d.source) == ("warning", "exam", None)
    assert "rhit-exam-needs-cahiim-associate" in d.message and "J. Kim" in d.message


def test_a_waiver_on_another_item_does_not_silence_the_diagnostic() -> None:
    subject = plan(degree(accredited_by=None), exam(), item("late", "rhit-exam", "2031-fall"))
    subject.waivers.append(Waiver(rule="rhit-exam-needs-cahiim-associate", item="late", by="K"))
    waived = {
        d.item: d.waived is not None
        for d in validate(subject)
        if d.rule == "rhit-exam-needs-cahiim-associate"
    }
    assert waived == {"exam": False, "late": True}
    assert has_errors(validate(subject))
