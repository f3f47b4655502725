"""Everyday-word forms that count only in technical context (skills.yaml ``needs_context``).

Each marked form has both readings here: it fires in technical context and not in everyday use.
The table runs on the packaged taxonomy, so a form that loses its mark fails its everyday row.
"""

from __future__ import annotations

import pytest

from careergap.errors import DataError
from careergap.models import Skill
from careergap.reading.ambiguity import RULES, TECHNICAL_CONTEXT, rules_with_context
from careergap.reading.extractor import Extractor
from careergap.reading.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_data

#: (text, skill id, fires?) — the technical reading first, then the everyday one(s).
BOTH_READINGS = [
    ("Experience with numerical solvers and optimization of CUDA kernels", "optimization", True),
    ("Experience with model optimization techniques for training", "optimization", True),
    ("Background in optimization, statistics and probability", "optimization", True),
    ("Continuous optimization of our hiring process", "optimization", False),
    ("We value optimization of your work-life balance", "optimization", False),
    ("Autonomy software for drones and ground robots", "autonomous-systems", True),
    ("Perception and planning for autonomy", "autonomous-systems", True),
    ("We value autonomy and ownership", "autonomous-systems", False),
    ("You will have a high degree of autonomy", "autonomous-systems", False),
    ("Advanced Excel skills: pivot tables and spreadsheets with VBA macros", "excel", True),
    ("Track team budgets in spreadsheets", "excel", False),
    ("Machine learning on healthcare data and medical imaging", "healthcare", True),
    ("Experience with clinical data in health care", "healthcare", True),
    ("Comprehensive healthcare, dental and vision", "healthcare", False),
    ("Our healthcare benefits start on day one", "healthcare", False),
    ("Security of embedded systems and cryptographic protocols", "security", True),
    ("Experience in security for embedded firmware", "security", True),
    ("Must hold an active security clearance", "security", False),
    ("Job security and a friendly team", "security", False),
    # Forms with a named rule that is not (only) a taxonomy mark.
    ("Tune Spark jobs on large clusters", "apache-spark", True),
    ("Spark your curiosity every day", "apache-spark", False),
    ("Solid background in algorithms, data structures, and OOP", "algorithms", True),
    ("Algorithm design and analysis in C++", "algorithms", True),
    ("Strong knowledge of algorithms for placement and routing", "algorithms", True),
    ("Train state of the art deep learning algorithms", "algorithms", False),
    ("Develop computer vision algorithms for drones", "algorithms", False),
    ("Improve our ML algorithms for ranking", "algorithms", False),
    ("Schedule pipelines with Airflow DAGs", "airflow", True),
    ("An office with great airflow and natural light", "airflow", False),
    # Forms of the grown taxonomy (tests/tools/needs_context.txt).
    ("Ada and C for safety-critical avionics software", "ada", True),
    ("Reasonable accommodation under the ADA and Ada Lovelace Day", "ada", False),
    ("Develop ATE test programs for mixed-signal devices", "ate", True),
    ("He ATE lunch with the team", "ate", False),
    ("Front-end with Bootstrap, CSS and JavaScript", "bootstrap", True),
    ("Bootstrap our new office from scratch", "bootstrap", False),
    ("Cypress end-to-end tests for our web software", "cypress", True),
    ("Offices in Cypress, California", "cypress", False),
    ("Mobile software in Flutter and Dart", "dart", True),
    ("Dart board in the lounge", "dart", False),
    ("Build and maintain pipelines for our data platform", "data-pipelines", True),
    ("Maintain the existing build and test pipelines", "data-pipelines", False),
    ("Linux embedded C development for ARM microcontrollers", "embedded-systems", True),
    ("You will be embedded in the product team", "embedded-systems", False),
    ("Analysis and tuning of JVM performance", "performance-tuning", True),
    ("Tuning of the choir's instruments before each concert", "performance-tuning", False),
    # Chip-design readings of everyday words: only in their own postings.
    (
        "Run simulation and debug failures of RTL blocks with UVM testbenches",
        "logic-simulation",
        True,
    ),
    ("Physics simulation of fluids in C++", "logic-simulation", False),
    ("Placement and routing of standard cells through timing closure", "placement", True),
    ("Job placement support for graduates", "placement", False),
    ("Placement and routing of standard cells through timing closure", "routing", True),
    ("Network routing and BGP configuration", "routing", False),
    # Named rules of the grown taxonomy: the Linux tools top and sar, mentoring given or received.
    ("Linux tools such as top, vmstat and iostat", "top-tool", True),
    ("Maintain SLURM on top of Kubernetes", "top-tool", False),
    ("Performance data from sar and iostat on Linux", "sar-tool", True),
    ("Pipelines for SARS-CoV-2 genomes", "sar-tool", False),
    ("Mentor junior engineers on the team", "mentoring", True),
    ("Extensive training by mentors and a learning budget", "mentoring", False),
    ("One of our researchers will mentor you during your internship", "mentoring", False),
    ("Write Python scripts to process simulation data", "scripting", True),
    ("Actors learn their scripts before rehearsal", "scripting", False),
    ("Testing and debugging of backend software", "software-testing", True),
    ("Testing times call for a calm mind", "software-testing", False),
    ("Build prototypes of new ML models", "prototyping", True),
    ("Our designers sketch prototypes of furniture by hand", "prototyping", False),
    ("Grow the sales pipelines of our partners", "data-pipelines", False),
    ("Floorplan and power planning for the SoC in Innovus", "floorplanning", True),
    ("An open floorplan office downtown", "floorplanning", False),
    ("Cross-platform apps with Flutter and Kotlin", "flutter", True),
    ("Flutter of excitement", "flutter", False),
    ("Robot simulation in Gazebo and ROS", "gazebo", True),
    ("Lunch in the garden Gazebo", "gazebo", False),
    ("Logs in loki for our cloud systems", "grafana-loki", True),
    ("Our mascot loki the dog", "grafana-loki", False),
    ("Deploy to Kubernetes with Helm charts and Terraform", "helm", True),
    ("Take the Helm of our sales team", "helm", False),
    ("Tracing with Jaeger and OpenTelemetry", "jaeger", True),
    ("Jaeger team dinner", "jaeger", False),
    ("Unit tests with Jest for our JavaScript code", "jest", True),
    ("Said in Jest", "jest", False),
    ("JavaScript tests with Mocha and Chai", "mocha", True),
    ("Free Mocha and espresso", "mocha", False),
    ("Browser tests with Playwright for our web software", "playwright", True),
    ("A Playwright and novelist", "playwright", False),
    ("Python packaging with Poetry and pip", "poetry", True),
    ("Poetry readings on Fridays", "poetry", False),
    ("Test REST APIs with Postman", "postman", True),
    ("The Postman delivers at noon", "postman", False),
    ("Orchestrate flows with Prefect and Python", "prefect", True),
    ("Former school Prefect", "prefect", False),
    ("Functional programming in Racket or Haskell", "racket", True),
    ("Tennis Racket provided", "racket", False),
    ("Kubernetes clusters in the cloud managed with Rancher", "rancher", True),
    ("A Rancher from Montana", "rancher", False),
    ("Browser automation with Selenium and Java", "selenium", True),
    ("Selenium supplements in the kitchen", "selenium", False),
    ("Error tracking with Sentry and Datadog", "sentry", True),
    ("Sentry duty at the gate", "sentry", False),
    ("Scripts in the shell and Python on Linux", "shell-scripting", True),
    ("Not a shell company", "shell-scripting", False),
    ("ChatOps bots for Slack in Python", "slack", True),
    ("Cut me some Slack", "slack", False),
    ("Continuous delivery of software with Spinnaker", "spinnaker", True),
    ("A Spinnaker sail for the boat", "spinnaker", False),
    ("Document REST APIs with swagger and OpenAPI", "swagger", True),
    ("Walk with a swagger", "swagger", False),
    ("Games in Unity and C#", "unity", True),
    ("Unity in diversity", "unity", False),
    ("Front-end builds with Babel and webpack", "babel", True),
    ("A Babel of voices in the meeting", "babel", False),
    ("Background jobs in Python with Celery and Redis", "celery", True),
    ("Fresh Celery and carrots in the canteen", "celery", False),
    ("JavaScript tests with Mocha and Chai", "chai-js", True),
    ("Free Chai and coffee all day", "chai-js", False),
    ("iOS apps in Swift with Cocoa and UIKit", "cocoa", True),
    ("Hot Cocoa in the office", "cocoa", False),
    ("Single-page apps in Ember or React with JavaScript", "ember-js", True),
    ("Keep the Ember of curiosity alive", "ember-js", False),
    ("JavaScript tests for React components with Jest and Enzyme", "enzyme", True),
    ("Biochemistry of each Enzyme in the assay", "enzyme", False),
    ("Hybrid mobile apps with Ionic and Angular", "ionic-framework", True),
    ("Ionic bonds and covalent bonds", "ionic-framework", False),
    ("Unit tests in JavaScript with Jasmine and Karma", "jasmine", True),
    ("Jasmine tea at the welcome desk", "jasmine", False),
    ("Angular unit tests in JavaScript run with Karma", "karma-js", True),
    ("Good Karma comes back", "karma-js", False),
    # Testing and front-end words are technical context too (no language named on the line).
    ("Unit tests with Karma and Jasmine", "karma-js", True),
    ("Unit tests with Karma and Jasmine", "jasmine", True),
    ("Karma and Jasmine will welcome you on day one", "jasmine", False),
    ("Front-end tests with Cypress", "cypress", True),
    # A lower-case tag line is a list: each item has the others as neighbours.
    ("python sql airflow", "airflow", True),
    ("- spring java cloud", "spring", True),
    ("great airflow and light", "airflow", False),
    ("python and great airflow", "airflow", False),
    ("We hire in spring and autumn", "spring", False),
    ("spring internship for java developers", "spring", False),
    ("Java services with spring and Maven", "spring", True),
    # A lower-case run of three skills mid-line is a list too, as in scraped stack tags.
    ("Technologies reactjs django go docker Job description", "go", True),
    ("qa testing cypress mocha.js chai", "chai-js", True),
    ("good to go python sql", "go", False),
    ("Ready to go, Python is our main language", "go", False),
    ("We go the extra mile with Python and SQL", "go", False),
    ("python, go, rust", "go", True),
    # monitoring of running systems, not of patients, progress or a circuit's temperature
    ("Operations and monitoring experience with Docker infrastructure", "monitoring", True),
    ("Supporting critical applications by using logging and monitoring", "monitoring", True),
    ("Supporting critical applications by using logging and monitoring", "log-management", True),
    ("Remote patient monitoring with wearable devices in Python", "monitoring", False),
    ("Monitoring of project progress and budgets", "monitoring", False),
    ("Temperature monitoring circuits for the chip", "monitoring", False),
    # the soft skill and the field, not how programs talk or a practice named with the word
    ("Excellent written communication and presentation skills", "communication", True),
    ("Messaging and asynchronous communication between services", "communication", False),
    ("Serial communication protocols such as SPI", "communication", False),
    ("Strong communications and collaboration skills", "communication", True),
    ("Chips for 5G communications", "communication", False),
    ("Strong programming skills in C++", "programming-languages", True),
    ("Practices like pair programming and code review", "programming-languages", False),
    ("Linear programming and convex optimization", "programming-languages", False),
    # a form that combined two skills is read part by part
    ("Strong knowledge of data structures and algorithms", "data-structures", True),
    ("sed and awk on Linux", "awk", True),
    ("Retrieval pipelines for LLMs built with Haystack or LangChain", "haystack-framework", True),
    ("Like a needle in a Haystack", "haystack-framework", False),
    ("Observability of distributed systems with Honeycomb and OpenTelemetry", "honeycomb-io", True),
    ("Honeycomb cereal in the kitchen", "honeycomb-io", False),
    ("Event-driven microservices in Java with Kafka", "event-driven-architecture", True),
    ("An invitation-only event driven by business meetings", "event-driven-architecture", False),
]


