"""The corpus cache's JSON layout: compiled family demand and full entries, both ways.

Decoding checks every value's type and range, and that the values agree with each other
(shares add up to the family, each quote is one of the family's asks), on the way back: a
cache file is data someone could have edited, and a NaN weight or a target of 0 would corrupt
every score, so such a file raises :class:`Invalid` and the cache is rebuilt. A hand edit that
keeps every one of those checks (swapping two postings' asks, say) can still change answers;
the cache is the user's own file, and deleting it is always safe.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any

from careergap.models import LEVEL_MAX, LEVEL_MIN, RoleFamily
from careergap.reading.requirements import PREFERRED_WEIGHT, REQUIRED_WEIGHT, Requirement
from careergap.scoring.demand import FamilyDemand
from careergap.scoring.entries import Entry, EntryInfo, Evidence
from careergap.store.workspace import Found, Mentions

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: How far from 1 a family's shares may add up (float rounding over thousands of asks).
SHARES_TOLERANCE = 1e-6
#: The only weights the requirement parser produces.
CACHED_WEIGHTS = (REQUIRED_WEIGHT, PREFERRED_WEIGHT)
KINDS = ("posting", "notes")


class Invalid(Exception):
    """The cache file is not something this version wrote; treat it as a miss."""


class Texts:
    """A shared table of line texts: each distinct text is stored once and referred to by index."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        return self._index.setdefault(text, len(self._index))

    def table(self) -> list[str]:
        return list(self._index)


# --- checks ---------------------------------------------------------------------------------


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise Invalid(f"{what} is not a list")
    return value


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(f"{what} is not a mapping")
    return value


def _int(value: Any, low: int, high: int, what: str) -> int:
    if type(value) is not int or not low <= value <= high:
        raise Invalid(what)
    return value


def _str(value: Any, what: str) -> str:
    if type(value) is not str or not value:
        raise Invalid(what)
    return value


def _share(value: Any) -> float:
    if type(value) is not float or not math.isfinite(value) or not 0.0 <= value <= 1.0 + 1e-9:
        raise Invalid("share")
    return value


def _options(value: Any, taxonomy: Taxonomy) -> tuple[str, ...]:
    options = tuple(_list(value, "options"))
    if not options or not all(type(o) is str and o in taxonomy.skills for o in options):
        raise Invalid("options")
    return options


def _requirement(row: Any, taxonomy: Taxonomy, texts: list[str]) -> Requirement:
    options, weight, target, line, text = _list(row, "requirement")
    if weight not in CACHED_WEIGHTS or type(weight) is not float:
        raise Invalid("weight")
    return Requirement(
        _options(options, taxonomy),
        weight,
        _int(target, LEVEL_MIN + 1, LEVEL_MAX, "target"),
        _int(line, 1, 10**9, "line"),
        texts[_int(text, 0, len(texts) - 1, "text")],
    )


def _info(row: Any) -> EntryInfo:
    posting_id, title, kind, source_file = _list(row, "entry")
    if kind not in KINDS or type(title) is not str:
        raise Invalid("entry")
    return EntryInfo(_str(posting_id, "id"), title, kind, _str(source_file, "source"))


def _req_row(req: Requirement, texts: Texts) -> list[Any]:
    return [list(req.options), req.weight, req.target, req.line, texts.ref(req.text)]


# --- compiled demand ------------------------------------------------------------------------


def encode_demands(demands: Mapping[str, FamilyDemand], texts: Texts) -> dict[str, Any]:
    return {
        fid: {
            "asks": [[list(options), target] for options, target in d.asks],
            "shares": list(d.shares),
            "qualify": [list(q) for q in d.qualify],
            "entries": [[w, list(idx), list(fr)] for w, idx, fr in d.entries],
            "apart": list(d.apart),
            "marks": [list(mark) for mark in d.marks],
            "notes": d.notes,
            "demand": dict(d.demand),
            "targets": dict(d.targets),
            "evidence": {
                skill: [
                    [ev.entry.id, ev.entry.title, ev.entry.kind, ev.entry.source_file],
                    _req_row(ev.requirement, texts),
                ]
                for skill, ev in d.evidence.items()
            },
        }
        for fid, d in demands.items()
    }


