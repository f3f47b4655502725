"""Resolving names a person types to skills: folding, aliases, typos, fuzzy search."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.reading.matching import fold, resolve_skill, search_skills, suggest_skills
from careergap.reading.taxonomy import Taxonomy, load_taxonomy

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy_small.yaml"


@pytest.fixture(scope="module")
def small() -> Taxonomy:
    return load_taxonomy(FIXTURE)


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=40))
def test_resolution_is_total_and_consistent(name: str) -> None:
    small = load_taxonomy(FIXTURE)
    resolution = resolve_skill(name, small)
    assert resolution.method in {"exact", "alias", "fuzzy", "none"}
    assert (resolution.skill_id is None) == (resolution.method == "none")
    assert resolution.skill_id is None or resolution.suggestion is None
    assert 0.0 <= resolution.score <= 100.0
    assert fold(fold(name)) == fold(name)


# --- folding and resolution ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tensor-Flow", "tensorflow"),
        ("C++", "c++"),
        ("C#", "c#"),
        ("C", "c"),
        (".NET", "dotnet"),
        ("Node.js", "nodejs"),
        ("  scikit_learn ", "scikitlearn"),
        ("Résumé", "resume"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_the_c_family_apart() -> None:
    assert len({fold(x) for x in ["C", "C++", "C#", "F#", ".NET", "NET"]}) == 6


@pytest.mark.parametrize("name", ["Tensorflow", "tensor-flow", "TF", "TensorFlow", "tensorflow"])
def test_spellings_resolve(small: Taxonomy, name: str) -> None:
    assert resolve_skill(name, small).skill_id == "tensorflow"


def test_alias_resolution_says_so(small: Taxonomy) -> None:
    resolution = resolve_skill("TF", small)
    assert (resolution.method, resolution.score) == ("alias", 100.0)
    assert resolve_skill("tensorflow", small).method == "exact"


def test_a_typo_is_suggested_not_resolved(small: Taxonomy) -> None:
    resolution = resolve_skill("Pytorh", small)
    assert resolution.skill_id is None
    assert resolution.suggestion == "pytorch"
    assert resolution.method == "none"


def test_a_short_typo_never_resolves(small: Taxonomy) -> None:
    assert resolve_skill("Jav", small).skill_id is None
    assert resolve_skill("Kubernets", small).suggestion == "kubernetes"


def test_a_long_near_identical_name_resolves_fuzzily(small: Taxonomy) -> None:
    resolution = resolve_skill("Reinforcement Learnin", small)
    assert (resolution.skill_id, resolution.method) == ("reinforcement-learning", "fuzzy")


@pytest.mark.parametrize("name", ["xyzzy", "", "---", "qwertyuiop"])
def test_nonsense_resolves_to_nothing(small: Taxonomy, name: str) -> None:
    resolution = resolve_skill(name, small)
    assert (resolution.skill_id, resolution.suggestion, resolution.method) == (None, None, "none")


def test_suggestions_are_ordered_and_limited(small: Taxonomy) -> None:
    assert suggest_skills("Jav", small, limit=2) == ["java", "javascript"]
    assert suggest_skills("Jav", small, limit=0) == []


def test_search_puts_the_exact_hit_first_then_breaks_ties_by_id(small: Taxonomy) -> None:
    rows = search_skills("verilog", small, limit=3)
    assert [(s.id, score) for s, score in rows] == [
        ("verilog", 100.0),
        ("sva", 90.0),
        ("systemverilog", 90.0),
    ]


def test_search_never_matches_a_single_letter_by_substring(small: Taxonomy) -> None:
    assert "r" not in {s.id for s, _ in search_skills("verilog", small, limit=50)}


@pytest.mark.parametrize(
    ("name", "skill_id"), [("CNNs", "cnn"), ("LLMs", "large-language-models"), ("TPUs", "tpu")]
)
def test_a_plural_name_resolves_to_its_skill(name: str, skill_id: str) -> None:
    """People write skills in the plural ("CNNs: 5"), as postings do; it is no unknown skill."""
    resolution = resolve_skill(name, load_taxonomy())
    assert (resolution.skill_id, resolution.method) == (skill_id, "alias")
    assert resolve_skill(name[:-1], load_taxonomy()).skill_id == skill_id


def test_a_stem_ending_in_s_is_no_plural() -> None:
    """"Sass" is not the plural of SAS."""
    assert resolve_skill("Sass", load_taxonomy()).skill_id != "sas"
