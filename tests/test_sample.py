"""One count everywhere: match, roles, gaps and the report state scored postings alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from careergap.cli import app
from careergap.views.sample import sample_text

ML = str(Path(__file__).resolve().parents[1] / "profiles" / "ml-engineer.yaml")


def run(*args: str):  # noqa: ANN201 - click's Result
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result


def test_sample_text() -> None:
    assert sample_text(90, 0) == "90 postings"
    assert sample_text(4, 1) == "4 postings + 1 topic note (low sample)"
    assert sample_text(1, 0, low_sample=False) == "1 posting"


def test_roles_match_gaps_and_report_agree_on_every_count(tmp_path: Path) -> None:
    match = json.loads(run("match", ML, "--json", "--no-record").stdout)["families"]
    roles = json.loads(run("roles", "--json").stdout)["families"]
    by_id = {f["id"]: f for f in roles}
    for family in match:
        assert by_id[family["id"]]["postings"] == family["postings"], family["id"]
        assert by_id[family["id"]]["notes"] == family["notes"], family["id"]
        assert by_id[family["id"]]["low_sample"] == family["low_sample"]
    ml = next(f for f in match if f["id"] == "machine-learning-engineer")
    gaps = json.loads(run("gaps", "-p", ML, "--role", "ML Engineer", "--json").stdout)
    assert gaps["family"]["postings"] == ml["postings"]

    header = run("match", ML, "--no-record").stdout.splitlines()[0]
    total = int(re.search(r"(\d+) scored postings", header).group(1))  # type: ignore[union-attr]
    report = run("report", ML).stdout
    assert f"{total} scored postings" in report
    # A low-sample family keeps its flag in the report, worded as match words it.
    low = next(f for f in match if f["low_sample"] and f["postings"])
    assert sample_text(low["postings"], low["notes"]) in report
    assert "(low sample)" in report
