"""The questions `progress` asks of the history `match` records: whose snapshots to read, and
how coverage moved between them and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careergap.engine import causes, trends
from careergap.errors import ProfileNotFound
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.reading.profile import find_profile
from careergap.store import history
from careergap.store.history import Snapshot

if TYPE_CHECKING:
    from careergap.store.workspace import Workspace


@dataclass(frozen=True)
class History:
    """Whose snapshots (None: every profile's), oldest first; ``others_only`` when that
    profile has none yet but other profiles have some."""

    whose: Path | None
    snapshots: list[Snapshot]
    others_only: bool


def history_of(profile: Path | None) -> History:
    """The snapshots of the profile `match` would use for ``profile``, else every snapshot."""
    try:
        whose: Path | None = find_profile(profile)
    except ProfileNotFound:
        whose = None
    snaps = history.snapshots(whose)
    others_only = not snaps and whose is not None and bool(history.snapshots())
    return History(whose, snaps, others_only)


def explain_progress(
    snaps: list[Snapshot], only: tuple[str, ...], corpus: Callable[[], Workspace]
) -> tuple[trends.Progress, causes.Causes | None]:
    """How coverage moved over ``snaps`` (only the families ``only`` names, if any) and why:
    the profile or the corpus. ``corpus`` is called only when the snapshots must be rescored
    against today's corpus."""
    prog = trends.progress(snaps, only=only)
    rescored = None
    if causes.needs_rescoring(prog.snapshots):
        rescored = causes.rescore(corpus(), prog.snapshots)
    why = causes.attribute(prog.snapshots, [t.family_id for t in prog.trends], rescored)
    return prog, why


def skill_names() -> dict[str, str]:
    """Each skill's display name by id."""
    return {sid: skill.name for sid, skill in taxonomies.load_taxonomy().skills.items()}
