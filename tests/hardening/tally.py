"""How many hostile inputs and faults one run of the tests throws at the planner.

Run: `python tests/hardening/tally.py` (from the repository root). The figures are read from
the tests themselves (Hypothesis settings, the hostile plan, the toml-test files); the fixed
ones (signals, kills, faults) are listed with the tests that throw them.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def examples(test) -> int:
    """The max_examples of a Hypothesis test."""
    return test._hypothesis_internal_use_settings.max_examples


def hostile_strings(value, payloads: list[str]) -> int:
    """How many strings (values and keys) in a document hold a hostile payload."""
    if isinstance(value, str):
        return int(any(payload in value for payload in payloads))
    if isinstance(value, dict):
        return sum(
            hostile_strings(key, payloads) + hostile_strings(entry, payloads) for key, entry in value.items()
        )
    if isinstance(value, list):
        return sum(hostile_strings(entry, payloads) for entry in value)
    return 0


def main() -> None:
    from tests.hardening import (
        test_app_fuzz,
        test_kill_during_save,
        test_loader_fuzz,
        test_roundtrip_property,
    )
    from tests.hardening.hostile import PAYLOADS, RAW, STRINGS, hostile_document

    rows: list[tuple[str, int, str]] = []
    rows.append(
        (
            "generated plans, model -> TOML -> model",
            examples(test_roundtrip_property.test_model_to_toml_to_model_is_the_identity),
            "test_roundtrip_property",
        )
    )
    arbitrary = examples(test_loader_fuzz.test_arbitrary_bytes) * 2  # each as it is and after a format line
    mutated = examples(test_loader_fuzz.test_mutated_example_plans)
    fragments = examples(test_loader_fuzz.test_plans_built_from_hostile_fragments)
    rows.append(("arbitrary bytes fed to the loader", arbitrary, "test_loader_fuzz"))
    rows.append(("mutated example plans fed to the loader", mutated, "test_loader_fuzz"))
    rows.append(("plans built from hostile TOML fragments", fragments, "test_loader_fuzz"))
    toml_test = REPO.parent / "shared" / "toml-test" / "invalid"
    invalid = sum(1 for path in toml_test.rglob("*") if path.is_file() and path.suffix == ".toml")
    rows.append(("invalid TOML files of the toml-test suite", invalid, "unit/test_storage"))
    rows.append(
        (
            "generated plans opened in the app, editors accepted",
            examples(test_app_fuzz.test_any_plan_opens_in_the_app_and_its_editors_change_nothing),
            "test_app_fuzz",
        )
    )
    real = hostile_strings(hostile_document(2000), STRINGS)
    rows.append(("hostile strings in the plan run in a real terminal", real, "test_real_terminal"))
    rows.append(("  of which distinct payloads", len(PAYLOADS), "hostile.PAYLOADS"))
    rows.append(("  raw byte sequences searched for in its output", len(RAW) + 1, "hostile.RAW + file name"))
    pilot = 2 * hostile_strings(hostile_document(40), STRINGS) + hostile_strings(
        hostile_document(12), STRINGS
    )
    rows.append(("hostile strings in the Pilot runs over every screen", pilot, "app/test_plan_text_is_data"))
    from tests.cli.test_hostile_output import COMMANDS

    rows.append(
        ("commands run on a hostile plan (30 items, hostile name)", len(COMMANDS), "cli/test_hostile_output")
    )
    rows.append(("kill -9 in the middle of saves", test_kill_during_save.KILLS, "test_kill_during_save"))
    rows.append(("kill -9 of the app after an edit", 2, "test_real_terminal"))
    rows.append(("hangups (terminal closed) and SIGHUP", 2, "test_real_terminal"))
    rows.append(("SIGTERM and SIGINT", 2, "test_real_terminal"))
    rows.append(("SIGCONT that no suspend asked for (as on a hang-up)", 1, "test_real_terminal"))
    rows.append(("bytes that are not UTF-8 from the terminal", 2, "test_real_terminal"))
    rows.append(
        (
            "save faults: read-only file x3, folder x3, full disk x4, I/O error x3, bad read-back x1",
            14,
            "unit/test_storage, app/test_save_faults, cli/test_commands",
        )
    )
    rows.append(
        ("plan files changed, removed or touched on disk before a save", 7, "app/test_*_flows, _faults")
    )
    from tests.app import test_recovery_flows

    scenarios = [
        name for name in dir(test_recovery_flows) if name.startswith("test_") and "written_when" not in name
    ]
    rows.append(
        (
            "recovery scenarios (restore, keep, delete, unreadable, crash, ...)",
            len(scenarios),
            "app/test_recovery_flows",
        )
    )
    from tests.unit import test_recovery

    sessions = [name for name in dir(test_recovery) if name.startswith("test_") and "session" in name]
    sessions += [name for name in dir(test_recovery) if name.startswith("test_") and "lock_file" in name]
    rows.append(
        (
            "two sessions on one plan (a live file kept, a leftover offered, no lock through a link)",
            len(sessions),
            "unit/test_recovery",
        )
    )
    from tests.cli import test_special_files, test_wrong_input

    rows.append(
        (
            "links at names beside a plan (backups, recovery, swapped in mid-write)",
            3,
            "unit/test_storage",
        )
    )
    rows.append(
        (
            "private plans whose copies must stay private (backup, recovery, report)",
            3,
            "unit/test_storage, cli",
        )
    )
    rows.append(("stray temporary names beside a plan", 4, "unit/test_storage"))
    special = len(
        test_special_files.test_a_fifo_given_as_a_plan_is_refused_at_once_in_one_line.pytestmark[-1].args[1]
    )
    rows.append(
        (
            "special files (FIFO x commands, device, FIFO in a folder, FIFO as report)",
            special + 3,
            "cli/test_special_files",
        )
    )
    deep = len(test_wrong_input.DEEP) * len(test_wrong_input.COMMANDS)
    rows.append(("deeply nested plans x commands", deep, "cli/test_wrong_input"))
    wrong = len(test_wrong_input.WRONG) * 5 * len(test_wrong_input.COMMANDS)
    rows.append(("wrong types in every field of each record kind x commands", wrong, "cli/test_wrong_input"))
    rows.append(("text that is not UTF-8 (--author, --as, --name, text, stdin)", 5, "cli/test_wrong_input"))
    rows.append(("plans without a terminal", 1, "unit/test_cli_app"))
    width = max(len(label) for label, _count, _where in rows)
    for label, count, where in rows:
        print(f"{label:<{width}}  {count:>7,}  {where}")
    total = sum(count for label, count, _where in rows if not label.startswith("  "))
    print(f"{'total':<{width}}  {total:>7,}")


if __name__ == "__main__":
    main()
