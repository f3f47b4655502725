"""Sample-aware numbers for a family: an interval on its coverage and a rank score.

A family's coverage is the weighted mean of its entries' coverages (a posting weighs 1, a
topic-notes entry less). Four postings at 40% and forty-four at 36% are not the same evidence,
so the coverage comes with a 95% t-interval computed from the spread of those per-entry
coverages, and families are ranked by an empirical-Bayes estimate that pulls a small sample
toward the person's mean coverage across all families (a Bayesian average). Pure
arithmetic: no randomness, same inputs give the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Two-sided 95% Student-t quantiles for 1..30 degrees of freedom (standard tables).
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
#: How many postings' worth of pull the across-family mean exerts on a family's rank score: the
#: size below which a family is flagged low-sample (scoring.LOW_SAMPLE_POSTINGS), so a family
#: needs about that many postings before its own evidence outweighs the mean. A fixed strength
#: (a Bayesian average, like IMDb's weighted rating) rather than one estimated per person: with
#: one far-ahead family among twenty, a moment estimate of the between-family spread swings
#: from near zero to large and ranks nothing reliably.
PRIOR_POSTINGS = 5.0


def t975(df: float) -> float:
    """The 97.5% quantile of Student's t (whole degrees of freedom, rounded down)."""
    whole = math.floor(df)
    if whole < 1:
        return math.inf
    if whole <= len(_T975):
        return _T975[whole - 1]
    return 1.96 + 2.4 / whole  # within 0.002 of the exact quantile beyond 30 df


@dataclass(frozen=True)
class Spread:
    """How a family's per-entry coverages scatter around its coverage."""

    #: Entries weighed: a posting counts 1, a topic-notes entry NOTES_WEIGHT (what shrinkage uses).
    weight: float
    #: Effective number of entries, (sum w)^2 / sum w^2 (what the t-interval uses).
    n: float
    #: Weighted sample variance of the per-entry coverages (0 with fewer than two entries).
    variance: float
    low: float
    high: float


NO_SPREAD = Spread(0.0, 0.0, 0.0, 0.0, 1.0)


def spread(pairs: Sequence[tuple[float, float]], mean: float) -> Spread:
    """95% t-interval of a weighted mean from (weight, coverage) pairs, clipped to [0, 1].

    With one entry nothing is known about the spread, so the interval is the whole [0, 1].
    """
    total = sum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return NO_SPREAD
    n = total * total / sum(w * w for w, _ in pairs)
    if n <= 1.0 + 1e-9:
        return Spread(total, n, 0.0, 0.0, 1.0)
    variance = sum(w * (c - mean) ** 2 for w, c in pairs) / total * n / (n - 1)
    half = t975(n - 1) * math.sqrt(variance / n)
    return Spread(total, n, variance, max(0.0, mean - half), min(1.0, mean + half))


def shrunk(coverage: float, sample: Spread, mean: float) -> float:
    """The family's coverage pulled toward ``mean``, less the more postings it has."""
    w = sample.weight
    return (w * coverage + PRIOR_POSTINGS * mean) / (w + PRIOR_POSTINGS)


def rank_scores(samples: Mapping[str, tuple[float, Spread]]) -> dict[str, float]:
    """Each family's coverage shrunk toward the mean coverage of the families with postings."""
    known = [c for k, (c, s) in sorted(samples.items()) if s.weight > 0]
    mean = sum(known) / len(known) if known else 0.0
    return {k: shrunk(c, s, mean) for k, (c, s) in sorted(samples.items())}
