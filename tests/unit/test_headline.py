"""The headline: a diagnostic as a person would say it, with the item's title (the app's words;
`planner check` keeps the rule's message)."""

from __future__ import annotations

from planner.core.headline import headline
from planner.core.packs import builtin_pack
from planner.core.storage import load
from planner.core.validate import validate
from tests.unit.plan_builders import item, plan

HIT_2008 = builtin_pack("hit-2008")


def _headline(the_plan, rule: str, pack=HIT_2008) -> str:
    found = [d for d in validate(the_plan, pack) if d.rule == rule]
    assert found, rule
    return headline(found[0], the_plan, pack)


def test_waiting_names_both_items_by_title_and_no_rule_words() -> None:
    the_plan = plan(
        item(
            "aas",
            "associate-hit",
            "2027-fall",
            "2029-spring",
            title="AAS HIT, Lakeside",
            accredited_by="CAHIIM",
        ),
        item("rhit-exam", "rhit-exam", "2029-spring", after=["aas"]),
    )
    words = _headline(the_plan, "after-not-respected")
    assert words == (
        'The RHIT exam starts in 2029-spring, but it has to wait until "AAS HIT, Lakeside" is over, '
        "and that ends in 2029-spring."
    )
    assert "waits for" not in words and "after-not-respected" not in words


def test_an_exam_before_a_planned_degree_ends_says_so_not_that_none_is_planned() -> None:
    the_plan = plan(
        item(
            "aas",
            "associate-hit",
            "2027-fall",
            "2029-spring",
            title="AAS HIT, Lakeside",
            accredited_by="CAHIIM",
        ),
        item("rhit-exam", "rhit-exam", "2029-spring"),
    )
    words = _headline(the_plan, "rhit-exam-needs-cahiim-associate")
    assert 'but "AAS HIT, Lakeside" only ends in 2029-spring' in words
    assert "none is planned" not in words


def test_an_unknown_reference_says_what_the_item_waits_for() -> None:
    the_plan = plan(
        item("rhit-exam", "rhit-exam", "2029-fall", title="RHIT exam, first try", after=["associate-hit"])
    )
    words = _headline(the_plan, "unknown-reference")
    assert words.startswith('RHIT exam, first try waits for "associate-hit", which is not')
    assert "after names" not in words


def test_a_job_is_named_by_its_title() -> None:
    the_plan = load("plans/clerk-to-technician.toml").plan
    words = _headline(the_plan, "employers-prefer-rhit")
    assert words.startswith(
        "Health information technician, Eastside Community Hospital starts in 2028-summer"
    )
    assert "This job" not in words


def test_a_plan_wide_diagnostic_keeps_its_message() -> None:
    the_plan = load("tests/fixtures/alex.toml").plan
    found = [d for d in validate(the_plan, HIT_2008) if d.item is None]
    assert found and all(headline(d, the_plan, HIT_2008) == d.message for d in found)