def decode_demands(
    raw: Any, taxonomy: Taxonomy, families: Mapping[str, RoleFamily], texts: list[str]
) -> dict[str, FamilyDemand]:
    demands = {}
    for fid, doc in _dict(raw, "families").items():
        if fid not in families:
            raise Invalid("unknown family")
        demands[fid] = _demand(_dict(doc, "family"), taxonomy, texts)
    return demands


def _demand(doc: dict[str, Any], taxonomy: Taxonomy, texts: list[str]) -> FamilyDemand:
    asks = []
    for row in _list(doc.get("asks"), "asks"):
        options, target = _list(row, "ask")
        asks.append((_options(options, taxonomy), _int(target, LEVEL_MIN + 1, LEVEL_MAX, "target")))
    if asks != sorted(set(asks)):
        raise Invalid("asks out of order")
    shares = tuple(_share(v) for v in _list(doc.get("shares"), "shares"))
    if len(shares) != len(asks):
        raise Invalid("shares")
    rows = _list(doc.get("qualify"), "qualify")
    # Passes in C over what can be a million indices: lists of ints, all in range, none empty.
    if rows and (set(map(type, rows)) != {list} or not all(rows)):
        raise Invalid("qualify")
    flat = list(chain.from_iterable(rows))
    if flat and (set(map(type, flat)) != {int} or min(flat) < 0 or max(flat) >= len(asks)):
        raise Invalid("qualify")
    qualify = tuple(map(tuple, rows))
    entries = _entry_asks(doc.get("entries"), len(asks))
    demand = {s: _share(v) for s, v in _dict(doc.get("demand"), "demand").items()}
    targets = {
        s: _int(v, LEVEL_MIN + 1, LEVEL_MAX, "target")
        for s, v in _dict(doc.get("targets"), "targets").items()
    }
    evidence = {}
    for skill, row in _dict(doc.get("evidence"), "evidence").items():
        info, requirement = _list(row, "evidence")
        evidence[skill] = Evidence(_info(info), _requirement(requirement, taxonomy, texts))
    raw_apart = _list(doc.get("apart"), "apart")
    apart = _options(raw_apart, taxonomy) if raw_apart else ()
    asked = {option for options, _ in asks for option in options}
    if not (asked | set(apart) == set(demand) == set(targets) == set(evidence)):
        raise Invalid("skills")
    if list(apart) != sorted(set(apart)):
        raise Invalid("apart")
    asked_evidence = {s: ev for s, ev in evidence.items() if s in asked and s not in apart}
    _check_consistent(asks, shares, demand, targets, asked_evidence)
    return FamilyDemand(
        asks=tuple(asks),
        shares=shares,
        qualify=qualify,
        notes=_int(doc.get("notes"), 0, 10**9, "notes"),
        demand=demand,
        targets=targets,
        evidence=evidence,
        entries=entries,
        apart=apart,
        marks=_marks(doc.get("marks")),
    )


def _marks(raw: Any) -> tuple[tuple[bool, str | None, bool], ...]:
    """(own, date or None, date stated) per own or dated posting, each checked."""
    marks = []
    for row in _list(raw, "marks"):
        own, when, stated = _list(row, "mark")
        if type(own) is not bool or type(stated) is not bool:
            raise Invalid("mark")
        if when is not None and not _is_iso_date(when):
            raise Invalid("mark date")
        marks.append((own, when, stated))
    return tuple(marks)


def _entry_asks(
    raw: Any, n_asks: int
) -> tuple[tuple[float, tuple[int, ...], tuple[float, ...]], ...]:
    """Each entry's weight, ask indices (in range) and shares (in [0, 1], one per index)."""
    result = []
    for row in _list(raw, "entries"):
        weight, indices, fractions = _list(row, "entry")
        idx = tuple(_int(i, 0, n_asks - 1, "entry ask") for i in _list(indices, "entry asks"))
        fr = tuple(_share(v) for v in _list(fractions, "entry shares"))
        if not idx or len(idx) != len(fr):
            raise Invalid("entry")
        result.append((_share(weight), idx, fr))
    return tuple(result)


