"""Reports: every section, the timeline term by term and as a chart, and plan text kept as data."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

from planner.core.digest import plan_digest
from planner.core.export import CHART_TERMS, export, md_escape, report
from planner.core.model import Approval, Comment, Item, Plan, Waiver
from planner.core.nextsteps import next_steps
from planner.core.validate import validate
from tests.unit.advisor_plans import alex

DAY = datetime.date(2026, 12, 3)
HOSTILE = {
    "markup": "[bold]x[/]",
    "script": "<script>alert(1)</script>",
    "link": "[click](javascript:alert(1))",
    "osc52": "\x1b]52;c;aGk=\x07",
    "bidi": "evil\u202egnp.exe",
    "image": "![x](https://tracker.example/p.png)",
}


def full_plan() -> Plan:
    """Alex's plan with a waiver, an approval that holds and an old one, and a comment on the plan."""
    plan = alex()
    plan.waivers.append(
        Waiver(rule="associate-coursework", item="aas", by="J. Kim", date=DAY, reason="On file.")
    )
    plan.approvals.append(
        Approval(by="M. Ortiz", date=datetime.date(2026, 1, 5), digest="sha256:" + "1" * 64)
    )
    plan.approvals.append(Approval(by="J. Kim", date=DAY, digest=plan_digest(plan)))
    plan.comments.append(Comment(author="M. Ortiz", date=DAY, text="Two lines:\nsee you in March."))
    return plan


def hostile_plan() -> Plan:
    """A plan whose every string a person can write holds something that must not act."""
    plan = alex()
    bad = " ".join(HOSTILE.values())
    plan.title = "T " + bad
    plan.profile.name = "N " + bad
    plan.item("aas").title = "A " + bad  # type: ignore[union-attr]
    plan.item("aas").notes = "# heading\n- list\n1. ordered\n    code\n---\n" + bad  # type: ignore[union-attr]
    plan.item("aas").extra["x" + HOSTILE["script"]] = bad  # type: ignore[union-attr]
    plan.comments.append(Comment(author="C " + bad, date=DAY, item="aas", text="| cell | " + bad))
    plan.waivers.append(
        Waiver(rule="associate-coursework", item="aas", by="W " + bad, date=DAY, reason="R " + bad)
    )
    plan.approvals.append(Approval(by="P " + bad, date=DAY, digest="sha256:" + "2" * 64))
    return plan


# --- content ----------------------------------------------------------------------------------


def test_markdown_has_every_section() -> None:
    text = export(full_plan(), "alex.toml", "markdown")
    for heading in (
        "# Alex: RHIT, then coding",
        "## At a glance",
        "## Profile",
        "## Timeline, term by term",
        "## Chart",
        "## Items",
        "## Diagnostics",
        "## Next steps",
        "## Comments",
        "## Waivers",
        "## Approvals",
    ):
        assert heading + "\n" in text
    assert "- Finishes: 2033-fall (goal reached 2032-summer)" in text
    assert "- Approval: out of date: M. Ortiz (2026-01-05); current: J. Kim (2026-12-03)" in text
    assert "| Name | Alex Rivera |" in text
    assert "| 2030-spring | Health information technician (tech), term 1 of 6 |" in text
    assert "(waived by J. Kim on 2026-12-03: On file.)" in text
    assert "- M. Ortiz, 2026-01-05: out of date: the plan changed after it" in text
    assert "- J. Kim, 2026-12-03: current" in text
    assert "- 2026-12-02, J. Kim, advisor, on rhit-exam (RHIT exam):\\" in text
    assert "  Two lines:\\\n  see you in March." in text


def test_html_has_every_section_and_loads_nothing() -> None:
    text = export(full_plan(), "alex.toml", "html")
    for heading in ("At a glance", "Profile", "Timeline", "Items", "Diagnostics", "Next steps", "Comments"):
        assert f"<h2>{heading}</h2>" in text
    assert "<h2>Waivers</h2>" in text and "<h2>Approvals</h2>" in text
    assert "default-src 'none'" in text
    lowered = text.lower()
    for forbidden in (
        "<script",
        "<link",
        "<img",
        "<iframe",
        "href=",
        "src=",
        "url(",
        "@import",
        "http:",
        "https:",
    ):
        assert forbidden not in lowered, forbidden
    assert "<style>" in text and text.count("<style>") == 1
    assert "2033-fall (goal reached 2032-summer)" in text


