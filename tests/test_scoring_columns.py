"""Scoring over the compiled columns (issue 15) gives the numbers of the definition, bit for bit.

``score_family`` and ``rank_gaps`` credit only the asks a profile touches and read per-posting
data as flat columns; here they are checked with ``==`` (not approx) against the plain sums over
every ask and every entry they replaced, before and after the cache's packed round trip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.reading.requirements import Requirement
from careergap.scoring.demand import FamilyDemand, compile_family
from careergap.scoring.entries import Entry
from careergap.scoring.estimates import spread
from careergap.scoring.gaps import (
    GapSource,
    gap_sources,
    gap_target,
    gap_tier,
    is_elsewhere,
    near_equivalent,
    rank_gaps,
)
from careergap.scoring.score import QUALIFY_THRESHOLD, CreditModel, score_family
from careergap.store.packed import pack_demand, unpack_demand

SKILLS = [f"s{i}" for i in range(8)]
requirements = st.builds(
    lambda opts, w, t, line: Requirement(tuple(dict.fromkeys(opts)), w, t, line, "x"),
    st.lists(st.sampled_from(SKILLS), min_size=1, max_size=3),
    st.sampled_from([1.0, 0.5, 1 / 3]),
    st.integers(1, 5),
    st.integers(1, 99),
)
entries = st.lists(
    st.builds(
        lambda i, reqs, kind: Entry(f"e{i}", "t", kind, ("f",), "seed", tuple(reqs)),
        st.integers(0, 10_000),
        st.lists(requirements, max_size=8),
        st.sampled_from(["posting", "posting", "notes"]),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda e: e.id,
)
levels = st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 5), max_size=4)
PARTIAL = {"s0": (("s1", 0.5),), "s2": (("s3", 0.3), ("s4", 0.5)), "s5": (("s0", 0.5),)}


def reference_score(demand: FamilyDemand, model: CreditModel) -> tuple[float, int, object]:
    """Coverage, qualifying postings and spread, summed over every ask and entry."""
    values = [model.ask_credit(o, t).value for o, t in demand.asks]
    coverage = min(1.0, sum(v * s for v, s in zip(values, demand.shares, strict=True)))
    qualifying = sum(
        1
        for asks in demand.qualify
        if sum(values[i] for i in asks) / len(asks) >= QUALIFY_THRESHOLD
    )
    pairs = []
    for weight, indices, fractions in demand.entries:
        total = sum(fractions)
        earned = sum(values[i] * f for i, f in zip(indices, fractions, strict=True))
        pairs.append((weight, min(1.0, earned / total) if total else 0.0))
    return coverage, qualifying, spread(pairs, coverage)


def reference_impacts(
    demand: FamilyDemand, model: CreditModel
) -> tuple[dict[str, float], dict[str, dict[int, float]]]:
    """Each skill's gap impact and its impact per level above the profile's, over every ask."""
    impact: dict[str, float] = defaultdict(float)
    above: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    apart = set(demand.apart)
    for (options, target), share in zip(demand.asks, demand.shares, strict=True):
        missing = 1.0 - model.ask_credit(options, target).value
        if missing <= 0:
            continue
        for option in options:
            if option in apart:
                continue
            impact[option] += share * missing
            if target > model.levels.get(option, 0):
                above[option][target] += share * missing
    return impact, above


def _round_trip(demand: FamilyDemand) -> FamilyDemand:
    shares, columns, skill_asks = unpack_demand(pack_demand(demand), len(demand.asks))
    return replace(demand, shares=shares, columns=columns, skill_asks=skill_asks)


@settings(max_examples=300, deadline=None)
@given(entries, levels)
def test_family_scores_equal_the_sums_over_every_ask(es: list[Entry], lv: dict[str, int]) -> None:
    model = CreditModel(lv, PARTIAL)
    for demand in (compile_family(es), _round_trip(compile_family(es))):
        score = score_family("f", "F", demand, model)
        assert (score.coverage, score.qualifying, score.sample) == reference_score(demand, model)


@settings(max_examples=300, deadline=None)
@given(entries, levels)
def test_gaps_equal_the_sums_over_every_ask(es: list[Entry], lv: dict[str, int]) -> None:
    model = CreditModel(lv, PARTIAL)
    for demand in (compile_family(es), _round_trip(compile_family(es))):
        impact, above = reference_impacts(demand, model)
        gaps = rank_gaps(demand, model)
        assert {g.skill_id: g.impact for g in gaps} == {
            s: v for s, v in impact.items() if round(v, 9) > 0
        }
        sources = gap_sources(demand, model, [g.skill_id for g in gaps])
        for gap in gaps:
            skill, source = gap.skill_id, sources[gap.skill_id]
            assert gap.target == gap_target(demand.targets[skill], above[skill])
            near = source.postings > 0 and near_equivalent(model, skill, demand.targets[skill])
            assert gap.tier == gap_tier(source, near, is_elsewhere(demand.demand[skill], 0.0))
        # What a profile crediting nothing sees is compiled with the family; the rest is
        # worked out again, and both agree with a pass over every entry.
        everyone = sorted(demand.skill_asks.skills)
        stored = dict(
            zip(
                demand.skill_asks.skills,
                map(GapSource, demand.skill_asks.source_postings, demand.skill_asks.source_tops),
                strict=True,
            )
        )
        assert stored == gap_sources(demand, CreditModel({}), everyone)
