"""Load everything a scoring command needs and answer its question.

This is the only place that joins the taxonomy, the corpus, the profile and the scoring model;
commands call one function here and hand the result to a renderer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from careergap.errors import CareergapError, UnknownSkillError
from careergap.models import DEMAND_SECTIONS, LEVEL_MAX, LEVEL_MIN, Posting, RoleFamily
from careergap.reading.requirements import Requirement, requirements_for_line
from careergap.reading.taxonomy import apart_kinds
from careergap.scoring.demand import EMPTY, FamilyDemand, compile_family
from careergap.scoring.estimates import focus
from careergap.scoring.implied import Implied, implied_levels, with_implied
from careergap.scoring.score import (
    CHILD_CREDIT,
    CreditModel,
    CrossGap,
    Entry,
    Evidence,
    FamilyScore,
    Gap,
    GapSource,
    LedgerRow,
    gap_sources,
    ledger,
    rank_cross_gaps,
    rank_families,
    rank_gaps,
    score_family,
)

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: Without target roles, cross-family advice covers this many best-matching families.
DEFAULT_CROSS_FAMILIES = 3
#: Kinds of skill (taxonomy.apart_kinds) a profile's focus leaves out: what languages a job
#: asks for says where it is, not which family it belongs to.
FOCUS_LEAVES_OUT = frozenset({"language"})
#: A posting naming fewer distinct skills says too little to score against: its one or two
#: requirements would weigh as much as a whole posting's worth of demand.
MIN_SKILLS_TO_SCORE = 3


def is_scored(entry: Entry) -> bool:
    """Whether an entry names enough distinct skills to count in a family's score."""
    skills = {option for requirement in entry.requirements for option in requirement.options}
    return len(skills) >= MIN_SKILLS_TO_SCORE


class EntryTable:
    """Every family's entries, in full: built with the workspace, or read on first use.

    Scoring needs only each family's compiled demand; the entries themselves (every posting's
    requirements) are needed only to list all the evidence for a skill, so a cached workspace
    reads them from disk only when asked.
    """

    def __init__(self, load: Callable[[], Mapping[str, tuple[Entry, ...]]]):
        self._load = load
        self._entries: Mapping[str, tuple[Entry, ...]] | None = None

    @classmethod
    def of(cls, entries: Mapping[str, tuple[Entry, ...]]) -> EntryTable:
        return cls(lambda: entries)

    def get(self) -> Mapping[str, tuple[Entry, ...]]:
        if self._entries is None:
            self._entries = self._load()
        return self._entries


@dataclass(frozen=True)
class Workspace:
    """The taxonomy and corpus, every family compiled to its demand (see
    careergap.scoring.demand)."""

    taxonomy: Taxonomy
    families: Mapping[str, RoleFamily]
    #: Per family: what its scored entries ask for (families without any are absent).
    demands: Mapping[str, FamilyDemand]
    partial_sources: Mapping[str, tuple[tuple[str, float], ...]]
    #: Real postings in the corpus, scored or not.
    postings: int
    #: Distinct real postings that count in some family's score.
    scored_postings: int
    table: EntryTable = field(compare=False, repr=False)
    #: Content key of every corpus file, the taxonomy and the careergap version (the cache key):
    #: it changes whenever anything that shapes the scores changes. Empty when not computed.
    corpus_key: str = field(default="", compare=False)

    def implied(self, levels: Mapping[str, int]) -> dict[str, Implied]:
        """Umbrella skills the written ones show (careergap.scoring.implied): PyTorch 4 -> deep learning."""
        if self.taxonomy is None:
            return {}
        return implied_levels(self.taxonomy, levels, frozenset(apart_kinds(self.taxonomy)))

    def model(self, levels: Mapping[str, int]) -> CreditModel:
        """Credit for the written levels plus the umbrellas they imply (written levels win)."""
        return CreditModel(with_implied(levels, self.implied(levels)), self.partial_sources)

    def demand(self, family_id: str) -> FamilyDemand:
        return self.demands.get(family_id, EMPTY)

    @property
    def entries(self) -> Mapping[str, tuple[Entry, ...]]:
        """Every family's entries, scored or not, in id order."""
        return self.table.get()

    def family_entries(self, family_id: str) -> tuple[Entry, ...]:
        """The family's entries that name enough skills to be scored."""
        return tuple(e for e in self.entries.get(family_id, ()) if is_scored(e))


def source_file(source: str) -> str:
    """``002_x.txt:776-791`` -> ``002_x.txt``; a user posting's path is kept whole."""
    head, sep, tail = source.rpartition(":")
    if sep and tail.replace("-", "").isdigit():
        return head
    return source


