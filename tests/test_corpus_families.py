"""Family assignment: section defaults, title rules, mixed sections."""

from __future__ import annotations

import pytest

from careergap.corpus.build.families import assign_families, section_rule, title_families
from careergap.corpus.build.seeds import RawBlock, SeedLine
from careergap.corpus.build.shape import Draft
from careergap.corpus.roles import load_families
from careergap.models import RequirementLine


def draft(title: str | None, *headings: str, form: str = "skill-set") -> Draft:
    raw = RawBlock("002_x.txt", 1, 2, form, headings, (SeedLine(2, "\t- x", 1),))
    return Draft(raw, title, None, None, (RequirementLine(line=2, text="x"),))


ML_SCIENTIST = "Machine Learning Scientist & Deep Learning Scientist Roles"
ML_ENGINEER_PSEUDO = "Machine Learning Engineer, and Deep Learning Engineer, roles:"


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Deep Learning Framework Engineer", "ml-systems-performance"),
        ("GPU application optimization engineer", "ml-systems-performance"),
        ("Perception System Engineer - SPG", "robotics-perception"),
        ("Computer Vision Architect", "computer-vision"),
        ("Machine Learning Engineer — NLP", "nlp-speech-llm"),
        ("Director of Engineering - Machine Learning", "ml-data-leadership"),
        ("MLOps Engineer, DL & HPC", "mlops-ml-platform"),
        ("Senior Data Engineer (US Remote Available)", "data-engineer"),
        ("Research Scientist", "ml-research-scientist"),
    ],
)
def test_title_rules_pick_the_primary_family_in_mixed_sections(title: str, family: str) -> None:
    assert assign_families(draft(title, ML_SCIENTIST, ML_ENGINEER_PSEUDO))[0] == family


def test_a_data_scientist_is_not_a_research_scientist() -> None:
    assert "ml-research-scientist" not in title_families("Senior Data Scientist (Remote)")
    assert "data-scientist" in title_families("Senior Data Scientist (Remote)")


def test_product_names_do_not_make_a_vision_role() -> None:
    assert "computer-vision" not in title_families("Software Engineer - Apple Vision Pro")


def test_untitled_posting_takes_the_section_default() -> None:
    assert assign_families(draft(None, ML_SCIENTIST, ML_ENGINEER_PSEUDO)) == (
        "machine-learning-engineer",
    )
    fv = "VLSI Formal Verification"
    assert assign_families(draft(None, "EDA", fv, "Sets of Skills for about " + fv)) == (
        "formal-verification",
    )


def test_plain_sections_keep_the_default_first_and_add_title_families() -> None:
    got = assign_families(
        draft("Staff Machine Learning Engineer", "EDA", "Skill sets for STCO and DTCO:")
    )
    assert got == ("eda-software-developer", "machine-learning-engineer")


def test_innermost_heading_wins() -> None:
    rule = section_rule(("Data Science + Data Engineering + DataOps", "Data Engineering"))
    assert rule is not None and rule.families == ("data-engineer",)


def test_every_rule_names_a_known_family() -> None:
    from careergap.corpus.build.families import SECTION_RULES, TITLE_RULES
    from careergap.corpus.build.seeds import NOTES_FAMILIES

    known = set(load_families())
    named = {f for rule in SECTION_RULES for f in rule.families}
    named |= {f for f, _ in TITLE_RULES} | {f for fs in NOTES_FAMILIES.values() for f in fs}
    assert named <= known
