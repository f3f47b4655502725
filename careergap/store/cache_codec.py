"""The corpus cache's JSON layout: compiled family demand and full entries, both ways.

Each file body is written by this module from values careergap computed and checked, and the
cache stores it with its SHA-256 (``careergap.store.cache``): a body whose digest matches is
this encoder's output, so decoding rebuilds the values without checking each one again (issue
15: the per-value checks cost a cached `match` about a tenth of its time). A body that is
not what this encoder writes (a hand edit that also redid the digest) fails here with
:class:`Invalid` or a ``KeyError``/``TypeError``/``IndexError``/``ValueError``, and the cache
is rebuilt; an edit that keeps the layout can still change answers, and deleting the cache
is always safe.

Repeated values are stored once and referred to by index: line texts, the postings quoted
(id, title, kind, source) and requirements, so a posting quoted for twenty skills is one row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any, Generic, TypeVar

from careergap.reading.requirements import Requirement
from careergap.scoring.demand import FamilyDemand
from careergap.scoring.entries import Entry, EntryInfo, Evidence
from careergap.store.packed import pack_demand, unpack_demand
from careergap.store.workspace import Found, Mentions
from careergap.store.workspace import Table as EntryTables

K = TypeVar("K")


class Invalid(Exception):
    """The cache file is not something this version wrote; treat it as a miss."""


class Table(Generic[K]):
    """A shared table of values: each distinct value is stored once and referred to by index."""

    def __init__(self) -> None:
        self._index: dict[K, int] = {}

    def ref(self, value: K) -> int:
        return self._index.setdefault(value, len(self._index))

    def rows(self) -> list[K]:
        return list(self._index)


class Refs:
    """The shared tables of one file: texts, quoted postings and requirements."""

    def __init__(self) -> None:
        self.texts: Table[str] = Table()
        self.infos: Table[tuple[str, str, str, str]] = Table()
        self.requirements: Table[Requirement] = Table()

    def info(self, info: EntryInfo) -> int:
        return self.infos.ref((info.id, info.title, info.kind, info.source_file))

    def tables(self) -> dict[str, Any]:
        return {
            "requirements": [
                [list(r.options), r.weight, r.target, r.line, self.texts.ref(r.text)]
                for r in self.requirements.rows()
            ],
            "texts": self.texts.rows(),  # after the requirements: they add the texts
            "infos": [list(row) for row in self.infos.rows()],
        }


def _requirements(body: Mapping[str, Any]) -> list[Requirement]:
    texts = body["texts"]
    return [
        Requirement(tuple(options), weight, target, line, texts[text])
        for options, weight, target, line, text in body["requirements"]
    ]


def _infos(body: Mapping[str, Any]) -> list[EntryInfo]:
    return [EntryInfo(*row) for row in body["infos"]]


# --- compiled demand ------------------------------------------------------------------------


def encode_demands(demands: Mapping[str, FamilyDemand], refs: Refs) -> dict[str, Any]:
    return {
        fid: {
            "asks": [[list(options), target] for options, target in d.asks],
            "packed": pack_demand(d),
            "apart": list(d.apart),
            "marks": [list(mark) for mark in d.marks],
            "notes": d.notes,
            "demand": dict(d.demand),
            "targets": dict(d.targets),
            "evidence": {
                skill: [refs.info(ev.entry), refs.requirements.ref(ev.requirement)]
                for skill, ev in d.evidence.items()
            },
        }
        for fid, d in demands.items()
    }


def decode_demands(body: Mapping[str, Any], families: Iterable[str]) -> dict[str, FamilyDemand]:
    """Each family's demand from a workspace body (``families``: the known family ids)."""
    requirements, infos = _requirements(body), _infos(body)
    known = set(families)
    demands = {}
    for fid, doc in body["families"].items():
        if fid not in known:  # the key covers families.yaml: only a foreign file gets here
            raise Invalid("unknown family")
        asks = tuple((tuple(options), target) for options, target in doc["asks"])
        shares, columns, skill_asks = unpack_demand(doc["packed"], len(asks))
        demands[fid] = FamilyDemand(
            asks=asks,
            shares=shares,
            notes=doc["notes"],
            demand=doc["demand"],
            targets=doc["targets"],
            evidence={
                skill: Evidence(infos[info], requirements[req])
                for skill, (info, req) in doc["evidence"].items()
            },
            columns=columns,
            skill_asks=skill_asks,
            apart=tuple(doc["apart"]),
            marks=tuple((own, when, stated) for own, when, stated in doc["marks"]),
        )
    return demands


# --- full entries ---------------------------------------------------------------------------


