"""Family summaries and skill extraction over the real corpus and taxonomy."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from careergap.corpus.load import load_corpus
from careergap.models import Posting, RequirementLine
from careergap.reading.extractor import Extractor
from careergap.reading.taxonomy import load_taxonomy
from careergap.views.summary import (
    posting_skills,
    roles_json,
    summarize_families,
    top_skills,
)

#: Done-when from issue 3: fewer than this share of postings yield fewer than 3 skills.
MAX_THIN_SHARE = 0.05
THIN = 3


@pytest.fixture(scope="module")
def find():  # type: ignore[no-untyped-def]
    return Extractor(load_taxonomy()).find


def test_almost_every_posting_yields_at_least_three_skills(find) -> None:  # type: ignore[no-untyped-def]
    real = [p for p in load_corpus().postings if p.kind == "posting"]
    thin = [p.id for p in real if len(posting_skills(p, find)) < THIN]
    assert len(thin) / len(real) < MAX_THIN_SHARE, thin


def test_formal_verification_demand_comes_from_its_postings(find) -> None:  # type: ignore[no-untyped-def]
    names = {sid: s.name for sid, s in load_taxonomy().skills.items()}
    summaries = {s.id: s for s in summarize_families(load_corpus(), find, names)}
    fv = summaries["formal-verification"]
    assert fv.top_skills[0].skill_id == "formal-verification"
    assert fv.top_skills[0].demand == 1.0
    payload = roles_json(list(summaries.values()))
    assert [f["id"] for f in payload["families"]] == list(load_corpus().families)


class M(NamedTuple):
    skill_id: str
    start: int
    end: int
    surface: str


def _posting(pid: str, *texts: str) -> Posting:
    lines = tuple(RequirementLine(line=i + 1, text=t) for i, t in enumerate(texts))
    return Posting(id=pid, title="t", families=("data-engineer",), source="x", lines=lines)


def _find(text: str) -> list[M]:
    return [M(word, 0, 0, word) for word in text.split()]


def test_top_skills_count_each_posting_once_and_break_ties_by_id() -> None:
    entries = [
        _posting("a", "spark spark", "sql"),
        _posting("b", "sql kafka"),
        _posting("c", "zeta"),
    ]
    top = top_skills(entries, _find, {"sql": "SQL"}, limit=3)
    assert [(d.skill_id, d.name, d.demand) for d in top] == [
        ("sql", "SQL", 0.667),
        ("kafka", "kafka", 0.333),
        ("spark", "spark", 0.333),
    ]


def test_no_entries_no_top_skills() -> None:
    assert top_skills([], _find, {}) == ()
