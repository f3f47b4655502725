"""Mentions on a demand line that are still not demands: negated, excluded, or other people.

"No Java experience is needed", "we do not use Hadoop", "Python instead of MATLAB", "without
Spark", "Docker is not required": the skill is named and explicitly not asked for. "Work closely
with product management", "partner with data scientists": the skill names colleagues, not what
the job needs. Each test looks only inside the mention's clause (clauses end at ";", ":",
sentence ends and "but"/"however"), so "Python, not Java" excludes Java and keeps Python.

Pure functions over one line of text and a mention's offsets in it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

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

NonDemand = Literal["negated", "colleagues", "company", "benefits", "legal", "apply", "degree"]

#: Where a clause starts or ends: the negation of one clause never reaches the next. A period
#: after one letter ("Ph.D.", "M.S.", "e.g.") is an abbreviation, not a sentence end.
_CLAUSE_BREAK = re.compile(
    r"[;:!?()\[\]]|(?<!\b[A-Za-z])\.(?:\s|$)|,\s*(?:but|however|while|whereas|although|though|yet)\b|"
    r"\s(?:but|however|whereas|although|though)\s",
    re.IGNORECASE,
)
#: The end of a sentence or of a semicolon clause.
_SENTENCE_END = re.compile(r"[;!?]|\.(?:\s|$)")
#: A negation or exclusion right before the mention (within its clause).
_NEGATED_BEFORE = re.compile(
    r"(?:"
    # "No Java experience", "no prior experience with Java", "zero knowledge of"
    r"\b(?:no|zero)\s+(?:(?:prior|previous|professional|formal|commercial|production|real)\s+)?"
    r"(?:(?:experience|knowledge|background|familiarity|expertise|skills?)\s+"
    r"(?:with|in|of|using)\s+)?(?:the\s+)?"
    # "we do not use Hadoop", "you don't need to know Rust", "does not require Go"
    r"|\b(?:do|does|did|will|would|won't|don't|doesn't|didn't|need|needs)\s*(?:not|n't)?\s*"
    r"(?<=\bnot |n't )(?:use|need|require|want|expect|work\s+with|rely\s+on|have|know)"
    r"(?:\s+(?:to|any|a|an|the|know|be|experience|experienced|in|with|using|prior|of))*\s+"
    # "instead of MATLAB", "without Spark", "other than Java", "Python, not Java"
    r"|\b(?:instead\s+of|rather\s+than|other\s+than|except(?:\s+for)?|excluding|apart\s+from|"
    r"without|not|nor|never|no\s+longer)\s+(?:any\s+|using\s+|the\s+|a\s+|an\s+)?"
    r")$",
    re.IGNORECASE,
)
#: Words after "not" that do not negate what follows ("not only Python", "not limited to").
_NOT_A_NEGATION = re.compile(
    r"\b(?:not|no)\s+(?:only|just|limited|merely|necessarily|afraid|shy|less|more|matter|"
    r"doubt|problem|exception|stranger)\b",
    re.IGNORECASE,
)
#: "Docker is not required", "Java experience not needed": the clause after the mention.
_NEGATED_AFTER = re.compile(
    r"^[\w\s,/+#.-]{0,40}?\b(?:is|are|isn't|aren't|be)?\s*(?:not|n't|never)\s+"
    r"(?:required|needed|necessary|a\s+(?:requirement|must|prerequisite)|mandatory|expected|"
    r"used|essential)\b",
    re.IGNORECASE,
)
#: ...unless the same clause turns it into a preference ("not required but a plus").
_STILL_WANTED = re.compile(
    r"\b(?:but|though)\b.*\b(?:plus|preferred|helpful|nice|bonus|advantage|welcome)\b",
    re.IGNORECASE,
)
#: Working with someone: what follows names colleagues when a people word comes after it.
_WITH_PEOPLE_BEFORE = re.compile(
    r"(?:\b(?:work(?:s|ed|ing)?|collaborat\w*|partner(?:s|ed|ing)?|liais\w*|interfac\w*|"
    r"coordinat\w*|engag\w*|align\w*|team(?:s|ed|ing)?(?:\s+up)?|cooperat\w*|consult\w*|"
    r"communicat\w*|sync\w*)\s+(?:[\w-]+\s+){0,2}?(?:with|alongside)|\balongside|"
    r"\b(?:used|built|owned|run|operated|maintained)\s+by\s+(?:our|the|other)|"
    r"\bin\s+partnership\s+with|\btogether\s+with|\bsupport(?:s|ing)?\s+(?:our|the)|"
    r"\b(?:part\s+of|join(?:s|ing)?|member\s+of)\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:team|group)\s+of|"
    # "we are a team of ML researchers", "the group is a diverse team of silicon design engineers"
    r"\b(?:is|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:team|group|community|mix|crew)\s+of|"
    r"\bin\s+conjunction\s+with|"
    # a team's name: "join our Data & Analytics team", "a member of our Software Engineering Group"
    r"\b(?:part\s+of|join(?:s|ing)?|member\s+of)\s+(?:our|the|a|an)(?=\s))"
    r"\s+(?:[\w/+&-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
#: A team named for whom the work is done: "planning for the Text-To-Speech core engineering
#: team", "alignment across Speech teams" (only with a people word after the mention).
_FOR_TEAM_BEFORE = re.compile(
    r"(?<!looking )(?<!searching )(?<!seeking )(?<!hiring )"
    r"\b(?:for|across|within|among|between)(?:\s+(?:the|our|a|an|other|all|multiple|several|"
    r"various|partner|sister))?\s+(?:[\w/+&-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
#: ...and a group after the mention: a team, or people in the plural ("planning for the TTS core
#: team", "tools for machine learning engineers"), never the one person being hired.
_GROUP_AFTER = re.compile(
    r"^[\s-]*(?:(?:and|or)\s+)?(?:(?!(?:for|with|and|or|to|in|of|on|at|by|from|as)\b)[\w-]+\s+){0,2}"
    r"(?:teams?|groups?|orgs?|organi[sz]ations?|departments?|functions|partners|clients|customers|"
    r"users|stakeholders|colleagues|engineers|scientists|researchers|developers|designers|"
    r"analysts|architects)\b",
    re.IGNORECASE,
)
#: How a team works, not who it is: "join our agile team" asks for Agile.
_WAY_OF_WORKING = re.compile(r"(?i:agile|scrum|kanban|lean)\b")
_PEOPLE = (
    r"teams?|engineers?|scientists?|researchers?|managers?|management|leads?|leaders?|"
    r"leadership|stakeholders?|partners?|colleagues|counterparts|designers?|analysts?|"
    r"architects?|developers?|experts?|specialists?|groups?|organi[sz]ations?|orgs?|peers|"
    r"folks|practitioners|owners?|functions?|departments?|staff|people|personnel|customers|"
    r"clients|users|solvers|thinkers|builders|innovators|professionals|individuals|talents?|"
    r"enthusiasts|minds"
)
#: A run of people nouns: "a group of engineers product managers designers SRE network QA and
#: support specialists" names colleagues, each item of it too.
_PEOPLE_LIST_BEFORE = re.compile(
    rf"\b(?:group|team|teams|community|mix|crew)\s+of\s+(?:[\w/-]+\s+){{0,3}}?(?:{_PEOPLE})"
    rf"\s+(?:[\w/-]+\s+){{0,8}}$",
    re.IGNORECASE,
)
_GROUP_WORDS = frozenset("group team teams community mix crew".split())
_PEOPLE_LIST_AFTER = re.compile(
    rf"^\s*(?:,\s*|[\w/-]+,?\s+){{0,4}}?(?:and\s+)?(?:[\w-]+\s+)?(?:{_PEOPLE})\b",
    re.IGNORECASE,
)
#: A people word right after the mention, at most two words on ("data science teams", "ML
#: engineers", "Text-To-Speech core engineering team")...
_PEOPLE_AFTER = re.compile(
    rf"^[\s-]*(?:(?:and|or)\s+)?"
    rf"(?:(?!(?:for|with|and|or|to|in|of|on|at|by|from|as)\b)[\w-]+\s+){{0,2}}"
    rf"(?:{_PEOPLE})\b",
    re.IGNORECASE,
)
#: ...or the mention itself names people ("product management", "data scientists").
_PEOPLE_SURFACE = re.compile(rf"\b(?:{_PEOPLE})$", re.IGNORECASE)
#: A field of study named as a degree's subject: "degree in Computer Science, Physics or
#: Electrical Engineering", "Study of computer science", "MSc in Bioinformatics", "degree in
#: EEE/ECE/CS/Maths". The words between the degree word and the mention may only be more
#: fields (joined by "or", "," or "/", with or without spaces), never a
#: requirement word: "degree in CS and experience with Python" keeps Python.
_DEGREE_BEFORE = re.compile(
    r"\b(?:degrees?|bachelor(?:'|’)?s?|masters?(?:'|’)?s?|b\.?\s?sc?|m\.?\s?sc?|b\.?\s?eng|"
    r"m\.?\s?eng|b\.?\s?s|m\.?\s?s|ph\.?\s?d|doctorate|diploma|graduate|graduated|"
    r"stud(?:y|ies|ied|ying)|major(?:ed|ing)?)\b"
    r"\.?(?:\s+(?:degree|program(?:me)?|studies|level)|\s+or\s+higher)?(?:\s*\([^)]{0,60}\))?"
    r"\s+(?:(?:with\s+(?:a\s+)?(?:focus|specialization|major)\s+)?(?:in|of|on)\s+)"
    r"(?:(?!(?:experience|knowledge|skills?|with|using|including|plus|proficien\w*|"
    r"familiar\w*|background|strong|good|solid|proven|excellent|deep|hands-on|expert\w*|"
    r"understanding|ability|able|years?|\d)\b)"
    r"[\w&.+'’-]+(?:,?\s+|\s*/\s*)){0,8}?(?:(?:or|and|and/or)\s+|/\s*|\(\s*)?$",
    re.IGNORECASE,
)
#: ... or a field followed by the degree: "Computer Science or related field", "(Engineering or
#: Computer Science) BS/MS degree", "a Computer Science degree".
_DEGREE_AFTER = re.compile(
    r"^(?:[ \t,/()]+(?:or|and|engineering|sciences?|[A-Z][\w&-]*)){0,6}[ \t,/()]*"
    r"(?:(?:BS|MS|BSc|MSc|PhD|B\.S\.|M\.S\.)(?:\s*/\s*(?:BS|MS|MSc|PhD))*\s+)?"
    r"(?:degree|diploma|or\s+(?:a\s+|an\s+)?(?:related|similar|comparable|equivalent|"
    r"relevant|another\s+(?:technical|quantitative))\s+(?:technical\s+|quantitative\s+|"
    r"scientific\s+)?(?:fields?|areas?|disciplines?|subjects?|majors?|degrees?|studies))\b",
)
#: Words without one of which no mention on a line is a degree's subject.
_DEGREE_WORDS = frozenset(
    "degree degrees bachelor bachelors bachelor's master masters master's bs ms bsc msc beng "
    "meng phd doctorate diploma graduate graduated study studies studied studying major field "
    "fields".split()
)
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
#: Characters of clause looked at on either side of a mention.
WINDOW_CHARS = 120
#: How near a benefits, legal or apply word must be to move a mention out of the demands:
#: "Healthcare and insurance plans", "private health care", but not a skill list that a
#: run-on line continues with "... and GCP Enjoy 30 days of vacation".
CUE_BEFORE, CUE_AFTER = 80, 25


#: :data:`_EMPLOYER_BEFORE` anywhere on a line (the fast path's gate).
_EMPLOYER_CUE = re.compile(_EMPLOYER_BEFORE.pattern.removesuffix("$"), re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause of ``text`` holding ``text[start:end]``: after the last
    clause break between ``start - WINDOW_CHARS`` and ``start``, up to the first one between
    ``end`` and ``end + WINDOW_CHARS`` (what ``_CLAUSE_BREAK`` finds searched in those windows).
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
        for brk in _CLAUSE_BREAK.finditer(text, lo, start):
            clause_start = brk.end()
    else:
        last = first_after_start - 1
        clause_start = ends[last] if last >= first_after_lo else lo
    nxt = bisect.bisect_right(ends, end, first_after_start)
    if nxt < len(starts) and starts[nxt] >= end and ends[nxt] <= hi:
        return clause_start, starts[nxt]
    if nxt == len(starts) and hi == len(text):
        return clause_start, hi
    after = _CLAUSE_BREAK.search(text, end, hi)
    return clause_start, after.start() if after else hi


@functools.lru_cache(maxsize=256)  # asked once per mention on the line
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of a line's clause breaks."""
    spans = [brk.span() for brk in _CLAUSE_BREAK.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def _cut_at(text: str, offset: int) -> bool:
    """Whether a search of ``_CLAUSE_BREAK`` that stops at ``offset`` can find a break the
    whole line does not have there: "." or a newline right before it ("$" matches), or a word
    running through it (a word boundary where the search stops)."""
    before = text[offset - 1]
    if before in ".\n":
        return True
    after = text[offset : offset + 1]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")


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
    clause_start, clause_end = clause_bounds(text, start, end)
    if clause_start and text[clause_start - 1] == "(":
        # A parenthesis belongs to the clause it sits in: "laptops (MacOS Linux Windows)".
        clause_start = clause_bounds(text, clause_start - 1, clause_start - 1)[0]
    if cued:
        # Benefits, legal or apply words near the mention in its own clause: a run-on line
        # can hold them beside real demands, so the clause decides, not the line.
        near = text[max(clause_start, start - CUE_BEFORE) : min(clause_end, end + CUE_AFTER)]
        cue = line_cue(near)
        if cue is not None:
            return cue  # type: ignore[return-value]
    before = text[clause_start:start]
    after = text[end:clause_end]
    if not words.isdisjoint(_NEGATION_WORDS):
        sentence = _SENTENCE_END.search(text, end)
        if _is_negated(before, after, text[end : sentence.start() if sentence else len(text)]):
            return "negated"
    if (
        not words.isdisjoint(_DEGREE_WORDS)
        and (
            _DEGREE_BEFORE.search(before)
            or _DEGREE_AFTER.match(after)
            # "( Engineering or Computer Science ) BS/MS degree": past the parenthesis
            or _DEGREE_AFTER.match(text[end : end + WINDOW_CHARS])
        )
    ):
        return "degree"
    if employer and _EMPLOYER_BEFORE.search(before):
        return "company"
    if (
        not words.isdisjoint(_GROUP_WORDS)
        and " of " in before
        and _PEOPLE_LIST_AFTER.match(after)
        and _PEOPLE_LIST_BEFORE.search(before)
        and not _WAY_OF_WORKING.match(text, start, end)
    ):
        return "colleagues"
    if (
        not words.isdisjoint(_COLLEAGUE_WORDS)
        and not _WAY_OF_WORKING.match(text, start, end)
        and (
            # The anchored tests after the mention first: they rarely pass, the searches of
            # everything before it are the slow part.
            (
                (_PEOPLE_AFTER.match(after) or _PEOPLE_SURFACE.search(text[start:end]))
                and _WITH_PEOPLE_BEFORE.search(before)
            )
            or (_GROUP_AFTER.match(after) and _FOR_TEAM_BEFORE.search(before))
        )
    ):
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


def _is_negated(before: str, after: str, rest: str) -> bool:
    """``rest``: the sentence after the mention, where "but a plus" may undo the negation."""
    negation = _NEGATED_BEFORE.search(before)
    if negation and not _NOT_A_NEGATION.match(before, negation.start()):
        return not _STILL_WANTED.search(rest)
    if _NEGATED_AFTER.match(after):
        return not _STILL_WANTED.search(rest)
    return False


#: Cheap tests on a whole line: only lines with a negation or a colleague word are read closely.
_NEGATION_CUE = re.compile(
    r"\b(?:no|not|without|instead|rather|other\s+than|except|excluding|apart|never|nor|zero)\b|"
    r"n't\b",
    re.IGNORECASE,
)
_COLLEAGUE_CUE = re.compile(
    r"\b(?:with|alongside|support(?:s|ing)?)\b[^;]*\b(?:" + _PEOPLE + r")\b", re.IGNORECASE
)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


#: Words that company prose starts with or holds ("We are", "Our mission", "Acme is a"), and
#: the words benefits, legal and apply sentences cannot do without.
_COMPANY_CUE = re.compile(
    r"\b(?:we|we're|we’re|our|powers|serves|founded|headquartered|backed|series|fortune|join|"
    r"insurance|dental|401|salary|pay|compensation|equity|pto|paid|leave|regard|opportunity|"
    r"discriminat\w*|accommodations?|apply|cv|r[ée]sum[ée]|application|visa|relocation|"
    r"benefits|perks|vacation)\b|\bis (?:a|an|the)\b|[$£€]",
    re.IGNORECASE,
)


#: Words without one of which no mention on a line is a non-demand (the gate of the fast path).
_NEGATION_WORDS = frozenset(
    "no not t without instead rather other except excluding apart never nor zero".split()
)
_COLLEAGUE_WORDS = frozenset(
    "with alongside support supports supporting part join joins joining member group team teams "
    "community mix crew for across within among between".split()
)
_PEOPLE_WORDS = frozenset(
    word + plural
    for word in (
        "team engineer scientist researcher manager lead leader stakeholder partner colleague "
        "counterpart designer analyst architect developer expert specialist group organization "
        "organisation org peer owner function department practitioner folk customer client user "
        "solver thinker builder innovator professional individual talent enthusiast mind"
    ).split()
    for plural in ("", "s")
) | {"management", "leadership", "staff", "people", "personnel"}


def may_hold_non_demands(text: str, words: frozenset[str] | None = None) -> bool:
    """False when no mention on this line can be a non-demand (the fast path); ``words``: the
    line's cue words when the caller has them."""
    words = cue_words(text) if words is None else words
    if not words.isdisjoint(_NEGATION_WORDS) and _NEGATION_CUE.search(text):
        return True
    if not words.isdisjoint(_COLLEAGUE_WORDS) and not words.isdisjoint(_PEOPLE_WORDS):
        return True
    if MONEY.search(text) or not words.isdisjoint(_DEGREE_WORDS):
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
