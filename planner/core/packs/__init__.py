"""Rule packs: which pack a plan uses, and building it.

A plan names its pack with `rules`: a built-in id (`BUILT_IN`) or the path of a pack file,
relative to the plan's folder; without `rules` it is `DEFAULT`, the seed's. Built-in packs are
Python data (compiled and cached by Python, so choosing one costs nothing at start-up) and are
built once per process each; a pack file is read from its TOML each time it is loaded
(packs/file.py). Every caller is handed the pack it uses: there is no global catalog.
"""

from __future__ import annotations

import os
from typing import Any

from planner.core.catalog import Pack
from planner.core.model import Plan

BUILT_IN = ("hit-2008", "hit-2026")
"""The built-in packs, oldest first."""
DEFAULT = "hit-2008"
"""The pack of a plan without `rules`: the seed's requirements, as plans always meant."""
NEW_PLANS = "hit-2026"
"""The pack a plan the planner starts is written with: the rules as they stand today."""

_built: dict[str, Pack] = {}


class PackError(Exception):
    """A pack that cannot be found or read, or a pack file that is not valid: one line of text."""


def builtin_data(pack_id: str) -> dict[str, Any]:
    """The data of a built-in pack, as a pack file's tables hold it (the caller must not change it)."""
    if pack_id == "hit-2008":
        from planner.core.packs.hit_2008 import PACK

        return PACK
    if pack_id == "hit-2026":
        from planner.core.packs.hit_2026 import CHANGES
        from planner.core.packs.merge import extend

        return extend(builtin_data("hit-2008"), CHANGES)
    raise KeyError(pack_id)


def builtin_pack(pack_id: str) -> Pack:
    """A built-in pack by id (KeyError when there is none), built on first use."""
    pack = _built.get(pack_id)
    if pack is None:
        pack = _built[pack_id] = Pack(builtin_data(pack_id))
    return pack


def default_pack() -> Pack:
    """The pack of a plan without `rules`."""
    return builtin_pack(DEFAULT)


def plan_pack(plan: Plan) -> Pack:
    """The built-in pack the plan names (DEFAULT without `rules`); PackError for a pack file,
    which only `pack_of` can find, as it needs the plan's folder."""
    value = plan.rules
    if value is None:
        return default_pack()
    if value in BUILT_IN:
        return builtin_pack(value)
    raise PackError(f'rules = "{value}" names a pack file; the planner needs the plan\'s folder to find it.')


def load_pack(value: str, folder: str, plan_file: str | None = None) -> Pack:
    """The pack `value` names: a built-in id, or a pack file's path relative to `folder`.

    PackError, one line naming the file, the value and the built-in packs, when it cannot be
    found or read; or naming the file, the line and the problem when the file is not valid.
    """
    if value in BUILT_IN:
        return builtin_pack(value)
    from planner.core.packs.file import read_pack_file

    path = value if os.path.isabs(value) else os.path.join(folder, value)
    return read_pack_file(path, value, plan_file)


def pack_for_file(plan: Plan, path: str, override: str | None = None) -> Pack:
    """The pack of the plan read from `path` (its `rules` relative to the file's folder), or
    `override` (`--rules`) when given; PackError when it cannot be found or read."""
    return pack_of(plan, os.path.dirname(os.path.abspath(path)), override, path)


def pack_of(plan: Plan, folder: str, override: str | None = None, plan_file: str | None = None) -> Pack:
    """The pack a plan is checked against: `override` (`--rules`, relative to the working
    folder) when given, else the plan's `rules` (relative to the plan's folder), else DEFAULT."""
    if override is not None:
        return load_pack(override, os.getcwd())
    if plan.rules is None:
        return default_pack()
    return load_pack(plan.rules, folder, plan_file)
