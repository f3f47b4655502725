"""Terminal view of `plan`: a study plan week by week (rich)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.text import Text

from careergap.views.figures import GUIDANCE
from careergap.views.terminal import indented, points, print_lines
from careergap.views.terminal_gaps import (
    also_asked_line,
    family_line,
    inferred,
    study_lines,
    unlocks_text,
)

if TYPE_CHECKING:
    from careergap.engine.questions import FamilyResult
    from careergap.scoring.planning import Plan

#: How the plan's weeks are counted, printed under its title.
PLAN_LEGEND = (
    "Steps are ordered by postings unlocked, then coverage gained, per week of study; "
    "weeks assume about five hours a week (see README: effort per level)."
)


def print_plan(
    result: FamilyResult,
    plan: Plan,
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> None:
    lines: list[str | Text | Padding] = [
        Text(f"Study plan for {family_line(result.score)}", style="bold"),
        Text(f"{GUIDANCE} {PLAN_LEGEND}", style="dim"),
    ]
    also = also_asked_line(result, names)
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
        lines.extend(study_lines(resources.get(s.gap.skill_id, ()), 5))
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
