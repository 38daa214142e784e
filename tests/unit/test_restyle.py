"""Hand edits survive every write (issue 11): on a corpus of hand-styled plans, each write path
changes exactly the lines of its edit and leaves the rest of the file byte for byte; fmt still
writes the canonical layout."""

from __future__ import annotations

import datetime
import difflib
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.cli import main
from planner.core import edits, recovery, restyle, storage
from planner.core.model import Item, Plan
from planner.core.storage import dumps, load, parse_plan, save

STYLED = Path(__file__).parent.parent / "fixtures" / "styled"
CORPUS = sorted(STYLED.glob("*.toml"))
NAMES = [path.name for path in CORPUS]


def copy(tmp_path: Path, name: str) -> Path:
    """A corpus plan copied byte for byte into tmp_path."""
    path = tmp_path / name
    path.write_bytes((STYLED / name).read_bytes())
    return path


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def hunks(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    """The (removed, added) lines, endings kept, of each change from `before` to `after`."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [(old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def key_of(line: str) -> str:
    return line.split("=", 1)[0].strip()


def block(lines: list[str]) -> dict:
    """The TOML of a block of whole tables added or removed in one place. A diff may show such a
    block rotated (starting in the middle of the table, ending with the next one's same header
    line): it is turned back to start with its header."""
    headers = [index for index, line in enumerate(lines) if line.startswith("[")]
    first = next((line for line in lines if line.strip()), "")
    if headers and not first.startswith(("[", "#")):
        lines = lines[headers[-1] :] + lines[: headers[-1]]
    return tomllib.loads("".join(lines))


def only_added_tables(before: str, after: str) -> dict:
    """The TOML of the one block `after` adds to `before`; fails when anything else changed."""
    changes = hunks(before, after)
    assert len(changes) == 1, changes
    removed, added = changes[0]
    assert removed == [], removed
    return block(added)


def endings_kept(before: str, after: str) -> None:
    """A CRLF file stays CRLF line by line, new lines too; an LF file gains no CR."""
    if before.count("\r\n") == before.count("\n"):
        assert after.count("\r\n") == after.count("\n")
    else:
        assert "\r" not in after


def test_the_corpus_has_six_styles_and_its_crlf_file_was_not_converted() -> None:
    assert {
        "commented.toml",
        "inline.toml",
        "order.toml",
        "strings.toml",
        "crlf.toml",
        "unknown.toml",
    } <= set(NAMES)
    crlf = (STYLED / "crlf.toml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 10  # .gitattributes: -text
    for path in CORPUS:
        storage.load(str(path))  # each one is a plan
        assert dumps(storage.load(str(path)).plan) != text_of(path)  # and none is canonical


# --- the edits the app makes, saved with storage.save -------------------------------------------


def retitle(plan: Plan) -> edits.Edit | None:
    return edits.change_item(plan, plan.items[-1], {"title": "Retitled in the app"})


def move_later(plan: Plan) -> edits.Edit:
    return edits.move_item(plan, plan.items[0], 1)


def add_second(plan: Plan) -> edits.Edit:
    item = Item(id="added", requirement="course", title="Added in the app", start=plan.items[0].start)
    return edits.add_item(plan, item, position=1)


def add_last(plan: Plan) -> edits.Edit:
    return edits.add_item(plan, Item(id="added", requirement="course", start=plan.items[0].start))


def delete_first(plan: Plan) -> edits.Edit:
    return edits.delete_item(plan, plan.items[0])


def delete_last(plan: Plan) -> edits.Edit:
    return edits.delete_item(plan, plan.items[-1])


def comment(plan: Plan) -> edits.Edit:
    return edits.add_comment(plan, "J. Kim", "Two lines:\nsee me.", None, datetime.date(2026, 12, 7))


EDITS: dict[str, Callable[[Plan], edits.Edit | None]] = {
    "retitle": retitle,
    "move": move_later,
    "add-second": add_second,
    "add-last": add_last,
    "delete-first": delete_first,
    "delete-last": delete_last,
    "comment": comment,
}


def saved_after(tmp_path: Path, name: str, make: Callable[[Plan], edits.Edit | None]) -> tuple:
    """(text before, text after, the edited plan, the plan before) for one edit saved with save()."""
    path = copy(tmp_path, name)
    loaded = load(str(path))
    before_plan = loaded.plan.copy()
    edit = make(loaded.plan)
    assert edit is not None
    edit.apply(loaded.plan)
    saved = save(loaded.plan, str(path), loaded.text)
    assert saved.backup is None and sorted(os.listdir(tmp_path)) == [name]  # nothing lost: no backup
    after = text_of(path)
    assert saved.text == after
    assert parse_plan(after, name) == loaded.plan  # reads back as exactly the edited plan
    endings_kept(loaded.text, after)
    return loaded.text, after, loaded.plan, before_plan


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("edit", list(EDITS))
def test_a_save_changes_exactly_the_edited_lines(tmp_path: Path, name: str, edit: str) -> None:
    before, after, plan, old = saved_after(tmp_path, name, EDITS[edit])
    changes = hunks(before, after)
    if edit == "retitle":
        assert len(changes) == 1
        removed, added = changes[0]
        assert [key_of(line) for line in removed] == (["title"] if old.items[-1].title else [])
        assert [line.rstrip("\r\n") for line in added] == ['title = "Retitled in the app"']
    elif edit == "move":
        moved = {"start", "end"} if old.items[0].end else {"start"}
        removed = [line for lost, _ in changes for line in lost]
        added = [line for _, gained in changes for line in gained]
        assert {key_of(line) for line in removed} == moved and len(removed) == len(added) == len(moved)
        assert tomllib.loads("".join(added)) == {key: plan.items[0].get(key) for key in moved}
    elif edit.startswith("add"):
        position = 1 if edit == "add-second" else len(plan.items) - 1
        assert only_added_tables(before, after) == {"items": [plan.items[position].to_toml()]}
    elif edit.startswith("delete"):
        gone = old.items[0 if edit == "delete-first" else -1]
        assert len(changes) == 1 and changes[0][1] == []
        assert block(changes[0][0]) == {"items": [gone.to_toml()]}
    else:
        assert only_added_tables(before, after) == {"comments": [plan.comments[-1].to_toml()]}


def test_a_changed_string_keeps_its_quotes_and_the_comment_after_it(tmp_path: Path) -> None:
    path = copy(tmp_path, "strings.toml")
    loaded = load(str(path))
    edits.change_item(loaded.plan, loaded.plan.items[0], {"title": "AAS HIT, online"}).apply(loaded.plan)
    edits.change_item(loaded.plan, loaded.plan.items[1], {"notes": "C:\\scans\nstill raw"}).apply(loaded.plan)
    save(loaded.plan, str(path), loaded.text)
    after = text_of(path)
    assert "title = 'AAS HIT, online'\n" in after  # a literal string stays literal
    assert "notes = '''\nC:\\scans\nstill raw'''\n" in after  # multi-line literal, newline after quotes
    path = copy(tmp_path, "commented.toml")
    loaded = load(str(path))
    edits.change_item(loaded.plan, loaded.plan.items[2], {"title": "Records clerk, St. Luke's"}).apply(
        loaded.plan
    )
    save(loaded.plan, str(path), loaded.text)
    assert 'title = "Records clerk, St. Luke\'s"   # part time\n' in text_of(path)


def test_an_inline_array_stays_inline_and_keeps_its_comments(tmp_path: Path) -> None:
    path = copy(tmp_path, "inline.toml")
    loaded = load(str(path))
    aas = loaded.plan.item("aas")
    covers = [area for area in aas.covers if area != "anatomy-physiology"] + ["coding-abstraction"]
    edits.change_item(loaded.plan, aas, {"covers": covers}).apply(loaded.plan)
    save(loaded.plan, str(path), loaded.text)
    changes = hunks(loaded.text, text_of(path))
    assert changes == [(['  "anatomy-physiology",\n'], []), ([], ['  "coding-abstraction",\n'])]
    assert '  "legal-aspects",   # took it twice\n' in text_of(path)


def test_several_edits_in_one_save_touch_only_their_lines(tmp_path: Path) -> None:
    for name in NAMES:
        path = copy(tmp_path, name)
        loaded = load(str(path))
        for make in (move_later, retitle, comment):
            make(loaded.plan).apply(loaded.plan)
        save(loaded.plan, str(path), loaded.text)
        after = text_of(path)
        removed = [line for lost, _ in hunks(loaded.text, after) for line in lost]
        assert {key_of(line) for line in removed} <= {"start", "end", "title"}, name
        for line in loaded.text.splitlines():
            if line.lstrip().startswith("#"):
                assert line in after.splitlines(), (name, line)  # every comment is still there


# --- planner comment, planner sign ----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_planner_comment_only_appends_its_table(tmp_path: Path, name: str, capsys) -> None:
    path = copy(tmp_path, name)
    before = text_of(path)
    assert main(["comment", str(path), "--author", "J. Kim", "Book the exam early."]) == 0
    assert "previous version" not in capsys.readouterr().out
    added = only_added_tables(before, text_of(path))
    assert added == {
        "comments": [{"author": "J. Kim", "date": datetime.date.today(), "text": "Book the exam early."}]
    }
    endings_kept(before, text_of(path))
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("name", NAMES)
def test_planner_sign_only_appends_its_table(tmp_path: Path, name: str, capsys) -> None:
    from planner.core.digest import plan_digest

    path = copy(tmp_path, name)
    before = text_of(path)
    assert main(["sign", str(path), "--as", "J. Kim"]) == 0
    added = only_added_tables(before, text_of(path))
    (approval,) = added["approvals"]
    assert approval["by"] == "J. Kim" and approval["digest"] == plan_digest(load(str(path)).plan)
    endings_kept(before, text_of(path))
    assert os.listdir(tmp_path) == [name]


# --- planner check --fix ------------------------------------------------------------------------


def changed_fields(old: Plan, new: Plan) -> int:
    """How many fields of the items both plans hold, and of the profile, differ."""
    count = sum(
        old.profile.get(key) != new.profile.get(key)
        for key in set(old.profile.to_toml()) | set(new.profile.to_toml())
    )
    for item in old.items:
        other = new.item(item.id)
        if other is not None:
            count += sum(
                item.get(key) != other.get(key) for key in set(item.to_toml()) | set(other.to_toml())
            )
    return count


@pytest.mark.parametrize("name", NAMES)
def test_check_fix_changes_only_the_fixed_lines_and_its_diff_shows_them(
    tmp_path: Path, name: str, capsys
) -> None:
    path = copy(tmp_path, name)
    before = text_of(path)
    old = load(str(path)).plan
    main(["check", "--fix", "--diff", str(path)])
    shown = capsys.readouterr().out
    assert text_of(path) == before  # --diff writes nothing
    main(["check", "--fix", str(path)])
    after = text_of(path)
    new = load(str(path)).plan
    assert os.listdir(tmp_path) == [name]
    expected = list(
        difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{path}", f"b/{path}")
    )
    assert shown.splitlines() == [line.rstrip("\r\n") for line in expected]
    removed = [line for lost, _ in hunks(before, after) for line in lost]
    assert len(removed) == changed_fields(old, new)  # one line per field fixed, nothing else
    for lost, gained in hunks(before, after):
        if not lost:  # a new item, whole
            new_ids = {item.id for item in new.items} - {item.id for item in old.items}
            assert {entry["id"] for entry in block(gained)["items"]} <= new_ids
    endings_kept(before, after)


# --- restoring a recovery file --------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_restoring_a_recovery_file_changes_only_the_recovered_edit(tmp_path: Path, name: str) -> None:
    path = copy(tmp_path, name)
    loaded = load(str(path))
    edited = loaded.plan.copy()
    move_later(edited).apply(edited)
    kept = recovery.write_recovery(edited, str(path))  # the canonical layout, with a #:schema line
    restored = load(kept).plan  # what the app restores, then saves over the plan's text
    recovery.remove_recovery(kept)
    save(restored, str(path), loaded.text)
    after = text_of(path)
    removed = [line for lost, _ in hunks(loaded.text, after) for line in lost]
    assert {key_of(line) for line in removed} <= {"start", "end"} and removed
    assert after.startswith("#:schema") == loaded.text.startswith("#:schema")  # none gained
    assert parse_plan(after, name) == edited
    endings_kept(loaded.text, after)


# --- fmt and new: the canonical layout ------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_fmt_still_writes_the_canonical_layout(tmp_path: Path, name: str, capsys) -> None:
    path = copy(tmp_path, name)
    before = path.read_bytes()
    assert main(["fmt", str(path)]) == 0
    loaded = load(str(path))
    assert loaded.text == dumps(loaded.plan)
    backups = [entry for entry in os.listdir(tmp_path) if entry != name]
    if storage.has_comments(before.decode()):  # the layout drops comments: the old text is kept
        assert [(tmp_path / entry).read_bytes() for entry in backups] == [before]
    else:
        assert backups == []


# --- the safety net and the cost ------------------------------------------------------------------


def lose_the_edit(*args) -> None:
    """As if tomlkit lost the edit."""


def break_down(*args) -> None:
    """As if tomlkit failed on a shape of document (its own assertion, say)."""
    raise AssertionError


@pytest.mark.parametrize("failure", [lose_the_edit, break_down])
def test_a_text_that_cannot_be_kept_in_place_is_written_canonical_with_a_backup(
    tmp_path, monkeypatch, failure
):
    monkeypatch.setattr(restyle, "_update_table", failure)
    path = copy(tmp_path, "commented.toml")
    loaded = load(str(path))
    retitle(loaded.plan).apply(loaded.plan)
    saved = save(loaded.plan, str(path), loaded.text)
    assert load(str(path)).plan == loaded.plan and text_of(path) == dumps(loaded.plan)
    assert saved.backup is not None and Path(saved.backup).read_text() == loaded.text


def test_an_unchanged_plan_writes_the_same_bytes(tmp_path: Path) -> None:
    for name in NAMES:
        path = copy(tmp_path, name)
        loaded = load(str(path))
        save(loaded.plan, str(path), loaded.text)
        assert path.read_bytes() == (STYLED / name).read_bytes(), name


def test_planner_check_does_not_import_tomlkit() -> None:
    code = (
        "import sys\nfrom planner.cli import main\n"
        f"main(['check', {str(STYLED / 'commented.toml')!r}])\n"
        "print('tomlkit' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip() == "False"


# --- a large plan: only the tables around the edit are parsed ---------------------------------------


def big_styled(count: int) -> str:
    """A hand-styled plan of `count` items: a comment above each, a comment after each start."""
    head = (STYLED / "commented.toml").read_text().split("# --- the timeline")[0]
    tables = [
        f'# step {n}\n[[items]]\nid = "c{n}"\nrequirement = "course"\nstart = "2027-fall"   # when\n\n'
        for n in range(count)
    ]
    return head + "".join(tables)


def rename(plan: Plan) -> edits.Edit | None:
    return edits.change_profile(plan, {"name": "Sam Rivera", "credentials": ["rhit"]})


def retitle_plan(plan: Plan) -> edits.Edit:
    plan_title = plan.title

    class Retitle(edits.Edit):
        def apply(self, plan: Plan) -> None:
            plan.title = f"{plan_title}, revised"

    return Retitle("retitle the plan")


def test_an_edit_in_a_large_plan_parses_only_the_tables_around_it(tmp_path: Path, monkeypatch) -> None:
    import tomlkit

    parsed: list[int] = []
    real_parse = tomlkit.parse
    monkeypatch.setattr(tomlkit, "parse", lambda text: parsed.append(len(text)) or real_parse(text))
    path = tmp_path / "big.toml"
    path.write_text(big_styled(400))
    for make in (move_later, add_second, delete_last, comment, rename, retitle_plan):
        loaded = load(str(path))
        before_plan = loaded.plan.copy()
        make(loaded.plan).apply(loaded.plan)
        save(loaded.plan, str(path), loaded.text)
        assert load(str(path)).plan == loaded.plan != before_plan
        assert sum(len(lost) for lost, _ in hunks(loaded.text, text_of(path))) <= 6  # a table at most
    assert parsed and max(parsed) < len(text_of(path)) / 50, parsed  # a few tables, never the file


def test_the_window_and_the_whole_document_give_the_same_text() -> None:
    for name in NAMES:
        text = (STYLED / name).read_bytes().decode()
        for label, make in EDITS.items():
            plan = parse_plan(text, name)
            make(plan).apply(plan)
            old, new = tomllib.loads(text), plan.to_toml()
            windowed = restyle._windowed(text, old, new)
            assert windowed is not None and windowed == restyle._whole(text, old, new), (name, label)


def test_saves_in_a_row_each_change_only_their_lines(tmp_path: Path) -> None:
    """The app saves again over the text it wrote last (which restyle remembers, not reads again)."""
    for name in NAMES:
        path = copy(tmp_path, name)
        loaded = load(str(path))
        plan, text = loaded.plan, loaded.text
        for make in (move_later, retitle, add_last, move_later, delete_first):
            make(plan).apply(plan)
            saved = save(plan, str(path), text)
            assert saved.backup is None and load(str(path)).plan == plan, name
            assert len(hunks(text, saved.text)) <= 2, (name, make.__name__)
            text = saved.text


INLINE_RECORDS = """format = "hit-career-plan/1"
profile = { goal = "rhit", starts = "2027-fall" }  # short
items = [
  { id = "a", requirement = "course", start = "2027-fall" },  # first
  { id = "b", requirement = "course", start = "2028-fall" },
]
comments = [{ author = "K", text = "hi" }]
"""


def test_records_written_as_inline_tables_stay_inline() -> None:
    plan = parse_plan(INLINE_RECORDS, "p.toml")
    move_later(plan).apply(plan)
    edits.add_item(plan, Item(id="c", requirement="course", start=plan.items[0].start), 1).apply(plan)
    comment(plan).apply(plan)
    text = restyle.restyle(INLINE_RECORDS, plan)
    assert text is not None and parse_plan(text, "p.toml") == plan
    assert hunks(INLINE_RECORDS, text) == [
        (
            ['  { id = "a", requirement = "course", start = "2027-fall" },  # first\n'],
            [
                '  { id = "a", requirement = "course", start = "2028-spring" },  # first\n',
                '  {id = "c", requirement = "course", start = "2028-spring"},\n',
            ],
        ),
        (
            ['comments = [{ author = "K", text = "hi" }]\n'],
            [
                'comments = [{ author = "K", text = "hi" }, {author = "J. Kim", date = 2026-12-07, '
                'text = "Two lines:\\nsee me."}]\n'
            ],
        ),
    ]


# --- random edit sequences over the corpus (seeded, so a failure repeats) ------------------------


def random_edit(plan: Plan, rng, number: int) -> tuple[str, edits.Edit | None]:
    """One edit of the kinds the app makes, picked by `rng`."""
    kind = rng.choice(
        ["move", "add", "delete", "title", "notes", "covers", "comment", "uncomment", "waive", "profile"]
    )
    item = rng.choice(plan.items) if plan.items else None
    try:
        if kind == "move" and item is not None and item.start is not None:
            return kind, edits.move_item(plan, item, rng.choice([-1, 1, 2]))
        if kind == "add":
            new = Item(id=f"new-{number}", requirement="course", start="2028-fall", title='It\'s "new"')
            return kind, edits.add_item(plan, new, rng.randint(0, len(plan.items)))
        if kind == "delete" and item is not None:
            return kind, edits.delete_item(plan, item)
        if kind in ("title", "notes") and item is not None:
            value = rng.choice(["New", 'It\'s "odd" \\ here', None, "two\nlines", "C:\\x"])
            return kind, edits.change_item(plan, item, {kind: value})
        if kind == "covers" and item is not None:
            value = rng.choice([["statistics"], [], None, ["medical-terminology", "coding-abstraction"]])
            return kind, edits.change_item(plan, item, {"covers": value})
        if kind == "comment":
            return kind, edits.add_comment(plan, "K. Lee", "A note.", None, datetime.date(2026, 1, 5))
        if kind == "uncomment" and plan.comments:
            return kind, edits.delete_comment(plan, rng.choice(plan.comments))
        if kind == "waive":
            return kind, edits.add_waiver(plan, "associate-coursework", None, "K. Lee", "On file.")
        if kind == "profile":
            value = {"name": rng.choice(["Z", None, "Q'q"]), "credentials": rng.choice([["rhit"], []])}
            return kind, edits.change_profile(plan, value)
    except edits.EditRefused:
        pass
    return kind, None


@pytest.mark.parametrize("name", NAMES)
def test_random_edit_sequences_are_always_kept_in_place(name: str) -> None:
    import random

    text = (STYLED / name).read_bytes().decode()
    own_comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    for seed in range(60):
        rng = random.Random(seed)
        plan = parse_plan(text, name)
        done = []
        for number in range(rng.randint(1, 4)):
            kind, edit = random_edit(plan, rng, number)
            if edit is not None:
                edit.apply(plan)
                done.append(kind)
        old, new = tomllib.loads(text), plan.to_toml()
        written = restyle.restyle(text, plan)
        assert written is not None, (seed, done)  # never the canonical fallback
        assert parse_plan(written, name) == plan
        endings_kept(text, written)
        if not {"delete", "uncomment"} & set(done):
            kept = written.splitlines()
            assert all(line in kept for line in own_comments), (seed, done)
        windowed = restyle._windowed(text, old, new)
        if windowed is not None:
            assert windowed == restyle._whole(text, old, new), (seed, done)


INDENTED = """format = "hit-career-plan/1"

[profile]
  goal = "rhit"
  starts = "2027-fall"

[[items]]
  id = "a"
  requirement = "course"
  start = "2027-fall"

[[items]]
  id = "b"
  requirement = "course"
  start = "2028-fall"
"""


def test_keys_and_tables_added_to_an_indented_file_are_indented_alike() -> None:
    plan = parse_plan(INDENTED, "p.toml")
    edits.change_item(plan, plan.items[0], {"title": "T"}).apply(plan)
    edits.add_item(plan, Item(id="c", requirement="course", start="2028-fall"), 1).apply(plan)
    edits.change_profile(plan, {"name": "N"}).apply(plan)
    assert restyle.restyle(INDENTED, plan) == INDENTED.replace(
        'starts = "2027-fall"\n', 'starts = "2027-fall"\n  name = "N"\n'
    ).replace(
        'start = "2027-fall"\n\n',
        'start = "2027-fall"\n  title = "T"\n\n[[items]]\n  id = "c"\n  requirement = "course"\n'
        '  start = "2028-fall"\n\n',
    )


def test_a_kept_in_place_write_keeps_the_mode_and_writes_through_no_link(tmp_path: Path, capsys) -> None:
    real = copy(tmp_path, "commented.toml")
    real.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert main(["comment", str(link), "--author", "J. Kim", "Private."]) == 0
    assert link.is_symlink() and os.stat(real).st_mode & 0o777 == 0o600
    assert "Private." in text_of(real) and sorted(os.listdir(tmp_path)) == ["commented.toml", "link.toml"]
