"""What ``careergap extract`` shows: the lines that mention each skill, and its ``--json`` text.

A large file has hundreds of thousands of mentions, so both steps avoid per-mention objects
and Python's pure-Python indented JSON encoder (``json.dumps(indent=2)`` cannot use the C
encoder on Python 3.11): :func:`extract_json_chunks` writes the same bytes as ``emit_json``
(``json.dumps(payload, indent=2, ensure_ascii=False)`` through ``escaping.for_json``), each line
rendered once by the C string encoder however many skills it names, several times faster.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Collection, Iterable, Iterator, Sequence
from json.encoder import encode_basestring as _c_encode
from typing import TYPE_CHECKING

from careergap.files.escaping import for_json
from careergap.reading.extractor import Mention

if TYPE_CHECKING:
    pass


# Speed trick kept (issue 14): writing the JSON by hand instead of emit_json's json.dumps saves
# 19% of `extract --json`'s CPU time on 3.5 MB of varied text (tests/benchmarks/bench_tricks.py,
# "json-encoder"; the README's Performance section has the figures).
def encode_basestring(text: str) -> str:
    """A JSON string literal (C-accelerated), controls escaped as ``emit_json`` escapes them."""
    return for_json(_c_encode(text))


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
