"""A study plan: the gaps worth most per week of study, prerequisites first, at a keepable pace.

Pure functions. A gap's prerequisites are its broader skills (taxonomy parents, transitively)
that are gaps too. Each step raises one skill to the level its gap shows and takes the weeks
EFFORT_WEEKS gives for the levels it climbs; steps follow each other without overlapping.
The next step is the ready one (its prerequisites planned) that gains most per week: first the
postings it newly qualifies the person for, given the steps before it (counted by the caller's
``unlocks`` function, i.e. the scoring core), then its coverage impact; a prerequisite is worth
what the steps waiting on it are worth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from careergap.scoring.gaps import Gap

#: Gaps that add less than this (0.1 coverage points) are not worth a plan step.
MIN_IMPACT = 0.001
#: Steps in a plan unless the caller asks for more.
DEFAULT_STEPS = 10
#: Weeks of part-time study (about five hours a week) to climb to each level from the one below:
#: aware 1, beginner 2, working 3, strong 4, expert 6. Each level takes longer than the last, so
#: 0 -> 3 is six weeks, 3 -> 4 four more. The README documents these figures.
EFFORT_WEEKS: Mapping[int, int] = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6}
#: Gaps considered for a plan: the most impactful ones (a plan is short; unlocks are rescored).
CANDIDATES = 40

#: ``unlocks(done, skill_id, level)``: postings newly qualified by raising ``skill_id`` to
#: ``level`` once the levels in ``done`` are reached.
Unlocks = Callable[[Mapping[str, int], str, int], int]


def effort_weeks(have: int, target: int) -> int:
    """Weeks to climb from ``have`` to ``target`` at the documented pace (EFFORT_WEEKS)."""
    return sum(EFFORT_WEEKS[level] for level in range(have + 1, target + 1))


@dataclass(frozen=True)
class Step:
    number: int
    gap: Gap
    #: Skills of earlier steps this one builds on.
    after: tuple[str, ...]
    #: (first week, last week), 1-based; consecutive steps never share a week.
    weeks: tuple[int, int]
    #: Postings newly qualified by this step, given the steps before it.
    unlocks: int = 0

    @property
    def effort(self) -> int:
        return self.weeks[1] - self.weeks[0] + 1


@dataclass(frozen=True)
class Plan:
    steps: tuple[Step, ...]
    #: Steps asked for.
    asked: int
    #: The week budget, when one was given.
    budget: int | None
    #: Worthwhile gaps left out because they did not fit in the budget.
    left_out: int

    @property
    def total_weeks(self) -> int:
        return self.steps[-1].weeks[1] if self.steps else 0


def _prerequisites(
    gaps: Sequence[Gap], ancestors: Callable[[str], Iterable[str]]
) -> dict[str, set[str]]:
    in_plan = {g.skill_id for g in gaps}
    return {g.skill_id: {a for a in ancestors(g.skill_id) if a in in_plan} for g in gaps}


def _no_unlocks(done: Mapping[str, int], skill_id: str, level: int) -> int:
    return 0


def _priority(
    sid: str, value: Mapping[str, tuple[float, float]], dependants: Mapping[str, set[str]]
) -> tuple[float, float, str]:
    """Smallest first. A prerequisite is worth what the best step waiting on it is worth."""
    best = max([value[sid]] + [value[d] for d in dependants[sid] if d in value])
    return (-round(best[0], 9), -round(best[1], 9), sid)


def make_plan(
    gaps: Sequence[Gap],
    ancestors: Callable[[str], Iterable[str]],
    steps: int = DEFAULT_STEPS,
    weeks: int | None = None,
    unlocks: Unlocks = _no_unlocks,
) -> Plan:
    """Up to ``steps`` steps (exactly that many when enough gaps are worth one and fit in
    ``weeks``), chosen one at a time by gain per week of effort."""
    candidates = [g for g in gaps if g.impact >= MIN_IMPACT and g.target > g.have][:CANDIDATES]
    by_id = {g.skill_id: g for g in candidates}
    prereqs = _prerequisites(candidates, ancestors)
    dependants: dict[str, set[str]] = {sid: set() for sid in by_id}
    for sid, before in prereqs.items():
        for p in before:
            dependants[p].add(sid)
    done: dict[str, int] = {}
    chosen: list[Step] = []
    week = 0
    left_out = 0
    while len(chosen) < steps:
        remaining = weeks - week if weeks is not None else None
        value: dict[str, tuple[float, float]] = {}
        for sid, g in by_id.items():
            if sid in done:
                continue
            effort = effort_weeks(g.have, g.target)
            gained = unlocks(done, sid, g.target)
            value[sid] = (gained / effort, g.impact / effort)
        ready = [
            sid
            for sid in value
            if prereqs[sid] <= done.keys()
            and (remaining is None or effort_weeks(by_id[sid].have, by_id[sid].target) <= remaining)
        ]
        if not ready:
            left_out = len(value)
            break

        sid = min(ready, key=lambda sid: _priority(sid, value, dependants))
        g = by_id[sid]
        effort = effort_weeks(g.have, g.target)
        gained = unlocks(done, sid, g.target)
        chosen.append(
            Step(
                len(chosen) + 1,
                g,
                tuple(sorted(prereqs[sid])),
                (week + 1, week + effort),
                gained,
            )
        )
        done[sid] = g.target
        week += effort
    return Plan(tuple(chosen), steps, weeks, left_out if len(chosen) < steps else 0)
