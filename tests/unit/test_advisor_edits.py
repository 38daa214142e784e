"""The advisor's edits (planner.core.edits): comment, waive, remove a waiver, sign; each undoes exactly."""

from __future__ import annotations

import datetime

import pytest

from planner.core import edits
from planner.core.digest import plan_digest
from planner.core.outcome import approval_state
from planner.core.storage import dumps
from planner.core.validate import counts, validate
from tests.unit.advisor_plans import alex

DAY = datetime.date(2026, 12, 3)


def rules(plan) -> set[tuple[str, str | None]]:
    """(rule, item) of every diagnostic that is not waived."""
    return {(d.rule, d.item) for d in validate(plan) if d.waived is None}


# --- comments ---------------------------------------------------------------------------------


def test_add_comment_on_an_item_then_undo_and_redo() -> None:
    plan = alex()
    before = dumps(plan)
    history = edits.History(plan)
    focus = history.do(edits.add_comment(plan, " J. Kim ", "Book the exam early.\n", "rhit-exam", DAY))
    comment = plan.comments[-1]
    assert (comment.author, comment.date, comment.item, comment.text) == (
        "J. Kim",
        DAY,
        "rhit-exam",
        "Book the exam early.",
    )
    assert focus is plan.item("rhit-exam")  # the cursor goes to the item the comment is on
    assert history.modified
    history.undo()
    assert dumps(plan) == before and not history.modified
    history.redo()
    assert plan.comments[-1] is comment


def test_a_comment_on_the_whole_plan_keeps_multi_line_text() -> None:
    plan = alex()
    edits.History(plan).do(edits.add_comment(plan, "J. Kim", "Two things:\n- one\n- two", None, DAY))
    assert plan.comments[-1].item is None
    assert plan.comments[-1].text == "Two things:\n- one\n- two"
    assert "[[comments]]" in dumps(plan) and "item" not in plan.comments[-1].to_toml()


def test_delete_a_comment_then_undo_puts_it_back_where_it_was() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.add_comment(plan, "J. Kim", "First.", None, DAY))
    history.do(edits.add_comment(plan, "J. Kim", "Second.", None, DAY))
    saved = dumps(plan)
    history.mark_saved()
    middle = plan.comments[-2]
    history.do(edits.delete_comment(plan, middle))
    assert middle not in plan.comments and [c.text for c in plan.comments][-1] == "Second."
    assert history.modified and "First." not in dumps(plan)
    history.undo()
    assert dumps(plan) == saved and plan.comments[-2] is middle and not history.modified


def test_deleting_a_comment_no_longer_in_the_plan_is_refused() -> None:
    plan = alex()
    comment = plan.comments[0]
    edits.History(plan).do(edits.delete_comment(plan, comment))
    with pytest.raises(edits.EditRefused, match="no longer in the plan"):
        edits.delete_comment(plan, comment)


@pytest.mark.parametrize(
    ("author", "text", "item", "refusal"),
    [
        ("", "Hello", None, "needs an author"),
        ("J. Kim", "  \n ", None, "is empty"),
        ("J. Kim", "Hello", "no-such-item", "no item no-such-item"),
    ],
)
def test_a_comment_without_author_or_text_or_on_an_unknown_item_is_refused(
    author, text, item, refusal
) -> None:
    plan = alex()
    with pytest.raises(edits.EditRefused, match=refusal):
        edits.add_comment(plan, author, text, item, DAY)


def test_a_comment_does_not_void_an_approval() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.sign(plan, "J. Kim", DAY))
    history.do(edits.add_comment(plan, "Alex", "Thanks!", None, DAY))
    assert approval_state(plan).state == "current"


# --- waivers ----------------------------------------------------------------------------------


def test_waive_a_diagnostic_then_undo_brings_it_back() -> None:
    plan = alex()
    before = dumps(plan)
    assert ("associate-coursework", "aas") in rules(plan)
    warnings = counts(validate(plan))["warning"]
    history = edits.History(plan)
    history.do(edits.add_waiver(plan, "associate-coursework", "aas", "J. Kim", "Taken elsewhere.", DAY))
    waiver = plan.waivers[-1]
    assert (waiver.rule, waiver.item, waiver.by, waiver.date, waiver.reason) == (
        "associate-coursework",
        "aas",
        "J. Kim",
        DAY,
        "Taken elsewhere.",
    )
    waived = [d for d in validate(plan) if d.rule == "associate-coursework"]
    assert waived[0].waived is waiver
    assert counts(validate(plan))["warning"] == warnings - 1
    history.undo()
    assert dumps(plan) == before
    assert ("associate-coursework", "aas") in rules(plan)
    history.redo()
    assert plan.waivers == [waiver]


def test_a_waiver_needs_who_and_why_and_is_not_given_twice() -> None:
    plan = alex()
    with pytest.raises(edits.EditRefused, match="who grants it"):
        edits.add_waiver(plan, "associate-coursework", "aas", " ", "Because.", DAY)
    with pytest.raises(edits.EditRefused, match="needs a reason"):
        edits.add_waiver(plan, "associate-coursework", "aas", "J. Kim", "", DAY)
    edits.History(plan).do(edits.add_waiver(plan, "associate-coursework", "aas", "J. Kim", "Why.", DAY))
    with pytest.raises(edits.EditRefused, match="waived already, by J. Kim"):
        edits.add_waiver(plan, "associate-coursework", "aas", "A. Fischer", "Again.", DAY)


