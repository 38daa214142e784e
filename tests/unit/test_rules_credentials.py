"""Rules about specialisation credentials and their renewal (P8, P9)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.model import Plan
from planner.core.terms import Term
from tests.unit.plan_builders import found, item, job, plan, quiet, rhit, rhit_route, technician, the

# --- specialisation-credential --------------------------------------------------------------


def test_a_specialisation_goal_without_its_credential_gets_the_suggestion_on_no_item() -> None:
    d = the(plan(*rhit_route(), goal="coding-specialist"), "specialisation-credential")
    assert (d.severity, d.item, d.source) == ("suggestion", None, "P8, P9")
    assert "coding" in d.message and "coding certification" in d.message


def test_it_attaches_to_the_first_job_of_the_specialisation_once() -> None:
    first = job("reg1", "cancer-registrar", "2031-fall", "2032-fall")
    second = job("reg2", "cancer-registrar", "2033-spring")
    d = the(plan(*rhit_route(), technician(), second, first), "specialisation-credential")
    assert d.item == "reg1"
    assert "cancer registry certification" in d.message


def test_each_specialisation_is_judged_on_its_own() -> None:
    privacy = job("privacy", "privacy-security-specialist", "2031-fall")
    subject = plan(*rhit_route(), technician(), privacy, goal="coding-specialist")
    assert sorted((d.item or "") for d in found(subject, "specialisation-credential")) == ["", "privacy"]


@pytest.mark.parametrize(
    ("goal", "credential"),
    [
        ("coding-specialist", "coding-certification"),
        ("cancer-registrar", "cancer-registry-certification"),
        ("privacy-security", "chps"),
    ],
)
def test_the_credential_planned_or_held_is_enough(goal: str, credential: str) -> None:
    assert found(plan(goal=goal), "specialisation-credential")
    assert quiet(plan(item("cert", credential, "2030-fall"), goal=goal), "specialisation-credential")
    assert quiet(plan(goal=goal, credentials=[credential]), "specialisation-credential")
    assert quiet(plan(goal=goal, completed=[credential]), "specialisation-credential")


def test_a_goal_that_is_no_specialisation_needs_no_specialist_credential() -> None:
    assert quiet(plan(*rhit_route(), technician(), goal="section-supervisor"), "specialisation-credential")


# --- credential-renewal ---------------------------------------------------------------------


def later(start: str) -> dict:
    """An item that makes the plan run until `start`."""
    return item("later", "course", start, area="statistics")


def test_six_terms_without_renewal_are_fine() -> None:
    # 2029-fall to 2031-fall is six terms
    assert quiet(plan(*rhit_route(), later("2031-fall")), "credential-renewal")


def test_seven_terms_without_renewal_are_a_warning_that_says_whose_cycle_it_is() -> None:
    d = the(plan(*rhit_route(), later("2032-spring")), "credential-renewal")
    assert (d.severity, d.item, d.source) == ("warning", "rhit", "P9")
    assert "7 terms" in d.message and "2029-fall to 2032-spring" in d.message
    assert "continuing education" in d.message and "AHIMA" in d.message and "not the source text" in d.message


def test_continuing_education_renews_by_the_credentials_catalog_id() -> None:
    ceu = item("ceu", "continuing-education", "2031-fall", renews="rhit")
    assert quiet(plan(*rhit_route(), ceu, later("2033-fall")), "credential-renewal")
    d = the(plan(*rhit_route(), ceu, later("2034-spring")), "credential-renewal")
    assert "2031-fall to 2034-spring" in d.message


def test_continuing_education_renews_by_the_credential_items_id() -> None:
    cert = item("cca", "coding-certification", "2029-fall", issuer="AAPC")
    ceu = item("ceu", "continuing-education", "2031-fall", renews="cca")
    assert quiet(plan(cert, ceu, later("2033-fall")), "credential-renewal")


def test_a_renewal_that_comes_too_late_does_not_help() -> None:
    ceu = item("ceu", "continuing-education", "2032-spring", renews="rhit")
    d = the(plan(*rhit_route(), ceu, later("2032-spring")), "credential-renewal")
    assert d.item == "rhit" and "2029-fall to 2032-spring" in d.message


def test_continuing_education_for_another_credential_does_not_renew_this_one() -> None:
    ceu = item("ceu", "continuing-education", "2031-fall", renews="chps")
    assert found(plan(*rhit_route(), ceu, later("2032-spring")), "credential-renewal")


def test_a_credential_held_in_the_profile_counts_from_the_plans_start() -> None:
    d = the(plan(later("2030-spring"), credentials=["chps"]), "credential-renewal")
    assert d.item is None and "2027-fall to 2030-spring" in d.message
    assert quiet(plan(later("2029-fall"), credentials=["chps"]), "credential-renewal")


def test_every_credential_is_judged() -> None:
    creds = [
        item(c, c, "2027-fall") for c in ("coding-certification", "cancer-registry-certification", "chps")
    ]
    assert sorted(d.item for d in found(plan(*creds, later("2030-spring")), "credential-renewal")) == [
        "cancer-registry-certification",
        "chps",
        "coding-certification",
    ]


def test_a_plan_that_ends_with_the_credential_needs_no_renewal_yet() -> None:
    assert quiet(plan(rhit(start="2027-fall"), completed=["rhit-exam"]), "credential-renewal")


# The definition, written plainly, to check the engine's faster reckoning against it.


def renewal_gaps(subject: Plan) -> set[tuple[str, int, int]]:
    """(credential item, from, to) of each credential's first stretch of more than six terms."""
    placed = [entry for entry in subject.items if entry.start is not None]
    end = max(term.index for entry in placed for term in (entry.start, entry.end) if term is not None)
    gaps = set()
    for credential in placed:
        if credential.requirement not in ("rhit", "chps"):
            continue
        renewals = sorted(
            ceu.start.index
            for ceu in placed
            if ceu.requirement == "continuing-education"
            and ceu.renews in (credential.requirement, credential.id)
        )
        last = credential.start.index
        for renewal in [r for r in renewals if r >= last] + [max(end, last)]:
            if renewal - last > 6:
                gaps.add((credential.id, last, renewal))
                break
            last = renewal
    return gaps


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["rhit", "chps"]), st.integers(0, 30)), min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=12),
)
def test_renewal_follows_its_definition(
    credentials: list[tuple[str, int]], ceus: list[tuple[int, int]]
) -> None:
    base = Term.parse("2027-fall").index  # type: ignore[union-attr]
    items = [item(f"c{n}", kind, str(Term(base + start))) for n, (kind, start) in enumerate(credentials)]
    targets = ["rhit", "chps"] + [f"c{n}" for n in range(len(credentials))]
    for n, (start, target) in enumerate(ceus):
        renews = targets[target % len(targets)]
        items.append(item(f"ceu{n}", "continuing-education", str(Term(base + start)), renews=renews))
    subject = plan(*items)
    found_gaps = set()
    for d in found(subject, "credential-renewal"):
        start, end = (Term.parse(word) for word in d.message.split("(")[1].split(")")[0].split(" to "))
        found_gaps.add((d.item, start.index, end.index))  # type: ignore[union-attr]
    assert found_gaps == renewal_gaps(subject)
