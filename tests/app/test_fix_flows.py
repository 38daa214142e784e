"""Fixes in the app: the selected diagnostic shows its fix, f applies it, u takes it back,
and Fix all (palette) applies every one as one edit and says how many."""

from __future__ import annotations

from planner.app.widgets.diagnostics import DiagnosticList
from planner.core.fixes import NO_FIX
from tests.app.helpers import notices, open_app, palette, pane_words, screen_text

TITLE = 'Move the RHIT exam to 2029-summer, after the degree "aas" ends'


async def test_the_selected_diagnostic_shows_its_fix_and_f_applies_it_and_u_takes_it_back(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        selected = app.query_one(DiagnosticList).selected
        assert selected.rule == "after-not-respected" and selected.item == "rhit-exam"
        assert f"Fix (f): {TITLE}" in pane_words(app, "DiagnosticsPane")
        before = app.plan.copy()
        await pilot.press("f")
        await pilot.pause()
        assert str(app.plan.item("rhit-exam").start) == "2029-summer"
        assert app.review.errors == 0 and app.modified
        assert "Fixed: Move the RHIT exam" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.plan == before
        assert app.review.errors == 2


async def test_at_80x24_the_fix_shows_under_the_pane(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        # In the pane while it has focus (it unfolds), under it once the focus is elsewhere.
        assert "Fix (f): Move the RHIT exam to 2029-summer" in screen_text(app)
        await pilot.press("3")
        await pilot.pause()
        assert "f fixes: Move the RHIT exam to 2029-summer" in screen_text(app)


async def test_a_diagnostic_without_a_fix_says_why(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        rows = app.query_one(DiagnosticList)
        rows.cursor = next(n for n, d in enumerate(rows.diagnostics) if d.rule == "associate-coursework")
        await pilot.pause()
        assert "Fix (f)" not in pane_words(app, "DiagnosticsPane")
        before = app.plan.copy()
        await pilot.press("f")
        await pilot.pause()
        assert app.plan == before and not app.modified
        assert NO_FIX["associate-coursework"] in notices(app)


async def test_fix_all_applies_every_fix_as_one_edit_and_says_how_many(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        before = app.plan.copy()
        await palette(pilot, "Fix all")
        assert {d.rule for d in app.review.diagnostics} <= set(NO_FIX)
        assert app.review.errors == 0
        assert "Applied 2 fixes. u undoes them." in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.plan == before
        app.query_one(DiagnosticList).cursor = 0  # the exam's after-not-respected
        await palette(pilot, "Fix this")  # the palette's Fix this: the selected diagnostic's fix
        assert str(app.plan.item("rhit-exam").start) == "2029-summer"
