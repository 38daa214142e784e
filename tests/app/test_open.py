"""Opening a plan: the four panes, titled as the docs name them, show the plan and what the core says."""

import pytest

from planner.app.widgets.timeline import TimelinePane
from tests.app.helpers import open_app, pane_words, screen_text


async def test_the_four_panes_show_the_plan_at_80x24(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for title in ("Profile", "Next steps", "Timeline", "Diagnostics"):
            assert title in text
        assert "Alex: RHIT, then coding" in text
        assert "Alex Rivera" in text and "Coding specialist" in text
        for item_id in ("aas", "stats", "clerk", "rhit-exam"):
            assert item_id in text
        assert "2 errors" in text and "1 warning" in text and "1 suggestion" in text
        assert "1. RHIT credential" in text
        assert app.focused is app.query_one(TimelinePane)
        assert "unsaved" not in text


async def test_rows_are_in_term_order_and_marked_by_their_worst_diagnostic(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        exam = next(line for line in lines if "rhit-exam │" in line or "rhit-exam│" in line)
        aas = next(line for line in lines if " aas " in line and "│" in line)
        assert "✗" in exam  # errors on the exam
        assert "!" in aas  # a warning on the degree
        rows = app.query_one(TimelinePane).rows
        assert [item.id for item in rows] == ["aas", "stats", "clerk", "rhit-exam"]


async def test_today_is_marked_in_the_timeline_header(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "▼" in screen_text(app)


async def test_wide_terminal_shows_the_whole_profile_and_reasons(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Education" in text and "high school" in text
        assert "Why: Advancement usually requires" in text
        assert (
            "error after-not-respected on rhit-exam" in text
        )  # the selected diagnostic in full, and its rule


async def test_no_color_with_the_terminals_own_colours_keeps_text_in_default_colours(plan_path, monkeypatch):
    from textual.filter import Monochrome, NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PLANNER_THEME", "ansi-dark")
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
        # Monochrome would grey the terminal's default colours into black on black.
        assert any(isinstance(f, NoColor) for f in app.get_line_filters())
        assert not any(isinstance(f, Monochrome) for f in app.get_line_filters())


async def test_at_80_columns_a_selected_item_out_of_view_comes_into_view_with_its_title(coding_plan):
    app = open_app(coding_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Certified Prof" not in pane_words(app, "TimelinePane")  # 2032 is off to the right
        timeline = app.query_one(TimelinePane)
        await pilot.press("3", *["down"] * [item.id for item in timeline.rows].index("cpc"))
        assert timeline.selected_item.id == "cpc"
        await pilot.pause()
        assert "Certified Prof" in pane_words(app, "TimelinePane")
        await pilot.press("home")
        await pilot.pause()
        assert "AAS Healt" in pane_words(app, "TimelinePane")


async def test_left_and_right_scroll_the_timeline_by_a_term(coding_plan):
    app = open_app(coding_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[5]
        assert "2026" in header and "◀" not in header  # nothing off to the left yet
        await pilot.press("3", *["right"] * 6)
        await pilot.pause()
        header = screen_text(app).splitlines()[5]
        assert "2026" not in header and "2033" in header and "◀" in header
        await pilot.press(*["left"] * 6)
        await pilot.pause()
        assert "2026" in screen_text(app).splitlines()[5]


async def test_rows_with_long_ids_sharing_a_start_are_told_apart_at_80x24(tmp_path):
    path = clerk_plan(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        labels = [line.split("│")[0][3:].strip() for line in pane_lines(app) if "│" in line][2:5]
        assert labels == ["h-i-clerk", "in-house-trai…", "h-i-technician"]


async def test_a_title_that_does_not_fit_its_bar_shows_whole_after_it_where_the_row_has_room(tmp_path):
    path = clerk_plan(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Health information clerk " in "\n".join(pane_lines(app))


def pane_lines(app) -> list[str]:
    region = app.query_one(TimelinePane).content_region
    return [line[region.x : region.right] for line in screen_text(app).splitlines()[region.y : region.bottom]]


def clerk_plan(tmp_path):
    """A starter plan for the clerk-to-technician route (ids of 17 to 29 characters)."""
    from planner.core.starter import starter_plan
    from planner.core.storage import save
    from planner.core.terms import Term

    path = tmp_path / "clerk.toml"
    save(starter_plan("clerk-to-technician", Term.parse("2027-spring")), str(path))
    return path


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_title_gives_way_to_the_file_name_and_the_unsaved_mark(plan_path, size):
    text = plan_path.read_text()
    plan_path.write_text(text.replace('title = "Alex: RHIT, then coding"', f'title = "{"Long title " * 13}"'))
    app = open_app(plan_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3", ">")  # an edit: the plan now has unsaved changes
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "alex.toml" in header
        assert "● unsaved changes" in header
        assert "Long title Long" in header and "…" in header  # the title is what was cut


async def test_a_title_longer_than_its_bar_runs_on_after_it_where_the_row_has_room(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "aas " in line)
        # The degree's bar is 25 cells; its title, 47 letters, goes on past the bar's end.
        assert "AAS Health Information Technology, La" in row


async def test_an_item_beginning_after_the_terms_in_view_says_when_at_the_right_edge(coding_plan):
    app = open_app(coding_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "   coding  " in line)
        assert "· starts 2032-summer ▶" in row  # not an empty row: its bar lies to the right
