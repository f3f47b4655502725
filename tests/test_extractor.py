"""Skill extraction from free text: the ambiguity table of issue 2, offsets, properties.

The table runs against the packaged taxonomy. Ids listed in ``FIXTURE_ONLY`` are not (yet) in
``careergap/data/skills.yaml``; their cases run against ``tests/fixtures/taxonomy_small.yaml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.files.paths import data_file
from careergap.reading.extractor import Extractor, Mention
from careergap.reading.matching import resolve_skill
from careergap.reading.taxonomy import Taxonomy, load_taxonomy

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy_small.yaml"
PACKAGED = data_file("skills.yaml")
#: Skill ids the packaged taxonomy does not have; their cases use the fixture taxonomy.
FIXTURE_ONLY: frozenset[str] = frozenset()


def _taxonomy_for(skill_id: str) -> Taxonomy:
    if not PACKAGED.is_file() or skill_id in FIXTURE_ONLY:
        return load_taxonomy(FIXTURE)
    taxonomy = load_taxonomy()
    assert skill_id in taxonomy.skills, f"{skill_id!r} missing from skills.yaml"
    return taxonomy


def _found(text: str, skill_id: str) -> set[str]:
    return {m.skill_id for m in Extractor(_taxonomy_for(skill_id)).find(text)}


SHOULD_MATCH = [
    # C, and the slash and list forms around it
    ("Strong C programming skills", "c"),
    ("Languages: C, C++, Python", "c"),
    ("C/C++/Python", "c"),
    ("C/C++/Python", "cpp"),
    ("C/C++/Python", "python"),
    ("Embedded C for microcontrollers", "c"),
    ("Experience writing firmware in C.", "c"),
    ("C and R for numerical work", "c"),
    ("Proficiency in C# and .NET", "csharp"),
    ("Proficiency in C# and .NET", "dotnet"),
    ("Objective-C for legacy iOS apps", "objective-c"),
    # R
    ("Statistical analysis in R or Python", "r"),
    ("R, SQL and Tableau", "r"),
    ("Experience with R (tidyverse, ggplot2)", "r"),
    ("R&D team using R for modelling", "r"),
    ("C and R for numerical work", "r"),
    # Go
    ("Backend services written in Go", "go"),
    ("Languages: Python, Go, Rust", "go"),
    ("Go (Golang) microservices", "go"),
    ("Golang developer", "go"),
    ("golang experience a plus", "go"),
    ("Go developer with Kubernetes experience", "go"),
    ("Experience in Go or Java", "go"),
    ("Java, Go and C++", "go"),
    ("Go and Python for tooling", "go"),
    # Java vs JavaScript
    ("Java and JavaScript", "java"),
    ("Java and JavaScript", "javascript"),
    ("JavaScript/TypeScript front end", "javascript"),
    ("Java 17 and Spring Boot", "java"),
    ("Java/Kotlin on Android", "java"),
    # Spark
    ("Apache Spark for big data", "apache-spark"),
    ("Spark or Flink for batch jobs", "apache-spark"),
    ("Python, Spark, Kafka", "apache-spark"),
    ("tuning spark jobs on Databricks", "apache-spark"),
    ("Experience with PySpark", "pyspark"),
    # Excel
    ("Advanced Excel skills (pivot tables, VLOOKUP)", "excel"),
    ("MS Excel and PowerPoint", "excel"),
    ("Excel spreadsheets and financial models", "excel"),
    ("proficient in excel", "excel"),
    ("SQL, Excel, Tableau", "excel"),
    # Scala
    ("Scala or Java for Spark jobs", "scala"),
    ("functional programming in Scala", "scala"),
    # Rust
    ("Systems programming in Rust", "rust"),
    ("C++ or Rust", "rust"),
    ("rust programming experience", "rust"),
    # Swift
    ("iOS development with Swift", "swift"),
    ("Swift, Kotlin", "swift"),
    # CV = computer vision
    ("3+ years in CV/NLP research", "computer-vision"),
    ("CV models for object detection", "computer-vision"),
    ("define CV features with the vision science team", "computer-vision"),
    ("Computer vision and deep learning", "computer-vision"),
    ("ML, CV, NLP", "computer-vision"),
    # DFT = design for test
    ("DFT insertion, scan and ATPG", "design-for-test"),
    ("Experience with DFT and MBIST", "design-for-test"),
    ("design-for-test methodology", "design-for-test"),
    # MDP
    ("Formulating problems as an MDP for reinforcement learning", "markov-decision-process"),
    ("MDPs and bandits", "markov-decision-process"),
    # EMR = Amazon EMR
    ("Spark on AWS EMR", "aws-emr"),
    ("Amazon EMR clusters", "aws-emr"),
    ("EMR, Glue and Athena", "aws-emr"),
    # Hive
    ("Hive and Presto queries", "apache-hive"),
    ("Apache Hive metastore", "apache-hive"),
    ("writing hive queries", "apache-hive"),
    # Beam
    ("Apache Beam pipelines on Dataflow", "apache-beam"),
    ("Beam, Flink or Spark", "apache-beam"),
    # Airflow
    ("Orchestration with Airflow", "airflow"),
    ("Airflow DAGs", "airflow"),
    ("airflow dags for ETL", "airflow"),
    # SV = SystemVerilog
    ("SV/UVM testbenches", "systemverilog"),
    ("SystemVerilog and UVM", "systemverilog"),
    ("SV assertions and coverage", "systemverilog"),
    # slash forms yield every skill
    ("Verilog/VHDL", "verilog"),
    ("Verilog/VHDL", "vhdl"),
    ("SVA/PSL", "sva"),
    ("SVA/PSL", "psl"),
    ("TensorFlow/PyTorch", "tensorflow"),
    ("TensorFlow/PyTorch", "pytorch"),
    # spelling variants
    ("Node.js and Express", "nodejs"),
    ("PyTorch-based training loops", "pytorch"),
    ("Pytorch experience", "pytorch"),
    ("machine-learning pipelines", "machine-learning"),
    ("Kubernetes (k8s)", "kubernetes"),
    ("Deploying LLMs on Kubernetes", "kubernetes"),
    # exact-case forms of the packaged data that are also words or first names
    ("React and TypeScript front ends", "react"),
    ("Java with Spring Boot or Spring", "spring"),
    ("Distributed training with Ray", "ray"),
    ("Scientific computing in Julia", "julia"),
    ("Bayesian modelling with Stan or PyMC", "stan"),
    ("Dashboards in Shiny", "shiny"),
    ("Linear algebra with Eigen and BLAS", "eigen"),
    ("STL and Boost", "boost"),
    ("Cadence SKILL scripting for Virtuoso", "cadence-skill"),
    # wordings of known skills that postings use (general multi-word forms)
    ("Run blameless post-mortems after outages", "incident-management"),
    ("Prometheus Alert Manager and Grafana", "alertmanager"),
    ("PostgreSQL or Maria DB", "mariadb"),
    ("Good knowledge of MS SQL", "microsoft-sql-server"),
    ("maintain the build and test pipelines of the firmware", "continuous-integration"),
    ("own our deployment pipelines in Azure DevOps", "ci-cd"),
    ("operate an OpenShift container platform", "containers"),
    ("Analyze business requirements with stakeholders", "requirements-engineering"),
    ("gather requirements from product owners", "requirements-engineering"),
    ("deploy backend services to Kubernetes", "software-deployment"),
    ("Knowledge of deployment processes and tools", "software-deployment"),
    ("Strong interpersonal abilities", "teamwork"),
    ("ingest streams of data from sensors", "stream-processing"),
    ("analyse log data from firewalls", "log-analysis"),
    ("profiling and optimizing code for latency", "performance-optimization"),
    ("end-to-end tracing with OpenTelemetry", "distributed-tracing"),
    ("use of a PCI analyzer in the lab", "protocol-analyzer"),
    ("static and dynamic code analysis", "static-analysis"),
    ("build highly available services", "fault-tolerance"),
    ("numerical mathematics or physics", "numerical-methods"),
    ("analysis of sequencing data", "next-generation-sequencing"),
    ("build and manage teams of engineers", "people-management"),
    ("deploy machine learning models to production", "model-deployment"),
    ("experience with web-based applications", "web-development"),
    # a product name no everyday word spells is read in lower case too (scraped tag lines)
    ("angularjs sapui5 node.js jquery javascript", "jquery"),
    ("wordpress php mysql", "wordpress"),
    # a slash tail shares the mention's stem
    ("Experience with ARM Cortex-A/M processors", "arm-cortex-m"),
    ("Experience with ARM Cortex-A/M processors", "arm-cortex-a"),
    ("C/C++, TCP/IP, CI/CD", "c"),
    ("C/C++, TCP/IP, CI/CD", "tcp-ip"),
    ("C/C++, TCP/IP, CI/CD", "ci-cd"),
]

SHOULD_NOT_MATCH = [
    # the same wordings' everyday neighbours
    ("We build pipelines that move data between systems", "continuous-integration"),
    ("Our services are highly available to customers around the clock", "fault-tolerance"),
    ("analysis of the market", "requirements-engineering"),
    ("work with teams across the company", "people-management"),
    ("an alert manager on call", "alertmanager"),
    ("data analysis of sales figures", "log-analysis"),
    # C
    ("Report to the C-suite", "c"),
    ("C-level executives", "c"),
    ("Level C security clearance", "c"),
    ("Options A, B, C or D", "c"),
    ("Vitamin C supplements", "c"),
    ("Objective-C experience", "c"),
    ("Copyright (C) 2024", "c"),
    ("C# developer", "c"),
    ("C++ developer", "c"),
    ("abc c lowercase", "c"),
    ("C. Other duties as assigned", "c"),
    ("Washington D.C. area", "c"),
    # R
    ("R&D engineer", "r"),
    ("R & D department", "r"),
    ("Intel(R) Xeon processors", "r"),
    ("John R. Smith, hiring manager", "r"),
    ("Sections P, Q, R and S", "r"),
    ("Grade R", "r"),
    ("R-squared of the model", "r"),
    ("ask r for help", "r"),
    # Go
    ("Go above and beyond for customers", "go"),
    ("Your go-to person for tooling", "go"),
    ("Go-live support for the ERP rollout", "go"),
    ("Ready to go", "go"),
    ("Go to market strategy", "go"),
    ("Let's Go!", "go"),
    ("Google Cloud Platform", "go"),
    ("a go-getter attitude", "go"),
    ("We go the extra mile", "go"),
    ("Good communication skills", "go"),
    # Java vs JavaScript
    ("JavaScript developer", "java"),
    ("Node.js and JavaScript", "java"),
    ("a cup of Java in the morning", "java"),
    ("Java developer", "javascript"),
    # Spark
    ("Spark curiosity in others", "apache-spark"),
    ("ideas that spark joy", "apache-spark"),
    ("a spark of creativity", "apache-spark"),
    ("Experience with PySpark", "apache-spark"),
    # Excel
    ("You will excel at communication", "excel"),
    ("Candidates who excel in fast-paced environments", "excel"),
    ("Excel in a team setting", "excel"),
    ("a chance to excel", "excel"),
    # Scala vs scale
    ("Ability to scale systems", "scala"),
    ("Large-scale distributed systems", "scala"),
    ("La Scala opera house", "scala"),
    # Rust
    ("rust prevention coatings", "rust"),
    ("Rust-proof steel", "rust"),
    ("a trusted advisor", "rust"),
    # Swift
    ("Swift delivery of features", "swift"),
    ("a swift response to incidents", "swift"),
    ("SWIFT payments messaging", "swift"),
    # CV = résumé
    ("Send your CV to careers@example.com", "computer-vision"),
    ("Please attach a CV and cover letter", "computer-vision"),
    ("CV/résumé required", "computer-vision"),
    ("Upload your updated CV", "computer-vision"),
    ("CVs are reviewed weekly", "computer-vision"),
    ("Any ideas for writing a profitable CV?", "computer-vision"),
    ("make sure your application letter and CV show the required capabilities", "computer-vision"),
    ("When applying, a one-page CV is best", "computer-vision"),
    # DFT = Fourier / density functional theory
    ("DFT and FFT for spectral analysis", "design-for-test"),
    ("DFT calculations (density functional theory)", "design-for-test"),
    # MDP = a management programme
    ("Join our MDP management development programme", "markov-decision-process"),
    ("Mask Data Preparation, MDP", "markov-decision-process"),
    # EMR = medical records
    ("EMR systems for patient records", "aws-emr"),
    ("Epic EMR in a hospital setting", "aws-emr"),
    # Hive
    ("a hive of activity", "apache-hive"),
    ("The office is a Hive of activity", "apache-hive"),
    ("archive data", "apache-hive"),
    # Beam
    ("beam search decoding for LLMs", "apache-beam"),
    ("laser beam alignment", "apache-beam"),
    ("Beam search and sampling", "apache-beam"),
    ("steel beam design", "apache-beam"),
    # Airflow
    ("thermal and airflow management in data centres", "airflow"),
    ("improve airflow through the rack", "airflow"),
    ("Airflow management for servers", "airflow"),
    # SV
    ("based in SV, hybrid", "systemverilog"),
    ("Contact SV for details", "systemverilog"),
    ("SVP of Engineering", "systemverilog"),
    # everyday words and names written like the exact-case forms
    ("React quickly to production incidents", "react"),
    ("Spring 2025 internship", "spring"),
    ("summer, Spring and winter intakes", "spring"),
    ("Ray Kurzweil keynote", "ray"),
    ("Ray tracing on GPUs", "ray"),
    ("Interview with Julia Roberts", "julia"),
    ("Stan Smith, recruiter", "stan"),
    ("Shiny new office", "shiny"),
    ("Eigen values of the Hessian", "eigen"),
    ("Boost productivity across the team", "boost"),
    ("KEY SKILL AREAS", "cadence-skill"),
    ("react to feedback", "react"),
    ("charged-beam lithography", "apache-beam"),
    ("ion beam lithography", "apache-beam"),
    # inside a web address
    ("https://github.com/uber/sql-differential-privacy", "sql"),
    ("see [docs](https://www.tensorflow.org/tensorboard) for more", "tensorflow"),
    ("www.python.org/downloads", "python"),
    # word boundaries
    ("Pythonic idioms", "python"),
    ("the JavaScriptCore engine", "javascript"),
    ("TensorFlowLite models", "tensorflow"),
    # a product name that is an everyday word in lower case stays exact-case
    ("a warm glove for winter", "word2vec"),
    # a slash tail that makes no known form with the stem, or a mention without a stem
    ("ARM Cortex-A/B test chips", "arm-cortex-m"),
]


@pytest.mark.parametrize(("text", "skill_id"), SHOULD_MATCH)
def test_should_match(text: str, skill_id: str) -> None:
    assert skill_id in _found(text, skill_id)


@pytest.mark.parametrize(("text", "skill_id"), SHOULD_NOT_MATCH)
def test_should_not_match(text: str, skill_id: str) -> None:
    assert skill_id not in _found(text, skill_id)


def test_the_table_is_large_enough() -> None:
    assert len(SHOULD_MATCH) + len(SHOULD_NOT_MATCH) >= 100


# --- mentions ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small() -> Taxonomy:
    return load_taxonomy(FIXTURE)


def test_mentions_carry_offsets_and_surface(small: Taxonomy) -> None:
    text = "Use C/C++ and Python."
    assert Extractor(small).find(text) == [
        Mention("c", 4, 5, "C"),
        Mention("cpp", 6, 9, "C++"),
        Mention("python", 14, 20, "Python"),
    ]


def test_longest_form_wins(small: Taxonomy) -> None:
    mentions = Extractor(small).find("Apache Spark and PySpark")
    assert [(m.skill_id, m.surface) for m in mentions] == [
        ("apache-spark", "Apache Spark"),
        ("pyspark", "PySpark"),
    ]


def test_separators_inside_a_form_are_interchangeable(small: Taxonomy) -> None:
    found = Extractor(small).find("machine learning, machine-learning, Machine  Learning")
    assert [m.skill_id for m in found] == ["machine-learning"] * 3


def test_plural_of_a_long_form(small: Taxonomy) -> None:
    assert [m.surface for m in Extractor(small).find("two TensorFlows")] == ["TensorFlows"]


def test_a_slash_alias_of_known_parts_is_read_part_by_part(small: Taxonomy) -> None:
    found = Extractor(small).find("SV/UVM and TCP/IP")
    assert [m.surface for m in found] == ["SV", "UVM", "TCP/IP"]
    assert resolve_skill("SV/UVM", small).skill_id == "uvm"


def test_a_url_hides_only_what_is_inside_it(small: Taxonomy) -> None:
    text = "PyTorch (https://pytorch.org/docs) and TensorFlow"
    assert [m.skill_id for m in Extractor(small).find(text)] == ["pytorch", "tensorflow"]


def test_go_joins_a_list_only_next_to_an_accepted_skill(small: Taxonomy) -> None:
    find = Extractor(small).find
    assert [m.skill_id for m in find("Python, Go, Rust")] == ["python", "go", "rust"]
    assert find("Go, team!") == []
    assert find("Go Python") == [Mention("python", 3, 9, "Python")]  # a list needs a separator
    # ...or three names in a row whose commas were lost, as scraped and tokenised ads have them
    assert [m.skill_id for m in find("Scala Java Go")] == ["scala", "java", "go"]


# --- properties --------------------------------------------------------------------------------

_PIECES = [
    "C", "C++", "C#", "R", "&", "D", "Go", "go", "-", "/", ", ", " and ", " ", "\n", "(", ")", ".",
    "Java", "Script", "Spark", "Excel", " at ", "CV", "SV", "UVM", "Python", "Py", "Torch", "é",
    "Objective", "Level ", "your ", "Apache ", "Beam", " search", "TF", "Node", ".js", "s",
]  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_find_is_well_formed(text: str) -> None:
    extractor = Extractor(load_taxonomy(FIXTURE))
    mentions = extractor.find(text)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        assert mention.start >= previous_end  # sorted and non-overlapping
        previous_end = mention.end
    assert extractor.find(text) == mentions  # deterministic


@settings(max_examples=100, deadline=None)
@given(text=_TEXTS)
def test_find_never_raises_on_the_packaged_taxonomy(text: str) -> None:
    if not PACKAGED.is_file():
        pytest.skip("careergap/data/skills.yaml is not written yet")
    mentions = Extractor(load_taxonomy()).find(text)
    assert all(text[m.start : m.end] == m.surface for m in mentions)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=1, max_size=4))
def test_a_finder_for_some_texts_finds_what_the_whole_taxonomy_finds_in_them(
    texts: list[str],
) -> None:
    taxonomy = load_taxonomy(FIXTURE)
    full, narrow = Extractor(taxonomy), Extractor.for_texts(taxonomy, texts)
    for text in texts:
        assert narrow.find(text) == full.find(text)


def test_a_finder_for_real_posting_lines_finds_the_same_mentions() -> None:
    from careergap.corpus.load import load_corpus

    lines = sorted({line.text for p in load_corpus().postings for line in p.lines})[::7]
    taxonomy = load_taxonomy()
    full = Extractor(taxonomy)
    for start in range(0, len(lines), 40):
        chunk = lines[start : start + 40]
        narrow = Extractor.for_texts(taxonomy, chunk)
        assert [narrow.find(t) for t in chunk] == [full.find(t) for t in chunk]
