"""JSON payloads of the scoring commands: the ``--json`` contract.

Keys are stable and documented in the README; every payload carries ``schema_version``.
Floats are rounded so output is the same byte for byte on every platform.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careergap.engine.questions import AlsoAsked, FamilyResult
from careergap.scoring.entries import Evidence
from careergap.scoring.gaps import CrossGap, GapSource
from careergap.scoring.implied import Implied
from careergap.scoring.score import FamilyScore, LedgerRow
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:  # types only: `match` and `whatif` load neither the quotes nor the planner
    from careergap.engine.gapdetail import GapDetail, GapQuote
    from careergap.scoring.diffing import CoverageChange
    from careergap.scoring.planning import Plan

#: Digits kept in JSON floats: enough for a coverage of 0.1234 = 12.34%.
FLOAT_DIGITS = 4
#: Length of a quoted posting line before it is cut with an ellipsis.
QUOTE_CHARS = 160


def _r(value: float) -> float:
    return round(value, FLOAT_DIGITS)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A posting line shortened for display, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def evidence_json(ev: Evidence) -> dict[str, Any]:
    return {
        "posting_id": ev.entry.id,
        "title": ev.entry.title,
        "kind": ev.entry.kind,
        "required": ev.requirement.weight >= 1.0,
        "text": ev.requirement.text,
        "source": ev.source,
    }


def resource_json(attached: Any) -> dict[str, Any]:
    """A study resource as every command shows it (see ``resources.AttachedResource``)."""
    payload: dict[str, Any] = attached.to_payload()
    return payload


def family_json(score: FamilyScore) -> dict[str, Any]:
    return {
        "id": score.family_id,
        "name": score.name,
        "coverage": _r(score.coverage),
        "coverage_low": _r(score.coverage_low),
        "coverage_high": _r(score.coverage_high),
        "rank_score": None if score.rank_score is None else _r(score.rank_score),
        "focus": _r(score.focus),
        "postings": score.postings,
        "notes": score.notes,
        "qualifying": score.qualifying,
        "low_sample": score.low_sample,
    }


def match_json(
    profile: str, results: Sequence[FamilyResult], names: Mapping[str, str], top_missing: int
) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": profile,
        "families": [
            {
                **family_json(r.score),
                "top_missing": [
                    {"skill_id": g.skill_id, "skill": names[g.skill_id], "impact": _r(g.impact)}
                    for g in r.gaps[:top_missing]
                ],
                "also_asked": also_asked_json(r, names),
            }
            for r in results
        ],
    }


def quote_json(found: GapQuote | None) -> dict[str, Any] | None:
    """The clause quoted for a gap; ``marks`` are [start, end) offsets of the skill in ``text``."""
    if found is None:
        return None
    return {
        "text": found.quote.text,
        "source": found.source,
        "level": found.quote.level,
        "marks": [list(mark) for mark in found.quote.marks],
        "required": found.required,
        "kind": found.quote.kind,
        "posting_id": found.evidence.entry.id,
        "line_text": found.evidence.requirement.text,
    }


def partial_json(detail: GapDetail, names: Mapping[str, str]) -> dict[str, Any] | None:
    if detail.partial_via is None:
        return None
    return {
        "credit": _r(detail.credit),
        "via_id": detail.partial_via,
        "via": names[detail.partial_via],
        "via_level": detail.via_level,
    }


def inferred_json(skill_id: str, implied: Mapping[str, Implied], names: Mapping[str, str]) -> Any:
    """``{"skill_id", "skill", "level"}`` of the written skill an inferred level comes from."""
    found = implied.get(skill_id)
    if found is None:
        return None
    return {"skill_id": found.source, "skill": names[found.source], "level": found.source_level}


def gap_json(
    detail: GapDetail,
    names: Mapping[str, str],
    resources: Sequence[Any],
    implied: Mapping[str, Implied] | None = None,
) -> dict[str, Any]:
    gap = detail.gap
    return {
        "skill_id": gap.skill_id,
        "skill": names[gap.skill_id],
        "impact": _r(gap.impact),
        "demand": _r(gap.demand),
        "have": gap.have,
        "inferred_from": inferred_json(gap.skill_id, implied or {}, names),
        "target": gap.target,
        "quote": quote_json(detail.quote),
        "resources": [resource_json(a) for a in resources],
        "credit": _r(detail.credit),
        "partial": partial_json(detail, names),
        "unlocks": detail.unlocks,
        "tier": gap.tier,
    }


def also_asked_json(result: FamilyResult, names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Non-technical skills the family's postings name, shown apart from the gaps."""
    return [also_asked_item(a, names) for a in result.also_asked]


