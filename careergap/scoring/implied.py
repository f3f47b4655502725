"""Umbrella skills a profile shows through its specific ones.

Someone who writes "PyTorch: 4" and "CNNs: 4" plainly knows deep learning and machine learning,
and someone with "C++: 5" knows programming; a posting that asks for the umbrella is met by that
evidence. The rule, documented in the README and tested:

- every ancestor of a skill written at level 1 or more (parents, their parents...) is shown;
- its level is the highest level among the written skills under it, one lower when only one
  written skill is under it (a single specific skill is thinner evidence), and at least 1;
- a level written in the profile always wins, even a lower one, and even 0;
- non-technical umbrellas (models.NON_TECHNICAL_CATEGORIES: soft skills, languages...) are never
  inferred: a language's parent "communication" says nothing a posting can check.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: An umbrella backed by fewer written skills than this is shown one level lower.
FULL_EVIDENCE_SKILLS = 2


@dataclass(frozen=True)
class Implied:
    """An umbrella skill's inferred level and the written skill it is shown by."""

    level: int
    #: The written skill with the highest level under the umbrella (ties: by id).
    source: str
    source_level: int
    #: How many written skills sit under the umbrella.
    evidence: int


def implied_levels(
    taxonomy: Taxonomy, levels: Mapping[str, int], apart: frozenset[str] | set[str] = frozenset()
) -> dict[str, Implied]:
    """The umbrellas ``levels`` show but do not write, with their inferred level (see module)."""
    under: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for skill_id, level in levels.items():
        if level <= 0 or skill_id not in taxonomy:
            continue
        for umbrella in taxonomy.ancestors(skill_id):
            under[umbrella].append((level, skill_id))
    result = {}
    for umbrella, found in sorted(under.items()):
        if umbrella in levels or umbrella in apart:
            continue
        level, source = max(found, key=lambda ls: (ls[0], _neg(ls[1])))
        count = len({sid for _, sid in found})
        inferred = level if count >= FULL_EVIDENCE_SKILLS else level - 1
        result[umbrella] = Implied(max(1, inferred), source, level, count)
    return result


@functools.cache
def _neg(skill_id: str) -> tuple[int, ...]:
    """Sort key that makes the smaller id win a ``max``. Kept per id: `gaps` infers the
    umbrellas of the same skills again for each gap it counts unlocks for."""
    return tuple(-ord(c) for c in skill_id)


def with_implied(levels: Mapping[str, int], implied: Mapping[str, Implied]) -> dict[str, int]:
    """Written levels plus inferred ones (written levels win: ``implied`` never holds them)."""
    return {**{k: v.level for k, v in implied.items()}, **levels}


def shown_umbrellas(
    taxonomy: Taxonomy, levels: Mapping[str, int], apart: frozenset[str] | set[str] = frozenset()
) -> frozenset[str]:
    """Every technical umbrella of a skill written at level 1 or more, whether or not the umbrella
    is written too: someone who writes MLOps 4 shows machine learning even beside "machine
    learning: 2". Credit keeps the written level; a gap on such an umbrella is listed last (the
    study is in the specific skills, scoring.gaps.rank_gaps)."""
    return frozenset(
        umbrella
        for skill_id, level in levels.items()
        if level > 0 and skill_id in taxonomy
        for umbrella in taxonomy.ancestors(skill_id)
        if umbrella not in apart
    )
