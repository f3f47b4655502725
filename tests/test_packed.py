"""A family's per-posting columns survive the cache's packed form bit for bit, and a packed form
that is not what the packer wrote is refused."""

from __future__ import annotations

import sys

import pytest

from careergap.store.packed import pack_demand, unpack_demand

SHARES = (0.1 + 0.2, 1 / 3, 2.5e-17, 0.0)
QUALIFY = ((0, 2, 2), (), (3,))
ENTRIES = ((1.0, (0, 1), (0.75, 0.25)), (0.5, (), ()), (0.3333333333333333, (3,), (1.0,)))


def test_columns_round_trip_exactly() -> None:
    shares, qualify, entries = unpack_demand(pack_demand(SHARES, QUALIFY, ENTRIES))
    assert (shares, qualify, entries) == (SHARES, QUALIFY, ENTRIES)
    assert [s.hex() for s in shares] == [s.hex() for s in SHARES]  # every bit kept


def test_no_postings_is_empty_columns() -> None:
    assert unpack_demand(pack_demand((), (), ())) == ((), (), ())


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc.update(
            sizes=pack_demand((), (), ((1.0, (0, 1, 2), (1.0, 0, 0)),))["sizes"]
        ),
        lambda doc: doc.update(weights=pack_demand((), (), ())["weights"]),
        lambda doc: doc.update(qualify="not base64!"),
        lambda doc: doc.update(order="big" if sys.byteorder == "little" else "little"),
    ],
    ids=["sizes", "weights", "not base64", "byte order"],
)
def test_a_packed_form_the_packer_did_not_write_is_refused(damage) -> None:  # type: ignore[no-untyped-def]
    doc = pack_demand(SHARES, QUALIFY, ENTRIES)
    damage(doc)
    with pytest.raises(ValueError):
        unpack_demand(doc)
