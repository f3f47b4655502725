"""A family's gaps: which skills would raise its coverage most, in which order, at what level.

Coverage is linear in requirement credits (``careergap.scoring.score``), so a skill's impact is
exact: the credit still missing on the asks it can satisfy, times their share of the family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from careergap.scoring.demand import SOURCES_ENTRY_LIMIT, FamilyDemand, impact_sources
from careergap.scoring.entries import Evidence
from careergap.scoring.score import KEY_DIGITS, PARTIAL_CAP, CreditModel, credited_asks, desc_key


@dataclass(frozen=True)
class Gap:
    skill_id: str
    #: Coverage points (0..1) the family gains if this skill reached its target everywhere.
    impact: float
    #: Weighted share of the family's entries that ask for the skill.
    demand: float
    have: int
    target: int
    evidence: Evidence
    #: TIER_SHARED, TIER_ONE_POSTING, TIER_ELSEWHERE or TIER_WEAK: its part of the list (rank_gaps).
    tier: int = 0


#: Where a gap is listed (``Gap.tier``): first what the family's postings share, then what one
#: posting supplies most of, then what only topic notes name or an umbrella the profile already
#: shows through its own specific skills (PyTorch 2 shows deep learning). TIER_ELSEWHERE (added
#: later, so numbered last) is another family's specialty, listed before TIER_WEAK.
TIER_SHARED, TIER_ONE_POSTING, TIER_WEAK, TIER_ELSEWHERE = 0, 1, 2, 3
#: The order the tiers are listed in.
TIER_ORDER = (TIER_SHARED, TIER_ONE_POSTING, TIER_ELSEWHERE, TIER_WEAK)


def rank_gaps(
    demand: FamilyDemand,
    model: CreditModel,
    shown: AbstractSet[str] = frozenset(),
    elsewhere: Mapping[str, float] | None = None,
    never: AbstractSet[str] = frozenset(),
    limit: int | None = None,
) -> list[Gap]:
    """The family's gaps: coverage gained if the skill reached each requirement's target.

    Coverage is linear in requirement credits, so a skill's impact is the sum, over the asks it
    can satisfy, of the credit still missing times that ask's share of the family's coverage.
    Skills shown apart (soft skills, languages, degrees, domains) are never gaps, nor are the
    ``never`` ones (credentials: counted in coverage, closed by no study plan). Gaps come in
    four tiers (``Gap.tier``, listed in ``TIER_ORDER``): those the family's postings share; then
    those one posting supplies most of ("(1 posting)": a posting that names three skills gives
    each a third of its weight, so one unusual ad would otherwise top the list), more postings
    asking first; then another family's specialty (``elsewhere``: per skill, its demand in the
    other families with a real sample; see ``is_elsewhere``); then those only topic notes name,
    umbrellas the profile ``shown`` through its own specific skills, and skills a near-equivalent
    one already earns full partial credit for (the study is in those skills, not in the
    umbrella's name). Within a tier by impact, then demand, then id. With ``limit``, only the
    first ``limit`` gaps of that order.
    """
    apart = set(demand.apart) | set(never)
    index = demand.skill_asks
    credited = credited_asks(demand, model)
    # A skill none of whose asks earns credit has the impact and sources compiled with the
    # family (SkillAsks): only the skills the profile's credit touches are summed again.
    touched = {option for i, value in credited.items() if value for option in demand.asks[i][0]}
    impact: dict[str, float] = {}
    for k, skill in enumerate(index.skills):
        if skill in apart:
            continue
        if skill not in touched:
            impact[skill] = index.base[k]
            continue
        total, counted = 0.0, False
        for i in index.asks_of(k):
            missing = 1.0 - credited.get(i, 0.0)
            if missing > 0:
                total += demand.shares[i] * missing
                counted = True
        if counted:
            impact[skill] = total
    # Which entries supply each gap takes a pass over every entry's asks; past a few thousand
    # entries no single posting can supply much of a gap, so a large family skips it.
    if demand.entry_count <= SOURCES_ENTRY_LIMIT:
        sources = {
            skill: GapSource(index.source_postings[k], index.source_tops[k])
            for k, skill in enumerate(index.skills)
            if skill in impact and skill not in touched
        }
        sources.update(gap_sources(demand, model, [k for k in touched if impact.get(k, 0) > 0]))
    else:
        sources = {k: GapSource(2, 0.0) for k in impact}
    # Sort keys first, Gap objects only for the ones returned: `match` shows a few per family.
    keyed = []
    for skill, value in impact.items():
        if round(value, KEY_DIGITS) <= 0:
            continue
        source = sources[skill]
        tier = gap_tier(
            source,
            skill in shown
            or (
                source.postings > 0
                and skill in model.credited  # else no skill of the profile earns credit for it
                and near_equivalent(model, skill, demand.targets[skill])
            ),
            is_elsewhere(demand.demand[skill], (elsewhere or {}).get(skill, 0.0)),
        )
        # Within "one posting", a gap that two postings ask for before one only one asks for.
        asking = -source.postings if tier == TIER_ONE_POSTING else 0
        key = (TIER_ORDER.index(tier), asking, desc_key(value), desc_key(demand.demand[skill]))
        keyed.append((key, skill, value, tier))
    # Skill ids are unique, so the order never compares past the id.
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [
        Gap(
            skill_id=skill,
            impact=value,
            demand=demand.demand[skill],
            have=model.levels.get(skill, 0),
            target=gap_target(demand.targets[skill], levels_above(demand, model, skill, credited)),
            evidence=demand.evidence[skill],
            tier=tier,
        )
        for _, skill, value, tier in keyed[:limit]
    ]


def levels_above(
    demand: FamilyDemand, model: CreditModel, skill: str, credited: Mapping[int, float]
) -> dict[int, float]:
    """Per level above the profile's, the impact of the skill's asks at that level (``credited``:
    the credit of the asks that earn any, ``credit_asks``)."""
    index = demand.skill_asks
    have = model.levels.get(skill, 0)
    above: dict[int, float] = defaultdict(float)
    for i in index.asks_of(index.position[skill]):
        missing = 1.0 - credited.get(i, 0.0)
        target = demand.asks[i][1]
        if missing > 0 and target > have:
            above[target] += demand.shares[i] * missing
    return above


def gap_tier(source: GapSource, shown: bool, elsewhere: bool = False) -> int:
    """Which part of the gap list a gap belongs to (see rank_gaps)."""
    if shown or source.postings == 0:
        return TIER_WEAK
    if elsewhere:
        return TIER_ELSEWHERE
    return TIER_ONE_POSTING if source.one_posting else TIER_SHARED


def near_equivalent(model: CreditModel, skill: str, target: int) -> bool:
    """Whether the profile holds, within a level of ``target``, a skill the taxonomy makes worth
    the full partial credit for this one (a related skill of weight PARTIAL_CAP, or a narrower
    one): data structures 3 for algorithms 4, PySpark 4 for Spark. The person shows the skill
    through it; the study is in raising that one."""
    return any(
        weight >= PARTIAL_CAP and model.levels.get(other, 0) >= max(1, target - 1)
        for other, weight in model.partial_sources.get(skill, ())
    )


#: Another family's specialty: fewer than this share of the family's entries ask for it...
ELSEWHERE_MAX_DEMAND = 1 / 3
#: ... and a family with a real sample asks for it at least this many times as often.
ELSEWHERE_RATIO = 3.0


def is_elsewhere(here: float, other: float) -> bool:
    """Whether a skill this family asks for now and then is another family's specialty (computer
    vision in a few MLOps postings, where the vision family asks for it in most): listed after
    what this family's postings share."""
    return here < ELSEWHERE_MAX_DEMAND and round(other - ELSEWHERE_RATIO * here, KEY_DIGITS) >= 0


