"""The one reader of demands: which skill mentions of a posting the job actually asks for.

Every path that reads a posting goes through here: ``careergap extract`` (:func:`read_mentions`,
a whole text), and the corpus and ``postings add`` when their lines are scored
(:meth:`DemandReader.demands`, one stored line with its section). The rules, in order:

1. Only the demand sections carry demands (:mod:`careergap.reading.sections`); a long line
   that runs a job board's labels together is read segment by segment.
2. With the taxonomy, two readings that need to know what a skill is: a broad skill (a field,
   method or domain: :data:`careergap.reading.taxonomy.BROAD_CATEGORIES`) in the title
   ("Senior Data Engineer"), before a role word, in a sentence about what the company
   builds ("We are developing an IoT platform with machine learning"), or in the list of
   designs a verification job checks ("formal verification of GPU blocks or AI/ML") names the
   role or the product, not a skill asked for, while a tool there is still the stack ("Java Backend
   Engineer", "we are building it on Kafka"); and an umbrella right after one of its own kinds
   only qualifies it ("TypeScript programming", "C-programming": the demand is the language).
3. Negated, excluded, colleagues', company, benefits and degree mentions are not demands
   (:mod:`careergap.reading.nondemand`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from careergap.reading.linecues import (
    cue_words,
    in_product_appositive,
    is_employer_possessive,
    is_product_prose,
    sentence_around,
)
from careergap.reading.nondemand import may_hold_non_demands, non_demand
from careergap.reading.sections import (
    DEFAULT_SECTION,
    DEMAND_SECTIONS,
    inline_sections,
    read_sections,
    section_at,
)

if TYPE_CHECKING:
    from careergap.models import PostingSection as Section
    from careergap.reading.extractor import Mention
    from careergap.reading.taxonomy import Taxonomy

#: Only lines this long are searched for a job board's run-together labels (a flat header).
INLINE_MIN_CHARS = 200
#: Most characters between a kind and its umbrella for the umbrella to qualify it
#: ("TypeScript programming", "C-programming").
QUALIFIER_GAP = 2

#: Skill forms that, right after another mention, are its head noun: "Data Warehouse
#: architecture", "Micro Service architecture".
HEAD_NOUNS = frozenset({"architecture", "architectures", "architectural"})
#: A broad skill right before a role word names the role ("Senior Data Engineer", "as a
#: Machine Learning Engineer", "Backend Developer"), not a skill the role asks for.
_ROLE_AFTER = re.compile(
    r"[ \t/&-]*(?:[A-Z(][\w/&.+()-]*(?:[ \t]+|[ \t]*/[ \t]*)){0,3}?"
    r"(?i:engineers?|developers?|scientists?|designers?|architects?|analysts?|specialists?|associates?|programmers?|administrators?|"
    r"researchers?|consultants?|leads?|ninjas?|interns?)\b"
)
#: A broad skill's form that is itself a role ("database administrator", "data engineer").
_ROLE_SURFACE = re.compile(
    r"(?i:engineers?|developers?|administrators?|scientists?|architects?|analysts?|designers?)$"
)
#: What comes before a field that names where the product's technology stands, not a skill:
#: "integrates the latest generation of machine translation research".
_STATE_OF_THE_ART_BEFORE = re.compile(
    r"(?i:\b(?:latest|newest|next)\s+(?:generation|wave|advances?|developments?|"
    r"breakthroughs?|trends?)\s+(?:of|in)\s+(?:the\s+)?)$"
)
#: ...unless the person is asked to follow it: "stay up-to-date with the latest developments in".
_KEEPING_UP = re.compile(
    r"(?i:up[\s-]to[\s-]date|keep(?:s|ing)?\s+(?:up|abreast|current)|stay(?:s|ing)?\s+"
    r"(?:current|abreast|on\s+top)|follow(?:s|ing)?|track(?:s|ing)?|aware(?:ness)?\s+of)"
)
#: Characters looked back for it.
STATE_OF_THE_ART_CHARS = 60
#: Between a job board title's parts: "Title · Company · Place".
TITLE_PARTS = " · "
#: Before the company in a title: "Machine Learning Engineer at Databricks", "... @ Snowflake".
_TITLE_AT = re.compile(r"\s(?:at|@)\s")
#: What a design-checking job checks: "formal verification of processors, GPU blocks,
#: networking designs or AI/ML", "proofs of bug absence in SoCs containing ... AI/ML designs".
#: A broad skill in that list names the design under check, not a skill asked of the person;
#: the words between the check and the mention may only be more list items, never a
#: requirement word ("verification of designs using formal methods" keeps formal methods).
_CHECKED_OBJECT = re.compile(
    r"(?i:\b(?:verif(?:y|ying|ies|ication)|validat(?:e|es|ing|ion)|proofs?)\s+(?:of|for|on|in)\s+"
    r"(?:(?!(?:experience|knowledge|skills?|with|using|including|plus|proficien\w*|familiar\w*|"
    r"background|understanding|ability|methods?|techniques?|tools?|languages?)\b)"
    r"[\w&.+'’-]+(?:,?\s+|\s*/\s*)){0,10}?(?:(?:or|and|and/or)\s+|/\s*)?)$"
)
#: Characters before a mention looked at for :data:`_CHECKED_OBJECT`.
CHECKED_OBJECT_CHARS = 120
#: Where the list of :data:`_CHECKED_OBJECT` cannot reach across.
_CLAUSE_STOP = re.compile(r"[;:!?()\[\]]|\.(?:\s|$)")
#: Words without one of which no sentence is product prose (a cheap gate before the regex).
_PRODUCT_CUES = re.compile(r"(?i:\bwe\b|\bwe['’]re\b|\bour\b|\bit\s+involves\b)")
#: Literals every match of a pattern holds: a line without them cannot match it anywhere, so
#: the pattern is not run for each mention on that line (:func:`_line_gates`).
_STATE_OF_THE_ART_CUE = re.compile(r"(?i:latest|newest|next)")
_CHECKED_OBJECT_CUE = re.compile(r"(?i:verif|validat|proof)")
#: Marks a line not yet looked at by read_mentions.
_UNREAD = frozenset({"<unread>"})
_UNREAD_SEGMENTS: list[Any] = [(-1, "<unread>")]  # a marker: compared by identity


class MentionLike(Protocol):
    """What the readers need of a mention (``Extractor.find``'s, or one stored in the cache)."""

    @property
    def skill_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


MentionT = TypeVar("MentionT", bound=MentionLike)


class DemandReader:
    """The reading rules of one taxonomy (none: the rules that need no taxonomy)."""

    def __init__(self, taxonomy: Taxonomy | None = None):
        self.taxonomy = taxonomy
        self.broad: frozenset[str] = taxonomy.broad_ids if taxonomy is not None else frozenset()
        self._ancestors: Callable[[str], frozenset[str]] | None = (
            None
            if taxonomy is None
            else functools.lru_cache(maxsize=None)(lambda sid: frozenset(taxonomy.ancestors(sid)))
        )

    def qualifies(
        self, text: str, skill_id: str, start: int, end: int, before_id: str, before_end: int
    ) -> bool:
        """True when the mention of ``skill_id`` at ``text[start:]`` right after another
        (``before_id``, ending at ``before_end``) only qualifies it: an umbrella after one of its
        own kinds ("TypeScript programming"), or a bare head noun ("Data Warehouse
        architecture": the architecture of the warehouse, not software architecture at large)."""
        if not 0 <= start - before_end <= QUALIFIER_GAP or text[before_end:start].strip(" -\t"):
            return False
        if text[start:end].casefold() in HEAD_NOUNS:
            return True
        return (
            self._ancestors is not None
            and before_id not in self.broad
            and skill_id in self._ancestors(before_id)
        )

    def names_role_or_product(
        self, text: str, skill_id: str, start: int, end: int, section: str
    ) -> bool:
        """True when a broad skill names the role or the product, not a demand: in the title,
        before a role word, as a role itself, in a sentence about what the company builds, or
        as the state of the art the product draws on ("the latest generation of machine
        translation research"), or as the design a verification job checks ("formal verification
        of GPU blocks or AI/ML"); and any skill in a job board title after its role part (the
        company and the place: "Software Developer · Siemens EDA · Remote")."""
        if section == "title" and (
            0 <= text.find(TITLE_PARTS) < start or _TITLE_AT.search(text, 0, start)
        ):
            return True  # "Title · Company · Place", "Title at Company": not the role
        if is_employer_possessive(text, end):
            return True  # "Grow Databricks' machine learning capabilities": the employer
        if skill_id not in self.broad:
            return False
        if (
            section == "title"
            or _ROLE_AFTER.match(text, end)
            or _ROLE_SURFACE.search(text, start, end)
        ):
            return True
        product, state_of_the_art, checked = _line_gates(text)
        return (
            (product and _in_product_prose(text, start))
            or in_product_appositive(text, start)
            or (state_of_the_art and self._state_of_the_art(text, start))
            or (checked and _checked_object(text, start))
        )

    @staticmethod
    def _state_of_the_art(text: str, start: int) -> bool:
        """ "integrates the latest generation of machine translation research": what the product
        draws on; but keeping up with the latest developments in NLP is asked of the person."""
        before = text[max(0, start - STATE_OF_THE_ART_CHARS) : start]
        return bool(_STATE_OF_THE_ART_BEFORE.search(before)) and not _KEEPING_UP.search(
            text[max(0, start - 2 * STATE_OF_THE_ART_CHARS) : start]
        )

    def demands(
        self, text: str, mentions: Sequence[MentionT], section: str = DEFAULT_SECTION
    ) -> Sequence[MentionT]:
        """The mentions of one posting line (of ``section``) that are demands, in their order."""
        if not mentions or section not in DEMAND_SECTIONS:
            return [] if section not in DEMAND_SECTIONS else mentions
        segments = None
        if len(text) > INLINE_MIN_CHARS:
            segments = inline_sections(text, cast("Section", section))
        words = cue_words(text)
        check_non_demands = may_hold_non_demands(text, words)
        kept: list[MentionT] = []
        before_id, before_end = "", -1
        for mention in mentions:
            sid, start, end = mention.skill_id, mention.start, mention.end
            previous = before_id, before_end
            before_id, before_end = sid, end
            if segments and section_at(segments, start) not in DEMAND_SECTIONS:
                continue
            if self.qualifies(text, sid, start, end, *previous):
                continue
            if self.names_role_or_product(text, sid, start, end, section):
                continue
            if check_non_demands and non_demand(text, start, end, words) is not None:
                continue
            kept.append(mention)
        return kept if len(kept) < len(mentions) else mentions


@functools.lru_cache(maxsize=8)
def reader_for(taxonomy: Taxonomy | None) -> DemandReader:
    """The reader of a taxonomy, built once per process."""
    return DemandReader(taxonomy)


# Speed: a line's gates are read once, not once per broad mention on it, and a line without a
# pattern's literals skips that pattern for every mention (with the same per-line reading in
# nondemand: read_mentions 1.58 -> 1.35 s CPU on the 3.5 MB bench_extract_aho text, loaded).
@functools.lru_cache(maxsize=256)
def _line_gates(text: str) -> tuple[bool, bool, bool]:
    """Whether a line can hold product prose, the state of the art, or a checked design."""
    if text.isascii():  # as the case-insensitive patterns read it, several times faster
        low = text.lower()
        return (
            # Every match of the product-prose pattern holds one of these (a weaker gate).
            "we" in low or "our" in low or "involves" in low,
            "latest" in low or "newest" in low or "next" in low,
            "verif" in low or "validat" in low or "proof" in low,
        )
    return (
        _PRODUCT_CUES.search(text) is not None,
        _STATE_OF_THE_ART_CUE.search(text) is not None,
        _CHECKED_OBJECT_CUE.search(text) is not None,
    )


def _in_product_prose(text: str, offset: int) -> bool:
    """Whether the sentence of ``text`` holding ``offset`` says what the company builds (the
    line holds a :data:`_PRODUCT_CUES` word)."""
    start, end = sentence_around(text, offset, offset)
    return is_product_prose(text[start:end])


def _checked_object(text: str, offset: int) -> bool:
    """Whether the mention at ``offset`` is in the list of designs a check is made of."""
    lo = max(0, offset - CHECKED_OBJECT_CHARS)
    for brk in _CLAUSE_STOP.finditer(text, lo, offset):
        lo = brk.end()
    return bool(_CHECKED_OBJECT.search(text, lo, offset))


def _line_starts(lines: Sequence[str]) -> list[int]:
    """The offset where each line starts; ``bisect_right`` of an offset is its 1-based line."""
    # From the line lengths, not a walk over every character: a hot spot on large files.
    return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def read_mentions(
    lines: Sequence[str], mentions: Sequence[Mention], taxonomy: Taxonomy | None = None
) -> tuple[list[str], set[tuple[str, int]]]:
    """Each line's section, and the (skill id, 1-based line) pairs whose every mention on that
    line is not a demand, for a whole text (``lines``: it split at "\\n"; ``mentions`` sorted
    by start, as :meth:`careergap.reading.extractor.Extractor.find` gives them).

    The same rules as :meth:`DemandReader.demands` applies to one stored line, applied over a
    whole text in one pass (a large file has hundreds of thousands of mentions: no per-line
    lists, and each line's words and labels are read once).
    """
    reader = reader_for(taxonomy)
    qualifies, names_role_or_product = reader.qualifies, reader.names_role_or_product
    line_words: list[frozenset[str] | None] = []
    sections: list[str] = [part.section for part in read_sections(lines, line_words)]
    line_starts = _line_starts(lines)
    line_of = bisect.bisect_right
    demanded: set[tuple[str, int]] = set()
    doubtful: set[tuple[str, int]] = set()
    checked: dict[int, frozenset[str] | None] = {}  # line -> its cue words, None: all demands
    inline: dict[int, list[tuple[int, Section]] | None] = {}  # long line -> its run-together labels
    first = next((i for i, line in enumerate(lines, 1) if line.strip()), 0)
    previous: tuple[str, int, int] = ("", -1, 0)  # the mention before: skill id, end, line
    for skill_id, start, end, _surface in mentions:
        number = line_of(line_starts, start)
        section = sections[number - 1]
        if section not in DEMAND_SECTIONS:
            doubtful.add((skill_id, number))
            continue
        text = lines[number - 1]
        offset = line_starts[number - 1]
        start -= offset
        end -= offset
        if len(text) > INLINE_MIN_CHARS:
            segments = inline.get(number, _UNREAD_SEGMENTS)
            if segments is _UNREAD_SEGMENTS:
                segments = inline[number] = inline_sections(
                    text, cast("Section", section), number == first
                )
            if segments:
                section = section_at(segments, start)
                if section not in DEMAND_SECTIONS:
                    doubtful.add((skill_id, number))
                    continue
        before_id, before_end, before_line = previous
        previous = (skill_id, end, number)
        if before_line == number and qualifies(text, skill_id, start, end, before_id, before_end):
            doubtful.add((skill_id, number))
            continue
        if names_role_or_product(text, skill_id, start, end, section):
            doubtful.add((skill_id, number))
            continue
        words = checked.get(number, _UNREAD)
        if words is _UNREAD:
            known = line_words[number - 1]
            words = known if known is not None else cue_words(text)
            words = checked[number] = words if may_hold_non_demands(text, words) else None
        if words is not None and non_demand(text, start, end, words) is not None:
            doubtful.add((skill_id, number))
        else:
            demanded.add((skill_id, number))
    return sections, doubtful - demanded
