"""Merge re-pasted duplicate postings, keeping one and recording the others' sources.

Two postings are the same ad when their requirement lines overlap almost entirely (lines
compared by letters and digits only: re-pastes lose trailing periods) and their titles do not
tell them apart:

* one of them has no title (the re-paste lost it), or
* the titles are equal ignoring case and punctuation, or
* the titles are close (``TITLE_SIMILARITY``) and name the same seniority.

An untitled block whose lines are (almost) all inside another posting is a partial re-paste
of it, whatever the sizes. Titles at different levels keep postings apart even when the text
is shared (Axiomise's Principal and Staff Formal Verification Engineer ads are separate
postings). The kept copy is the first titled one in seed order, else the longest.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

#: Share of the shorter posting's lines that must also be in the longer one.
LINE_OVERLAP = 0.8
#: The shorter posting must have at least this share of the longer one's lines (a re-paste,
#: not a posting that quotes a few lines of another).
SIZE_RATIO = 0.7
#: difflib ratio above which two different spellings name the same job ("MLOps Engineer -
#: Deep Learning & HPC" vs "MLOps Engineer, DL & HPC").
TITLE_SIMILARITY = 0.75
_SENIORITY = re.compile(
    r"\b(?:principal|staff|senior|sr|junior|jr|lead|manager|director|head|intern|"
    r"internship|ii|iii|iv|chief|vp)\b",
    re.IGNORECASE,
)


def line_key(text: str) -> str:
    """A requirement line compared for duplicates: lower-case words, no punctuation."""
    return " ".join(re.findall(r"[0-9a-z]+", text.casefold()))


def title_key(title: str | None) -> str:
    """Title compared for duplicates: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", (title or "").casefold())


def same_title(a: str | None, b: str | None) -> bool:
    """Titles that do not tell two postings apart (see module docstring)."""
    if not a or not b or title_key(a) == title_key(b):
        return True
    levels_a = {w.lower() for w in _SENIORITY.findall(a)}
    levels_b = {w.lower() for w in _SENIORITY.findall(b)}
    ratio = difflib.SequenceMatcher(None, title_key(a), title_key(b)).ratio()
    return levels_a == levels_b and ratio >= TITLE_SIMILARITY


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|A ∩ B| / min(|A|, |B|), 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


#: A partial re-paste must share at least this many lines (two shared lines are a coincidence)
#: and nearly all of its own lines (a block quoting a few lines of another is its own ad).
MIN_SHARED = 3
PARTIAL_OVERLAP = 0.9


def is_duplicate(a: frozenset[str], b: frozenset[str], partial: bool = False) -> bool:
    """Near-identical line sets; with ``partial``, the smaller set may be much smaller."""
    small, large = sorted((len(a), len(b)))
    if large == 0 or overlap(a, b) < LINE_OVERLAP:
        return False
    if partial:
        return len(a & b) >= MIN_SHARED and overlap(a, b) >= PARTIAL_OVERLAP
    return small / large >= SIZE_RATIO


def _same_ad(a: tuple[str | None, frozenset[str]], b: tuple[str | None, frozenset[str]]) -> bool:
    (title_a, lines_a), (title_b, lines_b) = a, b
    smaller_title = title_a if len(lines_a) <= len(lines_b) else title_b
    # lines first: cheap set arithmetic rules out almost every pair before difflib runs
    return is_duplicate(lines_a, lines_b, partial=not smaller_title) and same_title(
        title_a, title_b
    )


def find_duplicates(items: Sequence[tuple[str, str | None, Sequence[str]]]) -> dict[str, str]:
    """Map each duplicate's id to the id it merges into.

    ``items`` are ``(id, title or None, requirement line texts)`` in seed order.
    """
    groups: list[list[tuple[str, str | None, frozenset[str]]]] = []
    for pid, title, texts in items:
        lines = frozenset(line_key(t) for t in texts)
        group = next(
            (g for g in groups if any(_same_ad((title, lines), (t, ls)) for _, t, ls in g)),
            None,
        )
        if group is None:
            groups.append([(pid, title, lines)])
        else:
            group.append((pid, title, lines))
    merged: dict[str, str] = {}
    for group in groups:
        longest = max(group, key=lambda item: len(item[2]))[0]
        keeper = next((pid for pid, title, _ in group if title), longest)
        merged.update({pid: keeper for pid, _, _ in group if pid != keeper})
    return merged