def posting_date(posting: Posting) -> str | None:
    """The date a posting is aged from: when it says it was posted, else when it was stored."""
    when = posting.posted or posting.added
    return when.isoformat() if when else None


def partial_sources(taxonomy: Taxonomy) -> dict[str, tuple[tuple[str, float], ...]]:
    """For each skill, the skills that earn partial credit for it: related ones, and children."""
    sources: dict[str, dict[str, float]] = defaultdict(dict)
    for skill in taxonomy.skills.values():
        for related in skill.related:
            for a, b in ((skill.id, related.id), (related.id, skill.id)):
                sources[a][b] = max(sources[a].get(b, 0.0), related.weight)
        for parent in skill.parents:
            sources[parent][skill.id] = max(sources[parent].get(skill.id, 0.0), CHILD_CREDIT)
    return {
        skill: tuple(sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
        for skill, others in sorted(sources.items())
    }


def compile_entries(
    postings: Sequence[Posting], taxonomy: Taxonomy, show_progress: bool = False
) -> dict[str, Entry]:
    """Each posting's scoring entry: its lines' requirements, extracted with the taxonomy.

    A line that occurs in many postings (boilerplate, re-posted ads) is extracted once.
    """
    from careergap.reading.extractor import Extractor
    from careergap.views.progress import progress

    find = Extractor(taxonomy).find
    memo: dict[tuple[int, str, bool], tuple[Requirement, ...]] = {}
    entries: dict[str, Entry] = {}
    with progress("Extracting skills", len(postings), enabled=show_progress) as advance:
        for posting in postings:
            requirements: list[Requirement] = []
            for line in posting.lines:
                if line.section not in DEMAND_SECTIONS:
                    continue  # company prose, benefits, legal text: kept for display only
                key = (line.line, line.text, line.required)
                found = memo.get(key)
                if found is None:
                    found = tuple(
                        requirements_for_line(line.line, line.text, line.required, find(line.text))
                    )
                    memo[key] = found
                requirements.extend(found)
            entries[posting.id] = Entry(
                id=posting.id,
                title=posting.title,
                kind=posting.kind,
                families=posting.families,
                source_file=source_file(posting.source),
                requirements=tuple(requirements),
                date=posting_date(posting),
                date_stated=posting.posted is not None,
            )
            advance(1)
    return entries


def per_family(entries: Iterable[Entry]) -> dict[str, tuple[Entry, ...]]:
    """Each family's entries, in id order."""
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.id):
        for family in entry.families:
            grouped[family].append(entry)
    return {fid: tuple(es) for fid, es in sorted(grouped.items())}


def compile_demands(
    entries: Mapping[str, tuple[Entry, ...]], apart: AbstractSet[str] = frozenset()
) -> dict[str, FamilyDemand]:
    """Each family's demand, from its entries that name enough skills to be scored; ``apart``
    skills (soft skills, languages, degrees, domains) are shown apart, never scored."""
    return {
        fid: compile_family([e for e in es if is_scored(e)], apart)
        for fid, es in sorted(entries.items())
    }


def workspace_of(
    taxonomy: Taxonomy,
    families: Mapping[str, RoleFamily],
    grouped: Mapping[str, tuple[Entry, ...]],
    partial: Mapping[str, tuple[tuple[str, float], ...]] | None = None,
) -> Workspace:
    """A Workspace from each family's entries (partial credit from the taxonomy by default)."""
    distinct = {e.id: e for es in grouped.values() for e in es}.values()
    return Workspace(
        taxonomy=taxonomy,
        families=dict(families),
        demands=compile_demands(grouped, set(apart_kinds(taxonomy)) if taxonomy else frozenset()),
        partial_sources=partial_sources(taxonomy) if partial is None else partial,
        postings=sum(1 for e in distinct if e.kind == "posting"),
        scored_postings=sum(1 for e in distinct if e.kind == "posting" and is_scored(e)),
        table=EntryTable.of(grouped),
    )


def build_workspace(
    taxonomy: Taxonomy,
    families: Mapping[str, RoleFamily],
    postings: Sequence[Posting],
    show_progress: bool = False,
) -> Workspace:
    """Turn postings into per-family scoring entries and compile each family's demand."""
    entries = compile_entries(postings, taxonomy, show_progress)
    return workspace_of(taxonomy, families, per_family(entries.values()))


def load_workspace(extra_postings: Sequence[Path] = ()) -> Workspace:
    """The packaged taxonomy and corpus plus any ``--postings`` folders, via the compiled cache."""
    from careergap.store.cache import cached_workspace

    return cached_workspace(list(extra_postings))


# --- questions the commands ask -------------------------------------------------------------


