"""Recovery files: unsaved edits kept beside the plan when a session ends without a save.

The app keeps its unsaved edits in `PLAN.toml.recovered` while there are any (and writes it
once more when the session is hung up, terminated or crashes). The next start on that plan
offers to restore it; nothing here ever deletes one unless asked to (`remove_recovery`).

When a recovery file from an earlier session is kept (the person opened the plan as saved), or
another session on the same plan holds that name, a session writes the next free name instead:
`PLAN.toml.2.recovered`, `PLAN.toml.3.recovered`... All of them end in `.recovered`, and each
is a plan file that `planner PLAN.toml.recovered` opens like any other.

A running session holds an exclusive lock (`fcntl.flock`) on `PLAN.toml.recovered.lock` (or
`PLAN.toml.N.recovered.lock`) for its lifetime: the recovery file of that number is a live
session's, not a crash's leftover, and is never offered nor deleted by another session. The lock
goes with the process, however it ends, so a crash's file is offered at the next start.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

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


LOCK_SUFFIX = ".lock"


def lock_path(path: str, number: int = 1) -> str:
    """The lock file a live session holds for recovery file `number` of the plan at `path`."""
    return recovery_path(path, number) + LOCK_SUFFIX


def _number(path: str, file: str) -> int | None:
    """The number of recovery file `file` of the plan at `path` (1 for `PLAN.toml.recovered`)."""
    folder, name = os.path.split(os.path.realpath(path))
    if os.path.dirname(os.path.realpath(file)) != folder:
        return None
    pattern = re.escape(name) + r"(?:\.([2-9]|[1-9][0-9]+))?" + re.escape(RECOVERY_SUFFIX)
    found = re.fullmatch(pattern, os.path.basename(file))
    return int(found.group(1) or 1) if found else None


def _open_lock(name: str, create: bool, mode: int) -> int | None:
    """A descriptor on the lock file `name`, never through a link nor on anything but a regular file."""
    flags = (os.O_RDWR | os.O_CREAT) if create else os.O_RDONLY
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags, mode)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    return fd


def held_elsewhere(path: str, number: int) -> bool:
    """True when another open of recovery file `number`'s lock holds it: a live session writes it."""
    if fcntl is None:
        return False
    fd = _open_lock(lock_path(path, number), create=False, mode=0)
    if fd is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def is_live(path: str, file: str) -> bool:
    """True when recovery file `file` of the plan at `path` belongs to another running session."""
    number = _number(path, file)
    return number is not None and held_elsewhere(path, number)


def _lock_numbers(path: str) -> list[int]:
    base = os.path.realpath(path)
    folder, name = os.path.split(base)
    pattern = re.compile(
        re.escape(name) + r"(?:\.([2-9]|[1-9][0-9]+))?" + re.escape(RECOVERY_SUFFIX + LOCK_SUFFIX)
    )
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    return sorted(int(found.group(1) or 1) for found in map(pattern.fullmatch, names) if found)


def live_numbers(path: str, own: SessionLock | None = None) -> set[int]:
    """The recovery numbers of the plan at `path` that running sessions hold (but `own`)."""
    mine = set(own.held) if own is not None else set()
    return {number for number in _lock_numbers(path) if number not in mine and held_elsewhere(path, number)}


def open_elsewhere(path: str, own: SessionLock | None = None) -> bool:
    """True when another running session (not `own`) has the plan at `path` open."""
    return bool(live_numbers(path, own))


def leftover_files(path: str, own: SessionLock | None = None) -> list[str]:
    """The recovery files of the plan at `path` that no running session holds (crashes' leftovers),
    the most recently written first: the ones to offer, and the only ones another session may delete."""
    live = {recovery_path(path, number) for number in live_numbers(path, own)}
    return [file for file in recovery_files(path) if file not in live]


class SessionLock:
    """The recovery numbers this session holds, so other sessions know its files are live."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.held: dict[int, int] = {}
        """Recovery number -> the descriptor holding its lock."""

    def take(self, number: int) -> bool:
        """Hold the lock of recovery file `number`; False when another session holds it (or no lock
        file can be made there: a link, a folder that cannot be written)."""
        if number in self.held:
            return True
        if fcntl is None:
            return False
        name = lock_path(self.path, number)
        from planner.core.storage import mode_beside

        mode = mode_beside(os.path.realpath(self.path))
        for _attempt in range(3):
            fd = _open_lock(name, create=True, mode=mode)
            if fd is None:
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                same = os.path.samestat(os.fstat(fd), os.lstat(name))
            except OSError:
                os.close(fd)
                return False
            if same:
                self.held[number] = fd
                return True
            os.close(fd)  # the file was removed (its session ended) after the open: again
        return False

    def free_number(self) -> int:
        """A recovery number this session holds whose file does not exist yet (claimed if need be;
        before the plan's folder exists, the first free number, unlocked)."""
        for number in sorted(self.held):
            if not os.path.lexists(recovery_path(self.path, number)):
                return number
        number = 1
        while True:
            if not os.path.lexists(recovery_path(self.path, number)):
                if self.take(number):
                    return number
                if not os.path.isdir(os.path.dirname(recovery_path(self.path, number))):
                    return number  # no folder yet, so no other session: the name is free all the same
            number += 1
            if number > 10_000:
                return number

    def take_file(self, file: str) -> bool:
        """Hold the lock of recovery file `file` (one the person restored)."""
        number = _number(self.path, file)
        return number is not None and self.take(number)

    def release(self) -> None:
        """The session ends: remove and let go of every lock it holds."""
        for number, fd in sorted(self.held.items()):
            try:
                os.unlink(lock_path(self.path, number))
            except OSError:
                pass
            os.close(fd)
        self.held.clear()


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
