"""Quotes for gaps: the clause that asks for the skill, cut around it, with its own level."""

from __future__ import annotations

import re

import pytest

from careergap.reading.quotes import classify, clause_span, make_quote


def spans(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]


def test_quote_is_the_clause_that_names_the_skill_with_that_clause_level() -> None:
    text = "Strong C++ skills; familiarity with Docker and Kubernetes"
    docker = make_quote(text, spans(text, "Docker"))
    assert docker.text == "familiarity with Docker and Kubernetes"
    assert docker.level == 2
    assert docker.text[slice(*docker.marks[0])] == "Docker"
    cpp = make_quote(text, spans(text, "C++"))
    assert cpp.text == "Strong C++ skills"
    assert cpp.level == 4


def test_a_long_clause_is_cut_around_the_match_never_before_it() -> None:
    text = (
        "Minimum 2+ years of expertise in designing, implementing and operating large scale "
        "data pipelines for data curation, labelling, cleaning and enrichment, feature stores "
        "and data preparation for training large models in production"
    )
    quote = make_quote(text, spans(text, "data preparation"), limit=80)
    assert "data preparation" in quote.text
    assert quote.text.startswith("…")
    start, end = quote.marks[0]
    assert quote.text[start:end] == "data preparation"
    assert len(quote.text) <= 82


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("3+ years of experience with PyTorch", "demand"),
        ("Prior knowledge of OCaml or Haskell is a plus", "demand"),
        ("BS/MS in Computer Science, Machine Learning or a related field", "degree"),
        ("Design and implement ML models for Generative AI applications", "duty"),
        ("Design models and algorithms for Generative AI and Deep Learning applications", "duty"),
        ("Deep knowledge of Generative AI", "demand"),
        ("Stay current in Generative AI and apply this knowledge to our models", "prose"),
        ("Our team builds the best generative models in the industry", "prose"),
        ("Synopsys Central Engineering team is looking for Software Engineering Experts", "prose"),
        ("Your job will be to write and automate Coq proofs", "duty"),
        ("As a part of the Synopsys SCE team", "prose"),
        ("At Synopsys", "prose"),
        ("At least 3 years of C++", "demand"),
        ("master the basics of Go", "duty"),
    ],
)
def test_classify(clause: str, kind: str) -> None:
    assert classify(clause) == kind


def test_sentences_are_clauses() -> None:
    text = "We use Coq internally. Your job will be to write Coq proofs."
    lo, hi = clause_span(text, text.rindex("Coq"), text.rindex("Coq") + 3)
    assert text[lo:hi] == "Your job will be to write Coq proofs"


def test_company_prose_is_its_own_clause() -> None:
    text = "Required Machine Learning Experts for EDA Products, we need people who love tech"
    quote = make_quote(text, spans(text, "Machine Learning"))
    assert quote.text == "Required Machine Learning Experts for EDA Products"
    assert quote.kind == "demand"
