"""What a role family asks for, compiled once and independent of any profile.

Coverage, gap impact and the ledger are all linear in the credit a profile earns per
requirement, and a requirement's credit depends only on its options and its target level. So a
family's postings reduce to its distinct *asks* (options, target), each with the share of the
family's coverage it carries. An ask naming no skill the profile holds (or earns partial
credit for) earns nothing, so scoring a profile credits only the asks it touches, found through
each skill's asks (``SkillAsks``), and a skill none of whose asks earns credit keeps the gap
impact compiled here. The per-posting numbers (each entry's coverage, for the spread; whether
a posting qualifies) are a few passes in C over flat columns (``Columns``). The compiled form
is what the corpus cache stores.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import accumulate, islice
from typing import Any

from careergap.reading.requirements import Requirement
from careergap.scoring.entries import Entry, EntryInfo, Evidence

#: A distinct thing a family asks for: any-of options (a skill, or alternatives) and a target.
Ask = tuple[tuple[str, ...], int]
#: One entry's demand: (entry weight, ask indices, each ask's share of the entry's demand).
EntryAsks = tuple[float, tuple[int, ...], tuple[float, ...]]

#: Words that make a posting line read as a demand on the candidate, not company prose.
_ASKS = re.compile(
    r"\b(experience|knowledge|familiar\w*|proficien\w*|expert\w*|skills?|understanding|"
    r"ability|background|degree|fluen\w*|hands-on|must|required|plus)\b",
    re.IGNORECASE,
)
#: Families with more entries than this are not split into gap tiers by posting
#: (``careergap.scoring.gaps.rank_gaps``): no single posting can supply much of a gap there.
SOURCES_ENTRY_LIMIT = 2000
#: Array type codes of the columns: C double (every bit of a Python float), 32-bit unsigned int.
DOUBLE, INDEX = "d", "I"


@dataclass(frozen=True)
class Columns:
    """A family's per-entry demand as flat columns (``array``s once compiled or read from the
    cache): what a profile's per-posting numbers (each entry's coverage, for the spread; which
    postings qualify) are computed from in a few passes in C, never one object per posting.
    """

    #: Per scored entry, in id order: its weight (1 for a posting, NOTES_WEIGHT for notes)...
    weights: Sequence[float]
    #: ... the sum of its ``fractions`` (1 up to rounding): its coverage's denominator...
    totals: Sequence[float]
    #: ... and where its asks start in ``asks`` and ``fractions``; one more: where the last ends.
    starts: Sequence[int]
    #: The asks each entry names (indices into ``FamilyDemand.asks``, ascending per entry)...
    asks: Sequence[int]
    #: ... and each one's share of that entry's demand.
    fractions: Sequence[float]
    #: Per real posting, where its qualifying asks start in ``qualify``; one more: the end.
    qualify_starts: Sequence[int]
    #: The asks (indices, repeats kept) whose mean credit decides whether a profile qualifies:
    #: a posting's required asks, or its preferred ones when it has no required line.
    qualify: Sequence[int]


def spans(starts: Sequence[int]) -> Iterable[slice]:
    """``slice(starts[k], starts[k + 1])`` for each k: the rows of a column cut by ``starts``."""
    return map(slice, starts, islice(starts, 1, None))


@dataclass(frozen=True)
class SkillAsks:
    """Per skill a family's asks name, which asks name it: what gap impact is summed over.

    ``base`` and the sources are what a profile earning no credit on any of the skill's asks
    sees, so a profile's gaps recompute only the skills its credit touches.
    """

    #: Every option of every ask, sorted.
    skills: tuple[str, ...]
    #: Where each skill's asks start in ``asks``; one more: where the last ends.
    starts: Sequence[int]
    #: Per skill, the indices of the asks naming it, ascending.
    asks: Sequence[int]
    #: Per skill: the shares of its asks summed in ask order, the gap impact it has when none
    #: of them earns credit (``careergap.scoring.gaps.rank_gaps``).
    base: Sequence[float]
    #: Per skill, for a family of at most SOURCES_ENTRY_LIMIT entries (else empty): the real
    #: postings asking for it and the largest share of its impact one entry supplies, when
    #: none of its asks earns credit (``careergap.scoring.gaps.gap_sources``).
    source_postings: Sequence[int] = ()
    source_tops: Sequence[float] = ()

    @cached_property
    def position(self) -> dict[str, int]:
        return {skill: k for k, skill in enumerate(self.skills)}

    def asks_of(self, k: int) -> Sequence[int]:
        return self.asks[self.starts[k] : self.starts[k + 1]]


NO_COLUMNS = Columns(array(DOUBLE), array(DOUBLE), array(INDEX, [0]), array(INDEX), array(DOUBLE),
                     array(INDEX, [0]), array(INDEX))  # fmt: skip
NO_SKILL_ASKS = SkillAsks((), array(INDEX, [0]), array(INDEX), array(DOUBLE))


@dataclass(frozen=True)
class FamilyDemand:
    """One family's demand: everything about its entries that scoring needs, profile-free."""

    #: Distinct asks, sorted.
    asks: tuple[Ask, ...]
    #: Per ask: the share of the family's coverage it carries (summing to 1 over all asks).
    shares: Sequence[float]
    #: Topic-notes entries scored (they count in coverage, not in postings or qualifying).
    notes: int
    #: Per skill: the weighted share of entries that ask for it.
    demand: Mapping[str, float]
    #: Per skill: the most common target level among the requirements naming it (ties: higher).
    targets: Mapping[str, int]
    #: Per skill: the quote to show for it.
    evidence: Mapping[str, Evidence]
    #: Per scored entry and per real posting, what it asks for (see Columns).
    columns: Columns = NO_COLUMNS
    #: Per skill, the asks naming it (see SkillAsks).
    skill_asks: SkillAsks = NO_SKILL_ASKS
    #: Skills named here that are shown apart, never as gaps: soft skills, human languages,
    #: degrees, business domains (``taxonomy.apart_kinds``). Sorted.
    apart: tuple[str, ...] = ()
    #: Per scored posting that is the person's own or dated, in id order: (own, the ISO date it
    #: is aged from or None, whether the ad states that date). What `match` says about the
    #: sample's age and own postings without reading every entry (careergap.engine.market).
    marks: tuple[tuple[bool, str | None, bool], ...] = ()

    @property
    def postings(self) -> int:
        return len(self.columns.qualify_starts) - 1

    @property
    def entry_count(self) -> int:
        return len(self.columns.weights)

    @cached_property
    def qualify(self) -> tuple[tuple[int, ...], ...]:
        """Per real posting, its qualifying asks (``Columns.qualify``) as a tuple."""
        flat = self.columns.qualify
        return tuple(tuple(flat[span]) for span in spans(self.columns.qualify_starts))

    @cached_property
    def entries(self) -> tuple[EntryAsks, ...]:
        """Per scored entry, in id order: its weight, the asks it names (indices) and each
        one's share of that entry's demand (summing to 1), from ``columns``."""
        c = self.columns
        return tuple(
            (weight, tuple(c.asks[span]), tuple(c.fractions[span]))
            for weight, span in zip(c.weights, spans(c.starts), strict=True)
        )

    def also_asked(self) -> list[tuple[str, float]]:
        """The apart skills the entries name, with their demand, most asked first."""
        return sorted(
            ((s, self.demand[s]) for s in self.apart), key=lambda sd: (-round(sd[1], 9), sd[0])
        )


