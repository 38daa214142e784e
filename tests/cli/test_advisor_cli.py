"""The advisor's commands, run through `planner.cli.main`: comment, sign, export, diff, schema, check."""

from __future__ import annotations

import datetime
import io
import json
import os
import sys
from pathlib import Path

import pytest

from planner.cli import main  # noqa: E402
from planner.core.digest import plan_digest  # noqa: E402
from planner.core.schema import plan_schema  # noqa: E402
from planner.core.storage import SCHEMA_HINT, dumps, load_plan  # noqa: E402
from tests.unit.advisor_plans import ALEX

TODAY = datetime.date.today().isoformat()
ESC = "\x1b]52;c;aGk=\x07"
ESC_TOML = "\\u001b]52;c;aGk=\\u0007"
"""ESC as a TOML basic string writes it (a raw control character is not valid TOML)."""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """Alex's plan in the canonical layout."""
    path = tmp_path / "alex.toml"
    path.write_text(dumps(load_plan_text(ALEX)), encoding="utf-8")
    return path


def load_plan_text(text: str):
    from planner.core.storage import parse_plan

    return parse_plan(text, "alex.toml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- comment ----------------------------------------------------------------------------------


def test_comment_appends_a_dated_comment_on_an_item(plan_file: Path, capsys) -> None:
    status, out, _ = run(
        capsys, "comment", plan_file, "--author", "J. Kim", "--item", "tech", "Ask about nights."
    )
    assert status == 0
    assert out == f'{plan_file}: comment by J. Kim on "tech" added\n'
    plan = load_plan(str(plan_file))
    last = plan.comments[-1]
    assert (last.author, last.date.isoformat(), last.item, last.text) == (
        "J. Kim",
        TODAY,
        "tech",
        "Ask about nights.",
    )
    text = plan_file.read_text(encoding="utf-8")
    assert text == dumps(plan) and text.startswith(f"#:schema {SCHEMA_HINT}\n")


def test_comment_on_an_item_the_plan_lacks_is_refused(plan_file: Path, capsys) -> None:
    before = plan_file.read_bytes()
    status, out, err = run(capsys, "comment", plan_file, "--author", "J. Kim", "--item", "nope", "Hi")
    assert status == 2
    assert 'the plan has no item "nope"' in err and str(plan_file) in err
    assert out == ""
    assert plan_file.read_bytes() == before


def test_comment_needs_an_author_and_text(plan_file: Path, capsys) -> None:
    assert run(capsys, "comment", plan_file, "Hi")[0] == 2
    assert run(capsys, "comment", plan_file, "--author", " ", "Hi")[0] == 2
    assert run(capsys, "comment", plan_file, "--author", "J. Kim", "  ")[0] == 2
    assert run(capsys, "comment", plan_file, "--author", "J. Kim")[0] == 2


def test_comment_text_from_standard_input(plan_file: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("First line.\nSecond line.\n"))
    assert run(capsys, "comment", plan_file, "--author", "J. Kim", "-")[0] == 0
    assert load_plan(str(plan_file)).comments[-1].text == "First line.\nSecond line."


def test_comment_leaves_an_unreadable_plan_untouched(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = "hit-career-plan/1"\ntitle = "x\n', encoding="utf-8")
    before = broken.read_bytes()
    status, _, err = run(capsys, "comment", broken, "--author", "J. Kim", "Hi")
    assert status == 2 and f"{broken}, line 2" in err
    assert broken.read_bytes() == before
    comments_not_tables = tmp_path / "odd.toml"
    text = ALEX.split("[[comments]]")[0].replace("[profile]", 'comments = "see email"\n\n[profile]')
    comments_not_tables.write_text(text, encoding="utf-8")
    before = comments_not_tables.read_bytes()
    status, _, err = run(capsys, "comment", comments_not_tables, "--author", "J. Kim", "Hi")
    assert status == 2 and "comments is not an array of tables" in err
    assert comments_not_tables.read_bytes() == before


def test_comment_keeps_the_students_toml_comments_in_the_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "alex.toml"
    before = "# Alex's plan, by hand\n" + ALEX
    path.write_text(before, encoding="utf-8")
    status, out, _ = run(capsys, "comment", path, "--author", "J. Kim", "Hi")
    assert status == 0 and "previous version" not in out
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before) :].count("[[comments]]") == 1
    assert os.listdir(tmp_path) == ["alex.toml"]  # nothing lost, so no backup


