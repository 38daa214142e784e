"""Academic terms (`2027-fall`) and the arithmetic the rules and next steps need.

A term is one of three seasons in a year: spring, summer, fall, in that order, so three terms
make a year. Internally a term is an ordinal (`year * 3 + season`), which makes "before",
"the next term" and "terms between" plain integer arithmetic.
"""

from __future__ import annotations

import datetime

SEASONS = ("spring", "summer", "fall")
TERMS_PER_YEAR = 3
_SEASON_INDEX = {name: index for index, name in enumerate(SEASONS)}


class Term:
    """One academic term, such as 2027-fall. Immutable and ordered."""

    __slots__ = ("index",)

    index: int
    """`year * 3 + season` where spring is 0, summer 1 and fall 2."""

    def __init__(self, index: int) -> None:
        object.__setattr__(self, "index", index)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Term is immutable")

    @classmethod
    def of(cls, year: int, season: str) -> Term:
        """The term of `season` ("spring", "summer" or "fall") in `year`."""
        return cls(year * TERMS_PER_YEAR + _SEASON_INDEX[season])

    @classmethod
    def parse(cls, text: object) -> Term | None:
        """The term written as `YYYY-spring|summer|fall`, or None when `text` is not one."""
        if type(text) is not str or len(text) < 9 or text[4] != "-":
            return None
        year, season = text[:4], text[5:]
        if not year.isdigit() or not year.isascii() or season not in _SEASON_INDEX:
            return None
        return cls(int(year) * TERMS_PER_YEAR + _SEASON_INDEX[season])

    @classmethod
    def of_date(cls, day: datetime.date) -> Term:
        """The term a date falls in: January to May is spring, June and July summer, the rest fall."""
        season = "spring" if day.month <= 5 else "summer" if day.month <= 7 else "fall"
        return cls.of(day.year, season)

    @classmethod
    def current(cls) -> Term:
        """The term today falls in."""
        return cls.of_date(datetime.date.today())

    @property
    def year(self) -> int:
        """The calendar year."""
        return self.index // TERMS_PER_YEAR

    @property
    def season(self) -> str:
        """ "spring", "summer" or "fall"."""
        return SEASONS[self.index % TERMS_PER_YEAR]

    def shift(self, terms: int) -> Term:
        """The term `terms` terms later (earlier when negative)."""
        return Term(self.index + terms)

    def next(self) -> Term:
        """The term right after this one."""
        return Term(self.index + 1)

    def terms_until(self, other: Term) -> int:
        """How many terms lie from this term to `other` (2029-fall to 2031-fall is 6)."""
        return other.index - self.index

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.season}"

    def __repr__(self) -> str:
        return f"Term({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and other.index == self.index

    def __hash__(self) -> int:
        return hash(self.index)

    def __lt__(self, other: Term) -> bool:
        return self.index < other.index

    def __le__(self, other: Term) -> bool:
        return self.index <= other.index

    def __gt__(self, other: Term) -> bool:
        return self.index > other.index

    def __ge__(self, other: Term) -> bool:
        return self.index >= other.index


FIRST_TERM = Term(0)
"""0000-spring: no term a plan holds comes before it."""
LAST_TERM = Term(9999 * TERMS_PER_YEAR + 2)
"""9999-fall: the last term a plan can hold (a term is written with a four-digit year)."""


def beyond_calendar(term: Term) -> str | None:
    """Why `term` cannot be written in a plan (before 0000-spring or after 9999-fall), or None.

    Everything that writes a term (an edit, a next step taken, `planner new`) asks this first,
    so nothing the planner writes is rejected by its own check.
    """
    if term > LAST_TERM:
        return f"{term.year}-{term.season} would come after {LAST_TERM}, the last term a plan can hold"
    if term < FIRST_TERM:
        return f"it would come before {FIRST_TERM}, the first term a plan can hold"
    return None


def span(start: Term, end: Term) -> int:
    """How many terms an item from `start` to `end` (inclusive) occupies."""
    return end.index - start.index + 1