EMPTY = FamilyDemand((), (), 0, {}, {}, {})


def scorable(entries: Sequence[Entry]) -> list[Entry]:
    """Entries that ask for at least one known skill, in id order."""
    return sorted((e for e in entries if e.requirements), key=lambda e: e.id)


def compile_family(entries: Sequence[Entry], apart: AbstractSet[str] = frozenset()) -> FamilyDemand:
    """Reduce a family's entries to its FamilyDemand (entries without requirements are skipped).

    A requirement whose options are all ``apart`` skills (soft skills, human languages, degrees,
    business domains: see ``taxonomy.apart_kinds``) counts in ``demand`` and keeps its quote, so
    it can be shown as "also asked", but it is no ask: it earns no coverage and is never a gap.
    An entry that asks for nothing else weighs nothing in coverage.

    One pass over every requirement; this runs once per corpus change (then the cache holds
    the result), over millions of requirements for a large corpus, so it keeps per-requirement
    work to a few dictionary updates.
    """
    entries = scorable(entries)
    technical = {
        e.id: [r for r in e.requirements if not apart or not apart >= set(r.options)]
        for e in entries
    }
    all_weight = sum(e.weight for e in entries)
    weight_total = sum(e.weight for e in entries if technical[e.id])
    shares: dict[Ask, float] = defaultdict(float)
    demand: dict[str, float] = defaultdict(float)
    target_counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    best: dict[str, tuple[tuple[Any, ...], EntryInfo, Requirement]] = {}
    reads_as_ask: dict[str, bool] = {}
    qualify_asks: list[list[Ask]] = []
    marks: list[tuple[bool, str | None, bool]] = []
    per_entry: list[tuple[float, dict[Ask, float]]] = []
    for entry in entries:
        counted = technical[entry.id]
        entry_demand = sum(r.weight for r in counted)
        scale = entry.weight / weight_total / entry_demand if counted else 0.0
        is_posting = entry.kind == "posting"
        info = entry.info
        required: list[Ask] = []
        preferred: list[Ask] = []
        asked: set[str] = set()
        own: dict[Ask, float] = defaultdict(float)
        if counted:
            per_entry.append((entry.weight, own))
        for requirement in counted:
            ask = (requirement.options, requirement.target)
            shares[ask] += scale * requirement.weight
            own[ask] += requirement.weight / entry_demand
            (required if requirement.weight >= 1.0 else preferred).append(ask)
        for requirement in entry.requirements:
            text = requirement.text
            demanding = reads_as_ask.get(text)
            if demanding is None:
                demanding = reads_as_ask[text] = bool(_ASKS.search(text))
            rank = _quote_rank(is_posting, requirement, demanding, entry.id)
            for option in requirement.options:
                target_counts[option][requirement.target] += 1
                held = best.get(option)
                if held is None or rank < held[0]:
                    best[option] = (rank, info, requirement)
            asked.update(requirement.options)
        for skill in asked:
            demand[skill] += entry.weight / all_weight
        if is_posting and counted:
            qualify_asks.append(required or preferred)
            if entry.own or entry.date:
                marks.append((entry.own, entry.date, entry.date_stated))
    asks = tuple(sorted(shares))
    index = {ask: i for i, ask in enumerate(asks)}
    skills = sorted(best)
    rows = [sorted((index[a], f) for a, f in own.items()) for _, own in per_entry]
    starts = array(INDEX, [0])
    starts.extend(accumulate(map(len, rows)))
    qualify_starts = array(INDEX, [0])
    qualify_starts.extend(accumulate(map(len, qualify_asks)))
    columns = Columns(
        weights=array(DOUBLE, (weight for weight, _ in per_entry)),
        totals=array(DOUBLE, (sum(f for _, f in row) for row in rows)),
        starts=starts,
        asks=array(INDEX, (i for row in rows for i, _ in row)),
        fractions=array(DOUBLE, (f for row in rows for _, f in row)),
        qualify_starts=qualify_starts,
        qualify=array(INDEX, (index[a] for q in qualify_asks for a in q)),
    )
    demand_shares = array(DOUBLE, (shares[ask] for ask in asks))
    compiled = FamilyDemand(
        asks=asks,
        shares=demand_shares,
        notes=sum(1 for e in entries if e.kind != "posting"),
        demand=dict(sorted(demand.items())),
        targets={skill: _typical(target_counts[skill]) for skill in skills},
        evidence={skill: Evidence(best[skill][1], best[skill][2]) for skill in skills},
        columns=columns,
        apart=tuple(skill for skill in skills if skill in apart),
        marks=tuple(marks),
    )
    return replace(compiled, skill_asks=skill_asks_of(compiled))


