"""Which words of which posting line to quote for a gap: the clause that asks for the skill.

Pure functions over a line's text and the spans where the skill is mentioned in it. A line
often asks for several things ("Strong Python; familiarity with Docker") or mixes a demand with
company prose, so a gap quotes only the clause around the skill, cut around the matched words
(never before them), and states the level that clause asks for. Candidates are ranked so the
quote is a required demand on the candidate at the level the gap shows; a clause that is
company prose ("our team builds...") or a degree line is never preferred over a real demand,
and prose is never quoted at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from careergap.reading.requirements import target_level

#: A quoted clause longer than this is cut to a window around the matched words.
QUOTE_CHARS = 120
#: Where one clause of a line ends and the next begins: ";", a sentence end, ":", a dash or a
#: bullet, and ", but"/", while"/", which" (or ", and you"...) joining two statements; a plain
#: ", and" ends a list ("A, B, and C"), not a clause.
_CLAUSE_BREAK = re.compile(
    r";\s*|(?<=[A-Za-z0-9)\]])[.!?]\s+(?=[A-Z(])|:\s+|\s[-–—]\s|\s*•\s*|"
    r",\s+(?:and (?=you|we|must|should|be|have)|but|while|which|where|as well as|in addition)"
    r"\b\s*|,\s+(?=(?:we|our|you will)\b)",
)
#: Words by which a clause asks something of the candidate, even beside company prose.
_DEMAND = re.compile(
    r"\b(experienced?|(?<!this )(?<!that )knowledge|familiar\w*|proficien\w*|skills?|"
    r"understanding|ability|background|fluen\w*|hands[- ]on|years?|yrs|track record|"
    r"comfortable with|competen\w*|"
    r"command of|grasp of|exposure|you have|you bring|preferably|nice to have)\b|\d\+",
    re.IGNORECASE,
)
#: Weaker cues: they make a demand only of a clause that is not company prose.
_WEAK_DEMAND = re.compile(
    r"\b(expert\w*|must|required|requirements?|plus|strong|solid|mastery|you are|preferred|"
    r"bonus|desired|qualif\w*|demonstrated|proven|working|excellent|advanced(?! driver)|"
    r"deep(?!\s+(?:learning|neural|reinforcement|networks?|rl)\b))\b",
    re.IGNORECASE,
)
#: Words of company prose: the clause talks about the company or its team, not the candidate.
_PROSE = re.compile(
    r"\b(we|we're|our|ours|us|company|team who|teams who|mission|customers|clients|founded|"
    r"leader in|leading provider|join\w*|benefits|salary|equal opportunity|headquartered|"
    r"offices?|looking for|is hiring|seeking|team is|as (?:a )?part of|^at)\b",
    re.IGNORECASE,
)
#: Degree lines: the skill is named as a field of study, not as something to be able to do.
_DEGREE = re.compile(
    r"\b(degrees?|bachelor'?s?|master'?s\b|ph\.?\s?d|doctorate|b\.?sc|m\.?sc|m\.eng)\b|"
    r"(?-i:\b(?:BS|MS|BA|MA|BE|ME|B\.S|M\.S|B\.E|B\.A|M\.A)\b)",
    re.IGNORECASE,
)

QuoteKind = Literal["demand", "duty", "degree", "prose"]


@dataclass(frozen=True)
class Quote:
    """The words to show for a gap: a clause of a posting line, with the skill marked."""

    text: str
    #: (start, end) of each mention of the skill in ``text``.
    marks: tuple[tuple[int, int], ...]
    #: The level this clause asks for (careergap.reading.requirements.target_level).
    level: int
    kind: QuoteKind


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` that holds ``text[start:end]``."""
    lo, hi = 0, len(text)
    for cut in _CLAUSE_BREAK.finditer(text):
        if cut.end() <= start:
            lo = max(lo, cut.end())
        elif cut.start() >= end:
            hi = cut.start()
            break
    while lo < hi and text[lo] in " ,(-*":
        lo += 1
    while hi > lo and text[hi - 1] in " ,;:.":
        hi -= 1
    return lo, hi


def classify(clause: str) -> QuoteKind:
    """Whether a clause asks something of the candidate, names a degree, describes the job, or
    is company prose. A degree line names a field of study: weaker evidence than a demand."""
    if _DEGREE.search(clause):
        return "degree"
    if _DEMAND.search(clause):
        return "demand"
    if _PROSE.search(clause):
        return "prose"
    if _WEAK_DEMAND.search(clause):
        return "demand"
    return "duty"


def _window(text: str, lo: int, hi: int, limit: int) -> tuple[int, int]:
    """A span of at most about ``limit`` characters of ``text`` containing [lo, hi), on words."""
    if len(text) <= limit:
        return 0, len(text)
    room = max(0, limit - (hi - lo))
    start = max(0, lo - room // 3)
    end = min(len(text), hi + room - (lo - start))
    start = max(0, min(start, end - limit))
    if start > 0:
        space = text.find(" ", start, lo)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", hi, end)
        end = space if space != -1 else end
    return start, end


def make_quote(
    text: str,
    spans: Sequence[tuple[int, int]],
    limit: int = QUOTE_CHARS,
) -> Quote:
    """The clause of ``text`` around the first of ``spans`` (the skill's mentions; any others in
    the clause are marked too), shortened
    around the matched words with an ellipsis where it is cut. Without spans: the whole line."""
    text = " ".join(text.split()) if not spans else text
    if spans:
        first_lo, first_hi = spans[0]
        lo, hi = clause_span(text, first_lo, first_hi)
    else:
        first_lo, first_hi, lo, hi = 0, 0, 0, len(text)
    clause = text[lo:hi]
    kind = classify(clause)
    level = target_level(clause)
    w_lo, w_hi = _window(clause, first_lo - lo, first_hi - lo, limit)
    shown = clause[w_lo:w_hi]
    prefix = "…" if w_lo > 0 else ""
    suffix = "…" if w_hi < len(clause) else ""
    offset = lo + w_lo - len(prefix)
    marks = tuple((a - offset, b - offset) for a, b in spans if lo + w_lo <= a and b <= lo + w_hi)
    return Quote(prefix + shown + suffix, marks, level, kind)


#: How good a quote kind is, best first; prose is never shown.
KIND_ORDER: dict[QuoteKind, int] = {"demand": 0, "duty": 1, "degree": 2, "prose": 3}
