"""Snapshots of what a person sees, at 80x24 and 120x40, on a fixed plan with today fixed.

Update them after a deliberate change of look with `pytest tests/snapshots --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from planner.app.app import PlannerApp
from planner.core.storage import load
from planner.core.terms import Term
from tests.app.helpers import FIXTURES

TODAY = Term.parse("2026-fall")
PLANS = Path(__file__).parent.parent.parent / "plans"


def alex() -> PlannerApp:
    """The fixture plan, shown under a short file name so that the header does not depend on the checkout."""
    return PlannerApp("alex.toml", load(str(FIXTURES / "alex.toml")), today=TODAY)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen(snap_compare, size):
    assert snap_compare(alex(), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_diagnostics_focused_after_taking_a_step(snap_compare, size):
    assert snap_compare(alex(), terminal_size=size, press=["t", "4", "down"])


def test_main_screen_without_colour(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(alex(), terminal_size=(80, 24))


def test_main_screen_in_the_terminals_own_16_colours(snap_compare, monkeypatch):
    monkeypatch.setenv("PLANNER_THEME", "ansi-dark")
    assert snap_compare(alex(), terminal_size=(80, 24))


async def open_the_item_editor(pilot) -> None:
    """Press e, and keep the cursor of the inputs from blinking (a blink would make the picture vary)."""
    await pilot.press("e")
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_item_editor(snap_compare, size):
    assert snap_compare(alex(), terminal_size=size, run_before=open_the_item_editor)


def test_new_plan_wizard(snap_compare):
    assert snap_compare(PlannerApp("new.toml", None, today=TODAY), terminal_size=(80, 24))


def test_source(snap_compare):
    assert snap_compare(alex(), terminal_size=(80, 24), press=["4", "down", "s"])


def test_help(snap_compare):
    assert snap_compare(alex(), terminal_size=(120, 40), press=["f1"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_comments(snap_compare, size):
    """Every comment, grouped by item, from a plan with comments on an item and on the whole plan."""
    app = PlannerApp("plan.toml", load(str(PLANS / "clerk-to-technician.toml")), today=TODAY)
    assert snap_compare(app, terminal_size=size, press=["down", "C"])


async def compare_with_the_whole_route(pilot) -> None:
    """Open the compare screen on alex.toml and alex-route.toml (file names as typed, in the fixtures)."""
    await pilot.press("ctrl+p", *"Compare with another plan")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+u", *"alex-route.toml", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_compare(snap_compare, size, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    assert snap_compare(alex(), terminal_size=size, run_before=compare_with_the_whole_route)


def test_compare_without_colour(snap_compare, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(alex(), terminal_size=(80, 24), run_before=compare_with_the_whole_route)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_waived_and_approved(snap_compare, size):
    """A waived diagnostic selected, and the approval state under Diagnostics."""
    app = PlannerApp("plan.toml", load(str(PLANS / "clerk-to-technician.toml")), today=TODAY)
    app.fixed_date = datetime.date(2026, 12, 3)
    assert snap_compare(app, terminal_size=size, press=["A", *"J. Kim, advisor", "enter", "4"])


async def type_bad_years_in_place(pilot) -> None:
    """Edit Years in care in the Profile pane, type "two" and press Enter: the field stays open with
    the problem under it (the input's cursor kept from blinking)."""
    await pilot.press("1", "down", "down", "down", "down", "down", "down", "enter")
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.press("ctrl+u", *"two", "enter")
    await pilot.pause()


def test_profile_field_edited_in_place(snap_compare):
    assert snap_compare(alex(), terminal_size=(120, 40), run_before=type_bad_years_in_place)


def test_profile_unfolded_at_80x24_without_colour(snap_compare, monkeypatch):
    """At 80 columns the Profile pane grows to show its rows while it has focus; the cursor is reversed."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(alex(), terminal_size=(80, 24), press=["1", "end", "up"])
