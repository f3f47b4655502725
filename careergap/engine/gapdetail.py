"""What a gap line says beyond its impact: the quote, partial credit, and postings it unlocks.

Joins the scoring core (``careergap.scoring.score``) with the family's postings and the quote rules
(``careergap.reading.quotes``). Every number here comes from the same scoring functions as `match`:
"unlocks" rescores the family with the skill at the gap's level and counts the postings that
newly qualify.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careergap.engine.questions import evidence_by_skill, family_gaps
from careergap.reading.quotes import KIND_ORDER, QUOTE_CHARS, Quote, make_quote
from careergap.scoring.entries import Evidence
from careergap.scoring.gaps import Gap
from careergap.scoring.score import CreditModel, ask_values, qualifying_count, score_family

if TYPE_CHECKING:
    from careergap.store.workspace import Workspace

Find = Callable[[str], Sequence[Any]]


@dataclass(frozen=True)
class GapQuote:
    """A clause of one posting line that asks for the skill."""

    quote: Quote
    evidence: Evidence

    @property
    def source(self) -> str:
        return self.evidence.source

    @property
    def required(self) -> bool:
        return self.evidence.requirement.weight >= 1.0


@dataclass(frozen=True)
class GapDetail:
    gap: Gap
    #: Credit the profile already earns at the gap's level (0..1), direct or partial.
    credit: float
    #: The skill that earns it when the credit is partial (a related or narrower skill).
    partial_via: str | None
    #: The profile's level in ``partial_via`` (0 when there is none).
    via_level: int
    #: Postings the profile would newly qualify for with the skill at the gap's level.
    unlocks: int
    #: The clause that asks for the skill, or None when only company prose names it.
    quote: GapQuote | None


def unlocks(
    ws: Workspace,
    model: CreditModel,
    family_id: str,
    skill_id: str,
    level: int,
    levels: Mapping[str, int] | None = None,
    before: int | None = None,
    values: Sequence[float] | None = None,
) -> int:
    """How many more of the family's postings qualify with ``skill_id`` raised to ``level``.

    With the profile's written ``levels``, the raised skill also shows its umbrellas, as it
    would once written in the profile (careergap.scoring.implied). ``before``: the postings
    ``model`` qualifies for, when the caller already counted them (:func:`qualifying`), and
    ``values``, ``model``'s credit for each of the family's asks (scoring.score.ask_values)."""
    if model.levels.get(skill_id, 0) >= level:
        return 0
    demand = ws.demand(family_id)
    if before is None:
        before = qualifying(ws, model, family_id)
    raised = (
        model.with_levels({skill_id: level})
        if levels is None
        else ws.model({**levels, skill_id: level})
    )
    # Only the asks naming a skill whose level moved, or one it earns partial credit for, are
    # credited again; the rest keep ``model``'s credit (a cached `gaps` rescored the whole
    # family once per gap shown).
    old, new = model.levels, raised.levels
    moved = {s for s in old.keys() | new.keys() if old.get(s, 0) != new.get(s, 0)}
    moved |= {t for s in tuple(moved) for t in ws.partial_targets.get(s, ())}
    values = [
        value if moved.isdisjoint(options) else raised.ask_credit(options, target).value
        for (options, target), value in zip(
            demand.asks, ask_values(demand, model) if values is None else values, strict=True
        )
    ]
    return qualifying_count(demand, values) - before


def qualifying(ws: Workspace, model: CreditModel, family_id: str) -> int:
    """How many of the family's postings the profile qualifies for."""
    demand = ws.demand(family_id)
    return score_family(family_id, ws.families[family_id].name, demand, model).qualifying


