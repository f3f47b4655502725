"""The ``extract --json`` document, written as UTF-8 bytes piece by piece.

A large file has hundreds of thousands of mentions, so this avoids per-mention objects and
Python's pure-Python indented JSON encoder (``json.dumps(indent=2)`` cannot use the C encoder on
Python 3.11): :func:`extract_json_chunks` writes the same bytes as ``emit_json``
(``json.dumps(payload, indent=2, ensure_ascii=False)`` through ``escaping.for_json``), each line
rendered once by the C string encoder however many skills it names, several times faster. What
it writes comes from ``engine/extract.extract_lines``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from json.encoder import encode_basestring as _c_encode

from careergap.files.escaping import for_json

#: What json.dumps(indent=2) puts before a value at each depth of the extract payload.
_SKILL, _SKILL_KEY, _MENTION, _MENTION_KEY = (" " * n for n in (4, 6, 8, 10))


# Speed trick kept (issue 14): writing the JSON by hand instead of emit_json's json.dumps saves
# 19% of `extract --json`'s CPU time on 3.5 MB of varied text (tests/benchmarks/bench_tricks.py,
# "json-encoder"; the README's Performance section has the figures).
def encode_basestring(text: str) -> str:
    """A JSON string literal (C-accelerated), controls escaped as ``emit_json`` escapes them."""
    return for_json(_c_encode(text))


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

    def mention(n: int, demand: bool) -> bytes:
        return (
            f'{open_}"line": {int(n)}{sep}"text": {encode_basestring(lines[n - 1].strip())}'
            f'{sep}"section": {encode_basestring(section_of(n))}'
            f'{sep}"demand": {"true" if demand else "false"}{close}'
        ).encode()

    # The lines whose mention of each skill is not a demand, by skill (most skills have few).
    off_lines: dict[str, set[int]] = {}
    for sid, n in not_demands:
        found = off_lines.get(sid)
        if found is None:
            found = off_lines[sid] = set()
        found.add(n)
    # Which lines each skill reads as a demand and which not: set operations, in C.
    demanded: set[int] = set()
    not_demanded: set[int] = set()
    for sid, _, numbers in skills:
        off = off_lines.get(sid)
        if off is None:
            demanded.update(numbers)
        else:
            not_demanded.update(off.intersection(numbers))
            demanded.update(set(numbers).difference(off))
    # One mention object per line (and reading), shared by every skill on it: most of the output.
    rendered = (
        {n: mention(n, True) for n in demanded},
        {n: mention(n, False) for n in not_demanded},
    )

    pieces = (
        _skill_json(sid, name, numbers, off_lines.get(sid), rendered)
        for sid, name, numbers in skills
    )
    yield (head + '\n  "skills": [\n').encode() + next(pieces)
    for piece in pieces:
        yield b",\n" + piece
    yield b"\n  ]\n}\n"


def _skill_json(
    skill_id: str,
    name: str,
    numbers: Sequence[int],
    off: set[int] | None,
    rendered: tuple[dict[int, bytes], dict[int, bytes]],
) -> bytes:
    """One element of ``skills``, indented as json.dumps(indent=2) does at that depth: the
    mention objects of its lines, demands or not (``off``: the lines where it is not one)."""
    head = (
        f'{_SKILL}{{\n{_SKILL_KEY}"id": {encode_basestring(skill_id)},\n'
        f'{_SKILL_KEY}"name": {encode_basestring(name)},\n{_SKILL_KEY}"mentions": '
    ).encode()
    if not numbers:
        return head + f"[]\n{_SKILL}}}".encode()
    demand, not_demand = rendered
    if off is None:
        body = b",\n".join(map(demand.__getitem__, numbers))
    else:
        body = b",\n".join([not_demand[n] if n in off else demand[n] for n in numbers])
    return b"".join((head, b"[\n", body, f"\n{_SKILL_KEY}]\n{_SKILL}}}".encode()))