def test_comment_prints_plan_text_as_data(plan_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "comment", plan_file, "--author", f"Eve{ESC}", "Hi")
    assert status == 0
    assert "\x1b" not in out and "Eve\\x1b]52;c;aGk=\\x07" in out


# --- sign -------------------------------------------------------------------------------------


def test_sign_records_an_approval_bound_to_the_content(plan_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "sign", plan_file, "--as", "J. Kim")
    assert status == 0 and out.startswith(f"{plan_file}: approved by J. Kim on {TODAY} (sha256:")
    plan = load_plan(str(plan_file))
    approval = plan.approvals[-1]
    assert (approval.by, approval.date.isoformat(), approval.digest) == ("J. Kim", TODAY, plan_digest(plan))

    # Signing again changes nothing.
    before = plan_file.read_bytes()
    status, out, _ = run(capsys, "sign", plan_file, "--as", "J. Kim")
    assert status == 0 and "already approved by J. Kim" in out
    assert plan_file.read_bytes() == before


def test_the_approval_holds_across_fmt_and_comment_and_breaks_when_an_item_changes(
    plan_file: Path, capsys
) -> None:
    run(capsys, "sign", plan_file, "--as", "J. Kim")
    # A hand edit that only changes the layout, then fmt, then a comment: still approved.
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(" = ", "   =   "), encoding="utf-8")
    assert run(capsys, "fmt", plan_file)[0] == 0
    assert run(capsys, "comment", plan_file, "--author", "Alex", "Thanks!")[0] == 0
    status, out, _ = run(capsys, "check", plan_file)
    assert status == 0 and "approval-outdated" not in out

    # Changing an item voids it: check warns, naming who approved and when.
    text = plan_file.read_text(encoding="utf-8").replace('end = "2033-fall"', 'end = "2034-spring"')
    plan_file.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "check", plan_file)
    assert status == 0  # a warning
    assert f"warning approval-outdated: The approval by J. Kim on {TODAY} no longer matches" in out


def test_sign_notes_errors_and_refuses_bad_input(plan_file: Path, capsys, tmp_path: Path) -> None:
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace('accredited_by = "CAHIIM"\n', ""))
    status, out, _ = run(capsys, "sign", plan_file, "--as", "J. Kim")
    assert status == 0 and "note: the plan holds 2 errors that no waiver covers" in out
    assert run(capsys, "sign", plan_file)[0] == 2
    assert run(capsys, "sign", tmp_path / "missing.toml", "--as", "J. Kim")[0] == 2


# --- check: waivers ---------------------------------------------------------------------------


def test_check_shows_a_waived_diagnostic_with_who_when_and_why(plan_file: Path, capsys) -> None:
    text = plan_file.read_text(encoding="utf-8")
    text = text.replace('accredited_by = "CAHIIM"\n', "")
    text += (
        '\n[[waivers]]\nrule = "rhit-exam-needs-cahiim-associate"\nitem = "rhit-exam"\nby = "J. Kim"\n'
        'date = 2026-12-03\nreason = "Accreditation granted this fall."\n'
        '\n[[waivers]]\nrule = "rhit-not-via-other-training"\nitem = "rhit-exam"\nby = "J. Kim"\n'
        'date = 2026-12-03\nreason = "Same."\n'
        '\n[[waivers]]\nrule = "no-coding-degree"\nitem = "aas"\nby = "M. Ortiz"\ndate = 2026-12-04\n'
        'reason = "Old."\n'
    )
    plan_file.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "check", plan_file)
    assert status == 0
    lines = text.splitlines()
    exam = lines.index('id = "rhit-exam"')  # the line after the exam's [[items]] header
    stale = len(lines) - lines[::-1].index('rule = "no-coding-degree"')  # the stale waiver's rule
    assert (
        f"{plan_file}:{exam}: error rhit-exam-needs-cahiim-associate [rhit-exam]: The RHIT exam needs an "
        "associate degree accredited by CAHIIM"
    ) in out
    assert "(P5) [waived by J. Kim on 2026-12-03: Accreditation granted this fall.]" in out
    assert (
        f"{plan_file}:{stale}: warning waiver-stale [aas]: The waiver of no-coding-degree by M. Ortiz" in out
    )
    assert f"{plan_file}: ok: 0 errors, 2 warnings, 1 suggestion, 2 waived" in out

    status, out, _ = run(capsys, "check", "--format", "json", plan_file)
    document = json.loads(out)
    result = document["plans"][0]
    assert status == 0 and result["ok"] is True
    waived = [d for d in result["diagnostics"] if "waived" in d]
    assert [d["waived"] for d in waived] == [
        {"by": "J. Kim", "date": "2026-12-03", "reason": "Accreditation granted this fall."},
        {"by": "J. Kim", "date": "2026-12-03", "reason": "Same."},
    ]