def cross_unlocks(
    ws: Workspace, levels: Mapping[str, int], gaps: Sequence[Any]
) -> dict[str, dict[str, int]]:
    """For cross-family gaps (``scoring.CrossGap``): per skill, per family it helps, the postings
    newly qualified with the skill at the level that family's gap shows."""
    model = ws.model(levels)
    family_ids = sorted({fid for g in gaps for fid, _ in g.families})
    targets = {
        fid: {g.skill_id: g.target for g in family_gaps(ws, levels, fid).gaps} for fid in family_ids
    }
    return {
        g.skill_id: {
            fid: unlocks(ws, model, fid, g.skill_id, targets[fid][g.skill_id], levels)
            for fid, _ in g.families
        }
        for g in gaps
    }


def plan_unlocks(
    ws: Workspace, levels: Mapping[str, int], family_id: str
) -> Callable[[Mapping[str, int], str, int], int]:
    """For ``careergap.scoring.planning``: postings newly qualified by raising a skill to a level
    once the earlier steps' levels are reached, rescored through the scoring core."""
    base = ws.model(levels)

    def count(done: Mapping[str, int], skill_id: str, level: int) -> int:
        if not done:
            return unlocks(ws, base, family_id, skill_id, level, levels)
        written = {**levels, **done}
        return unlocks(ws, ws.model(written), family_id, skill_id, level, written)

    return count


def _quote_rank(candidate: GapQuote, target: int, marked: bool) -> tuple[Any, ...]:
    """Smallest first: a demand on the candidate, required, at the gap's level, from a real
    posting, with few alternatives and the skill found in it; then entry id and line."""
    quote, ev = candidate.quote, candidate.evidence
    return (
        KIND_ORDER[quote.kind],
        not candidate.required,
        quote.level != target,
        ev.entry.kind != "posting",
        abs(quote.level - target),
        len(ev.requirement.options),
        not marked,
        len(quote.text) > QUOTE_CHARS + 2,
        ev.entry.id,
        ev.requirement.line,
    )


def best_quote(
    evidence: Sequence[Evidence], skill_id: str, target: int, find: Find
) -> GapQuote | None:
    """The clause to quote for a gap (see ``_quote_rank``) among the requirements that name
    the skill (engine.questions.evidence_for); never company prose."""
    best: tuple[tuple[Any, ...], GapQuote] | None = None
    for ev in evidence:
        text = ev.requirement.text
        spans = [(m.start, m.end) for m in find(text) if m.skill_id == skill_id]
        # Each mention may sit in a different clause of the line: weigh each of them.
        for i in range(max(1, len(spans))):
            candidate = GapQuote(make_quote(text, spans[i:] + spans[:i]), ev)
            if candidate.quote.kind == "prose":
                continue
            rank = _quote_rank(candidate, target, bool(spans))
            if best is None or rank < best[0]:
                best = (rank, candidate)
    return best[1] if best else None


def detail_gaps(
    ws: Workspace,
    levels: Mapping[str, int],
    family_id: str,
    gaps: Sequence[Gap],
    find: Find | None = None,
) -> list[GapDetail]:
    """Quote, partial credit and unlocks for each of the given gaps of one family."""
    evidence = evidence_by_skill(ws, family_id, [g.skill_id for g in gaps])
    if find is None:
        # What compiling the corpus found in these gaps' lines (Workspace.finder).
        find = ws.finder([ev.requirement.text for found in evidence.values() for ev in found])
    model = ws.model(levels)
    # Counted once for all the gaps (issue 15: 10% of a cached `gaps`' CPU time), as is the
    # credit of every ask, which each gap's unlocks starts from.
    before = qualifying(ws, model, family_id)
    values = ask_values(ws.demand(family_id), model)
    out = []
    for gap in gaps:
        credit = model.option_credit(gap.skill_id, gap.target)
        via = credit.by if credit.partial else None
        out.append(
            GapDetail(
                gap=gap,
                credit=credit.value,
                partial_via=via,
                via_level=model.levels.get(via, 0) if via else 0,
                unlocks=unlocks(
                    ws, model, family_id, gap.skill_id, gap.target, levels, before, values
                ),
                quote=best_quote(evidence[gap.skill_id], gap.skill_id, gap.target, find),
            )
        )
    return out
