"""``careergap resources SKILL``: table, --json, fallback labels and errors, on the shipped data."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from careergap.cli import app

KAFKA_URL = "https://kafka.apache.org/"
KAFKA_SOURCE = "002_d3afff88b32231de.txt:9523"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _columns(table: str) -> dict[str, str]:
    """Each column's text, wrapped fragments joined and spaces dropped (cells fold at 100 cols)."""
    rows = [line.split("│")[1:-1] for line in table.splitlines() if line.startswith("│")]
    headers = [h.strip() for h in table.splitlines()[2].split("┃")[1:-1]]
    return {h: "".join("".join(r[i].split()) for r in rows) for i, h in enumerate(headers)}


def test_table_lists_the_skills_own_resources(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "kafka"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("Study resources for Apache Kafka")
    columns = _columns(out)
    assert list(columns) == ["title", "kind", "url", "source", "via"]
    assert columns["title"].startswith("ApacheKafka")
    assert columns["kind"].startswith("docs")
    assert columns["url"].startswith(KAFKA_URL)
    assert columns["source"].startswith(KAFKA_SOURCE)
    assert all(len(line) <= 100 for line in out.splitlines())


def test_json_has_the_documented_shape(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "Kafka", "--json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    assert payload["skill"] == {"id": "kafka", "name": "Apache Kafka"}
    first = payload["resources"][0]
    assert set(first) == {"title", "kind", "url", "source", "via", "why", "topics"}
    assert (first["url"], first["source"], first["via"]) == (KAFKA_URL, KAFKA_SOURCE, None)


def test_json_is_deterministic(runner: CliRunner) -> None:
    a = runner.invoke(app, ["resources", "scikit-learn", "--json"]).stdout
    b = runner.invoke(app, ["resources", "scikit-learn", "--json"]).stdout
    assert a == b
    assert json.loads(a)["resources"]


def test_borrowed_resources_are_labelled_via_the_skill_they_come_from(runner: CliRunner) -> None:
    from careergap.resources import load_resources, resources_for
    from careergap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    index = load_resources(taxonomy)
    borrower = next(
        sid
        for sid in sorted(taxonomy.skills)
        if not index.own(sid) and resources_for(sid, taxonomy, limit=1, index=index)
    )
    expected = resources_for(borrower, taxonomy, index=index)
    result = runner.invoke(app, ["resources", borrower, "--json"])
    assert result.exit_code == 0, result.stderr
    got = json.loads(result.stdout)["resources"]
    assert [r["via"] for r in got] == [a.via for a in expected]
    assert all(r["via"] for r in got)
    table = runner.invoke(app, ["resources", borrower]).stdout
    assert _columns(table)["via"].startswith("".join(str(expected[0].via).split()))


def test_unknown_skill_is_an_error_with_a_hint(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "qwzxv"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: unknown skill 'qwzxv' — search the vocabulary with `careergap skills QUERY`\n"
    )


def test_a_typo_gets_a_did_you_mean(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "Pytorh", "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: unknown skill 'Pytorh' — did you mean PyTorch?\n"


def test_missing_argument_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Missing argument 'SKILL'" in result.stderr


def test_topic_notes_show_their_sub_topics(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "static timing analysis"])
    assert result.exit_code == 0, result.stderr
    assert "topics:crosstalkdelay;noise;glitch;POCV" in _columns(result.stdout)["title"]
    payload = json.loads(runner.invoke(app, ["resources", "STA", "--json"]).stdout)
    notes = payload["resources"][0]
    assert (notes["kind"], notes["source"]) == ("topic-notes", "002_d3afff88b32231de.txt:1792-1802")
    assert notes["topics"][:3] == ["crosstalk delay", "noise", "glitch"]
