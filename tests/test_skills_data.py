"""The packaged taxonomy (careergap/data/skills.yaml) stays valid, unambiguous and traceable.

Every other feature reads postings and profiles through this file, so a duplicate id, a surface
form shared by two skills, a dangling parent or an invented skill (no seed line behind it) would
silently mis-score every posting. These tests read the raw file, independently of taxonomy.py.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from careergap.files.loader import load_trusted_yaml
from careergap.files.paths import data_file
from careergap.models import (
    NON_TECHNICAL_CATEGORIES,
    TECHNICAL_CATEGORIES,
    Skill,
    SkillCategory,
)
from careergap.reading.matching import fold
from careergap.reading.provenance import TAXONOMY_FILES, label_fields, names, parse_source

#: Issue 11's floor: a taxonomy that knows today's postings.
MIN_SKILLS = 2500
#: The categories the data format documents; anything else is a typo.
CATEGORIES = frozenset(
    "language framework library tool eda-tool platform cloud database standard hardware "
    "instrument hardware-methodology method practice field math "
    "soft-skill human-language education domain".split()
)
#: Skills that scoring must show apart from technical gaps, with the category that says so.
NON_TECHNICAL_SAMPLES = {
    "communication": "soft-skill",
    "leadership": "soft-skill",
    "mentoring": "soft-skill",
    "teamwork": "soft-skill",
    "english": "human-language",
    "japanese": "human-language",
    "mandarin": "human-language",
    "healthcare": "domain",
    "automotive": "domain",
}
#: Technical skills that must never be shown apart from the gaps.
TECHNICAL_SAMPLES = (
    "machine-learning",
    "computer-vision",
    "pytorch",
    "static-timing-analysis",
    "algorithms",
    "software-engineering",
    "statistics",
    "business-analytics",
)
#: Seed 001 is machine-paraphrased; its vocabulary must not be cited as a source.
PARAPHRASED_SEED_PREFIX = "001_"
#: A source is SEEDFILE:LINE or PREFIX:FILE:LINE (careergap.reading.provenance documents both).
SOURCE = re.compile(r"^(?P<file>\d{3}_[0-9a-f]+\.txt):(?P<line>[1-9]\d*)$")
#: The rows of the outside taxonomies that skills cite, shipped with the tests.
CITED_ROWS = Path(__file__).parent / "fixtures" / "cited_rows"
#: Forms that several tests and other modules rely on, with the skill that must own them.
REQUIRED_OWNERS = {
    "C": "c",
    "C++": "cpp",
    "C#": "csharp",
    "R": "r",
    "Go": "go",
    "Golang": "go",
    "Java": "java",
    "JavaScript": "javascript",
    "Spark": "apache-spark",
    "PySpark": "pyspark",
    "Excel": "excel",
    "Scala": "scala",
    "Rust": "rust",
    "Swift": "swift",
    "CV": "computer-vision",
    "DFT": "design-for-test",
    "MDP": "markov-decision-process",
    "EMR": "aws-emr",
    "Hive": "apache-hive",
    "Beam": "apache-beam",
    "Airflow": "airflow",
    "SV": "systemverilog",
    "SVA": "sva",
    "PSL": "psl",
    "UVM": "uvm",
    "TF": "tensorflow",
    "ML": "machine-learning",
    "k8s": "kubernetes",
    "sklearn": "scikit-learn",
    "JasperGold": "jaspergold",
    "STA": "static-timing-analysis",
    "P&R": "place-and-route",
    "LVS": "lvs",
    "DRC": "drc",
    "OPC": "opc",
    "FPV": "formal-property-verification",
    "ATPG": "atpg",
    "TCAD": "tcad",
    "PDK": "pdk",
    "CUDA": "cuda",
    "LLMs": "large-language-models",
    "NLP": "natural-language-processing",
    "Postgres": "postgresql",
}


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    data = load_trusted_yaml(data_file("skills.yaml"))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def skills(raw: list[dict]) -> list[Skill]:
    return [Skill.model_validate(entry) for entry in raw]


@pytest.fixture(scope="module")
def by_id(skills: list[Skill]) -> dict[str, Skill]:
    return {s.id: s for s in skills}


def _ci_key(form: str) -> str:
    """How the extractor compares case-insensitive forms: case, spaces, hyphens dropped."""
    return re.sub(r"[\s_\-]+", "", form.lower())


def forms(skill: Skill) -> list[str]:
    return [skill.name, *skill.aliases, *skill.exact]


def test_file_validates_as_skills_with_fields_in_model_order(raw: list[dict]) -> None:
    order = list(Skill.model_fields)
    for entry in raw:
        Skill.model_validate(entry)
        keys = list(entry)
        assert keys == [k for k in order if k in keys], entry["id"]


def test_at_least_the_issue_floor(skills: list[Skill]) -> None:
    assert len(skills) >= MIN_SKILLS


def test_ids_unique_and_sorted(skills: list[Skill]) -> None:
    ids = [s.id for s in skills]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert ids == sorted(ids)


def test_categories_are_documented_ones(skills: list[Skill]) -> None:
    assert {s.id: s.category for s in skills if s.category not in CATEGORIES} == {}


def test_categories_split_into_technical_and_the_rest() -> None:
    """Every category is either technical (ranked as a gap) or shown apart, never both."""
    technical, other = set(TECHNICAL_CATEGORIES), set(NON_TECHNICAL_CATEGORIES)
    assert not technical & other
    assert technical | other == CATEGORIES == set(get_args(SkillCategory))


def test_soft_skills_languages_degrees_and_domains_are_not_technical(
    by_id: dict[str, Skill],
) -> None:
    assert {sid: by_id[sid].category for sid in NON_TECHNICAL_SAMPLES} == NON_TECHNICAL_SAMPLES
    assert not any(by_id[sid].technical for sid in NON_TECHNICAL_SAMPLES)
    assert [sid for sid in TECHNICAL_SAMPLES if not by_id[sid].technical] == []


def test_no_surface_form_shared_by_two_skills(skills: list[Skill]) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for skill in skills:
        for form in forms(skill):
            key = fold(form)
            assert key, f"{skill.id}: {form!r} folds to nothing"
            other = owner.setdefault(key, skill.id)
            if other != skill.id:
                clashes.append((form, other, skill.id))
    assert clashes == []


def test_exact_forms_are_not_also_aliases(skills: list[Skill]) -> None:
    """An ambiguous short form belongs in `exact` only, or the case rule would be bypassed."""
    for skill in skills:
        exact = {_ci_key(f) for f in skill.exact}
        assert not exact & {_ci_key(f) for f in skill.aliases}, skill.id


@pytest.mark.parametrize(("form", "skill_id"), sorted(REQUIRED_OWNERS.items()))
def test_ambiguous_and_common_forms_have_the_intended_owner(
    skills: list[Skill], form: str, skill_id: str
) -> None:
    owners = {s.id for s in skills if fold(form) in map(fold, forms(s))}
    assert owners == {skill_id}


def test_short_ambiguous_tokens_are_exact_case(by_id: dict[str, Skill]) -> None:
    for skill_id, token in [
        ("c", "C"),
        ("r", "R"),
        ("computer-vision", "CV"),
        ("design-for-test", "DFT"),
        ("markov-decision-process", "MDP"),
        ("aws-emr", "EMR"),
        ("systemverilog", "SV"),
    ]:
        assert token in by_id[skill_id].exact, skill_id
    # Go is read in lower case too ("php go python" tag runs), but only where its named rule
    # finds a list or a language context (tests/test_ambiguity_context.py has both readings).
    assert "go" in by_id["go"].aliases


def test_references_exist_and_weights_are_partial(
    skills: list[Skill], by_id: dict[str, Skill]
) -> None:
    for skill in skills:
        for parent in skill.parents:
            assert parent in by_id and parent != skill.id, (skill.id, parent)
        for rel in skill.related:
            assert rel.id in by_id and rel.id != skill.id, (skill.id, rel.id)
            assert 0 < rel.weight <= 0.5
        assert len(set(skill.parents)) == len(skill.parents), skill.id


def test_parents_are_acyclic(by_id: dict[str, Skill]) -> None:
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, " -> ".join((*path, node))
        if node in done:
            return
        for parent in by_id[node].parents:
            visit(parent, (*path, node))
        done.add(node)

    for skill_id in by_id:
        visit(skill_id, ())


def test_known_relations(by_id: dict[str, Skill]) -> None:
    """Partial credit a user relies on: SVA counts towards formal property verification, etc."""

    def weight(a: str, b: str) -> float:
        return max(
            [r.weight for r in by_id[a].related if r.id == b]
            + [r.weight for r in by_id[b].related if r.id == a]
            + [0.0]
        )

    assert weight("sva", "formal-property-verification") == 0.5
    assert weight("keras", "tensorflow") > 0
    assert weight("pytorch", "tensorflow") > 0
    assert weight("verilog", "systemverilog") > 0
    assert weight("jaspergold", "formal-property-verification") > 0
    assert "apache-spark" in by_id["pyspark"].parents


def test_every_skill_cites_one_to_three_sources(skills: list[Skill]) -> None:
    for skill in skills:
        assert 1 <= len(skill.sources) <= 3, skill.id
        assert len(set(skill.sources)) == len(skill.sources), skill.id
        for source in skill.sources:
            citation = parse_source(source)
            assert citation, (skill.id, source)
            assert not citation.file.startswith(PARAPHRASED_SEED_PREFIX), (skill.id, source)


def _cited_rows() -> dict[str, dict[int, str]]:
    rows: dict[str, dict[int, str]] = {}
    for prefix, rel in TAXONOMY_FILES.items():
        path = CITED_ROWS / (rel.rsplit("/", 1)[1] + ".rows")
        table = rows.setdefault(prefix, {})
        for row in path.read_text(encoding="utf-8").splitlines():
            number, _, text = row.partition("\t")
            table[int(number)] = text
    return rows


def test_taxonomy_citations_name_the_skill_in_a_label(skills: list[Skill]) -> None:
    """An O*NET, ESCO or gazetteer citation points at a shipped row whose product name or
    label names the skill or one of its forms (a word in a description is not enough)."""
    rows = _cited_rows()
    missing, wrong = [], []
    for skill in skills:
        for source in skill.sources:
            citation = parse_source(source)
            assert citation
            if citation.prefix == "seed":
                continue
            row = rows[citation.prefix].get(citation.line)
            if row is None:
                missing.append((skill.id, source))
                continue
            fields = label_fields(citation.prefix, row)
            if not any(names(field, form) for field in fields for form in forms(skill)):
                wrong.append((skill.id, source))
    assert missing == []
    assert wrong == []


def test_only_cited_rows_are_shipped(skills: list[Skill]) -> None:
    """The outside files are not redistributed whole: every shipped row is cited."""
    cited = {(c.prefix, c.line) for s in skills for c in map(parse_source, s.sources) if c}
    shipped = {(prefix, n) for prefix, table in _cited_rows().items() for n in table}
    assert shipped - cited == set()


def test_outside_taxonomies_are_credited() -> None:
    notice = (CITED_ROWS / "README.md").read_text(encoding="utf-8")
    for credit in ("O*NET 29.2", "USDOL/ETA", "CC BY 4.0", "European Union", "MIT", "Lightcast"):
        assert credit in notice


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.casefold())


def test_sources_point_at_seed_lines_naming_the_skill(skills: list[Skill], seeds_dir: Path) -> None:
    cache: dict[str, list[str]] = {}
    wrong = []
    for skill in skills:
        wanted = [_squash(f) for f in forms(skill)]
        for source in skill.sources:
            match = SOURCE.match(source)
            if not match:  # an outside taxonomy: checked against the shipped rows
                continue
            name, line = match["file"], int(match["line"])
            if name not in cache:
                path = seeds_dir / name
                assert path.is_file(), f"{skill.id}: no seed file {name}"
                cache[name] = path.read_text(encoding="utf-8").splitlines()
            lines = cache[name]
            assert line <= len(lines), f"{skill.id}: {source} is past the end of the file"
            text = _squash(lines[line - 1])
            if not any(w in text for w in wanted):
                wrong.append((skill.id, source))
    assert wrong == []


#: One representative skill per domain the seeds cover: a curation slip that drops a whole area
#: (EDA, formal, DFT, MLOps...) would leave its postings with almost nothing to match.
DOMAIN_SAMPLES = (
    "deep-learning",
    "pytorch",
    "transformer",
    "mlops",
    "mlflow",
    "apache-spark",
    "etl",
    "tableau",
    "statistics",
    "object-detection",
    "natural-language-processing",
    "speech-recognition",
    "large-language-models",
    "recommender-systems",
    "robotics",
    "cuda",
    "tensorrt",
    "tvm",
    "mlir",
    "kubernetes",
    "aws",
    "terraform",
    "postgresql",
    "logic-synthesis",
    "place-and-route",
    "static-timing-analysis",
    "dfm",
    "opc",
    "ret",
    "tcad",
    "spice",
    "circuit-simulation",
    "memory-compilers",
    "pdk",
    "drc",
    "lvs",
    "formal-property-verification",
    "model-checking",
    "theorem-proving",
    "equivalence-checking",
    "jaspergold",
    "uvm",
    "coverage-driven-verification",
    "atpg",
    "post-silicon-validation",
    "hardware-security",
    "linear-algebra",
    "optimization",
    "signal-processing",
    "algorithms",
    "data-structures",
    "distributed-systems",
    "computer-architecture",
    "digital-design",
    "verification-planning",
    "communication",
    "leadership",
)


def test_covers_every_seed_domain(by_id: dict[str, Skill]) -> None:
    assert [s for s in DOMAIN_SAMPLES if s not in by_id] == []


#: A specific tool, protocol or attack is a skill of its own under its umbrella, never an alias
#: of it: a posting that asks for LangChain does not ask for any agent framework.
SPECIFIC_UNDER_UMBRELLA = {
    "langchain": "ai-agents",
    "llamaindex": "ai-agents",
    "hf-transformers": "hugging-face",
    "lora": "fine-tuning",
    "pinecone": "vector-databases",
    "faiss": "vector-databases",
    "pgvector": "vector-databases",
    "hspice": "spice",
    "cadence-spectre": "spice",
    "xcelium": "logic-simulation",
    "modelsim": "logic-simulation",
    "primetime": "static-timing-analysis",
    "cadence-innovus": "place-and-route",
    "design-compiler": "logic-synthesis",
    "tessent": "design-for-test",
    "axi": "amba",
    "fault-injection-attacks": "hardware-security",
    "secure-boot": "root-of-trust",
    "silicon-bring-up": "post-silicon-validation",
    "oscilloscope": "lab-equipment",
    "pcie": "interface-protocols",
    "prometheus": "monitoring",
    "helm": "kubernetes",
    "dagster": "workflow-orchestration",
    "fivetran": "data-ingestion",
    "apache-iceberg": "data-lakes",
    "pulumi": "infrastructure-as-code",
    "aws-eks": "aws",
    "gcp-vertex-ai": "gcp",
    "azure-ml": "azure",
}


@pytest.mark.parametrize(("skill_id", "umbrella"), sorted(SPECIFIC_UNDER_UMBRELLA.items()))
def test_specific_skills_sit_under_their_umbrella(
    by_id: dict[str, Skill], skill_id: str, umbrella: str
) -> None:
    def ancestors(sid: str) -> set[str]:
        out, todo = set(), list(by_id[sid].parents)
        while todo:
            parent = todo.pop()
            if parent not in out:
                out.add(parent)
                todo.extend(by_id[parent].parents)
        return out

    assert umbrella in ancestors(skill_id)
    assert not {fold(f) for f in forms(by_id[skill_id])} & {fold(f) for f in forms(by_id[umbrella])}


#: Different things that one skill used to hold: each pair must resolve to two skills.
DIFFERENT_THINGS = [
    ("fault injection", "side-channel analysis"),
    ("LangChain", "AI agents"),
    ("HSPICE", "SPICE"),
    ("secure boot", "root of trust"),
    ("silicon bring-up", "post-silicon validation"),
    ("Xcelium", "Incisive"),
    ("ModelSim", "Questa"),
    ("Pinecone", "vector database"),
    ("end-to-end testing", "integration testing"),
    ("AXI", "AMBA"),
    ("ELT", "ETL"),
    ("Trino", "Presto"),
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT_THINGS)
def test_different_things_are_different_skills(skills: list[Skill], one: str, other: str) -> None:
    def owner(form: str) -> set[str]:
        return {s.id for s in skills if fold(form) in map(fold, forms(s))}

    assert len(owner(one)) == 1 and len(owner(other)) == 1
    assert owner(one) != owner(other)


def test_forms_removed_by_hand_stay_removed(skills: list[Skill]) -> None:
    """tests/tools/removed_forms.txt lists forms taken out of skills.yaml as too ambiguous;
    the taxonomy tool skips them, and a hand edit that brings one back fails here."""
    path = Path(__file__).parent / "tools" / "removed_forms.txt"
    removed = {
        fold(line.split("|")[1].strip()): line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert len(removed) >= 30
    back = [
        f"{skill.id}: {form!r} ({removed[fold(form)]})"
        for skill in skills
        for form in (*skill.aliases, *skill.exact)
        if fold(form) in removed
    ]
    assert back == []