def test_an_error_that_is_not_waived_still_fails(plan_file: Path, capsys) -> None:
    text = plan_file.read_text(encoding="utf-8").replace('accredited_by = "CAHIIM"\n', "")
    text += '\n[[waivers]]\nrule = "rhit-exam-needs-cahiim-associate"\nitem = "rhit-exam"\nby = "J. Kim"\n'
    plan_file.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "check", plan_file)
    assert status == 1
    assert "[waived by J. Kim]" in out  # no date, no reason: said as much as is known


# --- export -----------------------------------------------------------------------------------


def test_export_prints_markdown_by_default(plan_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "export", plan_file)
    assert status == 0
    assert out.startswith("# Alex: RHIT, then coding\n")
    assert "## Timeline, term by term" in out


def test_export_html_to_a_file(plan_file: Path, capsys, tmp_path: Path) -> None:
    report = tmp_path / "alex.html"
    status, out, _ = run(capsys, "export", plan_file, "-o", report)
    assert status == 0 and out == f"{plan_file}: the report (html) is in {report}\n"
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # Again, over the old report, and in Markdown when asked.
    status, _, _ = run(capsys, "export", plan_file, "--format", "markdown", "--output", report)
    assert status == 0 and report.read_text(encoding="utf-8").startswith("# Alex")


def test_a_report_of_a_private_plan_is_private(plan_file: Path, capsys, tmp_path: Path) -> None:
    plan_file.chmod(0o600)
    report = tmp_path / "alex.md"
    assert run(capsys, "export", plan_file, "-o", report)[0] == 0
    assert report.stat().st_mode & 0o777 == 0o600
    report.chmod(0o644)  # written over: narrowed to the plan's
    assert run(capsys, "export", plan_file, "-o", report)[0] == 0
    assert report.stat().st_mode & 0o777 == 0o600


def test_export_never_writes_over_a_plan(plan_file: Path, capsys, tmp_path: Path) -> None:
    before = plan_file.read_bytes()
    status, out, err = run(capsys, "export", plan_file, "-o", plan_file)
    assert status == 2 and "this is the plan itself" in err and out == ""
    assert plan_file.read_bytes() == before
    other = tmp_path / "other.toml"
    other.write_bytes(before)
    status, _, err = run(capsys, "export", plan_file, "--format", "html", "-o", other)
    assert status == 2 and "looks like a plan file" in err
    assert other.read_bytes() == before
    link = tmp_path / "link.md"
    link.symlink_to(plan_file)
    assert run(capsys, "export", plan_file, "-o", link)[0] == 2
    assert plan_file.read_bytes() == before


def test_export_refuses_bad_input(plan_file: Path, capsys, tmp_path: Path) -> None:
    assert run(capsys, "export", plan_file, "--format", "pdf")[0] == 2
    assert run(capsys, "export")[0] == 2
    target = tmp_path / "out.html"
    status, _, err = run(capsys, "export", tmp_path / "missing.toml", "-o", target)
    assert status == 2 and "there is no such file" in err
    assert not target.exists()


def test_export_refuses_a_name_whose_extension_it_does_not_write(
    plan_file: Path, capsys, tmp_path: Path
) -> None:
    target = tmp_path / "x.pdf"
    status, out, err = run(capsys, "export", plan_file, "-o", target)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and f"{target}:" in err and "Markdown (.md) or HTML (.html)" in err
    assert not target.exists()
    # Asked for by --format, the name is the person's choice.
    assert run(capsys, "export", plan_file, "--format", "markdown", "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Alex")
    report = tmp_path / "alex.MD"
    assert run(capsys, "export", plan_file, "-o", report)[0] == 0


