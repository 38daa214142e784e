"""Where a plan leads (outcome) and what changed between two plans (diff, what-if, textconv)."""

from __future__ import annotations

import datetime
import json

from planner.core.diff import diff_lines, diff_plans, textconv_lines
from planner.core.digest import plan_digest
from planner.core.model import Approval, Comment, Item, Waiver
from planner.core.outcome import goal_terms, outcome
from planner.core.storage import dumps, parse_plan
from planner.core.terms import Term
from tests.unit.advisor_plans import alex

DAY = datetime.date(2026, 12, 3)


# --- outcome ----------------------------------------------------------------------------------


def test_the_plan_finishes_when_the_goals_last_milestone_ends() -> None:
    held, reached, finishes = goal_terms(alex())
    assert (held, str(reached), str(finishes)) == (False, "2032-summer", "2033-fall")


def test_a_goal_job_without_end_runs_to_the_end_of_the_plan() -> None:
    plan = alex()
    plan.item("coder").end = None  # type: ignore[union-attr]
    plan.items.append(Item(id="ceu-2", requirement="continuing-education", start="2034-fall", renews="rhit"))
    assert str(goal_terms(plan)[2]) == "2034-fall"


def test_a_goal_not_in_the_plan_or_held_already() -> None:
    plan = alex()
    plan.items = [item for item in plan.items if item.id != "coder"]
    assert goal_terms(plan) == (False, None, None)
    assert outcome(plan).describe_finish() == "not planned"
    plan.profile.role = "coding-specialist"
    assert goal_terms(plan)[0] is True
    assert outcome(plan).describe_finish() == "held already"
    plan.profile.goal = "astronaut"
    assert outcome(plan).describe_finish() == "no goal"


def test_the_outcome_counts_diagnostics_apart_from_waived_ones() -> None:
    plan = alex()
    plan.waivers.append(Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="x"))
    result = outcome(plan)
    assert result.counts == {"error": 0, "warning": 0, "suggestion": 1}
    assert result.waived == 1
    assert result.to_json()["approval"] == {"state": "none", "current": [], "outdated": []}


# --- diff -------------------------------------------------------------------------------------


def test_layout_and_item_order_are_not_differences() -> None:
    old = alex()
    new = parse_plan(dumps(old), "new.toml")
    new.items.reverse()
    result = diff_plans(old, new)
    assert result.equal
    assert diff_lines(result) == []


def test_changes_are_reported_by_item_id_and_field() -> None:
    old, new = alex(), alex()
    new.item("tech").end = Term.parse("2032-spring")  # type: ignore[union-attr]
    new.item("aas").notes = None  # type: ignore[union-attr]
    new.item("cert").set("issuer", "BMSC")  # type: ignore[union-attr]
    new.profile.name = "Alex R."
    new.title = "Alex: coding"
    result = diff_plans(old, new)
    changed = {c.id: {f.field: (f.old, f.new) for f in c.changes} for c in result.items_changed}
    assert changed == {
        "tech": {"end": ("2031-fall", "2032-spring")},
        "aas": {"notes": ("Evening classes; online option.", None)},
        "cert": {"issuer": ("AAPC", "BMSC")},
    }
    assert [(c.field, c.new) for c in result.profile] == [("name", "Alex R.")]
    assert [(c.field, c.new) for c in result.plan] == [("title", "Alex: coding")]
    lines = diff_lines(result)
    assert 'item tech: end: "2031-fall" -> "2032-spring"' in lines
    assert 'item aas: notes: "Evening classes; online option." -> (absent)' in lines


def test_items_added_and_removed() -> None:
    old, new = alex(), alex()
    new.items = [item for item in new.items if item.id != "ceu"]
    new.items.append(Item(id="chps", requirement="chps", start="2031-spring", issuer="AHIMA"))
    result = diff_plans(old, new)
    assert [item.id for item in result.items_added] == ["chps"]
    assert [item.id for item in result.items_removed] == ["ceu"]
    assert 'item chps added: CHPS, "2031-spring"' in diff_lines(result)


def test_a_repeated_id_is_paired_by_occurrence() -> None:
    old, new = alex(), alex()
    old.items.append(Item(id="tech", requirement="health-information-technician", start="2034-spring"))
    new.items.append(Item(id="tech", requirement="health-information-technician", start="2034-fall"))
    result = diff_plans(old, new)
    assert [(c.id, [f.field for f in c.changes]) for c in result.items_changed] == [("tech", ["start"])]


def test_numbers_and_booleans_of_another_type_differ() -> None:
    old, new = alex(), alex()
    old.profile.healthcare_experience_years = 1
    new.profile.healthcare_experience_years = 1.0
    assert [c.field for c in diff_plans(old, new).profile] == ["healthcare_experience_years"]


