"""The plan placed in time: every item on its terms, jobs in order, what the profile counts.

`Facts` reads a plan once against a catalog; validation, next steps, the review and the exports
ask it what lies before a term. Building it is O(n log n) in the number of items.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from planner.core.catalog import Milestone, Pack
from planner.core.model import Item, Plan

NEVER = 10**9
"""A term index later than any real term: 'not held in the plan'."""


class Placed:
    """An item with a known milestone and a valid start, placed on the timeline."""

    __slots__ = ("item", "milestone", "start", "end", "position")

    def __init__(self, item: Item, milestone: Milestone, start: int, end: int, position: int) -> None:
        self.item = item
        self.milestone = milestone
        self.start = start
        """First term index."""
        self.end = end
        """Last term index (a job without `end` runs until the next job or the plan's end)."""
        self.position = position
        """Index in the plan's item list."""

    @property
    def terms(self) -> int:
        """How many terms it spans."""
        return self.end - self.start + 1


class Intervals:
    """Terms covered by a set of spans, merged, to count how many lie before a term."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.spans = merged
        self.before: list[int] = [0]
        for start, end in merged:
            self.before.append(self.before[-1] + end - start + 1)

    def count_before(self, term: int) -> int:
        """How many covered terms are earlier than `term`."""
        index = bisect.bisect_left(self.starts, term)
        if index == 0:
            return 0
        start, end = self.spans[index - 1]
        return self.before[index - 1] + min(end, term - 1) - start + 1


class Facts:
    """What the rules ask of a plan, computed once."""

    def __init__(self, plan: Plan, cat: Pack) -> None:
        self.plan = plan
        self.cat = cat
        self._first_ends: dict[str, int] = {}
        self.experience_terms: int = cat.parameters["experience_terms"]
        profile = plan.profile
        self.profile = profile

        milestones = cat.milestones
        placed: list[Placed] = []
        jobs: list[Placed] = []
        by_id: dict[str, Item] = {}
        by_milestone: dict[str, list[Placed]] = {}
        named: dict[str, list[Item]] = {}
        latest = -NEVER
        ill_typed: list[tuple[int, Item]] = []
        for position, item in enumerate(plan.items):  # one pass, kept lean: plans can be long
            if item.id is not None and item.id not in by_id:
                by_id[item.id] = item
            if item.invalid:
                ill_typed.append((position, item))
            start, end = item.start, item.end
            if end is not None and end.index > latest:
                latest = end.index
            if start is None:
                if item.requirement in milestones:
                    named.setdefault(item.requirement, []).append(item)
                continue
            first = start.index
            if first > latest:
                latest = first
            milestone = milestones.get(item.requirement)  # type: ignore[arg-type]
            if milestone is None:
                continue
            named.setdefault(milestone.id, []).append(item)
            last = item.last_term().index  # type: ignore[union-attr]  # it has a start
            entry = Placed(item, milestone, first, last, position)
            placed.append(entry)
            by_milestone.setdefault(milestone.id, []).append(entry)
            if milestone.rank is not None:
                jobs.append(entry)
        self.placed = placed
        """Items with a catalog milestone and a valid start, in file order."""
        self.by_id = by_id
        """The first item with each id."""
        self.by_milestone = by_milestone
        """Placed items by milestone id, in file order."""
        self.named = named
        """Every item that names a catalog milestone, placed or not, by milestone id."""
        self.ill_typed = ill_typed
        """(position, item) of the items with a known field of the wrong type or form."""
        self.plan_end: int | None = latest if latest != -NEVER else None
        """The plan's end: the latest `end` or `start` among its items (as `plan.last_term()`)."""
        starts = profile.starts
        self.plan_start: int | None = (
            starts.index if starts else (min((p.start for p in placed), default=None))
        )

        # Jobs: a job without `end` runs until the next job starts, or else to the plan's end.
        jobs.sort(key=lambda p: (p.start, p.position))
        job_starts = [job.start for job in jobs]
        for job in jobs:
            if job.item.end is None:
                following = bisect.bisect_right(job_starts, job.start)
                if following < len(jobs):
                    job.end = max(job.start, jobs[following].start - 1)
                elif self.plan_end is not None:
                    job.end = max(job.start, self.plan_end)
        self.jobs = jobs
        """Job items in the order they start."""
        self.jobs_by_end = sorted(jobs, key=lambda p: (p.end, p.start, p.position))
        self.job_ends = [job.end for job in self.jobs_by_end]
        self.first_job_end: int = self.job_ends[0] if jobs else NEVER
        """The earliest last term of any job: a job is before term T when this is earlier than T."""

        # The profile.
        role = profile.role if profile.role in milestones and milestones[profile.role].is_job else None
        self.role: Milestone | None = milestones[role] if role else None
        years = profile.healthcare_experience_years
        valid_years = years is not None and 0 <= years <= cat.parameters["max_experience_years"]
        self.years: float = years if valid_years else 0  # type: ignore[assignment]
        self.role_terms: float = self.years * 3 if self.role else 0
        # A credential the profile lists as held, or as completed, is held from the plan's start,
        # and holding it means its prerequisites were met (holding RHIT: the degree and the exam).
        self.held_in_profile: list[str] = []
        for credential in [*(profile.credentials or ()), *(profile.completed or ())]:
            if credential in cat.credentials and credential not in self.held_in_profile:
                self.held_in_profile.append(credential)
        held: set[str] = set(self.held_in_profile)
        done = {m for m in (profile.completed or []) if m in milestones}
        for credential in self.held_in_profile:
            done.update(milestones[credential].prerequisites)
            done.add(credential)
        for milestone_id in list(done):  # a CCA done counts as a coding certification done
            done.update(milestones[milestone_id].counts_as)
        for credential in self.held_in_profile:
            held.update(milestones[credential].counts_as)
        self.held = held
        """Credentials the profile holds, and what they count as."""
        self.done = done
        """Milestones done before the plan starts, and what they count as."""

        self.technician_work = Intervals([(j.start, j.end) for j in jobs if j.milestone.rank])
        self.clerk_work = Intervals(
            [(j.start, j.end) for j in jobs if j.milestone.id == "health-information-clerk"]
        )
        self._work: dict[tuple[str, ...] | int, Intervals] = {1: self.technician_work}
        self._held_from: dict[str, int] = {}

    def of(self, milestone_id: str) -> list[Placed]:
        """The placed items that name this milestone, in file order."""
        return self.by_milestone.get(milestone_id, [])

    def of_any(self, milestone_id: str) -> list[Placed]:
        """The placed items of this milestone or of one that counts as it, in file order."""
        ids = self.cat.counting_as.get(milestone_id, (milestone_id,))
        if len(ids) == 1:
            return self.of(milestone_id)
        return sorted((p for m in ids for p in self.of(m)), key=lambda p: p.position)

    def held_by(self, milestone_id: str, term: int) -> bool:
        """True when the credential (or one counting as it) is held by `term`: in the profile, or
        an item of it starts at or before `term`."""
        if milestone_id in self.held:
            return True
        first = self._held_from.get(milestone_id)
        if first is None:
            first = min((p.start for p in self.of_any(milestone_id)), default=NEVER)
            self._held_from[milestone_id] = first
        return first <= term

    def work(self, jobs: tuple[str, ...] | int) -> Intervals:
        """The terms covered by the plan's jobs of these ids, or of at least this rank."""
        if jobs not in self._work:
            if isinstance(jobs, int):
                spans = [(j.start, j.end) for j in self.jobs if (j.milestone.rank or 0) >= jobs]
            else:
                spans = [(j.start, j.end) for j in self.jobs if j.milestone.id in jobs]
            self._work[jobs] = Intervals(spans)
        return self._work[jobs]

    def work_before(self, jobs: tuple[str, ...] | int, term: int) -> float:
        """Terms of the plan's jobs of these ids (or of at least this rank) before `term`, plus the
        profile's years when its role is such a job."""
        role = self.role
        counts = role is not None and ((role.rank or 0) >= jobs if isinstance(jobs, int) else role.id in jobs)
        return self.work(jobs).count_before(term) + (self.role_terms if counts else 0)

    def technician_terms_before(self, term: int) -> float:
        """Terms of technician-level work before `term`, the profile's role included."""
        return self.work_before(1, term)

    @property
    def rhit_from(self) -> int:
        """The first term RHIT is held in (a term before all when the profile holds it)."""
        if "rhit" in self.held:
            return -NEVER
        return min((p.start for p in self.of("rhit")), default=NEVER)

    def degree_level_before(self, term: int) -> int:
        """The highest degree level done before `term`, as an index into the pack's `educations`
        (the profile's education, a degree completed, or a degree item that ends earlier); -1
        when none counts."""
        levels = self.cat.educations
        best = levels.index(self.profile.education) if self.profile.education in levels else -1
        for milestone in self.cat.milestones.values():
            if milestone.level in levels and self.done_before(milestone.id, term):
                best = max(best, levels.index(milestone.level))
        return best

    def first_end(self, milestone_id: str, predicate: Callable[[Placed], bool] | None = None) -> int:
        """The earliest last term among placed items of a milestone (that match), or a term after all."""
        if predicate is not None:
            return min((p.end for p in self.of(milestone_id) if predicate(p)), default=NEVER)
        if milestone_id not in self._first_ends:
            self._first_ends[milestone_id] = min((p.end for p in self.of(milestone_id)), default=NEVER)
        return self._first_ends[milestone_id]

    def done_before(self, milestone_id: str, term: int) -> bool:
        """True when the milestone is done before `term`: in the profile, or an item ends earlier."""
        return milestone_id in self.done or self.first_end(milestone_id) < term

    def previous_job(self, job: Placed) -> Placed | None:
        """The latest job item that ends before `job` starts."""
        index = bisect.bisect_left(self.job_ends, job.start)
        return self.jobs_by_end[index - 1] if index else None

    def accredited(self, item: Item, by: str | None = None) -> bool:
        """True when the item is accredited by `by` (the pack's `accrediting_body`, CAHIIM, unless
        given), written in any case."""
        body = item.accredited_by
        wanted = by if by is not None else self.cat.parameters["accrediting_body"]
        return body is not None and body.strip().upper() == wanted.upper()


def describe_terms(terms: float) -> str:
    """A length of time in words: "no time", "2 terms", "1 year", "1 year and 1 term"."""
    if terms <= 0:
        return "no time"
    if terms != int(terms):
        return f"{terms / 3:.1f} years"
    years, rest = divmod(int(terms), 3)
    parts = []
    if years:
        parts.append(f"{years} year" + ("s" if years > 1 else ""))
    if rest:
        parts.append(f"{rest} term" + ("s" if rest > 1 else ""))
    return " and ".join(parts)
