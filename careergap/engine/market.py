"""A person's own market: which postings a score rests on, how old they are, and how many more
would make a family's number solid.

Two choices act on the corpus before anything is scored, never inside scoring:

* ``--mine`` keeps only the postings the person stored with ``postings add`` (ids ``user-...``).
* ``--half-life DAYS`` weighs each posting by its age: ``weight = 0.5 ** (age_days / half_life)``,
  so an ad one half-life old counts half as much as today's. A posting's age runs from the date
  it says it was posted, else from the day the person stored it (an ad is saved while it is
  live). An undated posting (the curated corpus: the seeds state no dates) counts as old as the
  oldest dated posting in the corpus: its age is unknown, and nothing says it is newer. With no
  dated posting at all every weight is 1 and nothing changes.

Each family's sample is then described: scored postings, how many are the person's own, the
median age of the dated ones, and how many postings would make its 95% interval solid: the
smallest n at which the t-interval's half-width, ``t(0.975, n-1) * sd / sqrt(n)``, is at most
``SOLID_HALF_WIDTH``, and never fewer than the LOW_SAMPLE_POSTINGS a family needs not to be
flagged "low sample"; ``sd`` is the spread of the family's per-posting coverages for this
profile, moderated toward the spread pooled over all families as the rank's standard error is
(a few postings say little about spread).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from careergap.reading.dating import age_days, age_text
from careergap.scoring.estimates import PRIOR_DF, pooled_variance, t975
from careergap.scoring.score import LOW_SAMPLE_POSTINGS
from careergap.store.workspace import workspace_of

if TYPE_CHECKING:
    from careergap.scoring.entries import Entry
    from careergap.scoring.score import FamilyScore
    from careergap.store.workspace import Workspace

#: A family's coverage is solid when its 95% interval is at most this far either side of it.
SOLID_HALF_WIDTH = 0.10
#: Spread assumed when no family has two postings to measure one from (a per-posting coverage
#: standard deviation; the curated corpus's pooled figure for the example profiles is 0.12-0.16).
FALLBACK_SD = 0.15
#: Largest sample size said; beyond it "solid" is out of reach of a person's own collection.
MAX_SOLID = 1000
#: What the text says a family's ads are added with.
ADS_FOLDER = "ADS/"


@dataclass(frozen=True)
class Selection:
    """Which postings are scored and how they weigh."""

    mine: bool = False
    half_life_days: int | None = None
    today: date | None = None

    @property
    def active(self) -> bool:
        return self.mine or self.half_life_days is not None

    def describe(self) -> str:
        """``only your postings``, ``weighted by age (half-life 365 days)``, both, or ``""``."""
        parts = []
        if self.mine:
            parts.append("only your postings (--mine)")
        if self.half_life_days is not None:
            parts.append(f"weighted by age, half-life {self.half_life_days} days")
        return ", ".join(parts)


def is_own(entry: Entry) -> bool:
    return entry.own


def entry_date(entry: Entry) -> date | None:
    return date.fromisoformat(entry.date) if entry.date else None


def recency_weight(age: float, half_life: float) -> float:
    """``0.5 ** (age / half_life)``: 1 today, 0.5 one half-life ago."""
    return float(0.5 ** (max(0.0, age) / half_life))


def select(ws: Workspace, selection: Selection) -> Workspace:
    """The workspace scored on the selected postings, reweighted by age when asked."""
    if not selection.active:
        return ws

    today = selection.today or date.today()
    grouped = ws.entries
    kept = {
        fid: tuple(e for e in entries if not selection.mine or is_own(e))
        for fid, entries in grouped.items()
    }
    if selection.half_life_days is not None:
        half_life = float(selection.half_life_days)
        dates = [d for es in kept.values() for e in es if (d := entry_date(e)) is not None]
        undated_age = age_days(min(dates), today) if dates else 0
        kept = {
            fid: tuple(
                replace(e, scale=recency_weight(_age(e, today, undated_age), half_life))
                for e in entries
            )
            for fid, entries in kept.items()
        }
    selected = workspace_of(ws.taxonomy, ws.families, kept, ws.partial_sources)
    return replace(selected, corpus_key=ws.corpus_key)


def _age(entry: Entry, today: date, undated_age: int) -> int:
    when = entry_date(entry)
    return undated_age if when is None else age_days(when, today)


@dataclass(frozen=True)
class FamilyMarket:
    """A family's sample as the person should read it."""

    family_id: str
    postings: int
    own: int
    #: Postings with a date (their own posted date, or the day they were stored).
    dated: int
    #: Of the dated ones, those aged from the day they were stored (the ad states no date).
    dated_by_saving: int
    median_age_days: float | None
    #: Postings at which the 95% interval is within SOLID_HALF_WIDTH (None: out of reach).
    solid_at: int | None
    #: How many more postings that takes (0 when the interval already is within it).
    more_needed: int

    def add_command(self) -> str:
        return f"careergap postings add {ADS_FOLDER} --role {self.family_id}"


def solid_at(sd: float) -> int | None:
    """The smallest n >= 2 whose 95% t-interval half-width is at most SOLID_HALF_WIDTH."""
    if sd <= 0:
        return 2
    for n in range(2, MAX_SOLID + 1):
        if t975(n - 1) * sd / math.sqrt(n) <= SOLID_HALF_WIDTH:
            return n
    return None


