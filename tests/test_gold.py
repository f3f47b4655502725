"""The gold postings (tests/gold/) stay well-formed and verbatim, so the accuracy benchmark
measures against data that cannot rot. Accuracy itself is a benchmark, not a test."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "gold"))
from goldset import (  # noqa: E402
    CHIP_SUBGROUPS,
    check,
    gold_files,
    load,
    load_all,
)

#: SkillSpan's tech postings, beside the checkout in the development and CI layout.
SKILLSPAN = (
    Path(__file__).resolve().parents[2]
    / "shared/evaldata/gold/skillspan/skillspan_tech_postings.jsonl"
)
FILES = gold_files()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_gold_file_is_well_formed(path: Path) -> None:
    assert check(path, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_gold_set_size_and_halves() -> None:
    """Issue 11: most of the set is text the taxonomy was not built from, and every family is in."""
    postings = load_all()
    outside = [g for g in postings if g.half == "outside"]
    seed = [g for g in postings if g.half == "seed"]
    assert len(outside) >= 28 and len(seed) >= 20
    assert {"ml", "data", "chip", "other"} <= {g.group for g in postings}
    assert {g.subgroup for g in seed if g.group == "chip"} == set(CHIP_SUBGROUPS)
    assert len({g.id for g in postings}) == len(postings)


def test_seed_text_is_verbatim(seeds_dir: Path) -> None:
    """The text of a seed posting is exactly the seed lines its origin names."""
    for gold in (g for g in load_all() if g.half == "seed"):
        lines = (seeds_dir / gold.origin["seed"]).read_text(encoding="utf-8").split("\n")
        first, last = gold.origin["lines"]
        assert gold.text == "\n".join(lines[first - 1 : last]), gold.id


def test_outside_text_is_verbatim() -> None:
    if not SKILLSPAN.is_file():
        pytest.skip("../shared/evaldata is not beside this checkout")
    records = {
        row["id"]: row["text"]
        for row in map(json.loads, SKILLSPAN.read_text(encoding="utf-8").splitlines())
    }
    for gold in (g for g in load_all() if g.half == "outside"):
        assert gold.origin["file"] == SKILLSPAN.name
        assert gold.text == records[gold.origin["record"]], gold.id


def _doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "x",
        "half": "outside",
        "origin": {"dataset": "d", "file": "f", "record": "r", "licence": "MIT"},
        "group": "data",
        "must": ["SQL"],
        "optional": ["dbt"],
        "must_not": ["Hadoop"],
        "notes": "",
        "text": "Strong SQL; dbt a plus. We do not use Hadoop.",
    }
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not None}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({}, None),
        ({"must_not": ["sql"]}, "x.yaml: 'sql' is in must and must_not"),
        ({"optional": ["SQL"]}, "x.yaml: 'SQL' is in must and optional"),
        ({"text": "  \n"}, "x.yaml: text is empty"),
        ({"origin": None}, "x.yaml: missing 'origin'"),
        ({"origin": {"dataset": "d"}}, "x.yaml: origin must have exactly"),
        ({"group": "frontend"}, "x.yaml: group 'frontend' is not one of"),
        ({"group": "chip"}, "x.yaml: chip subgroup None is not one of"),
        ({"subgroup": "eda"}, "x.yaml: only chip postings have a subgroup"),
        ({"must": [], "optional": []}, "x.yaml: no demand labelled"),
        ({"must": ["SQL "]}, "x.yaml: must: 'SQL ' is not a trimmed skill name"),
        ({"id": "y"}, "x.yaml: id 'y' is not the file name"),
        ({"extra": 1}, "x.yaml: unknown key 'extra'"),
        (
            {"half": "seed", "origin": {"seed": "002.txt", "lines": [9, 3]}},
            "x.yaml: origin.lines must be [first, last], 1-based",
        ),
    ],
)
def test_check_names_each_problem(changes: dict[str, Any], problem: str | None) -> None:
    half = changes.get("half", "outside")
    problems = check(Path(half) / "x.yaml", _doc(**changes))
    if problem is None:
        assert problems == []
    else:
        assert any(p.startswith(problem) for p in problems), problems


def test_load_refuses_a_malformed_file(tmp_path: Path) -> None:
    folder = tmp_path / "outside"
    folder.mkdir()
    path = folder / "x.yaml"
    path.write_text(yaml.safe_dump(_doc(group="frontend")), encoding="utf-8")
    with pytest.raises(ValueError, match="group 'frontend'"):
        load(path)
