"""Edits and undo/redo (planner.core.edits): each edit changes what it says and undoes exactly."""

from __future__ import annotations

import pytest

from planner.core import edits
from planner.core.model import Item, Plan
from planner.core.nextsteps import next_steps
from planner.core.starter import new_profile
from planner.core.storage import dumps
from planner.core.terms import Term
from planner.core.validate import validate


def make_plan() -> Plan:
    plan = Plan(title="Test", profile=new_profile("rhit", Term.parse("2027-fall")))
    plan.items.append(Item(id="aas", requirement="associate-hit", start="2027-fall", end="2029-spring"))
    plan.items.append(Item(id="exam", requirement="rhit-exam", start="2029-summer", after=["aas"]))
    plan.items.append(Item(id="job", requirement="health-information-technician", start="2030-spring"))
    return plan


def test_move_later_shifts_start_and_end_and_undo_restores_the_file_text():
    plan = make_plan()
    before = dumps(plan)
    history = edits.History(plan)
    focus = history.do(edits.move_item(plan, plan.items[0], 1))
    assert str(plan.items[0].start) == "2028-spring"
    assert str(plan.items[0].end) == "2029-summer"
    assert focus is plan.items[0]
    assert history.modified
    history.undo()
    assert dumps(plan) == before
    assert not history.modified
    history.redo()
    assert str(plan.items[0].start) == "2028-spring"


def test_move_earlier_keeps_a_missing_end_missing():
    plan = make_plan()
    edits.History(plan).do(edits.move_item(plan, plan.items[1], -2))
    assert str(plan.items[1].start) == "2028-fall"
    assert plan.items[1].end is None


def test_an_edit_replaces_the_item_so_a_snapshot_keeps_the_old_one():
    plan = make_plan()
    old = plan.items[0]
    copy = edits.snapshot(plan)
    edits.History(plan).do(edits.change_item(plan, old, {"title": "AAS"}))
    assert copy.items[0] is old and old.title is None
    assert plan.items[0].title == "AAS"


def test_lengthen_and_shorten_move_the_end_and_refuse_below_one_term():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.resize_item(plan, plan.items[1], 1))
    assert str(plan.items[1].end) == "2029-fall"
    history.do(edits.resize_item(plan, plan.items[1], -1))
    assert plan.items[1].end is None  # one term again: no end needed
    with pytest.raises(edits.EditRefused, match="one term already"):
        edits.resize_item(plan, plan.items[1], -1)


def test_lengthening_an_open_ended_job_starts_from_where_it_runs_to():
    plan = make_plan()
    job = plan.items[2]
    edit = edits.resize_item(plan, job, 1, current_end=Term.parse("2031-spring"))
    edits.History(plan).do(edit)
    assert str(plan.items[2].end) == "2031-summer"


def test_a_job_shortened_to_one_term_keeps_an_explicit_end():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.change_item(plan, plan.items[2], {"end": "2030-summer"}))
    history.do(edits.resize_item(plan, plan.items[2], -1))
    assert str(plan.items[2].end) == "2030-spring"


def test_change_item_with_no_change_is_no_edit():
    plan = make_plan()
    assert edits.change_item(plan, plan.items[0], {"start": "2027-fall"}) is None


def test_a_bad_value_goes_where_validation_sees_it():
    plan = make_plan()
    edits.History(plan).do(edits.change_item(plan, plan.items[0], {"end": "someday"}))
    assert plan.items[0].invalid == {"end": "someday"}
    assert any(d.rule == "bad-term" or d.rule == "bad-value" for d in validate(plan))


def test_renaming_an_item_renames_the_references_to_it_and_undo_puts_them_back():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.change_item(plan, plan.items[0], {"id": "degree"}))
    assert plan.items[0].id == "degree"
    assert plan.items[1].after == ["degree"]
    history.undo()
    assert plan.items[0].id == "aas" and plan.items[1].after == ["aas"]


