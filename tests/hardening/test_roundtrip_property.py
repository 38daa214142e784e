"""Property: any plan the model can hold survives model -> TOML -> model unchanged."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.model import Approval, Comment, Item, Plan, Profile, Waiver
from planner.core.storage import dumps, parse_plan
from planner.core.terms import Term

# Any Unicode but lone surrogates, which no UTF-8 file can hold; long strings included.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
words = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
terms = st.builds(Term, st.integers(min_value=0, max_value=9999 * 3 + 2))
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
scalars = st.one_of(
    text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    dates,
    st.datetimes(timezones=st.sampled_from([datetime.UTC, None])),
    st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
    max_leaves=12,
)
unknown_keys = st.dictionaries(words.filter(lambda key: key not in KNOWN), toml_values, max_size=3)
KNOWN = {name for record in (Profile, Item, Comment, Waiver, Approval) for name, _ in record.FIELDS} | {
    "format",
    "title",
    "profile",
    "items",
    "comments",
    "waivers",
    "approvals",
}


def value_for(kind: str) -> st.SearchStrategy:
    """A valid value of a field kind, or (sometimes) any TOML value, which lands in `invalid`."""
    valid = {
        "str": text,
        "list": st.lists(text, max_size=5),
        "number": st.one_of(st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False)),
        "date": dates,
        "term": terms.map(str),
    }[kind]
    return st.one_of(valid, valid, valid, toml_values)


def tables(record) -> st.SearchStrategy:
    fields = st.fixed_dictionaries({}, optional={name: value_for(kind) for name, kind in record.FIELDS})
    return st.builds(lambda known, unknown: {**known, **unknown}, fields, unknown_keys)


documents = st.builds(
    lambda title, profile, items, comments, waivers, approvals, unknown: {
        "format": "hit-career-plan/1",
        **({"title": title} if title is not None else {}),
        **({"profile": profile} if profile is not None else {}),
        **({"items": items} if items else {}),
        **({"comments": comments} if comments else {}),
        **({"waivers": waivers} if waivers else {}),
        **({"approvals": approvals} if approvals else {}),
        **unknown,
    },
    st.none() | text,
    st.none() | tables(Profile),
    st.lists(tables(Item), max_size=6),
    st.lists(tables(Comment), max_size=3),
    st.lists(tables(Waiver), max_size=2),
    st.lists(tables(Approval), max_size=2),
    unknown_keys,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_model_to_toml_to_model_is_the_identity(document: dict) -> None:
    plan = Plan.from_toml(document)
    text_once = dumps(plan)
    again = parse_plan(text_once, "generated.toml")
    assert again.to_toml() == plan.to_toml()
    assert dumps(again) == text_once


def _json_ready(value):
    """Dates and times as the digest writes them, for json.dumps."""
    if isinstance(value, dict):
        return {key: _json_ready(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [_json_ready(entry) for entry in value]
    if hasattr(value, "isoformat"):
        return {"$date": value.isoformat()}
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_the_digest_text_is_exactly_canonical_json(document: dict) -> None:
    import json

    from planner.core.digest import canonical

    data = Plan.from_toml(document).to_toml()
    expected = json.dumps(_json_ready(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert canonical(data) == expected
