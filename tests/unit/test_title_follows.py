"""A title the planner generated follows the goal and the name; a title a person wrote is kept
(issue 13 item 5)."""

from __future__ import annotations

from planner.core.edits import TITLE, change_profile
from planner.core.packs import builtin_pack
from planner.core.starter import starter_plan
from planner.core.terms import Term

PACK = builtin_pack("hit-2026")


def _plan():
    return starter_plan("rhit", Term.parse("2027-fall"), name="Maya Chen", rules="hit-2026", pack=PACK)


def test_a_generated_title_follows_the_goal_and_undo_takes_it_back() -> None:
    plan = _plan()
    assert plan.title == f"Maya Chen: {PACK.goals['rhit'].name}"
    edit = change_profile(plan, {"goal": "coding-specialist"})
    assert edit is not None
    edit.apply(plan)
    assert plan.title == f"Maya Chen: {PACK.goals['coding-specialist'].name}"
    edit.revert(plan)
    assert plan.title == f"Maya Chen: {PACK.goals['rhit'].name}"


def test_a_generated_title_follows_the_name() -> None:
    plan = _plan()
    change_profile(plan, {"name": "Maya Chen-Ortiz"}).apply(plan)  # type: ignore[union-attr]
    assert plan.title == f"Maya Chen-Ortiz: {PACK.goals['rhit'].name}"
    change_profile(plan, {"name": ""}).apply(plan)  # type: ignore[union-attr]
    assert plan.title == PACK.goals["rhit"].name


def test_a_title_a_person_wrote_is_kept() -> None:
    plan = _plan()
    plan.title = "Maya: RHIT through Lakeside"
    change_profile(plan, {"goal": "coding-specialist", "name": "M. Chen"}).apply(plan)  # type: ignore[union-attr]
    assert plan.title == "Maya: RHIT through Lakeside"


def test_a_title_written_in_the_same_edit_wins() -> None:
    plan = _plan()
    change_profile(plan, {"goal": "coding-specialist", TITLE: "My own words"}).apply(plan)  # type: ignore[union-attr]
    assert plan.title == "My own words"
