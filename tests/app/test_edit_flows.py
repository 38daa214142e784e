"""Editing by keys: take a step, add, edit, move, lengthen, shorten, delete, undo and redo.

Each test drives the app with keys and checks the plan and what the screen shows.
"""

from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.widgets.timeline import TimelinePane
from planner.core.terms import Term
from tests.app.helpers import item_ids, open_app, pane_words, screen_text


async def test_enter_on_a_next_step_takes_it_at_its_proposed_terms(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("2", "enter")
        rhit = app.plan.item("rhit")
        assert rhit is not None and str(rhit.start) == "2029-summer" and rhit.after == ["aas"]
        await pilot.pause()
        text = screen_text(app)
        assert "1. Health information" in text  # the next one is now first
        assert "unsaved changes" in text
        assert app.query_one(TimelinePane).selected_item is rhit


async def test_t_takes_the_next_step_from_anywhere_and_all_steps_clear_the_path(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(6):
            await pilot.press("t")
        assert item_ids(app)[-6:] == [
            "rhit",
            "health-information-technician",
            "continuing-education",  # the RHIT credential renewed within each cycle
            "coding-certification",
            "coding-specialist",
            "continuing-education-2",
        ]
        await pilot.pause()
        assert app.review.steps == []
        # The fixture's own errors remain (steps add what is missing; they fix nothing else).
        assert (
            "No milestone is missing on the way to your goal (Coding specialist), but the plan has"
            in pane_words(app, "NextStepsPane")
        )


async def test_move_later_and_earlier_by_keys(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        aas = app.plan.item("aas")
        assert (str(aas.start), str(aas.end)) == ("2028-spring", "2029-summer")
        await pilot.press("shift+left", "less_than_sign")
        aas = app.plan.item("aas")
        assert (str(aas.start), str(aas.end)) == ("2027-summer", "2028-fall")
        assert app.query_one(TimelinePane).selected_item is aas  # the cursor stays on the item


async def test_lengthen_and_shorten_by_keys(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("plus")
        assert str(app.plan.item("aas").end) == "2029-summer"
        await pilot.press("minus", "minus")
        assert str(app.plan.item("aas").end) == "2028-fall"


async def test_shortening_a_one_term_item_is_refused_in_one_sentence(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("down")  # stats: one term
        await pilot.press("minus")
        await pilot.pause()
        assert app.plan.item("stats").end is None
        assert "lasts one term already" in screen_text(app)


async def test_delete_then_undo_then_redo(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("down", "d")
        assert "stats" not in item_ids(app)
        await pilot.press("u")
        assert item_ids(app) == ["aas", "stats", "clerk", "rhit-exam"]
        assert app.query_one(TimelinePane).selected_item.id == "stats"
        await pilot.press("r")
        assert "stats" not in item_ids(app)
        await pilot.press("ctrl+z")
        assert "stats" in item_ids(app)
        await pilot.press("ctrl+y")
        assert "stats" not in item_ids(app)


async def test_undo_to_the_saved_state_clears_the_unsaved_mark(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert "unsaved changes" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "unsaved changes" not in screen_text(app)
        assert not app.modified


async def test_every_edit_revalidates_and_updates_every_pane(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("end")  # rhit-exam, which starts while the degree is still running
        assert app.query_one(TimelinePane).selected_item.id == "rhit-exam"
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert str(app.plan.item("rhit-exam").start) == "2029-summer"
        text = screen_text(app)
        assert "0 errors" in text
        assert app.review.version == app.history.version


async def test_edit_item_changes_fields_typed_in_the_editor(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ItemEditorScreen)
        assert "Edit aas" in screen_text(app)
        await pilot.press("tab", "tab")  # id -> milestone -> title
        assert app.screen.focused is app.screen.query_one("#field-title")
        await pilot.press("ctrl+u", *"AAS at Lakeside")  # ctrl+u clears the line
        await pilot.press("tab", "tab", "ctrl+u", *"2029-summer")  # start -> end
        await pilot.press("ctrl+s")
        aas = app.plan.item("aas")
        assert aas.title == "AAS at Lakeside" and str(aas.end) == "2029-summer"
        assert aas.notes == "Evening classes; online option."  # untouched fields stay as they were
        assert aas.covers == ["medical-terminology", "anatomy-physiology", "legal-aspects"]
        await pilot.press("u")
        assert app.plan.item("aas").title == "AAS Health Information Technology, Lakeside CC"


async def test_the_editor_refuses_a_term_that_is_not_one(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("e")
        start = app.screen.query_one("#field-start")
        start.focus()
        await pilot.press("end", *["backspace"] * 9, *"someday", "enter")
        assert isinstance(app.screen, ItemEditorScreen)
        assert "is not a term" in screen_text(app)
        await pilot.press("escape")
        assert str(app.plan.item("aas").start) == "2027-fall"


async def test_opening_the_editor_and_saving_changes_nothing(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("e", "ctrl+s")
        assert not app.history.can_undo
        assert not app.modified


async def test_add_item_by_keys(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ItemEditorScreen)
        assert "Add an item" in screen_text(app)
        await pilot.press(*["backspace"] * 10, *"medterm")  # the id field has focus
        await pilot.press("tab", "tab", *"Medical terminology", "tab")
        await pilot.press(*["backspace"] * 11, *"2028-spring", "enter")
        item = app.plan.item("medterm")
        assert item is not None
        assert item.requirement == "course" and item.title == "Medical terminology"
        assert item.start == Term.parse("2028-spring")
        assert app.query_one(TimelinePane).selected_item is item
        await pilot.pause()
        assert "medterm" in screen_text(app)


async def test_choosing_a_milestone_from_the_catalog(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("a", "tab", "enter")  # open the milestone choices
        await pilot.press(*"RHIT exam", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.plan.items[-1].requirement == "rhit-exam"


async def test_with_no_step_left_next_steps_points_to_the_errors_that_remain(coding_plan):
    app = open_app(coding_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nothing is missing on the way to your goal: Coding specialist." in pane_words(
            app, "NextStepsPane"
        )
        await pilot.press("3", "home", "d")  # delete the degree: the exam after it has errors now
        await pilot.pause()
        assert app.review.steps == [] and app.review.counts["error"] == 2
        words = pane_words(app, "NextStepsPane")
        assert (
            "No milestone is missing on the way to your goal (Coding specialist), but the plan has 2 errors"
            in words
        )
        assert "see Diagnostics (4)" in words
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing is missing on the way to your goal: Coding specialist." in pane_words(
            app, "NextStepsPane"
        )


async def test_the_item_dialog_shows_the_fields_of_its_kind_and_adds_another_kinds_on_choosing_it(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ItemEditorScreen)
        assert dialog.query("#field-area") and not dialog.query("#field-accredited_by")  # a course
        await pilot.press("tab", "enter", *"Associate degree", "enter")  # another milestone
        await pilot.pause()
        assert dialog.query("#field-accredited_by") and dialog.query("#field-covers")
        dialog.query_one("#field-accredited_by").value = "CAHIIM"
        await pilot.press("ctrl+s")
        added = app.plan.items[-1]
        assert added.requirement == "associate-hit" and added.accredited_by == "CAHIIM"
        assert added.facility is None and added.renews is None  # fields never shown stay out


async def test_editing_an_item_shows_every_field_it_holds_a_value_in(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "home", "e")  # aas, a degree
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ItemEditorScreen)
        assert dialog.query("#field-accredited_by") and not dialog.query("#field-facility")
        before = app.plan.copy()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.plan == before  # saving an untouched dialog changes nothing


async def test_a_resize_under_a_dialog_lays_the_plan_out_at_the_new_size_when_it_closes(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        assert isinstance(app.screen, ItemEditorScreen)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.has_class("-wide") and app.screen.has_class("-tall")
        assert app.query_one(TimelinePane).region.right <= 120
        assert "Comments on" in screen_text(app)  # the wide layout's pane under the timeline


async def test_a_new_items_proposed_id_follows_the_milestone_until_one_is_written(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a", "tab", "enter", *"RHIT exam", "enter")
        await pilot.pause()
        proposed = app.plan.new_item_id("rhit-exam")  # rhit-exam-2: the plan has one already
        assert app.screen.query_one("#field-id").value == proposed  # not "course"
        app.screen.query_one("#field-id").value = "my-exam"
        await pilot.press("enter", *"Intensive", "enter")  # the milestone still has focus
        await pilot.pause()
        assert app.screen.query_one("#field-id").value == "my-exam"  # the person's own id stays
        await pilot.press("ctrl+s")
        added = app.plan.items[-1]
        assert added.id == "my-exam" and added.requirement == "intensive-training"


async def test_a_long_value_shows_from_its_start_in_a_narrow_dialog(coding_plan):
    # At 60x20 the profile dialog's title field is narrower than the title; its first letters
    # were hidden (Textual scrolled it for the width before the dialog's scrollbar came).
    app = open_app(coding_plan)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        title = app.screen.query_one("#field-title")
        assert app.screen.focused is title and len(title.value) > title.content_size.width
        line = next(line for line in screen_text(app).splitlines() if "Plan title" in line)
        assert title.value[: title.content_size.width - 1] in line
        await pilot.press(*"My plan")  # all was selected: typing replaces it
        assert title.value == "My plan"


async def test_a_long_path_shows_its_file_name_in_a_narrow_save_as(tmp_path, coding_plan):
    folder = tmp_path / "a-rather-long-folder-name" / "for-plans" / "of-students"
    folder.mkdir(parents=True)
    path = folder / "coding-specialist.toml"
    path.write_text(coding_plan.read_text())
    app = open_app(path)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("S")
        await pilot.pause()
        field = app.screen.query_one("#save-as-path")
        assert len(field.value) > field.content_size.width
        assert "/of-students/coding-specialist.toml" in screen_text(app)
