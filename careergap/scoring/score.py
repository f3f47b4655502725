"""The scoring model: pure functions, no I/O, no printing.

A posting asks for requirements (see ``careergap.reading.requirements``). A profile earns credit for
a requirement from its best option: ``min(1, have / target)``, or capped partial credit through a
related skill. Posting coverage is weighted credit over weighted demand; a family's coverage is
the weighted mean over its entries, topic notes counting less than real postings. Gaps (which
skills would raise a coverage most) are in ``careergap.scoring.gaps``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain
from operator import mul, truediv

from careergap.reading.requirements import Requirement
from careergap.scoring.demand import FamilyDemand, spans
from careergap.scoring.entries import Entry
from careergap.scoring.estimates import NO_SPREAD, Spread, fit, rank_scores, spread

#: Partial credit through related or narrower skills never exceeds half a requirement.
PARTIAL_CAP = 0.5
#: Knowing a narrower skill (PyTorch) is worth this much of its parent (deep learning).
CHILD_CREDIT = 0.5
#: A profile "qualifies" for a posting when it covers this share of the posting's required weight.
QUALIFY_THRESHOLD = 0.70
#: Families with fewer real postings than this are flagged as low-sample.
LOW_SAMPLE_POSTINGS = 5
#: Ranking keys round floats so that sums taken in a different order cannot reorder ties.
KEY_DIGITS = 9


def desc_key(value: float) -> float:
    """Sort key for "largest first" that ignores float noise below KEY_DIGITS."""
    return -round(value, KEY_DIGITS)


@dataclass(frozen=True)
class Credit:
    value: float
    #: The requirement option credited (None when nothing was).
    option: str | None
    #: The profile skill that earned it: the option itself, or a related skill when partial.
    by: str | None
    partial: bool


NO_CREDIT = Credit(0.0, None, None, False)


@dataclass(frozen=True)
class CreditModel:
    """A profile's levels plus, per skill, the other skills that earn partial credit for it."""

    levels: Mapping[str, int]
    #: demanded skill -> ((other skill, weight), ...)
    partial_sources: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    #: Credit per (options, target): match, gaps and the ledger ask about the same one again.
    _memo: dict[tuple[tuple[str, ...], int], Credit] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def credited(self) -> frozenset[str]:
        """The skills an ask can earn credit for: held ones, and those a held skill earns partial
        credit for. An ask naming none of them earns nothing."""
        held = {skill for skill, level in self.levels.items() if level > 0}
        return frozenset(held).union(
            skill
            for skill, others in self.partial_sources.items()
            if any(other in held for other, _ in others)
        )

    def with_levels(self, changes: Mapping[str, int]) -> CreditModel:
        return CreditModel({**self.levels, **changes}, self.partial_sources)

    def option_credit(self, skill: str, target: int) -> Credit:
        have = self.levels.get(skill, 0)
        direct = min(1.0, have / target) if have > 0 else 0.0
        best = Credit(direct, skill, skill, False) if direct > 0 else NO_CREDIT
        if direct >= PARTIAL_CAP:
            return best
        for other, weight in self.partial_sources.get(skill, ()):
            other_have = self.levels.get(other, 0)
            if other_have <= 0:
                continue
            value = min(PARTIAL_CAP, weight * min(1.0, other_have / target))
            if value > best.value:
                best = Credit(value, skill, other, True)
        return best

    def credit(self, requirement: Requirement) -> Credit:
        """Credit for a requirement: the best of its options (ties: direct first, then skill id)."""
        return self.ask_credit(requirement.options, requirement.target)

    def ask_credit(self, options: tuple[str, ...], target: int) -> Credit:
        """Credit for any-of ``options`` at ``target`` (what a requirement's credit depends on)."""
        key = (options, target)
        known = self._memo.get(key)
        if known is not None:
            return known
        best = NO_CREDIT
        for option in sorted(options):
            credit = self.option_credit(option, target)
            if credit.value > best.value or (
                credit.value == best.value and best.partial and not credit.partial
            ):
                best = credit
        self._memo[key] = best
        return best


