"""printable: the one function that keeps plan text from acting on the terminal."""

from __future__ import annotations

import pytest

from planner.core.text import printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),  # OSC 52: write the clipboard
        ("\x1b[2J", "\\x1b[2J"),  # clear the screen
        ("\x9b31m", "\\x9b31m"),  # C1 CSI
        ("a\x7fb", "a\\x7fb"),  # DEL
        ("\x00\x08\x0b\x0c\r", "\\x00\\x08\\x0b\\x0c\\x0d"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # right-to-left override
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
    ],
)
def test_control_characters_and_bidi_overrides_become_visible(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_ordinary_text_is_unchanged() -> None:
    text = "Café — naïve 日本語 [bold]x[/] <b> $HOME \\n\ttab\nnewline"
    assert printable(text) == text


def test_one_line_escapes_tab_and_newline_too() -> None:
    assert printable("a\tb\nc", one_line=True) == "a\\x09b\\x0ac"


def test_json_output_keeps_the_data_but_no_raw_control_character() -> None:
    import json

    from planner.core.text import printable_json

    value = {"title": "a\x1b]0;x\x07 \x7f \x9b31m \u202eevil \u2066i\u2069 café"}
    text = printable_json(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value  # the same data for a JSON reader
    for raw in ("\x1b", "\x07", "\x7f", "\x9b", "\u202e", "\u2066"):
        assert raw not in text
    assert "\\u009b31m" in text and "\\u202eevil" in text and "café" in text
