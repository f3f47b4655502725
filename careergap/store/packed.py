"""The per-posting columns of a family's compiled demand, packed as machine arrays in the cache.

A family's demand holds a few numbers per posting (``FamilyDemand.entries``: its weight, the
asks it names and each one's share; ``qualify``: the asks that decide whether a profile
qualifies) and per ask (``shares``). They are most of the workspace cache file, which every
run reads: written as JSON numbers, 100k postings made it hundreds of megabytes to parse (issue
15). Here each column is one flat array of doubles or unsigned ints (``array``), stored as
base64 text in the JSON body, so a cached run decodes it in one call per column; doubles keep
every bit of each float. Arrays are in this machine's byte order, which the column records: a
cache from a machine of the other order is a miss (``ValueError``), never a wrong number.
"""

from __future__ import annotations

import base64
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate, islice
from typing import Any

from careergap.scoring.demand import EntryAsks

#: Array type codes: C double (every bit of a Python float) and a 32-bit unsigned int.
DOUBLE, INDEX = "d", "I"


def _column(code: str, values: Iterable[float]) -> str:
    return base64.b64encode(array(code, values).tobytes()).decode("ascii")


def _values(code: str, text: str) -> list[Any]:
    column = array(code)
    column.frombytes(base64.b64decode(text, validate=True))
    return column.tolist()


def pack_demand(
    shares: Sequence[float],
    qualify: Sequence[Sequence[int]],
    entries: Sequence[EntryAsks],
) -> dict[str, Any]:
    """The ``shares``, ``qualify`` and ``entries`` of a family's demand as packed columns."""
    if array(INDEX).itemsize != 4:  # pragma: no cover - every platform CPython runs on
        raise ValueError("no 32-bit unsigned int here")
    return {
        "order": sys.byteorder,
        "shares": _column(DOUBLE, shares),
        "qualify_sizes": _column(INDEX, map(len, qualify)),
        "qualify": _column(INDEX, (i for asks in qualify for i in asks)),
        "weights": _column(DOUBLE, (weight for weight, _, _ in entries)),
        "sizes": _column(INDEX, (len(indices) for _, indices, _ in entries)),
        "asks": _column(INDEX, (i for _, indices, _ in entries for i in indices)),
        "fractions": _column(DOUBLE, (f for _, _, fractions in entries for f in fractions)),
    }


def unpack_demand(
    doc: dict[str, Any],
) -> tuple[tuple[float, ...], tuple[tuple[int, ...], ...], tuple[EntryAsks, ...]]:
    """``(shares, qualify, entries)`` from :func:`pack_demand`'s columns; ``ValueError`` when
    they are not what it writes."""
    if doc["order"] != sys.byteorder:
        raise ValueError("written on a machine of the other byte order")
    shares = tuple(_values(DOUBLE, doc["shares"]))
    qualify = _split(_values(INDEX, doc["qualify_sizes"]), _values(INDEX, doc["qualify"]))
    sizes = _values(INDEX, doc["sizes"])
    weights = _values(DOUBLE, doc["weights"])
    indices = _split(sizes, _values(INDEX, doc["asks"]))
    fractions = _split(sizes, _values(DOUBLE, doc["fractions"]))
    if len(weights) != len(sizes):
        raise ValueError("entry columns of different lengths")
    return shares, qualify, tuple(zip(weights, indices, fractions, strict=True))


def _split(sizes: Sequence[int], flat: list[Any]) -> tuple[tuple[Any, ...], ...]:
    """``flat`` cut into consecutive tuples of ``sizes``; ValueError unless they add up."""
    ends = list(accumulate(sizes))
    if (ends[-1] if ends else 0) != len(flat):
        raise ValueError("column sizes do not add up")
    values = iter(flat)
    return tuple(tuple(islice(values, size)) for size in sizes)
