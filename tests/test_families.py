"""Role families: the packaged list and resolving what users type."""

from __future__ import annotations

import pytest

from careergap.corpus.roles import load_families, resolve_role
from careergap.errors import UnknownRoleError

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
