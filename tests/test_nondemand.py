"""Mentions that are not demands: negated, excluded, colleagues, company prose."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.reading.clauses import CLAUSE_BREAK, WINDOW_CHARS, clause_bounds
from careergap.reading.extractor import Extractor
from careergap.reading.linecues import SENTENCE_BREAK, sentence_around
from careergap.reading.nondemand import demands_only, non_demand
from careergap.reading.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


#: (line, surface of the mention, why it is not a demand or None when it is one)
CASES = [
    ("No Java experience is needed", "Java", "negated"),
    ("We do not use Hadoop", "Hadoop", "negated"),
    ("Python instead of MATLAB", "MATLAB", "negated"),
    ("Python instead of MATLAB", "Python", None),
    ("Build pipelines without Spark", "Spark", "negated"),
    ("Docker is not required", "Docker", "negated"),
    ("Python, not Java", "Java", "negated"),
    ("Python, not Java", "Python", None),
    ("You don't need to know Rust", "Rust", "negated"),
    ("Strong Python; no Kubernetes needed", "Kubernetes", "negated"),
    ("Strong Python; no Kubernetes needed", "Python", None),
    ("Experience in C++ is not required but a plus", "C++", None),
    ("Including but not limited to Python, SQL", "Python", None),
    ("Knowledge of Go, not only Python", "Python", None),
    ("Work closely with product management", "product management", "colleagues"),
    ("Partner with data scientists and ML engineers to deploy PyTorch models", "ML", "colleagues"),
    ("Partner with data scientists and ML engineers to deploy PyTorch models", "PyTorch", None),
    ("Work with Spark and Airflow to build pipelines", "Spark", None),
    ("Work with data engineering teams using Kafka", "Kafka", None),
    (
        "Be part of our team of Computer Vision researchers and engineers",
        "Computer Vision",
        "colleagues",
    ),
    ("Join our team of ML engineers to build PyTorch models", "PyTorch", None),
    ("Our products power autonomous vehicles.", "autonomous vehicles", "company"),
    # the employer named as a place, not a product asked for
    ("Work with Product Management and other technical teams within Splunk", "Splunk", "company"),
    ("Build ML features into a wide variety of products across Splunk", "Splunk", "company"),
    ("Experience with Docker, Kubernetes, GIT, and Splunk", "Splunk", None),
    ("Deploy services across AWS and GCP", "AWS", None),
    # A field of study named as a degree's subject is a degree, not a skill (gold README).
    ("Degree in Computer Science, Physics or Electrical Engineering", "Physics", "degree"),
    (
        "Bachelor's or Master's degree in Computer Science or a similar area",
        "Computer Science",
        "degree",
    ),
    ("MS or Ph.D. in Electrical Engineering or Computer Science", "Computer Science", "degree"),
    ("Study of computer science or comparable training", "computer science", "degree"),
    ("A Computer Science or related field and 2+ years with Python", "Computer Science", "degree"),
    # Fields joined by slashes without spaces are still a list of fields.
    ("An engineering degree in EEE/ECE/CS/Maths and six years in design", "Maths", "degree"),
    ("Degree in CS/EE; experience with SystemVerilog/UVM", "UVM", None),
    ("A Computer Science or related field and 2+ years with Python", "Python", None),
    ("Degree in Computer Science and experience with machine learning", "machine learning", None),
    ("MSc in Machine Learning, strong PyTorch skills", "PyTorch", None),
    ("Strong background in computer science and physics", "computer science", None),
    ("Experience in machine learning and computer vision", "computer vision", None),
    (
        "Acme is a leading robotics company. You will program robots in C++.",
        "C++",
        None,
    ),
]


@pytest.mark.parametrize(("line", "surface", "why"), CASES)
def test_non_demands(taxonomy: Taxonomy, line: str, surface: str, why: str | None) -> None:
    found = [m for m in Extractor(taxonomy).find(line) if m.surface == surface]
    assert found, f"{surface!r} is not extracted from {line!r}"
    assert non_demand(line, found[0].start, found[0].end) == why


def test_demands_only_keeps_the_order_and_skips_plain_lines(taxonomy: Taxonomy) -> None:
    line = "Python, not Java, and SQL"
    kept = demands_only(line, Extractor(taxonomy).find(line))
    assert [m.surface for m in kept] == ["Python", "SQL"]
    plain = Extractor(taxonomy).find("Python and SQL")
    assert demands_only("Python and SQL", plain) is plain


# --- clause and sentence bounds read from a line's breaks (a speed trick) --------------------

#: Text made mostly of what clause and sentence breaks are made of, so edge cases are common.
_PIECES = [*"ab ,.;:!?()[]\n\t\u00a0_-AB", " but ", ", yet", ". C", "e.g. ", " however "]
_BREAKY = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


def _windowed_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """clause_bounds as it was first written: two searches in windows around the mention."""
    lo = max(0, start - WINDOW_CHARS)
    clause_start = lo
    for brk in CLAUSE_BREAK.finditer(text, lo, start):
        clause_start = brk.end()
    after = CLAUSE_BREAK.search(text, end, min(len(text), end + WINDOW_CHARS))
    return clause_start, after.start() if after else min(len(text), end + WINDOW_CHARS)


def _searched_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """sentence_around as it was first written: the breaks searched up to and from the mention."""
    sentence_start = 0
    for brk in SENTENCE_BREAK.finditer(text, 0, start):
        sentence_start = brk.end()
    after = SENTENCE_BREAK.search(text, end)
    return sentence_start, after.start() if after else len(text)


@settings(max_examples=400, deadline=None)
@given(_BREAKY, st.data())
def test_bounds_from_the_line_breaks_equal_the_windowed_searches(text: str, data) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 30)))
    assert clause_bounds(text, start, end) == _windowed_clause(text, start, end)
    if not text[start].isspace():  # a mention never starts with a space
        assert sentence_around(text, start, end) == _searched_sentence(text, start, end)
