"""`careergap report` as Markdown: a self-contained summary a person can send to a mentor.

``careergap.engine.report`` gathers the plain data (family ranking, top gaps with study
resources, progress from the history when there is any); :func:`render_markdown` here and
``careergap.views.report_html.render_html`` turn it into text. Nothing here reads the network or
links to anything outside the file except the resources' own URLs.
"""

from __future__ import annotations

from careergap.engine.report import TOP_FAMILIES, AlsoAskedRow, FamilyRow, Report
from careergap.files.escaping import for_markdown, markdown_code, safe_url
from careergap.views.figures import GUIDANCE, pct, signed_points, sparkline
from careergap.views.sample import RANK_LEGEND, one_posting_text, sample_text
from careergap.views.terminal import bar, interval

# --- shared wording -----------------------------------------------------------------------


def sample(row: FamilyRow) -> str:
    """The family's sample, worded as `match` words it, "(low sample)" included."""

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

    return for_markdown(text)


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown (tables, text bars), no external assets."""

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
            f"{signed_points(gap.impact)}{_md(one_posting_text(gap.source))} across "
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
