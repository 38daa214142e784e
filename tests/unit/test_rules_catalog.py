"""The catalog holds exactly what requirements.md lists, and every rule quotes the seed verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.core import catalog as catalog_module
from planner.core.catalog import paragraph, seed_paragraphs
from planner.core.packs import default_pack
from planner.core.rules.kinds import KINDS
from planner.core.rules.named import NAMED

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SHARED_SEED = SHARED / "seed" / "how-to-become-a-medical-records-technician.txt"
SPEC = SHARED / "spec" / "requirements.md"

# The milestone table of requirements.md: id -> (kind, typical terms, seed).
MILESTONES = {
    "course": ("course", 1, "P4"),
    "high-school-course": ("course", 1, "P4"),
    "associate-hit": ("degree", 5, "P3, P5"),
    "bachelor-hia": ("degree", 5, "P10"),
    "coding-certificate-program": ("certificate-program", 3, "P8"),
    "cancer-registry-program": ("certificate-program", 5, "P8"),
    "intensive-training": ("training", 1, "P8"),
    "in-house-training": ("training", 1, "P10"),
    "rhit-exam": ("exam", 1, "P5"),
    "rhit": ("credential", 1, "P5"),
    "coding-certification": ("credential", 1, "P8, P9"),
    "cancer-registry-certification": ("credential", 1, "P9"),
    "chps": ("credential", 1, "P9"),
    "continuing-education": ("ceu", 1, "P9"),
    "health-information-clerk": ("job", 6, "P10"),
    "health-information-technician": ("job", 6, "P3"),
    "coding-specialist": ("job", 6, "P7, P8"),
    "cancer-registrar": ("job", 6, "P7, P8"),
    "privacy-security-specialist": ("job", 6, "P7, P9"),
    "section-supervisor": ("job", 6, "P9"),
    "assistant-director": ("job", 6, "P10"),
    "director": ("job", 6, "P10"),
}

# Jobs rank: clerk < technician = specialists < section supervisor < assistant director < director.
RANKS = {
    "health-information-clerk": 0,
    "health-information-technician": 1,
    "coding-specialist": 1,
    "cancer-registrar": 1,
    "privacy-security-specialist": 1,
    "section-supervisor": 2,
    "assistant-director": 3,
    "director": 4,
}

RHIT_PATH = [
    ("associate-hit", {"accredited_by": "CAHIIM"}),
    ("rhit-exam", {}),
    ("rhit", {}),
]
TECHNICIAN = ("health-information-technician", {})
# The goal table: each goal's milestones in order, with the fields each step's item needs.
GOALS = {
    "rhit": RHIT_PATH,
    "coding-specialist": RHIT_PATH
    + [TECHNICIAN, ("coding-certification", {"issuer": "AAPC"}), ("coding-specialist", {})],
    "cancer-registrar": RHIT_PATH
    + [
        TECHNICIAN,
        ("intensive-training", {"track": "cancer-registry"}),
        ("cancer-registry-certification", {"issuer": "NCRA"}),
        ("cancer-registrar", {}),
    ],
    "privacy-security": RHIT_PATH
    + [TECHNICIAN, ("chps", {"issuer": "AHIMA"}), ("privacy-security-specialist", {})],
    "section-supervisor": RHIT_PATH
    + [
        ("health-information-technician", {"facility": "large"}),
        ("section-supervisor", {"facility": "large"}),
    ],
    "director-small-facility": RHIT_PATH
    + [("health-information-technician", {"facility": "small"}), ("director", {"facility": "small"})],
    "director-large-facility": RHIT_PATH
    + [
        ("health-information-technician", {"facility": "large"}),
        ("bachelor-hia", {"field": "health-information-administration"}),
        ("director", {"facility": "large"}),
    ],
    "clerk-to-technician": [
        ("health-information-clerk", {}),
        ("in-house-training", {}),
        ("health-information-technician", {}),
    ],
}

# The rule tables: id -> (severity, source).
SEED_RULES = {
    "rhit-exam-needs-cahiim-associate": ("error", "P5"),
    "rhit-not-via-other-training": ("error", "P5"),
    "rhit-needs-exam": ("error", "P5"),
    "associate-coursework": ("warning", "P4"),
    "high-school-preparation": ("suggestion", "P4"),
    "employers-prefer-rhit": ("warning", "P5"),
    "healthcare-experience": ("suggestion", "P6"),
    "no-coding-degree": ("warning", "P8"),
    "skills-learned-on-the-job": ("suggestion", "P7"),
    "specialisation-credential": ("suggestion", "P8, P9"),
    "credential-renewal": ("warning", "P9"),
    "supervisor-needs-experience": ("warning", "P9"),
    "advancement-needs-experience": ("warning", "P10"),
    "director-small-needs-rhit": ("warning", "P10"),
    "director-large-needs-bachelor": ("warning", "P10"),
    "clerk-promotion": ("warning", "P10"),
}
STRUCTURE_RULES = [
    "duplicate-id",
    "unknown-reference",
    "bad-term",
    "end-before-start",
    "after-not-respected",
    "dependency-cycle",
    "bad-value",
]
SHARING_RULES = ["approval-outdated", "waiver-stale"]


# --- the seed ---------------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_the_packaged_seed_is_the_shared_seed() -> None:
    assert Path(catalog_module.SEED_FILE).read_bytes() == SHARED_SEED.read_bytes()


def test_the_seed_has_ten_paragraphs_the_first_being_the_title() -> None:
    paragraphs = seed_paragraphs()
    assert len(paragraphs) == 10
    assert paragraphs[0] == "How to Become a Medical Records Technician"
    assert paragraphs[4].startswith("Most employers prefer to hire Registered Health Information Technicians")


def test_paragraph_gives_each_cited_paragraph_with_its_label() -> None:
    cited = paragraph("P8, P9")
    assert [label for label, _ in cited] == ["P8", "P9"]
    assert cited[0][1].startswith("A number of schools offer certificate programs in coding")
    assert paragraph(None) == []


@pytest.mark.parametrize("rule", sorted(SEED_RULES))
def test_every_sentence_of_a_rule_is_quoted_verbatim_from_its_cited_paragraphs(rule: str) -> None:
    entry = default_pack().rules[rule]
    cited = " ".join(text for _, text in paragraph(entry.source))
    assert entry.sentences, f"{rule} quotes no sentence"
    for sentence in entry.sentences:
        assert sentence in cited, f"{rule}: {sentence!r} is not in {entry.source}"


def test_every_source_in_the_catalog_names_real_paragraphs() -> None:
    cat = default_pack()
    sources = [m.source for m in cat.milestones.values()] + [s.source for s in cat.steps.values()]
    sources += [rule.source for rule in cat.rules.values() if rule.source]
    for source in sources:
        labels = [label.strip() for label in source.split(",")]
        assert [label for label, _ in paragraph(source)] == labels, source


# --- milestones, goals, rules -----------------------------------------------------------------


def test_the_milestones_are_those_of_requirements_md() -> None:
    found = {m.id: (m.kind, m.terms, m.source) for m in default_pack().milestones.values()}
    assert found == MILESTONES


def test_jobs_rank_as_requirements_md_says() -> None:
    assert {m.id: m.rank for m in default_pack().milestones.values() if m.is_job} == RANKS


def test_holding_rhit_means_the_degree_and_the_exam_are_done() -> None:
    assert set(default_pack().milestones["rhit"].prerequisites) == {"associate-hit", "rhit-exam"}


@pytest.mark.parametrize("goal", sorted(GOALS))
def test_each_goal_expands_to_its_milestones_in_order_with_their_fields(goal: str) -> None:
    path = default_pack().goals[goal].path
    assert [(step.milestone.id, step.fields) for step in path] == GOALS[goal]


def test_the_experience_jobs_on_the_paths_are_held_for_two_years() -> None:
    for goal in default_pack().goals.values():
        for position, step in enumerate(goal.path):
            is_last = position == len(goal.path) - 1
            # every job but the goal's own is held for the experience the next step needs
            assert step.experience == (step.milestone.is_job and not is_last), (goal.id, step.id)
    assert default_pack().parameters["experience_terms"] == 6


def test_the_rules_are_those_of_requirements_md_and_no_others() -> None:
    rules = default_pack().rules
    assert {
        rule: (entry.severity, entry.source) for rule, entry in rules.items() if entry.source
    } == SEED_RULES
    assert {rule for rule, entry in rules.items() if not entry.source} == set(STRUCTURE_RULES + SHARING_RULES)
    assert all(rules[rule].severity == "error" for rule in STRUCTURE_RULES)
    assert all(rules[rule].severity == "warning" for rule in SHARING_RULES)


def test_each_seed_rule_is_decided_by_a_rule_kind_or_a_rule_registered_by_its_id() -> None:
    rules = default_pack().rules
    decided = {rule for rule in SEED_RULES if rules[rule].kind in KINDS}
    decided |= {rule for rule in SEED_RULES if rules[rule].kind == "named" and rule in NAMED}
    assert decided == set(SEED_RULES)
    # most of the seed's rules are instances of the few kinds, not code of their own
    assert len([rule for rule in SEED_RULES if rules[rule].kind in KINDS]) > len(SEED_RULES) / 2


def test_the_vocabulary_is_that_of_requirements_md_and_plan_format_md() -> None:
    cat = default_pack()
    assert cat.coursework_areas == (
        "medical-terminology",
        "anatomy-physiology",
        "legal-aspects",
        "health-data-standards",
        "coding-abstraction",
        "statistics",
        "database-management",
        "quality-improvement",
        "computer-science",
    )
    assert cat.general_education == "general-education"
    assert cat.high_school_subjects == ("biology", "math", "chemistry", "health", "computer-science")
    assert cat.educations == ("none", "high-school-student", "high-school", "associate", "bachelor", "master")
    assert cat.statuses == ("planned", "in-progress", "done")
    assert cat.facilities == ("small", "large")
    assert cat.tracks == ("coding", "cancer-registry")
    assert cat.parameters["max_experience_years"] == 60
    assert cat.parameters["renewal_terms"] == 6


def test_the_renewal_cycle_says_it_is_not_the_seeds() -> None:
    rule = default_pack().rules["credential-renewal"]
    assert rule.source == "P9"
    assert "{note}" in rule.message
    assert "AHIMA" in default_pack().parameters["renewal_source_note"]


# --- against the spec itself, when it is beside the checkout ----------------------------------


def _table_rows(text: str, heading_cells: int) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) == heading_cells:
                rows.append(cells)
    return rows


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec is not beside this checkout")
def test_the_tables_above_match_requirements_md() -> None:
    text = SPEC.read_text(encoding="utf-8")
    five = _table_rows(text, 5)
    milestones = {
        cells[0].strip("`"): (cells[1], int(cells[3]), cells[4]) for cells in five if cells[3].isdigit()
    }
    assert milestones == MILESTONES
    rules = {cells[0].strip("`"): (cells[1], cells[4]) for cells in five if cells[1] in SEVERITIES}
    assert rules == SEED_RULES
    two = {cells[0].strip("`"): cells[1] for cells in _table_rows(text, 2)}
    assert [rule for rule in two if rule not in GOALS] == STRUCTURE_RULES
    assert {goal for goal in two if goal in GOALS} == set(GOALS)
    for goal in GOALS:
        expanded: list[str] = []
        for the, name, path in re.findall(r"(the )?`([a-z-]+)`( path)?", two[goal]):
            expanded += [milestone for milestone, _ in RHIT_PATH] if the and path else [name]
        assert expanded == [milestone for milestone, _ in GOALS[goal]], goal
    for rule in SHARING_RULES:
        assert f"`{rule}`" in text


SEVERITIES = ("error", "warning", "suggestion")
