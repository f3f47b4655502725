"""What a role family asks for, compiled once and independent of any profile.

Coverage, gap impact and the ledger are all linear in the credit a profile earns per
requirement, and a requirement's credit depends only on its options and its target level. So a
family's postings reduce to its distinct *asks* (options, target), each with the share of the
family's coverage it carries. Scoring a profile then costs one credit per distinct ask, however
many postings the family has; only "qualifies" needs a pass over the postings, and that pass
is a sum over small integer tuples. The compiled form is what the corpus cache stores.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
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


@dataclass(frozen=True)
class FamilyDemand:
    """One family's demand: everything about its entries that scoring needs, profile-free."""

    #: Distinct asks, sorted.
    asks: tuple[Ask, ...]
    #: Per ask: the share of the family's coverage it carries (summing to 1 over all asks).
    shares: tuple[float, ...]
    #: Per real posting: the asks (indices, repeats kept) whose mean credit decides whether a
    #: profile qualifies: its required asks, or its preferred ones when it has no required line.
    qualify: tuple[tuple[int, ...], ...]
    #: Topic-notes entries scored (they count in coverage, not in postings or qualifying).
    notes: int
    #: Per skill: the weighted share of entries that ask for it.
    demand: Mapping[str, float]
    #: Per skill: the most common target level among the requirements naming it (ties: higher).
    targets: Mapping[str, int]
    #: Per skill: the quote to show for it.
    evidence: Mapping[str, Evidence]
    #: Per scored entry, in id order: its weight (1 for a posting, NOTES_WEIGHT for notes), the
    #: asks it names (indices) and each one's share of that entry's demand (summing to 1).
    #: What per-posting coverage, its spread and "asked by 1 posting" are computed from.
    entries: tuple[EntryAsks, ...] = ()
    #: Skills named here that are shown apart, never as gaps: soft skills, human languages,
    #: degrees, business domains (``taxonomy.apart_kinds``). Sorted.
    apart: tuple[str, ...] = ()
    #: Per scored posting that is the person's own or dated, in id order: (own, the ISO date it
    #: is aged from or None, whether the ad states that date). What `match` says about the
    #: sample's age and own postings without reading every entry (careergap.engine.market).
    marks: tuple[tuple[bool, str | None, bool], ...] = ()

    @property
    def postings(self) -> int:
        return len(self.qualify)

    def also_asked(self) -> list[tuple[str, float]]:
        """The apart skills the entries name, with their demand, most asked first."""
        return sorted(
            ((s, self.demand[s]) for s in self.apart), key=lambda sd: (-round(sd[1], 9), sd[0])
        )


EMPTY = FamilyDemand((), (), (), 0, {}, {}, {})


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
    return FamilyDemand(
        asks=asks,
        shares=tuple(shares[ask] for ask in asks),
        qualify=tuple(tuple(index[a] for a in q) for q in qualify_asks),
        notes=sum(1 for e in entries if e.kind != "posting"),
        demand=dict(sorted(demand.items())),
        targets={skill: _typical(target_counts[skill]) for skill in skills},
        evidence={skill: Evidence(best[skill][1], best[skill][2]) for skill in skills},
        entries=tuple(
            (weight, tuple(index[a] for a in sorted(own)), tuple(own[a] for a in sorted(own)))
            for weight, own in per_entry
        ),
        apart=tuple(skill for skill in skills if skill in apart),
        marks=tuple(marks),
    )


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
