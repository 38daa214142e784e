"""The keymap file: other keys for the planner's actions, and one sentence for a file that cannot be taken."""

from __future__ import annotations

import pytest

from planner.core.keymap import KeymapError, keymap_path, parse_keymap, read_keymap

KNOWN = {"save", "undo", "redo", "help"}


def test_a_keymap_gives_actions_other_keys():
    text = '# my keys\nundo = "z, ctrl+z"\n"redo" = "Y"\nhelp = "?"\n'
    assert parse_keymap(text, "k.toml", KNOWN) == {"undo": "z,ctrl+z", "redo": "Y", "help": "?"}


def test_no_file_is_no_keymap(tmp_path):
    assert read_keymap(str(tmp_path / "keymap.toml"), KNOWN) == {}


def test_the_file_is_in_the_planners_config_folder():
    assert keymap_path({"XDG_CONFIG_HOME": "/c"}, "linux") == "/c/planner/keymap.toml"
    assert keymap_path({"XDG_CONFIG_HOME": "relative"}, "linux").endswith("/.config/planner/keymap.toml")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('undo = "z"\nsav = "x"\n', 2, '"sav" is not the id of any action'),
        ('undo = "z"\n\nredo = 3\n', 3, 'the keys for "redo" must be text in quotes'),
        ('undo = "z"\nredo = "y,"\n', 2, "leaves a key out"),
        ('undo = "ctrl s"\n', 1, '"ctrl s" is not a key name'),
        ('undo = "z"\nredo = "z"\n', 2, '"z" is given to both undo and redo'),
        ('undo = "z"\nredo = "y\n', 2, "not a TOML file the planner can read"),
        ('[keys]\nundo = "z"\n', 1, '"keys" is a table'),
        ('undo = "z"\nsave = ctrl+s\n', 2, "(a value is not in quotes; write keys like undo"),
    ],
)
def test_a_bad_keymap_is_one_sentence_naming_the_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    with pytest.raises(KeymapError) as caught:
        read_keymap(str(path), KNOWN)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: ") and words in message
    assert "\n" not in message and "Traceback" not in message


def test_a_keymap_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_bytes(b'undo = "z"\nredo = "\xff"\n')
    with pytest.raises(KeymapError, match=r"line 2: the file is not UTF-8 text"):
        read_keymap(str(path), KNOWN)


def test_a_folder_is_not_a_keymap(tmp_path):
    with pytest.raises(KeymapError, match="this is a folder"):
        read_keymap(str(tmp_path), KNOWN)


PLACES = {"save": "main", "undo": "main", "help": None, "form.cancel": "form", "export.cancel": "export"}


def test_one_key_may_do_actions_of_different_places():
    text = 'form.cancel = "escape,q"\nexport.cancel = "escape,q"\nundo = "q"\n'
    assert parse_keymap(text, "k.toml", PLACES) == {
        "form.cancel": "escape,q",
        "export.cancel": "escape,q",
        "undo": "q",
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('save = "z"\nundo = "z"\n', '"z" is given to both save and undo'),
        ('form.cancel = "f1"\nhelp = "f1"\n', '"f1" is given to both form.cancel and help'),
    ],
)
def test_one_key_for_two_actions_of_one_place_is_refused(text, words):
    with pytest.raises(KeymapError, match=words):
        parse_keymap(text, "k.toml", PLACES)


def test_an_id_with_a_dot_may_be_written_bare_or_in_quotes():
    text = 'form.cancel = "q"\n"export.cancel" = "x"\n'
    assert parse_keymap(text, "k.toml", PLACES) == {"form.cancel": "q", "export.cancel": "x"}


def test_an_unknown_id_with_a_dot_is_named_whole():
    with pytest.raises(KeymapError, match=r'line 1: "form.cancle" is not the id of any action'):
        parse_keymap('form.cancle = "q"\n', "k.toml", PLACES)
