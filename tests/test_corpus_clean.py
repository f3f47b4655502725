"""Line rules of the corpus: normalisation, placeholders, boilerplate, preferred markers."""

from __future__ import annotations

import pytest

from careergap.reading import clean


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (
            "\t- Strong coding abilities in: Python and C/C++",
            "Strong coding abilities in: Python and C/C++",
        ),
        (
            " \t\t* Chainer: open-source deep learning framework",
            "Chainer: open-source deep learning framework",
        ),
        ("\t- ***Familiarity with TensorFlow, Caffe***", "Familiarity with TensorFlow, Caffe"),
        ("\t- **Salesforce Research** is hiring.", "Salesforce Research is hiring."),
        ("+ [Tensorboard](https://www.tensorflow.org/guide)", "Tensorboard"),
        ("\t- see https://example.com/x for details", "see for details"),
        ("\t- Maven (for C\\# and Ruby)", "Maven (for C# and Ruby)"),
        ("\t- C++ and A* search", "C++ and A* search"),
    ],
)
def test_normalize_strips_markup_but_keeps_the_words(raw: str, text: str) -> None:
    assert clean.normalize(raw) == text


def test_depth_counts_tabs_even_after_a_space() -> None:
    assert clean.depth("\t- a") == 1
    assert clean.depth(" \t\t* a") == 2
    assert clean.depth("+ skill set:") == 0


@pytest.mark.parametrize("raw", ["\t- BLAH.", "\t- BLAH", "- [NAME](URL)", "\t- [](https://x.org)"])
def test_placeholders_are_dropped(raw: str) -> None:
    assert clean.drop_reason(raw) == "placeholder"


def test_link_only_lines_are_dropped_but_links_in_text_are_kept() -> None:
    assert clean.drop_reason("\t- [BrickBot](https://fastcompany.com/x)") == "link"
    assert clean.drop_reason("\t\t* https://pointclouds.org") == "link"
    assert clean.drop_reason("\t- Experience with [Airflow](https://airflow.apache.org)") is None


@pytest.mark.parametrize(
    "text",
    [
        "We are an equal opportunity employer and value diversity.",
        "The base salary range for this position is $136,700 to $246,100.",
        "Attractive compensation and benefits",
        "At Apple, base pay is one part of our total compensation package.",
        "Also includes equity (stock options) and benefits",
    ],
)
def test_boilerplate_lines_are_dropped(text: str) -> None:
    assert clean.drop_reason("\t- " + text) == "boilerplate"


def test_skill_lines_are_not_boilerplate() -> None:
    for text in (
        "Experience with PyTorch and CUDA",
        "Bonus points for running GPU/ML workloads on Kubernetes",
        "Knowledge of Spark, Hive and Kafka",
    ):
        assert clean.drop_reason("\t- " + text) is None


def test_section_labels_are_chrome_and_switch_the_flag() -> None:
    assert clean.drop_reason("\t- Responsibilities") == "chrome"
    assert clean.section_flag("Preferred Qualifications") is False
    assert clean.section_flag("Nice to have:") is False
    assert clean.section_flag("Minimum qualifications") is True
    assert clean.section_flag("Experience with Python") is None


@pytest.mark.parametrize(
    "text",
    [
        "Additional experience using PySpark a big plus.",
        "Understanding of AHB, AXI is a plus.",
        "Experience in constrained-random verification is a strong plus",
        "Python is preferred",
        "Ideally a PhD in machine learning",
        "Kubernetes experience is nice to have",
        "Ideal: experience with Triton",
        "[Plus] Experience with CUDA",
        "Go experience is a bonus",
        "Experience with Scala desired",
        "Knowledge of Hadoop is highly desirable",
    ],
)
def test_inline_preferred_markers(text: str) -> None:
    assert clean.is_preferred(text)


@pytest.mark.parametrize(
    "text",
    [
        "Strong programming skills in Python",
        "Experience with plus-minus charts",  # "plus" inside a word is no marker
        "Idealized models of computation",
    ],
)
def test_lines_without_markers_stay_required(text: str) -> None:
    assert not clean.is_preferred(text)
