"""CLI: `roles`, `postings list|show`, `corpus build` (exit code, stdout, stderr apart)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.engine import texts


class FakeMention(NamedTuple):
    skill_id: str
    start: int
    end: int
    surface: str


#: A tiny stand-in taxonomy so these tests check the commands, not the extractor.
FAKE_SKILLS = {"python": "Python", "sva": "SVA", "uvm": "UVM", "verilog": "Verilog"}


def fake_find(text: str) -> list[FakeMention]:
    out = []
    for sid, name in FAKE_SKILLS.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.append(FakeMention(sid, m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda m: (m.start, m.end))


@pytest.fixture(autouse=True)
def _fake_taxonomy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(texts, "skill_finder", lambda: (fake_find, FAKE_SKILLS))


runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_roles_json_contract() -> None:
    result = run("roles", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    ids = [f["id"] for f in payload["families"]]
    assert len(ids) >= 19 and ids[0] == "machine-learning-engineer"
    fv = next(f for f in payload["families"] if f["id"] == "formal-verification")
    assert {"id", "name", "postings", "notes", "top_skills"} <= set(fv)
    assert fv["postings"] >= 3 and fv["notes"] >= 1
    top = fv["top_skills"]
    assert top and set(top[0]) == {"id", "name", "demand"}
    demands = [s["demand"] for s in top]
    assert demands == sorted(demands, reverse=True) and all(0 < d <= 1 for d in demands)


def test_roles_table_shows_honest_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")  # wide enough for a sample on one line
    result = run("roles")
    assert result.exit_code == 0
    assert "Formal Verification Engineer" in result.stdout
    assert re.search(r"\d+ postings \+ \d+ topic note", result.stdout)
    assert result.stderr == ""


def test_postings_list_by_alias_json() -> None:
    result = run("postings", "list", "--role", "FV", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["postings"]
    assert rows and all("formal-verification" in r["families"] for r in rows)
    assert set(rows[0]) == {
        "id", "title", "company", "families", "kind", "source", "skills", "added", "posted"
    }  # fmt: skip
    principal = next(r for r in rows if r["title"] == "Principal Formal Verification Engineer")
    assert principal["skills"] == ["python", "sva", "uvm", "verilog"]
    assert principal["source"] == "002_d3afff88b32231de.txt:776-791"
    assert (principal["added"], principal["posted"]) == (None, None)  # the seeds state no date


def test_postings_list_unknown_role_is_a_clean_error() -> None:
    result = run("postings", "list", "--role", "ML Enginer")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: unknown role 'ML Enginer' — did you mean Machine Learning Engineer? "
        "(see `careergap roles`)\n"
    )


def test_postings_list_table() -> None:
    result = run("postings", "list", "--role", "formal verification engineer")
    assert result.exit_code == 0
    assert "p-002-00776" in result.stdout
    assert re.search(r"\d+ postings \+ 1 topic note$", result.stdout, re.MULTILINE)  # not "notes"


def test_postings_show_has_provenance_and_skills() -> None:
    result = run("postings", "show", "p-002-00776")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Principal Formal Verification Engineer\n")
    assert "source: 002_d3afff88b32231de.txt:776-791" in out
    assert "002_d3afff88b32231de.txt:790  required   SVA/PSL/Theorem proving" in out
    assert "    skills: SVA\n" in out


def test_postings_show_unknown_id() -> None:
    result = run("postings", "show", "p-999-00001")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown posting 'p-999-00001'")


def test_corpus_build_writes_and_reports(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # From the root of a checkout, the defaults (--seeds tests/seeds --out postings) rebuild it.
    shutil.copytree(seeds_dir, tmp_path / "tests" / "seeds")
    monkeypatch.chdir(tmp_path)
    result = run("corpus", "build")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"Wrote \d+ postings \+ \d+ topic notes to postings "
        r"\(\d+ re-pasted duplicates merged\)\.\n",
        result.stdout,
    )
    out = tmp_path / "postings"
    assert (out / "README.md").is_file()
    assert len(list(out.glob("p-*.yaml"))) >= 280


def test_corpus_build_missing_seeds(tmp_path: Path) -> None:
    result = run("corpus", "build", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope'}: not a folder\n"
    assert not (tmp_path / "o").exists()


def test_corpus_build_outside_a_checkout_names_the_missing_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("corpus", "build")
    assert result.exit_code == 1
    assert result.stderr == "error: tests/seeds: not a folder\n"
    assert not (tmp_path / "postings").exists()


def test_roles_counts_a_users_postings_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "dv.yaml").write_text(
        "id: mine-1\ntitle: DV Engineer\nfamilies: [design-verification]\nsource: ad.txt\n"
        "lines:\n- line: 1\n  text: UVM, SVA and SystemVerilog\n",
        encoding="utf-8",
    )
    base = json.loads(run("roles", "--json").stdout)["families"]
    more = json.loads(run("roles", "--json", "--postings", str(folder)).stdout)["families"]
    dv_before = next(f for f in base if f["id"] == "design-verification")["postings"]
    dv_after = next(f for f in more if f["id"] == "design-verification")["postings"]
    assert dv_after == dv_before + 1