def skill_asks_of(demand: FamilyDemand) -> SkillAsks:
    """The family's SkillAsks: per skill its asks, and its gap impact and sources when none
    of them earns credit (the same sums, in the same order, as ``gaps`` makes)."""
    by_skill: dict[str, list[int]] = defaultdict(list)
    for i, (options, _) in enumerate(demand.asks):
        for option in options:
            by_skill[option].append(i)
    skills = sorted(by_skill)
    starts = array(INDEX, [0])
    starts.extend(accumulate(len(by_skill[s]) for s in skills))
    base: array[float] = array(DOUBLE)
    for skill in skills:
        total = 0.0
        for i in by_skill[skill]:
            total += demand.shares[i]  # share * (1.0 - 0.0): no credit
        base.append(total)
    flat = array(INDEX, (i for skill in skills for i in by_skill[skill]))
    found = SkillAsks(tuple(skills), starts, flat, base)
    if demand.entry_count > SOURCES_ENTRY_LIMIT:
        return found
    sources = impact_sources(demand, [1.0] * len(demand.asks), skills)
    return replace(
        found,
        source_postings=array(INDEX, (sources[s][0] for s in skills)),
        source_tops=array(DOUBLE, (sources[s][1] for s in skills)),
    )


def impact_sources(
    demand: FamilyDemand, missing: Sequence[float], skill_ids: Iterable[str]
) -> dict[str, tuple[int, float]]:
    """For each given skill, given the credit each ask still misses: how many real postings
    ask for it unmet, and the largest share of its impact one entry supplies (0..1).

    One pass over the family's entries (each ask's missing credit times its share of the entry).
    """
    wanted = set(skill_ids)
    entries = demand.entries
    total_weight = sum(w for w, _, _ in entries) or 1.0
    impact: dict[str, float] = defaultdict(float)
    top: dict[str, float] = defaultdict(float)
    postings: dict[str, int] = defaultdict(int)
    for weight, indices, fractions in entries:
        here: dict[str, float] = defaultdict(float)
        for i, fraction in zip(indices, fractions, strict=True):
            lost = missing[i]
            if lost <= 0:
                continue
            for option in demand.asks[i][0]:
                if option in wanted:
                    here[option] += weight / total_weight * fraction * lost
        for skill, value in here.items():
            impact[skill] += value
            top[skill] = max(top[skill], value)
            if weight >= 1.0:
                postings[skill] += 1
    return {
        skill: (postings[skill], top[skill] / impact[skill] if impact[skill] else 0.0)
        for skill in sorted(wanted)
    }


def _typical(counts: Mapping[int, int]) -> int:
    """The most common target level (ties: the higher one)."""
    return max(counts, key=lambda level: (counts[level], level))


def _quote_rank(
    is_posting: bool, requirement: Requirement, demanding: bool, entry_id: str
) -> tuple[Any, ...]:
    """Which quote to show for a skill, smallest first: a required line from a real posting that
    reads as a demand on the candidate ("Experience with...") rather than company prose; few
    alternatives; then entry id and line, so the choice never depends on input order."""
    return (
        not is_posting,
        -requirement.weight,
        not demanding,
        len(requirement.options),
        entry_id,
        requirement.line,
    )
