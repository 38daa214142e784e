"""Style-preserving writes: a plan written over the text it was read from, changing only what changed.

`restyle(previous_text, plan)` parses the file's text with tomlkit (which keeps comments, blank
lines, key order, quoting and inline arrays), compares the data it holds with what the plan
serialises to, and changes the document minimally: a changed value is rewritten in place (in the
quoting it had; an array keeps its layout), a new key is appended to its table, a removed key
goes. Records (`[[items]]` by id, comments, waivers and approvals by their order) are matched:
a changed one is updated in place, a new one is a new table at its place in the array, a
deleted one's table goes with the comment lines right above it. New lines take the file's line
ending (CRLF stays CRLF).

The result is checked: it must read back as exactly the plan, or `restyle` returns None and the
caller writes the canonical layout instead (keeping the previous text as a backup). tomlkit is
imported only here, when a plan is first written, so reading a plan never pays for it.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from typing import Any

from planner.core.model import Plan

RECORD_LISTS = ("items", "comments", "waivers", "approvals")
"""The arrays of tables whose entries are matched one by one (items by id, the others by order)."""


class _Unsupported(Exception):
    """A shape of document this writer does not change in place (the caller falls back)."""


_last: tuple[str, dict[str, Any]] | None = None
"""The text restyle last wrote and its data: the next save over that text need not read it again."""


def restyle(previous_text: str, plan: Plan) -> str | None:
    """`plan` written over `previous_text`, keeping everything the edit did not change; None when
    the text cannot be updated in place so that it reads back as exactly `plan`.

    Only the part of the text around what changed is parsed with tomlkit (the tables around an
    item moved, added or deleted, a comment or an approval added, the profile's table): a large
    plan's other thousands of lines are copied as they are. When the changes cannot be placed
    so, the whole document is parsed.
    """
    global _last
    last = _last
    if last is not None and last[0] == previous_text:
        old = last[1]
    else:
        try:
            old = tomllib.loads(previous_text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return None
    new = plan.to_toml()
    if old == new:
        return previous_text
    for attempt in (_windowed, _whole):
        try:
            text = attempt(previous_text, old, new)
        except Exception:  # never a traceback from a save: the whole document, or the canonical layout
            text = None
        if text is None:
            continue
        text = _line_endings(previous_text, text)
        data = _reads_as(text, plan)
        if data is not None:
            _last = (text, data)
            return text
    return None


def _whole(previous_text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The whole document parsed with tomlkit and updated."""
    return _updated(previous_text, old, new)


def _updated(text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """`text` (holding `old`) parsed with tomlkit and changed to hold `new`; None if it cannot be."""
    import tomlkit

    try:
        document = tomlkit.parse(text)
        _update_table(document, old, new)
        return document.as_string()
    except Exception:  # any shape tomlkit or this writer cannot change in place: the caller falls back
        return None


def _reads_as(text: str, plan: Plan) -> dict[str, Any] | None:
    """The data of `text` when it reads back as exactly `plan` (None otherwise)."""
    from planner.core.storage import PlanFileError, check_format, parse_toml

    try:
        data = parse_toml(text, "")
        check_format(data, text, "")
    except PlanFileError:
        return None
    return data if Plan.from_toml(data) == plan else None  # the #:schema line is the file's own


# --- a window of the document: the tables around an edit in one array of tables ------------------

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""("{0,2})'  # multi-line basic string (ending in up to 2 more quotes)
    r"|'''(?:[^']|'(?!''))*'''('{0,2})"  # multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'  # basic string
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*"  # comment
    r"|[\[\]{}\n]",
)
_HEADER = re.compile(
    r"[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*\]\]?"
    r"[ \t]*(?:#[^\n]*)?(?:\r?\n|$)"
)
"""A table's header line with bare keys (`[profile]`, `[[items]]`, `[items.links]`)."""


def _units(text: str) -> list[tuple[int, str | None, bool]] | None:
    """The document cut where its top-level parts begin: (offset, top-level key, whether it is
    an entry of an array of tables) for the plain keys at the top (key None) and each table with
    its sub-tables. None when a header cannot be read simply (quoted keys, say)."""
    units: list[tuple[int, str | None, bool]] = [(0, None, False)]
    depth = 0
    line_start = True
    position = 0
    while True:
        if line_start and depth == 0:
            header = _HEADER.match(text, position)
            if header is None and text[position : position + 64].lstrip(" \t").startswith("["):
                return None  # a header this scan does not read: the whole document is parsed
            if header is not None:
                path = [part.strip() for part in header[2].split(".")]
                array = header[1] == "[["
                _offset, top, in_array = units[-1]
                if not (top == path[0] and len(path) > 1):  # a sub-table stays with its table
                    units.append((position, path[0], array and len(path) == 1))
                position = header.end()
                continue
        token = _TOKEN.search(text, position)
        if token is None:
            return units
        value = token[0]
        position = token.end()
        line_start = value == "\n"
        if value in "[{":
            depth += 1
        elif value in "]}":
            depth = max(depth - 1, 0)
        elif value.startswith(('"""', "'''")) and "\n" in value:
            line_start = False


def _windowed(previous_text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Only the part of the document around what changed, parsed and updated in place: the
    tables around an edit of an array of tables, the profile's table, the plain keys at the top.
    None when the changes cannot be placed so (the whole document is parsed instead)."""
    units = _units(previous_text)
    if units is None:
        return None
    changed = [key for key in [*new, *(key for key in old if key not in new)] if old.get(key) != new.get(key)]
    if not changed:
        return previous_text
    spans: list[tuple[int, int]] = []
    slices: dict[str, tuple[int, int]] = {}
    for key in changed:
        if key in RECORD_LISTS and _tables(old.get(key, [])) and _tables(new.get(key, [])):
            span = _records_span(units, key, old.get(key, []), new.get(key, []))
            if span is None:
                return None
            first_unit, last_unit, r0, r1 = span
            spans.append((first_unit, last_unit))
            slices[key] = (r0, r1)
            continue
        own = [index for index, (_offset, top, _array) in enumerate(units) if top == key]
        if own:
            spans.append((own[0], own[-1]))
        elif key in old or not isinstance(new[key], (dict, list)):
            spans.append((0, 0))  # a plain key at the top, or one to be added there
        else:
            spans.append((len(units) - 1, len(units) - 1))  # a new table goes at the end
    first_unit = min(first for first, _last in spans)
    last_unit = max(last for _first, last in spans)
    start = units[first_unit][0]
    end = units[last_unit + 1][0] if last_unit + 1 < len(units) else len(previous_text)
    window = previous_text[start:end]
    try:
        old_window = tomllib.loads(window)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    new_window = dict(old_window)
    for key in changed:
        if key in slices:
            r0, r1 = slices[key]
            before, after = old.get(key, []), new.get(key, [])
            if old_window.get(key, []) != before[r0:r1]:
                return None
            new_window[key] = after[r0 : len(after) - (len(before) - r1)]
            if not new_window[key]:
                del new_window[key]
        else:
            if old_window.get(key) != old.get(key):
                return None  # the key is not all in the window
            if key in new:
                new_window[key] = new[key]
            else:
                del new_window[key]
    order = [key for key in old_window if key in new_window] + [key for key in new if key not in old_window]
    new_window = {key: new_window[key] for key in order if key in new_window}  # added keys in new's order
    updated = _updated(window, old_window, new_window)
    return None if updated is None else previous_text[:start] + updated + previous_text[end:]


def _records_span(
    units: list[tuple[int, str | None, bool]], name: str, before: list[Any], after: list[Any]
) -> tuple[int, int, int, int] | None:
    """(first unit, last unit, first record, one past the last record) of the window around
    the changes of the array of tables `name`, with one unchanged neighbour on each side."""
    records = [index for index, (_offset, top, array) in enumerate(units) if top == name and array]
    if any(top == name for _offset, top, array in units if not array) or len(records) != len(before):
        return None
    if records and records != list(range(records[0], records[0] + len(records))):
        return None  # the array's tables are not all together
    if not records:
        return len(units) - 1, len(units) - 1, 0, 0  # a new array of tables: after the last table
    lo = 0
    while lo < min(len(before), len(after)) and before[lo] == after[lo]:
        lo += 1
    hi = 0
    while hi < min(len(before), len(after)) - lo and before[-1 - hi] == after[-1 - hi]:
        hi += 1
    r0, r1 = max(lo - 1, 0), min(len(before) - hi + 1, len(before))
    first_unit = records[r0] - (1 if lo == 0 else 0)
    last_unit = min(records[r1 - 1] + (1 if r1 == len(before) else 0), len(units) - 1)
    return first_unit, last_unit, r0, r1


def _line_endings(previous: str, text: str) -> str:
    """`text` with the lines it gained ending as the previous text's did (CRLF files stay CRLF)."""
    crlf = previous.count("\r\n")
    if not crlf or crlf != previous.count("\n"):
        return text  # LF, or mixed endings: the lines tomlkit kept keep theirs
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# --- tables and values --------------------------------------------------------------------------


def _update_table(container: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Make the tomlkit table (or document) `container`, which holds `old`, hold `new`."""
    for key in old:
        if key not in new:
            _remove_key(container, key)
    for key, value in new.items():
        if key not in old:
            _add_key(container, key, value)
        elif old[key] != value:
            _update_value(container, key, old[key], value)


def _update_value(container: Any, key: str, old: Any, new: Any) -> None:
    from tomlkit.items import AoT, Array, InlineTable, Table

    current = container[key]
    if isinstance(old, dict) and isinstance(new, dict) and isinstance(current, (Table, InlineTable)):
        _update_table(current, old, new)
    elif key in RECORD_LISTS and isinstance(current, AoT) and _tables(new):
        _update_records(container, key, current, old, new)
    elif isinstance(current, Array) and isinstance(new, list) and _scalars(old) and _scalars(new):
        _update_array(current, old, new)
    elif isinstance(current, Array) and _tables(old) and _tables(new) and len(current) == len(old):
        _update_inline_records(key, current, old, new)
    else:
        container[key] = _styled(current, new)


def _tables(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(entry, dict) for entry in value)


def _scalars(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(entry, (dict, list)) for entry in value)


def _update_array(array: Any, old: list[Any], new: list[Any]) -> None:
    """Change an array of scalars entry by entry, so its layout and comments stay."""
    matcher = difflib.SequenceMatcher(a=[repr(v) for v in old], b=[repr(v) for v in new], autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        for index in range(i2 - 1, i1 - 1, -1):
            del array[index]
        for offset, value in enumerate(new[j1:j2]):
            array.insert(i1 + offset, value)


def _update_inline_records(name: str, array: Any, old: list[Any], new: list[Any]) -> None:
    """Change an array of inline tables (`items = [{ id = "a", ... }, ...]`) record by record."""
    import tomlkit

    matcher = difflib.SequenceMatcher(a=_keys(name, old), b=_keys(name, new), autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        for offset in range(paired):
            if old[i1 + offset] != new[j1 + offset]:
                _update_table(array[i1 + offset], old[i1 + offset], new[j1 + offset])
        for index in range(i2 - 1, i1 + paired - 1, -1):
            del array[index]
        for offset, record in enumerate(new[j1 + paired : j2]):
            table = tomlkit.inline_table()
            table.update(record)
            array.insert(i1 + paired + offset, table)


def _keys(name: str, records: list[dict[str, Any]]) -> list[str]:
    """What matches a record of the old list with one of the new: an item's id (when ids are
    unique), otherwise the whole record."""
    keys = [_record_key(name, record) for record in records]
    if len(set(keys)) != len(keys):
        keys = [repr(sorted(record.items())) for record in records]
    return keys


def _styled(current: Any, value: Any) -> Any:
    """`value` as a tomlkit item written as `current` was: a string keeps its kind of quotes."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError
    from tomlkit.items import String, StringType

    if not (isinstance(current, String) and isinstance(value, str)):
        return tomlkit.item(value)
    literal = current.type in (StringType.SLL, StringType.MLL)
    multiline = current.type in (StringType.MLB, StringType.MLL)
    for is_literal, is_multiline in ((literal, multiline), (False, multiline), (False, False)):
        try:
            item = tomlkit.string(value, literal=is_literal, multiline=is_multiline)
        except TOMLKitError:
            continue
        raw, new_raw = current.as_string(), item.as_string()
        opening = "\r\n" if raw[3:5] == "\r\n" else raw[3:4]
        if is_multiline and opening in ("\n", "\r\n") and new_raw[3:4] not in ("\n", "\r"):
            # the file wrote a newline right after the opening quotes (not part of the value): so here
            item = String(item.type, item.value, opening + new_raw[3:-3], item.trivia)
        return item
    return tomlkit.item(value)


def _remove_key(container: Any, key: str) -> None:
    from tomlkit.items import AoT

    current = container[key]
    if isinstance(current, AoT):
        for index in range(len(current) - 1, -1, -1):
            _delete_record(container, current, index)
    del container[key]


def _add_key(container: Any, key: str, value: Any) -> None:
    """A key the file did not have: appended to its table (a new table or array at the end)."""
    import tomlkit
    from tomlkit.items import Table

    if _tables(value) and value and key in RECORD_LISTS:
        _blank_line_at_end(container)
        array = tomlkit.aot()
        for entry in value:
            array.append(_new_table(entry))
        container[key] = array
    elif isinstance(value, dict) and not isinstance(container, _inline_types()):
        _blank_line_at_end(container)
        container[key] = value
    elif isinstance(container, Table) and (tail := sum(_tail(_body(container)), [])):
        container.value._insert_at(tail[0], key, value)  # before the lines above the next table
        _indent_like(container, key)
    else:
        container[key] = value
        if isinstance(container, Table):
            _indent_like(container, key)


def _indent(table: Any) -> str:
    """How the keys of a table are indented (the first plain key's indent; "" without one)."""
    from tomlkit.items import AoT, Table

    for key, item in _body(table):
        if key is not None and not isinstance(item, (Table, AoT)):
            indent = item.trivia.indent
            return indent if indent.strip(" \t") == "" else ""
    return ""


def _indent_like(table: Any, key: str) -> None:
    """Indent a key added to `table` as its other keys are."""
    indent = _indent(table)
    item = table.value.item(key)
    if indent and not item.trivia.indent.strip("\r\n"):
        item.trivia.indent = indent


def _inline_types() -> tuple[type, ...]:
    from tomlkit.items import InlineTable

    return (InlineTable,)


# --- records: [[items]], [[comments]], [[waivers]], [[approvals]] ------------------------------


def _record_key(name: str, record: dict[str, Any]) -> str:
    if name == "items" and isinstance(record.get("id"), str):
        return "id:" + record["id"]
    return repr(sorted(record.items(), key=lambda pair: pair[0]))


def _update_records(container: Any, name: str, array: Any, old: list[Any], new: list[Any]) -> None:
    """Match the records of `old` and `new` and change the array of tables to hold `new`."""
    if len(array) != len(old):
        raise _Unsupported(name)
    keys_old = [_record_key(name, record) for record in old]
    keys_new = [_record_key(name, record) for record in new]
    if name == "items" and (len(set(keys_old)) != len(keys_old) or len(set(keys_new)) != len(keys_new)):
        keys_old = [repr(sorted(record.items())) for record in old]  # duplicate ids: by content
        keys_new = [repr(sorted(record.items())) for record in new]
    matcher = difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if old[i] != new[j]:
                    _update_table(array[i], old[i], new[j])
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" and name != "items" else 0
        for index in range(i2 - 1, i1 + paired - 1, -1):
            _delete_record(container, array, index)
        for offset in range(paired):
            _update_table(array[i1 + offset], old[i1 + offset], new[j1 + offset])
        for offset, record in enumerate(new[j1 + paired : j2]):
            _insert_record(container, array, i1 + paired + offset, record)


def _new_table(record: dict[str, Any], indent: str = "") -> Any:
    """A new table for a record, written as the canonical layout would (multi-line text too),
    its keys indented by `indent` (as the other tables of its array are)."""
    import tomlkit

    table = tomlkit.table()
    for key, value in record.items():
        item: Any = value
        if isinstance(value, str) and "\n" in value and "\r" not in value:
            try:
                item = tomlkit.string(value, multiline=True)
            except Exception:  # any value tomlkit cannot write so: a plain string
                item = value
        table.add(key, item)
        if indent:
            added: Any = table.value.item(key)  # the item just added, never a proxy
            added.trivia.indent = indent
    return table


def _body(container: Any) -> list[tuple[Any, Any]]:
    """The (key, item) entries of a tomlkit table or document."""
    from tomlkit.items import Table

    return container.value.body if isinstance(container, Table) else container.body


def _tail(body: list[tuple[Any, Any]]) -> tuple[list[int], list[int]]:
    """The trailing blank lines and comments of a table's body, as indexes: (separator, attached),
    `attached` being the comment lines right above whatever follows (no blank line between)."""
    from tomlkit.items import Comment, Null, Whitespace

    indexes = []
    index = len(body) - 1
    while index >= 0 and body[index][0] is None and isinstance(body[index][1], (Comment, Whitespace, Null)):
        if not isinstance(body[index][1], Null):
            indexes.append(index)
        index -= 1
    indexes.reverse()
    split = len(indexes)
    while split > 0 and isinstance(body[indexes[split - 1]][1], Comment):
        split -= 1
    return indexes[:split], indexes[split:]


class _Place:
    """The lines right above a record's table: the end of the table before it, or the plain keys
    of the document before the array's first table. Blank lines and comments can be taken from
    its end and put there."""

    def __init__(self, container: Any, end: int | None = None) -> None:
        self.container = container
        """A tomlkit Container (a table's, or the document)."""
        self.end = end
        """Where the lines above the record end in the container's body; None: at its end."""

    def tail(self) -> tuple[list[int], list[int]]:
        body = self.container.body
        return _tail(body if self.end is None else body[: self.end])

    def item(self, position: int) -> Any:
        return self.container.body[position][1]

    def drop(self, positions: list[int]) -> None:
        from tomlkit.items import Null

        for position in positions:
            self.container.body[position] = (None, Null())

    def add(self, item: Any) -> None:
        if self.end is None:
            self.container.append(None, item)
            return
        _insert_plain(self.container, self.end, item)
        self.end += 1


def _insert_plain(container: Any, index: int, item: Any) -> None:
    """Put a comment or blank line at `index` of a container's body (tomlkit inserts only keys)."""
    body = container.body
    for key, where in list(container._map.items()):
        if isinstance(where, tuple):
            container._map[key] = tuple(i + 1 if i >= index else i for i in where)
        elif where >= index:
            container._map[key] = where + 1
    body.insert(index, (None, item))


def _last_container(table: Any) -> Any:
    """The table whose body holds the last lines of `table` (its last sub-table, if it has any)."""
    from tomlkit.items import AoT, Table

    while True:
        body = [entry for entry in _body(table) if entry[0] is not None]
        if not body or not isinstance(body[-1][1], (Table, AoT)):
            return table
        last = body[-1][1]
        if isinstance(last, AoT):
            if not len(last):
                return table
            last = last[-1]
        table = last


def _place_of(table: Any) -> _Place:
    """The end of `table`'s lines (in its last sub-table, if it has any)."""
    return _Place(_last_container(table).value)


def _before(container: Any, array: Any, index: int) -> _Place:
    """The place whose end holds the lines right above the record `index` of the array."""
    from tomlkit.items import AoT, Table

    if index > 0:
        return _place_of(array[index - 1])
    body = _body(container)
    position = next(i for i, (_key, item) in enumerate(body) if item is array)
    for key, item in reversed(body[:position]):
        if key is None:
            continue
        if isinstance(item, Table) and not key.is_dotted():
            return _place_of(item)
        if isinstance(item, AoT) and len(item):
            return _place_of(item[-1])
        break
    if isinstance(container, Table):
        return _Place(container.value, position)
    return _Place(container, position)


def _blank_line_at_end(container: Any) -> None:
    """End the last table of `container` with a blank line, so a table added after it stands apart."""
    import tomlkit
    from tomlkit.items import Table, Whitespace

    last = _last_container(container)
    body = _body(last)
    entries = [item for key, item in body if not (key is None and type(item).__name__ == "Null")]
    if not entries or (isinstance(entries[-1], Whitespace) and "\n" in entries[-1].as_string()):
        return
    if last is container and not isinstance(container, Table):
        return  # plain keys at the top of the document: tomlkit separates them itself
    last.add(tomlkit.nl())


def _delete_record(container: Any, array: Any, index: int) -> None:
    """Remove record `index`'s table with the comment lines right above it; the lines below it
    (above the next table) stay where they are."""
    above = _before(container, array, index)
    _separator, attached = above.tail()
    above.drop(attached)
    own = _place_of(array[index])
    separator, below = own.tail()
    if above.tail()[0] and separator:
        moved = [own.item(position) for position in below]  # one blank line between is enough
    else:
        moved = [own.item(position) for position in separator + below]
    del array[index]
    for item in moved:
        above.add(item)


def _insert_record(container: Any, array: Any, index: int, record: dict[str, Any]) -> None:
    """Put a new table for `record` at `index` of the array, after the blank lines above the
    record now there (whose comment lines stay right above it)."""
    import tomlkit
    from tomlkit.items import Whitespace

    table = _new_table(record, _indent(array[0]) if len(array) else "")
    if len(array) == 0:
        array.append(table)
        return
    above = _before(container, array, index)
    separator, attached = above.tail()
    moved = [above.item(position) for position in attached]
    above.drop(attached)
    if separator:
        last = above.item(separator[-1])
        table.add(tomlkit.ws(last.as_string()) if isinstance(last, Whitespace) else tomlkit.nl())
    else:
        above.add(tomlkit.nl())
        if index < len(array) or moved:
            table.add(tomlkit.nl())
    for item in moved:
        table.add(item)
    array.insert(index, table)
