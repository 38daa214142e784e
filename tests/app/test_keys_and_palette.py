"""The table of actions makes the keys, the palette and the help; a keymap file remaps keys; Export report."""

from __future__ import annotations

import os
import stat

import pytest
from textual.command import CommandList
from textual.widgets import Footer

from planner.app.actions import ACTIONS, OWNERS, SECTIONS, palette_entries, shown_keys
from planner.app.screens.export_dialog import ExportScreen
from planner.app.screens.help import HelpBody, HelpScreen
from planner.app.screens.item_editor import ItemEditorScreen
from tests.app.helpers import notices, open_app, screen_text, screen_words, settle


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    """A config folder of the test's own, so that no keymap of the person running the tests is read."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


def write_keymap(folder, text: str):
    (folder / "planner").mkdir(exist_ok=True)
    path = folder / "planner" / "keymap.toml"
    path.write_text(text)
    return path


def help_words(app) -> str:
    """The help's text, laid out wide (a key's line unwrapped), its words run together."""
    body = app.screen.query_one(HelpBody)
    body.lay_out(200)
    return " ".join(body.text().split())


def palette_lines(app) -> list[str]:
    """The palette's entries as shown, one string each (name, keys, and help under them)."""
    listing = app.screen.query_one(CommandList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_every_binding_has_an_id_and_a_tooltip_and_ctrl_keys_have_another():
    for action in ACTIONS:
        assert action.id and action.tooltip.endswith("."), action.id
        alike = [
            other for other in ACTIONS if other is action or other.palette_command == action.palette_command
        ]
        keys = [key for other in alike for key in other.keys.split(",") if key]
        if keys and all(key.startswith("ctrl+") for key in keys):
            pytest.fail(f"{action.id} has only ctrl keys: {action.keys}")


async def test_the_palette_lists_the_planners_actions_first_each_with_its_key(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: any("Theme" in line for line in palette_lines(app)))
        lines = palette_lines(app)
        first = lines[0].splitlines()[0]
        assert first.startswith("Take next step") and first.rstrip().endswith("t")
        names = [line.splitlines()[0] for line in lines]
        theme = next(i for i, name in enumerate(names) if name.startswith("Theme"))
        planners = [entry.name for entry in palette_entries()]
        assert all(i < theme for i, name in enumerate(names) if name.split("  ")[0] in planners)
        assert "Save  ^s or f2" in names and "Export report  x" in names
        # Textual's Quit is not offered beside the planner's own, which asks about unsaved edits.
        assert sum(name.startswith("Quit") for name in names) == 1


async def test_an_action_that_cannot_act_now_says_why_in_the_palette(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text('format = "hit-career-plan/1"\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n')
    app = open_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p", *"Edit item")
        await settle(pilot, lambda: "Not now: the timeline has no item selected" in screen_text(app))


async def test_the_help_is_the_table_every_action_with_its_keys(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        words = help_words(app)
        for action in ACTIONS:
            assert action.tooltip in words or action.id in words, action.id
            if action.name:
                keys = shown_keys(
                    app, [other for other in ACTIONS if other.palette_command == action.palette_command]
                )
                assert f"{keys or 'palette'} {action.tooltip}" in words, action.id


async def test_a_keymap_file_remaps_a_key_in_footer_help_and_action(plan_path, own_config):
    write_keymap(own_config, 'undo = "z"\nshorten = "minus,n"\n')
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        footer = str(app.screen.query_one(Footer).render())
        await pilot.pause()
        assert "z Undo" in screen_text(app) and "u Undo" not in screen_text(app), footer
        before = app.plan.item("aas").end
        await pilot.press("n")
        assert app.plan.item("aas").end != before
        await pilot.press("u")  # no longer undo
        assert app.plan.item("aas").end != before
        await pilot.press("z")
        assert app.plan.item("aas").end == before
        await pilot.press("f1")
        assert "z Undo the last edit." in help_words(app)
        assert "- or n End the selected item a term earlier." in help_words(app)
        await pilot.press("escape", "ctrl+p", *"Undo")
        await settle(pilot, lambda: "Undo  z" in palette_lines(app)[0] if palette_lines(app) else False)


async def test_a_bad_keymap_file_is_one_sentence_and_the_default_keys_stay(plan_path, own_config):
    path = write_keymap(own_config, 'undo = "z"\nsav = "x"\n')
    app = open_app(plan_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        said = notices(app)
        assert (
            said
            == f'{path}, line 2: "sav" is not the id of any action (the help, F1, lists the ids); '
            + ("the planner keeps its default keys.")
        )
        before = app.plan.item("aas").end
        await pilot.press("minus", "u")
        assert app.plan.item("aas").end == before


async def add_item_dialog_with_a_milestone(pilot) -> None:
    """Open Add item (a) and choose the RHIT exam, so that the form's values can be taken."""
    await pilot.press("a")
    assert isinstance(pilot.app.screen, ItemEditorScreen)
    await pilot.press("tab", "enter", *"RHIT exam", "enter")  # the milestone choices, then one
    await pilot.pause()


async def test_the_help_lists_the_dialogs_keys_after_the_main_screens(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        words = help_words(app)
        assert words.index(" In dialogs ") > words.index(" Comments, approvals, waivers ")
        assert "^s or f2 A form: Take these values. form.accept" in words
        assert "esc Export report: Do not export. export.cancel" in words
        assert "c Add a comment about the highlighted one's item. comments.add" in words


async def test_a_keymap_file_remaps_a_dialogs_key(plan_path, own_config):
    write_keymap(own_config, 'form.accept = "f6"\n')
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        count = len(app.plan.items)
        await add_item_dialog_with_a_milestone(pilot)
        assert not notices(app)  # the id is known: the file is taken
        # The dialog's sentence names the key in force, not the default.
        words = screen_words(app)
        assert "F6 takes them, Esc cancels." in words and "ctrl+s" not in words
        await pilot.press("ctrl+s", "f2")  # the default keys no longer take the form
        await pilot.pause()
        assert isinstance(app.screen, ItemEditorScreen) and len(app.plan.items) == count
        await pilot.press("f6")
        await pilot.pause()
        assert not isinstance(app.screen, ItemEditorScreen)
        assert len(app.plan.items) == count + 1 and app.plan.items[-1].requirement == "rhit-exam"
        await pilot.press("f1")
        assert "f6 A form: Take these values. form.accept" in help_words(app)


async def test_one_key_may_close_every_dialog(plan_path, own_config):
    write_keymap(own_config, 'form.cancel = "escape,f7"\n"export.cancel" = "escape,f7"\n')
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ItemEditorScreen)
        assert "Esc (or F7) cancels." in screen_words(app)
        await pilot.press("f7")
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("f7")
        await pilot.pause()
        assert not isinstance(app.screen, (ItemEditorScreen, ExportScreen))
        assert not notices(app)


async def test_export_report_writes_the_report_beside_the_plan(plan_path):
    os.chmod(plan_path, 0o600)
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = plan_path.with_suffix(".md")
        assert report.exists()
        assert "Alex: RHIT, then coding" in report.read_text()
        assert stat.S_IMODE(os.stat(report).st_mode) & ~0o600 == 0
        assert f"The report (Markdown) is in {report}" in notices(app)


async def test_export_report_as_html_from_the_palette(plan_path):
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Export report")
        await settle(pilot, lambda: "Write the plan's report" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ExportScreen))
        await pilot.click("#html")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = plan_path.with_suffix(".html")
        assert report.read_text().lstrip().lower().startswith("<!doctype html")


async def test_export_never_writes_through_a_link(plan_path, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("mine")
    plan_path.with_suffix(".md").symlink_to(elsewhere)
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "enter")
        await settle(pilot, lambda: not isinstance(app.screen, ExportScreen) or "Replace" in screen_text(app))
        if "Replace" in screen_text(app):
            await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert elsewhere.read_text() == "mine"
        assert "No report written" in notices(app) and "link" in notices(app)


def test_every_row_has_a_known_owner_and_section_and_an_id_of_its_own():
    assert all(action.owner in OWNERS and action.section in SECTIONS for action in ACTIONS)
    assert len({action.id for action in ACTIONS}) == len(ACTIONS)


async def test_the_advisors_dialogs_and_the_profile_name_the_keys_in_force(plan_path, own_config):
    write_keymap(own_config, 'form.accept = "f9"\nform.cancel = "f12"\nprofile.cancel = "f8"\n')
    app = open_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")  # sign the plan
        await pilot.pause()
        words = screen_words(app)
        assert "Enter or F9 signs, F12 cancels." in words and "ctrl+s" not in words
        await pilot.press("f12")
        await pilot.press("3", "c")  # a comment on the selected item
        await pilot.pause()
        assert "F9 adds the comment, F12 cancels." in screen_words(app)
        await pilot.press("f12")
        await pilot.press("1", "enter")  # edit the profile's first field in place
        await pilot.pause()
        assert "Enter takes it, F8 cancels." in screen_words(app)
