"""The review the app draws from (planner.core.review)."""

from planner.core.model import Item, Plan
from planner.core.review import review, runs_to
from planner.core.starter import new_profile
from planner.core.terms import Term


def test_review_groups_diagnostics_by_item_and_keeps_the_worst():
    plan = Plan(title="T", profile=new_profile("rhit", Term.parse("2027-fall")))
    plan.items.append(Item(id="exam", requirement="rhit-exam", start="2027-fall"))
    result = review(plan, version=7)
    assert result.version == 7
    assert result.worst["exam"] == "error"
    assert {d.rule for d in result.by_item["exam"]} >= {"rhit-exam-needs-cahiim-associate"}
    assert result.counts["error"] == result.errors >= 1
    assert [step.requirement for step in result.steps] == ["rhit"]


def test_review_says_where_an_open_ended_job_runs_to():
    plan = Plan(title="T", profile=new_profile("rhit", Term.parse("2027-fall")))
    job = Item(id="job", requirement="health-information-technician", start="2027-fall")
    plan.items.append(job)
    plan.items.append(Item(id="later", requirement="course", start="2029-fall"))
    result = review(plan)
    assert result.runs_to[id(job)] == Term.parse("2029-fall").index


def test_runs_to_is_where_an_open_ended_job_ends():
    plan = Plan(title="T", profile=new_profile("rhit", Term.parse("2027-fall")))
    job = Item(id="job", requirement="health-information-technician", start="2027-fall")
    plan.items.append(job)
    plan.items.append(Item(id="next", requirement="coding-specialist", start="2029-spring"))
    assert runs_to(plan, job) == Term.parse("2028-fall")
    assert runs_to(plan, plan.items[1]) == Term.parse("2029-spring")
    plan.items[1].set("end", "2030-fall")
    assert runs_to(plan, plan.items[1]) is None