def test_html_is_well_formed() -> None:
    class Checker(HTMLParser):
        VOID = {"meta", "br", "input", "img", "hr", "link"}

        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag not in self.VOID:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
            self.stack.pop()

    for plan in (full_plan(), hostile_plan()):
        checker = Checker()
        checker.feed(export(plan, "alex.toml", "html"))
        assert checker.stack == []


def test_the_term_table_covers_every_term_and_folds_long_gaps() -> None:
    plan = alex()
    plan.items.append(Item(id="director", requirement="director", start="2040-spring", facility="small"))
    data = report(plan, "alex.toml")
    whens = [row.when for row in data.terms]
    assert whens[0] == "2027-fall"
    assert "2033-fall" in whens
    assert "2034-spring to 2039-fall" in whens
    assert whens[-1] == "2040-spring"
    gap = data.terms[whens.index("2034-spring to 2039-fall")]
    assert gap.entries == []
    md = export(plan, "alex.toml")
    assert "| 2034-spring to 2039-fall | (nothing planned) |" in md


def test_the_chart_has_a_bar_per_item_and_stops_at_its_width() -> None:
    plan = alex()
    data = report(plan, "alex.toml")
    assert [bar.label for bar in data.bars] == ["aas", "rhit-exam", "rhit", "tech", "ceu", "cert", "coder"]
    aas = data.bars[0]
    assert (aas.first, aas.last, aas.kind) == (0, 4, "degree")
    assert data.bars[1].first == 5
    assert data.bars[0].mark == "warning"  # associate-coursework

    plan.items.append(Item(id="far", requirement="director", start="2050-spring", facility="small"))
    data = report(plan, "alex.toml")
    assert len(data.chart_terms) == CHART_TERMS
    assert "far" not in [bar.label for bar in data.bars]
    assert "the plan runs to 2050-spring" in data.chart_note


def test_the_markdown_chart_is_an_indented_code_block() -> None:
    text = export(alex(), "alex.toml")
    chart = text.split("## Chart\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in chart.splitlines() if line.startswith("    ")]
    # Whole years from spring, each year written over its spring, so the first year has a label too.
    assert rows[0].split()[:3] == ["2027", "2028", "2029"]
    assert rows[1].strip().startswith("Sp Su Fa Sp")
    assert rows[0].index("2028") == rows[1].index("Sp", rows[1].index("Fa"))
    aas = next(row for row in rows if row.strip().startswith("aas"))
    assert "***************" in aas  # five terms, with a warning
    tech = next(row for row in rows if row.strip().startswith("tech "))
    assert "==================" in tech


def test_with_no_step_left_the_report_points_to_the_errors_that_remain() -> None:
    plan = alex()
    for step in next_steps(plan):
        plan.items.append(step.to_item())
    assert "Nothing is missing on the way to the goal." in export(plan, "alex.toml")
    # The degree goes; the exam after it stays, so no step is proposed, but errors appear.
    plan.items = [item for item in plan.items if item.requirement != "associate-hit"]
    assert next_steps(plan) == []
    for format in ("markdown", "html"):
        text = export(plan, "alex.toml", format)
        assert "No milestone is missing on the way to the goal, but the plan has" in text
        assert "Nothing is missing" not in text
    errors = [d for d in validate(plan) if d.severity == "error"]
    assert errors  # the sentence above is about these


def test_an_empty_plan_still_makes_a_report() -> None:
    plan = Plan(title=None)
    for format in ("markdown", "html"):
        text = export(plan, "empty.toml", format)
        assert "empty.toml" in text
        assert "no items yet" in text


# --- plan text is data ------------------------------------------------------------------------


def test_html_escapes_every_plan_string_and_shows_control_characters() -> None:
    text = export(hostile_plan(), "alex.toml", "html")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]52;c;aGk=\\x07" in text
    assert "evil\\u202egnp.exe" in text
    assert "[bold]x[/]" in text  # shown as those characters
    body = text.split("<body>", 1)[1]
    assert "<a " not in body and "<img" not in body
    # Plan text inside a tag is an attribute value with nothing that could end it.
    for tag in re.findall(r"<[a-z][^>]*>", body):
        assert tag.count("<") == 1 and tag.count('"') % 2 == 0, tag