def _check_consistent(
    asks: list[tuple[tuple[str, ...], int]],
    shares: tuple[float, ...],
    demand: Mapping[str, float],
    targets: Mapping[str, int],
    evidence: Mapping[str, Evidence],
) -> None:
    """Values each in range can still contradict each other; the encoder never writes that."""
    if asks and not math.isclose(math.fsum(shares), 1.0, abs_tol=SHARES_TOLERANCE):
        raise Invalid("shares do not add up to the whole family")
    if not all(v > 0 for v in demand.values()):
        raise Invalid("demand")
    targets_of: dict[str, set[int]] = {}
    for options, target in asks:
        for option in options:
            targets_of.setdefault(option, set()).add(target)
    known = set(asks)
    for skill, ev in evidence.items():
        requirement = ev.requirement
        if (
            skill not in requirement.options
            or (requirement.options, requirement.target) not in known
        ):
            raise Invalid("evidence")
        if targets[skill] not in targets_of[skill]:
            raise Invalid("targets")


# --- full entries ---------------------------------------------------------------------------


def encode_entries(entries: Iterable[Entry], mentions: Mentions) -> dict[str, Any]:
    """Entries (each once, by id) with a shared table of requirements and texts, and per text
    what the extractor found in it (``[skill, start, end, skill, start, end, ...]``)."""
    texts = Texts()
    requirements: dict[Requirement, int] = {}
    rows = []
    for entry in sorted({e.id: e for e in entries}.values(), key=lambda e: e.id):
        refs = [requirements.setdefault(r, len(requirements)) for r in entry.requirements]
        row: list[Any] = [
            entry.id, entry.title, entry.kind, list(entry.families), entry.source_file, refs
        ]  # fmt: skip
        if entry.date is not None:  # only a person's own postings are dated
            row += [entry.date, entry.date_stated]
        rows.append(row)
    requirement_rows = [_req_row(r, texts) for r in requirements]
    table = texts.table()
    return {
        "requirements": requirement_rows,
        "texts": table,
        "mentions": [list(chain.from_iterable(mentions.get(text, ()))) for text in table],
        "entries": rows,
    }


def decode_entries(
    doc: Mapping[str, Any], taxonomy: Taxonomy, families: Mapping[str, RoleFamily]
) -> tuple[dict[str, Entry], dict[str, tuple[Found, ...]]]:
    texts = _list(doc.get("texts"), "texts")
    if not all(type(t) is str and t for t in texts):
        raise Invalid("texts")
    mentions = _mentions(_list(doc.get("mentions"), "mentions"), texts, taxonomy)
    reqs = [_requirement(row, taxonomy, texts) for row in _list(doc.get("requirements"), "reqs")]
    entries: dict[str, Entry] = {}
    for row in _list(doc.get("entries"), "entries"):
        fields = _list(row, "entry")
        if len(fields) not in (6, 8):
            raise Invalid("entry")
        posting_id, title, kind, fams, source_file, refs = fields[:6]
        dated, stated = (fields[6], fields[7]) if len(fields) == 8 else (None, False)
        if dated is not None and (not _is_iso_date(dated) or type(stated) is not bool):
            raise Invalid("entry date")
        info = _info([posting_id, title, kind, source_file])
        fams = tuple(_list(fams, "families"))
        if not fams or not all(type(f) is str and f in families for f in fams):
            raise Invalid("unknown family")
        if info.id in entries:
            raise Invalid("duplicate entry id")
        entries[info.id] = Entry(
            id=info.id,
            title=info.title,
            kind=info.kind,
            families=fams,
            source_file=info.source_file,
            requirements=tuple(
                reqs[_int(i, 0, len(reqs) - 1, "requirement index")] for i in _list(refs, "refs")
            ),
            date=dated,
            date_stated=stated,
        )
    return entries, mentions


def _mentions(
    rows: list[Any], texts: list[str], taxonomy: Taxonomy
) -> dict[str, tuple[Found, ...]]:
    """Per text, its mentions: known skills at spans inside the text, in order of start."""
    if len(rows) != len(texts):
        raise Invalid("mentions")
    found = {}
    for text, row in zip(texts, rows, strict=True):
        flat = _list(row, "mentions")
        skills, starts, ends = flat[0::3], flat[1::3], flat[2::3]
        if len(flat) % 3 or not all(type(s) is str and s in taxonomy.skills for s in skills):
            raise Invalid("mention")
        for start, end in zip(starts, ends, strict=True):
            if not (type(start) is int and type(end) is int and 0 <= start < end <= len(text)):
                raise Invalid("mention span")
        if starts != sorted(starts):
            raise Invalid("mention order")
        found[text] = tuple(map(Found, skills, starts, ends))
    return found


def _is_iso_date(value: Any) -> bool:
    from datetime import date

    if type(value) is not str:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