# --- postings and families ------------------------------------------------------------------


@dataclass(frozen=True)
class EntryScore:
    entry: Entry
    coverage: float
    required_coverage: float

    @property
    def qualifies(self) -> bool:
        return self.required_coverage >= QUALIFY_THRESHOLD


def score_entry(entry: Entry, model: CreditModel) -> EntryScore:
    """Weighted credit over weighted demand, overall and for required lines only.

    The reference definition; families are scored from their compiled demand
    (``careergap.scoring.demand``), which gives the same numbers without visiting every posting.
    """
    total = earned = req_total = req_earned = 0.0
    for requirement in entry.requirements:
        value = model.credit(requirement).value
        total += requirement.weight
        earned += requirement.weight * value
        if requirement.weight >= 1.0:
            req_total += 1.0
            req_earned += value
    coverage = earned / total if total else 0.0
    required = req_earned / req_total if req_total else coverage
    return EntryScore(entry, coverage, required)


@dataclass(frozen=True)
class FamilyScore:
    family_id: str
    name: str
    coverage: float
    #: Real postings scored (entries with at least one requirement).
    postings: int
    #: Topic-notes entries scored.
    notes: int
    qualifying: int
    #: How the family's per-entry coverages scatter: effective sample size and 95% interval.
    sample: Spread = NO_SPREAD
    #: How much of what the profile offers this family asks for (careergap.scoring.estimates.focus).
    focus: float = 0.0
    #: Coverage and focus together, focus weighed by the family's sample (estimates.fit).
    fit: float = 0.0
    #: Fit less half a standard error of the coverage (careergap.scoring.estimates.rank_scores):
    #: what families are ranked by, shown as "fit". None until ranked.
    rank_score: float | None = None

    @property
    def low_sample(self) -> bool:
        return self.postings < LOW_SAMPLE_POSTINGS

    @property
    def coverage_low(self) -> float:
        return min(self.sample.low, self.coverage)

    @property
    def coverage_high(self) -> float:
        return max(self.sample.high, self.coverage)


def credited_asks(demand: FamilyDemand, model: CreditModel) -> dict[int, float]:
    """The profile's credit for each of the family's asks that can earn any (ascending index):
    those naming a ``model.credited`` skill. Every other ask earns 0, so a family is scored
    at the cost of the asks the profile touches, not of all its asks (issue 15)."""
    index = demand.skill_asks
    position = index.position
    touched = sorted(
        set(
            chain.from_iterable(
                index.asks_of(position[skill]) for skill in model.credited if skill in position
            )
        )
    )
    asks = demand.asks
    return {i: model.ask_credit(*asks[i]).value for i in touched}


def ask_values(demand: FamilyDemand, model: CreditModel) -> list[float]:
    """The profile's credit for each of the family's asks, in ``demand.asks`` order."""
    values = [0.0] * len(demand.asks)
    for i, value in credited_asks(demand, model).items():
        values[i] = value
    return values


def score_family(
    family_id: str,
    name: str,
    demand: FamilyDemand,
    model: CreditModel,
    focus: float = 0.0,
) -> FamilyScore:
    """A family's coverage: the weighted mean of its entries' coverage (notes weigh less).

    Each ask's share already folds in its entry's weight and demand, so coverage is the sum of
    credit times share, over the asks that earn any (the rest add 0). A posting qualifies when
    the mean credit of its qualifying asks (its required lines) reaches QUALIFY_THRESHOLD.
    ``focus`` (computed from the whole corpus, see ``engine.match``) joins the coverage in the
    family's fit.
    """
    credited = credited_asks(demand, model)
    shares = demand.shares
    # Summed in ask order like the sum over every ask, whose zero terms change no bit; no ask
    # at all sums to the integer 0, as an empty sum does.
    coverage = min(1.0, sum((v * shares[i] for i, v in credited.items()), 0.0 if shares else 0))
    values = [0.0] * len(demand.asks)
    for i, value in credited.items():
        values[i] = value
    sample = spread(entry_coverages(demand, values), coverage)
    return FamilyScore(
        family_id=family_id,
        name=name,
        coverage=coverage,
        postings=demand.postings,
        notes=demand.notes,
        qualifying=qualifying_count(demand, values),
        sample=sample,
        focus=focus,
        fit=fit(coverage, focus, sample.weight),
    )


