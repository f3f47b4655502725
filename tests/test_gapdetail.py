"""Gap lines: quotes at the level shown, partial credit named, unlocks from the scoring core."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.engine import questions as engine
from careergap.engine.gapdetail import detail_gaps
from careergap.reading.profile import load_profile

PROFILES = Path(__file__).resolve().parents[1] / "profiles"
ML = PROFILES / "ml-engineer.yaml"
CASES = [
    ("ml-engineer.yaml", "machine-learning-engineer"),
    ("data-engineer.yaml", "data-engineer"),
    ("eda-developer.yaml", "eda-software-developer"),
]


@pytest.fixture(scope="module")
def ws() -> engine.Workspace:
    return engine.load_workspace()


def details(ws: engine.Workspace, profile: str, family: str, limit: int = 10):  # noqa: ANN201
    levels = dict(load_profile(PROFILES / profile, ws.taxonomy).levels)
    gaps = engine.family_gaps(ws, levels, family).gaps[:limit]
    return levels, detail_gaps(ws, levels, family, gaps)


@pytest.mark.parametrize(("profile", "family"), CASES)
def test_every_quote_names_the_skill_and_is_never_company_prose(
    ws: engine.Workspace, profile: str, family: str
) -> None:
    _, found = details(ws, profile, family)
    for d in found:
        assert d.gap.target > d.gap.have, d.gap  # never "3 -> 3"
        if d.quote is None:
            continue
        assert d.quote.quote.kind != "prose"
        assert d.quote.quote.marks, d.quote.quote.text
        for start, end in d.quote.quote.marks:
            assert d.quote.quote.text[start:end].strip()
        # The quoted clause is cut around the match, never before it.
        assert len(d.quote.quote.text) <= 125


def test_ml_engineer_quotes_ask_at_the_level_shown(ws: engine.Workspace) -> None:
    _, found = details(ws, "ml-engineer.yaml", "machine-learning-engineer")
    mismatched = [d.gap.skill_id for d in found if d.quote and d.quote.quote.level != d.gap.target]
    assert mismatched == []
    assert all(d.quote is not None and d.quote.quote.kind == "demand" for d in found[:6])


@pytest.mark.parametrize(("profile", "family"), CASES)
def test_unlocks_is_the_exact_change_in_qualifying_postings(
    ws: engine.Workspace, profile: str, family: str
) -> None:
    # Forty gaps: unlocks credits again only the asks whose skills moved (gapdetail.unlocks).
    levels, found = details(ws, profile, family, limit=40)
    before = engine.family_gaps(ws, levels, family).score.qualifying
    for d in found:
        after = engine.family_gaps(ws, {**levels, d.gap.skill_id: d.gap.target}, family)
        assert d.unlocks == after.score.qualifying - before


def test_partial_credit_is_shown_with_its_source(ws: engine.Workspace) -> None:
    _, found = details(ws, "ml-engineer.yaml", "machine-learning-engineer", limit=40)
    # (Deep-learning frameworks used to be the example; PyTorch 4 now implies it outright.)
    llms = next(d for d in found if d.gap.skill_id == "large-language-models")
    assert (llms.partial_via, llms.via_level) == ("natural-language-processing", 2)
    assert llms.credit == pytest.approx(0.2)
    result = CliRunner().invoke(
        app, ["gaps", "-p", str(ML), "--role", "ML Engineer", "--limit", "40"]
    )
    assert result.exit_code == 0, result.stderr
    assert "you 0 (partial 0.2 via Natural language processing 2) → 3" in " ".join(
        result.stdout.split()
    )


def test_gaps_json_adds_quote_level_marks_partial_and_unlocks_keeping_old_keys() -> None:
    result = CliRunner().invoke(
        app, ["gaps", "-p", str(ML), "--role", "ML Engineer", "--limit", "40", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    gaps = json.loads(result.stdout)["gaps"]
    old = {"skill_id", "skill", "impact", "demand", "have", "target", "quote", "resources"}
    for gap in gaps:
        assert old | {"credit", "partial", "unlocks"} <= set(gap)
        quote = gap["quote"]
        assert {"text", "source", "level", "marks", "required"} <= set(quote)
        start, end = quote["marks"][0]
        assert quote["text"][start:end]
    llms = next(g for g in gaps if g["skill_id"] == "large-language-models")
    assert llms["partial"] == {
        "credit": 0.2,
        "via_id": "natural-language-processing",
        "via": "Natural language processing",
        "via_level": 2,
    }
    assert llms["inferred_from"] is None


def test_cross_family_gaps_count_unlocks_per_family(ws: engine.Workspace) -> None:
    result = CliRunner().invoke(app, ["gaps", "-p", str(ML), "--limit", "5", "--json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    levels = dict(load_profile(ML, ws.taxonomy).levels)
    for gap in payload["gaps"]:
        assert gap["unlocks"] == sum(f["unlocks"] for f in gap["families"])
        for fam in gap["families"]:
            own = next(
                g
                for g in engine.family_gaps(ws, levels, fam["id"]).gaps
                if g.skill_id == gap["skill_id"]
            )
            before = engine.family_gaps(ws, levels, fam["id"]).score.qualifying
            after = engine.family_gaps(ws, {**levels, own.skill_id: own.target}, fam["id"])
            assert fam["unlocks"] == after.score.qualifying - before
