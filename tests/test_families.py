"""Role families: the packaged list and resolving what users type."""

from __future__ import annotations

import pytest

from careergap.corpus.roles import load_families, resolve_role
from careergap.errors import UnknownRoleError
from careergap.models import RoleFamily

REQUIRED_IDS = {
    "machine-learning-engineer", "ml-research-scientist", "ml-systems-performance",
    "mlops-ml-platform", "computer-vision", "robotics-perception", "nlp-speech-llm",
    "recommender-search", "data-scientist", "data-bi-analyst", "data-engineer",
    "ml-hardware-embedded-dl", "eda-software-developer", "formal-verification",
    "design-verification", "physical-design-sta-dfm", "dft-test-post-silicon",
    "hardware-security", "ml-data-leadership",
}  # fmt: skip


def test_all_issue_families_are_packaged() -> None:
    assert REQUIRED_IDS <= set(load_families())


@pytest.mark.parametrize(
    ("typed", "family"),
    [
        ("machine-learning-engineer", "machine-learning-engineer"),
        ("ML Engineer", "machine-learning-engineer"),
        ("MLE", "machine-learning-engineer"),
        ("machine learning engineer", "machine-learning-engineer"),
        ("  ml-engineer ", "machine-learning-engineer"),
        ("Formal Verification Engineer", "formal-verification"),
        ("FV", "formal-verification"),
        ("DV engineer", "design-verification"),
        ("data engineer", "data-engineer"),
        ("MLOps", "mlops-ml-platform"),
        ("ml/data leadership", "ml-data-leadership"),
    ],
)
def test_resolve_by_id_name_or_alias(typed: str, family: str) -> None:
    assert resolve_role(typed, load_families()).id == family


def test_near_miss_says_did_you_mean() -> None:
    with pytest.raises(UnknownRoleError) as err:
        resolve_role("ML Enginer", load_families())
    assert str(err.value) == (
        "unknown role 'ML Enginer' — did you mean Machine Learning Engineer? "
        "(see `careergap roles`)"
    )


def test_far_miss_has_no_suggestion() -> None:
    with pytest.raises(UnknownRoleError) as err:
        resolve_role("astronaut", load_families())
    assert str(err.value) == "unknown role 'astronaut' (see `careergap roles`)"


@pytest.mark.parametrize(
    ("typed", "family"),
    [
        ("formal", "formal-verification"),
        ("Physical", "physical-design-sta-dfm"),
        ("cyber-physical", "hardware-security"),
        ("vision", "computer-vision"),
        ("recommender", "recommender-search"),
    ],
)
def test_words_only_one_family_has_resolve(typed: str, family: str) -> None:
    assert resolve_role(typed, load_families()).id == family


def test_words_several_families_share_name_them_all() -> None:
    with pytest.raises(UnknownRoleError) as err:
        resolve_role("verification", load_families())
    assert str(err.value) == (
        "role 'verification' could be any of: Formal Verification Engineer, Design Verification"
        " — give more of its name (see `careergap roles`)"
    )


def test_long_ambiguous_list_is_cut_short() -> None:
    families = {
        f"f{n}": RoleFamily(id=f"f{n}", name=f"Kind {n} Engineer", description="d")
        for n in range(8)
    }
    with pytest.raises(UnknownRoleError) as err:
        resolve_role("engineer", families)
    assert str(err.value) == (
        "role 'engineer' could be any of: Kind 0 Engineer, Kind 1 Engineer, Kind 2 Engineer,"
        " Kind 3 Engineer, Kind 4 Engineer and 3 more — give more of its name"
        " (see `careergap roles`)"
    )
