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


def test_listing_shows_the_skills_own_resources_with_unbroken_urls(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "kafka"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("Study resources for Apache Kafka\n\n• Apache Kafka")
    assert f"\n  {KAFKA_URL} [{KAFKA_SOURCE}]\n" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_a_url_longer_than_the_terminal_is_never_split(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 columns the URL runs past the edge whole, so it can still be copied or clicked."""
    monkeypatch.setenv("COLUMNS", "40")
    out = runner.invoke(app, ["resources", "kafka"]).stdout
    assert f"\n  {KAFKA_URL}\n" in out or f"\n  {KAFKA_URL} [" in out
    assert f"[{KAFKA_SOURCE}]" in out


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
    from careergap.corpus.resources import load_resources, resources_for
    from careergap.reading.taxonomy import load_taxonomy

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
    listing = runner.invoke(app, ["resources", borrower]).stdout
    assert f", via {expected[0].via})" in " ".join(listing.split())


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
    assert "topics: crosstalk delay; noise; glitch; POCV" in " ".join(result.stdout.split())
    payload = json.loads(runner.invoke(app, ["resources", "STA", "--json"]).stdout)
    notes = payload["resources"][0]
    assert (notes["kind"], notes["source"]) == ("topic-notes", "002_d3afff88b32231de.txt:1792-1802")
    assert notes["topics"][:3] == ["crosstalk delay", "noise", "glitch"]
