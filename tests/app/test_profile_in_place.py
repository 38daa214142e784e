"""The Profile pane edits one field at a time in its row, by keys, at 80x24 and 120x40.

1 focuses the pane (at 80x24 it then unfolds from its summary line to the rows), Up/Down move the
cursor, Enter edits the field under it; Enter (or ctrl+s) takes the value, Escape puts it back.
"""

import shutil

import pytest
from textual.widgets import Input, SelectionList

from planner.app.widgets.dropdown import Dropdown
from planner.app.widgets.next_steps import NextStepsPane
from planner.app.widgets.profile import FIELDS, ProfilePane
from tests.app.helpers import FIXTURES, open_app, screen_text, screen_words, settle

SIZES = [(80, 24), (120, 40)]

ROW = {name: number for number, (name, _) in enumerate(FIELDS)}


def to_row(name: str) -> list[str]:
    """Keys that focus the Profile pane and put its cursor on the field `name`."""
    return ["1", "home", *["down"] * ROW[name]]


def steps_on_screen(app) -> str:
    """The Next steps pane's count, as its border shows it."""
    return str(app.query_one(NextStepsPane).border_subtitle)


@pytest.mark.parametrize("size", SIZES)
async def test_changing_the_goal_in_place_changes_the_next_steps_and_undo_restores_it(plan_path, size):
    app = open_app(plan_path)
    async with app.run_test(size=size) as pilot:
        assert app.plan.profile.goal == "coding-specialist" and steps_on_screen(app) == "6 to go"
        await pilot.press(*to_row("goal"), "enter")
        assert isinstance(app.focused.parent, Dropdown)  # the list of goals, open in the row
        await pilot.press(*"Cancer", "enter")
        assert app.plan.profile.goal == "cancer-registrar"
        assert [step.requirement for step in app.review.steps][-3:] == [
            "cancer-registry-certification",
            "cancer-registrar",
            "continuing-education",  # the RHIT credential renewed within its cycle
        ]
        await pilot.pause()
        assert app.focused is app.query_one(ProfilePane)  # back on the row, ready for the next field
        text = screen_text(app)
        assert "Goal          Cancer registrar" in text and "7 to go" in text
        assert "unsaved changes" in text
        await pilot.press("u")
        await pilot.pause()
        assert app.plan.profile.goal == "coding-specialist" and steps_on_screen(app) == "6 to go"
        assert "Undone: change the goal" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_years_that_are_not_a_number_get_one_sentence_and_change_nothing(plan_path, size):
    app = open_app(plan_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*to_row("healthcare_experience_years"), "enter")
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+u", *"two", "enter")
        await pilot.pause()
        assert isinstance(app.focused, Input)  # still editing
        assert '"two" is not a number; write years in care in digits, from 0 to 60.' in screen_words(app)
        assert app.plan.profile.healthcare_experience_years == 0 and not app.history.can_undo
        await pilot.press("ctrl+u", *"61", "ctrl+s")
        await pilot.pause()
        assert "61 is out of range: years in care must be from 0 to 60." in screen_words(app)
        assert not app.history.can_undo
        await pilot.press("ctrl+u", "3", "enter")
        await pilot.pause()
        assert app.plan.profile.healthcare_experience_years == 3
        assert "is out of range" not in screen_words(app)
        assert app.history.next_undo.description == "change the years of health-care experience"


async def test_a_start_that_is_not_a_term_is_refused_and_a_term_is_taken(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*to_row("starts"), "enter", "ctrl+u", *"fall 2027", "enter")
        await pilot.pause()
        assert '"fall 2027" is not a term; write one such as 2027-fall' in screen_words(app)
        assert str(app.plan.profile.starts) == "2027-fall" and not app.history.can_undo
        await pilot.press("ctrl+u", *"2028-spring", "f2")
        assert str(app.plan.profile.starts) == "2028-spring"


@pytest.mark.parametrize("size", SIZES)
async def test_a_list_is_ticked_in_place_and_undo_restores_it(plan_path, size):
    app = open_app(plan_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*to_row("high_school_courses"), "enter")
        assert isinstance(app.focused, SelectionList)
        # biology and math are ticked; untick math, tick chemistry (Space ticks, Enter takes).
        await pilot.press("down", "space", "down", "space", "enter")
        assert app.plan.profile.high_school_courses == ["biology", "chemistry"]
        await pilot.pause()
        assert "High school   biology, chemistry" in screen_text(app)
        await pilot.press("u")
        assert app.plan.profile.high_school_courses == ["biology", "math"]


