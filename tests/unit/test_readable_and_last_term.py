"""The one way a file value reads to a person, and the one way an item's last term is counted."""

from __future__ import annotations

from planner.core.model import Item
from planner.core.terms import Term
from planner.core.text import readable


def test_a_value_reads_as_a_person_reads_it() -> None:
    assert readable(None) == "" and readable(None, "(none)") == "(none)"
    assert readable(True) == "true" and readable(False) == "false"
    assert (
        readable(["a", "b"]) == "a, b" and readable([]) == "" and readable([], empty="(empty)") == "(empty)"
    )
    assert readable({"x": 1, "y": [True, "z"]}) == "x = 1, y = true, z"
    assert readable(Term.parse("2027-fall")) == "2027-fall"


def test_on_one_line_text_from_a_plan_is_made_safe() -> None:
    assert readable("a\x1b[2Jb\nc", one_line=True) == "a\\x1b[2Jb\\x0ac"
    assert readable(["\x1b"], one_line=True) == "\\x1b"
    assert readable("a\nb") == "a\nb"  # as the file holds it, for exports that escape it themselves


def test_an_end_before_the_start_counts_as_the_start() -> None:
    fall, spring = Term.parse("2027-fall"), Term.parse("2028-spring")
    assert Item(start=fall).last_term() == fall
    assert Item(start=fall, end=spring).last_term() == spring
    assert Item(start=spring, end=fall).last_term() == spring
    assert Item(end=spring).last_term() is None
