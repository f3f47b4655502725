"""A study plan: gaps ordered so prerequisites come first and the largest gains come early.

Pure functions. A gap's prerequisites are its broader skills (taxonomy parents, transitively)
that are gaps too. Steps are taken in topological order; among the steps that are ready, the one
whose own impact or whose dependants' impact is largest goes first, ties by skill id.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from careergap.scoring import Gap

#: Gaps that add less than this (0.1 coverage points) are not worth a plan step.
MIN_IMPACT = 0.001
#: Steps in a plan unless the caller asks for more.
DEFAULT_STEPS = 10


@dataclass(frozen=True)
class Step:
    number: int
    gap: Gap
    #: Skills of earlier steps this one builds on.
    after: tuple[str, ...]
    #: (first week, last week), 1-based, when the plan is spread over weeks.
    weeks: tuple[int, int] | None


def _prerequisites(
    gaps: Sequence[Gap], ancestors: Callable[[str], Iterable[str]]
) -> dict[str, set[str]]:
    in_plan = {g.skill_id for g in gaps}
    return {g.skill_id: {a for a in ancestors(g.skill_id) if a in in_plan} for g in gaps}


def order_gaps(gaps: Sequence[Gap], ancestors: Callable[[str], Iterable[str]]) -> list[Gap]:
    """Topological order over prerequisites, largest (own or downstream) impact first."""
    by_id = {g.skill_id: g for g in gaps}
    prereqs = _prerequisites(gaps, ancestors)
    dependants: dict[str, set[str]] = {sid: set() for sid in by_id}
    for sid, before in prereqs.items():
        for p in before:
            dependants[p].add(sid)

    def priority(sid: str) -> float:
        # Ancestors are transitive, so a skill's dependants are all downstream of it already.
        return max([by_id[sid].impact] + [by_id[d].impact for d in dependants[sid]])

    waiting = {sid: set(before) for sid, before in prereqs.items()}
    ready = [(-round(priority(s), 9), s) for s, before in waiting.items() if not before]
    heapq.heapify(ready)
    ordered: list[Gap] = []
    while ready:
        _, sid = heapq.heappop(ready)
        ordered.append(by_id[sid])
        for d in sorted(dependants[sid]):
            waiting[d].discard(sid)
            if not waiting[d]:
                heapq.heappush(ready, (-round(priority(d), 9), d))
    return ordered


def assign_weeks(gaps: Sequence[Gap], weeks: int) -> list[tuple[int, int]]:
    """Spread steps over weeks in order: (first week, last week) of each step, 1-based.

    A step's effort is the number of levels it has to climb (at least one); the weeks are cut
    into equal shares of the total effort.
    """
    effort = [max(1, g.target - g.have) for g in gaps]
    total = sum(effort)
    spans, done = [], 0
    for e in effort:
        first = int(done * weeks / total) + 1
        last = max(first, -(-(done + e) * weeks // total))  # ceiling division
        spans.append((first, min(weeks, last)))
        done += e
    return spans


def make_plan(
    gaps: Sequence[Gap],
    ancestors: Callable[[str], Iterable[str]],
    steps: int = DEFAULT_STEPS,
    weeks: int | None = None,
) -> list[Step]:
    """The most valuable gaps and the prerequisites they need, ordered, maybe spread by week."""
    worth = [g for g in gaps if g.impact >= MIN_IMPACT]
    chosen = {g.skill_id for g in worth[:steps]}
    # Pull in prerequisites of the chosen steps even when their own impact ranks lower.
    for g in worth[:steps]:
        chosen.update(a for a in ancestors(g.skill_id) if any(x.skill_id == a for x in worth))
    selected = [g for g in worth if g.skill_id in chosen]
    ordered = order_gaps(selected, ancestors)
    prereqs = _prerequisites(ordered, ancestors)
    spans: list[tuple[int, int] | None] = (
        list(assign_weeks(ordered, weeks)) if weeks else [None] * len(ordered)
    )
    return [
        Step(i, g, tuple(sorted(prereqs[g.skill_id])), spans[i - 1])
        for i, g in enumerate(ordered, 1)
    ]