def also_asked_item(item: AlsoAsked, names: Mapping[str, str]) -> dict[str, Any]:
    return {
        "skill_id": item.skill_id,
        "skill": names[item.skill_id],
        "kind": item.kind,
        "demand": _r(item.demand),
    }


def source_json(source: GapSource | None) -> dict[str, Any]:
    """``postings_asking`` and ``top_posting_share``: whether one posting supplies most of it."""
    if source is None:
        return {}
    return {
        "postings_asking": source.postings,
        "top_posting_share": _r(source.top_share),
        "one_posting": source.one_posting,
    }


def gaps_json(
    result: FamilyResult,
    details: Sequence[GapDetail],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
    sources: Mapping[str, GapSource] | None = None,
) -> dict[str, Any]:
    found = sources or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "family": family_json(result.score),
        "gaps": [
            {
                **gap_json(d, names, resources.get(d.gap.skill_id, ()), result.implied),
                **source_json(found.get(d.gap.skill_id)),
            }
            for d in details
        ],
        "also_asked": also_asked_json(result, names),
    }


def cross_gaps_json(
    families: Sequence[FamilyScore],
    gaps: Sequence[CrossGap],
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
    unlocked: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, Any]:
    unlocked = unlocked or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "families": [family_json(f) for f in families],
        "gaps": [
            {
                "skill_id": g.skill_id,
                "skill": names[g.skill_id],
                "impact": _r(g.impact),
                "families": [
                    {
                        "id": fid,
                        "impact": _r(v),
                        "unlocks": unlocked.get(g.skill_id, {}).get(fid, 0),
                    }
                    for fid, v in g.families
                ],
                "resources": [resource_json(a) for a in resources.get(g.skill_id, ())],
                "unlocks": sum(unlocked.get(g.skill_id, {}).values()),
            }
            for g in gaps
        ],
    }


def ledger_row_json(
    row: LedgerRow, names: Mapping[str, str], implied: Mapping[str, Implied] | None = None
) -> dict[str, Any]:
    return {
        "inferred_from": inferred_json(row.skill_id, implied or {}, names),
        "skill_id": row.skill_id,
        "skill": names[row.skill_id],
        "demand": _r(row.demand),
        "weight": _r(row.weight),
        "credit": _r(row.credit),
        "contribution": _r(row.contribution),
        "partial": row.partial,
    }


def explain_json(
    score: FamilyScore,
    rows: Sequence[LedgerRow],
    names: Mapping[str, str],
    evidence: Sequence[Evidence] | None = None,
    implied: Mapping[str, Implied] | None = None,
    apart: AlsoAsked | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "family": family_json(score),
        "ledger": [ledger_row_json(r, names, implied) for r in rows],
    }
    if evidence is not None:
        payload["evidence"] = [evidence_json(ev) for ev in evidence]
        # With --skill: a soft skill, language, degree or domain has no ledger row; say why.
        payload["also_asked"] = None if apart is None else also_asked_item(apart, names)
    return payload


def whatif_json(rows: Sequence[CoverageChange], changes: Mapping[str, int]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "changes": [{"skill_id": sid, "level": lvl} for sid, lvl in sorted(changes.items())],
        "families": [
            {
                "id": r.family_id,
                "name": r.name,
                "before": _r(r.before),
                "coverage": _r(r.after),
                "delta": _r(r.delta),
                "rank_score": None if r.fit is None else _r(r.fit),
            }
            for r in rows
        ],
    }


def plan_json(
    result: FamilyResult,
    plan: Plan,
    names: Mapping[str, str],
    resources: Mapping[str, Sequence[Any]],
) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "family": family_json(result.score),
        "also_asked": also_asked_json(result, names),
        "weeks": plan.budget,
        "steps": [
            {
                "step": s.number,
                "skill_id": s.gap.skill_id,
                "skill": names[s.gap.skill_id],
                "impact": _r(s.gap.impact),
                "have": s.gap.have,
                "target": s.gap.target,
                "after": list(s.after),
                "weeks": list(s.weeks),
                "resources": [resource_json(a) for a in resources.get(s.gap.skill_id, ())],
                "effort_weeks": s.effort,
                "unlocks": s.unlocks,
            }
            for s in plan.steps
        ],
        "steps_asked": plan.asked,
        "total_weeks": plan.total_weeks,
        "left_out": plan.left_out,
    }
