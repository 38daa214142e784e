"""Generated plans (any Unicode, wrong types in any field, unknown keys) opened in the app: every
pane draws, the item and profile editors open and, accepted untouched, change nothing, and no
control character reaches the screen."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings

from planner.app.app import PlannerApp
from planner.app.screens.item_editor import ItemEditorScreen
from planner.app.screens.profile_editor import ProfileEditorScreen
from planner.core.model import Plan
from planner.core.storage import Loaded, dumps, parse_plan
from planner.core.terms import Term
from tests.app.helpers import screen_text
from tests.hardening.hostile import FORBIDDEN
from tests.hardening.test_roundtrip_property import documents

APP_EXAMPLES = 10


def assert_clean(app: PlannerApp) -> None:
    text = screen_text(app)
    leaked = sorted({f"U+{ord(char):04X}" for char in FORBIDDEN if char in text})
    assert not leaked, f"raw control characters on screen: {leaked}"


SHOWN_WHEN_ABSENT = {"requirement", "goal"}
"""Fields whose choice list has no blank: when absent, the form shows (and so sets) the first choice."""


def assert_kept(before: dict, after: dict) -> None:
    """Every value the file held is still there, exactly; only a field shown when absent was added."""
    for key, value in before.items():
        if key in ("items", "profile") and isinstance(value, (list, dict)):
            continue
        assert after.get(key) == value, f"{key} changed"
    pairs = [(before.get("profile"), after.get("profile"))]
    if isinstance(before.get("items"), list):
        pairs += zip(before["items"], after["items"], strict=True)
    for old, new in pairs:
        if not isinstance(old, dict):
            continue
        for key, value in old.items():
            assert new.get(key) == value, f"{key} changed from {value!r} to {new.get(key)!r}"
        assert set(new) - set(old) <= SHOWN_WHEN_ABSENT, f"added {set(new) - set(old)}"


async def accept_untouched(pilot, app, editor: type) -> None:
    """Accept an editor as it opened; a form that needs a value it lacks says so, then Esc."""
    assert isinstance(app.screen, editor)
    await pilot.pause()
    assert_clean(app)
    await pilot.press("ctrl+s")
    if isinstance(app.screen, editor):
        assert app.screen.query(".field-note.-problem"), "the untouched editor refused its own values"
        assert_clean(app)
        await pilot.press("escape")
    assert not isinstance(app.screen, editor)


async def open_and_edit(document: dict) -> None:
    plan = Plan.from_toml(document)
    text = dumps(plan)
    loaded = Loaded(parse_plan(text, "generated.toml"), "generated.toml", text, 0, len(text))
    before = loaded.plan.to_toml()
    app = PlannerApp("generated.toml", loaded, today=Term.parse("2026-fall"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert_clean(app)
        await pilot.press("4", "down", "3", "home")
        assert_clean(app)
        if app.plan.items:
            await pilot.press("e")
            await accept_untouched(pilot, app, ItemEditorScreen)
            assert_kept(before, app.plan.to_toml())
        await pilot.press("p")
        await accept_untouched(pilot, app, ProfileEditorScreen)
        assert_kept(before, app.plan.to_toml())
        await pilot.pause()
        assert_clean(app)


@settings(max_examples=APP_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents)
def test_any_plan_opens_in_the_app_and_its_editors_change_nothing(document: dict) -> None:
    asyncio.run(open_and_edit(document))
