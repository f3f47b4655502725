"""Requirement grouping and target levels, with a stand-in mention finder over a fixed word list."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from careergap.reading.requirements import (
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


# --- clauses ----------------------------------------------------------------------------------


def _read(line: str, required: bool = True) -> list[tuple[tuple[str, ...], float, int]]:
    return [
        (r.options, r.weight, r.target)
        for r in requirements_for_line(1, line, required, find(line))
    ]


R, P = REQUIRED_WEIGHT, PREFERRED_WEIGHT


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # Each clause has its own level.
        ("Strong C++; familiarity with Docker", [(("c++",), R, 4), (("docker",), R, 2)]),
        (
            "Expert in Python and SQL, plus familiarity with Spark",
            [(("python",), R, 5), (("sql",), R, 5), (("spark",), R, 2)],
        ),
        # A clause without a cue continues the one before it.
        ("Strong Python; Java", [(("python",), R, 4), (("java",), R, 4)]),
        # "preferably X" / "X is a plus" mark X's clause, not the whole line.
        (
            "3+ years of Python, preferably with PyTorch",
            [(("python",), R, 3), (("pytorch",), P, 3)],
        ),
        ("Strong Python, Kubernetes is a plus", [(("python",), R, 4), (("kubernetes",), P, 3)]),
        ("Experience with Kubernetes is a plus", [(("kubernetes",), P, 3)]),
        ("TensorFlow or PyTorch (preferred)", [(("tensorflow", "pytorch"), P, 3)]),
        # Any-of groups keep working inside a clause.
        (
            "Frameworks such as TensorFlow, PyTorch or MXNet; strong SQL",
            [(("tensorflow", "pytorch", "mxnet"), R, 3), (("sql",), R, 4)],
        ),
        # Negated and excluded mentions make no requirement.
        ("Python, not Java", [(("python",), R, 3)]),
        ("No Scala experience is needed", []),
    ],
)
def test_lines_are_read_clause_by_clause(
    line: str, read: list[tuple[tuple[str, ...], float, int]]
) -> None:
    assert _read(line) == read


def test_a_preferred_line_is_preferred_in_every_clause() -> None:
    assert _read("Strong C++; familiarity with Docker", required=False) == [
        (("c++",), P, 4),
        (("docker",), P, 2),
    ]


@pytest.mark.parametrize(
    ("line", "weight"),
    [
        ("Fluent Java/Kotlin", P),  # Kotlin is not in WORDS: either satisfies the ad
        ("Kotlin/Java developer", P),
        ("Java/Scala developer", R),  # every option known: one any-of requirement
        ("Java and/or Scala", R),
        ("Java w/ Spark", R),
    ],
)
def test_a_slash_choice_with_an_unknown_option_is_not_a_hard_requirement(
    line: str, weight: float
) -> None:
    assert {r.weight for r in requirements_for_line(1, line, True, find(line))} == {weight}
