"""Progress over a profile's snapshots: each family's coverage run by run, and the skills
gained since the first snapshot (what `careergap progress` and the report show as trends)."""

from __future__ import annotations

from dataclasses import dataclass

from careergap.scoring.diffing import LevelChange, improvements
from careergap.store.history import Snapshot


@dataclass(frozen=True)
class FamilyTrend:
    """One family's coverage in each snapshot (None where that run did not score it)."""

    family_id: str
    values: tuple[float | None, ...]

    @property
    def known(self) -> list[float]:
        return [v for v in self.values if v is not None]

    @property
    def latest(self) -> float:
        return self.known[-1]

    @property
    def since_first(self) -> float:
        """Change from the first snapshot that scored the family to the latest."""
        return self.known[-1] - self.known[0]

    @property
    def since_last(self) -> float:
        """Change from the previous scored snapshot to the latest (0 with one snapshot)."""
        known = self.known
        return known[-1] - known[-2] if len(known) > 1 else 0.0


@dataclass(frozen=True)
class Progress:
    """Trends per family (best latest coverage first) and skills gained or levelled up."""

    snapshots: tuple[Snapshot, ...]
    trends: tuple[FamilyTrend, ...]
    #: Skills gained or levelled up from the first snapshot to the latest.
    improved: tuple[LevelChange, ...]


def progress(snaps: list[Snapshot], only: tuple[str, ...] = ()) -> Progress:
    """Trends over the given snapshots (oldest first), optionally for some families only."""
    family_ids = sorted({fid for s in snaps for fid in s.coverages})
    if only:
        family_ids = [fid for fid in family_ids if fid in only]
    trends = [FamilyTrend(fid, tuple(s.coverages.get(fid) for s in snaps)) for fid in family_ids]
    trends.sort(key=lambda t: (-t.latest, -t.since_first, t.family_id))
    improved = improvements(snaps[0].levels, snaps[-1].levels) if snaps else []
    return Progress(tuple(snaps), tuple(trends), tuple(improved))
