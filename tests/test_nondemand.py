"""Mentions that are not demands: negated, excluded, colleagues, company prose."""

from __future__ import annotations

import pytest

from careergap.reading.extractor import Extractor
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
