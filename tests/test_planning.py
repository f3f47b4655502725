"""Study-plan ordering: prerequisites first, then the largest gains, deterministic."""

from __future__ import annotations

from careergap.planning import assign_weeks, make_plan, order_gaps
from careergap.requirements import Requirement
from careergap.scoring import Entry, Evidence, Gap

_EV = Evidence(
    Entry("p", "P", "posting", ("f",), "seed.txt", ()), Requirement(("x",), 1, 3, 1, "x")
)


def gap(sid: str, impact: float, have: int = 0, target: int = 3) -> Gap:
    return Gap(sid, impact, 0.5, have, target, _EV)


ANCESTORS = {
    "pytorch": ["deep-learning", "machine-learning"],
    "deep-learning": ["machine-learning"],
    "kubernetes": ["containers"],
}


def ancestors(sid: str) -> list[str]:
    return ANCESTORS.get(sid, [])


def test_prerequisites_come_before_what_builds_on_them() -> None:
    gaps = [gap("pytorch", 0.05), gap("sql", 0.04), gap("deep-learning", 0.01)]
    order = [g.skill_id for g in order_gaps(gaps, ancestors)]
    # deep-learning has little impact of its own but pytorch (0.05) needs it: it goes first.
    assert order == ["deep-learning", "pytorch", "sql"]


def test_highest_impact_first_when_independent() -> None:
    gaps = [gap("a", 0.01), gap("b", 0.03), gap("c", 0.03)]
    assert [g.skill_id for g in order_gaps(gaps, ancestors)] == ["b", "c", "a"]


def test_plan_pulls_in_prerequisites_and_reports_them() -> None:
    gaps = [gap("pytorch", 0.05), gap("sql", 0.04), gap("x", 0.03), gap("deep-learning", 0.002)]
    plan = make_plan(gaps, ancestors, steps=2)
    assert [s.gap.skill_id for s in plan] == ["deep-learning", "pytorch", "sql"]
    assert plan[1].after == ("deep-learning",)
    assert [s.number for s in plan] == [1, 2, 3]


def test_negligible_gaps_are_left_out() -> None:
    assert make_plan([gap("a", 0.0001)], ancestors) == []


def test_weeks_follow_effort_and_stay_in_range() -> None:
    gaps = [gap("a", 0.1, have=0, target=4), gap("b", 0.1, have=2, target=3), gap("c", 0.1)]
    # Efforts 4, 1 and 3 levels over 4 weeks: two levels a week.
    assert assign_weeks(gaps, 4) == [(1, 2), (3, 3), (3, 4)]
    many = assign_weeks(gaps * 5, 3)
    assert many[0][0] == 1 and many[-1][1] == 3
    assert all(1 <= a <= b <= 3 for a, b in many)
    plan = make_plan(gaps, ancestors, weeks=4)
    assert [s.weeks for s in plan] == [(1, 2), (3, 3), (3, 4)]
