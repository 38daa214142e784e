"""Profile, diagnostics, source, help, the command palette and the new-plan wizard, by keys."""

from planner.app.screens.help import HelpScreen
from planner.app.screens.new_plan import LayoutOfferScreen, NewPlanScreen
from planner.app.screens.profile_editor import ProfileEditorScreen
from planner.app.screens.source import SourceScreen
from planner.app.widgets.diagnostics import DiagnosticList
from planner.app.widgets.profile import ProfilePane
from planner.app.widgets.timeline import TimelinePane
from tests.app.helpers import (
    FIXTURES,
    open_app,
    palette,
    pane_words,
    screen_text,
    screen_words,
    settle,
    write,
)


async def test_edit_profile_revalidates_and_shows_the_change(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ProfileEditorScreen)
        years = app.screen.query_one("#field-healthcare_experience_years")
        years.focus()
        await pilot.press("end", "backspace", "3")
        name = app.screen.query_one("#field-name")
        name.focus()
        await pilot.press("end")
        await write(pilot, " R.")
        await pilot.press("ctrl+s")
        profile = app.plan.profile
        assert profile.healthcare_experience_years == 3 and profile.name == "Alex Rivera R."
        assert app.review.version == app.history.version
        await pilot.pause()
        assert "Alex Rivera R." in screen_text(app) and "3 yrs" in screen_text(app)
        await pilot.press("u")
        assert app.plan.profile.healthcare_experience_years == 0


