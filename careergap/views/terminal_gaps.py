"""Terminal views of gaps, the score ledger, and what-if rankings (rich)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.text import Text

from careergap.engine.questions import AlsoAsked, FamilyResult
from careergap.scoring.diffing import CoverageChange
from careergap.scoring.entries import Evidence
from careergap.scoring.estimates import FOCUS_PRIOR, blended_focus
from careergap.scoring.gaps import TIER_ELSEWHERE, TIER_ONE_POSTING, TIER_WEAK, CrossGap, GapSource
from careergap.scoring.implied import Implied
from careergap.scoring.score import FamilyScore, LedgerRow
from careergap.views.figures import GUIDANCE, pct
from careergap.views.payloads import quote
from careergap.views.sample import one_posting_text, tier_text
from careergap.views.terminal import (
    indented,
    points,
    print_lines,
    print_renderable,
    sample,
    table,
)

if TYPE_CHECKING:  # types only: `whatif` loads neither the quotes nor the planner
    from careergap.engine.gapdetail import GapDetail
    from careergap.scoring.planning import Plan

#: What the numbers of a gap mean, printed under the family line.
GAPS_LEGEND = (
    "Impact: coverage points gained if the skill reached the level postings ask for. "
    "Asked by: share of the family's postings that name it. Unlocks: postings you would "
    "newly qualify for with the skill at the level shown. Listed first: gaps the family's "
    "postings share; then those of one posting; then another family's specialty; then those "
    "only topic notes name, and umbrellas your own skills show."
)


#: How `gaps` without --role orders its list, and how a gap says it is not shared.
CROSS_LEGEND = (
    "Listed first: gaps whose weight, where they weigh most, the postings share; then those "
    "mostly one posting's, then another family's specialty, then those of topic notes or an "
    "umbrella your own skills show."
)
CROSS_TIER_TAGS = {
    TIER_ONE_POSTING: " (mostly 1 posting)",
    TIER_ELSEWHERE: " (another family's specialty)",
    TIER_WEAK: " (topic notes or an umbrella you show)",
}


def _family_line(score: FamilyScore) -> str:
    """``Machine Learning Engineer: 62% coverage · qualify 39/91 · 91 postings``."""
    return (
        f"{score.name}: {pct(score.coverage)} coverage · qualify "
        f"{score.qualifying}/{score.postings} · {sample(score.postings, score.notes)}"
        + (" (low sample)" if score.low_sample else "")
    )


#: Non-technical skills named on the "also asked" line.
ALSO_ASKED_SHOWN = 6


def _also_asked_line(result: FamilyResult, names: Mapping[str, str]) -> Text | None:
    """``Also asked (not in coverage): Communication 44%, Japanese 4%`` or None."""
    if not result.also_asked:
        return None
    shown = ", ".join(
        f"{names[a.skill_id]} {pct(a.demand)}" for a in result.also_asked[:ALSO_ASKED_SHOWN]
    )
    more = len(result.also_asked) - ALSO_ASKED_SHOWN
    return Text(
        f"Also asked (soft skills, languages, degrees, domains; not in coverage): {shown}"
        + (f" and {more} more" if more > 0 else ""),
        style="dim",
    )


def inferred(skill_id: str, implied: Mapping[str, Implied], names: Mapping[str, str]) -> str:
    """`` (inferred from PyTorch 4)`` when the level is inferred, else empty."""
    found = implied.get(skill_id)
    if found is None:
        return ""
    return f" (inferred from {names[found.source]} {found.source_level})"


#: How the plan's weeks are counted, printed under its title.
PLAN_LEGEND = (
    "Steps are ordered by postings unlocked, then coverage gained, per week of study; "
    "weeks assume about five hours a week (see README: effort per level)."
)

#: Said where no resource in the seeds fits a gap, rather than filling the slot.
NO_RESOURCE = "no study resource in the source documents fits this skill"


def _resource_lines(resources: Sequence[Any]) -> list[Text]:
    lines = []
    for attached in resources:
        res = attached.resource
        line = Text("• ")
        line.append(res.title, style="bold")
        line.append(f" ({res.kind}")
        if attached.via:
            line.append(f", via {attached.via}")
        line.append(")")
        if res.url:
            line.append(f" {res.url}", style="cyan")
        line.append(f" [{res.source}]", style="dim")
        lines.append(line)
    return lines


def _study_lines(resources: Sequence[Any], by: int) -> list[Padding]:
    found = _resource_lines(resources)
    if not found:
        return [
            indented(Text("no study resource in the source documents fits this skill", "dim"), by)
        ]
    return [indented(line, by) for line in found]


def _quote_line(detail: GapDetail, by: int) -> Padding:
    found = detail.quote
    if found is None:
        return indented(Text("no posting line asks for it as a demand", style="dim"), by)
    quoted = Text("“", style="italic")
    body = Text(found.quote.text, style="italic")
    for start, end in found.quote.marks:
        body.stylize("bold", start, end)
    quoted.append_text(body)
    quoted.append("” ", style="italic")
    if found.quote.level != detail.gap.target:
        quoted.append(f"(asks for level {found.quote.level}) ")
    if not found.required:
        quoted.append("(preferred) ")
    quoted.append(found.source, style="dim")
    return indented(quoted, by)


def have_text(
    detail: GapDetail, names: Mapping[str, str], implied: Mapping[str, Implied] | None = None
) -> str:
    """``you 0 → 3``, or ``you 0 (partial 0.5 via TensorFlow 3) → 3`` when a related skill
    already earns part of the credit, or ``you 3 (inferred from PyTorch 4) → 4``."""
    gap = detail.gap
    text = f"you {gap.have}{inferred(gap.skill_id, implied or {}, names)}"
    if detail.partial_via is not None:
        text += f" (partial {detail.credit:.2g} via {names[detail.partial_via]} {detail.via_level})"
    return f"{text} → {gap.target}"


def unlocks_text(count: int) -> str:
    return f"unlocks {count} posting{'s' if count != 1 else ''}"


def print_gaps(
    result: FamilyResult,
    details: Sequence[GapDetail],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
    sources: Mapping[str, GapSource] | None = None,
) -> None:
    """One block a gap: skill and numbers, the clause that asks for it, what to study."""
    lines: list[str | Text | Padding] = [Text(_family_line(result.score), style="bold")]
    lines.append(Text(f"{GUIDANCE} {GAPS_LEGEND}", style="dim"))
    also = _also_asked_line(result, names)
    if also is not None:
        lines.append(also)
    if not details:
        lines.append("No gaps: your profile meets every requirement this family's postings name.")
    for i, d in enumerate(details, 1):
        g = d.gap
        lines.append("")
        head = Text(f"{i:>3}. ")
        head.append(names[g.skill_id], style="bold")
        head.append(
            f"  {points(g.impact)} · asked by {pct(g.demand)}"
            f"{one_posting_text((sources or {}).get(g.skill_id))}"
            f"{tier_text(g, result.implied, (sources or {}).get(g.skill_id))}"
            f" · {unlocks_text(d.unlocks)}"
            f" · {have_text(d, names, result.implied)}"
        )
        lines.append(head)
        lines.append(_quote_line(d, 5))
        lines.extend(_study_lines(resources.get(g.skill_id, ()), 5))
    print_lines(lines)


def print_cross_gaps(
    families: Sequence[FamilyScore],
    gaps: Sequence[CrossGap],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
    unlocked: Mapping[str, Mapping[str, int]] | None = None,
) -> None:
    family_names = {f.family_id: f.name for f in families}
    unlocked = unlocked or {}
    lines: list[str | Text | Padding] = [Text("What to learn next, across:", style="bold")]
    lines.extend(indented(_family_line(f), 2) for f in families)
    lines.append(Text(f"{GUIDANCE} {CROSS_LEGEND}", style="dim"))
    for i, g in enumerate(gaps, 1):
        lines.append("")
        head = Text(f"{i:>3}. ")
        head.append(names[g.skill_id], style="bold")
        head.append(f"  {points(g.impact)} in all{CROSS_TIER_TAGS.get(g.tier, '')}")
        per_family = unlocked.get(g.skill_id, {})
        if per_family:
            head.append(f" · {unlocks_text(sum(per_family.values()))}")
        lines.append(head)
        helps = ", ".join(
            f"{family_names[fid]} {points(v)}"
            + (f" (unlocks {per_family[fid]})" if per_family.get(fid) else "")
            for fid, v in g.families
        )
        lines.append(indented(Text(f"helps: {helps}", style="dim"), 5))
        lines.extend(_study_lines(resources.get(g.skill_id, ()), 5))
    print_lines(lines)


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
    print_lines([_family_line(score)])
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


def print_whatif(
    rows: Sequence[CoverageChange],
    changes: Mapping[str, int],
    levels: Mapping[str, int],
    names: Mapping[str, str],
) -> None:
    described = ", ".join(
        f"{names[sid]} {levels.get(sid, 0)} → {lvl}" for sid, lvl in sorted(changes.items())
    )
    print_lines([f"What if: {described} (your profile file is not changed)"])
    body = [
        (
            str(i),
            r.name,
            pct(r.before),
            pct(r.after),
            Text(f"{r.delta * 100:+.1f} pts", style="green" if r.delta > 0 else ""),
            pct(r.fit or 0.0),
        )
        for i, r in enumerate(rows, 1)
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("Role family", {}),
        ("Before", {"justify": "right"}),
        ("After", {"justify": "right"}),
        ("Delta", {"justify": "right"}),
        ("Fit after", {"justify": "right"}),
    ]
    caption = (
        f"{GUIDANCE} Before, After: coverage. Ordered by the fit after the change (see match)."
    )
    print_renderable(table(None, columns, body, caption=caption))


def print_plan(
    result: FamilyResult,
    plan: Plan,
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> None:
    lines: list[str | Text | Padding] = [
        Text(f"Study plan for {_family_line(result.score)}", style="bold"),
        Text(f"{GUIDANCE} {PLAN_LEGEND}", style="dim"),
    ]
    also = _also_asked_line(result, names)
    if also is not None:
        lines.append(also)
    if not plan.steps:
        lines.append("Nothing to plan: no gap in this family is worth a step.")
    for s in plan.steps:
        lines.append("")
        first, last = s.weeks
        head = Text(f"{s.number:>3}. ")
        head.append(f"week {first}: " if first == last else f"weeks {first}-{last}: ")
        head.append(names[s.gap.skill_id], style="bold")
        head.append(
            f"  you {s.gap.have}{inferred(s.gap.skill_id, result.implied, names)} → "
            f"{s.gap.target} · {points(s.gap.impact)} · {unlocks_text(s.unlocks)}"
        )
        lines.append(head)
        if s.after:
            after = "after " + ", ".join(names[a] for a in s.after)
            lines.append(indented(Text(after, style="dim"), 5))
        lines.extend(_study_lines(resources.get(s.gap.skill_id, ()), 5))
    lines.append("")
    lines.append(Text(_plan_summary(plan), style="dim"))
    print_lines(lines)


def _plan_summary(plan: Plan) -> str:
    done = len(plan.steps)
    text = f"{done} step{'s' if done != 1 else ''} over {plan.total_weeks} weeks"
    if done < plan.asked:
        if plan.budget is not None and plan.left_out:
            text += (
                f"; only {done} of the {plan.asked} steps asked for fit in {plan.budget} weeks "
                "at this pace (raise --weeks for more)"
            )
        else:
            text += f"; only {done} gaps are worth a step"
    return text + "."
