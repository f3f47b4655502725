"""Terminal view of `explain`: the ledger behind a family's score, and the posting lines that
ask for one skill (rich)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from careergap.scoring.estimates import FOCUS_PRIOR, blended_focus
from careergap.views.figures import pct
from careergap.views.payloads import quote
from careergap.views.terminal import print_lines, print_renderable, table
from careergap.views.terminal_gaps import family_line, inferred

if TYPE_CHECKING:
    from careergap.engine.questions import AlsoAsked
    from careergap.scoring.entries import Evidence
    from careergap.scoring.implied import Implied
    from careergap.scoring.score import FamilyScore, LedgerRow


def fit_sum(score: FamilyScore) -> str:
    """How the fit `match` orders by is made from the figures it prints (estimates.fit)."""
    blended = blended_focus(score.coverage, score.focus, score.sample.weight)
    noise = score.fit - (score.rank_score or 0.0)
    return (
        f"Fit {pct(score.rank_score or 0.0)} (the order of `match`) = (coverage "
        f"{pct(score.coverage)} + focus {pct(score.focus)} weighed against coverage as "
        f"{score.sample.weight:g} entries to {FOCUS_PRIOR:g}, {pct(blended)}) / 2, less half a "
        f"standard error of the coverage ({noise * 100:.1f} pts)."
    )


#: Rows of the ledger shown (unless --all) for skills the profile earns nothing on: the most
#: asked for. The rest add nothing to the coverage; `gaps` ranks them by what they would add.
UNEARNED_ROWS = 10


def ledger_rows(rows: Sequence[LedgerRow], show_all: bool) -> tuple[list[LedgerRow], int]:
    """The rows a terminal shows, and how many are left out: every row that contributes (so
    the rows still add up to the coverage) and the UNEARNED_ROWS most asked for that do not.

    A family asks for hundreds of skills; a table of all of them buries the few dozen that
    make the score (and drawing it was most of `explain`'s time: issue 15)."""
    if show_all:
        return list(rows), 0
    earned = [r for r in rows if r.contribution > 0]
    unearned = [r for r in rows if r.contribution <= 0]  # the ledger lists them by demand
    return earned + unearned[:UNEARNED_ROWS], max(0, len(unearned) - UNEARNED_ROWS)


def print_explain(
    score: FamilyScore,
    rows: Sequence[LedgerRow],
    names: Mapping[str, str],
    evidence: Sequence[Evidence] | None,
    implied: Mapping[str, Implied] | None = None,
    apart: AlsoAsked | None = None,
    show_all: bool = False,
) -> None:
    print_lines([family_line(score)])
    if apart is not None and not rows:
        print_lines(
            [
                f"{names[apart.skill_id]} is a {apart.kind}: {pct(apart.demand)} of these "
                "postings name it, but soft skills, languages, degrees and domains are shown "
                'apart ("also asked"), outside coverage, so it has no row in the ledger and '
                "is never a gap.",
                Text(fit_sum(score), style="dim"),
            ]
        )
        _print_evidence(evidence or ())
        return
    total = sum(r.contribution for r in rows)
    rows, hidden = ledger_rows(rows, show_all or evidence is not None)
    body = [
        (
            names[r.skill_id]
            + (" (partial)" if r.partial else "")
            + inferred(r.skill_id, implied or {}, names),
            f"{r.demand:.3f}",
            f"{r.weight:.3f}",
            f"{r.credit:.3f}",
            f"{r.contribution:.4f}",
        )
        for r in rows
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("Skill", {}),
        ("Demand", {"justify": "right"}),
        ("× Weight", {"justify": "right"}),
        ("× Credit", {"justify": "right"}),
        ("= Contribution", {"justify": "right"}),
    ]
    caption = (
        "Demand: weighted share of entries asking for the skill (topic notes count half). "
        "Weight: its average share of an asking entry's requirements. Credit: min(1, have/target), "
        "or capped partial credit through a related skill. "
        + (
            f"Contributions add up to the coverage: {total:.4f}."
            if evidence is None
            else f"This skill contributes {total:.4f} of {score.coverage:.4f}."
        )
    )
    print_renderable(table(None, columns, body, caption=caption))
    if hidden:
        print_lines(
            [
                f"{hidden} more skills these postings ask for earn no credit (0.0000 each); "
                "--all lists them, `careergap gaps` ranks what they would add."
            ]
        )
    if score.rank_score is not None:
        print_lines([Text(fit_sum(score), style="dim")])
    if evidence is None:
        return
    _print_evidence(evidence)


def _print_evidence(evidence: Sequence[Evidence]) -> None:
    lines: list[str | Text] = [f"{len(evidence)} requirement lines ask for it:"]
    for ev in evidence:
        line = Text(f"  [{'required' if ev.requirement.weight >= 1 else 'preferred'}] ")
        line.append(f"“{quote(ev.requirement.text)}”", style="italic")
        line.append(f" — {ev.entry.title} ", style="bold")
        line.append(ev.source, style="dim")
        lines.append(line)
    print_lines(lines)
