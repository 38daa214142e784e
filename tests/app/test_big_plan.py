"""A plan too big to validate on every key: the review runs in a thread and catches up."""

from planner.app import app as app_module
from planner.app.widgets.timeline import TimelinePane
from planner.core.storage import dumps
from tests.app.helpers import open_app, screen_text
from tests.benchmarks.plans import make_plan


async def test_edits_on_a_big_plan_are_reviewed_in_the_background_and_catch_up(tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "SYNC_LIMIT", 50)
    path = tmp_path / "big.toml"
    path.write_text(dumps(make_plan(300, seed=0)))
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.review is not None and app.review.version == app.history.version
        timeline = app.query_one(TimelinePane)
        assert len(timeline.rows) == 300
        first = timeline.selected_item
        await pilot.press("greater_than_sign", "greater_than_sign", "down", "plus")
        assert app.plan.item(first.id).start == first.start.shift(2)  # the edits are made at once
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.review.version == app.history.version  # and the diagnostics caught up
        assert "checking" not in screen_text(app)
