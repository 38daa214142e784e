"""The advisor's side, by keys: comments beside their item, sign, waive, compare, save a copy.

Each test drives the app as a person would and checks the plan, the file and the screen.
"""

from __future__ import annotations

import datetime
import shutil

from planner.app.screens.advisor_dialogs import AddCommentScreen, SignScreen, WaiveScreen
from planner.app.screens.comments import CommentsScreen
from planner.app.screens.compare import ComparePickScreen, CompareScreen
from planner.app.widgets.diagnostics import DiagnosticList, DiagnosticsPane
from planner.app.widgets.timeline import TimelinePane
from planner.core.digest import plan_digest
from planner.core.storage import load
from tests.app.helpers import FIXTURES, notices, open_app, palette, screen_text, screen_words, settle, write

DAY = datetime.date(2026, 12, 3)


def advisor_app(path):
    """The app on a plan with today's date fixed."""
    app = open_app(path)
    app.fixed_date = DAY
    return app


def unwaived_rules(app) -> set[tuple[str, str | None]]:
    return {(d.rule, d.item) for d in app.review.diagnostics if d.waived is None}


async def choose_file(pilot, path) -> None:
    """Name `path` in the compare dialog once it is open, and press Enter."""
    app = pilot.app
    await settle(pilot, lambda: isinstance(app.screen, ComparePickScreen) and app.focused is not None)
    assert isinstance(app.screen, ComparePickScreen)
    app.focused.value = str(path)
    await pilot.press("enter")


# --- comments ---------------------------------------------------------------------------------


