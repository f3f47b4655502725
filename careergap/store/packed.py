"""The per-posting and per-skill columns of a family's compiled demand, packed as machine arrays.

A family's demand holds a few numbers per posting (``FamilyDemand.columns``: each entry's
weight, the asks it names and each one's share; the asks that decide whether a profile
qualifies), per ask (``shares``) and per skill (``skill_asks``: the asks naming it, its gap
impact and sources when none earns credit). They are most of the workspace cache file, which
every run reads: written as JSON numbers, 100k postings made it hundreds of megabytes to parse
(issue 15). Here each column is one flat array of doubles or unsigned ints (``array``), stored
as base64 text in the JSON body, and read back as the same array, never as one Python object per
number: scoring works on the arrays (``careergap.scoring.score``). Doubles keep every bit of
each float. Arrays are in this machine's byte order, which the column records: a cache from a
machine of the other order is a miss (``ValueError``), never a wrong number.
"""

from __future__ import annotations

import base64
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from careergap.scoring.demand import DOUBLE, INDEX, Columns, FamilyDemand, SkillAsks


def _column(code: str, values: Iterable[float]) -> str:
    return base64.b64encode(array(code, values).tobytes()).decode("ascii")


def _array(code: str, text: str) -> array[Any]:
    column = array(code)
    column.frombytes(base64.b64decode(text, validate=True))
    return column


def pack_demand(demand: FamilyDemand) -> dict[str, Any]:
    """The ``shares``, ``columns`` and ``skill_asks`` of a family's demand as packed columns
    (the skill names themselves are a JSON list)."""
    if array(INDEX).itemsize != 4:  # pragma: no cover - every platform CPython runs on
        raise ValueError("no 32-bit unsigned int here")
    c, s = demand.columns, demand.skill_asks
    return {
        "order": sys.byteorder,
        "shares": _column(DOUBLE, demand.shares),
        "weights": _column(DOUBLE, c.weights),
        "totals": _column(DOUBLE, c.totals),
        "starts": _column(INDEX, c.starts),
        "asks": _column(INDEX, c.asks),
        "fractions": _column(DOUBLE, c.fractions),
        "qualify_starts": _column(INDEX, c.qualify_starts),
        "qualify": _column(INDEX, c.qualify),
        "skills": list(s.skills),
        "skill_starts": _column(INDEX, s.starts),
        "skill_asks": _column(INDEX, s.asks),
        "base": _column(DOUBLE, s.base),
        "source_postings": _column(INDEX, s.source_postings),
        "source_tops": _column(DOUBLE, s.source_tops),
    }


def unpack_demand(doc: dict[str, Any], asks: int) -> tuple[array[float], Columns, SkillAsks]:
    """``(shares, columns, skill_asks)`` from :func:`pack_demand`'s columns for a family of
    ``asks`` asks; ``ValueError`` when they are not what it writes (lengths that disagree, an
    index out of range)."""
    if doc["order"] != sys.byteorder:
        raise ValueError("written on a machine of the other byte order")
    shares = _array(DOUBLE, doc["shares"])
    columns = Columns(
        weights=_array(DOUBLE, doc["weights"]),
        totals=_array(DOUBLE, doc["totals"]),
        starts=_array(INDEX, doc["starts"]),
        asks=_array(INDEX, doc["asks"]),
        fractions=_array(DOUBLE, doc["fractions"]),
        qualify_starts=_array(INDEX, doc["qualify_starts"]),
        qualify=_array(INDEX, doc["qualify"]),
    )
    skills = tuple(doc["skills"])
    if not all(type(skill) is str for skill in skills):
        raise ValueError("a skill that is not a name")
    skill_asks = SkillAsks(
        skills=skills,
        starts=_array(INDEX, doc["skill_starts"]),
        asks=_array(INDEX, doc["skill_asks"]),
        base=_array(DOUBLE, doc["base"]),
        source_postings=_array(INDEX, doc["source_postings"]),
        source_tops=_array(DOUBLE, doc["source_tops"]),
    )
    _check(shares, columns, skill_asks, asks)
    return shares, columns, skill_asks


def _check(shares: Sequence[float], c: Columns, s: SkillAsks, asks: int) -> None:
    """ValueError unless the columns' lengths fit together. Their values are not checked one by
    one: a body whose digest matches is what the encoder wrote (``careergap.store.cache_codec``)."""
    entries, skills = len(c.weights), len(s.skills)
    if (
        len(shares) != asks
        or len(c.totals) != entries
        or len(c.starts) != entries + 1
        or len(c.fractions) != len(c.asks)
        or not c.qualify_starts
        or len(s.starts) != skills + 1
        or len(s.base) != skills
        or len(s.source_postings) != len(s.source_tops)
        or len(s.source_postings) not in (0, skills)
    ):
        raise ValueError("columns of different lengths")
    for starts, flat in ((c.starts, c.asks), (c.qualify_starts, c.qualify), (s.starts, s.asks)):
        if starts[0] != 0 or starts[-1] != len(flat):
            raise ValueError("rows that do not add up")
