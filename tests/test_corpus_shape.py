"""Shaping raw blocks: titles, locations, author glosses, required/preferred flags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.corpus.build.seeds import RawBlock, SeedLine
from careergap.corpus.build.shape import is_gloss, is_location, is_title, shape_block
from careergap.reading.clean import normalize


def block(*raws: str, form: str = "skill-set", hint: str | None = None) -> RawBlock:
    lines = tuple(
        SeedLine(100 + i, raw, raw[: len(raw) - len(raw.lstrip(" \t"))].count("\t"))
        for i, raw in enumerate(raws, start=1)
    )
    return RawBlock("002_x.txt", 100, 100 + len(raws), form, ("Some Section",), lines, hint)


@pytest.mark.parametrize(
    "text",
    [
        "Staff Formal Verification Engineer",
        "Machine Learning Engr, II",
        "(Senior) Julia machine learning specialist",
        "AI RESEARCH SCIENTIST",
        "Director, Engineering",
        "Senior Software Engineer · ASML · United States",
    ],
)
def test_titles(text: str) -> None:
    assert is_title(text)


@pytest.mark.parametrize(
    "text",
    [
        "Experience with Deep Learning frameworks, e.g., PyTorch",
        "Lead the design of data pipelines for engineers",
        "Research and analyze common algorithm models",
        "timing convergence issues associated with deep-submicron processes",
        "Mentor more junior researchers and engineers.",
        "You will be a senior researcher focusing on geometry",
    ],
)
def test_requirement_sentences_are_not_titles(text: str) -> None:
    assert not is_title(text)


def test_locations() -> None:
    assert is_location("USA - California - Mountain View/Sunnyvale")
    assert is_location("Santa Clara Valley (Cupertino), California, United States")
    assert not is_location("Experience deploying models in the United States market.")


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        (
            "Chainer: open-source deep learning framework",
            "Experience with TensorFlow, Caffe, Chainer",
        ),
        ("Apache Spark:", "Experience with Hadoop, Spark, Hive"),
        ("MEAN is a free and open-source JavaScript software stack", "Mean Stack"),
        ('"Luigi helps you build modular UIs."', "Luigi:"),
        ("enterprise resource planning, ERP", "native APIs from core systems (SIS, ERP, LMS)"),
        ("physical unclonable function", "device characterization or PUF techniques"),
    ],
)
def test_author_glosses(text: str, parent: str) -> None:
    assert is_gloss(text, parent)


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("TensorFlow", "deep learning frameworks:"),
        ("static security testing", "develop and review requirements, and strategy for:"),
        ("Kalman filtering", "solid understanding of fundamental data fusion techniques:"),
        ("QuickType: Predictive typing", "KEY R&D PROJECTS PRODUCTIZED ON THE TEAM:"),
    ],
)
def test_nested_posting_lists_are_not_glosses(text: str, parent: str) -> None:
    assert not is_gloss(text, parent)


def test_gloss_and_its_subtree_are_dropped_nested_lists_kept() -> None:
    draft = shape_block(
        block(
            "\t- Research Scientist",
            "\t- Experience with TensorFlow, Caffe or Chainer.",
            "\t\t* Chainer: open-source deep learning framework",
            "\t\t\t+ made by Preferred Networks",
            "\t- knowledge of:",
            "\t\t* Kafka",
        )
    )
    assert draft is not None
    assert draft.title == "Research Scientist"
    assert [line.text for line in draft.lines] == [
        "Experience with TensorFlow, Caffe or Chainer.",
        "knowledge of:",
        "Kafka",
    ]
    assert [line.line for line in draft.lines] == [102, 105, 106]


def test_title_company_location_from_a_job_board_line() -> None:
    draft = shape_block(
        block("\t- Senior Software Engineer · ASML · United States", "\t- C++ and Python")
    )
    assert draft is not None
    assert (draft.title, draft.company, draft.location) == (
        "Senior Software Engineer",
        "ASML",
        "United States",
    )


def test_location_line_after_the_title_is_not_a_requirement() -> None:
    draft = shape_block(
        block(
            "\t- Machine Learning Engr, II", "\t- USA - California - Mountain View", "\t- PyTorch"
        )
    )
    assert draft is not None
    assert draft.location == "USA - California - Mountain View"
    assert [line.text for line in draft.lines] == ["PyTorch"]


def test_preferred_flags_inline_and_by_section_and_by_lead_in() -> None:
    draft = shape_block(
        block(
            "\t- Python",
            "\t- Spark is a plus",
            "\t- Experience with the following is a plus:",
            "\t\t* Computer Vision",
            "\t- SQL",
            "\t- Preferred Qualifications",
            "\t- Kubernetes",
        )
    )
    assert draft is not None
    flags = {line.text: line.required for line in draft.lines}
    assert flags == {
        "Python": True,
        "Spark is a plus": False,
        "Experience with the following is a plus:": False,
        "Computer Vision": False,
        "SQL": True,
        "Kubernetes": False,
    }


def test_placeholder_block_is_nothing() -> None:
    assert shape_block(block("\t- BLAH.")) is None


def test_repeated_lines_are_kept_once() -> None:
    draft = shape_block(block("\t- Python", "\t- SQL", "\t- python"))
    assert draft is not None
    assert [line.text for line in draft.lines] == ["Python", "SQL"]


def test_seed_000_preferred_section_is_kept() -> None:
    lines = (SeedLine(10, "- Python", 0), SeedLine(12, "- C++", 0, preferred=True))
    raw = RawBlock("000_x.txt", 8, 12, "uk", (), lines, "Research Engineer", "DeepMind")
    draft = shape_block(raw)
    assert draft is not None
    assert [(line.text, line.required) for line in draft.lines] == [
        ("Python", True),
        ("C++", False),
    ]
    assert (draft.title, draft.company) == ("Research Engineer", "DeepMind")


_RAW_LINE = st.builds(
    lambda indent, marker, body: indent + marker + body,
    st.sampled_from(["", "\t", " \t", "\t\t", "\t\t\t"]),
    st.sampled_from(["", "- ", "* ", "+ "]),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
        max_size=60,
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_RAW_LINE, min_size=1, max_size=12))
def test_any_block_shapes_cleanly_and_stays_traceable(raws: list[str]) -> None:
    raw_block = block(*raws)
    draft = shape_block(raw_block)
    if draft is None:
        return
    by_number = {line.number: line.raw for line in raw_block.lines}
    for line in draft.lines:
        assert line.text and line.text == normalize(by_number[line.line])


# --- sections on the shipped corpus -------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    from careergap.corpus.load import load_corpus

    return load_corpus().postings


def test_no_demand_line_of_the_corpus_is_company_benefits_legal_or_apply_text(  # type: ignore[no-untyped-def]
    shipped,
) -> None:
    """Every stored line in a demand section reads as one; the rest is kept for display only."""
    from careergap.reading.linecues import own_cue
    from careergap.reading.sections import DEMAND_SECTIONS

    wrong = [
        (p.id, line.line, line.text[:60])
        for p in shipped
        for line in p.lines
        if line.section in DEMAND_SECTIONS and own_cue(line.text) is not None
    ]
    assert not wrong
    sections = {line.section for p in shipped for line in p.lines}
    assert {"about", "benefits", "apply"} <= sections


def test_about_us_prose_scores_nothing(shipped) -> None:  # type: ignore[no-untyped-def]
    """002:5082 ("Scale's Generative AI Data Engine powers ...") is company prose: kept, not
    scored; no requirement of the corpus comes from a line outside the demand sections."""
    from careergap.reading.sections import DEMAND_SECTIONS
    from careergap.reading.taxonomy import load_taxonomy
    from careergap.store.workspace import compile_entries

    scale = next(p for p in shipped if p.id == "p-002-05080")
    prose = next(line for line in scale.lines if line.line == 5082)
    assert prose.section == "about"
    entries = compile_entries(shipped, load_taxonomy())
    assert 5082 not in {r.line for r in entries["p-002-05080"].requirements}
    elsewhere = {
        (p.id, line.line)
        for p in shipped
        for line in p.lines
        if line.section not in DEMAND_SECTIONS
    }
    scored = {(pid, r.line) for pid, e in entries.items() for r in e.requirements}
    assert elsewhere and not elsewhere & scored
