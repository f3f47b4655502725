"""History: snapshots survive, concurrent writers both land, a broken database says what to do."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careergap.store import history
from careergap.store.history import HistoryError, Snapshot


def _record(profile: Path, levels: dict[str, int], cov: dict[str, float], at: str) -> Snapshot:
    return history.record(profile, profile.read_bytes(), levels, cov, at=at)


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text("skills:\n  Python: 3\n", encoding="utf-8")
    return path


def test_history_lives_under_careergap_home() -> None:
    home = Path(os.environ["CAREERGAP_HOME"])
    assert history.history_path() == home / "data" / history.DB_NAME


def test_missing_database_is_an_empty_history() -> None:
    assert history.snapshots() == []
    assert not history.history_path().exists()


def test_record_and_read_back_in_order(profile: Path) -> None:
    first = _record(profile, {"python": 3}, {"mle": 0.25, "ds": 0.5}, "2026-01-01T00:00:00Z")
    profile.write_text("skills:\n  Python: 4\n  Docker: 2\n", encoding="utf-8")
    _record(profile, {"python": 4, "docker": 2}, {"mle": 0.4, "ds": 0.55}, "2026-02-01T00:00:00Z")

    snaps = history.snapshots(profile)
    assert [s.at for s in snaps] == ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"]
    assert snaps[0] == first
    assert snaps[1].levels == {"docker": 2, "python": 4}
    assert snaps[1].coverages == {"ds": 0.55, "mle": 0.4}
    assert snaps[0].profile == str(profile.resolve())
    assert snaps[0].profile_hash != snaps[1].profile_hash


def test_snapshots_filter_by_profile(profile: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("skills: {}\n", encoding="utf-8")
    _record(profile, {"python": 3}, {"mle": 0.2}, "2026-01-01T00:00:00Z")
    _record(other, {}, {"mle": 0.0}, "2026-01-02T00:00:00Z")
    assert len(history.snapshots()) == 2
    assert [s.profile for s in history.snapshots(other)] == [str(other.resolve())]
    assert history.profiles() == sorted([str(profile.resolve()), str(other.resolve())])


def test_database_uses_wal_mode(profile: Path) -> None:
    _record(profile, {}, {}, "2026-01-01T00:00:00Z")
    conn = sqlite3.connect(history.history_path())
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_corrupt_database_gives_a_clear_error_and_is_kept(profile: Path) -> None:
    db = history.history_path()
    db.parent.mkdir(parents=True)
    garbage = b"this is not a database, just some bytes " * 200
    db.write_bytes(garbage)

    with pytest.raises(HistoryError) as read_err:
        history.snapshots()
    with pytest.raises(HistoryError) as write_err:
        _record(profile, {"python": 3}, {"mle": 0.2}, "2026-01-01T00:00:00Z")

    for err in (read_err, write_err):
        message = str(err.value)
        assert message.startswith(f"{db}: cannot use the history database (")
        assert "Your profile is not affected" in message
        assert f"mv '{db}' '{db}.broken'" in message
    assert db.read_bytes() == garbage, "a broken history must never be rewritten or deleted"
    assert profile.read_text(encoding="utf-8") == "skills:\n  Python: 3\n"


def test_newer_schema_is_refused_not_overwritten(profile: Path) -> None:
    db = history.history_path()
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(HistoryError, match="written by a newer careergap"):
        _record(profile, {}, {}, "2026-01-01T00:00:00Z")


def test_damaged_row_is_reported(profile: Path) -> None:
    _record(profile, {"python": 3}, {"mle": 0.2}, "2026-01-01T00:00:00Z")
    conn = sqlite3.connect(history.history_path())
    conn.execute("UPDATE snapshots SET levels = 'not json'")
    conn.commit()
    conn.close()
    with pytest.raises(HistoryError, match="a snapshot is damaged"):
        history.snapshots()


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from careergap.store import history
    start = float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.001)
    profile = Path(sys.argv[1])
    for i in range(int(sys.argv[3])):
        history.record(profile, profile.read_bytes(), {"python": i % 6}, {"mle": i / 100})
    """
)


def test_concurrent_writers_all_record(profile: Path) -> None:
    import os
    import time

    per_process = 25
    start = str(time.time() + 1.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(profile), start, str(per_process)],
            env=dict(os.environ),
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = [(proc.communicate(timeout=120)[1], proc.returncode) for proc in procs]
    for err, code in results:
        assert code == 0, err.decode()
    assert len(history.snapshots(profile)) == 2 * per_process


def test_busy_database_is_retried_then_explained(
    profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "BUSY_PAUSE_S", 0.0)
    calls: list[int] = []

    def busy_twice() -> str:
        calls.append(1)
        if len(calls) <= 2:
            raise history._Busy("database is locked")
        return "done"

    assert history._retrying(history.history_path(), busy_twice) == "done"
    assert len(calls) == 3

    def always_busy() -> str:
        raise history._Busy("database is locked")

    monkeypatch.setattr(history, "BUSY_TIMEOUT_S", 0.0)
    with pytest.raises(HistoryError, match="another careergap process kept it busy"):
        history._retrying(history.history_path(), always_busy)


def test_a_writer_waits_for_another_holding_the_lock(profile: Path) -> None:
    import threading
    import time

    _record(profile, {}, {"mle": 0.1}, "2026-01-01T00:00:00Z")
    holder = sqlite3.connect(history.history_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    try:
        _record(profile, {}, {"mle": 0.2}, "2026-01-02T00:00:00Z")
    finally:
        release.join()
        holder.close()
    assert time.monotonic() - started >= 0.4
    assert [s.coverages["mle"] for s in history.snapshots()] == [0.1, 0.2]
