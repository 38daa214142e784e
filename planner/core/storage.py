"""Reading and writing plan files.

Reading turns any bytes into a `Plan` or a `PlanFileError` that names the file, the line and
column where known, and the problem in one sentence; it raises nothing else. Writing over a
file's text keeps its hand edits (`restyle`); a new file, and `planner fmt`, get the canonical
layout (what tomli-w writes). Every write replaces the file atomically: a temporary file in
the same folder, flushed and fsynced, read back and compared, then renamed over the plan, and the
folder fsynced. A file that could not be read is never written.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from typing import Any

from planner.core.model import FORMAT, Plan

MAX_BYTES = 10 * 1024 * 1024
"""The largest plan the planner reads (10 MiB)."""

SCHEMA_FILE = "hit-career-plan-1.schema.json"
"""The name `planner schema > ...` saves the JSON Schema under, beside the plans."""
SCHEMA_HINT = "./" + SCHEMA_FILE
"""Where the `#:schema` first line of a plan points when the file names no other place.

A path relative to the plan, as taplo (Even Better TOML) and tombi resolve it: a plan mailed
to an advisor works with the schema saved once in the folder where the advisor keeps plans.
A file whose first line names another target (a URL, `../`) keeps it when saved."""


class PlanFileError(Exception):
    """A file that cannot be read as a plan, or written: one sentence for the user."""

    def __init__(self, path: str, problem: str, line: int | None = None, column: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        return f"{where}: {self.problem}"


class Loaded:
    """A plan as read from disk, with what saving it back needs to know."""

    __slots__ = ("plan", "path", "text", "mtime_ns", "size")

    def __init__(self, plan: Plan, path: str, text: str, mtime_ns: int, size: int) -> None:
        self.plan = plan
        self.path = path
        self.text = text
        """The file's text as read, to tell whether it changed or held comments."""
        self.mtime_ns = mtime_ns
        self.size = size