@pytest.fixture(scope="module")
def packaged() -> Taxonomy:
    return load_taxonomy()


@pytest.mark.parametrize(("text", "skill_id", "fires"), BOTH_READINGS)
def test_everyday_words_need_technical_context(
    packaged: Taxonomy, text: str, skill_id: str, fires: bool
) -> None:
    found = {m.skill_id for m in Extractor(packaged).find(text)}
    assert (skill_id in found) is fires


def test_every_marked_form_has_both_readings(packaged: Taxonomy) -> None:
    """A form marked needs_context in skills.yaml is exercised above, in both readings."""
    readings: dict[str, set[bool]] = {}
    for _, sid, fires in BOTH_READINGS:
        readings.setdefault(sid, set()).add(fires)
    marked = sorted(s.id for s in packaged.skills.values() if s.needs_context)
    assert marked
    missing = [sid for sid in marked if readings.get(sid) != {True, False}]
    assert not missing, f"marked forms without both readings in this table: {missing}"


def test_a_list_of_skills_is_technical_context(packaged: Taxonomy) -> None:
    found = {m.skill_id for m in Extractor(packaged).find("Python, optimization, SQL")}
    assert "optimization" in found


def _skill(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "widgets", "name": "Widgets", "category": "tool"}
    return {**base, **fields}