def test_comments_waivers_and_approvals() -> None:
    old = alex()
    old.waivers.append(Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="x"))
    new = parse_plan(dumps(old), "new.toml")
    new.comments.append(Comment(author="M. Ortiz", date=DAY, item="tech", text="Ask about evening shifts."))
    new.waivers[0].reason = "Transcript on file."
    new.approvals.append(Approval(by="M. Ortiz", date=DAY, digest=plan_digest(new)))
    result = diff_plans(old, new)
    assert [c.text for c in result.comments_added] == ["Ask about evening shifts."]  # type: ignore[attr-defined]
    assert [[f.field for f in w.changes] for w in result.waivers_changed] == [["reason"]]
    assert [a.by for a in result.approvals_added] == ["M. Ortiz"]  # type: ignore[attr-defined]
    lines = diff_lines(result)
    assert 'comment added: "M. Ortiz", 2026-12-03, on "tech": "Ask about evening shifts."' in lines
    assert 'approval added: "M. Ortiz", 2026-12-03' in lines


def test_diagnostics_that_appear_go_away_or_become_waived() -> None:
    old, new = alex(), alex()
    new.item("aas").accredited_by = None  # type: ignore[union-attr]  # the exam needs CAHIIM
    new.item("aas").covers = None  # type: ignore[union-attr]  # no coursework given: no warning
    result = diff_plans(old, new)
    assert {(d.rule, d.item) for d in result.appeared} == {
        ("rhit-exam-needs-cahiim-associate", "rhit-exam"),
        ("rhit-not-via-other-training", "rhit-exam"),
    }
    assert {(d.rule, d.item) for d in result.went_away} == {("associate-coursework", "aas")}

    waived = alex()
    waived.waivers.append(Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="x"))
    result = diff_plans(alex(), waived)
    assert [(d.rule, d.item) for d in result.now_waived] == [("associate-coursework", "aas")]
    assert [(d.rule, d.item) for d in diff_plans(waived, alex()).no_longer_waived] == [
        ("associate-coursework", "aas")
    ]


def test_what_if_two_routes_compare_by_finishing_term_and_errors() -> None:
    route_a = alex()
    route_b = alex()
    # Route B skips the technician years: coding certification right after RHIT.
    route_b.items = [item for item in route_b.items if item.id not in ("tech", "ceu")]
    route_b.item("cert").start = Term.parse("2030-spring")  # type: ignore[union-attr]
    route_b.item("cert").after = ["rhit"]  # type: ignore[union-attr]
    route_b.item("coder").start = Term.parse("2030-summer")  # type: ignore[union-attr]
    route_b.item("coder").end = Term.parse("2031-fall")  # type: ignore[union-attr]
    result = diff_plans(route_a, route_b)
    assert result.old_outcome is not None and result.new_outcome is not None
    assert str(result.old_outcome.finishes) == "2033-fall"
    assert str(result.new_outcome.finishes) == "2031-fall"
    document = result.to_json()
    assert document["outcome"]["old"]["finishes"] == "2033-fall"
    assert document["outcome"]["new"]["goal_reached"] == "2030-summer"
    assert document["outcome"]["new"]["counts"]["error"] == 0


def test_the_json_form_holds_dates_and_unknown_keys() -> None:
    old, new = alex(), alex()
    new.extra["reviewed"] = datetime.date(2026, 12, 1)
    new.item("aas").extra["credits"] = 60  # type: ignore[union-attr]
    new.comments.append(Comment(author="J. Kim", date=DAY, text="Seen."))
    document = diff_plans(old, new).to_json()
    json.dumps(document)
    assert document["plan"] == [{"field": "reviewed", "old": None, "new": "2026-12-01"}]
    assert document["items"]["changed"] == [
        {"id": "aas", "changes": [{"field": "credits", "old": None, "new": 60}]}
    ]
    assert document["comments"]["added"] == [{"author": "J. Kim", "date": "2026-12-03", "text": "Seen."}]
    assert document["equal"] is False


# --- textconv ---------------------------------------------------------------------------------


def test_textconv_lines_name_their_item_and_ignore_item_order() -> None:
    plan = alex()
    lines = textconv_lines(plan)
    assert 'item tech: end = "2031-fall"' in lines
    assert 'profile.goal = "coding-specialist"' in lines
    assert any(line.startswith("outcome: goal coding-specialist, finishes 2033-fall") for line in lines)
    assert any(line.startswith("diagnostic: warning associate-coursework [aas]") for line in lines)
    plan.items.reverse()
    assert textconv_lines(plan) == lines


def test_textconv_keeps_every_string_on_one_line() -> None:
    plan = alex()
    plan.item("aas").notes = "line one\nline two\x1b]52;c;aGk=\x07"  # type: ignore[union-attr]
    lines = textconv_lines(plan)
    notes = [line for line in lines if line.startswith("item aas: notes")]
    assert notes == ['item aas: notes = "line one\\nline two\\u001b]52;c;aGk=\\u0007"']
