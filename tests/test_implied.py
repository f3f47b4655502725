"""Umbrella skills inferred from specific ones: the documented rule, on a small taxonomy."""

from __future__ import annotations

from careergap.models import Skill
from careergap.reading.taxonomy import Taxonomy
from careergap.scoring.implied import implied_levels, with_implied

TAXONOMY = Taxonomy(
    [
        Skill(id="ml", name="Machine learning", category="field"),
        Skill(id="dl", name="Deep learning", category="field", parents=("ml",)),
        Skill(id="pytorch", name="PyTorch", category="framework", parents=("dl",)),
        Skill(id="cnn", name="CNNs", category="method", parents=("dl",)),
        Skill(id="communication", name="Communication", category="soft-skill"),
        Skill(id="english", name="English", category="human-language", parents=("communication",)),
    ]
)


def test_one_specific_skill_shows_its_umbrellas_one_level_lower() -> None:
    found = implied_levels(TAXONOMY, {"pytorch": 4})
    assert {k: (v.level, v.source, v.source_level) for k, v in found.items()} == {
        "dl": (3, "pytorch", 4),
        "ml": (3, "pytorch", 4),
    }


def test_two_specific_skills_show_the_umbrella_at_the_highest_level() -> None:
    found = implied_levels(TAXONOMY, {"pytorch": 4, "cnn": 5})
    assert (found["dl"].level, found["dl"].source, found["dl"].evidence) == (5, "cnn", 2)
    assert found["ml"].level == 5


def test_a_written_level_always_wins_even_lower_or_zero() -> None:
    levels = {"pytorch": 5, "cnn": 5, "dl": 2, "ml": 0}
    assert implied_levels(TAXONOMY, levels) == {}
    assert with_implied(levels, implied_levels(TAXONOMY, levels)) == levels


def test_level_one_evidence_still_implies_level_one_and_zero_implies_nothing() -> None:
    assert implied_levels(TAXONOMY, {"pytorch": 1})["dl"].level == 1
    assert implied_levels(TAXONOMY, {"pytorch": 0}) == {}


def test_non_technical_umbrellas_are_never_inferred() -> None:
    assert implied_levels(TAXONOMY, {"english": 5}, frozenset({"communication", "english"})) == {}


def test_shown_umbrellas_include_written_ones_and_never_soft_skills() -> None:
    """An umbrella counts as shown by its specific skills even when its own level is written
    (lower): its gap is listed last, while credit keeps the written level."""
    from careergap.scoring.implied import shown_umbrellas

    levels = {"pytorch": 4, "ml": 2, "english": 5}
    assert shown_umbrellas(TAXONOMY, levels, {"communication", "english"}) == {"dl", "ml"}
    assert shown_umbrellas(TAXONOMY, {"pytorch": 0, "ml": 3}) == frozenset()
