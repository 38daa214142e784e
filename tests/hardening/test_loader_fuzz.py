"""Fuzzing the loader: arbitrary bytes and mutated plans give a Plan or a PlanFileError, never
another exception; whatever loads can be validated, planned and saved back."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.model import Plan
from planner.core.nextsteps import next_steps
from planner.core.storage import PlanFileError, dumps, parse_plan
from planner.core.validate import validate

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = [path.read_bytes() for path in sorted((REPO / "plans").glob("*.toml"))]
HEADER = b'format = "hit-career-plan/1"\n'

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: bytes) -> Plan | None:
    """Load `data`; a PlanFileError must be one line naming the file. Anything else fails."""
    try:
        plan = parse_plan(data, "fuzz.toml")
    except PlanFileError as error:
        message = str(error)
        assert message.startswith("fuzz.toml") and "\n" not in message
        return None
    validate(plan)
    next_steps(plan)
    assert parse_plan(dumps(plan), "again.toml").to_toml() == plan.to_toml()
    return plan


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    load_or_refuse(data)
    load_or_refuse(HEADER + data)


# TOML fragments that change the meaning of a plan: wrong types, odd terms, tables for scalars.
FRAGMENTS = [
    b"start = 2027\n",
    b'start = "2027-autumn"\n',
    b'end = "1999-fall"\n',
    b"after = 3\n",
    b'after = ["nobody", 1]\n',
    b"id = []\n",
    b'requirement = "astronaut"\n',
    b"covers = {}\n",
    b"healthcare_experience_years = -4\n",
    b"healthcare_experience_years = 1e308\n",
    b'healthcare_experience_years = "two"\n',
    b"goal = 1979-05-27\n",
    b"[profile]\n",
    b"[[items]]\n",
    b"items = 7\n",
    b"profile = []\n",
    b"[[comments]]\n",
    b'date = "yesterday"\n',
    b"[[waivers]]\n",
    b'rule = "associate-coursework"\n',
    b"[[approvals]]\n",
    b'digest = "sha256:0"\n',
    b'title = "\\u001b]52;c;aGk=\\u0007 [bold]x[/]"\n',
    b"\xff\xfe",
    b"\x00",
    b"\xef\xbb\xbf",
    b'format = "hit-career-plan/9"\n',
    b"x = [[[[[[[[[[]]]]]]]]]]\n",
    b'"' * 3,
    b"\r\n",
    b"=",
]


@st.composite
def mutated_plans(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "fragment", "duplicate", "flip"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "fragment":
            line_start = data.rfind(b"\n", 0, position) + 1
            data[line_start:line_start] = draw(st.sampled_from(FRAGMENTS))
        elif action == "duplicate":
            end = data.find(b"\n", position)
            data[position:position] = data[position : end + 1 if end >= 0 else len(data)]
        elif data:
            index = min(position, len(data) - 1)
            data[index] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


@FUZZ
@given(mutated_plans())
def test_mutated_example_plans(data: bytes) -> None:
    load_or_refuse(data)


@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_plans_built_from_hostile_fragments(fragments: list[bytes]) -> None:
    load_or_refuse(HEADER + b"".join(fragments))
