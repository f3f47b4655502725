"""What to study: the resources for a list of gaps, and a week-by-week study plan for a family.

Both are answers over the same workspace and levels as `gaps`: the plan orders the family's
gaps (``careergap.scoring.planning``) with prerequisites from the taxonomy and the postings
each step unlocks (``careergap.engine.gapdetail``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from careergap.corpus.resources import AttachedResource, resources_for
from careergap.engine.gapdetail import plan_unlocks
from careergap.engine.questions import FamilyResult, family_gaps
from careergap.reading.taxonomy import specific_ancestors
from careergap.store.workspace import Workspace

if TYPE_CHECKING:
    from careergap.scoring.planning import Plan


def attach_resources(
    ws: Workspace, skill_ids: Sequence[str], limit: int | None
) -> dict[str, list[AttachedResource]]:
    """Study resources per skill (at most ``limit`` each; None: all)."""
    return {sid: resources_for(sid, ws.taxonomy, limit=limit) for sid in skill_ids}


def study_plan(
    ws: Workspace, levels: Mapping[str, int], family_id: str, steps: int, weeks: int | None
) -> tuple[FamilyResult, Plan]:
    """The family's gaps and the plan made of them: ``steps`` steps, within ``weeks``."""
    # Lazy: start-up; `gaps` attaches resources from this module but makes no plan.
    from careergap.scoring.planning import make_plan

    result = family_gaps(ws, levels, family_id)
    plan = make_plan(
        result.gaps,
        lambda skill_id: specific_ancestors(ws.taxonomy, skill_id),
        steps=steps,
        weeks=weeks,
        unlocks=plan_unlocks(ws, levels, family_id),
    )
    return result, plan