def test_delete_then_undo_puts_the_same_item_back_in_its_place():
    plan = make_plan()
    item = plan.items[1]
    history = edits.History(plan)
    focus = history.do(edits.delete_item(plan, item))
    assert [i.id for i in plan.items] == ["aas", "job"]
    assert focus is plan.items[1]
    edit, focus = history.undo()
    assert plan.items[1] is item and focus is item


def test_take_step_adds_the_item_at_its_proposed_terms():
    plan = make_plan()
    del plan.items[1:]
    step = next_steps(plan)[0]
    history = edits.History(plan)
    item = history.do(edits.take_step(plan, step))
    assert item.id == step.id and item.start == step.start
    assert plan.items[-1] is item


def test_taking_every_step_at_once_is_one_undo_and_leaves_no_error():
    plan = Plan(title="New", profile=new_profile("coding-specialist", Term.parse("2027-fall")))
    history = edits.History(plan)
    history.do(edits.take_steps(plan, next_steps(plan)))
    assert plan.items and not any(d.severity == "error" for d in validate(plan))
    history.undo()
    assert plan.items == []
    assert edits.take_steps(plan, []) is None


def test_change_profile_sets_fields_and_title_and_undoes():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.change_profile(plan, {"healthcare_experience_years": 2, "title": "Mine"}))
    assert plan.profile.healthcare_experience_years == 2 and plan.title == "Mine"
    history.undo()
    assert plan.profile.healthcare_experience_years == 0 and plan.title == "Test"
    assert edits.change_profile(plan, {"goal": "rhit"}) is None


def test_changing_one_profile_field_says_which_so_undo_can_name_it():
    plan = make_plan()
    assert edits.change_profile(plan, {"goal": "coding-specialist"}).description == "change the goal"
    both = edits.change_profile(plan, {"goal": "coding-specialist", "role": "health-information-clerk"})
    assert both.description == "edit the profile"
    assert edits.change_profile(plan, {"goal": "rhit", "title": "Mine"}).description == "edit the profile"


def test_undo_and_redo_with_nothing_to_do_return_none():
    history = edits.History(make_plan())
    assert history.undo() is None and history.redo() is None
    assert not history.can_undo and not history.can_redo


def test_saved_state_is_remembered_across_undo_and_redo():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.move_item(plan, plan.items[0], 1))
    history.mark_saved()
    assert not history.modified
    history.undo()
    assert history.modified
    history.redo()
    assert not history.modified
    history.undo()
    history.do(edits.move_item(plan, plan.items[0], -1))  # the saved state can no longer be reached
    assert history.modified
    history.undo()
    assert history.modified


def test_version_changes_at_every_change_and_differs_between_histories():
    plan = make_plan()
    history = edits.History(plan)
    seen = {history.version}
    history.do(edits.move_item(plan, plan.items[0], 1))
    seen.add(history.version)
    history.undo()
    seen.add(history.version)
    history.redo()
    seen.add(history.version)
    assert len(seen) == 4
    assert edits.History(plan).version not in seen  # a reloaded plan never matches an old result


def test_an_edit_costs_the_same_on_a_big_plan_because_it_keeps_no_copy_of_the_plan():
    plan = make_plan()
    for number in range(2000):
        plan.items.append(Item(id=f"c{number}", requirement="course", start="2028-fall"))
    edit = edits.move_item(plan, plan.items[5], 1)
    assert isinstance(edit, edits.ReplaceRecord)  # one record kept for undo, not 2,003


def test_a_save_that_began_before_an_edit_marks_the_state_it_wrote():
    plan = make_plan()
    history = edits.History(plan)
    history.do(edits.move_item(plan, plan.items[0], 1))
    state = history.next_undo  # the save begins here
    history.do(edits.move_item(plan, plan.items[0], 1))  # an edit while it writes
    history.mark_saved(state)
    assert history.modified
    history.undo()
    assert not history.modified
