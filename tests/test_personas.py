"""Hand-written personas, each a plausible expert, ranked and gapped by the installed command.

Each persona in tests/personas/ must rank its own family first, and none of its own family's
top-5 gaps may be a skill it plainly shows: an umbrella inferred from its specific skills, or a
soft skill, human language, degree or business domain (those are "also asked", never gaps).
The checks are general; no persona is special-cased anywhere in careergap.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from careergap.cli import app
from careergap.reading.matching import resolve_skill
from careergap.reading.taxonomy import apart_kinds, load_taxonomy

PERSONAS = Path(__file__).resolve().parent / "personas"
EXPECTATIONS: dict[str, dict[str, Any]] = yaml.safe_load(
    (PERSONAS / "expectations.yaml").read_text(encoding="utf-8")
)
#: Gaps checked per persona: what `match` shows as top gaps and a person reads first.
TOP = 5


def run_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def test_there_are_enough_personas_and_each_has_expectations() -> None:
    files = sorted(p.name for p in PERSONAS.glob("*.yaml") if p.name != "expectations.yaml")
    assert len(files) >= 12
    assert sorted(EXPECTATIONS) == files


@pytest.mark.parametrize("persona", sorted(EXPECTATIONS))
def test_persona_ranks_its_family_first(persona: str) -> None:
    path = str(PERSONAS / persona)
    families = run_json("match", path, "--no-record")["families"]
    ranked = [f"{f['id']} {f['coverage']:.2f}" for f in families[:4]]
    assert families[0]["id"] == EXPECTATIONS[persona]["first"], ranked


@pytest.mark.parametrize("persona", sorted(EXPECTATIONS))
def test_persona_top_gaps_are_real_technical_gaps(persona: str) -> None:
    taxonomy = load_taxonomy()
    expected = EXPECTATIONS[persona]
    payload = run_json("gaps", "--role", expected["first"], "-p", str(PERSONAS / persona))
    top = payload["gaps"][:TOP]
    apart = apart_kinds(taxonomy)
    shown = [f"{g['skill']} {g['have']}->{g['target']}" for g in top]
    for gap in top:
        assert gap["inferred_from"] is None, f"{gap['skill']} is inferred: {shown}"
        assert gap["skill_id"] not in apart, f"{gap['skill']} is {apart[gap['skill_id']]}"
        assert gap["have"] < gap["target"], shown
    forbidden = set()
    for name in expected["not_in_top5"]:
        resolution = resolve_skill(name, taxonomy)
        assert resolution.skill_id is not None, f"{persona}: {name!r} is no skill"
        forbidden.add(resolution.skill_id)
    assert not forbidden & {g["skill_id"] for g in top}, shown
    # Nor is any an umbrella of a skill the persona writes, even one written at a lower level:
    # MLOps 4 shows machine learning, Python shows scripting.
    written = yaml.safe_load((PERSONAS / persona).read_text(encoding="utf-8"))["skills"]
    umbrellas = set()
    for name, level in written.items():
        skill_id = resolve_skill(str(name), taxonomy).skill_id
        if skill_id is not None and level:
            umbrellas.update(taxonomy.ancestors(skill_id))
    assert not umbrellas & {g["skill_id"] for g in top}, shown
