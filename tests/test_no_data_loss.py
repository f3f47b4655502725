"""Commands that write files never replace what they did not write, least of all the profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app

PROFILE = Path(__file__).resolve().parents[1] / "profiles" / "ml-engineer.yaml"


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args))


def test_corpus_build_refuses_a_folder_with_other_files(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "thesis.txt").write_text("years of work")
    result = run("corpus", "build", "--seeds", str(seeds_dir), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "thesis.txt" in result.stderr and "nothing was changed" in result.stderr
    assert (tmp_path / "thesis.txt").read_text() == "years of work"


def test_corpus_build_refuses_a_file_as_out(tmp_path: Path, seeds_dir: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("skills: {Python: 3}\n")
    result = run("corpus", "build", "--seeds", str(seeds_dir), "--out", str(target))
    assert result.exit_code == 1
    assert "not a folder" in result.stderr
    assert target.read_text() == "skills: {Python: 3}\n"
    assert not (tmp_path / ".me.yaml-old").exists()


def test_corpus_build_replaces_its_own_corpus(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "corpus"
    assert run("corpus", "build", "--seeds", str(seeds_dir), "--out", str(out)).exit_code == 0
    assert run("corpus", "build", "--seeds", str(seeds_dir), "--out", str(out)).exit_code == 0
    assert len(list(out.glob("p-*.yaml"))) >= 280


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    copy = tmp_path / "me.yaml"
    shutil.copy(PROFILE, copy)
    return copy


def test_report_never_overwrites_the_profile(profile: Path) -> None:
    before = profile.read_bytes()
    result = run("report", str(profile), "-f", "html", "-o", str(profile), "--force")
    assert result.exit_code == 2  # me.yaml is not a report's name (.md or .html)
    assert profile.read_bytes() == before
    odd = profile.with_name("me.html")  # a profile whose name looks like a report's
    odd.write_bytes(before)
    result = run("report", str(odd), "-o", str(odd), "--force")
    assert result.exit_code == 1
    assert "is the profile being reported" in result.stderr
    assert odd.read_bytes() == before


def test_report_needs_force_to_replace_a_file(profile: Path) -> None:
    out = profile.with_name("report.md")
    out.write_text("my notes")
    result = run("report", str(profile), "-o", str(out))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text() == "my notes"
    assert run("report", str(profile), "-o", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("# ")


def test_report_dash_means_stdout(profile: Path) -> None:
    result = run("report", str(profile), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert not Path("-").exists()
