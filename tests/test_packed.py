"""A family's per-posting and per-skill columns survive the cache's packed form bit for bit, and a
packed form that is not what the packer wrote is refused."""

from __future__ import annotations

import sys

import pytest

from careergap.reading.requirements import Requirement
from careergap.scoring.demand import EMPTY, compile_family
from careergap.scoring.entries import Entry
from careergap.store.packed import pack_demand, unpack_demand


def _entry(pid: str, kind: str, *reqs: tuple[tuple[str, ...], float, int]) -> Entry:
    return Entry(
        id=pid, title=pid, kind=kind, families=("f",), source_file="s.txt",  # type: ignore[arg-type]
        requirements=tuple(Requirement(o, w, t, 1, f"{pid} {o}") for o, w, t in reqs),
    )  # fmt: skip


DEMAND = compile_family(
    [
        _entry("a", "posting", (("python",), 1.0, 3), (("sql", "spark"), 0.5, 2), (("c",), 1.0, 1)),
        _entry("b", "posting", (("python",), 0.5, 3), (("go",), 1.0, 4)),
        _entry("n", "notes", (("sql",), 1.0, 2), (("rust",), 1 / 3, 5)),
    ]
)


def _unpacked(demand=DEMAND):  # type: ignore[no-untyped-def]
    return unpack_demand(pack_demand(demand), len(demand.asks))


def test_columns_round_trip_exactly() -> None:
    shares, columns, skill_asks = _unpacked()
    assert (list(shares), columns, skill_asks) == (
        list(DEMAND.shares), DEMAND.columns, DEMAND.skill_asks,
    )  # fmt: skip
    assert [s.hex() for s in shares] == [s.hex() for s in DEMAND.shares]  # every bit kept
    assert skill_asks.source_postings  # a small family keeps its gap sources


def test_no_postings_is_empty_columns() -> None:
    shares, columns, skill_asks = _unpacked(EMPTY)
    assert (len(shares), len(columns.weights), skill_asks.skills) == (0, 0, ())


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc.update(starts=pack_demand(EMPTY)["starts"]),
        lambda doc: doc.update(weights=pack_demand(EMPTY)["weights"]),
        lambda doc: doc.update(qualify="not base64!"),
        lambda doc: doc.update(order="big" if sys.byteorder == "little" else "little"),
        lambda doc: doc.update(base=pack_demand(EMPTY)["base"]),
    ],
    ids=["starts", "weights", "not base64", "byte order", "base"],
)
def test_a_packed_form_the_packer_did_not_write_is_refused(damage) -> None:  # type: ignore[no-untyped-def]
    doc = pack_demand(DEMAND)
    damage(doc)
    with pytest.raises(ValueError):
        unpack_demand(doc, len(DEMAND.asks))
