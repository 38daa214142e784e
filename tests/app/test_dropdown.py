"""The editors' one-of-many fields (planner.app.widgets.dropdown), by keys and clicks, as a person
meets them in the item dialog at 80x24: the list opens on Enter, typing jumps to a choice, Enter
takes it, Esc and leaving the list change nothing."""

from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.widgets.dropdown import Dropdown, DropdownList, TickDropdown, TickList
from planner.app.widgets.fields import FormField
from tests.app.helpers import open_app, screen_text, screen_words


async def open_milestone(pilot, app) -> Dropdown:
    """The add-item dialog open, its milestone's list open; the milestone's dropdown."""
    await pilot.press("3", "a", "tab", "enter")
    await pilot.pause()
    assert isinstance(app.screen, ItemEditorScreen)
    milestone = app.screen.query_one("#field-requirement", Dropdown)
    assert milestone.expanded and isinstance(app.focused, DropdownList)
    return milestone


async def test_the_list_shows_the_choices_and_esc_closes_it_changing_nothing(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        milestone = await open_milestone(pilot, app)
        words = screen_words(app)
        assert "High-school course (course)" in words and "Coding certificate program" in words
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert not milestone.expanded and app.focused is milestone
        assert milestone.value == "course"
        assert "High-school course" not in screen_words(app)  # the list is gone from the screen
        await pilot.press("ctrl+s")
        assert app.plan.items[-1].requirement == "course"


async def test_typing_jumps_to_a_choice_and_enter_takes_it(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        milestone = await open_milestone(pilot, app)
        await pilot.press(*"cancer reg", "enter")
        await pilot.pause()
        assert milestone.value == "cancer-registry-program" and app.focused is milestone
        assert "Cancer registry certificate program" in screen_words(app)  # the dropdown shows it
        await pilot.press("ctrl+s")
        assert app.plan.items[-1].requirement == "cancer-registry-program"


async def test_leaving_the_open_list_with_tab_changes_nothing(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        milestone = await open_milestone(pilot, app)
        await pilot.press("down", "down", "tab")
        await pilot.pause()
        assert not milestone.expanded and milestone.value == "course"
        assert app.focused is not milestone


async def test_a_click_opens_the_list_and_a_click_on_a_choice_takes_it(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        status = app.screen.query_one("#field-status", Dropdown)
        status.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(status)
        await pilot.pause()
        assert status.expanded
        options = app.screen.query_one(DropdownList)
        words = [str(option.prompt) for option in options.options]
        assert words[0] == "(none)" and "done" in words
        options.highlighted = words.index("done")
        await pilot.press("enter")
        await pilot.pause()
        assert status.value == "done" and not status.expanded


async def test_a_field_is_one_widget_holding_its_editor(plan_path):
    """What makes a dialog open fast: no widget per label, hint or row, and no list until needed."""
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        fields = list(app.screen.query(FormField))
        assert fields and all(len(field.children) == 1 for field in fields)
        assert not app.screen.query(DropdownList)
        lines = screen_text(app).splitlines()
        milestone = next(line for line in lines if "Milestone" in line)
        assert milestone.index("Milestone") < milestone.index("Course (course)")  # label, then choice
        assert any("Unique in the plan:" in line for line in lines)  # the hint under its label


async def test_a_list_of_boxes_shows_its_ticks_on_one_line_and_opens_to_tick_more(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        courses = app.screen.query_one("#field-high_school_courses", TickDropdown)
        held = list(app.plan.profile.high_school_courses)
        shown = ", ".join(held)
        courses.focus()  # and into view
        await pilot.pause()
        assert shown in screen_words(app) and not app.screen.query(TickList)  # one line, no list yet
        await pilot.press("enter")
        await pilot.pause()
        boxes = app.screen.query_one(TickList)
        assert app.focused is boxes and courses.expanded
        unticked = next(n for n, value in enumerate(boxes._values) if value not in held)
        boxes.highlighted = unticked
        await pilot.press("space", "enter")  # tick one more, close the list
        await pilot.pause()
        assert not courses.expanded and app.focused is courses
        added = boxes.get_option_at_index(unticked).value
        assert f"{shown}, {added}" in screen_words(app)  # the line says what is ticked now
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.plan.profile.high_school_courses == [*held, added]


async def test_esc_closes_a_list_of_boxes_keeping_its_ticks_and_a_second_esc_cancels_the_dialog(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.plan.copy()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#field-credentials", TickDropdown).focus()
        await pilot.press("enter", "space", "escape")
        await pilot.pause()
        credentials = app.screen.query_one("#field-credentials", TickDropdown)
        assert not credentials.expanded and len(credentials.selected) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main and app.plan == before


async def test_letters_typed_as_the_list_first_opens_search_it(plan_path):
    # A quick typist: Enter, then the first letters, before the list (made on the first opening)
    # is on screen. The letters search it as if typed there; Enter then takes the choice found.
    from textual import events

    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a", "tab")
        milestone = app.screen.query_one("#field-requirement", Dropdown)
        assert app.focused is milestone and milestone._list is None  # never opened yet
        burst = [("enter", "\r"), *((c, c) for c in "cancer"), ("space", " "), *((c, c) for c in "reg")]
        for key, character in [*burst, ("enter", "\r")]:
            app._driver.send_message(events.Key(key, character))
        await pilot.pause()
        assert milestone.value == "cancer-registry-program" and app.focused is milestone


async def test_space_typed_as_the_boxes_first_open_ticks_the_first_box(plan_path):
    from textual import events

    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        courses = app.screen.query_one("#field-high_school_courses", TickDropdown)
        courses.focus()
        await pilot.pause()
        held = list(app.plan.profile.high_school_courses)
        first = courses.choices[0][1]
        for key, character in [("enter", "\r"), ("space", " "), ("enter", "\r")]:
            app._driver.send_message(events.Key(key, character))
        await pilot.pause()
        assert not courses.expanded and app.focused is courses
        assert (first in courses.selected) != (first in held)  # the first box changed
