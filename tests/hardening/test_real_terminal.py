"""The real app (`planner PLAN`) in a real pseudo-terminal: hostile text, signals, a hangup, a
byte that is not UTF-8, kill -9. Every byte the app writes is read and searched."""

from __future__ import annotations

import os
import shutil
import signal
import time

import pytest

from planner.core.storage import load
from tests.app.helpers import FIXTURES
from tests.hardening.hostile import FILE_NAME, FILE_RAW, MARKUP, PAYLOADS, RAW, hostile_plan_text, visible
from tests.hardening.terminal import Terminal, kill_9, until

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def test_a_plan_full_of_hostile_strings_sends_none_of_them_to_the_terminal(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(hostile_plan_text(items=2000))
    before = path.read_bytes()
    with Terminal(str(path), columns=120, rows=40) as term:
        assert term.wait_for("2000 items", timeout=60), bytes(term.output[-2000:])

        def shows(keys: list[str], text: str) -> None:
            mark = term.mark()
            term.press(*keys)
            assert term.wait_for(text, mark, timeout=20), f"{keys} never showed {text!r}"

        def back() -> None:
            # Esc, then let the app finish drawing: a key typed too soon after a lone Esc reads
            # as alt+key, as in any terminal program.
            term.press("escape")
            term.settle()

        term.press("3", "down", "down", "down", "pagedown", "pagedown", "end", "home", "down")
        shows(["e"], "Save item")  # the item editor, every field
        term.press("tab", "tab", "tab", "pagedown")
        back()
        shows(["s"], "Close")  # the source viewer on an item
        back()
        term.press("4", "down", "down", "down")
        shows(["s"], "Close")  # on a diagnostic (waived ones included)
        back()
        term.press("pagedown", "end", "2", "down")
        shows(["p"], "Save profile")  # the profile editor
        back()
        shows(["ctrl+p"], "Search")  # the command palette
        back()
        shows(["1", "end"], "Years in care")  # a long profile scrolls in its pane: its last rows
        term.press("3", "end", "up")
        shows(["e"], "Save item")  # the editor on the last items (long ids and titles among them)
        back()

        assert term.alive()
        shows(["f1"], "four panes")  # still alive, still answering keys (F1 works whatever has focus)
        back()
        term.press("ctrl+q")
        assert term.wait() == 0
        output = bytes(term.output)
    for raw in [*RAW, FILE_RAW]:
        assert raw not in output, f"{raw!r} reached the terminal"
    for payload, _raws in PAYLOADS:
        assert visible(payload).encode() in output, f"{visible(payload)!r} was never shown"
    for markup in MARKUP:
        assert markup.encode() in output
    assert path.read_bytes() == before


def kept_start(recovered: str) -> str | None:
    """The start of aas in the recovery file, when it can be read."""
    try:
        return str(load(recovered).plan.item("aas").start)
    except Exception:  # noqa: BLE001 - not written yet
        return None


def copy_of_alex(tmp_path):
    path = tmp_path / "alex.toml"
    shutil.copy(FIXTURES / "alex.toml", path)
    return path


@pytest.mark.parametrize("how", ["hangup", "SIGHUP", "SIGTERM", "SIGINT"])
def test_a_dropped_session_keeps_the_edits_and_the_next_start_offers_them(tmp_path, how):
    path = copy_of_alex(tmp_path)
    before = path.read_text()
    recovered = str(path) + ".recovered"
    with Terminal(str(path)) as term:
        assert term.wait_for("Diagnostics")
        term.press(">")
        assert term.wait_for("unsaved changes")
        if how == "hangup":
            term.hang_up()  # the terminal goes away: the kernel sends SIGHUP
        else:
            term.signal(getattr(signal, how))
        # Ended by a signal, the app exits as the shell's convention says: 128 + the signal's number
        # (143 after SIGTERM), so a script or a service manager sees it did not end normally.
        number = signal.SIGHUP if how == "hangup" else getattr(signal, how)
        assert term.wait(timeout=15) == 128 + number, "the app did not exit with 128 + the signal"
        if how in ("SIGTERM", "SIGINT"):  # the terminal is still there: it is told where the edits are
            assert term.wait_for("the unsaved edits are kept in", timeout=5)
    assert path.read_text() == before
    assert str(load(recovered).plan.item("aas").start) == "2028-spring"
    with Terminal(str(path)) as term:
        assert term.wait_for("Unsaved edits from an earlier session")
        assert term.wait_for("1 item changed: aas")
        term.press("escape")
        term.settle()
        term.press("ctrl+q")
        assert term.wait() == 0
    assert os.path.exists(recovered)  # kept: never deleted without the person's word


def test_a_sigcont_that_no_suspend_asked_for_changes_nothing(tmp_path):
    # The kernel sends SIGCONT with SIGHUP when the terminal goes away, and anyone may send one.
    # Textual 8.2.8 then started application mode a second time, and the app could not exit.
    path = copy_of_alex(tmp_path)
    with Terminal(str(path)) as term:
        assert term.wait_for("Diagnostics")
        term.signal(signal.SIGCONT)
        time.sleep(0.5)
        term.press(">", ">", ">", ">")
        term.settle()
        term.press("ctrl+s")
        term.settle()
        term.press("ctrl+q")
        assert term.wait(timeout=10) == 0, "the app did not exit (cleanly)"
    assert str(load(str(path)).plan.item("aas").start) == "2029-spring"  # every key arrived once


def test_a_byte_that_is_not_utf8_costs_nothing(tmp_path):
    path = copy_of_alex(tmp_path)
    recovered = str(path) + ".recovered"
    with Terminal(str(path)) as term:
        assert term.wait_for("Diagnostics")
        term.press(">")
        mark = term.mark()
        term.send(b"\xff")  # what a Latin-1 terminal sends for a letter
        assert term.wait_for("not UTF-8", mark, timeout=10), bytes(term.output[mark:])[-3000:]
        assert term.alive()
        term.press(">")  # keys still work after it
        # The edits reach the recovery file a moment later, without any signal.
        assert until(lambda: kept_start(recovered) == "2028-summer")
        kill_9(term)  # nothing runs after this
    assert str(load(recovered).plan.item("aas").start) == "2028-summer"


def test_kill_9_after_an_edit_leaves_the_edit_in_the_recovery_file(tmp_path):
    path = copy_of_alex(tmp_path)
    before = path.read_text()
    recovered = str(path) + ".recovered"
    with Terminal(str(path)) as term:
        assert term.wait_for("Diagnostics")
        term.press("3", "end", "<")
        assert until(lambda: os.path.exists(recovered))
        kill_9(term)
    assert path.read_text() == before
    assert load(recovered).plan.to_toml() != load(str(path)).plan.to_toml()


def test_with_textuals_own_driver_a_byte_that_is_not_utf8_still_keeps_the_edits(tmp_path):
    """Textual's own Linux driver (chosen with $TEXTUAL_DRIVER) stops the app at such a byte
    (textual issue 6456); the edits made just before are kept on the way out."""
    path = copy_of_alex(tmp_path)
    recovered = str(path) + ".recovered"
    with Terminal(str(path), env={"TEXTUAL_DRIVER": "textual.drivers.linux_driver:LinuxDriver"}) as term:
        assert term.wait_for("Diagnostics")
        term.press(">")
        term.send(b"\xff")
        assert term.wait(timeout=15) is not None, "Textual's driver no longer stops the app: recheck 6456"
        assert b"UnicodeDecodeError" in term.output
    assert kept_start(recovered) == "2028-spring"