# --- diff -------------------------------------------------------------------------------------


def test_diff_of_the_same_plan_exits_0(plan_file: Path, capsys, tmp_path: Path) -> None:
    other = tmp_path / "handmade.toml"
    other.write_text(ALEX, encoding="utf-8")  # another layout, the same plan
    status, out, _ = run(capsys, "diff", plan_file, other)
    assert status == 0 and out == f"{plan_file} and {other} hold the same plan.\n"
    status, out, _ = run(capsys, "diff", "--format", "json", plan_file, other)
    assert status == 0 and json.loads(out)["equal"] is True


def test_diff_lists_changes_and_both_outcomes(plan_file: Path, capsys, tmp_path: Path) -> None:
    new = tmp_path / "new.toml"
    new.write_text(
        ALEX.replace('end = "2031-fall"', 'end = "2032-spring"').replace("Alex:", f"Alex{ESC_TOML}:")
    )
    status, out, _ = run(capsys, "diff", plan_file, new)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == f"{plan_file} -> {new}: 3 differences"
    assert '  item tech: end: "2031-fall" -> "2032-spring"' in lines
    assert "\x1b" not in out and '"Alex\\u001b]52;c;aGk=\\u0007: RHIT, then coding"' in out
    assert any(line.startswith("  diagnostic appeared: error after-not-respected [cert]") for line in lines)
    assert lines[-2].startswith("old: goal coding-specialist, finishes 2033-fall")
    assert lines[-1].startswith("new: goal coding-specialist, finishes 2033-fall") and "1 error" in lines[-1]

    status, out, _ = run(capsys, "diff", plan_file, new, "--format", "json")
    document = json.loads(out)
    assert status == 1
    assert (document["old"], document["new"], document["equal"]) == (str(plan_file), str(new), False)
    assert document["items"]["changed"] == [
        {"id": "tech", "changes": [{"field": "end", "old": "2031-fall", "new": "2032-spring"}]}
    ]
    assert [d["rule"] for d in document["diagnostics"]["appeared"]] == ["after-not-respected"]
    assert document["outcome"]["new"]["counts"]["error"] == 1


def test_diff_of_an_unreadable_file_exits_2(plan_file: Path, capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "diff", plan_file, tmp_path / "missing.toml")
    assert status == 2 and out == "" and "missing.toml: there is no such file" in err
    assert run(capsys, "diff", plan_file)[0] == 2
    assert run(capsys, "diff", plan_file, plan_file, plan_file)[0] == 2


def test_textconv_prints_one_line_per_fact(plan_file: Path, capsys) -> None:
    status, out, _ = run(capsys, "diff", "--textconv", plan_file)
    assert status == 0
    assert 'item tech: end = "2031-fall"\n' in out
    assert "outcome: goal coding-specialist, finishes 2033-fall" in out


