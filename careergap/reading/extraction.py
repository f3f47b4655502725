"""What ``careergap extract`` shows: the lines that mention each skill (its ``--json`` bytes
are written by ``careergap.views.extraction``).

A large file has hundreds of thousands of mentions, so this avoids per-mention objects: line
numbers come from a bisect over the line starts, and the earliest mention of each skill from
one C-level pass.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterable, Sequence

from careergap.reading.extractor import Mention

#: A mention's skill id and start offset, read in C.
_SKILL_ID, _START = operator.itemgetter(0), operator.itemgetter(1)


def line_numbers(lines: Sequence[str], mentions: Iterable[Mention]) -> dict[str, list[int]]:
    """Skill id -> the sorted 1-based numbers of the ``lines`` (the text split at "\\n") that
    mention it, each once; skills sorted by id."""
    line_starts = _line_starts(lines)
    numbers: dict[str, list[int]] = {}
    line_of = bisect.bisect_right  # the 1-based line: the count of line starts <= the offset
    for skill_id, start, _end, _surface in mentions:
        found = numbers.get(skill_id)
        if found is None:
            found = numbers[skill_id] = []
        found.append(line_of(line_starts, start))
    return {sid: sorted(set(numbers[sid])) for sid in sorted(numbers)}


def _line_starts(lines: Sequence[str]) -> list[int]:
    """The offset where each line starts; ``bisect_right`` of an offset is its 1-based line."""
    # From the line lengths, not a walk over every character: a hot spot on large files.
    return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def first_lines(text: str, mentions: Sequence[Mention]) -> dict[str, tuple[int, str]]:
    """Skill id -> (1-based number, stripped text) of the first line that mentions it, skills
    sorted by id. ``mentions`` must be sorted by start, as :meth:`Extractor.find` returns them."""
    # The earliest mention of each skill, in C: later pairs of a dict() win, so go backwards.
    earliest = dict(
        zip(map(_SKILL_ID, reversed(mentions)), map(_START, reversed(mentions)), strict=True)
    )
    lines = text.split("\n")
    line_starts = _line_starts(lines)
    found = {}
    for sid in sorted(earliest):
        number = bisect.bisect_right(line_starts, earliest[sid])
        found[sid] = (number, lines[number - 1].strip())
    return found