def test_marking_a_form_makes_it_need_context() -> None:
    """The mechanism, on a two-skill taxonomy: the same alias with and without the mark."""
    plain = taxonomy_from_data([_skill(aliases=["gadgets"])], "<test>")
    marked = taxonomy_from_data([_skill(aliases=["gadgets"], needs_context=["gadgets"])], "<test>")
    everyday = "We love gadgets in the office"
    technical = "Firmware for gadgets and embedded devices"
    assert [m.skill_id for m in Extractor(plain).find(everyday)] == ["widgets"]
    assert Extractor(marked).find(everyday) == []
    assert [m.skill_id for m in Extractor(marked).find(technical)] == ["widgets"]


def test_a_mark_must_name_one_of_the_skills_forms() -> None:
    with pytest.raises(DataError, match="needs_context form 'gizmo' is not one of"):
        taxonomy_from_data([_skill(aliases=["gadgets"], needs_context=["gizmo"])], "<test>")


def test_a_named_rule_keeps_its_rejections_when_marked() -> None:
    rules = rules_with_context(["security", "gadgets"])
    assert rules["gadgets"] is TECHNICAL_CONTEXT
    assert rules["security"].reject_after is RULES["security"].reject_after
    assert rules["security"].needs == "always"
    assert RULES["security"].needs == "never"  # the shared table is not changed


def test_skill_model_keeps_the_field_optional() -> None:
    assert Skill(id="x", name="X", category="tool").needs_context == ()
