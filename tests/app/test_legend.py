"""The timeline's colours have a legend, and job bars are not drawn in the colour of errors."""

import re
from pathlib import Path

from planner.app.widgets.timeline import KIND_COLOURS, KIND_LEGEND, KINDS, kind_legend

STYLES = Path(__file__).resolve().parent.parent.parent / "styles" / "app.tcss"


def test_the_legend_names_the_colours_the_stylesheet_gives_each_kind():
    given = dict(re.findall(r"\.timeline--([a-z-]+) \{ color: ansi_([a-z_]+); \}", STYLES.read_text()))
    assert given == KIND_COLOURS
    assert set(KINDS) <= set(KIND_COLOURS)
    assert "job white" in KIND_LEGEND and "course cyan" in KIND_LEGEND
    assert "✗ error" in kind_legend().plain


def test_job_bars_are_apart_from_the_error_colour():
    # Textual's ANSI palette (and many terminals') draws magenta as the red of errors.
    assert KIND_COLOURS["job"] not in {"red", "bright_red", "magenta", "bright_magenta"}
