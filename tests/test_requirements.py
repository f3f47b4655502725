"""Requirement grouping and target levels, with a stand-in mention finder over a fixed word list."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from careergap.requirements import (
    DEFAULT_TARGET,
    EXPERT_TARGET,
    FAMILIAR_TARGET,
    PREFERRED_WEIGHT,
    REQUIRED_WEIGHT,
    STRONG_TARGET,
    group_mentions,
    requirements_for_line,
    target_level,
)

WORDS = [
    "Python", "Java", "Scala", "C++", "C", "TensorFlow", "PyTorch", "MXNet", "Verilog", "VHDL",
    "SQL", "Spark", "Kubernetes", "Docker", "deep learning", "AWS", "GCP", "Azure", "SVA", "PSL",
]  # fmt: skip


@dataclass(frozen=True)
class M:
    skill_id: str
    start: int
    end: int


def find(text: str) -> list[M]:
    found = []
    for word in WORDS:
        for m in re.finditer(r"(?<![\w+])" + re.escape(word) + r"(?![\w+])", text):
            found.append(M(word.lower().replace(" ", "-"), m.start(), m.end()))
    found.sort(key=lambda m: (m.start, -m.end))
    kept, last = [], -1
    for m in found:
        if m.start >= last:
            kept.append(m)
            last = m.end
    return kept


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        ("Python or Java", [("python", "java")]),
        ("Python, Java, or Scala", [("python", "java", "scala")]),
        ("Python, Java or Scala", [("python", "java", "scala")]),
        ("Python and Java", [("python",), ("java",)]),
        ("Python, SQL and Docker", [("python",), ("sql",), ("docker",)]),
        ("Strong coding in Python and C/C++", [("python",), ("c", "c++")]),
        ("TensorFlow/PyTorch/MXNet", [("tensorflow", "pytorch", "mxnet")]),
        ("TensorFlow / PyTorch", [("tensorflow", "pytorch")]),
        ("Verilog/VHDL design experience", [("verilog", "vhdl")]),
        ("SVA/PSL/Theorem proving", [("sva", "psl")]),
        (
            "deep learning frameworks such as TensorFlow, PyTorch and MXNet; SQL",
            [("deep-learning",), ("tensorflow", "pytorch", "mxnet"), ("sql",)],
        ),
        ("frameworks (e.g. TensorFlow, PyTorch)", [("tensorflow", "pytorch")]),
        ("a framework, e.g. TensorFlow, PyTorch and MXNet", [("tensorflow", "pytorch", "mxnet")]),
        ("a framework, eg. TensorFlow, PyTorch and MXNet", [("tensorflow", "pytorch", "mxnet")]),
        ("a framework, eg TensorFlow, PyTorch and MXNet", [("tensorflow", "pytorch", "mxnet")]),
        ("Python and a leg of SQL and Docker", [("python",), ("sql",), ("docker",)]),
        ("Python, SQL, Spark, etc.", [("python", "sql", "spark")]),
        ("Docker, Kubernetes or similar", [("docker", "kubernetes")]),
        ("one of Python, Java, Scala", [("python", "java", "scala")]),
        ("Experience with Docker and Kubernetes", [("docker",), ("kubernetes",)]),
        ("a public cloud (AWS, GCP, Azure)", [("aws", "gcp", "azure")]),
        ("Python and/or Scala", [("python", "scala")]),
        ("Python. Java, Scala, etc.", [("python",), ("java", "scala")]),
        ("Python; C or C++", [("python",), ("c", "c++")]),
        ("Python and Python again", [("python",)]),
        ("no skills here", []),
    ],
)
def test_group_mentions(line: str, groups: list[tuple[str, ...]]) -> None:
    assert group_mentions(line, find(line)) == groups


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("Experience with Python", DEFAULT_TARGET),
        ("Expert in Python", EXPERT_TARGET),
        ("World-class C++ skills", EXPERT_TARGET),
        ("Strong coding abilities in Python", STRONG_TARGET),
        ("Deep knowledge of compilers", STRONG_TARGET),
        ("Deep learning experience", DEFAULT_TARGET),
        ("Proficiency in SQL", STRONG_TARGET),
        ("Familiarity with Kubernetes", FAMILIAR_TARGET),
        ("Exposure to Spark is a plus", FAMILIAR_TARGET),
    ],
)
def test_target_level(line: str, target: int) -> None:
    assert target_level(line) == target


def test_requirements_carry_weight_target_and_line() -> None:
    reqs = requirements_for_line(42, "Strong Python or Java", False, find("Strong Python or Java"))
    assert len(reqs) == 1
    (req,) = reqs
    assert req.options == ("python", "java")
    assert (req.weight, req.target, req.line) == (PREFERRED_WEIGHT, STRONG_TARGET, 42)
    required = requirements_for_line(1, "SQL", True, find("SQL"))
    assert required[0].weight == REQUIRED_WEIGHT
