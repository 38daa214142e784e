"""The app and rule packs: the pack in use is shown, switching is one undoable edit, sources show."""

from __future__ import annotations

from pathlib import Path

from planner.app.screens.source import SourceScreen
from tests.app.helpers import open_app, palette, screen_text, screen_words, settle

EARLY_EXAM = """\
format = "hit-career-plan/1"
title = "Early exam"

[profile]
goal = "rhit"
starts = "2027-fall"

[[items]]
id = "aas"
requirement = "associate-hit"
start = "2027-fall"
end = "2029-spring"
accredited_by = "CAHIIM"

[[items]]
id = "exam"
requirement = "rhit-exam"
start = "2029-spring"

[[items]]
id = "rhit"
requirement = "rhit"
start = "2029-fall"
after = ["exam"]
"""


def rules_found(app) -> set[str]:
    return {diagnostic.rule for diagnostic in app.review.diagnostics}


async def test_switching_packs_is_one_undoable_edit_and_the_diagnostics_follow(tmp_path: Path) -> None:
    path = tmp_path / "early.toml"
    path.write_text(EARLY_EXAM, encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "rules: hit-2008" in screen_text(app)
        assert "rhit-exam-needs-cahiim-associate" in rules_found(app)
        await palette(pilot, "Switch rule pack to hit-2026")
        await settle(pilot, lambda: app.plan.rules == "hit-2026")
        assert app.plan.rules == "hit-2026" and app.modified
        assert "rules: hit-2026" in screen_text(app)
        assert "rhit-exam-needs-cahiim-associate" not in rules_found(app)
        assert "rhit-early-testing" in rules_found(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.plan.rules is None
        assert "rhit-exam-needs-cahiim-associate" in rules_found(app)
        assert "rules: hit-2008" in screen_text(app)


async def test_the_next_steps_follow_the_pack(tmp_path: Path) -> None:
    path = tmp_path / "coding.toml"
    path.write_text(
        'format = "hit-career-plan/1"\n[profile]\ngoal = "coding-specialist"\nstarts = "2027-fall"\n'
    )
    app = open_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "ccs" not in [step.requirement for step in app.review.steps]
        await palette(pilot, "Switch rule pack to hit-2026")
        await settle(pilot, lambda: app.plan.rules == "hit-2026")
        assert "ccs" in [step.requirement for step in app.review.steps]


async def test_the_source_of_a_rule_resting_on_a_public_page(tmp_path: Path) -> None:
    path = tmp_path / "early.toml"
    path.write_text(EARLY_EXAM.replace('title = "Early exam"', 'rules = "hit-2026"\ntitle = "Early exam"'))
    app = open_app(path)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        (diagnostic,) = [d for d in app.review.diagnostics if d.rule == "rhit-early-testing"]
        app.push_screen(SourceScreen(diagnostics=[diagnostic]))
        await pilot.pause()
        words = screen_words(app)
        assert "From AHIMA (American Health Information Management Association) (ahima-rhit)" in words
        assert "Page: Registered Health Information Technician (RHIT®)" in words
        assert "Address: https://cms-qa.ahima.org/certification-careers/certification-exams/rhit" in words
        assert "Read on 2026-12-01" in words
        assert "last term" in words