@pytest.mark.parametrize("rule", ["waiver-stale", "approval-outdated"])
def test_stale_waivers_and_outdated_approvals_cannot_be_waived(rule) -> None:
    with pytest.raises(edits.EditRefused, match="instead"):
        edits.add_waiver(alex(), rule, None, "J. Kim", "Why.", DAY)


def test_remove_a_waiver_unwaives_and_undo_puts_it_back_in_place() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.add_waiver(plan, "associate-coursework", "aas", "J. Kim", "One.", DAY))
    history.do(edits.add_waiver(plan, "healthcare-experience", "tech", "J. Kim", "Two.", DAY))
    first, second = plan.waivers
    diagnostic = next(d for d in validate(plan) if d.rule == "associate-coursework")
    assert edits.waiver_for(plan, diagnostic) is first
    history.do(edits.remove_waiver(plan, first))
    assert plan.waivers == [second]
    assert ("associate-coursework", "aas") in rules(plan)
    history.undo()
    assert plan.waivers[0] is first and plan.waivers[1] is second


def test_the_waiver_a_stale_diagnostic_reports_can_be_found_and_removed() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.add_waiver(plan, "healthcare-experience", "tech", "J. Kim", "Has worked.", DAY))
    history.do(edits.add_waiver(plan, "rhit-exam-needs-cahiim-associate", "tech", "J. Kim", "Old.", DAY))
    stale = [d for d in validate(plan) if d.rule == "waiver-stale"]
    assert len(stale) == 1
    waiver = edits.waiver_for(plan, stale[0])
    assert waiver is plan.waivers[1]
    history.do(edits.remove_waiver(plan, waiver))
    assert not [d for d in validate(plan) if d.rule == "waiver-stale"]
    assert edits.waiver_for(plan, next(d for d in validate(plan) if d.rule == "associate-coursework")) is None


# --- approvals --------------------------------------------------------------------------------


def test_sign_binds_an_approval_to_the_digest_and_an_edit_makes_it_outdated_until_undone() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.sign(plan, "J. Kim, advisor", DAY))
    approval = plan.approvals[-1]
    assert (approval.by, approval.date, approval.digest) == ("J. Kim, advisor", DAY, plan_digest(plan))
    assert approval_state(plan).state == "current"
    assert ("approval-outdated", None) not in rules(plan)

    history.do(edits.move_item(plan, plan.item("cert"), 1))
    assert approval_state(plan).state == "outdated"
    assert ("approval-outdated", None) in rules(plan)
    history.undo()
    assert ("approval-outdated", None) not in rules(plan)
    history.undo()
    assert plan.approvals == []


def test_signing_again_is_refused_while_the_approval_holds_and_clears_an_outdated_one() -> None:
    plan = alex()
    history = edits.History(plan)
    history.do(edits.sign(plan, "J. Kim", DAY))
    with pytest.raises(edits.EditRefused, match="Already approved by J. Kim on 2026-12-03"):
        edits.sign(plan, "J. Kim", DAY)
    with pytest.raises(edits.EditRefused, match="needs the name"):
        edits.sign(plan, "  ", DAY)
    history.do(edits.add_waiver(plan, "associate-coursework", "aas", "J. Kim", "Why.", DAY))
    assert approval_state(plan).state == "outdated"  # a waiver is content
    history.do(edits.sign(plan, "J. Kim", DAY))
    assert approval_state(plan).state == "current"
    assert len(plan.approvals) == 2


def test_an_advisor_edit_leaves_a_snapshot_alone() -> None:
    plan = alex()
    comments, approvals = list(plan.comments), list(plan.approvals)
    copy = edits.snapshot(plan)
    edits.History(plan).do(edits.add_comment(plan, "J. Kim", "Hi", None, DAY))
    edits.History(plan).do(edits.sign(plan, "J. Kim", DAY))
    assert copy.comments == comments and copy.approvals == approvals
    assert len(plan.comments) == len(comments) + 1


def test_a_snapshot_keeps_the_files_schema_line_so_the_app_saves_it_back() -> None:
    from planner.core.storage import parse_plan

    plan = parse_plan('#:schema ../hit-career-plan-1.schema.json\nformat = "hit-career-plan/1"\n', "a.toml")
    assert dumps(edits.snapshot(plan)).startswith("#:schema ../hit-career-plan-1.schema.json\n")


@pytest.mark.parametrize("key", ["comments", "waivers", "approvals"])
def test_nothing_is_added_to_a_list_the_file_holds_in_another_shape(key) -> None:
    from planner.core.storage import parse_plan

    plan = parse_plan(
        f'format = "hit-career-plan/1"\n{key} = "see the other file"\n[profile]\ngoal = "rhit"\n', "a.toml"
    )
    build = {
        "comments": lambda: edits.add_comment(plan, "J. Kim", "Hi", None, DAY),
        "waivers": lambda: edits.add_waiver(plan, "associate-coursework", None, "J. Kim", "Why", DAY),
        "approvals": lambda: edits.sign(plan, "J. Kim", DAY),
    }[key]
    with pytest.raises(edits.EditRefused, match=rf"\[\[{key}\]\]"):
        build()