def gap_target(typical: int, above: Mapping[int, float]) -> int:
    """The level a gap asks the profile to reach: the family's typical level for the skill when
    that is above the profile's, else the level above it whose asks carry the most impact (ties:
    the lower one), so a gap never reads "3 -> 3"."""
    if typical in above or not above:
        return typical
    return min(above, key=lambda level: (desc_key(above[level]), level))


#: A gap is "mostly one posting" when a single entry supplies more than this share of its impact.
ONE_POSTING_SHARE = 0.5


@dataclass(frozen=True)
class GapSource:
    """How a gap's impact is spread over the family's entries."""

    #: Real postings whose unmet asks name the skill.
    postings: int
    #: The largest share of the gap's impact that one entry supplies (0..1).
    top_share: float

    @property
    def one_posting(self) -> bool:
        """Whether a single posting supplies most of the gap's weight."""
        return self.postings >= 1 and self.top_share > ONE_POSTING_SHARE


def gap_sources(
    demand: FamilyDemand, model: CreditModel, skill_ids: Iterable[str]
) -> dict[str, GapSource]:
    """For each given skill, how many postings ask for it and how much the largest one weighs.

    One pass over the family's entries (each ask's missing credit times its share of the entry),
    so it is run for the gaps a command shows, not for every family.
    """
    credited = credited_asks(demand, model)
    missing = [1.0] * len(demand.asks)
    for i, value in credited.items():
        missing[i] = 1.0 - value
    return {
        skill: GapSource(postings, top)
        for skill, (postings, top) in impact_sources(demand, missing, skill_ids).items()
    }


@dataclass(frozen=True)
class CrossGap:
    """A skill worth learning across several families."""

    skill_id: str
    impact: float
    #: (family id, impact in that family), largest first.
    families: tuple[tuple[str, float], ...]
    #: Its tier (see rank_gaps) in the family where it weighs most, which most of its impact is.
    tier: int = TIER_SHARED


def rank_cross_gaps(per_family: Mapping[str, Sequence[Gap]]) -> list[CrossGap]:
    """Sum each skill's impact over the given families. As within a family, a gap whose weight
    comes from what postings share (in the family where it weighs most) comes before one that
    a single posting, topic notes or an inferred umbrella supplies; then by impact, then id."""
    helped: dict[str, list[tuple[str, float]]] = defaultdict(list)
    tiers: dict[tuple[str, str], int] = {}
    for family_id in sorted(per_family):
        for gap in per_family[family_id]:
            helped[gap.skill_id].append((family_id, gap.impact))
            tiers[gap.skill_id, family_id] = gap.tier
    result = []
    for skill, fams in helped.items():
        ordered = tuple(sorted(fams, key=lambda fv: (desc_key(fv[1]), fv[0])))
        result.append(
            CrossGap(
                skill_id=skill,
                impact=sum(v for _, v in fams),
                families=ordered,
                tier=tiers[skill, ordered[0][0]],
            )
        )
    return sorted(result, key=lambda g: (TIER_ORDER.index(g.tier), desc_key(g.impact), g.skill_id))
