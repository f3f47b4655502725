"""What ``careergap extract`` shows: skill mentions grouped by line, and its ``--json`` text.

A large file has hundreds of thousands of mentions, so both steps avoid per-mention objects
and Python's pure-Python indented JSON encoder (``json.dumps(indent=2)`` cannot use the C
encoder on Python 3.11): :func:`extract_json_chunks` writes the same bytes as
``json.dumps(payload, indent=2, ensure_ascii=False)`` from the C string encoder, about ten
times faster.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # C-accelerated

from careergap.matching import Mention

#: What json.dumps(indent=2) puts before a value at each depth of the extract payload.
_SKILL, _SKILL_KEY, _MENTION, _MENTION_KEY = (" " * n for n in (4, 6, 8, 10))


def mentions_by_skill(text: str, mentions: Iterable[Mention]) -> dict[str, list[tuple[int, str]]]:
    """Skill id -> [(1-based line, stripped line text)], each line once, skills sorted by id."""
    lines = text.split("\n")
    # From the line lengths, not a walk over every character: a hot spot on large files.
    line_starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    numbers: dict[str, list[int]] = {}
    line_of = bisect.bisect_right  # the 1-based line: the count of line starts <= the offset
    for skill_id, start, _end, _surface in mentions:
        found = numbers.get(skill_id)
        if found is None:
            found = numbers[skill_id] = []
        found.append(line_of(line_starts, start))
    stripped = list(map(str.strip, lines))  # once per line, however many skills it names
    return {
        sid: [(n, stripped[n - 1]) for n in sorted(set(numbers[sid]))] for sid in sorted(numbers)
    }


def extract_json_chunks(
    schema_version: int, source: str, skills: Iterable[tuple[str, str, list[tuple[int, str]]]]
) -> Iterator[str]:
    """The ``extract --json`` document, in pieces, byte for byte what
    ``json.dumps(payload, indent=2, ensure_ascii=False) + "\\n"`` prints for::

        {"schema_version": ..., "source": ..., "skills": [
            {"id": ..., "name": ..., "mentions": [{"line": ..., "text": ...}, ...]}, ...]}

    ``skills`` holds (id, name, [(line, text), ...]) in output order. One piece per skill, so
    a large result streams instead of being built whole.
    """
    version, source_json = int(schema_version), encode_basestring(source)
    head = f'{{\n  "schema_version": {version},\n  "source": {source_json},'
    rest = iter(skills)
    first = next(rest, None)
    if first is None:
        yield head + '\n  "skills": []\n}\n'
        return
    yield head + '\n  "skills": [\n' + _skill_json(*first)
    for skill in rest:
        yield ",\n" + _skill_json(*skill)
    yield "\n  ]\n}\n"


def _skill_json(skill_id: str, name: str, lines: list[tuple[int, str]]) -> str:
    """One element of ``skills``, indented as json.dumps(indent=2) does at that depth."""
    head = (
        f'{_SKILL}{{\n{_SKILL_KEY}"id": {encode_basestring(skill_id)},\n'
        f'{_SKILL_KEY}"name": {encode_basestring(name)},\n{_SKILL_KEY}"mentions": '
    )
    if not lines:
        return f"{head}[]\n{_SKILL}}}"
    open_, sep = f"{_MENTION}{{\n{_MENTION_KEY}", f",\n{_MENTION_KEY}"
    close = f"\n{_MENTION}}}"
    body = ",\n".join(
        [
            f'{open_}"line": {int(number)}{sep}"text": {encode_basestring(text)}{close}'
            for number, text in lines
        ]
    )
    return f"{head}[\n{body}\n{_SKILL_KEY}]\n{_SKILL}}}"
