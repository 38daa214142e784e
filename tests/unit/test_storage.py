"""Reading and writing plan files: every bad file gets one clear PlanFileError, saving is safe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from planner.core import storage
from planner.core.model import Plan
from planner.core.storage import PlanFileError, dumps, has_comments, load, parse_plan, save, write_new

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "plans").glob("*.toml"))
TOML_TEST = REPO.parent / "shared" / "toml-test"

MINIMAL = 'format = "hit-career-plan/1"\n\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n'


def error_of(data: bytes | str, path: str = "plan.toml") -> PlanFileError:
    """The PlanFileError that reading `data` raises."""
    with pytest.raises(PlanFileError) as caught:
        parse_plan(data if isinstance(data, bytes) else data.encode(), path)
    return caught.value


# --- reading ----------------------------------------------------------------------------------


def test_a_toml_syntax_error_names_the_file_line_and_column() -> None:
    error = error_of(MINIMAL + 'title = "unterminated\n')
    assert str(error).startswith("plan.toml, line 6, column ")
    assert "not valid TOML" in str(error)
    assert "\n" not in str(error)


def test_a_file_without_format_is_not_a_plan() -> None:
    error = error_of('title = "x"\n')
    assert str(error) == 'plan.toml, line 1: this is not a plan: it has no format = "hit-career-plan/1" line'


def test_a_future_format_is_refused_with_its_line() -> None:
    error = error_of('title = "x"\nformat = "hit-career-plan/2"\n')
    assert error.line == 2
    assert '"hit-career-plan/2"' in error.problem and "cannot read" in error.problem


def test_invalid_utf8_names_the_line_and_column_of_the_bad_byte() -> None:
    error = error_of(MINIMAL.encode() + b'title = "caf\xe9"\n')
    assert (error.line, error.column) == (6, 13)
    assert "0xe9" in error.problem and "UTF-8" in error.problem


def test_utf16_is_refused_clearly() -> None:
    error = error_of(MINIMAL.encode("utf-16"))
    assert "UTF-16" in error.problem


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    plan = parse_plan(b"\xef\xbb\xbf" + MINIMAL.encode(), "plan.toml")
    assert plan.profile.goal == "rhit"


def test_a_nul_byte_is_refused_with_its_position() -> None:
    error = error_of(MINIMAL.encode() + b"title = 1\x00\n")
    assert (error.line, error.column) == (6, 10)
    assert "NUL" in error.problem


def test_deep_nesting_is_refused_without_a_recursion_error() -> None:
    error = error_of(MINIMAL + "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert "too deeply" in error.problem or "not valid TOML" in error.problem


def test_a_file_over_10_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(MINIMAL.encode() + b"#" * (storage.MAX_BYTES + 1) + b"\n")
    with pytest.raises(PlanFileError) as caught:
        load(str(big))
    assert "10 MiB" in caught.value.problem


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="no such file"):
        load(str(tmp_path / "absent.toml"))
    with pytest.raises(PlanFileError, match="folder"):
        load(str(tmp_path))


@pytest.mark.skipif(not TOML_TEST.is_dir(), reason="../shared/toml-test is not beside the repo")
def test_every_invalid_file_of_the_toml_suite_gets_one_clear_sentence() -> None:
    files = [line.strip() for line in (TOML_TEST / "files-toml-1.0.0").read_text().splitlines()]
    files = [name for name in files if name.startswith("invalid/")]
    assert len(files) > 400
    for name in files:
        with pytest.raises(PlanFileError) as caught:
            parse_plan((TOML_TEST / name).read_bytes(), name)
        message = str(caught.value)
        assert message.startswith(name + ", line ") or message.startswith(name + ": "), message
        assert "\n" not in message


def test_wrong_types_load_and_are_kept() -> None:
    text = MINIMAL + '[[items]]\nid = "a"\nrequirement = "rhit"\nstart = 2027\nafter = "b"\n'
    plan = parse_plan(text, "plan.toml")
    item = plan.items[0]
    assert item.start is None and item.invalid == {"start": 2027, "after": "b"}
    assert parse_plan(dumps(plan), "plan.toml").items[0].invalid == {"start": 2027, "after": "b"}


# --- the canonical layout ---------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_in_the_canonical_layout_and_round_trip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    plan = parse_plan(text, str(path))
    assert dumps(plan) == text
    assert parse_plan(dumps(plan), str(path)) == plan


def test_unknown_keys_are_kept_everywhere() -> None:
    text = (
        'format = "hit-career-plan/1"\nschool_year = 12\n\n[meta]\nowner = "x"\n\n'
        '[profile]\ngoal = "rhit"\nstarts = "2027-fall"\nfavourite = "coding"\n\n'
        '[[items]]\nid = "a"\nrequirement = "rhit-exam"\nstart = "2027-fall"\nroom = { building = "B" }\n\n'
        '[[comments]]\nauthor = "x"\ntext = "y"\nmood = "happy"\n'
    )
    data = parse_plan(dumps(parse_plan(text, "p")), "p").to_toml()
    assert data["school_year"] == 12 and data["meta"] == {"owner": "x"}
    assert data["profile"]["favourite"] == "coding"
    assert data["items"][0]["room"] == {"building": "B"}
    assert data["comments"][0]["mood"] == "happy"


def test_strings_are_kept_exactly() -> None:
    tricky = 'line one\nline "two"\ttabbed \\ backslash \u202e bidi \x1b[31m esc \'\'\' """ end'
    plan = parse_plan(MINIMAL, "p")
    plan.title = tricky
    assert parse_plan(dumps(plan), "p").title == tricky


