"""Input no command may crash on (issue 9): non-UTF-8 text, deep nesting, wrong types, and plan
values that must not become Markdown markup. Each gets one sentence and exit 2, or a report."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.model import Approval, Comment, Item, Profile, Waiver
from planner.core.storage import MAX_DEPTH

REPO = Path(__file__).resolve().parents[2]
BASE = 'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n'
COMMANDS = [
    ["check", "{}"],
    ["check", "--format", "json", "{}"],
    ["check", "--summary", "{}"],
    ["next", "{}"],
    ["export", "{}"],
    ["export", "--format", "html", "{}"],
    ["fmt", "{}"],
    ["diff", "{}", "{}"],
    ["diff", "--textconv", "{}"],
    ["comment", "{}", "--author", "J. Kim", "A note."],
    ["sign", "{}", "--as", "J. Kim"],
]


def run(capsys, args: list[str], path: Path) -> tuple[int, str, str]:
    status = main([arg.replace("{}", str(path)) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- 12: text that is not UTF-8 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["comment", "{}", "--author", "J. \udcffKim", "A note."],
        ["comment", "{}", "--author", "J. Kim", "A \udcff note."],
        ["sign", "{}", "--as", "J. \udcffKim"],
    ],
)
def test_bytes_that_are_not_utf8_in_an_argument_are_one_sentence_and_the_file_unchanged(
    tmp_path, capsys, args
) -> None:
    path = tmp_path / "alex.toml"
    shutil.copy(REPO / "tests" / "fixtures" / "alex.toml", path)
    before = path.read_bytes()
    status, out, err = run(capsys, args, path)
    assert status == 2 and out == "" and err.count("\n") == 1 and "not UTF-8" in err
    assert path.read_bytes() == before


def test_bytes_that_are_not_utf8_on_standard_input_are_refused(tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "alex.toml"
    shutil.copy(REPO / "tests" / "fixtures" / "alex.toml", path)
    before = path.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 note\n")))
    status, out, err = run(capsys, ["comment", "{}", "--author", "J. Kim", "-"], path)
    assert status == 2 and err.count("\n") == 1 and "standard input holds a byte that is not UTF-8" in err
    assert path.read_bytes() == before


def test_a_name_that_is_not_utf8_is_refused_by_new(tmp_path, capsys) -> None:
    path = tmp_path / "new.toml"
    status, _out, err = run(capsys, ["new", "--goal", "rhit", "--name", "\udcff", "{}"], path)
    assert status == 2 and "--name holds a byte that is not UTF-8" in err and not path.exists()


# --- 6: deep nesting --------------------------------------------------------------------------

DEEP = {
    "arrays": "x = " + "[" * 300 + "]" * 300 + "\n",
    "inline tables": "x = " + "{ a = " * 300 + "1" + " }" * 300 + "\n",
    "dotted keys": ".".join(["k"] * 300) + " = 1\n",
}


@pytest.mark.parametrize("shape", DEEP)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_deep_nesting_is_one_sentence_and_exit_2_in_every_command(tmp_path, capsys, shape, args) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(BASE.replace("[profile]", DEEP[shape] + "\n[profile]"))
    before = path.read_bytes()
    status, out, err = run(capsys, args, path)
    text = out + err
    if "--textconv" in args:  # git shows the reason, then the text as it is
        assert status == 0 and f"more than {MAX_DEPTH} levels deep" in out.splitlines()[0]
    else:
        assert status == 2 and f"more than {MAX_DEPTH} levels deep" in text, text[-300:]
    assert "Traceback" not in text and "RecursionError" not in text
    assert path.read_bytes() == before


# --- 11: wrong types anywhere -----------------------------------------------------------------

WRONG = {
    "int": 1,
    "float": 1.5,
    "bool": True,
    "datetime": "1979-05-27T07:32:00Z",
    "list": "[1, true, 1979-05-27]",
    "table": "{ a = 1 }",
    "string": '"x"',
}


def wrong_plan(kind: str, record: str) -> str:
    """A plan in which every field of one record (the profile, an item, a comment...) has the
    wrong type `kind`."""
    value = WRONG[kind]
    literal = str(value).lower() if isinstance(value, bool) else str(value)
    fields = {
        "profile": Profile,
        "items": Item,
        "comments": Comment,
        "waivers": Waiver,
        "approvals": Approval,
    }
    names = [name for name, _kind in fields[record].FIELDS]
    if record == "profile":
        return 'format = "hit-career-plan/1"\n\n[profile]\n' + "".join(f"{n} = {literal}\n" for n in names)
    return BASE + f"\n[[{record}]]\n" + "".join(f"{n} = {literal}\n" for n in names)


@pytest.mark.parametrize("record", ["profile", "items", "comments", "waivers", "approvals"])
@pytest.mark.parametrize("kind", WRONG)
def test_wrong_types_in_every_field_crash_no_command(tmp_path, capsys, kind, record) -> None:
    path = tmp_path / "plan.toml"
    text = wrong_plan(kind, record)
    for args in COMMANDS:
        path.write_text(text)
        status, out, err = run(capsys, args, path)
        assert status in (0, 1, 2), (args, err)
        assert "Traceback" not in out + err


def test_export_shows_wrong_typed_credentials_as_written(tmp_path, capsys) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(BASE + "credentials = 1\ncompleted = 1979-05-27T07:32:00Z\n")
    status, out, _err = run(capsys, ["export", "{}"], path)
    assert status == 0
    assert "| Credentials held | 1 |" in out and "| Completed before the plan | 1979-05-27 07:32:00" in out


# --- 3: the Markdown export neutralises every plan value --------------------------------------

HOSTILE = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) \\u001b]0;title\\u0007 <b>"


def test_markdown_neutralises_wrong_typed_dates_of_comments_waivers_and_approvals(tmp_path, capsys) -> None:
    path = tmp_path / "plan.toml"
    records = "".join(
        f'\n[[{kind}]]\n{fields}\ndate = "{HOSTILE}"\n'
        for kind, fields in (
            ("comments", 'author = "J. Kim"\ntext = "Hello"'),
            ("waivers", 'rule = "healthcare-experience"\nby = "J. Kim"\nreason = "ok"'),
            ("approvals", 'by = "J. Kim"\ndigest = "sha256:00"'),
        )
    )
    path.write_text(BASE + records)
    status, out, _err = run(capsys, ["export", "{}"], path)
    assert status == 0
    assert out.count("onerror") >= 3  # each date is in the report, as text
    assert not re.search(r"(?<!\\)<(img|b)", out)  # a tag is written \<img, which shows as text
    assert not re.search(r"(?<!\\)\]\(javascript:", out)  # no link: its brackets are escaped
    assert "\x1b" not in out and "\x07" not in out