def encode_entries(entries: Iterable[Entry], mentions: Mentions) -> dict[str, Any]:
    """Entries (each once, by id) with shared tables of requirements and texts, and per text
    what the extractor found in it (``[skill, start, end, skill, start, end, ...]``)."""
    refs = Refs()
    rows = []
    for entry in sorted({e.id: e for e in entries}.values(), key=lambda e: e.id):
        row: list[Any] = [
            entry.id, entry.title, entry.kind, list(entry.families), entry.source_file,
            [refs.requirements.ref(r) for r in entry.requirements],
        ]  # fmt: skip
        if entry.date is not None:  # only a person's own postings are dated
            row += [entry.date, entry.date_stated]
        rows.append(row)
    tables = refs.tables()
    return {
        **tables,
        "mentions": [list(chain.from_iterable(mentions.get(t, ()))) for t in tables["texts"]],
        "entries": rows,
    }


def decode_entries(body: Mapping[str, Any], families: Iterable[str]) -> EntryTables:
    """Every family's entries (in id order) and per requirement text its mentions, from an
    entries body, each decoded when first asked for: `gaps --role` and `explain --skill` read
    one family's entries and the lines they quote, not the whole corpus's. The layout is
    checked here, all at once (an index out of range is :class:`Invalid` now, not a crash
    later), so what is decoded later cannot fail."""
    texts, requirements, rows = body["texts"], body["requirements"], body["entries"]
    mentions = body["mentions"]
    if len(mentions) != len(texts):
        raise Invalid("mentions and texts differ in length")
    for _options, _weight, _target, _line, text in requirements:
        if not 0 <= text < len(texts):
            raise Invalid("text index out of range")
    known = set(families)
    grouped: dict[str, list[list[Any]]] = {}
    for row in sorted(rows, key=lambda row: row[0]):
        fams, refs = row[3], row[5]
        if len(row) not in (6, 8) or not known.issuperset(fams):  # as in decode_demands
            raise Invalid("unknown family")
        if refs and not (0 <= min(refs) and max(refs) < len(requirements)):
            raise Invalid("requirement index out of range")
        for family in fams:
            grouped.setdefault(family, []).append(row)
    return LazyEntries(dict(sorted(grouped.items())), requirements, texts), LazyMentions(
        texts, mentions
    )


class LazyEntries(Mapping[str, tuple[Entry, ...]]):
    """Each family's entries from the rows of an entries body (:func:`decode_entries`), built
    on first use; a posting in two families is one Entry."""

    def __init__(self, rows: dict[str, list[list[Any]]], requirements: list[Any], texts: list[str]):
        self._rows, self._requirements, self._texts = rows, requirements, texts
        self._families: dict[str, tuple[Entry, ...]] = {}
        self._entries: dict[str, Entry] = {}
        self._built: dict[int, Requirement] = {}

    def __getitem__(self, family_id: str) -> tuple[Entry, ...]:
        found = self._families.get(family_id)
        if found is None:
            found = self._families[family_id] = tuple(map(self._entry, self._rows[family_id]))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def _entry(self, row: list[Any]) -> Entry:
        entry = self._entries.get(row[0])
        if entry is None:
            posting_id, title, kind, fams, source_file, refs = row[:6]
            dated, stated = (row[6], row[7]) if len(row) == 8 else (None, False)
            entry = self._entries[posting_id] = Entry(
                id=posting_id,
                title=title,
                kind=kind,
                families=tuple(fams),
                source_file=source_file,
                requirements=tuple(map(self._requirement, refs)),
                date=dated,
                date_stated=stated,
            )
        return entry

    def _requirement(self, index: int) -> Requirement:
        found = self._built.get(index)
        if found is None:
            options, weight, target, line, text = self._requirements[index]
            found = Requirement(tuple(options), weight, target, line, self._texts[text])
            self._built[index] = found
        return found


class LazyMentions(Mapping[str, tuple[Found, ...]]):
    """Per requirement text, what the extractor found in it, decoded on first use."""

    def __init__(self, texts: list[str], flat: list[list[Any]]):
        self._index = {text: i for i, text in enumerate(texts)}
        self._flat = flat
        self._built: dict[str, tuple[Found, ...]] = {}

    def __getitem__(self, text: str) -> tuple[Found, ...]:
        found = self._built.get(text)
        if found is None:
            flat = self._flat[self._index[text]]
            found = tuple(map(Found, flat[0::3], flat[1::3], flat[2::3]))
            self._built[text] = found
        return found

    def __contains__(self, text: object) -> bool:
        return text in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