@pytest.mark.parametrize("size", SIZES)
async def test_escape_puts_the_row_back_and_changes_nothing(plan_path, size):
    app = open_app(plan_path)
    async with app.run_test(size=size) as pilot:
        pane = app.query_one(ProfilePane)
        await pilot.press(*to_row("name"), "enter", "ctrl+u", *"Sam", "escape")
        await pilot.press(*to_row("goal"), "enter", *"Cancer", "escape")  # the open list of goals
        await pilot.press(*to_row("credentials"), "enter", "space", "escape")
        await pilot.pause()
        assert not app.history.can_undo and app.plan.profile.name == "Alex Rivera"
        assert app.focused is pane and pane.editing is None
        assert not app.screen.query(Input) and not app.screen.query(Dropdown)
        text = screen_text(app)
        assert "Name          Alex Rivera" in text and "Goal          Coding specialist" in text


async def test_leaving_the_field_drops_the_edit_and_letters_are_not_shortcuts_meanwhile(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*to_row("credentials"), "enter")
        await pilot.press("q", "u", "p", "3")  # quit, undo, the dialog, go to Timeline: not while editing
        assert isinstance(app.focused, SelectionList) and app.screen is app.main
        await pilot.press("space", "tab")
        await pilot.pause()
        assert app.query_one(ProfilePane).editing is None and not app.screen.query(SelectionList)
        assert app.plan.profile.credentials == [] and not app.history.can_undo


async def test_at_80x24_the_pane_unfolds_while_it_has_focus(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(app)
        assert "Alex Rivera · → Coding specialist from 2027-fall" in text
        assert "Years in care" not in text
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "Years in care 0" in text and "Starts        2027-fall" in text
        assert "Timeline" in text and "Diagnostics" in text  # still on screen
        await pilot.press("3")
        await pilot.pause()
        assert "Years in care" not in screen_text(app)


async def test_a_name_holding_markup_and_escapes_is_edited_as_text(tmp_path):
    path = tmp_path / "hostile.toml"
    shutil.copy(FIXTURES / "hostile.toml", path)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        name = app.plan.profile.name
        await pilot.press(*to_row("name"), "enter")
        assert app.focused.value == "[@click=app.quit]Me[/] \\x1b]52;c;aGk=\\x07 text [/] more"
        await pilot.press("enter")  # unchanged: the file's value, escapes and all, stays as it was
        assert app.plan.profile.name == name and not app.history.can_undo
        await pilot.press("enter", "end", *" [b]", "enter")
        await pilot.pause()
        assert "[b]" in screen_text(app) and "\x1b" not in screen_text(app)
        assert not app._exit


async def test_the_palette_goes_to_the_pane_and_p_still_opens_the_dialog(plan_path):
    from planner.app.screens.profile_editor import ProfileEditorScreen

    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Edit profile here")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: app.focused is app.query_one(ProfilePane))
        await pilot.press("p")
        assert isinstance(app.screen, ProfileEditorScreen)


@pytest.mark.parametrize(
    ("years", "words"), [(1, "1 yr in care"), (2, "2 yrs in care"), (1.5, "1.5 yrs in care")]
)
async def test_the_folded_profile_counts_years_in_plain_words(plan_path, years, words):
    app = open_app(plan_path)
    app.plan.profile.healthcare_experience_years = years
    app.plan.profile.name = "Al"  # room on the line for the years
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Al · " in line)
        assert words in line


async def test_a_plan_with_every_step_planned_says_its_goal_in_a_sentence(tmp_path):
    from tests.app.test_open import clerk_plan

    app = open_app(clerk_plan(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        words = screen_words(app)
        assert (
            "Nothing is missing on the way to your goal: From health information clerk to technician."
            in words
        )
        assert "on the way to From" not in words


@pytest.mark.parametrize(
    "title, after",
    [
        ("Alex Rivera: Coding specialist", "Alex Rivera: Cancer registrar"),
        ("Alex: RHIT, then coding", "Alex: RHIT, then coding"),
    ],
)
async def test_a_generated_title_follows_the_goal_and_a_written_one_stays(plan_path, title, after):
    text = plan_path.read_text().replace('title = "Alex: RHIT, then coding"', f'title = "{title}"', 1)
    plan_path.write_text(text)
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert f" planner  {title}  " in screen_text(app).splitlines()[0]
        await pilot.press(*to_row("goal"), "enter", *"Cancer", "enter")
        await pilot.pause()
        assert app.plan.profile.goal == "cancer-registrar" and app.plan.title == after
        assert f" planner  {after}  " in screen_text(app).splitlines()[0]  # the header follows
        await pilot.press("u")
        await pilot.pause()
        assert app.plan.title == title


@pytest.mark.parametrize(
    "field, words", [("education", "none: no diploma"), ("role", "none: no job in the field")]
)
async def test_the_value_none_is_offered_in_words_apart_from_the_empty_choice(plan_path, field, words):
    app = open_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*to_row(field), "enter")
        await pilot.pause()
        text = screen_words(app)
        assert words in text and "(none)" in text  # "none" the value, "(none)" the field left out
