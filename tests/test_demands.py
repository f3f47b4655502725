"""``careergap.reading.demands``: one reader of demands for `extract`, the corpus, `postings add`.

Each reading is checked both ways (the broad skill that names the role or the product is not a
demand, the tool beside it is; an umbrella right after one of its kinds only qualifies it), and
on every path a posting takes: a whole text (`extract --json`), a stored line as the corpus is
compiled, and a pasted ad.
"""

from __future__ import annotations

import pytest

from careergap.models import DEMAND_SECTIONS, Posting, RequirementLine
from careergap.reading.demands import DemandReader, read_mentions, reader_for
from careergap.reading.extraction import line_numbers
from careergap.reading.extractor import Extractor
from careergap.reading.sections import read_sections
from careergap.reading.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


#: (posting text, skill id, is it a demand?)
DEMAND_READINGS = [
    ("Senior Data Engineer\nBuild pipelines in Python", "data-engineering", False),
    ("Java Backend Engineer\nStrong SQL", "java", True),
    ("As a Machine Learning Engineer you will train models in PyTorch", "machine-learning", False),
    ("As a Machine Learning Engineer you will train models in PyTorch", "pytorch", True),
    ("Experience in machine learning and statistics", "machine-learning", True),
    ("We are developing an IoT platform with machine learning.", "machine-learning", False),
    ("We are building our platform on Kafka and Spark.", "kafka", True),
    ("Strong TypeScript programming skills", "programming-languages", False),
    ("Strong TypeScript programming skills", "typescript", True),
    ("Strong programming skills (Python, Perl)", "programming-languages", True),
    ("Industry: Artificial Intelligence Machine Learning", "machine-learning", False),
    ("Join our Data & Analytics team to build dashboards", "data-analysis", False),
    ("Join our agile team to build dashboards", "agile", True),
    ("No Java experience is needed; strong Python", "java", False),
    ("No Java experience is needed; strong Python", "python", True),
    # a team named for whom the work is done is not a demand; the team's own way of working is
    ("Lead planning for the Text-To-Speech core engineering team", "text-to-speech", False),
    ("Experience with text-to-speech synthesis", "text-to-speech", True),
    ("The group is a diverse team of world class RTL design engineers", "rtl-design", False),
    # an appositive that says what the employer's product is names its fields, not the job's
    (
        "Build the services and their integration into the Databricks product, a unified"
        " analytics platform that helps manage data processing workloads",
        "data-analysis",
        False,
    ),
    ("Experience with data analytics, a core skill we test in interviews", "data-analysis", True),
    ("Strong data analytics skills for our platform", "data-analysis", True),
    # the employer by its possessive before what its business has; a tool asked for is a demand
    ("Grow Databricks' machine learning capabilities and product revenue", "databricks", False),
    ("Tune queries on Databricks' SQL warehouses", "databricks", True),
    ("Deep knowledge of Snowflake's query engine", "snowflake", True),
    # a title names the company after "at"; the stack before it is the role's
    ("Machine Learning Engineer at Databricks\nBuild models", "databricks", False),
    ("Databricks Engineer at Acme\nBuild models", "databricks", True),
    # a job board title: the role part names the stack, the company part does not
    ("Software Developer · Siemens EDA · Remote", "siemens-eda-tools", False),
    ("Java Developer · Acme · Remote", "java", True),
    (
        "Artificial Intelligence / Machine Learning Senior Associate",
        "artificial-intelligence",
        False,
    ),
    # what the product draws on is not asked of the person
    (
        "It integrates the latest generation of machine translation research.",
        "machine-translation",
        False,
    ),
    ("Experience with machine translation models", "machine-translation", True),
    ("Stay up-to-date with the latest developments in NLP", "natural-language-processing", True),
    # "SCM" in a logistics list is supply chain management, among code words version control
    ("industrial distribution, logistics, supply chain management, SCM", "version-control", False),
    ("Build tooling and SCM integrations that ensure code consistency", "version-control", True),
    # a quality attribute, build pipelines, an adjective: not the skill of the same name
    ("A strong focus on scalability, efficiency and maintainability.", "scalability", False),
    (
        "Experience with scalability and performance tuning of distributed systems",
        "scalability",
        True,
    ),
    ("Maintain the build and test pipelines", "data-pipelines", False),
    ("Build scalable data pipelines in Airflow", "data-pipelines", True),
    ("We are agile and can respond swiftly to change", "agile", False),
    ("Experience with Agile and Scrum", "agile", True),
    # bare "architecture" is software architecture among software words, never in a chip
    (
        "Background in architecture of high-scale distributed services",
        "software-architecture",
        True,
    ),
    ("Micro Service architecture", "software-architecture", False),
    ("( Engineering or Computer Science ) BS/MS degree or equivalent", "computer-science", False),
    ("shell scripts, C-programming, JavaScript", "c", True),
    # the designs a verification job checks are not skills asked of the person
    (
        "Hands-on formal verification of processors, GPU blocks, networking designs or AI/ML",
        "machine-learning",
        False,
    ),
    (
        "Hands-on formal verification of processors, GPU blocks, networking designs or AI/ML",
        "formal-verification",
        True,
    ),
    ("Verification of designs using formal methods and model checking", "model-checking", True),
    ("Experience in machine learning and verification of RTL", "machine-learning", True),
]


