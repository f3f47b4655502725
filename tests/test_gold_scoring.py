"""The accuracy benchmark's definitions (tests/gold/README.md), on made-up extractions: what
counts as a hit, a miss, a false positive and a must-not violation. Fast; no careergap run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from bench_accuracy import figures, is_demand, score, tallies  # noqa: E402
from goldset import GoldPosting  # noqa: E402

#: A resolver standing in for careergap's profile-name resolution.
NAMES = {
    "PyTorch": "pytorch",
    "machine learning": "ml",
    "fault injection": "hw-attacks",
    "side-channel analysis": "hw-attacks",
    "Java": "java",
    "Python": "python",
}


def _gold(
    must: tuple[str, ...], optional: tuple[str, ...] = (), must_not: tuple[str, ...] = ()
) -> GoldPosting:
    return GoldPosting(
        id="g",
        half="outside",
        origin={},
        group="ml",
        subgroup=None,
        must=must,
        optional=optional,
        must_not=must_not,
        notes="",
        text="t",
        path=Path("g.yaml"),
    )


def _payload(*skills: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {"skills": [{"id": sid, "name": sid.title(), "mentions": ms} for sid, ms in skills]}


def _line(text: str, **extra: Any) -> dict[str, Any]:
    return {"line": 1, "text": text, **extra}


def test_an_umbrella_is_not_a_hit_for_its_child() -> None:
    result = score(_gold(("PyTorch",)), _payload(("ml", [_line("PyTorch")])), NAMES.get)
    assert result.hits == [] and result.false_positives == ["ml"]
    assert result.misses == [("PyTorch", "pytorch", "not found")]


def test_an_unknown_gold_name_is_a_miss() -> None:
    result = score(_gold(("LangChain", "Python")), _payload(("python", [_line("x")])), NAMES.get)
    assert result.hits == [("Python", "python")]
    assert result.misses == [("LangChain", None, "not in the taxonomy")]


def test_two_gold_names_folded_into_one_skill_earn_one_credit() -> None:
    gold = _gold(("fault injection", "side-channel analysis"))
    result = score(gold, _payload(("hw-attacks", [_line("x")])), NAMES.get)
    assert len(result.hits) == 1 and len(result.misses) == 1
    assert result.misses[0][2] == "resolves to the same skill as another gold item"


def test_a_must_not_skill_found_is_a_violation_and_a_false_positive() -> None:
    gold = _gold(("Python",), must_not=("Java",))
    result = score(gold, _payload(("java", [_line("No Java needed")])), NAMES.get)
    assert result.violations == [("Java", "java")] and result.false_positives == ["java"]


def test_only_demand_sections_count_when_mentions_have_sections() -> None:
    unknown: set[str] = set()
    assert is_demand(_line("x"))
    assert is_demand(_line("x", section="requirements_preferred"), unknown)
    assert not is_demand(_line("x", section="benefits"), unknown)
    assert not is_demand(_line("x", section="Requirements", demand=False), unknown)
    assert not is_demand(_line("x", section="footer"), unknown)
    assert unknown == {"footer"}
    benefits = _payload(("java", [_line("x", section="benefits")]))
    result = score(_gold(("Java",)), benefits, NAMES.get)
    assert result.n_found == 0 and result.misses == [("Java", "java", "not found")]


def test_figures_are_micro_averaged_and_reproducible() -> None:
    rows = [
        score(_gold(("Python", "Java")), _payload(("python", [_line("x")])), NAMES.get),
        score(_gold(("Java",)), _payload(("java", [_line("x")]), ("ml", [_line("x")])), NAMES.get),
    ] * 3
    first = figures("outside", rows)
    assert (first.precision, first.recall) == (2 / 3, 2 / 3)
    assert first.postings == 6 and first.gold_items == 9 and first.found_items == 9
    assert first.precision_ci is not None and first == figures("outside", rows)
    assert figures("outside", rows[:4]).precision_ci is None  # too few postings for an interval
    assert tallies(rows)["false_positives"] == [("Ml", 3)]
