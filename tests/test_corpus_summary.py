"""Skills found in each posting of the real corpus (what `postings list --json` shows)."""

from __future__ import annotations

import pytest

from careergap.corpus.load import load_corpus
from careergap.reading.extractor import Extractor
from careergap.reading.taxonomy import load_taxonomy
from careergap.views.summary import posting_skills

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
