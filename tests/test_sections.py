"""Posting sections: headings, line cues, and which lines carry demands."""

from __future__ import annotations

import pytest

from careergap.reading.headings import heading_section
from careergap.reading.linecues import is_company_prose, line_cue
from careergap.reading.sections import DEMAND_SECTIONS, read_sections, sections_of

AD = """\
Senior Machine Learning Engineer · Acme Robotics · Remote
About us
Acme Robotics is a leading robotics company. Our products power autonomous vehicles.
What you'll do
- Build training pipelines in PyTorch.
**Requirements**
- Strong C++; familiarity with Docker
### Nice to have
- Rust
Tech stack:
Python, Kafka, Kubernetes
Benefits
- Vision insurance and dental
Equal opportunity
We do not discriminate on the basis of race or religion.
How to apply
Send your CV to jobs@example.com
"""


def test_a_full_ad_is_read_section_by_section() -> None:
    read = sections_of(AD)
    lines = AD.split("\n")
    content = {
        line: part.section for line, part in zip(lines, read, strict=True) if not part.heading
    }
    assert content == {
        lines[0]: "title",
        lines[2]: "about",
        lines[4]: "responsibilities",
        lines[6]: "requirements",
        lines[8]: "preferred",
        lines[10]: "stack",
        lines[12]: "benefits",
        lines[14]: "legal",
        lines[16]: "apply",
    }
    demands = [line for line, part in zip(lines, read, strict=True) if part.demand]
    assert demands == [lines[0], lines[4], lines[6], lines[8], lines[10]]


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("## About the company", "about"),
        ("**Who we are**", "about"),
        ("About Acme", "about"),
        ("What you'll do:", "responsibilities"),
        ("Key Responsibilities", "responsibilities"),
        ("Minimum qualifications", "requirements"),
        ("Basic Qualifications:", "requirements"),
        ("What we're looking for", "requirements"),
        ("Preferred qualifications", "preferred"),
        ("Nice to have", "preferred"),
        ("Bonus points", "preferred"),
        ("Our tech stack", "stack"),
        ("Tools & technologies", "stack"),
        ("Perks & benefits", "benefits"),
        ("What we offer", "benefits"),
        ("Equal Employment Opportunity", "legal"),
        ("How to apply", "apply"),
        ("# Interview process", "apply"),
    ],
)
def test_headings_open_their_section(line: str, section: str) -> None:
    assert heading_section(line) == section


@pytest.mark.parametrize(
    "line",
    [
        "About 5 years of Python experience",
        "Experience with:",
        "Python",
        "Strong skills in distributed systems and Kubernetes, with care for code quality.",
    ],
)
def test_ordinary_lines_are_not_headings(line: str) -> None:
    assert heading_section(line) is None


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Medical, dental and vision insurance", "benefits"),
        ("401(k) matching and unlimited PTO", "benefits"),
        ("The base salary range is $150,000 - $200,000", "benefits"),
        ("Acme is an equal opportunity employer.", "legal"),
        ("Applicants are considered without regard to race or religion.", "legal"),
        ("Click here to apply!", "apply"),
        ("Please send your resume to jobs@example.com", "apply"),
        # Requirement lines that only look like those cues.
        ("Ability to apply ML techniques to new problems", None),
        ("RL environments such as OpenAI Gym and MuJoCo", None),
        ("Work with a diverse team of experts in security", None),
        ("Experience in equity research and Python", None),
    ],
)
def test_line_cues(line: str, section: str | None) -> None:
    assert line_cue(line) == section


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("We are a team of 50 people backed by top investors.", True),
        ("Our products power autonomous vehicles and drones.", True),
        ("Acme Robotics is a leading provider of warehouse robots.", True),
        ("At Siemens, we are a global leader in industrial automation.", True),
        ("Our team builds search ranking on Spark and Kafka.", False),  # the work itself
        ("We are looking for an engineer with Python and SQL.", False),
        ("Kubernetes is a plus", False),
        ("Python is a must", False),
        ("You will build our data platform on Spark.", False),
    ],
)
def test_company_prose(line: str, prose: bool) -> None:
    assert is_company_prose(line) is prose


def test_without_headings_cues_still_move_lines_out_of_the_demands() -> None:
    lines = [
        "Experience with Kubernetes and Terraform",
        "We are a fast-growing start-up in Berlin.",
        "Competitive salary and equity package",
        "Acme is an equal opportunity employer.",
    ]
    assert [p.section for p in read_sections(lines)] == [
        "requirements",
        "about",
        "benefits",
        "legal",
    ]


def test_under_a_requirements_heading_we_lines_stay_demands() -> None:
    lines = ["Requirements", "We have 3+ years of Go in production, you too?"]
    assert read_sections(lines)[1].section == "requirements"


def test_demand_sections_are_the_ones_the_issue_names() -> None:
    assert DEMAND_SECTIONS == {"title", "responsibilities", "requirements", "preferred", "stack"}


def test_a_flat_board_header_is_read_label_by_label() -> None:
    """A scraped ad whose header, tasks, skills and benefits run together on one line: the
    labels split it, so benefits and metadata in it are not demands and the skills are."""
    from careergap.reading.sections import inline_sections, section_at

    line = (
        "Software Developer ( f/m/d ) <ORGANIZATION> Date posted: 2021-04-12 Likes: 0 "
        "Role: Database Administrator Industry: Programmatic Advertising Company size: 51–200 "
        "people Technologies python mysql Job description Your Tasks Development of backend "
        "applications with Python and Java Your Skills Well-versed in the linux shell "
        "Job benefits: Free fruit and leadership workshops Company description: We are a team"
    )
    segments = inline_sections(line, "requirements")
    assert segments is not None

    def at(word: str) -> str:
        return section_at(segments, line.index(word))

    assert at("Database") == "about"
    assert at("Programmatic") == "about"
    assert at("mysql") == "stack"
    assert at("Java") == "responsibilities"
    assert at("linux") == "requirements"
    assert at("leadership") == "benefits"
    assert at("We are") == "about"
    # One label is an ordinary sentence, read whole.
    assert inline_sections("Role: build data pipelines in Python and SQL", "requirements") is None


def test_placeholders_do_not_hide_a_title() -> None:
    from careergap.reading.sections import is_title_line

    assert is_title_line(
        "Senior Data Engineer ( Data Platform ) <ORGANIZATION> <ORGANIZATION> <ADDRESS> "
        "<ADDRESS> <LOCATION> - <LOCATION> <LOCATION> <LOCATION> <LOCATION> <LOCATION>"
    )
    assert not is_title_line("Experience with <ORGANIZATION> tools as a data engineer")