def test_textconv_of_a_broken_file_shows_why_and_the_text(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "conflict.toml"
    broken.write_text(ALEX.replace("[[items]]", "<<<<<<< HEAD\n[[items]]", 1), encoding="utf-8")
    status, out, _ = run(capsys, "diff", "--textconv", broken)
    assert status == 0
    assert out.startswith(f"# planner cannot read this plan: {broken}, line ")
    assert "<<<<<<< HEAD\n" in out


# --- schema -----------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(capsys) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0 and json.loads(out) == plan_schema()
    assert run(capsys, "schema", "extra")[0] == 2


# --- check --summary --------------------------------------------------------------------------


def caseload(folder: Path) -> None:
    """Three plans: approved and current, with an error, approved then changed; and a broken one."""
    folder.mkdir()
    good = load_plan_text(ALEX)
    good.approvals.append(
        __import__("planner.core.model", fromlist=["Approval"]).Approval(
            by="J. Kim", date=datetime.date(2026, 12, 3), digest=plan_digest(good)
        )
    )
    (folder / "alex.toml").write_text(dumps(good), encoding="utf-8")
    (folder / "blair.toml").write_text(
        ALEX.replace('accredited_by = "CAHIIM"\n', "").replace("Alex Rivera", "Blair Chen"), encoding="utf-8"
    )
    changed = (
        dumps(good).replace('end = "2033-fall"', 'end = "2034-fall"').replace("Alex Rivera", "Casey Diaz")
    )
    (folder / "casey.toml").write_text(changed, encoding="utf-8")
    (folder / "notes").mkdir()
    (folder / "notes" / "broken.toml").write_text("title = 'no format'\n", encoding="utf-8")


def test_check_summary_lists_each_student(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("students")
    caseload(folder)

    status, out, err = run(capsys, "check", "--summary", folder)
    assert status == 2
    assert f"{folder / 'notes' / 'broken.toml'}, line 1: this is not a plan" in err
    lines = out.splitlines()
    assert lines[0].split() == ["FILE", "NAME", "GOAL", "FINISHES", "ERR", "WARN", "APPROVAL"]
    rows = {line.split()[0]: line for line in lines[1:-1]}
    alex_row = rows[str(folder / "alex.toml")]
    assert "Alex Rivera" in alex_row and "coding-specialist" in alex_row and "2033-fall" in alex_row
    assert alex_row.endswith("current: J. Kim")
    assert rows[str(folder / "blair.toml")].split()[-3:] == ["2", "1", "none"]
    assert rows[str(folder / "casey.toml")].endswith("out of date: J. Kim")
    assert "2034-fall" in rows[str(folder / "casey.toml")]
    assert "cannot be read" in rows[str(folder / "notes" / "broken.toml")]
    assert lines[-1] == (
        "4 plans; 1 with errors; 1 unreadable; approvals: 1 current, 1 out of date, 1 none; "
        "finishing 2033-fall to 2034-fall"
    )


def test_check_summary_as_json(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "students"
    caseload(folder)
    status, out, _ = run(capsys, "check", "--summary", "--format", "json", folder)
    assert status == 2
    document = json.loads(out)
    by_file = {Path(row["file"]).name: row for row in document["plans"]}
    assert by_file["alex.toml"]["approval"]["state"] == "current"
    assert by_file["casey.toml"]["approval"]["outdated"] == [{"by": "J. Kim", "date": "2026-12-03"}]
    assert by_file["blair.toml"]["ok"] is False and by_file["blair.toml"]["counts"]["error"] == 2
    assert by_file["blair.toml"]["name"] == "Blair Chen"
    assert by_file["alex.toml"]["finishes"] == "2033-fall"
    assert "error" in by_file["broken.toml"]
    assert document["totals"]["with_errors"] == 1 and document["totals"]["unreadable"] == 1


def test_check_summary_escapes_plan_text(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "students"
    folder.mkdir()
    (folder / "eve.toml").write_text(ALEX.replace("Alex Rivera", f"Eve{ESC_TOML}"), encoding="utf-8")
    status, out, _ = run(capsys, "check", "--summary", folder)
    assert status == 0 and "\x1b" not in out and "Eve\\x1b" in out


def test_the_summary_is_the_same_in_worker_processes(tmp_path: Path) -> None:
    from planner.cli.check import PARALLEL_FROM, check_all
    from planner.core.caseload import summarize

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(PARALLEL_FROM + 2):
        text = ALEX.replace("Alex Rivera", f"Student {number}")
        if number % 3 == 0:
            text = text.replace('accredited_by = "CAHIIM"\n', "")
        (folder / f"s{number:03d}.toml").write_text(text, encoding="utf-8")
    files = sorted(str(path) for path in folder.iterdir())
    alone = check_all(files, summarize, workers=1)
    assert check_all(files, summarize, workers=2) == alone
    assert [row["name"] for row in alone][:2] == ["Student 0", "Student 1"]
    assert sum(1 for row in alone if not row["ok"]) == len(range(0, PARALLEL_FROM + 2, 3))


def test_usage_names_the_new_commands(capsys) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for form in (
        "planner export PLAN [--format markdown|html] [-o FILE]",
        "planner diff OLD NEW [--format text|json]",
        "planner comment PLAN --author NAME [--item ID] TEXT",
        "planner sign PLAN --as NAME",
        "planner schema",
        "planner check --summary",
    ):
        assert form in out, form


def test_every_written_plan_keeps_its_permission_bits(plan_file: Path, capsys) -> None:
    os.chmod(plan_file, 0o640)
    run(capsys, "comment", plan_file, "--author", "J. Kim", "Hi")
    run(capsys, "sign", plan_file, "--as", "J. Kim")
    assert oct(plan_file.stat().st_mode & 0o777) == "0o640"
