"""Which postings a score rests on: --mine, weights by age, and what would make a sample solid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from careergap.engine.market import (
    LOW_SAMPLE_POSTINGS,
    Selection,
    family_markets,
    market_text,
    recency_weight,
    select,
    solid_at,
)
from careergap.models import RoleFamily
from careergap.reading.requirements import Requirement
from careergap.scoring.entries import Entry
from careergap.scoring.estimates import Spread
from careergap.scoring.score import FamilyScore
from careergap.store.workspace import workspace_of

TODAY = date(2026, 12, 3)
FAMILY = RoleFamily(id="dv", name="Design Verification", description="x")


def entry(pid: str, skills: tuple[str, ...], when: str | None = None, stated: bool = True) -> Entry:
    return Entry(
        id=pid,
        title=pid,
        kind="posting",
        families=("dv",),
        source_file=f"{pid}.txt",
        requirements=tuple(
            Requirement(line=i, options=(s,), target=3, weight=1.0, text=s)
            for i, s in enumerate(skills, start=1)
        ),
        date=when,
        date_stated=stated,
    )


def workspace(entries: list[Entry]):  # type: ignore[no-untyped-def]
    return workspace_of(None, {"dv": FAMILY}, {"dv": tuple(entries)}, {})  # type: ignore[arg-type]


CURATED = entry("p-002-00001", ("uvm", "sva", "python"))
MINE_OLD = entry("user-old-aaaaaa", ("uvm", "perl", "c"), "2021-12-03")
MINE_NEW = entry("user-new-bbbbbb", ("uvm", "pcie", "c"), "2026-12-03", stated=False)


def test_recency_weight_halves_every_half_life() -> None:
    assert recency_weight(0, 365) == 1.0
    assert recency_weight(365, 365) == pytest.approx(0.5)
    assert recency_weight(730, 365) == pytest.approx(0.25)


def test_mine_keeps_only_the_persons_postings() -> None:
    ws = select(workspace([CURATED, MINE_OLD, MINE_NEW]), Selection(mine=True, today=TODAY))
    assert sorted(e.id for e in ws.entries["dv"]) == ["user-new-bbbbbb", "user-old-aaaaaa"]
    assert ws.scored_postings == 2
    assert "sva" not in ws.demand("dv").demand  # only the curated posting asks for SVA


def test_half_life_weighs_by_age_and_undated_as_old_as_the_oldest_dated() -> None:
    ws = select(
        workspace([CURATED, MINE_OLD, MINE_NEW]), Selection(half_life_days=365, today=TODAY)
    )
    scales = {e.id: e.scale for e in ws.entries["dv"]}
    five_years = recency_weight((TODAY - date(2021, 12, 3)).days, 365)
    assert scales == {
        "user-new-bbbbbb": 1.0,
        "user-old-aaaaaa": pytest.approx(five_years),
        "p-002-00001": pytest.approx(five_years),  # undated: as old as the oldest dated one
    }
    # the new ad's skills now carry most of the family's demand
    assert ws.demand("dv").demand["pcie"] > 0.9
    assert ws.demand("dv").demand["sva"] < 0.05


def test_without_any_date_a_half_life_changes_nothing() -> None:
    ws = workspace([CURATED, replace(MINE_OLD, date=None)])
    weighted = select(ws, Selection(half_life_days=30, today=TODAY))
    assert weighted.demand("dv").demand == ws.demand("dv").demand
    assert select(ws, Selection()) is ws  # nothing asked: the very same workspace


def test_solid_at_grows_with_the_spread_and_meets_the_bound() -> None:
    assert solid_at(0.05) < solid_at(0.15) < solid_at(0.3)  # type: ignore[operator]
    n = solid_at(0.15)
    assert n is not None and n > 2
    from careergap.scoring.estimates import t975

    assert t975(n - 1) * 0.15 / n**0.5 <= 0.10 < t975(n - 2) * 0.15 / (n - 1) ** 0.5


def score(postings: int, low: float, high: float, variance: float) -> FamilyScore:
    spread = Spread(float(postings), float(postings), variance, low, high)
    return FamilyScore("dv", "Design Verification", 0.5, postings, 0, 0, spread)


def test_a_small_or_wide_family_says_how_many_more_postings_make_it_solid() -> None:
    ws = select(workspace([MINE_OLD, MINE_NEW]), Selection(mine=True, today=TODAY))
    markets = family_markets(ws, [score(2, 0.1, 0.9, 0.04)], TODAY)
    dv = markets["dv"]
    assert (dv.postings, dv.own, dv.dated, dv.dated_by_saving) == (2, 2, 2, 1)
    assert dv.median_age_days == pytest.approx(((TODAY - date(2021, 12, 3)).days) / 2)
    assert dv.solid_at is not None and dv.solid_at >= LOW_SAMPLE_POSTINGS
    assert dv.more_needed == dv.solid_at - 2
    text = market_text(dv, mine=True)
    assert text.startswith("2 of 2 yours · median age 2.5 years (1 from the day saved: no posting")
    assert text.endswith(
        f"{dv.more_needed} more postings of your own would make it solid (±10 pts): "
        "careergap postings add ADS/ --role dv"
    )
    # a family of many postings whose interval is within ±10 points needs none
    solid = family_markets(ws, [score(40, 0.45, 0.55, 0.02)], TODAY)["dv"]
    assert solid.more_needed == 0 and "would make it solid" not in market_text(solid, True)
    # match leaves it out where it is noise: the line keeps the rest
    quiet = market_text(dv, mine=True, solid=False)
    assert "would make it solid" not in quiet and quiet.startswith("2 of 2 yours")


def test_match_says_what_makes_a_sample_solid_only_where_it_could_change_the_order() -> None:
    from careergap.engine.market import solid_note_wanted

    assert solid_note_wanted(0, 0.30, 0.30)  # the first family, however it is placed
    assert solid_note_wanted(1, 0.65, 0.72)  # close behind the first: a better sample may reorder
    assert not solid_note_wanted(1, 0.24, 0.72)  # far behind: noise
    assert not solid_note_wanted(5, 0.71, 0.72)  # past the first few families