def family_markets(
    ws: Workspace, scores: Sequence[FamilyScore], today: date
) -> dict[str, FamilyMarket]:
    """Each scored family's sample: own postings, age, and what would make it solid.

    Read from each family's compiled demand (``FamilyDemand.marks``), never from every entry:
    a cached corpus is scored without reading its postings.
    """
    pooled = pooled_variance([s.sample for s in scores])
    out = {}
    for score in scores:
        marks = ws.demand(score.family_id).marks
        ages = [age_days(date.fromisoformat(when), today) for _, when, _ in marks if when]
        spread = score.sample
        # the family's spread moderated toward the pooled one, as the rank's standard error
        # is (estimates.standard_error): two or three postings say little about spread
        dof = max(0.0, spread.n - 1)
        variance = (dof * spread.variance + PRIOR_DF * pooled) / (dof + PRIOR_DF)
        sd = math.sqrt(variance) if variance > 0 else FALLBACK_SD
        half_width = (spread.high - spread.low) / 2 if score.postings else 1.0
        found = solid_at(sd)
        needed = None if found is None else max(LOW_SAMPLE_POSTINGS, found)
        more = 0
        if half_width > SOLID_HALF_WIDTH or score.postings < LOW_SAMPLE_POSTINGS:
            # postings weighed by age count less (spread.n); topic notes are no postings
            have = min(float(score.postings), spread.n)
            more = max(1, math.ceil((needed or MAX_SOLID) - have))
        out[score.family_id] = FamilyMarket(
            family_id=score.family_id,
            postings=score.postings,
            own=sum(1 for own, _, _ in marks if own),
            dated=len(ages),
            dated_by_saving=sum(1 for _, when, stated in marks if when and not stated),
            median_age_days=float(statistics.median(ages)) if ages else None,
            solid_at=needed,
            more_needed=more,
        )
    return out


#: `match` says what would make a family's sample solid only for the first family and those of
#: its first few within SOLID_HALF_WIDTH of the first one's fit: the ones a better sample could
#: reorder. Further down the list the line is noise (gaps, plan and --json say it for every
#: family they show).
SOLID_NOTE_FAMILIES = 3


def solid_note_wanted(rank: int, fit: float, first_fit: float) -> bool:
    """Whether `match` says what would make the family at ``rank`` (0 = first) solid."""
    if rank == 0:
        return True
    return rank < SOLID_NOTE_FAMILIES and first_fit - fit <= SOLID_HALF_WIDTH


def market_text(market: FamilyMarket, mine: bool, solid: bool = True) -> str:
    """``12 of 45 yours · median age 5.9 years · 9 more postings of your own would make it
    solid (±10 pts): careergap postings add ADS/ --role data-engineer``; without the last part
    unless ``solid``."""
    parts = []
    if mine or market.own:
        parts.append(f"{market.own} of {market.postings} yours")
    if market.dated:
        age = age_text(market.median_age_days or 0)
        counted = f"{market.dated} dated: " if market.dated != market.postings else ""
        if market.dated_by_saving == market.dated:
            parts.append(f"{counted}median {age} since saved (no posting date stated)")
        elif market.dated_by_saving:
            parts.append(
                f"{counted}median age {age} ({market.dated_by_saving} from the day saved: "
                "no posting date stated)"
            )
        else:
            parts.append(f"{counted}median age {age}")
    elif market.own or mine:
        parts.append("age unknown")
    if market.more_needed and solid:
        reach = (
            f"{market.more_needed} more posting{'s' if market.more_needed != 1 else ''}"
            if market.solid_at is not None
            else "more postings than a person collects"
        )
        parts.append(
            f"{reach} of your own would make it solid (±{SOLID_HALF_WIDTH * 100:.0f} pts): "
            f"{market.add_command()}"
        )
    return " · ".join(parts)


def market_json(market: FamilyMarket) -> dict[str, object]:
    """Fields added to each family object of `match`, `gaps`, `plan` (never renamed)."""
    return {
        "own_postings": market.own,
        "dated_postings": market.dated,
        "dated_by_saving": market.dated_by_saving,
        "median_age_days": (
            None if market.median_age_days is None else round(market.median_age_days, 1)
        ),
        "solid_at": market.solid_at,
        "more_postings_needed": market.more_needed,
        "add_command": market.add_command() if market.more_needed else None,
    }


def selection_json(selection: Selection, ws: Workspace) -> dict[str, object]:
    """The top-level ``selection`` object: which postings were scored and how they weighed."""
    return {
        "mine": selection.mine,
        "half_life_days": selection.half_life_days,
        "scored_postings": ws.scored_postings,
    }


def add_to_payload(
    payload: dict[str, object],
    markets: Mapping[str, FamilyMarket],
    selection: Selection,
    ws: Workspace,
) -> dict[str, object]:
    """The command's JSON with each family object's market fields and ``selection``."""
    for key in ("families", "family"):
        value = payload.get(key)
        for family in value if isinstance(value, list) else [value]:
            if isinstance(family, dict) and family.get("id") in markets:
                family.update(market_json(markets[str(family["id"])]))
    payload["selection"] = selection_json(selection, ws)
    return payload


def footer(markets: Iterable[FamilyMarket], selection: Selection, hidden: int = 0) -> str:
    """One closing line on whose postings these are (``hidden``: families left out of a
    --mine listing because none of their postings is the person's)."""
    markets = list(markets)
    own = sum(m.own for m in markets)
    if selection.mine:
        if not hidden:
            return ""
        return (
            f"{hidden} more famil{'ies' if hidden != 1 else 'y'} have no posting of yours; add "
            "the ads you collect for one with `careergap postings add FOLDER --role ROLE`."
        )
    if not own:
        return (
            "None of these postings are yours, and the curated ones state no date. Add the ads "
            "you collect with `careergap postings add FOLDER --role ROLE`, then compare against "
            "them alone with --mine."
        )
    return f"{own} of these postings are yours; --mine scores against them alone."
