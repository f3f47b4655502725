"""What scoring reads about a posting: its entry (requirements, kind, source) and evidence.

The data shared by demand compilation (``careergap.scoring.demand``) and scoring
(``careergap.scoring.score``); no logic beyond a weight and a citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from careergap.models import USER_POSTING_PREFIX
from careergap.reading.requirements import Requirement

#: A topic-notes entry counts this much of a real posting in a family's mean.
NOTES_WEIGHT = 0.5

EntryKind = Literal["posting", "notes"]


@dataclass(frozen=True)
class EntryInfo:
    """Which posting (or topic-notes entry) a quote comes from."""

    id: str
    title: str
    kind: EntryKind
    #: The seed file (or user file) the requirement line numbers refer to.
    source_file: str


@dataclass(frozen=True)
class Entry:
    """A posting (or topic-notes entry) prepared for scoring."""

    id: str
    title: str
    kind: EntryKind
    families: tuple[str, ...]
    #: The seed file (or user file) the requirement line numbers refer to.
    source_file: str
    requirements: tuple[Requirement, ...]
    #: ISO date the posting is aged from: the day it says it was posted, else the day the
    #: person stored it; None for the curated corpus (the seeds state no dates).
    date: str | None = None
    #: True when ``date`` is the date the ad states, False when it is the day it was stored.
    date_stated: bool = False
    #: Recency weight (careergap.engine.market): 1 unless a half-life is asked for.
    scale: float = 1.0

    @property
    def weight(self) -> float:
        return (1.0 if self.kind == "posting" else NOTES_WEIGHT) * self.scale

    @property
    def own(self) -> bool:
        """A posting the person stored with `postings add`."""
        return self.id.startswith(USER_POSTING_PREFIX)

    @property
    def info(self) -> EntryInfo:
        return EntryInfo(self.id, self.title, self.kind, self.source_file)


@dataclass(frozen=True)
class Evidence:
    """Where a posting asks for a skill: the entry, its requirement and the seed line."""

    entry: EntryInfo
    requirement: Requirement

    @property
    def source(self) -> str:
        return f"{self.entry.source_file}:{self.requirement.line}"