def test_has_comments_ignores_hashes_in_strings() -> None:
    assert has_comments("a = 1 # note\n")
    assert has_comments("# heading\na = 1\n")
    assert not has_comments('a = "#1"\nb = \'#2\'\nc = """\n# not a comment\n"""\n')
    assert not has_comments('a = "say \\"#\\""\n')
    assert not has_comments("#:schema ./plan.schema.json\na = 1\n")
    assert has_comments('a = """x""""  # after\n')


# --- saving -----------------------------------------------------------------------------------


def test_save_keeps_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    path.chmod(0o640)
    loaded = load(str(path))
    loaded.plan.title = "Changed"
    save(loaded.plan, str(path), loaded.text)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load(str(path)).plan.title == "Changed"


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(MINIMAL)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    loaded = load(str(link))
    loaded.plan.title = "Through the link"
    save(loaded.plan, str(link), loaded.text)
    assert link.is_symlink()
    assert load(str(real)).plan.title == "Through the link"


def test_a_file_with_comments_keeps_them_in_place_and_needs_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("# my notes\n" + MINIMAL)
    loaded = load(str(path))
    loaded.plan.title = "Edited"
    saved = save(loaded.plan, str(path), loaded.text)
    assert saved.backup is None and os.listdir(tmp_path) == ["plan.toml"]
    assert path.read_text() == "# my notes\n" + MINIMAL.replace('/1"\n', '/1"\ntitle = "Edited"\n', 1)


