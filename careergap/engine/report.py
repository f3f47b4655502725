"""The report's questions: everything `careergap report` shows, gathered as plain values.

:func:`report_for` reads what a report needs beyond the loaded profile and corpus (the
history's snapshots, the person's name, each family's sample) and :func:`build_report` scores
the profile, picks its top gaps with study resources and attaches its progress. The views
(``careergap.views.report`` for Markdown, ``report_html`` for HTML) only format the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from careergap.corpus.resources import resources_for
from careergap.engine import market, questions
from careergap.engine.session import Loaded, markets
from careergap.engine.trends import Progress, progress
from careergap.files.loader import read_user_yaml
from careergap.files.userfiles import write_text_atomic
from careergap.scoring.gaps import GapSource
from careergap.store import history
from careergap.store.history import Snapshot
from careergap.store.workspace import Workspace

#: Families shown in the ranking: enough to see the shape, few enough to read.
TOP_FAMILIES = 12
#: Gaps listed in the report.
TOP_GAPS = 8
#: Resources listed per gap (the first ones `gaps` would show).
RESOURCES_PER_GAP = 3
#: Soft skills, languages, degrees and domains named per gap family (as `gaps` names them).
ALSO_SHOWN = 6


@dataclass(frozen=True)
class FamilyRow:
    id: str
    name: str
    coverage: float
    postings: int
    notes: int
    qualifying: int
    target: bool
    #: 95% interval on the coverage (see careergap.scoring.estimates).
    coverage_low: float = 0.0
    coverage_high: float = 1.0
    #: What the profile offers that the family asks for, and the fit the ranking follows.
    focus: float = 0.0
    fit: float = 0.0


@dataclass(frozen=True)
class ResourceRow:
    title: str
    kind: str
    url: str | None
    via: str | None


@dataclass(frozen=True)
class GapRow:
    skill: str
    have: int
    impact: float
    families: tuple[str, ...]
    resources: tuple[ResourceRow, ...]
    #: How the gap's impact is spread over postings, in the family it helps most (the views
    #: say "(1 posting)" as `gaps` says it).
    source: GapSource | None = None


@dataclass(frozen=True)
class AlsoAskedRow:
    """A gap family's soft skills, languages, degrees and domains (not in coverage)."""

    family: str
    #: (skill name, share of the family's postings naming it), most asked first.
    skills: tuple[tuple[str, float], ...]
    more: int


@dataclass(frozen=True)
class Report:
    """Everything a report shows, as plain values."""

    profile: str
    person: str | None
    generated: str
    skills: int
    postings: int
    families: tuple[FamilyRow, ...]
    #: Families the gaps were computed for (target roles, else the best-matching ones).
    gap_families: tuple[str, ...]
    gaps: tuple[GapRow, ...]
    progress: Progress | None
    family_names: Mapping[str, str]
    skill_names: Mapping[str, str]
    #: Per gap family, what its postings also ask for outside coverage (as `gaps` shows it).
    also_asked: tuple[AlsoAskedRow, ...] = ()
    #: Which postings were scored, when not all alike ("only your postings (--mine)").
    selection: str = ""
    #: (family name, its sample: own postings, age, what would make it solid), shown families.
    market_notes: tuple[tuple[str, str], ...] = ()


def build_report(
    ws: Workspace,
    profile: str,
    person: str | None,
    levels: Mapping[str, int],
    target_ids: Sequence[str],
    snaps: Sequence[Snapshot],
    generated: str,
) -> Report:
    """Score the profile, pick its top gaps with resources, and attach its progress."""
    ranked = questions.match(ws, levels)
    family_ids, cross = questions.cross_gaps(ws, levels, list(target_ids))
    family_names = {fid: fam.name for fid, fam in ws.families.items()}
    skill_names = {sid: skill.name for sid, skill in ws.taxonomy.skills.items()}
    families = tuple(
        FamilyRow(
            r.score.family_id,
            r.score.name,
            r.score.coverage,
            r.score.postings,
            r.score.notes,
            r.score.qualifying,
            r.score.family_id in target_ids,
            r.score.coverage_low,
            r.score.coverage_high,
            r.score.focus,
            r.score.rank_score or 0.0,
        )
        for r in ranked
        if r.score.postings or r.score.notes
    )
    shown = cross[:TOP_GAPS]
    sources = {
        fid: questions.family_gap_sources(
            ws, levels, fid, [g.skill_id for g in shown if g.families[0][0] == fid]
        )
        for fid in family_ids
    }
    gaps = tuple(
        GapRow(
            skill_names[g.skill_id],
            levels.get(g.skill_id, 0),
            g.impact,
            tuple(family_names[fid] for fid, _ in g.families),
            tuple(
                ResourceRow(a.resource.title, a.resource.kind, a.resource.url, a.via)
                for a in resources_for(g.skill_id, ws.taxonomy, limit=RESOURCES_PER_GAP)
            ),
            # Tagged as `gaps` tags it in the family where it weighs most.
            sources[g.families[0][0]].get(g.skill_id),
        )
        for g in shown
    )
    by_id = {r.score.family_id: r for r in ranked}
    also = tuple(
        AlsoAskedRow(
            family_names[fid],
            tuple((skill_names[a.skill_id], a.demand) for a in by_id[fid].also_asked[:ALSO_SHOWN]),
            max(0, len(by_id[fid].also_asked) - ALSO_SHOWN),
        )
        for fid in family_ids
        if by_id[fid].also_asked
    )
    return Report(
        profile=profile,
        person=person,
        generated=generated,
        skills=sum(1 for v in levels.values() if v > 0),
        postings=ws.scored_postings,
        families=families,
        gap_families=tuple(family_names[fid] for fid in family_ids),
        gaps=gaps,
        progress=progress(list(snaps)) if len(snaps) > 1 else None,
        also_asked=also,
        family_names=family_names,
        skill_names=skill_names,
    )


def report_for(ctx: Loaded) -> tuple[Report, list[str]]:
    """The report of a loaded profile, and warnings for the CLI to print (a history that
    cannot be read leaves the progress out; the report is still made)."""
    warnings = []
    try:
        snaps = history.snapshots(ctx.path)
    except history.HistoryError as exc:
        warnings.append(f"progress left out: {exc}")
        snaps = []
    data = build_report(
        ctx.ws,
        str(ctx.path),
        _person(ctx.source),
        ctx.levels,
        ctx.target_family_ids(),
        snaps,
        history.now_utc()[:10],
    )
    samples = markets(ctx)
    notes = tuple(
        (row.name, text)
        for row in data.families[:TOP_FAMILIES]
        if (text := market.market_text(samples[row.id], ctx.selection.mine))
    )
    return replace(data, selection=ctx.selection.describe(), market_notes=notes), warnings


def _person(path: Path) -> str | None:
    """The profile's ``name``, when it gives one."""
    name = read_user_yaml(path).data.get("name")
    return name if isinstance(name, str) and name.strip() else None


def write_report(output: Path, text: str) -> None:
    """Write a rendered report to ``output`` atomically: a reader never sees half a report."""
    write_text_atomic(output, text)
