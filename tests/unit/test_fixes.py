"""Fixes: every rule with a remedy offers it; applied, the finding is gone and no error is new."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from planner.core.edits import History
from planner.core.fixes import NO_FIX, all_fixes, fix_all, fixes_for, has_fix
from planner.core.model import Plan, Waiver
from planner.core.packs import default_pack
from planner.core.starter import starter_plan
from planner.core.terms import Term
from planner.core.validate import Diagnostic, validate
from tests.unit.plan_builders import degree, exam, item, job, plan, rhit, rhit_route, technician

CAT = default_pack()


def waived(subject: Plan, rule: str, item_id: str | None) -> Plan:
    subject.waivers.append(Waiver(rule=rule, item=item_id, by="Ann Advisor", reason="agreed"))
    return subject


def clerk(start: str = "2027-fall", end: str = "2028-fall") -> dict[str, Any]:
    return job("clerk", "health-information-clerk", start, end)


# (rule, item, the plan, a word the title holds, what the fixed plan shows)
Check = Callable[[Plan], bool]
CASES: list[tuple[str, str | None, Callable[[], Plan], str, Check]] = [
    (
        "rhit-exam-needs-cahiim-associate",
        "exam",
        lambda: plan(
            degree(), exam(start="2029-spring", after=["aas"]), rhit(start="2029-summer", after=["exam"])
        ),
        '2029-summer, after the degree "aas" ends',
        lambda p: str(p.item("exam").start) == "2029-summer" and str(p.item("rhit").start) == "2029-fall",
    ),
    (
        "rhit-not-via-other-training",
        "exam",
        lambda: plan(degree(), clerk(), exam(start="2029-spring"), rhit()),
        'after the degree "aas" ends',
        lambda p: str(p.item("exam").start) == "2029-summer",
    ),
    (
        "rhit-needs-exam",
        "rhit",
        lambda: plan(degree(), rhit()),
        "Add the RHIT exam in 2029-summer",
        lambda p: [str(i.start) for i in p.items if i.requirement == "rhit-exam"] == ["2029-summer"],
    ),
    (
        "rhit-needs-exam",
        "rhit",
        lambda: plan(degree(), exam(start="2029-fall"), rhit(start="2029-fall")),
        "Move the RHIT credential to 2030-spring",
        lambda p: str(p.item("rhit").start) == "2030-spring",
    ),
    (
        "after-not-respected",
        "rhit",
        lambda: plan(degree(), exam(after=["aas"]), rhit(start="2029-summer", after=["exam"])),
        'after the RHIT exam "exam" ends',
        lambda p: str(p.item("rhit").start) == "2029-fall",
    ),
    (
        "end-before-start",
        "stats",
        lambda: plan(*rhit_route(), item("stats", "course", "2028-fall", "2028-spring", area="statistics")),
        "end in 2028-fall",
        lambda p: str(p.item("stats").end) == "2028-fall",
    ),
    (
        "duplicate-id",
        "stats",
        lambda: plan(
            *rhit_route(),
            item("stats", "course", "2027-fall", area="statistics"),
            item("stats", "course", "2028-spring", area="statistics"),
        ),
        'the new id "stats-2"',
        lambda p: [i.id for i in p.items[-2:]] == ["stats", "stats-2"],
    ),
    (
        "unknown-reference",
        "exam",
        lambda: plan(degree(), exam(after=["aaz"]), rhit(after=["exam"])),
        'from "aaz" to "aas"',
        lambda p: p.item("exam").after == ["aas"],
    ),
    (
        "unknown-reference",
        None,
        lambda: plan(*rhit_route(), goal="rhti"),
        'profile.goal from "rhti" to "rhit"',
        lambda p: p.profile.goal == "rhit",
    ),
    (
        "credential-renewal",
        "rhit",
        lambda: plan(*rhit_route(), technician(start="2030-spring", end="2033-fall")),
        "renewing the RHIT credential in 2031-fall, the last term its cycle allows",
        lambda p: (
            [(str(i.start), i.renews) for i in p.items if i.requirement == "continuing-education"]
            == [("2031-fall", "rhit")]
        ),
    ),
    (
        "credential-renewal",
        None,
        lambda: plan(technician(start="2027-fall", end="2030-fall"), credentials=["rhit"]),
        "the RHIT credential you hold in 2029-fall",
        lambda p: (
            [(str(i.start), i.renews) for i in p.items if i.requirement == "continuing-education"]
            == [("2029-fall", "rhit")]
        ),
    ),
    (
        "employers-prefer-rhit",
        "tech",
        lambda: plan(*rhit_route(), technician(start="2029-summer", end="2031-summer")),
        "2029-fall, when the RHIT credential is held",
        lambda p: (str(p.item("tech").start), str(p.item("tech").end)) == ("2029-fall", "2031-fall"),
    ),
    (
        "director-small-needs-rhit",
        "dir",
        lambda: plan(
            *rhit_route(),
            technician(start="2029-fall", end="2030-fall"),
            job("dir", "director", "2031-spring", facility="small"),
            goal="director-small-facility",
        ),
        "after two years of technician-level work",
        lambda p: str(p.item("dir").start) == "2031-fall" and str(p.item("tech").end) == "2031-summer",
    ),
    (
        "supervisor-needs-experience",
        "sup",
        lambda: plan(
            *rhit_route(),
            technician(start="2029-fall", end="2030-fall", facility="large"),
            job("sup", "section-supervisor", "2031-spring", facility="large"),
            goal="section-supervisor",
        ),
        "2 terms later",
        lambda p: str(p.item("sup").start) == "2031-fall" and str(p.item("tech").end) == "2031-summer",
    ),
    (
        "advancement-needs-experience",
        "asst",
        lambda: plan(
            *rhit_route(),
            technician(start="2029-fall", end="2030-fall"),
            job("asst", "assistant-director", "2031-spring", facility="large"),
        ),
        "after two years as health information technician",
        lambda p: str(p.item("asst").start) == "2031-fall" and str(p.item("tech").end) == "2031-summer",
    ),
    (
        "clerk-promotion",
        "tech",
        lambda: plan(
            clerk(),
            item("iht", "in-house-training", "2028-fall"),
            technician(start="2029-spring", end="2030-fall"),
            goal="clerk-to-technician",
        ),
        "after two years as a clerk",
        lambda p: str(p.item("tech").start) == "2029-fall" and str(p.item("clerk").end) == "2029-summer",
    ),
    (
        "clerk-promotion",
        "tech",
        lambda: plan(
            clerk(end="2029-summer"),
            technician(start="2029-fall", end="2031-summer"),
            goal="clerk-to-technician",
        ),
        "Add hospital in-house training in 2029-summer",
        lambda p: [str(i.start) for i in p.items if i.requirement == "in-house-training"] == ["2029-summer"],
    ),
    (
        "director-large-needs-bachelor",
        "dir",
        lambda: plan(
            *rhit_route(),
            technician(start="2029-fall", end="2031-summer", facility="large"),
            job("dir", "director", "2031-fall", "2033-summer", facility="large"),
            goal="director-large-facility",
        ),
        "from 2029-summer to 2030-fall",
        lambda p: (
            [(str(i.start), str(i.end), i.field) for i in p.items if i.requirement == "bachelor-hia"]
            == [("2029-summer", "2030-fall", "health-information-administration")]
        ),
    ),
    (
        "specialisation-credential",
        "coder",
        lambda: plan(
            *rhit_route(),
            technician(start="2030-spring", end="2031-fall"),
            job("coder", "coding-specialist", "2032-spring", "2033-fall"),
            goal="coding-specialist",
        ),
        "Add the coding certification in 2031-fall",
        lambda p: (
            [(str(i.start), i.issuer) for i in p.items if i.requirement == "coding-certification"]
            == [("2031-fall", "AAPC")]
        ),
    ),
    (
        "high-school-preparation",
        "aas",
        lambda: plan(*rhit_route(), education="high-school-student", high_school_courses=["biology", "math"]),
        "chemistry, health and computer-science in 2027-summer",
        lambda p: (
            sorted(i.area for i in p.items if i.requirement == "high-school-course")
            == ["chemistry", "computer-science", "health"]
        ),
    ),
    (
        "waiver-stale",
        "rhit",
        lambda: waived(plan(*rhit_route()), "employers-prefer-rhit", "rhit"),
        "Remove the waiver of employers-prefer-rhit by Ann Advisor",
        lambda p: p.waivers == [],
    ),
]


def the_diagnostic(diagnostics: list[Diagnostic], rule: str, item_id: str | None) -> Diagnostic:
    matching = [d for d in diagnostics if d.rule == rule and d.item == item_id]
    assert matching, f"{rule} on {item_id} does not fire: {diagnostics}"
    return matching[0]


def errors(diagnostics: list[Diagnostic]) -> Counter[tuple[str, str | None]]:
    return Counter((d.rule, d.item) for d in diagnostics if d.severity == "error" and d.waived is None)


@pytest.mark.parametrize(("rule", "item_id", "build", "words", "check"), CASES, ids=[c[0] for c in CASES])
def test_the_fix_removes_the_finding_and_adds_no_error(
    rule: str, item_id: str | None, build: Callable[[], Plan], words: str, check: Check
) -> None:
    subject = build()
    before = validate(subject, CAT)
    diagnostic = the_diagnostic(before, rule, item_id)
    (fix,) = fixes_for(subject, CAT, before, diagnostic)
    assert words in fix.title, fix.title
    original = subject.copy()
    history = History(subject)
    history.do(fix.edit)
    after = validate(subject, CAT)
    assert check(subject), subject.to_toml()
    assert not [d for d in after if (d.rule, d.item, d.message) == (rule, item_id, diagnostic.message)]
    assert all(count <= errors(before)[key] for key, count in errors(after).items()), after
    history.undo()  # one edit: one undo takes it all back
    assert subject == original


def test_every_rule_has_a_fix_or_a_reason_for_none() -> None:
    for rule in CAT.rules:
        assert has_fix(rule) != (rule in NO_FIX), rule
    tested = {case[0] for case in CASES}
    assert tested == {rule for rule in CAT.rules if has_fix(rule)}


def test_a_waived_diagnostic_is_not_fixed() -> None:
    subject = waived(
        plan(degree(), exam(start="2029-spring"), rhit()), "rhit-exam-needs-cahiim-associate", "exam"
    )
    diagnostics = validate(subject, CAT)
    diagnostic = the_diagnostic(diagnostics, "rhit-exam-needs-cahiim-associate", "exam")
    assert diagnostic.waived is not None
    assert fixes_for(subject, CAT, diagnostics, diagnostic) == []


def test_a_fix_that_would_add_an_error_is_not_offered() -> None:
    subject = plan(rhit())  # an exam added before it would have no degree before it
    diagnostics = validate(subject, CAT)
    assert fixes_for(subject, CAT, diagnostics, the_diagnostic(diagnostics, "rhit-needs-exam", "rhit")) == []


def test_a_rule_without_a_fix_offers_none() -> None:
    subject = plan(degree(covers=["anatomy"]), exam(after=["aas"]), rhit(after=["exam"]))
    diagnostics = validate(subject, CAT)
    assert the_diagnostic(diagnostics, "associate-coursework", "aas")
    assert all(
        fixes == []
        for d, fixes in zip(diagnostics, all_fixes(subject, CAT, diagnostics), strict=True)
        if d.rule == "associate-coursework"
    )


def only_unfixable(diagnostics: list[Diagnostic]) -> bool:
    return all(d.rule in NO_FIX for d in diagnostics if d.waived is None)


@pytest.mark.parametrize(("rule", "item_id", "build", "words", "check"), CASES, ids=[c[0] for c in CASES])
def test_fix_all_leaves_only_findings_of_rules_without_a_fix(
    rule: str, item_id: str | None, build: Callable[[], Plan], words: str, check: Check
) -> None:
    subject = build()
    result = fix_all(subject, CAT)
    assert result.edit is not None and result.applied
    History(subject).do(result.edit)
    remaining = validate(subject, CAT)
    if subject.item("rhit") is None:  # employers prefer RHIT, which only the person can decide to plan
        remaining = [d for d in remaining if d.rule != "employers-prefer-rhit"]
    assert only_unfixable(remaining), remaining
    assert not any(all_fixes(subject, CAT, validate(subject, CAT)))
    assert [d.message for d in validate(subject, CAT)] == [d.message for d in result.diagnostics]


def many_findings() -> Plan:
    subject = plan(
        degree(),
        exam(start="2029-spring", after=["aaz"]),
        rhit(start="2029-summer", after=["exam"]),
        technician(start="2029-summer", end="2030-fall", facility="large"),
        job("sup", "section-supervisor", "2031-spring", facility="large"),
        item("stats", "course", "2028-fall", "2028-spring", area="statistics"),
        item("stats", "course", "2028-spring", area="statistics"),
        job("coder", "coding-specialist", "2034-spring", "2036-fall"),
        goal="section-supervisor",
        education="high-school-student",
        high_school_courses=["biology"],
    )
    return waived(subject, "director-small-needs-rhit", "sup")


def test_fix_all_on_a_plan_with_many_findings_is_one_undoable_edit() -> None:
    subject = many_findings()
    before = validate(subject, CAT)
    assert len({d.rule for d in before}) >= 8
    original = subject.copy()
    result = fix_all(subject, CAT)
    assert len(result.applied) >= 8
    history = History(subject)
    history.do(result.edit)
    remaining = validate(subject, CAT)
    assert only_unfixable(remaining), remaining
    assert not errors(remaining)
    assert result.edit.description == f"apply {len(result.applied)} fixes"
    history.undo()
    assert subject == original
    assert fix_all(subject, CAT).edit is not None  # nothing was changed by working it out


def test_fix_all_with_nothing_to_fix_does_nothing() -> None:
    subject = plan(*rhit_route())
    result = fix_all(subject, CAT)
    assert result.edit is None and result.applied == []


@pytest.mark.parametrize("goal", sorted(CAT.goals))
def test_every_starter_plan_has_no_renewal_warning(goal: str) -> None:
    subject = starter_plan(goal, Term.parse("2027-fall"))
    diagnostics = validate(subject, CAT)
    assert not [d for d in diagnostics if d.rule == "credential-renewal"], diagnostics
    assert not errors(diagnostics)