def test_the_canonical_layout_keeps_a_commented_file_beside_as_tilde(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    original = "# my notes\n" + MINIMAL
    path.write_text(original)
    loaded = load(str(path))
    saved = save(loaded.plan, str(path), loaded.text, canonical=True)  # planner fmt
    assert saved.backup == str(path) + ".~1~"
    assert Path(saved.backup).read_text() == original
    assert "# my notes" not in path.read_text()


def test_a_failed_replace_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", broken_replace)
    plan = parse_plan(MINIMAL, "p")
    plan.title = "Lost?"
    with pytest.raises(PlanFileError, match="No space left on device"):
        save(plan, str(path), MINIMAL)
    assert path.read_text() == MINIMAL
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_a_write_that_reads_back_differently_is_not_used(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    real_open = open

    def lying_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real_open(file, mode, *args, **kwargs)
        if mode == "rb" and str(file).endswith(".tmp"):
            handle.read = lambda *a: b"garbage"  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr("builtins.open", lying_open)
    with pytest.raises(PlanFileError, match="read back differently"):
        save(parse_plan(MINIMAL, "p"), str(path), MINIMAL)
    assert path.read_text() == MINIMAL
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_write_new_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("mine")
    with pytest.raises(PlanFileError, match="exists already"):
        write_new(str(path), MINIMAL)
    assert path.read_text() == "mine"


def test_new_plan_has_no_profile_table_until_given_one() -> None:
    assert dumps(Plan()) == '#:schema ./hit-career-plan-1.schema.json\nformat = "hit-career-plan/1"\n'


def test_changed_on_disk_compares_content(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    loaded = load(str(path))
    assert not storage.changed_on_disk(str(path), loaded.text)
    path.write_text(MINIMAL + 'title = "edited in vim"\n')
    assert storage.changed_on_disk(str(path), loaded.text)
    path.unlink()
    assert storage.changed_on_disk(str(path), loaded.text)
    assert not storage.changed_on_disk(str(path), None)


def test_recovery_file_is_written_beside_the_plan(tmp_path: Path) -> None:
    from planner.core import recovery

    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    plan = parse_plan(MINIMAL, "p")
    plan.title = "unsaved"
    assert recovery.find_recovery(str(path)) is None
    written = recovery.write_recovery(plan, str(path))
    assert written == str(path) + ".recovered" == recovery.find_recovery(str(path))
    assert load(written).plan.title == "unsaved"
    assert path.read_text() == MINIMAL


def test_the_examples_carry_the_current_schema_beside_them() -> None:
    import json

    from planner.core.schema import plan_schema

    shipped = json.loads((REPO / "plans" / "hit-career-plan-1.schema.json").read_text())
    assert shipped == plan_schema()


def test_a_read_only_file_is_not_written_over_even_by_root(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    path.chmod(0o444)
    plan = parse_plan(MINIMAL, "p")
    plan.title = "Changed"
    with pytest.raises(PlanFileError, match="the file is read-only"):
        save(plan, str(path), MINIMAL)
    assert path.read_text() == MINIMAL
    assert os.listdir(tmp_path) == ["plan.toml"]


@pytest.mark.parametrize(
    ("name", "error"),
    [("fsync", OSError(5, "Input/output error")), ("replace", OSError(28, "No space left on device"))],
)
def test_an_io_error_or_a_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch, name, error) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)

    def broken(*args) -> None:
        raise error

    monkeypatch.setattr(storage.os, name, broken)
    plan = parse_plan(MINIMAL, "p")
    plan.title = "Lost?"
    with pytest.raises(PlanFileError, match=error.strerror):
        save(plan, str(path), MINIMAL)
    assert path.read_text() == MINIMAL
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_a_folder_that_cannot_be_written_gives_one_sentence(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(PlanFileError) as caught:
        save(parse_plan(MINIMAL, "p"), str(path), MINIMAL)
    assert str(caught.value) == f"{path}: the folder is not writable, so the plan cannot be saved there"
    assert path.read_text() == MINIMAL


def test_saving_over_another_programs_version_keeps_it_beside(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL + 'title = "theirs"\n')
    plan = parse_plan(MINIMAL, "p")
    plan.title = "mine"
    saved = save(plan, str(path), MINIMAL, keep_previous=True)
    assert saved.backup == str(path) + ".~1~"
    assert Path(saved.backup).read_text() == MINIMAL + 'title = "theirs"\n'
    assert load(str(path)).plan.title == "mine"


# --- files beside a plan: links, modes, numbered backups, stray names (issue 9) ---------------


def commented(path: Path, note: str = "# my notes") -> str:
    path.write_text(f"{note}\n" + MINIMAL)
    return path.read_text()


def test_a_backup_is_never_written_through_a_link_at_its_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    original = commented(path)
    victim = tmp_path / "bashrc"
    for name in ("plan.toml~", "plan.toml.~1~"):  # dangling links, to where a write would go
        (tmp_path / name).symlink_to(victim)
    loaded = load(str(path))
    saved = save(loaded.plan, str(path), loaded.text, canonical=True)
    assert not victim.exists()
    assert saved.backup == str(path) + ".~2~"
    assert Path(saved.backup).read_text() == original and not Path(saved.backup).is_symlink()


def test_a_link_swapped_in_after_the_check_is_replaced_not_written_through(tmp_path, monkeypatch) -> None:
    target = tmp_path / "plan.toml.recovered"
    victim = tmp_path / "authorized_keys"
    victim.write_text("key\n")
    real_write = storage._write

    def swapped(path, where, data, mode, replace):
        target.symlink_to(victim)  # another program wins the race between the check and the write
        return real_write(path, where, data, mode, replace)

    monkeypatch.setattr(storage, "_write", swapped)
    storage.write_beside(str(target), b"edits\n", 0o600)
    assert victim.read_text() == "key\n"
    assert not target.is_symlink() and target.read_text() == "edits\n"


def test_the_recovery_file_is_not_rewritten_through_a_link_put_there_after_its_first_write(
    tmp_path: Path,
) -> None:
    from planner.core import recovery

    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    plan = parse_plan(MINIMAL, "p")
    first = recovery.write_recovery(plan, str(path))
    victim = tmp_path / "profile"
    os.unlink(first)
    Path(first).symlink_to(victim)
    plan.title = "later edits"
    written = recovery.write_recovery(plan, str(path), first)
    assert not victim.exists()
    assert written == str(path) + ".2.recovered" and load(written).plan.title == "later edits"
    assert recovery.recovery_files(str(path)) == [written]  # the link is no recovery file


def test_files_beside_a_private_plan_are_private(tmp_path: Path) -> None:
    from planner.core import recovery

    path = tmp_path / "plan.toml"
    commented(path)
    path.chmod(0o600)
    loaded = load(str(path))
    saved = save(loaded.plan, str(path), loaded.text, canonical=True)
    written = recovery.write_recovery(loaded.plan, str(path))
    for name in (saved.backup, written, str(path)):
        assert stat.S_IMODE(os.stat(name).st_mode) == 0o600, name


def test_numbered_backups_keep_every_version_and_no_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    first = commented(path, "# first notes")
    loaded = load(str(path))
    save(loaded.plan, str(path), loaded.text, canonical=True)
    second = commented(path, "# second notes")
    loaded = load(str(path))
    assert save(loaded.plan, str(path), loaded.text, canonical=True).backup == str(path) + ".~2~"
    commented(path, "# second notes")
    loaded = load(str(path))
    assert (
        save(loaded.plan, str(path), loaded.text, canonical=True).backup == str(path) + ".~2~"
    )  # the same text
    assert (tmp_path / "plan.toml.~1~").read_text() == first
    assert (tmp_path / "plan.toml.~2~").read_text() == second
    assert sorted(os.listdir(tmp_path)) == ["plan.toml", "plan.toml.~1~", "plan.toml.~2~"]


@pytest.mark.parametrize("pid", ["99999999999999999999", "0", "٣", "-1"])
def test_any_stray_temporary_name_beside_the_plan_is_harmless(tmp_path: Path, pid: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    (tmp_path / f".plan.toml.{pid}.abc.tmp").write_text("stray")
    plan = parse_plan(MINIMAL, "p")
    plan.title = "saved"
    save(plan, str(path), MINIMAL)
    assert load(str(path)).plan.title == "saved"
