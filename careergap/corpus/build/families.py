"""Assign role families to a draft posting: section default + title rules (+ overrides later).

1. SECTION_RULES give each seed section a default family. The innermost heading (or bold
   pseudo-heading) that matches wins.
2. TITLE_RULES add families named by the posting's own title ("Deep Learning Framework
   Engineer" -> ML Systems & Performance).
3. In MIXED sections (the big "Machine Learning Scientist & Deep Learning Scientist Roles"
   section, applied ML, embedded DL, "other domains") the title decides: the section default
   is used only when no title rule matches. Elsewhere the section default comes first and
   title families are added after it.

The first family is the posting's primary one (it names the folder in README counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careergap.corpus.build.seeds import NOTES_FAMILIES
from careergap.corpus.build.shape import Draft


@dataclass(frozen=True)
class SectionRule:
    name: str
    pattern: re.Pattern[str]
    families: tuple[str, ...]
    #: The section mixes several kinds of roles; titles decide.
    mixed: bool = False


def _s(name: str, pattern: str, *families: str, mixed: bool = False) -> SectionRule:
    return SectionRule(name, re.compile(pattern, re.IGNORECASE), families, mixed)


#: Checked against each heading from the innermost outwards; first match wins.
SECTION_RULES: tuple[SectionRule, ...] = (
    _s(
        "ml-manager", r"^Skill sets for managing", "ml-data-leadership", "machine-learning-engineer"
    ),
    _s(
        "ml-engineer", r"Machine Learning Engineer.*roles:", "machine-learning-engineer", mixed=True
    ),
    _s("ml-scientist", r"Machine Learning Scientist.*roles:", "ml-research-scientist", mixed=True),
    _s(
        "ml-scientist-section",
        r"Machine Learning Scientist & Deep Learning",
        "ml-research-scientist",
        mixed=True,
    ),
    _s(
        "ml-for-eda",
        r"^Machine Learning for EDA",
        "eda-software-developer",
        "machine-learning-engineer",
    ),
    _s("formal", r"Formal Verification", "formal-verification"),
    _s(
        "design-verification",
        r"^VLSI Verification|Application engineers of different EDA",
        "design-verification",
        "eda-software-developer",
    ),
    _s(
        "physical",
        r"Physical Design|Static Timing|\bDFM\b|Physical Verification|"
        r"Mask Data Preparation",
        "physical-design-sta-dfm",
    ),
    _s("test", r"IC Testing|Post-Silicon", "dft-test-post-silicon"),
    _s("hw-security", r"Hardware Security|Cyber-Physical System Security", "hardware-security"),
    _s(
        "embedded-dl",
        r"VLSI Deep Learning|Computer Architecture Research",
        "ml-hardware-embedded-dl",
        mixed=True,
    ),
    # before "eda": "Data Science for Computational Science ... (except EDA)" is data science
    _s("other-domains", r"Roles in Other Domains", "data-scientist", mixed=True),
    _s("data-science", r"Data Science|Data Visualization|Sports Analytics", "data-scientist"),
    _s(
        "eda",
        r"EDA|Circuit Simulation|System-Level Design|Cyber-Physical Systems|Logic Synthesis|"
        r"Memory Compilers|TCAD|Technology CAD|Process Design Kit|MEMS|STCO|DTCO|"
        r"Semiconductor",
        "eda-software-developer",
    ),
    _s("cv", r"Computer Vision", "computer-vision"),
    _s("nlp", r"Natural Language Processing|NLP", "nlp-speech-llm"),
    _s("recsys", r"Recommender|Information Retrieval", "recommender-search"),
    _s("mlops", r"MLOps|ModelOps|AIOps", "mlops-ml-platform"),
    _s(
        "data-eng",
        r"Data Engineering$|DataOps$|^Skill Sets for Data Engineering|"
        r"^Notes about Data Engineering|^Skill Sets about DataOps",
        "data-engineer",
    ),
    _s(
        "analytics",
        r"Business Analytics|Marketing Analytics|Human Resource Analytics",
        "data-bi-analyst",
    ),
    _s("applied-ml", r"^Applied Machine Learning", "machine-learning-engineer", mixed=True),
    _s("ml-research", r"Logical AI|Differential|Quantum|Research", "ml-research-scientist"),
    _s("ml", r"Machine Learning|Artificial Intelligence", "machine-learning-engineer"),
)

#: (family, pattern on the title). Order matters only for the primary family in mixed sections.
TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile(pattern, re.IGNORECASE))
    for family, pattern in (
        ("ml-data-leadership", r"\b(?:manager|director|head of|vp|chief|lead)\b"),
        ("formal-verification", r"\bformal\b"),
        ("design-verification", r"\b(?:design verification|dv engineer|uvm)\b"),
        ("physical-design-sta-dfm", r"\b(?:physical design|sta|timing|dfm|lithograph\w*|opc)\b"),
        ("dft-test-post-silicon", r"\b(?:dft|atpg|post-silicon|silicon validation|ic test)\b"),
        ("hardware-security", r"\bsecurity\b"),
        ("eda-software-developer", r"\b(?:eda|circuit simulation|tcad|pdk|design kit)\b"),
        ("rtl-fpga-design", r"\b(?:rtl|fpga|asic design|digital design|logic design)\b"),
        ("analog-mixed-signal", r"\b(?:analog|mixed-signal|rfic|ams design)\b"),
        (
            "ml-hardware-embedded-dl",
            r"\b(?:chip|rtl|hardware|hw|accelerator|neural engine|npu|edge ai|on-device|embedded|"
            r"photonic|fpga|microarchitecture)\b",
        ),
        (
            "mlops-ml-platform",
            r"\b(?:mlops|ml ops|ml platform|machine learning platform|"
            r"infrastructure|devops|tools and pipeline)\b",
        ),
        (
            "ml-systems-performance",
            r"\b(?:gpu|cuda|inference|compilers?|kernel|performance|framework|math library|"
            r"software library|hpc|heterogeneous)\b",
        ),
        (
            "robotics-perception",
            r"\b(?:robot\w*|perception|autonomous|state estimation|"
            r"locali[sz]ation|av|slam|vio)\b",
        ),
        ("computer-vision", r"\b(?:computer vision|cv|image|imaging|video|vision|visual|3d)\b"),
        (
            "nlp-speech-llm",
            r"\b(?:nlp|language|speech|siri|text to speech|linguist|llm|"
            r"generative ai|foundation models?|translation|asr|audio|music|knowledge engineer)\b",
        ),
        (
            "recommender-search",
            r"\b(?:recommend\w*|search|ranking|personali[sz]ation|ads?|"
            r"auction)\b",
        ),
        (
            "data-engineer",
            r"\b(?:data engineer\w*|data platform|analytics engineer|etl|"
            r"datagens)\b",
        ),
        ("data-bi-analyst", r"\b(?:analyst|business intelligence|bi)\b"),
        ("data-scientist", r"\bdata scien\w*"),
        ("ml-research-scientist", r"\b(?:research\w*|(?<!data )scientist|postdoc\w*)\b"),
        (
            "machine-learning-engineer",
            r"\b(?:machine learning|ml|deep learning|ai|"
            r"artificial intelligence)\b.*\b(?:engineer|engr|specialist|developer)\b",
        ),
    )
)

#: Product names that contain a title keyword but say nothing about the role.
_PRODUCT_NAMES = re.compile(r"Apple Vision Pro|Visual Intelligence", re.IGNORECASE)


def section_rule(headings: tuple[str, ...]) -> SectionRule | None:
    """The rule of the innermost heading that has one."""
    for heading in reversed(headings):
        for rule in SECTION_RULES:
            if rule.pattern.search(heading):
                return rule
    return None


def title_families(title: str | None) -> list[str]:
    """Families named by a posting's title, in TITLE_RULES order."""
    if not title:
        return []
    text = _PRODUCT_NAMES.sub("", title)
    return [family for family, pattern in TITLE_RULES if pattern.search(text)]


def assign_families(draft: Draft) -> tuple[str, ...]:
    """The families of a draft (see module docstring). Notes use their heading's families."""
    block = draft.block
    if block.form == "notes":
        return NOTES_FAMILIES[block.hint or ""]
    rule = section_rule(block.headings)
    default = rule.families if rule else ("machine-learning-engineer",)
    by_title = title_families(draft.title)
    if block.form == "uk":
        ordered = by_title or ["machine-learning-engineer"]
    elif rule is not None and rule.mixed:
        ordered = by_title or list(default)
    else:
        ordered = [*default, *by_title]
    return tuple(dict.fromkeys(ordered))