def test_markdown_escapes_what_would_become_markup() -> None:
    text = export(hostile_plan(), "alex.toml", "markdown")
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # no link or image can form

    assert "\\[click\\](javascript:alert(1))" in text
    assert "\\!\\[x\\](https://tracker.example/p.png)" in text
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\x1b]52;c;aGk=\\x07" not in text  # the ] is escaped too:
    assert "\\\\x1b\\]52;c;aGk=\\\\x07" in text
    # Multi-line text cannot start a heading, a list or a code block of its own.
    assert "Notes: \\# heading<br>\\- list<br>1\\. ordered<br>code<br>\\---<br>" in text
    assert "\\| cell \\|" in text


def test_md_escape() -> None:
    assert md_escape("a_b*c`d") == "a\\_b\\*c\\`d"
    assert md_escape("<b>&amp;") == "\\<b\\>\\&amp;"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("12. not a list") == "12\\. not a list"
    assert md_escape("    not code") == "not code"
    assert md_escape("line\n---") == "line\n\\---"
    assert md_escape("$x$ ~y~") == "\\$x\\$ \\~y\\~"
    assert md_escape("Alex: RHIT, then coding.") == "Alex: RHIT, then coding."


def test_the_html_chart_places_each_bar_on_its_terms() -> None:
    text = export(alex(), "alex.toml", "html")
    chart = text.split('<div class="chart"', 1)[1].split("</div>\n<table>", 1)[0]
    assert "repeat(19, minmax(.6rem, 1fr))" in chart  # 2027-fall to 2033-fall
    assert 'style="grid-row: 1; grid-column: 2 / span 1">2027</div>' in chart
    assert 'style="grid-row: 1; grid-column: 3 / span 3">2028</div>' in chart
    assert (
        '<div class="bar kind-degree status-planned mark-warning" style="grid-row: 3; grid-column: 2 / 7" '
        'title="AAS Health Information Technology, Lakeside CC">'
    ) in chart
    assert '<div class="bar kind-job status-planned" style="grid-row: 6; grid-column: 9 / 15"' in chart


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_no_plan_string_reaches_a_report_raw() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.text(max_size=40), st.text(max_size=40))
    def check(title: str, note: str) -> None:
        plan = alex()
        plan.title = title or None
        plan.item("aas").notes = note  # type: ignore[union-attr]
        plan.comments.append(Comment(author=note, date=DAY, item="aas", text=title + "\n" + note))
        html_text = export(plan, "alex.toml", "html")
        body = html_text.split("<body>", 1)[1]
        assert not _UNSAFE.search(html_text)
        assert "<script" not in body.lower() and "<a " not in body.lower()
        markdown_text = export(plan, "alex.toml", "markdown")
        assert not _UNSAFE.search(markdown_text)
        assert re.search(r"(?<!\\)\]\(", markdown_text) is None
        assert re.search(r"(?<!\\)<(?!br>)", markdown_text) is None

    check()


def test_the_html_chart_has_a_legend_of_its_colours_and_outlines() -> None:
    text = export(alex(), "alex.toml", "html")
    legend = text.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    assert '<span class="swatch kind-degree"></span>degree' in legend
    assert '<span class="swatch kind-job"></span>job' in legend
    assert "has a warning" in legend
    # The legend comes right after the chart, before the term-by-term table.
    assert text.index('<div class="chart"') < text.index('<ul class="legend"') < text.index("<th>Term</th>")


def test_exports_say_catalog_ids_in_words() -> None:
    plan = alex()
    plan.profile.set("education", "high-school-student")
    plan.profile.set("high_school_courses", ["computer-science", "math"])
    for form in ("markdown", "html"):
        text = export(plan, "alex.toml", form)
        assert "high school student" in text and "high-school-student" not in text
        assert "computer science, math" in text
        assert "(coding-specialist)" not in text  # the goal by its name, without its id
