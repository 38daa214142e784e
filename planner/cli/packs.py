"""`planner rules`: the rule packs, one pack's rules with their citations, and what two differ in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.cli.options import BROKEN, FOUND, OK, UsageError, complain, plural, say


def cmd_rules(args: Sequence[str]) -> int:
    """`planner rules`, `planner rules show ID|PATH`, `planner rules diff A B`."""
    args = list(args)
    if not args:
        return list_packs()
    if args[0] == "show" and len(args) == 2:
        return show_pack(args[1])
    if args[0] == "diff" and len(args) == 3:
        return diff_packs(args[1], args[2])
    raise UsageError(
        "planner rules: use `planner rules`, `planner rules show ID|PATH` or `planner rules diff A B`"
    )


def _load(value: str) -> Any:
    """The pack `value` names (a built-in id, or a pack file relative to the working folder)."""
    import os

    from planner.core.packs import load_pack

    return load_pack(value, os.getcwd())


def _own_rules(pack: Any) -> list[Any]:
    """The pack's rules (those with a kind), not the plan-structure and sharing rules every pack has."""
    return [rule for rule in pack.rules.values() if rule.kind is not None]


def list_packs() -> int:
    """One line per built-in pack: id, title, as-of date, number of rules."""
    from planner.core.packs import BUILT_IN, DEFAULT, NEW_PLANS, builtin_pack

    for pack_id in BUILT_IN:
        pack = builtin_pack(pack_id)
        marks = [word for word, which in (("default", DEFAULT), ("new plans", NEW_PLANS)) if which == pack_id]
        note = f" ({', '.join(marks)})" if marks else ""
        say(f"{pack_id}{note}: {pack.title}; as of {pack.as_of}; {plural(len(_own_rules(pack)), 'rule')}")
    say("A pack of one's own is a TOML file that extends one of these (see the README).")
    return OK


def show_pack(value: str) -> int:
    """Every rule of a pack with its severity and citation, then its sources."""
    from planner.core.packs import PackError

    try:
        pack = _load(value)
    except PackError as error:
        complain(str(error))
        return BROKEN
    extends = f", extends {pack.extends}" if pack.extends else ""
    say(f"{value}: {pack.title}; as of {pack.as_of}{extends}; {plural(len(_own_rules(pack)), 'rule')}")
    for rule in _own_rules(pack):
        say(f"  {rule.severity} {rule.id} ({rule.source or 'no source'}): {rule.message}")
    structural = [rule.id for rule in pack.rules.values() if rule.kind is None]
    say(f"  and in every pack, the plan-structure and sharing rules: {', '.join(structural)}")
    if pack.sources:
        say("sources:")
        for source in pack.sources.values():
            say(f'  {source.id}: {source.publisher}, "{source.title}", {source.url} (read {source.read})')
            say(f"    {source.fact}")
    return OK


def diff_packs(old_value: str, new_value: str) -> int:
    """Which rules, milestones and goals differ between two packs: exit 0 the same, 1 they differ."""
    from planner.core.packs import PackError
    from planner.core.packs.compare import pack_differences

    packs = []
    for value in (old_value, new_value):
        try:
            packs.append(_load(value))
        except PackError as error:
            complain(str(error))
    if len(packs) != 2:
        return BROKEN
    lines = pack_differences(packs[0], packs[1])
    if not lines:
        say(f"{old_value} and {new_value} hold the same rules, milestones and goals.")
        return OK
    say(f"{old_value} -> {new_value}: {plural(len(lines), 'difference')}")
    for line in lines:
        say(f"  {line}")
    return FOUND
