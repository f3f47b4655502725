"""Terminal views of gaps: one family's (`gaps --role`) and across families (`gaps`) (rich).

The ledger behind a score is drawn by ``terminal_explain``, a study plan by ``terminal_plan``;
both share this module's family line and gap wording."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.text import Text

from careergap.scoring.gaps import TIER_ELSEWHERE, TIER_ONE_POSTING, TIER_WEAK
from careergap.views.figures import GUIDANCE, pct
from careergap.views.sample import one_posting_text, tier_text
from careergap.views.terminal import indented, points, print_lines, sample

if TYPE_CHECKING:
    from careergap.engine.gapdetail import GapDetail
    from careergap.engine.questions import FamilyResult
    from careergap.scoring.gaps import CrossGap, GapSource
    from careergap.scoring.implied import Implied
    from careergap.scoring.score import FamilyScore

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


def family_line(score: FamilyScore) -> str:
    """``Machine Learning Engineer: 62% coverage · qualify 39/91 · 91 postings``."""
    return (
        f"{score.name}: {pct(score.coverage)} coverage · qualify "
        f"{score.qualifying}/{score.postings} · {sample(score.postings, score.notes)}"
        + (" (low sample)" if score.low_sample else "")
    )


#: Non-technical skills named on the "also asked" line.
ALSO_ASKED_SHOWN = 6


def also_asked_line(result: FamilyResult, names: Mapping[str, str]) -> Text | None:
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


def study_lines(resources: Sequence[Any], by: int) -> list[Padding]:
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
    lines: list[str | Text | Padding] = [Text(family_line(result.score), style="bold")]
    lines.append(Text(f"{GUIDANCE} {GAPS_LEGEND}", style="dim"))
    also = also_asked_line(result, names)
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
        lines.extend(study_lines(resources.get(g.skill_id, ()), 5))
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
    lines.extend(indented(family_line(f), 2) for f in families)
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
        lines.extend(study_lines(resources.get(g.skill_id, ()), 5))
    print_lines(lines)