_TOML_POSITION = re.compile(
    r"^(?P<message>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, path: str) -> str:
    """The text of a plan file's bytes, or a PlanFileError saying why it is not UTF-8 text."""
    if len(data) > MAX_BYTES:
        raise PlanFileError(
            path, f"the file is {len(data):,} bytes; a plan is at most {MAX_BYTES:,} bytes (10 MiB)"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanFileError(path, "the file is UTF-16 text; save it as UTF-8", 1, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark, as some editors write: harmless, dropped
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        line, column = _position(prefix, len(prefix))
        raise PlanFileError(
            path, f"byte 0x{data[error.start]:02x} is not UTF-8; a plan is UTF-8 text", line, column
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        line, column = _position(text, nul)
        raise PlanFileError(path, "the file holds a NUL byte; a plan is text", line, column)
    return text


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """The TOML document in `text`, or a PlanFileError with the line and column of the fault."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.match(str(error))
        if match is None:
            raise PlanFileError(path, f"this is not valid TOML: {error}") from None
        line = int(match["line"]) if match["line"] else text.count("\n") + 1
        column = int(match["column"]) if match["column"] else None
        message = match["message"]
        raise PlanFileError(
            path, f"this is not valid TOML: {message[0].lower()}{message[1:]}", line, column
        ) from None
    except RecursionError:
        raise PlanFileError(path, "this TOML nests arrays or tables too deeply to read") from None


def _line_of_key(text: str, key: str) -> int | None:
    """The line where a top-level `key = ...` is written, if it can be found."""
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


MAX_DEPTH = 32
"""How deeply a plan may nest tables and arrays (a plan itself needs four levels). Deeper, any
code that walks the values (writing, comparing, exporting) could exhaust Python's recursion."""


def _depth_exceeded(document: dict[str, Any]) -> bool:
    """True when tables and arrays nest more than MAX_DEPTH levels (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack += [(child, depth + 1) for child in children if isinstance(child, (dict, list))]
    return False


def parse_plan(data: bytes | str, path: str) -> Plan:
    """The plan in a file's bytes (or text), or a PlanFileError that says what is wrong."""
    text = data if isinstance(data, str) else decode(data, path)
    document = parse_toml(text, path)
    if _depth_exceeded(document):
        raise PlanFileError(
            path,
            f"this TOML nests tables, arrays or dotted keys more than {MAX_DEPTH} levels deep; "
            "a plan needs a few",
        )
    check_format(document, text, path)
    plan = Plan.from_toml(document)
    plan.schema_hint = schema_target(text)
    return plan


def schema_target(text: str) -> str | None:
    """What the text's `#:schema TARGET` first line points at, or None without one."""
    if not text.startswith("#:schema "):
        return None
    target = text[9 : text.find("\n") if "\n" in text else len(text)].strip()
    return target or None


def check_format(document: dict[str, Any], text: str, path: str) -> None:
    """Refuse a document whose `format` is missing or is not the one this planner reads."""
    version = document.get("format")
    if version == FORMAT:
        return
    if version is None:
        raise PlanFileError(path, f'this is not a plan: it has no format = "{FORMAT}" line', 1)
    line = _line_of_key(text, "format")
    if isinstance(version, str) and version.startswith("hit-career-plan/"):
        raise PlanFileError(
            path,
            f'the plan is in format "{version}", which this planner cannot read; it reads "{FORMAT}"',
            line,
        )
    raise PlanFileError(path, f'this is not a plan: its format is {version!r}, not "{FORMAT}"', line)


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_kind(path: str, mode: int) -> None:
    kind = _kind(mode)
    if kind == "a folder":
        raise PlanFileError(path, "this is a folder, not a plan file")
    if kind is not None:
        raise PlanFileError(path, f"this is {kind}, not a plan file, so it was not read")


def open_regular(path: str):
    """`path` opened for reading in binary, only when it is a regular file (through links).

    A FIFO, a device, a socket or a folder is refused with a PlanFileError before it is opened,
    and checked again on the descriptor (opened without blocking), so a FIFO swapped in between
    is never waited on. OSError for a file that cannot be opened.
    """
    _refuse_kind(path, os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        _refuse_kind(path, os.fstat(descriptor).st_mode)
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def looks_like_plan(path: str) -> bool:
    """True for a regular file whose first lines name the plan format: a report or any other
    file the planner writes is never written over a plan."""
    try:
        with open_regular(path) as file:
            head = file.read(4096)
    except (OSError, PlanFileError):
        return False
    return b"hit-career-plan/" in head


def read_bytes(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a file, refusing folders, special files (never opened in a way that could
    wait) and files over the size cap before reading them."""
    try:
        with open_regular(path) as file:
            info = os.fstat(file.fileno())
            if info.st_size > MAX_BYTES:
                raise PlanFileError(
                    path,
                    f"the file is {info.st_size:,} bytes; a plan is at most {MAX_BYTES:,} bytes (10 MiB)",
                )
            return file.read(MAX_BYTES + 1), info
    except FileNotFoundError:
        raise PlanFileError(path, "there is no such file") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read this file") from None
    except OSError as error:
        raise PlanFileError(path, f"the file cannot be read: {error.strerror or error}") from None


def load(path: str) -> Loaded:
    """Read the plan at `path`: a Loaded, or a PlanFileError."""
    data, info = read_bytes(path)
    text = decode(data, path)
    plan = parse_plan(text, path)
    return Loaded(plan, path, text, info.st_mtime_ns, info.st_size)


def load_plan(path: str) -> Plan:
    """The plan at `path`, or a PlanFileError."""
    return load(path).plan


def dumps(plan: Plan) -> str:
    """The plan in the canonical layout, after a `#:schema` line for editors (SCHEMA_HINT)."""
    import tomli_w  # imported here so that `planner check` does not pay for it

    data = plan.to_toml()
    # Multi-line strings read better, but TOML readers may turn their CRLF into LF: a plan
    # holding a carriage return anywhere is written with escapes, so that it reads back exactly.
    text = tomli_w.dumps(data, multiline_strings=not _holds_carriage_return(data))
    return f"#:schema {plan.schema_hint or SCHEMA_HINT}\n" + text


def _holds_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(
            _holds_carriage_return(key) or _holds_carriage_return(entry) for key, entry in value.items()
        )
    if isinstance(value, list):
        return any(_holds_carriage_return(entry) for entry in value)
    return False


def has_comments(text: str) -> bool:
    """True when TOML text holds a comment (a # outside strings), other than a #:schema line."""
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            comment = text[i : n if end < 0 else end]
            if not (comment.startswith("#:schema") and text.count("\n", 0, i) == 0):
                return True
            i = n if end < 0 else end
        elif char in "\"'":
            triple = text.startswith(char * 3, i)
            quote = char * 3 if triple else char
            i += len(quote)
            while i < n:
                if char == '"' and text[i] == "\\":
                    i += 2
                    continue
                if text.startswith(quote, i):
                    i += len(quote)
                    # a multi-line string may end with up to two extra quotes
                    while triple and i < n and text[i] == char:
                        i += 1
                    break
                if not triple and text[i] == "\n":
                    break
                i += 1
        else:
            i += 1
    return False


class Saved:
    """What a save did beyond writing the plan."""

    __slots__ = ("path", "backup", "mtime_ns", "size", "text")

    def __init__(self, path: str, backup: str | None, mtime_ns: int, size: int, text: str) -> None:
        self.path = path
        self.backup = backup
        """Where the previous version was kept (`PLAN.toml.~N~`): another program's version saved
        over, or comments the canonical layout could not keep."""
        self.mtime_ns = mtime_ns
        self.size = size
        self.text = text


LINK_TAKEN = "a link is at this name, and the planner never writes through one, so nothing was written there"
"""The sentence for a name beside a plan that a symbolic link holds."""


def write_atomic(path: str, data: bytes, mode: int | None = None) -> os.stat_result:
    """Replace `path` with `data` atomically; on any failure the old file is untouched.

    `path` is resolved through symlinks first, so a linked plan is saved through its link (the
    file it names is replaced by a rename, never written into). The temporary file is created
    with O_EXCL (never through a link), its mode set on its descriptor.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
        existing: int | None = stat.S_IMODE(info.st_mode)
        if _kind(info.st_mode) is not None:
            raise PlanFileError(
                path, f"this is {_kind(info.st_mode)}, not a file, so nothing was written there"
            )
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise PlanFileError(path, f"the plan cannot be saved: {error.strerror or error}") from None
    # A file nobody may write is read-only on purpose, even for root (who could replace it).
    if existing is not None and (not existing & 0o222 or not os.access(target, os.W_OK)):
        raise PlanFileError(path, "the file is read-only, so the plan was not written over it")
    if mode is None:
        mode = existing if existing is not None else 0o666 & ~_umask()
    return _write(path, target, data, mode, replace=True)


def write_beside(path: str, data: bytes, mode: int, replace: bool = True) -> os.stat_result:
    """Write a file the planner creates beside a plan (a backup, a recovery file, a report).

    Never through a link: a name a symbolic link holds (even a dangling one) is refused with a
    PlanFileError saying so (LINK_TAKEN), and the file is put in place by a rename (or, without
    `replace`, a hard link that fails when the name is taken), which replaces a name and never
    follows one, so a link swapped in after the check is replaced, not written through. Without
    `replace`, a name any file holds is refused with FileExistsError. `mode` is the file's mode
    (see `mode_beside`).
    """
    folder, name = os.path.split(path)
    target = os.path.join(os.path.realpath(folder or "."), name)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise PlanFileError(path, f"the file cannot be written: {error.strerror or error}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise PlanFileError(path, LINK_TAKEN)
        if not replace:
            raise FileExistsError(path)
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(
                path, "something other than a file is at this name, so nothing was written there"
            )
    return _write(path, target, data, mode, replace=replace)


def mode_beside(plan_path: str) -> int:
    """The mode of a new file holding a plan's content: what the umask allows, and never more
    than the plan's own bits (a 0600 plan gets 0600 copies). Without a plan on disk, the umask's."""
    mode = 0o666 & ~_umask()
    try:
        return mode & stat.S_IMODE(os.stat(plan_path).st_mode)
    except (OSError, ValueError):
        return mode


def _write(path: str, target: str, data: bytes, mode: int, replace: bool) -> os.stat_result:
    """Write `data` to a temporary file beside `target`, check it, and put it at `target`."""
    import tempfile

    folder = os.path.dirname(target) or "."
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
    except PermissionError:
        raise PlanFileError(path, "the folder is not writable, so the plan cannot be saved there") from None
    except OSError as error:
        raise PlanFileError(path, f"the plan cannot be saved: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
            os.fchmod(file.fileno(), mode)
            written = os.fstat(file.fileno())
        with open(temporary, "rb", opener=_open_no_follow) as file:  # read back what the disk holds
            now = os.fstat(file.fileno())
            if (now.st_dev, now.st_ino) != (written.st_dev, written.st_ino):
                raise PlanFileError(path, "another program replaced the temporary file; nothing was written")
            if file.read() != data:
                raise PlanFileError(path, "the saved copy read back differently; the plan was not replaced")
        if replace:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target, data, mode)
    except PlanFileError:
        _remove(temporary)
        raise
    except FileExistsError:
        _remove(temporary)
        raise
    except OSError as error:
        _remove(temporary)
        if isinstance(error, PermissionError):
            raise PlanFileError(path, "you do not have permission to write this file") from None
        raise PlanFileError(path, f"the plan cannot be saved: {error.strerror or error}") from None
    except BaseException:
        _remove(temporary)
        raise
    _fsync_folder(folder)
    remove_stray_temporaries(target)
    return os.lstat(target)


def _open_no_follow(name: str, flags: int) -> int:
    return os.open(name, flags | getattr(os, "O_NOFOLLOW", 0))


def _link_new(temporary: str, target: str, data: bytes, mode: int) -> None:
    """Give the temporary file the name `target`, which no file may hold (FileExistsError)."""
    try:
        os.link(temporary, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create the name exclusively instead
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(target, flags, mode)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    _remove(temporary)


def remove_stray_temporaries(target: str) -> list[str]:
    """Delete temporary files that an interrupted save of `target` left behind.

    Temporaries are named `.NAME.PID.XXXX.tmp`; one whose process is gone is stray (a process
    killed mid-save). Those of a live process are left alone: it may be saving right now. Any
    other name is harmless: a number no process can have is a process that is gone, and a name
    that cannot be removed is left.
    """
    folder = os.path.dirname(target) or "."
    prefix = f".{os.path.basename(target)}."
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if not (pid.isascii() and pid.isdigit()) or _alive(int(pid)):
            continue
        try:
            os.unlink(os.path.join(folder, name))
            removed.append(name)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    """True when a process `pid` may exist (0 and numbers beyond any process id are none)."""
    if pid == os.getpid():
        return True
    if not 0 < pid < 2**31:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_folder(folder: str) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


BACKUP = re.compile(r"\.~([1-9][0-9]{0,8})~")
"""The suffix of a numbered backup: `PLAN.toml.~1~`, `PLAN.toml.~2~`, as Emacs writes them."""


def backups(path: str) -> list[tuple[int, str]]:
    """The numbered backups beside the plan at `path` (through its link), lowest number first."""
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    found = []
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    for entry in names:
        if entry.startswith(name) and (match := BACKUP.fullmatch(entry[len(name) :])):
            found.append((int(match[1]), os.path.join(folder, entry)))
    return sorted(found)


def keep_backup(path: str, data: bytes) -> str:
    """Keep `data` (a version of the plan at `path`) as its next numbered backup; the file's name.

    A backup is never written over: each version gets a new number, one past the highest there
    is (a name a link or anything else holds is passed by). When the latest backup holds `data`
    already, it is that file, and nothing is written. Its mode is no wider than the plan's.
    """
    existing = backups(path)
    if existing:
        latest = existing[-1][1]
        try:
            if not os.path.islink(latest) and os.path.getsize(latest) == len(data):
                with open(latest, "rb") as file:
                    if file.read(len(data) + 1) == data:
                        return latest
        except OSError:
            pass
    number = existing[-1][0] + 1 if existing else 1
    base = os.path.realpath(path)
    mode = mode_beside(base)
    for attempt in range(number, number + 100):
        try:
            write_beside(f"{base}.~{attempt}~", data, mode, replace=False)
        except FileExistsError:
            continue  # another program took that name meanwhile: the next one
        except PlanFileError as error:
            if error.problem != LINK_TAKEN:
                raise PlanFileError(
                    path,
                    f"the previous version cannot be kept beside it ({error.problem}), "
                    "so the plan was not written",
                ) from None
            continue
        return f"{base}.~{attempt}~"
    raise PlanFileError(path, "no free name for a backup beside it, so the plan was not written")


def restyled(plan: Plan, previous_text: str) -> str | None:
    """`plan` written over the file's text `previous_text`, changing only what differs (see
    `planner.core.restyle`); None when that text cannot be updated in place."""
    from planner.core.restyle import restyle  # tomlkit: only when a plan is written

    return restyle(previous_text, plan)


def text_to_write(plan: Plan, previous_text: str | None) -> str:
    """What `save` writes for `plan` over `previous_text`: the text kept in place, or the
    canonical layout (a new file, or a text that cannot be updated in place)."""
    text = None if previous_text is None else restyled(plan, previous_text)
    return dumps(plan) if text is None else text


def save(
    plan: Plan,
    path: str,
    previous_text: str | None = None,
    keep_previous: bool = False,
    canonical: bool = False,
) -> Saved:
    """Write `plan` to `path`, atomically, keeping the file's hand edits.

    `previous_text` is the file's text as it was read (None for a new file). The plan is written
    over it style-preserving (`restyle`): the text outside what changed stays byte for byte, so
    nothing is lost and no backup is kept. A new file, `canonical` (`planner fmt`), or a text
    that cannot be updated in place get the canonical layout (`dumps`); then, when the previous
    text held TOML comments, which that layout cannot keep, it is first kept beside the plan as
    its next numbered backup (`PLAN.~1~`, see `keep_backup`), and `Saved.backup` says where.
    With `keep_previous` the file as it is on disk now is kept so whatever it holds (saving
    over a version written by another program).
    """
    text = None if previous_text is None or canonical else restyled(plan, previous_text)
    kept_in_place = text is not None
    if text is None:
        text = dumps(plan)
    backup = None
    if keep_previous and os.path.exists(path):
        data, _info = read_bytes(path)
        backup = keep_backup(path, data)
    elif (
        not kept_in_place
        and previous_text is not None
        and previous_text != text
        and has_comments(previous_text)
    ):
        backup = keep_backup(path, previous_text.encode("utf-8"))
    info = write_atomic(path, text.encode("utf-8"))
    return Saved(path, backup, info.st_mtime_ns, info.st_size, text)


def write_new(path: str, text: str) -> None:
    """Write a new plan file; refuse, with a PlanFileError, when `path` exists already."""
    if os.path.lexists(path):
        raise PlanFileError(path, "the file exists already; choose another name (nothing was written)")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise PlanFileError(path, "its folder does not exist")
    try:  # a name taken meanwhile (by a link or a file) is refused, never written over
        write_beside(path, text.encode("utf-8"), 0o666 & ~_umask(), replace=False)
    except FileExistsError:
        raise PlanFileError(
            path, "the file exists already; choose another name (nothing was written)"
        ) from None


def changed_on_disk(path: str, text_read: str | None) -> bool:
    """True when the file at `path` no longer holds `text_read` (edited elsewhere, or removed).

    A new plan (`text_read` None) counts as changed when a file has appeared at `path`.
    """
    try:
        data, _info = read_bytes(path)
    except PlanFileError:
        return text_read is not None
    if text_read is None:
        return True
    try:
        return decode(data, path) != text_read
    except PlanFileError:
        return True
