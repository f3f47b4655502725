"""Terminal views of gaps, the score ledger, and what-if rankings (rich)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group
from rich.text import Text

from careergap.engine import CoverageChange, FamilyResult
from careergap.payloads import quote
from careergap.planning import Step
from careergap.render import (
    GUIDANCE,
    pct,
    points,
    print_lines,
    print_renderable,
    sample,
    table,
)
from careergap.scoring import CrossGap, Evidence, FamilyScore, Gap, LedgerRow


def _family_line(score: FamilyScore) -> str:
    """``Machine Learning Engineer: 62% coverage · qualify 39/91 · 91 postings``."""
    return (
        f"{score.name}: {pct(score.coverage)} coverage · qualify "
        f"{score.qualifying}/{score.postings} · {sample(score.postings, score.notes)}"
        + (" (low sample)" if score.low_sample else "")
    )


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


def _why_cell(evidence: Evidence, resources: Sequence[Any]) -> Group:
    quoted = Text(f"“{quote(evidence.requirement.text, 110)}” ", style="italic")
    quoted.append(evidence.source, style="dim")
    parts: list[Text] = [quoted]
    none_yet = Text("no study resource in the source documents yet", "dim")
    parts.extend(_resource_lines(resources) or [none_yet])
    return Group(*parts)


def print_gaps(
    result: FamilyResult,
    gaps: Sequence[Gap],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> None:
    print_lines([_family_line(result.score)])
    if not gaps:
        print_lines(["No gaps: your profile meets every requirement this family's postings name."])
        return
    rows = [
        (
            str(i),
            names[g.skill_id],
            points(g.impact),
            pct(g.demand),
            f"{g.have} → {g.target}",
            _why_cell(g.evidence, resources.get(g.skill_id, ())),
        )
        for i, g in enumerate(gaps, 1)
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("Skill", {"no_wrap": True}),
        ("Impact", {"justify": "right", "no_wrap": True}),
        ("Demand", {"justify": "right"}),
        ("Level", {"no_wrap": True}),
        ("Asked for in / study", {"ratio": 1}),
    ]
    caption = (
        f"{GUIDANCE} Impact: coverage points gained at the target level. "
        f"Demand: share of the family's postings that ask for it."
    )
    print_renderable(table(None, columns, rows, caption=caption))


def print_cross_gaps(
    families: Sequence[FamilyScore],
    gaps: Sequence[CrossGap],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> None:
    family_names = {f.family_id: f.name for f in families}
    print_lines(["What to learn next, across:"] + [f"  {_family_line(f)}" for f in families])
    rows = []
    for i, g in enumerate(gaps, 1):
        helps = ", ".join(f"{family_names[fid]} {points(v)}" for fid, v in g.families)
        cell = Group(Text(helps), *_resource_lines(resources.get(g.skill_id, ())))
        rows.append((str(i), names[g.skill_id], points(g.impact), cell))
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("Skill", {"no_wrap": True}),
        ("Total impact", {"justify": "right", "no_wrap": True}),
        ("Helps / study", {"ratio": 1}),
    ]
    print_renderable(table(None, columns, rows, caption=GUIDANCE))


def print_explain(
    score: FamilyScore,
    rows: Sequence[LedgerRow],
    names: Mapping[str, str],
    evidence: Sequence[Evidence] | None,
) -> None:
    print_lines([_family_line(score)])
    body = [
        (
            names[r.skill_id] + (" (partial)" if r.partial else ""),
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
    total = sum(r.contribution for r in rows)
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
    if evidence is None:
        return
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
        )
        for i, r in enumerate(rows, 1)
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("Role family", {}),
        ("Before", {"justify": "right"}),
        ("After", {"justify": "right"}),
        ("Delta", {"justify": "right"}),
    ]
    print_renderable(table(None, columns, body, caption=GUIDANCE))


def print_plan(
    result: FamilyResult,
    plan: Sequence[Step],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> None:
    print_lines([f"Study plan for {_family_line(result.score)}"])
    if not plan:
        print_lines(["Nothing to plan: no gap in this family is worth a step."])
        return
    rows = []
    for s in plan:
        when = (
            ""
            if s.weeks is None
            else (
                f"week {s.weeks[0]}"
                if s.weeks[0] == s.weeks[1]
                else f"weeks {s.weeks[0]}-{s.weeks[1]}"
            )
        )
        about = Text(f"{points(s.gap.impact)}, level {s.gap.have} → {s.gap.target}")
        if s.after:
            about.append(" · after " + ", ".join(names[a] for a in s.after), style="dim")
        cell = Group(about, *_resource_lines(resources.get(s.gap.skill_id, ())))
        rows.append((str(s.number), when, names[s.gap.skill_id], cell))
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("When", {"no_wrap": True}),
        ("Skill", {"no_wrap": True}),
        ("Why / study", {"ratio": 1}),
    ]
    print_renderable(table(None, columns, rows, caption=GUIDANCE))
