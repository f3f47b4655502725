"""Load and check the hand-labelled gold postings in this folder (format: README.md here).

Used by ``tests/test_gold.py`` (the format, in the default run) and by
``tests/benchmarks/bench_accuracy.py`` (careergap's reading measured against the labels).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: This folder: ``outside/`` and ``seed/`` hold one YAML file per posting.
GOLD_DIR = Path(__file__).resolve().parent
#: The two halves: text the taxonomy was not built from, and the seed text it was built from.
HALVES = ("outside", "seed")
#: Family groups the benchmark reports apart.
GROUPS = ("ml", "data", "chip", "other")
#: Chip-design subgroups (required for group ``chip``, not allowed elsewhere).
CHIP_SUBGROUPS = (
    "eda",
    "verification",
    "physical-design",
    "dft",
    "hardware-security",
    "analog",
    "rtl-fpga",
    "architecture",
)
#: The three label lists, in file order.
LISTS = ("must", "optional", "must_not")
#: Every key a gold file may have; ``notes`` is free text explaining labelling decisions.
KEYS = {"id", "half", "origin", "group", "subgroup", *LISTS, "notes", "text"}
#: Origin keys per half: where the text was copied from, verbatim.
SEED_ORIGIN = {"seed", "lines"}
OUTSIDE_ORIGIN = {"dataset", "file", "record", "licence"}


@dataclass(frozen=True)
class GoldPosting:
    """One labelled posting."""

    id: str
    half: str
    origin: dict[str, Any]
    group: str
    subgroup: str | None
    must: tuple[str, ...]
    optional: tuple[str, ...]
    must_not: tuple[str, ...]
    notes: str
    text: str
    path: Path

    @property
    def demanded(self) -> tuple[str, ...]:
        """Every demand, required or preferred: what recall is measured on."""
        return self.must + self.optional


def gold_files(root: Path = GOLD_DIR) -> list[Path]:
    """Every gold file of both halves, sorted by path."""
    return sorted(p for half in HALVES for p in (root / half).glob("*.yaml"))


def check(path: Path, doc: Any) -> list[str]:
    """Every format problem of one loaded gold file, each as ``path: problem``."""
    where = path.name
    if not isinstance(doc, dict):
        return [f"{where}: is not a mapping"]
    problems = [f"{where}: unknown key {k!r}" for k in sorted(set(doc) - KEYS, key=str)]
    for key in ("id", "half", "origin", "group", *LISTS, "text"):
        if key not in doc:
            problems.append(f"{where}: missing {key!r}")
    if problems:
        return problems
    if doc["id"] != path.stem:
        problems.append(f"{where}: id {doc['id']!r} is not the file name")
    if doc["half"] not in HALVES or path.parent.name != doc["half"]:
        problems.append(f"{where}: half {doc['half']!r} must be its folder ({path.parent.name})")
    if not isinstance(doc["text"], str) or not doc["text"].strip():
        problems.append(f"{where}: text is empty")
    problems += _check_origin(where, doc["half"], doc["origin"])
    problems += _check_group(where, doc["group"], doc.get("subgroup"))
    problems += _check_lists(where, doc)
    if not isinstance(doc.get("notes", ""), str):
        problems.append(f"{where}: notes must be text")
    return problems


def _check_origin(where: str, half: str, origin: Any) -> list[str]:
    expected = SEED_ORIGIN if half == "seed" else OUTSIDE_ORIGIN
    if not isinstance(origin, dict) or set(origin) != expected:
        return [f"{where}: origin must have exactly {sorted(expected)}"]
    if any(not origin[k] for k in expected):
        return [f"{where}: origin has an empty field"]
    if half == "seed":
        lines = origin["lines"]
        ok = (
            isinstance(lines, list)
            and len(lines) == 2
            and all(isinstance(n, int) and n >= 1 for n in lines)
            and lines[0] <= lines[1]
        )
        if not ok:
            return [f"{where}: origin.lines must be [first, last], 1-based"]
    return []


def _check_group(where: str, group: Any, subgroup: Any) -> list[str]:
    if group not in GROUPS:
        return [f"{where}: group {group!r} is not one of {list(GROUPS)}"]
    if group == "chip" and subgroup not in CHIP_SUBGROUPS:
        return [f"{where}: chip subgroup {subgroup!r} is not one of {list(CHIP_SUBGROUPS)}"]
    if group != "chip" and subgroup is not None:
        return [f"{where}: only chip postings have a subgroup"]
    return []


def _check_lists(where: str, doc: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for key in LISTS:
        items = doc[key]
        if not isinstance(items, list):
            problems.append(f"{where}: {key} must be a list")
            continue
        for item in items:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                problems.append(f"{where}: {key}: {item!r} is not a trimmed skill name")
                continue
            folded = item.casefold()
            if folded in seen:
                problems.append(f"{where}: {item!r} is in {seen[folded]} and {key}")
            seen[folded] = key
    if not doc["must"] and not doc["optional"]:
        problems.append(f"{where}: no demand labelled (must and optional are both empty)")
    return problems


def load(path: Path) -> GoldPosting:
    """One gold file; ValueError listing every problem when it is malformed."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = check(path, doc)
    if problems:
        raise ValueError("\n".join(problems))
    return GoldPosting(
        id=doc["id"],
        half=doc["half"],
        origin=dict(doc["origin"]),
        group=doc["group"],
        subgroup=doc.get("subgroup"),
        must=tuple(doc["must"]),
        optional=tuple(doc["optional"]),
        must_not=tuple(doc["must_not"]),
        notes=doc.get("notes", ""),
        text=doc["text"],
        path=path,
    )


def load_all(paths: Iterable[Path] | None = None) -> list[GoldPosting]:
    """Every gold posting, sorted by half then id."""
    postings = [load(p) for p in (gold_files() if paths is None else paths)]
    return sorted(postings, key=lambda g: (HALVES.index(g.half), g.id))
