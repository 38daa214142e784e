"""Recovery files: unsaved edits kept beside the plan when a session ends without a save.

The app keeps its unsaved edits in `PLAN.toml.recovered` while there are any (and writes it
once more when the session is hung up, terminated or crashes). The next start on that plan
offers to restore it; nothing here ever deletes one unless asked to (`remove_recovery`).

When a recovery file from an earlier session is kept (the person opened the plan as saved), or
another session on the same plan holds that name, a session writes the next free name instead:
`PLAN.toml.2.recovered`, `PLAN.toml.3.recovered`... All of them end in `.recovered`, and each
is a plan file that `planner PLAN.toml.recovered` opens like any other.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Any

from planner.core.model import Plan

RECOVERY_SUFFIX = ".recovered"


def recovery_path(path: str, number: int = 1) -> str:
    """The recovery file `number` of the plan at `path` (`PLAN.toml.recovered`, `PLAN.toml.2.recovered`).

    It sits beside the file the plan really is (through symlinks), as a save does.
    """
    base = os.path.realpath(path)
    return base + (f".{number}" if number > 1 else "") + RECOVERY_SUFFIX


def recovery_files(path: str) -> list[str]:
    """The recovery files of the plan at `path` that exist, the most recently written first."""
    base = os.path.realpath(path)
    folder, name = os.path.split(base)
    pattern = re.compile(re.escape(name) + r"(?:\.([2-9]|[1-9][0-9]+))?" + re.escape(RECOVERY_SUFFIX))
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    found = []
    for entry in names:
        if pattern.fullmatch(entry):
            full = os.path.join(folder, entry)
            try:
                info = os.lstat(full)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):  # a link or anything else at the name is not one the planner wrote
                found.append((info.st_mtime_ns, full))
    return [full for _mtime, full in sorted(found, reverse=True)]


def find_recovery(path: str) -> str | None:
    """The most recently written recovery file of the plan at `path`, when there is one."""
    files = recovery_files(path)
    return files[0] if files else None


def free_recovery_path(path: str) -> str:
    """The first recovery name of the plan at `path` that no file holds yet."""
    number = 1
    while os.path.lexists(recovery_path(path, number)):
        number += 1
    return recovery_path(path, number)


def write_recovery(plan: Plan, path: str, target: str | None = None) -> str:
    """Write `plan` (its unsaved edits) to `target`, by default the plan's first recovery name.

    Written atomically, like a save, with a mode no wider than the plan's, and never through a
    link: when a link holds `target` (put there after an earlier write, say), the edits go to
    the next free recovery name instead. Returns the file written.
    """
    from planner.core.storage import LINK_TAKEN, PlanFileError, dumps, mode_beside, write_beside

    target = target or recovery_path(path)
    data = dumps(plan).encode("utf-8")
    mode = mode_beside(os.path.realpath(path))
    try:
        write_beside(target, data, mode)
    except PlanFileError as error:
        if error.problem != LINK_TAKEN:
            raise
        target = free_recovery_path(path)
        write_beside(target, data, mode)
    return target


def remove_recovery(target: str) -> bool:
    """Delete a recovery file (on the person's word, or once its edits are saved); True if it was there."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        return False
    return True


def _records_differ(old: list[Any], new: list[Any]) -> bool:
    return [record.to_toml() for record in old] != [record.to_toml() for record in new]


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _ids(items: list[Any], limit: int = 4) -> str:
    shown = [str(item.id) if item.id is not None else "(no id)" for item in items[:limit]]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more


def describe_changes(saved: Plan | None, recovered: Plan) -> list[str]:
    """How `recovered` differs from the plan as saved, one short line per kind of change.

    Lines quote item ids, which are plan text: show them through `printable`.
    """
    if saved is None:
        return [f"a plan that was never saved, with {_count(len(recovered.items), 'item')}"]
    lines = []
    if saved.to_toml().get("title") != recovered.to_toml().get("title"):
        lines.append("the title changed")
    if saved.to_toml().get("profile") != recovered.to_toml().get("profile"):
        lines.append("the profile changed")
    old_items = {item.id: item for item in saved.items}
    new_items = {item.id: item for item in recovered.items}
    added = [item for key, item in new_items.items() if key not in old_items]
    removed = [item for key, item in old_items.items() if key not in new_items]
    changed = [
        item
        for key, item in new_items.items()
        if key in old_items and old_items[key].to_toml() != item.to_toml()
    ]
    if changed:
        lines.append(f"{_count(len(changed), 'item')} changed: {_ids(changed)}")
    if added:
        lines.append(f"{_count(len(added), 'item')} added: {_ids(added)}")
    if removed:
        lines.append(f"{_count(len(removed), 'item')} removed: {_ids(removed)}")
    if not (changed or added or removed) and _records_differ(saved.items, recovered.items):
        lines.append("the items changed")
    for name in ("comments", "waivers", "approvals"):
        if _records_differ(getattr(saved, name), getattr(recovered, name)):
            lines.append(f"the {name} changed")
    if lines:
        counts = f"{_count(len(recovered.items), 'item')} in the recovered plan, {len(saved.items)} saved"
        lines.append(counts)
        return lines
    if saved.to_toml() != recovered.to_toml():
        return ["other fields changed"]
    return ["nothing: it holds the plan as saved"]
