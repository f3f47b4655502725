"""Citation formats and what a cited row of an outside taxonomy names."""

from __future__ import annotations

import pytest

from careergap.reading.provenance import Citation, label_fields, names, parse_source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("002_d3afff88b32231de.txt:1557", Citation("seed", "002_d3afff88b32231de.txt", 1557)),
        ("onet:technology_skills.txt:12", Citation("onet", "technology_skills.txt", 12)),
        (
            "esco:esco_ict_skills_altlabels.csv:3",
            Citation("esco", "esco_ict_skills_altlabels.csv", 3),
        ),
        ("skx:skill_extractor_skills.json:9", Citation("skx", "skill_extractor_skills.json", 9)),
        ("onet:occupation_data.txt:3", None),  # not the file that prefix may cite
        ("lc:lightcast_emsi_skills.csv:42", Citation("lc", "lightcast_emsi_skills.csv", 42)),
        ("lightcast:skills.csv:3", None),
        ("lc:skills.csv:3", None),
        ("002_d3afff88b32231de.txt:0", None),
        ("onet:technology_skills.txt", None),
    ],
)
def test_parse_source(source: str, expected: Citation | None) -> None:
    assert parse_source(source) == expected


def test_label_fields_never_include_a_description() -> None:
    onet = "15-1252.00\tApache Airflow\t43232402\tDevelopment environment software\tY\tN"
    assert label_fields("onet", onet) == ["Apache Airflow"]
    esco = 'http://x,Java (computer programming),knowledge,Java Posse | Java,"coding in Java."'
    assert label_fields("esco", esco) == ["Java (computer programming)", "Java Posse", "Java"]
    assert label_fields("skx", '"langchain",') == ["langchain"]
    assert label_fields("skx", "[") == []
    lightcast = "KS441S26CS9J85DKL0QS,Verilator,Hard Skill,1,General,2025-07-20 05:01:04.346867"
    assert label_fields("lc", lightcast) == ["Verilator"]  # the name, never the id or type


@pytest.mark.parametrize(
    ("field", "form", "expected"),
    [
        ("Apache Airflow", "Airflow", True),
        ("pg vector", "pgvector", True),
        ("Structured query language SQL", "SQL", True),
        ("JavaScript Object Notation JSON", "Java", False),  # a word, not a prefix of one
        ("Microsoft Excel", "Excel macros", False),
        ("anything", "", False),
    ],
)
def test_names(field: str, form: str, expected: bool) -> None:
    assert names(field, form) is expected
