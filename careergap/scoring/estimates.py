"""Sample-aware numbers for a family: an interval on its coverage and a rank score.

A family's coverage is the weighted mean of its entries' coverages (a posting weighs 1, a
topic-notes entry less). Four postings at 40% and forty-four at 36% are not the same evidence,
so the coverage comes with a 95% t-interval computed from the spread of those per-entry
coverages.

Families are ranked by *fit*, a match seen from both sides, as a hiring manager reads a CV
against a job: *coverage* (how much of what the family asks for the profile meets) and *focus*
(how much of what the profile offers the family asks for, skill by skill against the family
that asks for it most). Coverage alone puts a specialist among the broad families that share
their common ground (a vision engineer covers as much of "ML research" as of "computer vision");
focus alone trusts a family's demand shares, which three postings cannot estimate. So focus
counts in proportion to the family's sample (``FOCUS_PRIOR``), and the fit is lowered by half
a standard error of the coverage, so a few scattered postings must lead by more than their
noise. Pure arithmetic: no randomness, same inputs give the same numbers.
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
#: A family's own spread counts like this many extra degrees of freedom of the spread pooled
#: over all families (a moderated variance): two postings that happen to agree must not look
#: certain, and a single posting still gets an honest standard error.
PRIOR_DF = 2.0
#: Standard errors subtracted from a family's fit to rank it: a few scattered postings must lead
#: by half their noise (about 5-7 points for 4 postings), while a small family far ahead still
#: comes first.
RANK_ERRORS = 0.5
#: Focus is only as good as the family's demand shares: it is blended with the coverage as if
#: the family had this many more entries that show its coverage (a 1-posting family's fit is
#: mostly coverage, a 90-posting family's mostly the mean of the two). The same 5 postings
#: below which a family is flagged "low sample".
FOCUS_PRIOR = 5.0


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

    #: Entries weighed: a posting counts 1, a topic-notes entry NOTES_WEIGHT .
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


def focus(
    levels: Mapping[str, int], demand: Mapping[str, float], top: Mapping[str, float]
) -> float:
    """How much of what a profile offers a family asks for, from 0 to 1.

    ``levels``: the profile's written skills (engine.questions.profile_focus); ``demand``: the
    share of the family's entries naming each skill; ``top``: each skill's highest share in any
    family. Each skill
    counts its level times ``demand / top`` (1 in the family that asks for it most); skills no
    family asks for are left out. The mean over the profile, weighted by level.
    """
    earned = total = 0.0
    for skill, level in sorted(levels.items()):
        best = top.get(skill, 0.0)
        if level <= 0 or best <= 0:
            continue
        # min: demand <= top by definition, but the division can round a hair above 1.
        earned += level * min(demand.get(skill, 0.0) / best, 1.0)
        total += level
    return earned / total if total else 0.0


def fit(coverage: float, focus_value: float, weight: float) -> float:
    """The mean of coverage and focus, focus counting as much as the family's sample supports:
    ``(coverage + (w * focus + FOCUS_PRIOR * coverage) / (w + FOCUS_PRIOR)) / 2``, with ``w``
    the family's entries (a topic note counts half)."""
    return (coverage + blended_focus(coverage, focus_value, weight)) / 2


def blended_focus(coverage: float, focus_value: float, weight: float) -> float:
    """Focus as far as ``weight`` entries support it, the rest coverage (see FOCUS_PRIOR)."""
    return (weight * focus_value + FOCUS_PRIOR * coverage) / (weight + FOCUS_PRIOR)


def pooled_variance(samples: Sequence[Spread]) -> float:
    """The within-family variance pooled over families, each weighted by its degrees of freedom."""
    dof = [(s.n - 1, s.variance) for s in samples if s.n > 1]
    total = sum(d for d, _ in dof)
    return sum(d * v for d, v in dof) / total if total > 0 else 0.0


def standard_error(sample: Spread, pooled: float) -> float:
    """Standard error of a family's mean from its moderated variance (see PRIOR_DF)."""
    if sample.n <= 0:
        return 1.0
    dof = max(0.0, sample.n - 1)
    variance = (dof * sample.variance + PRIOR_DF * pooled) / (dof + PRIOR_DF)
    return math.sqrt(variance / sample.n)


def rank_scores(samples: Mapping[str, tuple[float, Spread]]) -> dict[str, float]:
    """Each family's fit less RANK_ERRORS standard errors of its coverage (``samples``: fit and
    the spread of the per-entry coverages), a one-sided ~69% lower bound, at least 0."""
    pooled = pooled_variance([s for _, s in samples.values()])
    return {
        k: max(0.0, fit - RANK_ERRORS * standard_error(s, pooled))
        for k, (fit, s) in sorted(samples.items())
    }
