"""What ``careergap extract`` shows: the lines that mention each skill, and its ``--json`` text.

A large file has hundreds of thousands of mentions, so both steps avoid per-mention objects
and Python's pure-Python indented JSON encoder (``json.dumps(indent=2)`` cannot use the C
encoder on Python 3.11): :func:`extract_json_chunks` writes the same bytes as ``emit_json``
(``json.dumps(payload, indent=2, ensure_ascii=False)`` through ``escaping.for_json``), each line
rendered once by the C string encoder however many skills it names, several times faster.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from json.encoder import encode_basestring as _c_encode
from typing import TYPE_CHECKING, Any, cast

from careergap.files.escaping import for_json
from careergap.reading.extractor import Mention

if TYPE_CHECKING:
    from careergap.models import PostingSection as Section
    from careergap.reading.taxonomy import Taxonomy


# Speed trick kept (issue 14): writing the JSON by hand instead of emit_json's json.dumps saves
# 19% of `extract --json`'s CPU time on 3.5 MB of varied text (tests/benchmarks/bench_tricks.py,
# "json-encoder"; the README's Performance section has the figures).
def encode_basestring(text: str) -> str:
    """A JSON string literal (C-accelerated), controls escaped as ``emit_json`` escapes them."""
    return for_json(_c_encode(text))


#: Marks a line not yet looked at by read_mentions.
_UNREAD = frozenset({"<unread>"})
_UNREAD_SEGMENTS: list[Any] = [(-1, "<unread>")]  # a marker: compared by identity
#: Only lines this long are searched for a job board's run-together labels (a flat header).
INLINE_MIN_CHARS = 200
#: A mention's skill id and start offset, read in C.
_SKILL_ID, _START = operator.itemgetter(0), operator.itemgetter(1)
#: What json.dumps(indent=2) puts before a value at each depth of the extract payload.
_SKILL, _SKILL_KEY, _MENTION, _MENTION_KEY = (" " * n for n in (4, 6, 8, 10))


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


def read_mentions(
    lines: Sequence[str], mentions: Sequence[Mention], taxonomy: Taxonomy | None = None
) -> tuple[list[str], set[tuple[str, int]]]:
    """Each line's section (:mod:`careergap.reading.sections`), and the (skill id, 1-based line)
    pairs whose every mention on that line is not a demand (negated, colleagues, company prose:
    :mod:`careergap.reading.nondemand`). Lines outside the demand sections hold no demand at all.

    With the ``taxonomy``, two readings that need to know what a skill is: a broad skill (a
    field, method or domain: :data:`careergap.reading.taxonomy.BROAD_CATEGORIES`) in the title
    ("Senior Data Engineer"), before a role word, or in a sentence about what the company builds
    ("We are developing an IoT platform with machine learning") names the role or the product, not a
    skill asked for, while a tool there is still the stack ("Java Backend Engineer", "we are
    building it on Kafka"); and an umbrella right after one of its own kinds only qualifies it
    ("TypeScript programming", "C-programming": the demand is the language)."""
    broad = taxonomy.broad_ids if taxonomy is not None else frozenset()
    ancestors = _ancestor_sets(taxonomy)
    previous: tuple[str, int] = ("", -1)  # the mention before: (skill id, end offset)
    from careergap.reading.linecues import cue_words
    from careergap.reading.nondemand import may_hold_non_demands, non_demand
    from careergap.reading.sections import (
        DEMAND_SECTIONS,
        inline_sections,
        read_sections,
        section_at,
    )

    line_words: list[frozenset[str] | None] = []
    sections: list[str] = [part.section for part in read_sections(lines, line_words)]
    line_starts = _line_starts(lines)
    line_of = bisect.bisect_right
    demanded: set[tuple[str, int]] = set()
    doubtful: set[tuple[str, int]] = set()
    checked: dict[int, frozenset[str] | None] = {}  # line -> its cue words, None: all demands
    inline: dict[int, list[tuple[int, Section]] | None] = {}  # long line -> its run-together labels
    first = next((i for i, line in enumerate(lines, 1) if line.strip()), 0)
    for skill_id, start, end, _surface in mentions:
        number = line_of(line_starts, start)
        section = sections[number - 1]
        if section not in DEMAND_SECTIONS:
            doubtful.add((skill_id, number))
            continue
        text = lines[number - 1]
        if len(text) > INLINE_MIN_CHARS:
            segments = inline.get(number, _UNREAD_SEGMENTS)
            if segments is _UNREAD_SEGMENTS:
                segments = inline[number] = inline_sections(
                    text, cast("Section", section), number == first
                )
            if segments:
                section = section_at(segments, start - line_starts[number - 1])
                if section not in DEMAND_SECTIONS:
                    doubtful.add((skill_id, number))
                    continue
        before_id, before_end = previous
        previous = (skill_id, end)
        if (
            ancestors is not None
            and 0 <= start - before_end <= 2
            and not text[
                before_end - line_starts[number - 1] : start - line_starts[number - 1]
            ].strip(" -\t")
            and before_id not in broad
            and skill_id in ancestors(before_id)
        ):
            doubtful.add((skill_id, number))
            continue
        if skill_id in broad and (
            section == "title"
            or _ROLE_AFTER.match(text, end - line_starts[number - 1])
            or _ROLE_SURFACE.search(_surface)
            or _in_product_prose(text, start - line_starts[number - 1])
        ):
            doubtful.add((skill_id, number))
            continue
        words = checked.get(number, _UNREAD)
        if words is _UNREAD:
            known = line_words[number - 1]
            words = known if known is not None else cue_words(text)
            words = checked[number] = words if may_hold_non_demands(text, words) else None
        offset = line_starts[number - 1]
        if words is not None and non_demand(text, start - offset, end - offset, words) is not None:
            doubtful.add((skill_id, number))
        else:
            demanded.add((skill_id, number))
    return sections, doubtful - demanded


#: A broad skill right before a role word names the role ("Senior Data Engineer", "as a
#: Machine Learning Engineer", "Backend Developer"), not a skill the role asks for.
_ROLE_AFTER = re.compile(
    r"[ \t-]*(?:[A-Z(][\w/&.+()-]*[ \t]+){0,2}?(?i:engineers?|developers?|scientists?|"
    r"architects?|analysts?|specialists?|associates?|programmers?|administrators?|"
    r"researchers?|consultants?|leads?|ninjas?|interns?)\b"
)


#: A broad skill's form that is itself a role ("database administrator", "data engineer").
_ROLE_SURFACE = re.compile(
    r"(?i:engineers?|developers?|administrators?|scientists?|architects?|analysts?)$"
)


def _ancestor_sets(taxonomy: Taxonomy | None) -> Callable[[str], frozenset[str]] | None:
    """Skill id -> its ancestors, memoised for one reading; None without a taxonomy."""
    if taxonomy is None:
        return None
    return functools.lru_cache(maxsize=None)(lambda sid: frozenset(taxonomy.ancestors(sid)))


#: Words without one of which no sentence is product prose (a cheap gate before the regex).
_PRODUCT_CUES = re.compile(r"(?i:\bwe\b|\bwe['’]re\b|\bour\b|\bit\s+involves\b)")


def _in_product_prose(text: str, offset: int) -> bool:
    """Whether the sentence of ``text`` holding ``offset`` says what the company builds."""
    from careergap.reading.linecues import SENTENCE_BREAK, is_product_prose

    if not _PRODUCT_CUES.search(text):
        return False

    start = 0
    for brk in SENTENCE_BREAK.finditer(text, 0, offset):
        start = brk.end()
    end = SENTENCE_BREAK.search(text, offset)
    return is_product_prose(text[start : end.start() if end else len(text)])


def extract_json_chunks(
    schema_version: int,
    source: str,
    lines: Sequence[str],
    skills: Sequence[tuple[str, str, Sequence[int]]],
    sections: Sequence[str] | None = None,
    not_demands: Collection[tuple[str, int]] = frozenset(),
) -> Iterator[bytes]:
    """The ``extract --json`` document in UTF-8 pieces, byte for byte what ``emit_json`` prints
    (``for_json(json.dumps(payload, indent=2, ensure_ascii=False)) + "\\n"``), for::

        {"schema_version": ..., "source": ..., "skills": [
            {"id": ..., "name": ..., "mentions": [{"line": n, "text": lines[n - 1].strip(),
                                                    "section": ..., "demand": ...}, ...]}, ...]}

    ``skills`` holds (id, name, 1-based line numbers) in output order; ``sections`` each line's
    section (default "requirements"); ``not_demands`` the (id, line) pairs that are not demands.
    One piece per skill, so a large result streams instead of being built whole. Bytes, not
    text: the output is tens of MB, and joining pieces already encoded skips a str copy and one
    big encode.
    """
    version, source_json = int(schema_version), encode_basestring(source)
    head = f'{{\n  "schema_version": {version},\n  "source": {source_json},'
    if not skills:
        yield (head + '\n  "skills": []\n}\n').encode()
        return
    open_, sep, close = f"{_MENTION}{{\n{_MENTION_KEY}", f",\n{_MENTION_KEY}", f"\n{_MENTION}}}"

    def section_of(n: int) -> str:
        return "requirements" if sections is None else sections[n - 1]

    # One mention object per line (and reading), shared by every skill on it: most of the output.
    rendered = {
        (n, demand): (
            f'{open_}"line": {int(n)}{sep}"text": {encode_basestring(lines[n - 1].strip())}'
            f'{sep}"section": {encode_basestring(section_of(n))}'
            f'{sep}"demand": {"true" if demand else "false"}{close}'
        ).encode()
        for n, demand in _variants(skills, not_demands)
    }
    pieces = (
        _skill_json(sid, name, [(n, (sid, n) not in not_demands) for n in numbers], rendered)
        for sid, name, numbers in skills
    )
    yield (head + '\n  "skills": [\n').encode() + next(pieces)
    for piece in pieces:
        yield b",\n" + piece
    yield b"\n  ]\n}\n"


def _variants(
    skills: Sequence[tuple[str, str, Sequence[int]]], not_demands: Collection[tuple[str, int]]
) -> set[tuple[int, bool]]:
    """The (line, demand) mention objects the document uses: each rendered once, none unused."""
    if not not_demands:
        return {(n, True) for _, _, numbers in skills for n in numbers}
    return {(n, (sid, n) not in not_demands) for sid, _, numbers in skills for n in numbers}


def _skill_json(
    skill_id: str,
    name: str,
    numbers: Sequence[tuple[int, bool]],
    rendered: dict[tuple[int, bool], bytes],
) -> bytes:
    """One element of ``skills``, indented as json.dumps(indent=2) does at that depth."""
    head = (
        f'{_SKILL}{{\n{_SKILL_KEY}"id": {encode_basestring(skill_id)},\n'
        f'{_SKILL_KEY}"name": {encode_basestring(name)},\n{_SKILL_KEY}"mentions": '
    ).encode()
    if not numbers:
        return head + f"[]\n{_SKILL}}}".encode()
    body = b",\n".join(map(rendered.__getitem__, numbers))
    return b"".join((head, b"[\n", body, f"\n{_SKILL_KEY}]\n{_SKILL}}}".encode()))
