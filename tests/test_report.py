"""report: self-contained Markdown and HTML a person can send to a mentor."""

from __future__ import annotations

import re

import pytest

from careergap.engine.report import AlsoAskedRow, FamilyRow, GapRow, Report, ResourceRow
from careergap.engine.trends import progress
from careergap.scoring.gaps import GapSource
from careergap.store.history import Snapshot
from careergap.views.report import render_markdown
from careergap.views.report_html import bar_chart, render_html, spark_svg


def _report(with_history: bool = True, person: str | None = "Ada <3") -> Report:
    families = (
        FamilyRow(
            "mle", "Machine Learning Engineer", 0.62, 46, 0, 12, True, 0.55, 0.69, 0.48, 0.53
        ),
        FamilyRow("fv", "Formal <Verification>", 0.03, 4, 12, 0, False),
    )
    gaps = (
        GapRow(
            "Kubernetes",
            0,
            0.061,
            ("Machine Learning Engineer",),
            (
                ResourceRow("Kubernetes docs", "docs", "https://kubernetes.io/docs/", None),
                ResourceRow("K8s | the book", "book", None, "Containers"),
            ),
            GapSource(postings=1, top_share=1.0),
        ),
    )
    snaps = [
        Snapshot("2026-01-05T10:00:00Z", "/me.yaml", "a", {"python": 4}, {"mle": 0.55}),
        Snapshot(
            "2026-03-05T10:00:00Z", "/me.yaml", "b", {"python": 5, "docker": 2}, {"mle": 0.62}
        ),
    ]
    return Report(
        profile="/home/ada/me.yaml",
        person=person,
        generated="2026-11-23",
        skills=17,
        postings=331,
        families=families,
        gap_families=("Machine Learning Engineer",),
        gaps=gaps,
        progress=progress(snaps) if with_history else None,
        family_names={"mle": "Machine Learning Engineer", "fv": "Formal <Verification>"},
        skill_names={"python": "Python", "docker": "Docker"},
        also_asked=(
            AlsoAskedRow(
                "Machine Learning Engineer", (("Communication", 0.29), ("Japanese", 0.04)), 3
            ),
        ),
    )


def test_markdown_has_ranking_gaps_resources_and_progress() -> None:
    text = render_markdown(_report())
    assert text.startswith("# Ada \\<3's skill gaps\n")  # escaped: raw HTML cannot land
    assert "> Coverage is guidance, not an ATS score." in text
    # The order's figure (fit) first, then coverage with its interval, focus and the sample.
    assert "| 1 | **Machine Learning Engineer** (target) | 53% | `" in text
    assert "| 62% (55-69%) | 48% | 12/46 | 46 postings |" in text
    assert "Order: fit, the mean of the two" in text
    assert "| 2 | Formal \\<Verification\\> |" in text
    assert (
        "1. **Kubernetes** (you: 0) +6.1 pts \\(1 posting\\) across Machine Learning Engineer"
        in text
    )
    assert "- Machine Learning Engineer: Communication 29%, Japanese 4% and 3 more" in text
    assert "   - [Kubernetes docs](https://kubernetes.io/docs/) (docs)" in text
    assert "   - K8s \\| the book (book, via Containers)" in text
    assert "## Progress" in text
    assert "| Machine Learning Engineer | `▁█` | 62% | +7.0 pts | +7.0 pts |" in text
    assert "Skills gained or levelled up: Docker 0 → 2, Python 4 → 5." in text


def test_markdown_without_history_has_no_progress_section() -> None:
    text = render_markdown(_report(with_history=False, person=None))
    assert text.startswith("# Skill gaps\n")
    assert "## Progress" not in text


def test_html_is_self_contained() -> None:
    html = render_html(_report())
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<link" not in html
    assert "@import" not in html
    assert not re.search(r"url\(", html)
    assert not re.search(r"\ssrc=", html)
    # the only outward links are the resources' own, as plain anchors
    assert re.findall(r'href="([^"]+)"', html) == ["https://kubernetes.io/docs/"]


def test_html_escapes_user_text_and_draws_svg() -> None:
    html = render_html(_report())
    assert "Ada &lt;3&#x27;s skill gaps" in html
    assert "Formal &lt;Verification&gt;" in html
    assert "<Verification>" not in html
    assert html.count("<svg") == 2  # the bar chart and one trend line
    assert "<h2>Progress</h2>" in html
    assert ">fit 53%</text>" in html  # the figure the order follows, beside each bar
    assert "+6.1 pts (1 posting)" in html
    assert "<li>Machine Learning Engineer: Communication 29%, Japanese 4% and 3 more</li>" in html


def test_html_without_history_has_no_progress() -> None:
    html = render_html(_report(with_history=False))
    assert "<h2>Progress</h2>" not in html
    assert html.count("<svg") == 1


def test_bar_lengths_follow_coverage() -> None:
    svg = bar_chart(_report())
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([0-9.]+)"', svg)]
    assert widths[0] == pytest.approx(380 * 0.62)
    assert widths[1] == pytest.approx(380 * 0.03)
    assert 'fill="#2f6fde"' in svg  # the target role stands out


def test_trend_line_has_one_point_per_scored_snapshot() -> None:
    svg = spark_svg([0.1, None, 0.2, 0.3])
    points = re.search(r'points="([^"]+)"', svg)
    assert points is not None
    assert len(points.group(1).split()) == 3
    assert spark_svg([None, None]) == ""
