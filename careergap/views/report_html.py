"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no scripts.

Nothing is fetched when the file is opened: no fonts, images, stylesheets or scripts from
elsewhere (the only links are the study resources' own URLs, which a reader may follow).
"""

from __future__ import annotations

from collections.abc import Sequence

from careergap.engine.report import TOP_FAMILIES, Report
from careergap.files.escaping import for_html, safe_url
from careergap.views.figures import GUIDANCE, pct, signed_points
from careergap.views.report import also_asked_text, improved_text, sample, title
from careergap.views.sample import RANK_LEGEND, one_posting_text

#: Bar chart geometry (px): label column, bar length, row height.
LABEL_W = 250
BAR_W = 380
ROW_H = 30
#: Room for the sample-size column (right-aligned) and the axis labels under the bars.
SAMPLE_W = 230
AXIS_H = 18
#: Sparkline geometry (px) in the progress table.
SPARK_W = 140
SPARK_H = 28
#: Progress charts span at least this much coverage so small wobbles stay small.
MIN_SPAN = 0.05

CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bar: #9aa5b1;
        --target: #2f6fde; --good: #1f8a4c; --bad: #c0392b; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 860px; margin: 32px auto; padding: 0 20px; }
header h1 { margin: 0 0 4px; font-size: 28px; }
.meta { color: var(--muted); margin: 0; }
.note { color: var(--muted); font-size: 13px; margin-top: 6px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px;
          padding: 20px 24px; margin: 20px 0; }
h2 { font-size: 19px; margin: 0 0 12px; }
svg text { font-family: inherit; }
ol.gaps { padding-left: 22px; margin: 0; }
ol.gaps > li { margin: 0 0 14px; }
.skill { font-weight: 600; }
.impact { display: inline-block; background: #e8f0fe; color: var(--target); border-radius: 10px;
          padding: 0 8px; font-size: 13px; font-weight: 600; margin-left: 6px; }
.where { color: var(--muted); font-size: 13px; }
ul.res { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
ul.res .kind { color: var(--muted); font-size: 12px; }
a { color: var(--target); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: var(--good); } .down { color: var(--bad); }
.legend { font-size: 13px; color: var(--muted); margin-top: 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
          margin: 0 4px 0 10px; vertical-align: baseline; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin: 24px 0 40px; }
"""


def _e(text: object) -> str:
    """Every value put into the page, text or attribute: see careergap.files.escaping."""
    return for_html(text)


def bar_chart(report: Report) -> str:
    """Horizontal bars: one per family, target roles in blue, with coverage and sample."""
    rows = report.families[:TOP_FAMILIES]
    height = ROW_H * len(rows) + AXIS_H
    width = LABEL_W + BAR_W + SAMPLE_W
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="Coverage by role family">'
    ]
    for i in (0, 25, 50, 75, 100):
        x = LABEL_W + BAR_W * i / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - AXIS_H}" stroke="#e4e7eb"/>'
            f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle" font-size="10" '
            f'fill="#9aa5b1">{i}%</text>'
        )
    for i, row in enumerate(rows):
        y = i * ROW_H
        length = max(BAR_W * min(1.0, row.coverage), 2)
        colour = "#2f6fde" if row.target else "#9aa5b1"
        weight = ' font-weight="600"' if row.target else ""
        parts += [
            f"<g><title>{_e(row.name)}: fit {pct(row.fit)}, {pct(row.coverage)} coverage, "
            f"focus {pct(row.focus)}, {_e(sample(row))}</title>",
            f'<text x="{LABEL_W - 10}" y="{y + 19}" text-anchor="end" font-size="13" '
            f'fill="#1f2933"{weight}>{_e(_clip(row.name, 34))}</text>',
            f'<rect x="{LABEL_W}" y="{y + 6}" width="{length:.1f}" height="{ROW_H - 12}" '
            f'rx="3" fill="{colour}"/>',
            f'<text x="{LABEL_W + length + 8:.1f}" y="{y + 19}" font-size="13" '
            f'fill="#1f2933" font-weight="600">{pct(row.coverage)}</text>'
            f'<text x="{LABEL_W + length + 48:.1f}" y="{y + 19}" font-size="11" '
            f'fill="#616e7c">fit {pct(row.fit)}</text>',
            f'<text x="{width - 4}" y="{y + 19}" text-anchor="end" font-size="11" '
            f'fill="#616e7c">{_e(sample(row))}</text></g>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def spark_svg(values: Sequence[float | None]) -> str:
    """A small line chart of one family's coverage over the snapshots."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if not points:
        return ""
    low = min(v for _, v in points)
    span = max(max(v for _, v in points) - low, MIN_SPAN)
    steps = max(len(values) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return 4 + (SPARK_W - 8) * i / steps, SPARK_H - 4 - (SPARK_H - 8) * (v - low) / span

    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in points))
    last_x, last_y = xy(*points[-1])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SPARK_W}" height="{SPARK_H}" '
        f'viewBox="0 0 {SPARK_W} {SPARK_H}" role="img" aria-label="trend">'
        f'<polyline points="{coords}" fill="none" stroke="#2f6fde" stroke-width="2" '
        f'stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="3" fill="#2f6fde"/></svg>'
    )


def _delta(value: float) -> str:
    cls = "up" if round(value * 100, 1) > 0 else "down" if round(value * 100, 1) < 0 else ""
    return f'<td class="num {cls}">{_e(signed_points(value))}</td>'


def _gaps(report: Report) -> str:
    if not report.gaps:
        return "<p>No gaps: every skill these families ask for is at its target level.</p>"
    items = []
    for gap in report.gaps:
        resources = "".join(
            "<li>"
            + (
                f'<a href="{_e(safe_url(r.url))}">{_e(r.title)}</a>'
                if safe_url(r.url)
                else _e(r.title)
            )
            + f' <span class="kind">{_e(r.kind)}'
            + (f" · via {_e(r.via)}" if r.via else "")
            + "</span></li>"
            for r in gap.resources
        )
        impact = signed_points(gap.impact) + one_posting_text(gap.source)
        items.append(
            f'<li><span class="skill">{_e(gap.skill)}</span>'
            f'<span class="impact">{_e(impact)}</span>'
            f'<div class="where">you: level {gap.have} · helps {_e(", ".join(gap.families))}</div>'
            + (f'<ul class="res">{resources}</ul>' if resources else "")
            + "</li>"
        )
    also = "".join(f"<li>{_e(also_asked_text(row))}</li>" for row in report.also_asked)
    if also:
        also = (
            '<p class="note">Also asked (soft skills, languages, degrees, domains; not in '
            f'coverage):</p><ul class="also">{also}</ul>'
        )
    return f'<ol class="gaps">{"".join(items)}</ol>{also}'


def _progress(report: Report) -> str:
    prog = report.progress
    if prog is None:
        return ""
    first, last = prog.snapshots[0].at[:10], prog.snapshots[-1].at[:10]
    rows = "".join(
        f"<tr><td>{_e(report.family_names.get(t.family_id, t.family_id))}</td>"
        f'<td>{spark_svg(t.values)}</td><td class="num">{pct(t.latest)}</td>'
        f"{_delta(t.since_first)}{_delta(t.since_last)}</tr>"
        for t in prog.trends[:TOP_FAMILIES]
    )
    improved = improved_text(report)
    skills = f"<p>Skills gained or levelled up: {_e(', '.join(improved))}.</p>" if improved else ""
    return (
        "<section><h2>Progress</h2>"
        f'<p class="meta">{len(prog.snapshots)} snapshots from {_e(first)} to {_e(last)}.</p>'
        '<table><thead><tr><th>Role family</th><th>Trend</th><th class="num">Now</th>'
        '<th class="num">Since first</th><th class="num">Since last</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{skills}</section>"
    )


def _market(report: Report) -> str:
    """Each shown family's sample: own postings, age, what would make it solid."""
    if not report.market_notes:
        return ""
    items = "".join(
        f"<li><strong>{_e(name)}</strong>: {_e(text)}</li>" for name, text in report.market_notes
    )
    return f"<h3>The postings behind these numbers</h3><ul>{items}</ul>"


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    legend = (
        '<div class="legend"><span class="swatch" style="background:#2f6fde"></span>'
        'your target roles<span class="swatch" style="background:#9aa5b1"></span>'
        "other families</div>"
        if any(row.target for row in report.families)
        else ""
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title(report))}</title><style>{CSS}</style></head><body><main>"
        f"<header><h1>{_e(title(report))}</h1>"
        f'<p class="meta">{report.skills} skills in <code>{_e(report.profile)}</code> · '
        f"{report.postings} scored postings"
        + (f" · {_e(report.selection)}" if report.selection else "")
        + f" · {_e(report.generated)}</p>"
        f'<p class="note">{_e(GUIDANCE)}</p></header>'
        f"<section><h2>Role families, in order of fit</h2>{bar_chart(report)}{legend}"
        f'<p class="note">{_e(RANK_LEGEND)}</p>{_market(report)}</section>'
        f"<section><h2>Top gaps for {_e(', '.join(report.gap_families))}</h2>"
        f"{_gaps(report)}</section>"
        f"{_progress(report)}"
        "<footer>Made with careergap · coverage = the share of what these postings ask for "
        "that your profile meets</footer>"
        "</main></body></html>\n"
    )
