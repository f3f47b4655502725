"""What changed between two versions of a profile, and what that did to each family's coverage.

Pure functions over skill-level mappings and coverages; scoring both versions against the
workspace is the engine's (``careergap.engine.questions.diff_profiles``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["gained", "up", "down", "dropped"]


@dataclass(frozen=True)
class CoverageChange:
    """A family's coverage before and after a change to the levels (whatif, diff)."""

    family_id: str
    name: str
    before: float
    after: float
    #: The fit after the change, which `whatif` orders by (None where not ranked: diff).
    fit: float | None = None

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class LevelChange:
    """One skill whose level differs; ``before``/``after`` are 0 when the skill is absent."""

    skill_id: str
    before: int
    after: int

    @property
    def kind(self) -> ChangeKind:
        if self.before == 0:
            return "gained"
        if self.after == 0:
            return "dropped"
        return "up" if self.after > self.before else "down"


@dataclass(frozen=True)
class ProfileDiff:
    """Level changes (by skill id) and coverage changes (largest gain first)."""

    changes: tuple[LevelChange, ...]
    families: tuple[CoverageChange, ...]


def level_changes(old: Mapping[str, int], new: Mapping[str, int]) -> list[LevelChange]:
    """Every skill whose level differs (absent counts as 0), sorted by skill id."""
    return [
        LevelChange(sid, old.get(sid, 0), new.get(sid, 0))
        for sid in sorted(set(old) | set(new))
        if old.get(sid, 0) != new.get(sid, 0)
    ]


def improvements(old: Mapping[str, int], new: Mapping[str, int]) -> list[LevelChange]:
    """Skills gained or levelled up, sorted by skill id."""
    return [c for c in level_changes(old, new) if c.kind in ("gained", "up")]


def coverage_changes(
    before: Mapping[str, float], after: Mapping[str, float], names: Mapping[str, str]
) -> list[CoverageChange]:
    """Coverage per family in both versions: biggest gain first, then by name and id."""
    rows = [
        CoverageChange(fid, names.get(fid, fid), before.get(fid, 0.0), after.get(fid, 0.0))
        for fid in sorted(set(before) | set(after))
    ]
    return sorted(rows, key=lambda r: (-round(r.delta, 9), -r.after, r.name, r.family_id))
