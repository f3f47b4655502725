"""How many postings a number rests on, stated the same way by every command and the report.

A posting counts once it names enough skills to be scored (``store.workspace.MIN_SKILLS_TO_SCORE``);
`match`, `gaps`, `plan`, `explain`, `roles` and the report all take their counts from here (or
from a family's compiled demand, which holds the same scored entries), and word them with
:func:`sample_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careergap.scoring.gaps import TIER_ELSEWHERE, TIER_WEAK
from careergap.scoring.score import LOW_SAMPLE_POSTINGS
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Mapping

    from careergap.scoring.gaps import Gap, GapSource
    from careergap.scoring.implied import Implied
    from careergap.store.workspace import Workspace

#: What the figures of a family ranking mean, and the one its order follows (`match`, report).
RANK_LEGEND = (
    "Coverage: what the family asks for that you meet (range: 95% interval over its postings). "
    "Focus: what you offer that it asks for. Order: fit, the mean of the two, focus counting "
    "less for a family with few postings, less half a standard error."
)

#: Most demanded skills listed per family by `roles`.
TOP_SKILLS = 5


def scored_postings(ws: Workspace) -> int:
    """Distinct real postings that count in some family's score (the corpus-wide figure)."""
    return ws.scored_postings


def sample_text(postings: int, notes: int, low_sample: bool | None = None) -> str:
    """``90 postings``, ``4 postings + 1 topic note (low sample)``: the one wording of a sample.

    ``low_sample`` defaults to the scoring rule (fewer than LOW_SAMPLE_POSTINGS postings).
    """
    text = f"{postings} posting{'s' if postings != 1 else ''}"
    if notes:
        text += f" + {notes} topic note{'s' if notes != 1 else ''}"
    if low_sample is None:
        low_sample = postings < LOW_SAMPLE_POSTINGS
    return text + (" (low sample)" if low_sample else "")


def one_posting_text(source: GapSource | None) -> str:
    """`` (1 posting)`` or `` (mostly 1 posting)`` when one posting supplies most of a gap,
    `` (topic notes only)`` when no posting asks for it."""
    if source is None:
        return ""
    if source.postings == 0:
        return " (topic notes only)"
    if not source.one_posting:
        return ""
    return " (1 posting)" if source.postings == 1 else " (mostly 1 posting)"


@dataclass(frozen=True)
class FamilySample:
    """A family as `roles` lists it: scored postings and notes, and what its postings ask for."""

    id: str
    name: str
    postings: int
    notes: int
    #: Real postings filed under the family that name too few skills to be scored.
    unscored: int
    #: (skill id, weighted share of the family's scored entries asking for it), largest first.
    top_skills: tuple[tuple[str, float], ...]

    @property
    def low_sample(self) -> bool:
        return self.postings < LOW_SAMPLE_POSTINGS


def family_samples(ws: Workspace, limit: int = TOP_SKILLS) -> list[FamilySample]:
    """Every family in the families file's order, counted as scoring counts it."""
    out = []
    for fid, family in ws.families.items():
        demand = ws.demand(fid)
        real = sum(1 for e in ws.entries.get(fid, ()) if e.kind == "posting")
        ranked = sorted(demand.demand.items(), key=lambda kv: (-round(kv[1], 9), kv[0]))
        out.append(
            FamilySample(
                id=fid,
                name=family.name,
                postings=demand.postings,
                notes=demand.notes,
                unscored=real - demand.postings,
                top_skills=tuple((sid, share) for sid, share in ranked[:limit]),
            )
        )
    return out


def roles_json(samples: list[FamilySample], names: Mapping[str, str]) -> dict[str, object]:
    """`roles --json`: the documented keys, plus ``unscored`` and ``low_sample``."""

    return {
        "schema_version": SCHEMA_VERSION,
        "families": [
            {
                "id": s.id,
                "name": s.name,
                "postings": s.postings,
                "notes": s.notes,
                "top_skills": [
                    {"id": sid, "name": names[sid], "demand": round(share, 3)}
                    for sid, share in s.top_skills
                ],
                "unscored": s.unscored,
                "low_sample": s.low_sample,
            }
            for s in samples
        ],
    }


def tier_text(gap: Gap, implied: Mapping[str, Implied], source: GapSource | None) -> str:
    """Why a gap is listed late, where the rest of its line does not say it already: another
    family's specialty, or a skill your own skills show (an inferred level says so itself)."""
    if gap.tier == TIER_ELSEWHERE:
        return " (another family's specialty)"
    if (
        gap.tier == TIER_WEAK
        and gap.skill_id not in implied
        and (source is None or source.postings)
    ):
        return " (your own skills show it)"
    return ""
