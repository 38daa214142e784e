"""Saving to the plan's own file, asking first when another program changed it since it was read.

The choices: save as another file (both versions kept), overwrite (the other version is kept
beside as `PLAN.toml.~N~`), reload (the edits here are dropped for the version on disk), cancel.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from planner.app.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from planner.app.app import PlannerApp


def other_name(path: str) -> str:
    """A name beside `path` for this version of the plan: plan.toml -> plan-mine.toml (-2, -3...)."""
    stem, extension = os.path.splitext(path)
    candidate = f"{stem}-mine{extension or '.toml'}"
    number = 2
    while os.path.lexists(candidate):
        candidate = f"{stem}-mine-{number}{extension or '.toml'}"
        number += 1
    return candidate


def save_plan(app: PlannerApp, then=None) -> None:
    """Save the plan to its own file; `then()` runs after a successful save."""
    if not app.changed_on_disk(app.path):
        app.save(then=then)
        return
    app.run_worker(_ask_and_save(app, then), group="flow", name="save a changed file")


async def _ask_and_save(app: PlannerApp, then) -> None:
    """The file changed on disk: ask what to do (save as, overwrite, reload, cancel), then do it."""
    if not os.path.lexists(app.path):
        what = "was removed by another program since it was opened here"
    elif app.disk_text is None:
        what = "was written by another program since this new plan was started"
    else:
        what = "was changed by another program since it was opened here"
    choice = await app.push_screen_wait(
        ConfirmScreen(
            "The file changed on disk",
            f"{app.path} {what}. Save as writes your version to another file and keeps both; "
            "Overwrite writes yours over it and keeps the other beside it (with ~ after its name); "
            "Reload drops your edits and reads the file again.",
            [("save_as", "Save as…"), ("overwrite", "Overwrite"), ("reload", "Reload"), ("cancel", "Cancel")],
        )
    )
    if choice == "save_as":
        await save_elsewhere(app, then)
    elif choice == "overwrite":
        app.save(then=then, keep_theirs=True)
    elif choice == "reload":
        app.reload()


async def save_elsewhere(app: PlannerApp, then=None) -> None:
    """Ask for another file and save the plan there (it then belongs to that file); in a worker."""
    from planner.app.screens.save_as import SaveAsScreen

    path = await app.push_screen_wait(SaveAsScreen(other_name(app.path)))
    if not path:
        return
    if os.path.realpath(path) == os.path.realpath(app.path):
        app.save(then=then, keep_theirs=True)  # back to the plan's own file: keep the other version
    else:
        app.save(path, then=then)