def _extract_reading(taxonomy: Taxonomy, text: str, skill_id: str) -> bool:
    """Whether `extract --json` reads ``skill_id`` as a demand somewhere in ``text`` (a form
    the extractor's own rules reject is no demand either)."""
    mentions = Extractor(taxonomy).find(text)
    lines = text.split("\n")
    found = line_numbers(lines, mentions)
    if skill_id not in found:
        return False
    sections, not_demands = read_mentions(lines, mentions, taxonomy)
    return any(
        sections[n - 1] in DEMAND_SECTIONS and (skill_id, n) not in not_demands
        for n in found[skill_id]
    )


def _stored_reading(taxonomy: Taxonomy, text: str, skill_id: str) -> bool:
    """Whether a posting stored with these lines and sections scores ``skill_id``."""
    from careergap.store.workspace import compile_entries

    lines = text.split("\n")
    parts = read_sections(lines)
    stored = [
        RequirementLine(line=n, text=line, section=part.section)
        for n, (line, part) in enumerate(zip(lines, parts, strict=True), start=1)
        if line.strip() and not part.heading
    ]
    posting = Posting(id="p-test", title="t", families=("f",), source="t", lines=tuple(stored))
    entry = compile_entries([posting], taxonomy)["p-test"]
    return any(skill_id in r.options for r in entry.requirements)


@pytest.mark.parametrize(("text", "skill_id", "demand"), DEMAND_READINGS)
def test_extract_and_the_corpus_read_demands_alike(
    taxonomy: Taxonomy, text: str, skill_id: str, demand: bool
) -> None:
    assert _extract_reading(taxonomy, text, skill_id) is demand
    assert _stored_reading(taxonomy, text, skill_id) is demand


def test_a_pasted_ad_is_read_as_extract_reads_it(taxonomy: Taxonomy) -> None:
    from careergap.corpus.userpostings import parse_posting

    ad = (
        "Machine Learning Engineer\n"
        "We are developing an IoT platform with machine learning.\n"
        "As a Machine Learning Engineer you will train models in PyTorch.\n"
        "Strong TypeScript programming skills.\n"
    )
    find = Extractor(taxonomy).find
    pasted = parse_posting(ad, "machine-learning-engineer", find, taxonomy=taxonomy)
    skills = {sid for ids in pasted.skills.values() for sid in ids}
    assert {"pytorch", "typescript"} <= skills
    assert not skills & {"machine-learning", "programming-languages"}
    # Without the taxonomy only the rules that need none apply: the field is read as asked.
    plain = parse_posting(ad, "machine-learning-engineer", find)
    assert "machine-learning" in {sid for ids in plain.skills.values() for sid in ids}


def test_a_line_outside_the_demand_sections_holds_no_demand(taxonomy: Taxonomy) -> None:
    line = "Experience with Python and SQL"
    mentions = Extractor(taxonomy).find(line)
    reader = DemandReader(taxonomy)
    assert reader.demands(line, mentions, "requirements") == mentions
    assert reader.demands(line, mentions, "benefits") == []
    assert reader_for(taxonomy) is reader_for(taxonomy)


def test_chip_architecture_is_not_software_architecture(taxonomy: Taxonomy) -> None:
    found = {
        m.skill_id for m in Extractor(taxonomy).find("SoC architecture and CPU memory architecture")
    }
    assert "software-architecture" not in found
