"""Study plans: gain per week of effort, prerequisites first, exact step counts, a keepable pace."""

from __future__ import annotations

from collections.abc import Mapping

from careergap.reading.requirements import Requirement
from careergap.scoring.entries import Entry, Evidence
from careergap.scoring.gaps import Gap
from careergap.scoring.planning import EFFORT_WEEKS, effort_weeks, make_plan

_EV = Evidence(
    Entry("p", "P", "posting", ("f",), "seed.txt", ()).info, Requirement(("x",), 1, 3, 1, "x")
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


def test_effort_grows_with_each_level_and_is_never_rushed() -> None:
    assert [EFFORT_WEEKS[level] for level in range(1, 6)] == [1, 2, 3, 4, 6]
    assert effort_weeks(0, 3) == 6  # no "NLP 0 -> 3 in two weeks"
    assert effort_weeks(2, 3) == 3
    assert effort_weeks(3, 5) == 10


def test_prerequisites_come_before_what_builds_on_them() -> None:
    gaps = [gap("pytorch", 0.05), gap("sql", 0.04), gap("deep-learning", 0.01)]
    plan = make_plan(gaps, ancestors)
    # deep-learning has little impact of its own but pytorch (0.05) needs it: it goes first.
    assert [s.gap.skill_id for s in plan.steps] == ["deep-learning", "pytorch", "sql"]
    assert plan.steps[1].after == ("deep-learning",)


def test_exactly_the_steps_asked_for_prerequisites_included() -> None:
    gaps = [gap("pytorch", 0.05), gap("sql", 0.04), gap("x", 0.03), gap("deep-learning", 0.002)]
    for steps in (1, 2, 3, 4):
        plan = make_plan(gaps, ancestors, steps=steps)
        assert [s.number for s in plan.steps] == list(range(1, steps + 1))
    assert [s.gap.skill_id for s in make_plan(gaps, ancestors, steps=2).steps] == [
        "deep-learning",
        "pytorch",
    ]


def test_weeks_follow_each_other_without_overlap() -> None:
    gaps = [gap("a", 0.1, have=0, target=4), gap("b", 0.09, have=2, target=3), gap("c", 0.08)]
    plan = make_plan(gaps, ancestors)
    # Coverage per week: b 0.09/3, c 0.08/6, a 0.1/10.
    assert [(s.gap.skill_id, s.weeks) for s in plan.steps] == [
        ("b", (1, 3)),
        ("c", (4, 9)),
        ("a", (10, 19)),
    ]
    assert plan.total_weeks == 19


def test_a_week_budget_keeps_only_what_fits_and_says_how_many_were_left() -> None:
    gaps = [gap("a", 0.1, have=0, target=4), gap("b", 0.09, have=2, target=3), gap("c", 0.08)]
    plan = make_plan(gaps, ancestors, steps=3, weeks=8)
    assert [(s.gap.skill_id, s.weeks) for s in plan.steps] == [("b", (1, 3))]
    assert plan.left_out == 2 and plan.budget == 8


def test_no_step_raises_nothing_and_negligible_gaps_are_left_out() -> None:
    gaps = [gap("same", 0.2, have=3, target=3), gap("tiny", 0.0001)]
    assert make_plan(gaps, ancestors).steps == ()


def test_steps_are_ordered_by_postings_unlocked_per_week() -> None:
    # "slow" unlocks 3 postings in 6 weeks (0.5 a week), "quick" 1 in 3 weeks (0.33 a week),
    # "big" none though it has the most impact.
    gaps = [gap("big", 0.09), gap("slow", 0.02), gap("quick", 0.01, have=2)]
    seen: list[dict[str, int]] = []

    def unlocks(done: Mapping[str, int], skill_id: str, level: int) -> int:
        seen.append(dict(done))
        return {"slow": 3, "quick": 1}.get(skill_id, 0)

    plan = make_plan(gaps, ancestors, unlocks=unlocks)
    assert [(s.gap.skill_id, s.unlocks) for s in plan.steps] == [
        ("slow", 3),
        ("quick", 1),
        ("big", 0),
    ]
    # Later steps are counted with the earlier ones done.
    assert {"slow": 3} in seen


def test_without_unlocks_coverage_per_week_decides() -> None:
    # Same impact, but "near" needs 3 weeks (2 -> 3) and "far" 6 (0 -> 3).
    plan = make_plan([gap("far", 0.05), gap("near", 0.05, have=2)], ancestors)
    assert [s.gap.skill_id for s in plan.steps] == ["near", "far"]