async def test_add_a_comment_by_keys_and_see_it_beside_the_item_then_undo(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert app.query_one(TimelinePane).selected_item.id == "aas"
        await pilot.press("c")
        assert isinstance(app.screen, AddCommentScreen)
        # The profile's name is offered as the author, so the text is what is left to write.
        await write(pilot, "Evening classes suit you.\n[bold]Not bold[/] $x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        comment = app.plan.comments[-1]
        assert (comment.author, comment.date, comment.item) == ("Alex Rivera", DAY, "aas")
        assert comment.text == "Evening classes suit you.\n[bold]Not bold[/] $x"
        assert app.modified
        text = screen_text(app)
        assert "Comments on aas (1)" in text
        assert "Alex Rivera · 2026-12-03" in text
        assert "[bold]Not bold[/] $x" in text  # the plan's text, shown as it is
        assert "✎aas" in text  # the timeline marks the item
        await pilot.press("u")
        await pilot.pause()
        assert all(c.item != "aas" for c in app.plan.comments)
        assert "Comments on aas (1)" not in screen_text(app)
        assert "No comments on aas" in screen_text(app)


async def test_a_comment_from_the_profile_is_on_the_plan_and_the_author_is_remembered(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "c")
        # From the text back to the author: past the item's choice (on the whole plan here).
        await pilot.press("shift+tab", "shift+tab", "ctrl+u")
        await write(pilot, "J. Kim, advisor")
        await pilot.press("tab", "tab")
        await write(pilot, "Looks good overall.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        comment = app.plan.comments[-1]
        assert (comment.author, comment.item, comment.text) == (
            "J. Kim, advisor",
            None,
            "Looks good overall.",
        )
        await pilot.press("3", "c")
        dialog = app.screen
        assert isinstance(dialog, AddCommentScreen)
        assert dialog.query_one("#field-author").value == "J. Kim, advisor"
        assert dialog.query_one("#field-item").value == "aas"


async def test_an_empty_comment_is_not_added(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        count = len(app.plan.comments)
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AddCommentScreen)
        assert "Comment is needed." in screen_words(app)
        await pilot.press("escape")
        assert len(app.plan.comments) == count and not app.modified


async def test_at_80x24_capital_c_lists_every_comment_and_enter_goes_to_its_item(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Comments on" not in text  # no room for the pane: it is one key away
        assert "✎rhit-exam" in text
        await pilot.press("C")
        assert isinstance(app.screen, CommentsScreen)
        words = screen_words(app)
        assert "rhit-exam: RHIT exam, 2029-spring" in words
        assert "J. Kim, advisor · 2026-12-02 Book the exam within six months of graduating." in words
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommentsScreen)
        timeline = app.query_one(TimelinePane)
        assert timeline.selected_item.id == "rhit-exam" and timeline.has_focus


async def test_a_comment_added_from_the_comments_screen_shows_there_at_once(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("C", "c")
        assert isinstance(app.screen, AddCommentScreen)
        await write(pilot, "Also look at the CCA.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommentsScreen)
        assert app.plan.comments[-1].item == "rhit-exam"  # the highlighted comment's item
        assert "Also look at the CCA." in screen_words(app)
        assert "2 comments on this plan" in screen_text(app)


async def test_d_on_the_comments_screen_deletes_the_comment_and_u_brings_it_back(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("C")
        assert isinstance(app.screen, CommentsScreen)
        assert "1 comment on this plan" in screen_text(app)
        assert "d Delete" in screen_text(app)  # the key is in the footer
        await pilot.press("d")
        await pilot.pause()
        assert app.plan.comments == [] and app.modified
        assert "0 comments on this plan" in screen_text(app)
        assert "Book the exam" not in screen_words(app)
        assert "Deleted the comment by J. Kim, advisor; u undoes it." in notices(app)
        await pilot.press("d")  # nothing left to delete: said, and nothing breaks
        assert "No comment is highlighted." in notices(app)
        await pilot.press("u")
        await pilot.pause()
        assert [comment.item for comment in app.plan.comments] == ["rhit-exam"] and not app.modified
        assert "Book the exam within six months of graduating." in screen_words(app)
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert "Book the exam within six months" in plan_path.read_text()


# --- approvals --------------------------------------------------------------------------------


async def test_sign_then_an_edit_makes_the_approval_outdated_and_undo_clears_it(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, SignScreen)
        assert "the plan holds 2 errors that no waiver covers" in screen_words(app)
        await write(pilot, "J. Kim, advisor")
        await pilot.press("enter")
        await pilot.pause()
        approval = app.plan.approvals[-1]
        assert (approval.by, approval.date, approval.digest) == (
            "J. Kim, advisor",
            DAY,
            plan_digest(app.plan),
        )
        assert "approved by J. Kim, advisor 2026-12-03" in screen_text(app)
        assert ("approval-outdated", None) not in unwaived_rules(app)

        await pilot.press("greater_than_sign")  # move aas a term later: the content changes
        await pilot.pause()
        assert ("approval-outdated", None) in unwaived_rules(app)
        assert "approval out of date: J. Kim, advisor 2026-12-03" in screen_text(app)
        assert "2 warnings" in str(app.query_one(DiagnosticsPane).border_title)

        await pilot.press("u")
        await pilot.pause()
        assert ("approval-outdated", None) not in unwaived_rules(app)
        assert "approved by J. Kim, advisor 2026-12-03" in screen_text(app)


async def test_signing_twice_is_refused_and_a_comment_keeps_the_approval(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("A")
        await write(pilot, "J. Kim")
        await pilot.press("enter", "c")
        await write(pilot, "Noted.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "approved by J. Kim 2026-12-03" in screen_text(app)
        await pilot.press("A")  # the name is remembered
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.plan.approvals) == 1
        assert "Already approved by J. Kim on 2026-12-03" in notices(app)


# --- waivers ----------------------------------------------------------------------------------


async def test_waive_a_diagnostic_counts_change_and_the_waiver_is_saved(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        pane = app.query_one(DiagnosticsPane)
        assert "1 warning" in str(pane.border_title)
        await pilot.press("4", "down", "down")
        assert app.query_one(DiagnosticList).selected.rule == "associate-coursework"
        await pilot.press("w")
        assert isinstance(app.screen, WaiveScreen)
        assert "warning associate-coursework on aas" in screen_words(app)
        await write(pilot, "J. Kim")
        await pilot.press("tab")
        await write(pilot, "Taken at the state university; transcript on file.")
        await pilot.press("enter")
        await pilot.pause()
        assert "0 warnings" in str(pane.border_title) and "(1 waived)" in str(pane.border_title)
        text = screen_text(app)
        assert (
            "(waived) AAS Health Information Technology, Lakeside CC: the associate degree's coursework"
            in text
        )
        assert "Waived by J. Kim on 2026-12-03: Taken at the state university" in text
        assert app.query_one(DiagnosticList).has_focus

        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = load(str(plan_path)).plan.waivers
        assert [(w.rule, w.item, w.by, w.date) for w in saved] == [
            ("associate-coursework", "aas", "J. Kim", DAY)
        ]

        await pilot.press("u")
        await pilot.pause()
        assert "1 warning" in str(pane.border_title) and "waived" not in str(pane.border_title)


async def test_a_stale_waiver_shows_as_a_warning_and_remove_waiver_takes_it_away(plan_path):
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("4", "down", "down", "w")
        await write(pilot, "J. Kim")
        await pilot.press("tab")
        await write(pilot, "Why not.")
        await pilot.press("enter")
        # The coursework gets covered: the diagnostic goes away and the waiver goes stale.
        await pilot.press("3", "e")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#field-covers").select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ("waiver-stale", "aas") in unwaived_rules(app)
        assert "1 warning" in str(app.query_one(DiagnosticsPane).border_title)
        await pilot.press("4")
        listing = app.query_one(DiagnosticList)
        listing.cursor = next(n for n, d in enumerate(listing.diagnostics) if d.rule == "waiver-stale")
        await pilot.press("w")  # a stale waiver cannot be waived
        await pilot.pause()
        assert not isinstance(app.screen, WaiveScreen)
        assert "remove the waiver instead" in notices(app)
        await palette(pilot, "Remove waiver")
        assert app.plan.waivers == []
        assert ("waiver-stale", "aas") not in unwaived_rules(app)


async def test_remove_waiver_unwaives_a_waived_diagnostic_from_the_palette(plan_path):
    shutil.copy(FIXTURES.parent.parent / "plans" / "clerk-to-technician.toml", plan_path)
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "(1 waived)" in str(app.query_one(DiagnosticsPane).border_title)
        await pilot.press("4")
        await palette(pilot, "Remove waiver")
        assert app.plan.waivers == [] and app.modified
        assert "1 warning" in str(app.query_one(DiagnosticsPane).border_title)


# --- what-if ----------------------------------------------------------------------------------


async def test_compare_with_another_plan_shows_both_finishing_terms(plan_path):
    other = plan_path.with_name("alex-route.toml")
    shutil.copy(FIXTURES / "alex-route.toml", other)
    app = advisor_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await palette(pilot, "Compare with another plan")
        await choose_file(pilot, other)
        await app.workers.wait_for_complete()
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "alex.toml" in text and "alex-route.toml" in text
        assert "not planned" in text  # this plan does not reach the goal
        assert "2033-fall (goal reached 2032-summer)" in text  # the other does
        assert "approval out of date: J. Kim, advisor 2026-12-03" in text
        assert "only in alex-route.toml: Coding specialist, 2032-summer to 2033-fall" in text
        assert "Route: alex.toml" in text and "Route: alex-route.toml" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)
        assert app.plan.item("coder") is None  # comparing changes nothing


async def test_compare_names_a_file_that_cannot_be_read_in_the_dialog(plan_path):
    broken = plan_path.with_name("broken.toml")
    broken.write_text('format = "hit-career-plan/1"\ntitle = \n')
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Compare with another plan")
        await choose_file(pilot, broken)
        await app.workers.wait_for_complete()
        # The dialog says why (the file's long path wraps where the folder's name makes it).
        words = screen_words(app)
        assert "broken.toml" in words and "line 2, column 9: this is not valid TOML" in words
        assert not isinstance(app.screen, CompareScreen)


async def test_save_a_copy_writes_the_copy_and_keeps_editing_the_original(plan_path):
    before = plan_path.read_text()
    app = advisor_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        await palette(pilot, "Save a copy as")
        await pilot.press("enter")  # the name offered: alex-copy.toml beside the plan
        await app.workers.wait_for_complete()
        await pilot.pause()
        copy = plan_path.with_name("alex-copy.toml")
        assert str(load(str(copy)).plan.item("aas").start) == "2028-spring"
        assert plan_path.read_text() == before  # the original file is untouched
        assert app.path == str(plan_path) and app.modified  # and still the one being edited
        assert "you are still editing" in notices(app)
        # The copy is offered first when comparing.
        await palette(pilot, "Compare with another plan")
        assert app.screen.query_one("#compare-path").value.endswith("alex-copy.toml")


# --- plan text is data ------------------------------------------------------------------------

HOSTILE = r"""
format = "hit-career-plan/1"
title = "t"

[profile]
goal = "rhit"
starts = "2027-fall"

[[items]]
id = "aas"
requirement = "associate-hit"
start = "2027-fall"
end = "2029-spring"
title = "text [/] more"
accredited_by = "CAHIIM"
covers = ["anatomy-physiology"]

[[comments]]
author = "[bold]x[/] \u001b]52;c;aGk=\u0007"
date = 2026-12-02
item = "aas"
text = "[@click=app.quit]click[/] text [/] more"

[[comments]]
author = "[red]A[/red]"
text = "line one\nline [/] two \u001b[2J"

[[waivers]]
rule = "associate-coursework"
item = "aas"
by = "[b]B[/b] [/]"
date = 2026-12-03
reason = "[@click=app.quit]why[/]"

[[approvals]]
by = "[i]C[/i] [/] \u001b]0;title\u0007"
date = 2026-12-03
digest = "sha256:00"
"""


async def test_comments_waivers_and_approvals_are_shown_as_written_and_do_nothing(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE)
    app = advisor_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/] \\x1b]52;c;aGk=\\x07" in text  # the pane beside the item
        assert "[@click=app.quit]click[/] text [/] more" in text
        assert "approval out of date: [i]C[/i] [/] \\x1b]0;title\\x07 2026-12-03" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.click("#comments", offset=(3, 2))
        await pilot.pause()
        assert not app._exit
        await pilot.press("C")
        words = screen_words(app)
        assert "[red]A[/red]" in words and "line [/] two \\x1b[2J" in words
        await pilot.press("escape", "4")
        listing = app.query_one(DiagnosticList)
        listing.cursor = next(n for n, d in enumerate(listing.diagnostics) if d.waived is not None)
        await pilot.pause()
        assert "Waived by [b]B[/b] [/] on 2026-12-03: [@click=app.quit]why[/]" in screen_text(app)
        listing.cursor = 0
        await pilot.press("w")
        if isinstance(app.screen, WaiveScreen):
            await pilot.press("escape")
        # No profile name and no name given yet: the author field is first, and empty.
        await pilot.press("3", "c")
        await write(pilot, "[red]Z")
        await pilot.press("tab", "tab")
        await write(pilot, "[/] ok")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (app.plan.comments[-1].author, app.plan.comments[-1].text) == ("[red]Z", "[/] ok")
        assert "[red]Z · 2026-12-03" in screen_text(app)
