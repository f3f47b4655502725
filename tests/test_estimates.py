from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from careergap.scoring.estimates import (
    FOCUS_PRIOR,
    RANK_ERRORS,
    fit,
    focus,
    pooled_variance,
    rank_scores,
    spread,
    standard_error,
    t975,
)


def test_t_quantiles_match_the_tables() -> None:
    assert t975(1) == 12.706
    assert t975(4.7) == 2.776  # whole degrees of freedom, rounded down
    assert abs(t975(40) - 2.021) < 0.002
    assert abs(t975(120) - 1.980) < 0.002
    assert t975(0.5) == math.inf


def test_one_entry_says_nothing_about_the_spread() -> None:
    assert (spread([(1.0, 0.4)], 0.4).low, spread([(1.0, 0.4)], 0.4).high) == (0.0, 1.0)


def test_identical_postings_give_a_point_interval() -> None:
    s = spread([(1.0, 0.3)] * 5, 0.3)
    assert math.isclose(s.low, 0.3) and math.isclose(s.high, 0.3)
    assert s.n == 5 and s.weight == 5


def test_interval_is_a_t_interval_on_the_posting_coverages() -> None:
    covs = [0.2, 0.4, 0.6, 0.8]
    s = spread([(1.0, c) for c in covs], 0.5)
    sd = math.sqrt(sum((c - 0.5) ** 2 for c in covs) / 3)
    assert math.isclose(s.high - 0.5, 3.182 * sd / 2)
    assert math.isclose(s.low, 0.5 - 3.182 * sd / 2)


def test_topic_notes_count_less_than_postings() -> None:
    s = spread([(1.0, 0.2), (0.5, 0.6), (0.5, 0.6)], 0.4)
    assert s.weight == 2.0
    assert math.isclose(s.n, 4 / 1.5)


def test_a_few_scattered_postings_cannot_outrank_many_on_noise() -> None:
    """The issue's case: 4 scattered postings at 40% against 44 consistent ones at 36%."""
    few = spread([(1.0, c) for c in (0.1, 0.3, 0.5, 0.7)], 0.4)
    many = spread([(1.0, c) for c in [0.3, 0.42] * 22], 0.36)
    ranks = rank_scores({"analyst": (0.40, few), "scientist": (0.36, many)})
    assert ranks["scientist"] > ranks["analyst"]


def test_a_small_family_far_ahead_still_ranks_first() -> None:
    """A physical designer covers 38% of 3 postings and 9% of everything else."""
    small = spread([(1.0, 0.3), (1.0, 0.4), (1.0, 0.45)], 0.38)
    big = {f"f{i}": (0.09, spread([(1.0, 0.05), (1.0, 0.13)] * 10, 0.09)) for i in range(15)}
    ranks = rank_scores({"pd": (0.38, small), **big})
    assert max(ranks, key=lambda k: ranks[k]) == "pd"


def test_rank_score_is_fit_less_half_a_moderated_standard_error() -> None:
    a = spread([(1.0, 0.2), (1.0, 0.4)], 0.3)
    b = spread([(1.0, 0.1), (1.0, 0.1), (1.0, 0.4)], 0.2)
    pooled = pooled_variance([a, b])
    assert math.isclose(pooled, (1 * a.variance + 2 * b.variance) / 3)
    one = spread([(1.0, 0.5)], 0.5)  # a single posting borrows the pooled spread
    assert math.isclose(standard_error(one, pooled), math.sqrt(pooled))
    ranks = rank_scores({"a": (0.3, a), "b": (0.2, b), "one": (0.5, one)})
    expected = math.sqrt((a.variance + 2 * pooled) / 3 / 2)
    assert math.isclose(ranks["a"], 0.3 - RANK_ERRORS * expected)
    assert RANK_ERRORS == 0.5


def test_focus_weighs_each_skill_against_the_family_that_asks_for_it_most() -> None:
    """A vision engineer's OpenCV 5 and PyTorch 3: vision asks for OpenCV most (40% of its
    postings) and PyTorch in 30% where research asks in 60%."""
    top = {"opencv": 0.4, "pytorch": 0.6, "cobol": 0.0}
    levels = {"opencv": 5, "pytorch": 3, "cobol": 4}  # no family asks for COBOL: left out
    vision = focus(levels, {"opencv": 0.4, "pytorch": 0.3}, top)
    research = focus(levels, {"opencv": 0.04, "pytorch": 0.6}, top)
    assert math.isclose(vision, (5 * 1.0 + 3 * 0.5) / 8)
    assert math.isclose(research, (5 * 0.1 + 3 * 1.0) / 8)
    assert vision > research
    assert focus({}, {"opencv": 0.4}, top) == 0.0


def test_fit_leans_on_coverage_where_a_family_has_few_postings() -> None:
    assert math.isclose(fit(0.6, 0.2, 0.0), 0.6)  # no entries: focus says nothing
    assert math.isclose(fit(0.6, 0.2, 95.0), (0.6 + (95 * 0.2 + 5 * 0.6) / 100) / 2)
    assert FOCUS_PRIOR == 5.0
    # The case: 1 posting and 2 topic notes whose demand shares cannot be trusted.
    assert fit(0.58, 0.45, 2.0) > fit(0.40, 0.67, 4.5)


pairs = st.lists(
    st.tuples(st.sampled_from([0.5, 1.0]), st.floats(0, 1, allow_nan=False)), max_size=30
)


@given(pairs)
def test_interval_stays_in_range_and_holds_the_coverage(entries: list[tuple[float, float]]) -> None:
    total = sum(w for w, _ in entries)
    mean = sum(w * c for w, c in entries) / total if total else 0.0
    s = spread(entries, mean)
    assert 0.0 <= s.low <= mean + 1e-9
    assert mean - 1e-9 <= s.high <= 1.0
    assert spread(entries, mean) == s  # no randomness


levels_st = st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 5), max_size=6)
shares_st = st.dictionaries(st.sampled_from("abcdef"), st.floats(0, 1), max_size=6)


@given(levels_st, shares_st, st.floats(0, 1), st.floats(0, 200))
def test_focus_and_fit_stay_in_range(
    levels: dict[str, int], demand: dict[str, float], coverage: float, weight: float
) -> None:
    top = {skill: max(share, 0.5) for skill, share in demand.items()}
    value = focus(levels, demand, top)
    assert 0.0 <= value <= 1.0
    assert (
        min(coverage, value) - 1e-9 <= fit(coverage, value, weight) <= max(coverage, value) + 1e-9
    )
    # More coverage never lowers the fit.
    assert fit(min(1.0, coverage + 0.1), value, weight) >= fit(coverage, value, weight) - 1e-12
