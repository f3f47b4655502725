"""Load everything a scoring command needs and answer its question.

This is the only place that joins the taxonomy, the corpus, the profile and the scoring model;
commands call one function here and hand the result to a renderer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from careergap.errors import CareergapError, UnknownSkillError
from careergap.models import LEVEL_MAX, LEVEL_MIN
from careergap.reading.taxonomy import CREDENTIAL_KINDS
from careergap.scoring.entries import Evidence
from careergap.scoring.estimates import focus
from careergap.scoring.gaps import CrossGap, Gap, GapSource, gap_sources, rank_cross_gaps, rank_gaps
from careergap.scoring.implied import Implied, shown_umbrellas
from careergap.scoring.score import (
    LOW_SAMPLE_POSTINGS,
    CreditModel,
    FamilyScore,
    LedgerRow,
    ledger,
    rank_families,
    score_family,
)
from careergap.store.cache import cached_workspace
from careergap.store.workspace import (
    ProgressBar,
    Workspace,
    no_progress,
)

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy
    from careergap.scoring.diffing import CoverageChange, ProfileDiff

#: Without target roles, cross-family advice covers this many best-matching families.
DEFAULT_CROSS_FAMILIES = 3
#: Kinds of skill (taxonomy.apart_kinds) a profile's focus leaves out: what languages a job
#: asks for says where it is, not which family it belongs to.
FOCUS_LEAVES_OUT = frozenset({"language"})


def load_workspace(
    extra_postings: Sequence[Path] = (), progress: ProgressBar = no_progress
) -> Workspace:
    """The packaged taxonomy and corpus plus any ``--postings`` folders, via the compiled cache;
    ``progress`` draws a bar while a large corpus is compiled (the CLI passes the terminal's)."""
    return cached_workspace(list(extra_postings), progress)


# --- questions the commands ask -------------------------------------------------------------


@dataclass(frozen=True)
class AlsoAsked:
    """A non-technical skill the family's postings name: shown apart, never a gap."""

    skill_id: str
    #: "soft skill", "language", "education" or "domain" (taxonomy.APART_LABELS).
    kind: str
    #: Weighted share of the family's entries that name it.
    demand: float


@dataclass(frozen=True)
class FamilyResult:
    score: FamilyScore
    #: Technical gaps only; see ``also_asked`` for the rest.
    gaps: tuple[Gap, ...]
    also_asked: tuple[AlsoAsked, ...] = ()
    #: The profile's inferred umbrella levels (a gap's ``have`` may be one of them).
    implied: Mapping[str, Implied] = field(default_factory=dict)


def profile_focus(ws: Workspace, levels: Mapping[str, int]) -> dict[str, float]:
    """Per family, how much of what the profile offers it asks for (estimates.focus), each
    written skill against the family that asks for it most.

    Written skills only: an inferred umbrella is no claim of the person's. Soft skills, degrees
    and domains count here (leadership and people management are what a leadership role is
    about, a PhD what research asks for), though never in coverage or as gaps; human languages
    do not: a language a posting asks for says where the job is, not what the work is.
    """
    apart = ws.apart
    offered = {s: lv for s, lv in levels.items() if lv > 0 and apart.get(s) not in FOCUS_LEAVES_OUT}
    top = {
        skill: max((d.demand.get(skill, 0.0) for d in ws.demands.values()), default=0.0)
        for skill in offered
    }
    return {fid: focus(offered, ws.demand(fid).demand, top) for fid in sorted(ws.families)}


def shown_skills(ws: Workspace, levels: Mapping[str, int]) -> frozenset[str]:
    """The umbrellas the profile's written skills show (scoring.implied.shown_umbrellas)."""
    if ws.taxonomy is None:
        return frozenset()
    return shown_umbrellas(ws.taxonomy, levels, frozenset(ws.apart))


def credentials(ws: Workspace) -> frozenset[str]:
    """Skills that count in coverage but are never gaps (taxonomy.CREDENTIAL_KINDS)."""
    return frozenset(s for s, kind in ws.apart.items() if kind in CREDENTIAL_KINDS)


def asked_elsewhere(ws: Workspace, family_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """For each given family, per skill it asks for, the largest share of entries any other
    family with a real sample (LOW_SAMPLE_POSTINGS postings or more) asks for it in: how much
    it is another family's specialty (scoring.gaps.is_elsewhere).

    One pass over every family's demand keeps, per skill, the largest share, the family that
    holds it and the second largest: a family's "elsewhere" is the largest unless it holds it
    itself, then the second. (`match` asked it of each family against every other, 21 x 20
    lookups per skill.)
    """
    top: dict[str, tuple[float, str, float]] = {}
    for fid, d in ws.demands.items():
        if d.postings < LOW_SAMPLE_POSTINGS:
            continue
        for skill, share in d.demand.items():
            best, holder, second = top.get(skill, (0.0, "", 0.0))
            if share > best:
                top[skill] = (share, fid, best)
            elif share > second:
                top[skill] = (best, holder, share)
    result = {}
    for family_id in family_ids:
        row = {}
        for skill in ws.demand(family_id).demand:
            best, holder, second = top.get(skill, (0.0, "", 0.0))
            row[skill] = second if holder == family_id else best
        result[family_id] = row
    return result


def ranked_scores(
    ws: Workspace, levels: Mapping[str, int], model: CreditModel | None = None
) -> list[FamilyScore]:
    """Every family's score, ranked by fit (scoring.rank_families), without their gaps: what
    a family's sample and age need (engine.session.markets), for a fraction of ``match``."""
    model = ws.model(levels) if model is None else model
    focus_of = profile_focus(ws, levels)
    scores = [
        score_family(fid, ws.families[fid].name, ws.demand(fid), model, focus_of[fid])
        for fid in sorted(ws.families)
    ]
    return rank_families(scores)


def match(
    ws: Workspace,
    levels: Mapping[str, int],
    only: Sequence[str] = (),
    top_gaps: int | None = None,
    ranked: Sequence[FamilyScore] | None = None,
) -> list[FamilyResult]:
    """Every family (or only the given ids) ranked by fit (scoring.rank_families), each with its
    gaps (only the first ``top_gaps`` of them when given: what a ranking of families shows).
    ``ranked``: every family's :func:`ranked_scores` for these levels, when the caller has
    them already (for each family's sample), so they are not computed twice."""
    implied = ws.implied(levels)
    model = ws.model(levels)
    wanted = set(only or ws.families)
    # Every family is scored even with --role: the pooled spread and each skill's top demand
    # come from all of them, so a family's rank score does not depend on which were asked about.
    if ranked is None:
        ranked = ranked_scores(ws, levels, model)
    kinds = ws.apart
    shown = shown_skills(ws, levels)
    never = credentials(ws)
    elsewhere = asked_elsewhere(ws, wanted)
    return [
        FamilyResult(
            score,
            tuple(
                rank_gaps(
                    ws.demand(score.family_id),
                    model,
                    shown,
                    elsewhere[score.family_id],
                    never,
                    limit=top_gaps,
                )
            ),
            tuple(
                AlsoAsked(skill, kinds.get(skill, "other"), share)
                for skill, share in ws.demand(score.family_id).also_asked()
            ),
            implied,
        )
        for score in ranked
        if score.family_id in wanted
    ]


def family_gaps(
    ws: Workspace,
    levels: Mapping[str, int],
    family_id: str,
    ranked: Sequence[FamilyScore] | None = None,
) -> FamilyResult:
    """One family's score (with its rank score among all families) and its gaps (``ranked``:
    as in :func:`match`)."""
    return match(ws, levels, only=[family_id], ranked=ranked)[0]


def family_gap_sources(
    ws: Workspace, levels: Mapping[str, int], family_id: str, skill_ids: Sequence[str]
) -> dict[str, GapSource]:
    """How many postings each gap comes from, and whether one supplies most of it."""
    return gap_sources(ws.demand(family_id), ws.model(levels), skill_ids)


def cross_gaps(
    ws: Workspace, levels: Mapping[str, int], family_ids: Sequence[str]
) -> tuple[list[str], list[CrossGap]]:
    """What to learn next across several families; defaults to the best-matching ones."""
    if not family_ids:
        ranked = ranked_scores(ws, levels)
        family_ids = [s.family_id for s in ranked if s.postings or s.notes]
        family_ids = family_ids[:DEFAULT_CROSS_FAMILIES]
    model = ws.model(levels)
    shown = shown_skills(ws, levels)
    elsewhere = asked_elsewhere(ws, family_ids)
    gaps = {
        fid: rank_gaps(ws.demand(fid), model, shown, elsewhere[fid], credentials(ws))
        for fid in family_ids
    }
    return list(family_ids), rank_cross_gaps(gaps)


def explain(
    ws: Workspace, levels: Mapping[str, int], family_id: str
) -> tuple[FamilyScore, list[LedgerRow]]:
    """The family's ranked score (with its focus and fit) and the ledger behind its coverage.
    Scores only (ranked_scores): the ledger shows no gaps, so none are ranked."""
    model = ws.model(levels)
    score = next(s for s in ranked_scores(ws, levels, model) if s.family_id == family_id)
    return score, ledger(ws.demand(family_id), model)


def asked_apart(ws: Workspace, family_id: str, skill_id: str) -> AlsoAsked | None:
    """The skill as the family's "also asked" (a soft skill, language, degree or domain its
    postings name, outside coverage), or None when it is technical or not asked for."""
    demand = ws.demand(family_id)
    if skill_id not in demand.apart:
        return None
    kinds = ws.apart
    return AlsoAsked(skill_id, kinds.get(skill_id, "other"), demand.demand.get(skill_id, 0.0))


def evidence_for(ws: Workspace, family_id: str, skill_id: str) -> list[Evidence]:
    """Every requirement in the family that names the skill, postings before notes."""
    return evidence_by_skill(ws, family_id, [skill_id])[skill_id]


def evidence_by_skill(
    ws: Workspace, family_id: str, skill_ids: Iterable[str]
) -> dict[str, list[Evidence]]:
    """:func:`evidence_for` each of the skills, in one pass over the family's entries (`gaps`
    asks it of every gap it shows, each a pass over every entry when asked one by one)."""
    found: dict[str, list[Evidence]] = {skill_id: [] for skill_id in skill_ids}
    wanted = found.keys()
    for entry in ws.family_entries(family_id):
        info = None
        for requirement in entry.requirements:
            for skill_id in wanted & set(requirement.options):
                info = entry.info if info is None else info
                found[skill_id].append(Evidence(info, requirement))
    for evidence in found.values():
        evidence.sort(key=lambda ev: (ev.entry.kind != "posting", ev.entry.id, ev.requirement.line))
    return found


def whatif(
    ws: Workspace, levels: Mapping[str, int], changes: Mapping[str, int]
) -> list[CoverageChange]:
    """Families re-ranked as if the profile had the given levels (the file is not touched).
    Scores only (ranked_scores): nobody reads the gaps of either ranking."""
    # Lazy: start-up; only `whatif` and `diff` compare two sets of levels.
    from careergap.scoring.diffing import CoverageChange

    before = {s.family_id: s.coverage for s in ranked_scores(ws, levels)}
    after = ranked_scores(ws, {**levels, **changes})
    return [
        CoverageChange(s.family_id, s.name, before[s.family_id], s.coverage, s.rank_score)
        for s in after
    ]


def parse_level_changes(specs: Sequence[str], taxonomy: Taxonomy) -> dict[str, int]:
    """``["Kubernetes=3", "SVA=2"]`` -> ``{"kubernetes": 3, "sva": 2}`` with clear errors."""
    changes: dict[str, int] = {}
    for spec in specs:
        name, sep, value = spec.rpartition("=")
        if not sep or not name.strip():
            raise CareergapError(f"--add {spec!r}: expected SKILL=LEVEL, e.g. --add 'Kubernetes=3'")
        try:
            level = int(value.strip())
        except ValueError:
            raise CareergapError(
                f"--add {spec!r}: level must be a whole number from {LEVEL_MIN} to {LEVEL_MAX}"
            ) from None
        if not LEVEL_MIN <= level <= LEVEL_MAX:
            raise CareergapError(
                f"--add {spec!r}: level must be between {LEVEL_MIN} and {LEVEL_MAX}"
            )
        skill_id = resolve_skill_name(name.strip(), taxonomy, context=f"--add {spec!r}: ")
        if skill_id in changes:
            raise CareergapError(
                f"--add {spec!r}: {taxonomy.skills[skill_id].name} is given twice; give it once"
            )
        changes[skill_id] = level
    return changes


def resolve_skill_name(name: str, taxonomy: Taxonomy, context: str = "") -> str:
    """A skill id for a name typed on the command line, or UnknownSkillError with a suggestion."""
    # Lazy: the fuzzy name index (rapidfuzz) only when a name is typed on the command line.
    from careergap.reading.matching import resolve_skill

    resolution = resolve_skill(name, taxonomy)
    if resolution.skill_id is not None:
        return resolution.skill_id
    hint = (
        f" — did you mean {taxonomy.skills[resolution.suggestion].name}?"
        if resolution.suggestion
        else " (see `careergap skills QUERY`)"
    )
    raise UnknownSkillError(f"{context}unknown skill {name!r}{hint}")


def coverages(ws: Workspace, levels: Mapping[str, int]) -> dict[str, float]:
    """Coverage of every family for one set of levels (scores only, no gaps: ranked_scores)."""
    return {s.family_id: s.coverage for s in ranked_scores(ws, levels)}


def diff_profiles(ws: Workspace, old: Mapping[str, int], new: Mapping[str, int]) -> ProfileDiff:
    """Level changes between two profile versions and their effect on each family."""
    # Lazy: start-up, as in `whatif`.
    from careergap.scoring.diffing import ProfileDiff, coverage_changes, level_changes

    names = {fid: fam.name for fid, fam in ws.families.items()}
    return ProfileDiff(
        tuple(level_changes(old, new)),
        tuple(coverage_changes(coverages(ws, old), coverages(ws, new), names)),
    )
