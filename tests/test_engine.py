"""The engine's own rules: which entries are scored, and the --add parser."""

from __future__ import annotations

import pytest

from careergap.engine import questions as engine
from careergap.errors import CareergapError, UnknownSkillError
from careergap.reading.requirements import Requirement
from careergap.reading.taxonomy import load_taxonomy
from careergap.scoring.entries import Entry
from careergap.store.workspace import is_scored, workspace_of


def entry(eid: str, *groups: tuple[str, ...]) -> Entry:
    reqs = tuple(Requirement(g, 1.0, 3, i + 1, "t") for i, g in enumerate(groups))
    return Entry(eid, eid, "posting", ("f",), "seed.txt", reqs)


def test_postings_naming_few_skills_are_not_scored() -> None:
    thin = entry("thin", ("tensorrt",))
    two = entry("two", ("python",), ("python", "java"))
    enough = entry("ok", ("python",), ("sql",), ("docker", "kubernetes"))
    assert not is_scored(thin)
    assert not is_scored(two)
    assert is_scored(enough)
    ws = workspace_of(
        None,  # type: ignore[arg-type]
        {},
        {"f": (thin, two, enough)},
        partial={},
    )
    assert ws.family_entries("f") == (enough,)
    assert ws.demand("f").postings == 1
    assert (ws.postings, ws.scored_postings) == (3, 1)


def test_parse_level_changes() -> None:
    taxonomy = load_taxonomy()
    assert engine.parse_level_changes(["k8s=4", "SVA = 2"], taxonomy) == {
        "kubernetes": 4,
        "sva": 2,
    }
    with pytest.raises(CareergapError, match="Kubernetes is given twice"):
        engine.parse_level_changes(["Kubernetes=3", "k8s=4"], taxonomy)
    with pytest.raises(UnknownSkillError, match="did you mean PyTorch"):
        engine.parse_level_changes(["Pytorh=3"], taxonomy)
    with pytest.raises(CareergapError, match="between 0 and 5"):
        engine.parse_level_changes(["Python=-1"], taxonomy)
