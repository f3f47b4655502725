"""Mentions on a demand line that are still not demands: negated, excluded, colleagues' work,
company prose, benefits, legal and apply text, a degree's subject, the employer's name.

"No Java experience is needed" (:mod:`careergap.reading.negation`), "work closely with product
management" (:mod:`careergap.reading.colleagues`), "degree in Computer Science"
(:mod:`careergap.reading.degree_fields`), "other teams within Splunk" (here). Each test looks
only inside the mention's clause (:mod:`careergap.reading.clauses`), so "Python, not Java"
excludes Java and keeps Python; each runs only on a line that holds a word it needs.

Pure functions over one line of text and a mention's offsets in it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

from careergap.reading.clauses import SENTENCE_END, mention_clause
from careergap.reading.colleagues import COLLEAGUE_WORDS, PEOPLE_WORDS, names_colleagues
from careergap.reading.degree_fields import DEGREE_WORDS, names_degree_field
from careergap.reading.linecues import (
    ABOUT_PHRASES,
    ABOUT_WORDS,
    APPLY_WORDS,
    BENEFITS_WORDS,
    LEGAL_WORDS,
    MONEY,
    cue_words,
    is_company_prose,
    line_cue,
    sentence_around,
)
from careergap.reading.negation import NEGATION_CUE, NEGATION_WORDS, is_negated

NonDemand = Literal["negated", "colleagues", "company", "benefits", "legal", "apply", "degree"]

#: The employer named as a place where people or products are: "other technical teams within
#: Splunk", "products across Splunk", "join Splunk". A product that is also the employer's name
#: is a demand only where it is asked for ("Experience with Docker and Splunk").
_EMPLOYER_BEFORE = re.compile(
    r"(?:\b(?:teams?|groups?|organi[sz]ations?|products?|people|colleagues|everyone|employees|"
    r"departments?|business(?:es|\s+units?)?|offices?)\s+(?:within|across|throughout)|"
    r"\b(?:join(?:s|ing)?|careers?\s+at|life\s+at|work(?:s|ing)?\s+(?:at|for))\s+us\s+at|"
    r"\b(?:join(?:s|ing)?|careers?\s+at|life\s+at|work(?:s|ing)?\s+(?:at|for)))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words without one of which no mention on a line names the employer that way.
_EMPLOYER_WORDS = frozenset("within across throughout join joins joining at for".split())
#: How near a benefits, legal or apply word must be to move a mention out of the demands:
#: "Healthcare and insurance plans", "private health care", but not a skill list that a
#: run-on line continues with "... and GCP Enjoy 30 days of vacation".
CUE_BEFORE, CUE_AFTER = 80, 25


#: :data:`_EMPLOYER_BEFORE` anywhere on a line (the fast path's gate).
_EMPLOYER_CUE = re.compile(_EMPLOYER_BEFORE.pattern.removesuffix("$"), re.IGNORECASE)


def non_demand(
    text: str, start: int, end: int, words: frozenset[str] | None = None
) -> NonDemand | None:
    """Why the mention at ``text[start:end]`` is not a demand, or None when it is one.

    ``words``: the line's :func:`careergap.reading.linecues.cue_words`, when the caller has them;
    each test runs only if the line holds one of the words it needs.
    """
    words = cue_words(text) if words is None else words
    about, cued, employer = _line_gates(text, words)
    if about:
        sentence_start, sentence_end = sentence_around(text, start, end)
        if is_company_prose(text[sentence_start:sentence_end]):
            return "company"
    clause_start, clause_end = mention_clause(text, start, end)
    if cued:
        # Benefits, legal or apply words near the mention in its own clause: a run-on line
        # can hold them beside real demands, so the clause decides, not the line.
        near = text[max(clause_start, start - CUE_BEFORE) : min(clause_end, end + CUE_AFTER)]
        cue = line_cue(near)
        if cue is not None:
            return cue  # type: ignore[return-value]
    before = text[clause_start:start]
    after = text[end:clause_end]
    if not words.isdisjoint(NEGATION_WORDS):
        sentence = SENTENCE_END.search(text, end)
        if is_negated(before, after, text[end : sentence.start() if sentence else len(text)]):
            return "negated"
    if not words.isdisjoint(DEGREE_WORDS) and names_degree_field(text, end, before, after):
        return "degree"
    if employer and _EMPLOYER_BEFORE.search(before):
        return "company"
    if names_colleagues(text, start, end, before, after, words):
        return "colleagues"
    return None


#: Literals every :data:`_EMPLOYER_BEFORE` match holds (no word boundary: a clause's text may
#: start inside a word): a line without one cannot name the employer that way anywhere.
_EMPLOYER_LITERALS = re.compile(
    r"\s(?:within|across|throughout)|join|careers?\s+at|life\s+at|work(?:s|ing)?\s+(?:at|for)",
    re.IGNORECASE,
)


# Speed: what a line can hold is read once per line, not once per mention on it.
@functools.lru_cache(maxsize=256)
def _line_gates(text: str, words: frozenset[str]) -> tuple[bool, bool, bool]:
    """Whether a line (with its cue words) may hold company prose, benefits, legal or apply
    cues, and the employer named as a place."""
    about = not words.isdisjoint(ABOUT_WORDS) or ABOUT_PHRASES.search(text) is not None
    cued = not (
        words.isdisjoint(LEGAL_WORDS)
        and words.isdisjoint(APPLY_WORDS)
        and words.isdisjoint(BENEFITS_WORDS)
        and not MONEY.search(text)
    )
    employer = not words.isdisjoint(_EMPLOYER_WORDS) and _may_name_employer(text)
    return about, cued, employer


def _may_name_employer(text: str) -> bool:
    """Whether a line holds :data:`_EMPLOYER_LITERALS` (so :data:`_EMPLOYER_BEFORE` and
    :data:`_EMPLOYER_CUE` may match in it)."""
    if text.isascii():  # a lower-case test first: most lines hold none of the words
        low = text.lower()
        if not (
            "within" in low
            or "across" in low
            or "throughout" in low
            or "join" in low
            or "career" in low
            or "life" in low
            or "work" in low
        ):
            return False
    return _EMPLOYER_LITERALS.search(text) is not None


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


def may_hold_non_demands(text: str, words: frozenset[str] | None = None) -> bool:
    """False when no mention on this line can be a non-demand (the fast path); ``words``: the
    line's cue words when the caller has them."""
    words = cue_words(text) if words is None else words
    if not words.isdisjoint(NEGATION_WORDS) and NEGATION_CUE.search(text):
        return True
    if not words.isdisjoint(COLLEAGUE_WORDS) and not words.isdisjoint(PEOPLE_WORDS):
        return True
    if MONEY.search(text) or not words.isdisjoint(DEGREE_WORDS):
        return True
    if (
        not words.isdisjoint(_EMPLOYER_WORDS)
        and _may_name_employer(text)
        and _EMPLOYER_CUE.search(text)
    ):
        return True
    return not (
        words.isdisjoint(ABOUT_WORDS)
        and words.isdisjoint(BENEFITS_WORDS)
        and words.isdisjoint(LEGAL_WORDS)
        and words.isdisjoint(APPLY_WORDS)
        and not ABOUT_PHRASES.search(text)
    )


def demands_only(text: str, mentions: Sequence[SpanT]) -> Sequence[SpanT]:
    """The mentions of one line that are demands, in their order."""
    if not mentions or not may_hold_non_demands(text):
        return mentions
    return [m for m in mentions if non_demand(text, m.start, m.end) is None]
