"""Why a family's coverage moved between two snapshots: the profile, or the corpus.

A snapshot records the corpus it was scored against (``history.CorpusStamp``). When two
snapshots used the same corpus, all movement is the profile's. Otherwise both snapshots' skill
levels are rescored against the current corpus: the difference is the profile's share, measured
on one corpus; the rest of the movement is the corpus's (new or removed postings, the person's
own postings, a new taxonomy or careergap version). The two parts add up to the movement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from careergap.engine.questions import coverages
from careergap.store.history import CorpusStamp, Snapshot

if TYPE_CHECKING:
    from careergap.store.workspace import Workspace

#: same: both snapshots used one corpus; changed: they used different ones; unknown: at least
#: one predates recording it (careergap then measures the profile's part on today's corpus).
CorpusChange = Literal["same", "changed", "unknown"]


@dataclass(frozen=True)
class Movement:
    """One family's coverage change from the first snapshot to the latest, split by cause."""

    family_id: str
    total: float
    profile: float
    corpus: float


@dataclass(frozen=True)
class Causes:
    change: CorpusChange
    first: CorpusStamp | None
    last: CorpusStamp | None
    movements: tuple[Movement, ...]

    def by_family(self) -> dict[str, Movement]:
        return {m.family_id: m for m in self.movements}


def corpus_change(first: Snapshot, last: Snapshot) -> CorpusChange:
    if first.corpus is None or last.corpus is None:
        return "unknown"
    return "same" if first.corpus.fingerprint == last.corpus.fingerprint else "changed"


def needs_rescoring(snaps: Sequence[Snapshot]) -> bool:
    """Whether splitting the movement needs today's corpus (the snapshots' corpora differ)."""
    return len(snaps) > 1 and corpus_change(snaps[0], snaps[-1]) != "same"


def attribute(
    snaps: Sequence[Snapshot],
    family_ids: Sequence[str],
    rescore: Mapping[str, Mapping[str, float]] | None = None,
) -> Causes | None:
    """Split each family's movement from the first snapshot to the latest into the profile's
    part and the corpus's. ``rescore`` maps "first" and "last" to coverages of those snapshots'
    levels on today's corpus; it is needed unless both used the same corpus."""
    if len(snaps) < 2:
        return None
    first, last = snaps[0], snaps[-1]
    change = corpus_change(first, last)
    movements = []
    for fid in family_ids:
        if fid not in first.coverages or fid not in last.coverages:
            continue
        total = last.coverages[fid] - first.coverages[fid]
        if change == "same":
            profile = total
        else:
            assert rescore is not None, "rescoring is needed when the corpus differs"
            profile = rescore["last"].get(fid, 0.0) - rescore["first"].get(fid, 0.0)
        movements.append(Movement(fid, total, profile, total - profile))
    return Causes(change, first.corpus, last.corpus, tuple(movements))


def rescore(ws: Workspace, snaps: Sequence[Snapshot]) -> dict[str, dict[str, float]]:
    """The first and latest snapshots' levels scored against today's corpus."""

    return {"first": coverages(ws, snaps[0].levels), "last": coverages(ws, snaps[-1].levels)}