async def test_p_on_the_profile_pane_opens_the_dialog_and_a_bad_number_is_refused(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert app.focused is app.query_one(ProfilePane)
        await pilot.press("p")
        assert isinstance(app.screen, ProfileEditorScreen)
        years = app.screen.query_one("#field-healthcare_experience_years")
        years.focus()
        await pilot.press("end", "backspace")
        await write(pilot, "lots")
        await pilot.press("enter")
        assert isinstance(app.screen, ProfileEditorScreen)
        assert "is not a number" in screen_text(app)
        await pilot.press("escape")
        assert app.plan.profile.healthcare_experience_years == 0


async def test_the_dialog_refuses_years_out_of_range(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        app.screen.query_one("#field-healthcare_experience_years").focus()
        await pilot.press("end", "backspace")
        await write(pilot, "75")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfileEditorScreen)
        assert "75 is out of range" in screen_words(app)
        assert app.plan.profile.healthcare_experience_years == 0


async def test_choosing_the_goal_changes_the_next_steps(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "tab", "enter")  # title -> goal, open its choices
        await pilot.press(*"Registered", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.plan.profile.goal == "rhit"
        assert [step.requirement for step in app.review.steps] == ["rhit"]


async def test_selecting_a_diagnostic_goes_to_its_item(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert app.focused is app.query_one(DiagnosticList)
        await pilot.press("down", "down")  # the warning on aas
        assert app.query_one(DiagnosticList).selected.item == "aas"
        assert app.query_one(TimelinePane).selected_item.id == "aas"  # shown as you go
        await pilot.press("end", "enter")
        timeline = app.query_one(TimelinePane)
        await pilot.press("4", "home", "enter")
        assert app.focused is timeline
        assert timeline.selected_item.id == "rhit-exam"
        await pilot.press("4", "down", "down", "enter")
        assert timeline.selected_item.id == "aas"


async def test_when_tall_the_selected_diagnostic_is_shown_in_full_below_the_list(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "down")
        await pilot.pause()
        words = pane_words(app, "DiagnosticsPane")
        # First in a person's words, with the degree's title; then, for those who want it, the rule.
        assert 'The RHIT exam is in 2029-spring, but "AAS Health Information Technology' in words
        assert "error rhit-exam-needs-cahiim-associate on rhit-exam (P5; s shows the source)" in words


async def test_a_plan_with_no_diagnostics_says_so_once_and_shows_no_empty_detail(coding_plan):
    app = open_app(coding_plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.review.diagnostics == []
        words = pane_words(app, "DiagnosticsPane")
        assert words.count("No diagnostics") == 1
        assert "╍" not in words  # the rule above the (empty) detail is hidden too


async def test_a_diagnostic_on_the_plan_goes_to_the_profile(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "end", "enter")  # the suggestion about the coding credential
        assert app.focused is app.query_one(ProfilePane)


async def test_s_shows_the_seed_sentence_behind_a_diagnostic(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "down", "s")
        assert isinstance(app.screen, SourceScreen)
        text = screen_words(app)
        assert "rhit-exam-needs-cahiim-associate" in text
        assert "P5" in text and "To take the examination, a person must graduate" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)


async def test_s_on_the_timeline_shows_the_items_sources(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "s")  # stats: no diagnostics, so its milestone's paragraph
        assert isinstance(app.screen, SourceScreen)
        assert "In addition to general education, coursework includes" in screen_words(app)


async def test_a_structure_rule_says_it_is_not_from_the_source_text(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "s")  # after-not-respected
        assert "does not come from the source text" in screen_words(app)


async def test_help_on_f1_and_question_mark(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Help" in text and "Save the plan to its file." in text
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_scrolls_by_keys_and_opens_again_at_its_top(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert "The planner shows your plan in four panes." in screen_words(app)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot, lambda: "four panes" not in screen_words(app))
        words = screen_words(app)
        assert "four panes" not in words and "Down one screenful." in words  # further down the keys
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot, lambda: "four panes" in screen_words(app))
        assert "The planner shows your plan in four panes." in screen_words(app)


async def test_every_named_action_is_in_the_command_palette(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        names = ("Take next step", "Add item", "Edit item", "Delete item", "Save", "Undo", "Redo")
        search = app.screen.query_one("#--input Input")
        for name in (*names, "Edit profile", "Show source"):
            search.value = name
            await settle(pilot, lambda name=name: f"  {name}" in screen_text(app))
            assert f"  {name}" in screen_text(app), f"the palette does not offer {name!r}"
        search.value = ""
        await pilot.press(*"Take next")  # typed, as a person searches
        await settle(pilot, lambda: "Take all" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot, lambda: app.plan.item("rhit") is not None)


async def test_palette_runs_edit_profile_and_show_source(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Edit profile")
        assert isinstance(app.screen, ProfileEditorScreen)
        await pilot.press("escape")
        await palette(pilot, "Show source")
        assert isinstance(app.screen, SourceScreen)


async def test_new_plan_wizard_lays_out_the_timeline_and_writes_nothing_until_saved(tmp_path):
    path = tmp_path / "new.toml"
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewPlanScreen)
        assert "does not exist yet" in screen_words(app)
        await pilot.press("enter")  # open the goal's choices (goal has focus)
        await pilot.press(*"Coding", "enter")
        await pilot.pause()
        name = app.screen.query_one("#field-name")
        name.focus()
        await write(pilot, "Sam")
        await pilot.press("enter")  # Enter in a line takes the form
        assert isinstance(app.screen, LayoutOfferScreen)
        text = screen_words(app)
        assert "Lay out the timeline?" in text and "Associate degree" in text
        await pilot.press("enter")  # Lay out the timeline
        await pilot.pause()
        assert not path.exists()
        assert app.plan.profile.goal == "coding-specialist" and app.plan.profile.name == "Sam"
        assert app.plan.title == "Sam: Coding specialist"
        assert len(app.plan.items) == 8 and app.review.errors == 0  # 6 on the path, 2 renewals
        assert "unsaved changes" in screen_text(app)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        assert path.exists() and not app.modified


async def test_new_plan_can_start_with_an_empty_timeline(tmp_path):
    app = open_app(tmp_path / "new.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")  # take the form as it is
        await pilot.click("#empty")
        await pilot.pause()
        assert app.plan.items == [] and app.plan.profile.goal == "rhit"
        assert [step.requirement for step in app.review.steps] == ["associate-hit", "rhit-exam", "rhit"]


async def test_cancelling_the_new_plan_quits_and_writes_nothing(tmp_path):
    path = tmp_path / "new.toml"
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app._exit
    assert not path.exists()


async def test_at_80x24_the_selected_diagnostic_reads_whole_and_leads_with_the_title(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = pane_words(app, "DiagnosticsPane")
        assert "The RHIT exam starts in 2029-spring" in rows  # a sentence, not "rhit-exam  It starts"
        assert "after-not-respected" not in rows
        await pilot.press("4")  # the pane unfolds while it has focus
        await pilot.pause()
        words = pane_words(app, "DiagnosticsPane")
        assert (
            'The RHIT exam starts in 2029-spring, but it has to wait until "AAS Health Information '
            'Technology, Lakeside CC" is over, and that ends in 2029-spring.'
        ) in words
        assert "error after-not-respected on rhit-exam" in words  # the rule, for those who want it
        assert app.query_one(TimelinePane).region.height >= 5  # the timeline keeps rows
        await pilot.press("3")  # folds again
        await pilot.pause()
        assert "after-not-respected" not in pane_words(app, "DiagnosticsPane")


async def test_the_source_dialog_leads_with_the_sentence_and_keeps_the_rule_id(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "s")
        assert isinstance(app.screen, SourceScreen)
        await pilot.pause()
        words = screen_words(app)
        assert "Source The RHIT exam starts in 2029-spring" in words
        assert "Error · rule after-not-respected · on rhit-exam" in words


async def test_an_item_over_before_the_visible_terms_says_so_at_the_left_edge(tmp_path):
    path = tmp_path / "rhit.toml"
    late = '\n[[items]]\nid = "late-ce"\nrequirement = "continuing-education"\nstart = "2036-fall"\n'
    path.write_text((FIXTURES.parent.parent / "plans" / "rhit.toml").read_text() + late)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "end")  # the last item: the chart scrolls to its term, 2036-fall
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "hs-chemistry" in line)
        assert "◀ ended 2027-spring · Chemistry, Roosevelt High School" in row


async def test_a_message_in_the_title_line_is_shown_whole_at_60_columns(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3", "greater_than_sign")  # an edit, then its undo says what it undid
        await pilot.press("u")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        message = "Undone: move aas a term later"
        assert message in top, top
        assert top.startswith(" planner  Alex: RHIT")  # the title gives way, cut, not the message


async def test_at_60x20_the_unfolded_profile_leaves_the_timeline_and_whole_footer_keys(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "^s Sav" not in bottom or "^s Save" in bottom  # a key is shown whole or not at all
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one(TimelinePane).region.height >= 4  # still on screen, with a row
        assert "Name" in pane_words(app, "#profile")


async def test_the_footer_keys_are_those_of_the_pane_after_a_dialog_closes(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "s")
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "Go to item" in bottom and "Waive" in bottom
        await pilot.press("3", "a", "escape")
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "a Add" in bottom and "Go to item" not in bottom


async def test_at_60_columns_the_diagnostics_counts_are_not_cut(tmp_path):
    path = tmp_path / "clerk.toml"
    path.write_text((FIXTURES.parent.parent / "plans" / "clerk-to-technician.toml").read_text())
    app = open_app(path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "Diagnostics  ✗ 0  ! 0  • 0  (1 waived) ─" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Diagnostics  ✗ 0 errors  ! 0 warnings  • 0 suggestions  (1 waived)" in screen_text(app)
