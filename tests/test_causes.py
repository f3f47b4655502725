"""Progress that says why: profile vs corpus, and a history file from before corpus stamps."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.engine.causes import attribute
from careergap.store import history
from careergap.store.history import CorpusStamp, Snapshot

PROFILES = Path(__file__).resolve().parents[1] / "profiles"


def snap(cov: float, levels: dict[str, int], stamp: CorpusStamp | None) -> Snapshot:
    return Snapshot("t", "p", "h", levels, {"f": cov}, corpus=stamp)


A = CorpusStamp("aaaa", 300, 0)
B = CorpusStamp("bbbb", 330, 30)


def test_same_corpus_means_every_change_is_the_profile() -> None:
    why = attribute([snap(0.4, {"x": 1}, A), snap(0.5, {"x": 3}, A)], ["f"])
    assert why is not None and why.change == "same"
    (m,) = why.movements
    assert (m.profile, m.corpus) == (pytest.approx(0.1), 0.0)


@pytest.mark.parametrize("stamps", [(A, B), (None, B)])
def test_a_changed_or_unknown_corpus_is_split_by_rescoring(stamps) -> None:  # type: ignore[no-untyped-def]
    first, last = snap(0.4, {"x": 1}, stamps[0]), snap(0.5, {"x": 1}, stamps[1])
    # Same levels, rescored on today's corpus: no profile movement, it is all the corpus.
    why = attribute([first, last], ["f"], {"first": {"f": 0.45}, "last": {"f": 0.45}})
    assert why is not None and why.change == ("changed" if stamps[0] else "unknown")
    (m,) = why.movements
    assert m.profile == 0.0 and m.corpus == pytest.approx(0.1)
    assert m.profile + m.corpus == pytest.approx(m.total)


def _v1_database(db: Path) -> None:
    """A history file as careergap wrote it before corpus stamps (schema 1)."""
    conn = sqlite3.connect(db)
    conn.executescript(
        """CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, profile TEXT NOT NULL,
            profile_hash TEXT NOT NULL, levels TEXT NOT NULL, coverages TEXT NOT NULL);
        CREATE INDEX snapshots_profile ON snapshots (profile, at, id);
        INSERT INTO snapshots (at, profile, profile_hash, levels, coverages)
            VALUES ('2025-01-01T00:00:00Z', '/me.yaml', 'h', '{"python": 3}', '{"f": 0.25}');
        PRAGMA user_version = 1;"""
    )
    conn.commit()
    conn.close()


def test_an_old_history_is_read_as_is_and_migrated_only_by_adding_a_column(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    _v1_database(db)
    before = db.read_bytes()
    (old,) = history.snapshots(db=db)
    assert (old.levels, old.coverages, old.corpus) == ({"python": 3}, {"f": 0.25}, None)
    assert db.read_bytes() == before  # reading never rewrites the file

    history.record(Path("/me.yaml"), b"x", {"python": 4}, {"f": 0.3}, db=db, corpus=A)
    first, second = history.snapshots(db=db)
    assert first == old  # the old row is kept as it was
    assert second.corpus == A
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == history.SCHEMA_VERSION
    conn.close()


def run(*args: str):  # noqa: ANN201 - click's Result
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result


def test_progress_attributes_a_change_of_own_postings_to_the_corpus(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_bytes((PROFILES / "mlops-engineer.yaml").read_bytes())
    run("match", str(profile))
    mine = tmp_path / "mine"
    mine.mkdir()
    for i in range(3):
        (mine / f"ad{i}.yaml").write_text(
            f"id: mine-{i}\ntitle: MLOps Engineer\nfamilies: [mlops-ml-platform]\n"
            "source: ad.txt\nlines:\n"
            "- line: 1\n  text: Strong experience with Terraform, Ansible and Prometheus\n"
            "- line: 2\n  text: Experience with Grafana, Helm and Argo CD\n",
            encoding="utf-8",
        )
    run("match", str(profile), "--postings", str(mine))
    payload = json.loads(
        run("progress", "-p", str(profile), "--postings", str(mine), "--json").stdout
    )
    first, last = payload["snapshots"][0]["corpus"], payload["snapshots"][-1]["corpus"]
    assert first["own_postings"] == 0 and last["own_postings"] == 3
    assert last["postings"] == first["postings"] + 3
    causes = payload["causes"]
    assert causes["corpus_change"] == "changed"
    mlops = next(f for f in causes["families"] if f["id"] == "mlops-ml-platform")
    assert mlops["profile"] == 0.0  # the profile did not change
    assert mlops["corpus"] == mlops["total"] != 0.0
    text = " ".join(run("progress", "-p", str(profile), "--postings", str(mine)).stdout.split())
    assert "The corpus changed:" in text and "(3 your own) now" in text


def test_diff_says_every_change_is_the_profiles_on_one_corpus(tmp_path: Path) -> None:
    old = PROFILES / "ml-engineer.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("Kubernetes: 2", "Kubernetes: 4"))
    payload = json.loads(run("diff", str(old), str(new), "--json").stdout)
    assert payload["cause"] == "profile"
    assert payload["corpus"]["postings"] > 0
    text = " ".join(run("diff", str(old), str(new)).stdout.split())
    assert "every change here comes from the profile" in text