def qualifying_count(demand: FamilyDemand, values: Sequence[float]) -> int:
    """How many postings qualify: the mean credit of their qualifying asks (their required
    lines) reaches QUALIFY_THRESHOLD, given the credit for each ask (``ask_values``).

    In C over the flat columns: each posting's credits summed, divided by their count."""
    columns = demand.columns
    credit = list(map(values.__getitem__, columns.qualify))
    starts = columns.qualify_starts
    sums = map(sum, map(credit.__getitem__, spans(starts)))
    sizes = map(int.__sub__, starts[1:], starts)
    return sum(map(QUALIFY_THRESHOLD.__le__, map(truediv, sums, sizes)))


def entry_coverages(demand: FamilyDemand, values: Sequence[float]) -> list[tuple[float, float]]:
    """(weight, coverage) of each of the family's entries, given the credit for each ask: its
    credits times their fractions, summed in order, over the sum of its fractions."""
    columns = demand.columns
    earned = list(map(mul, map(values.__getitem__, columns.asks), columns.fractions))
    sums = map(sum, map(earned.__getitem__, spans(columns.starts)))
    return [
        (weight, min(1.0, total_earned / total) if total else 0.0)
        for weight, total_earned, total in zip(columns.weights, sums, columns.totals, strict=True)
    ]


def rank_families(scores: Iterable[FamilyScore]) -> list[FamilyScore]:
    """By fit less half a standard error of the coverage (careergap.scoring.estimates: coverage and
    focus together, and a small sample cannot win on noise); ties by coverage, name, then id.
    Each score comes back with its ``rank_score`` set."""
    scores = list(scores)
    ranks = rank_scores({f.family_id: (f.fit, f.sample) for f in scores})
    ranked = [replace(f, rank_score=ranks[f.family_id]) for f in scores]
    return sorted(
        ranked,
        key=lambda f: (desc_key(ranks[f.family_id]), desc_key(f.coverage), f.name, f.family_id),
    )


# --- the ledger behind a score --------------------------------------------------------------


@dataclass(frozen=True)
class LedgerRow:
    """``demand x weight x credit = contribution`` for one skill; contributions sum to coverage."""

    skill_id: str
    demand: float
    weight: float
    credit: float
    contribution: float
    partial: bool


def ledger(demand: FamilyDemand, model: CreditModel) -> list[LedgerRow]:
    """Attribute a family's coverage to skills.

    Each ask's share of the family goes to the option that earned its credit, or is split evenly
    among its options when none did. Then for each skill: ``weight`` is its average share of an
    asking entry's weight, ``credit`` the average credit on that share, so
    ``demand * weight * credit == contribution`` and the contributions add up to the coverage.
    """
    share: dict[str, float] = defaultdict(float)
    earned: dict[str, float] = defaultdict(float)
    partial: dict[str, bool] = defaultdict(bool)
    for (options, target), portion in zip(demand.asks, demand.shares, strict=True):
        credit = model.ask_credit(options, target)
        if credit.option is not None:
            owners = [credit.option]
            partial[credit.option] = partial[credit.option] or credit.partial
        else:
            owners = sorted(options)
        for skill in owners:
            share[skill] += portion / len(owners)
            earned[skill] += portion * credit.value / len(owners)
    rows = []
    apart = set(demand.apart)
    for skill, d in demand.demand.items():
        s = share[skill]
        if skill in apart and s == 0:
            continue  # shown as "also asked", not part of the coverage
        rows.append(
            LedgerRow(
                skill_id=skill,
                demand=d,
                weight=s / d if d else 0.0,
                credit=earned[skill] / s if s else 0.0,
                contribution=earned[skill],
                partial=partial[skill],
            )
        )
    return sorted(
        rows,
        key=lambda r: (desc_key(r.contribution), desc_key(r.demand), r.skill_id),
    )