@dataclass(frozen=True)
class AlsoAsked:
    """A non-technical skill the family's postings name: shown apart, never a gap."""

    skill_id: str
    #: "soft skill", "language", "degree" or "domain" (taxonomy.APART_LABELS).
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
    apart = apart_kinds(ws.taxonomy) if ws.taxonomy is not None else {}
    offered = {s: lv for s, lv in levels.items() if lv > 0 and apart.get(s) not in FOCUS_LEAVES_OUT}
    top = {
        skill: max((d.demand.get(skill, 0.0) for d in ws.demands.values()), default=0.0)
        for skill in offered
    }
    return {fid: focus(offered, ws.demand(fid).demand, top) for fid in sorted(ws.families)}


def match(ws: Workspace, levels: Mapping[str, int], only: Sequence[str] = ()) -> list[FamilyResult]:
    """Every family (or only the given ids) ranked by fit (scoring.rank_families), each with its
    gaps."""
    implied = ws.implied(levels)
    model = ws.model(levels)
    wanted = set(only or ws.families)
    # Every family is scored even with --role: the pooled spread and each skill's top demand
    # come from all of them, so a family's rank score does not depend on which were asked about.
    focus_of = profile_focus(ws, levels)
    scores = [
        score_family(fid, ws.families[fid].name, ws.demand(fid), model, focus_of[fid])
        for fid in sorted(ws.families)
    ]
    kinds = apart_kinds(ws.taxonomy) if ws.taxonomy is not None else {}
    return [
        FamilyResult(
            score,
            tuple(rank_gaps(ws.demand(score.family_id), model, implied.keys())),
            tuple(
                AlsoAsked(skill, kinds.get(skill, "other"), share)
                for skill, share in ws.demand(score.family_id).also_asked()
            ),
            implied,
        )
        for score in rank_families(scores)
        if score.family_id in wanted
    ]


def family_gaps(ws: Workspace, levels: Mapping[str, int], family_id: str) -> FamilyResult:
    """One family's score (with its rank score among all families) and its gaps."""
    return match(ws, levels, only=[family_id])[0]


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
        ranked = match(ws, levels)
        family_ids = [r.score.family_id for r in ranked if r.score.postings or r.score.notes]
        family_ids = family_ids[:DEFAULT_CROSS_FAMILIES]
    model = ws.model(levels)
    inferred = ws.implied(levels).keys()
    gaps = {fid: rank_gaps(ws.demand(fid), model, inferred) for fid in family_ids}
    return list(family_ids), rank_cross_gaps(gaps)


def explain(
    ws: Workspace, levels: Mapping[str, int], family_id: str
) -> tuple[FamilyScore, list[LedgerRow]]:
    """The family's ranked score (with its focus and fit) and the ledger behind its coverage."""
    model = ws.model(levels)
    return family_gaps(ws, levels, family_id).score, ledger(ws.demand(family_id), model)


def asked_apart(ws: Workspace, family_id: str, skill_id: str) -> AlsoAsked | None:
    """The skill as the family's "also asked" (a soft skill, language, degree or domain its
    postings name, outside coverage), or None when it is technical or not asked for."""
    demand = ws.demand(family_id)
    if skill_id not in demand.apart:
        return None
    kinds = apart_kinds(ws.taxonomy) if ws.taxonomy is not None else {}
    return AlsoAsked(skill_id, kinds.get(skill_id, "other"), demand.demand.get(skill_id, 0.0))


def evidence_for(ws: Workspace, family_id: str, skill_id: str) -> list[Evidence]:
    """Every requirement in the family that names the skill, postings before notes."""
    found = [
        Evidence(entry.info, requirement)
        for entry in ws.family_entries(family_id)
        for requirement in entry.requirements
        if skill_id in requirement.options
    ]
    return sorted(
        found,
        key=lambda ev: (ev.entry.kind != "posting", ev.entry.id, ev.requirement.line),
    )


@dataclass(frozen=True)
class CoverageChange:
    """A family's coverage before and after a change to the levels (whatif, diff)."""

    family_id: str
    name: str
    before: float
    after: float
    #: The fit after the change, which `whatif` orders by (None where not ranked: diff).
    fit: float | None = None

    @property
    def delta(self) -> float:
        return self.after - self.before


def whatif(
    ws: Workspace, levels: Mapping[str, int], changes: Mapping[str, int]
) -> list[CoverageChange]:
    """Families re-ranked as if the profile had the given levels (the file is not touched)."""
    before = {r.score.family_id: r.score.coverage for r in match(ws, levels)}
    after = match(ws, {**levels, **changes})
    return [
        CoverageChange(
            r.score.family_id,
            r.score.name,
            before[r.score.family_id],
            r.score.coverage,
            r.score.rank_score,
        )
        for r in after
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
