"""`careergap report`: a self-contained summary a person can send to a mentor.

:func:`build_report` gathers plain data (family ranking, top gaps with study resources, progress
from the history when there is any); :func:`render_markdown` and
``careergap.views.report_html.render_html`` turn it into text. Nothing here reads the network or
links to anything outside the file except the resources' own URLs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careergap.engine.trends import Progress, progress
from careergap.store.history import Snapshot
from careergap.views.figures import GUIDANCE, pct, signed_points, sparkline

if TYPE_CHECKING:
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
    #: `` (1 posting)`` / `` (mostly 1 posting)`` as `gaps` says it, in the family it helps most.
    one_posting: str = ""


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
    from careergap.corpus.resources import resources_for
    from careergap.engine import questions as engine
    from careergap.views.sample import one_posting_text, scored_postings

    ranked = engine.match(ws, levels)
    family_ids, cross = engine.cross_gaps(ws, levels, list(target_ids))
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
        fid: engine.family_gap_sources(
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
            one_posting_text(sources[g.families[0][0]].get(g.skill_id)),
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
        postings=scored_postings(ws),
        families=families,
        gap_families=tuple(family_names[fid] for fid in family_ids),
        gaps=gaps,
        progress=progress(list(snaps)) if len(snaps) > 1 else None,
        also_asked=also,
        family_names=family_names,
        skill_names=skill_names,
    )


# --- shared wording -----------------------------------------------------------------------


def sample(row: FamilyRow) -> str:
    """The family's sample, worded as `match` words it, "(low sample)" included."""
    from careergap.views.sample import sample_text

    return sample_text(row.postings, row.notes)


def title(report: Report) -> str:
    return f"{report.person}'s skill gaps" if report.person else "Skill gaps"


def improved_text(report: Report) -> list[str]:
    """``Kubernetes 0 → 3`` lines for skills gained or levelled up over the history."""
    if report.progress is None:
        return []
    return [
        f"{report.skill_names.get(c.skill_id, c.skill_id)} {c.before} → {c.after}"
        for c in report.progress.improved
    ]


# --- markdown -----------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from a file or the data as literal Markdown (heading, table cell, list item)."""
    from careergap.files.escaping import for_markdown

    return for_markdown(text)


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown (tables, text bars), no external assets."""
    from careergap.files.escaping import markdown_code, safe_url
    from careergap.views.sample import RANK_LEGEND
    from careergap.views.terminal import bar, interval

    out = [
        f"# {_md(title(report))}",
        "",
        f"Profile {markdown_code(report.profile)} · {report.skills} skills · "
        f"{report.postings} scored postings"
        + (f" · {_md(report.selection)}" if report.selection else "")
        + f" · {report.generated}",
        "",
        f"> {GUIDANCE}",
        "",
        "## Role families",
        "",
        "| # | Role family | Fit | Coverage | | Focus | Qualify | Sample |",
        "|--:|---|--:|---|--:|--:|--:|---|",
    ]
    for i, row in enumerate(report.families[:TOP_FAMILIES], 1):
        name = f"**{_md(row.name)}** (target)" if row.target else _md(row.name)
        out.append(
            f"| {i} | {name} | {pct(row.fit)} | `{bar(row.coverage)}` | {pct(row.coverage)} "
            f"({interval(row.coverage_low, row.coverage_high)}) | {pct(row.focus)} | "
            f"{row.qualifying}/{row.postings} | {sample(row)} |"
        )
    out += ["", _md(RANK_LEGEND)]
    if report.market_notes:
        out += ["", "### The postings behind these numbers", ""]
        out += [f"- **{_md(name)}**: {_md(text)}" for name, text in report.market_notes]
    out += ["", f"## Top gaps for {_md(', '.join(report.gap_families))}", ""]
    if not report.gaps:
        out.append("No gaps: every skill these families ask for is at its target level.")
    for i, gap in enumerate(report.gaps, 1):
        out.append(
            f"{i}. **{_md(gap.skill)}** (you: {gap.have}) "
            f"{signed_points(gap.impact)}{_md(gap.one_posting)} across "
            f"{_md(', '.join(gap.families))}"
        )
        for res in gap.resources:
            url = safe_url(res.url)
            label = f"[{_md(res.title)}]({url})" if url else _md(res.title)
            via = f", via {_md(res.via)}" if res.via else ""
            out.append(f"   - {label} ({_md(res.kind)}{via})")
    if report.also_asked:
        out += ["", "Also asked (soft skills, languages, degrees, domains; not in coverage):", ""]
        out += [f"- {_md(also_asked_text(row))}" for row in report.also_asked]
    if report.progress is not None:
        out += _markdown_progress(report)
    out.append("")
    return "\n".join(out)


def also_asked_text(row: AlsoAskedRow) -> str:
    """``Data Scientist: Communication 40%, Teamwork 20% and 3 more``."""
    shown = ", ".join(f"{name} {pct(share)}" for name, share in row.skills)
    return f"{row.family}: {shown}" + (f" and {row.more} more" if row.more else "")


def _markdown_progress(report: Report) -> list[str]:

    prog = report.progress
    assert prog is not None
    first, last = prog.snapshots[0].at, prog.snapshots[-1].at
    out = [
        "",
        "## Progress",
        "",
        f"{len(prog.snapshots)} snapshots from {_md(first[:10])} to {_md(last[:10])}.",
        "",
        "| Role family | Trend | Now | Since first | Since last |",
        "|---|---|--:|--:|--:|",
    ]
    for trend in prog.trends[:TOP_FAMILIES]:
        out.append(
            f"| {_md(report.family_names.get(trend.family_id, trend.family_id))} | "
            f"`{sparkline(trend.values)}` | {pct(trend.latest)} | "
            f"{signed_points(trend.since_first)} | {signed_points(trend.since_last)} |"
        )
    improved = improved_text(report)
    if improved:
        out += ["", "Skills gained or levelled up: " + _md(", ".join(improved)) + "."]
    return out
