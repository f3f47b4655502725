"""Where a mention's clause starts and ends on its line, for the non-demand tests.

A negation, a cue or a colleague word reaches only the clause it sits in: clauses end at ";",
":", sentence ends, brackets and "but"/"however", so "Python, not Java" excludes Java and keeps
Python. Pure functions over one line of text and a mention's offsets in it.
"""

from __future__ import annotations

import bisect
import functools
import re

#: Where a clause starts or ends: the negation of one clause never reaches the next. A period
#: after one letter ("Ph.D.", "M.S.", "e.g.") is an abbreviation, not a sentence end.
CLAUSE_BREAK = re.compile(
    r"[;:!?()\[\]]|(?<!\b[A-Za-z])\.(?:\s|$)|,\s*(?:but|however|while|whereas|although|though|yet)\b|"
    r"\s(?:but|however|whereas|although|though)\s",
    re.IGNORECASE,
)
#: The end of a sentence or of a semicolon clause.
SENTENCE_END = re.compile(r"[;!?]|\.(?:\s|$)")
#: Characters of clause looked at on either side of a mention.
WINDOW_CHARS = 120


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` holding ``text[start:end]``: after the last
    clause break between ``start - WINDOW_CHARS`` and ``start``, up to the first one between
    ``end`` and ``end + WINDOW_CHARS`` (what ``CLAUSE_BREAK`` finds searched in those windows).
    """
    lo, hi = max(0, start - WINDOW_CHARS), min(len(text), end + WINDOW_CHARS)
    starts, ends = _clause_breaks(text)
    # Speed: from the line's breaks, read once, where the windows cannot matter: no break
    # crosses a window's edge, and nothing at an edge matches only because the window ends
    # there ("." or a word cut by it, "$" before a newline). Elsewhere, as the windows read.
    first_after_lo = bisect.bisect_right(ends, lo)
    first_after_start = bisect.bisect_right(ends, start, first_after_lo)
    if (
        (first_after_lo < len(starts) and starts[first_after_lo] < lo)
        or (first_after_start < len(starts) and starts[first_after_start] < start)
        or (start and _cut_at(text, start))
    ):
        clause_start = lo
        for brk in CLAUSE_BREAK.finditer(text, lo, start):
            clause_start = brk.end()
    else:
        last = first_after_start - 1
        clause_start = ends[last] if last >= first_after_lo else lo
    nxt = bisect.bisect_right(ends, end, first_after_start)
    if nxt < len(starts) and starts[nxt] >= end and ends[nxt] <= hi:
        return clause_start, starts[nxt]
    if nxt == len(starts) and hi == len(text):
        return clause_start, hi
    after = CLAUSE_BREAK.search(text, end, hi)
    return clause_start, after.start() if after else hi


def mention_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """:func:`clause_bounds`, with a parenthesis counted in the clause it sits in:
    "laptops (MacOS Linux Windows)"."""
    clause_start, clause_end = clause_bounds(text, start, end)
    if clause_start and text[clause_start - 1] == "(":
        clause_start = clause_bounds(text, clause_start - 1, clause_start - 1)[0]
    return clause_start, clause_end


@functools.lru_cache(maxsize=256)  # asked once per mention on the line
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of a line's clause breaks."""
    spans = [brk.span() for brk in CLAUSE_BREAK.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def _cut_at(text: str, offset: int) -> bool:
    """Whether a search of ``CLAUSE_BREAK`` that stops at ``offset`` can find a break the
    whole line does not have there: "." or a newline right before it ("$" matches), or a word
    running through it (a word boundary where the search stops)."""
    before = text[offset - 1]
    if before in ".\n":
        return True
    after = text[offset : offset + 1]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")
