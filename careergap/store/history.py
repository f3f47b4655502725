"""Snapshots of a profile's scores over time, kept in SQLite under the user data dir.

Every `careergap match` records one snapshot (time, profile path, hash of the profile's bytes,
skill levels, family coverages) so `progress` and `report` can show what moved
(``careergap.engine.trends`` reads them as trends). This module is the only user of sqlite3.
The database runs in WAL mode with a busy timeout and writes inside ``BEGIN IMMEDIATE``
transactions, so concurrent `match` runs queue up and both record.

A database that cannot be read raises :class:`HistoryError` naming the file and the way out
(move it aside); careergap never deletes or rewrites it on its own, and the profile is never
touched by anything here.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from careergap.errors import CareergapError
from careergap.files.paths import user_data_dir
from careergap.models import LEVEL_MAX, LEVEL_MIN

T = TypeVar("T")

#: File name of the history database inside the user data dir.
DB_NAME = "history.sqlite3"
#: Seconds a writer waits for another careergap process holding the lock before giving up.
BUSY_TIMEOUT_S = 30.0
#: Bumped whenever the table layout changes; stored in SQLite's ``user_version``.
#: 1: the first layout. 2: adds ``corpus`` (which corpus a snapshot was scored against); a
#: version-1 file is migrated in place by adding the column, every row kept as it was.
SCHEMA_VERSION = 2
#: SQLite answers "busy" without waiting when waiting could deadlock (two connections
#: upgrading a read lock, a switch to WAL); such attempts are retried this many seconds apart
#: until BUSY_TIMEOUT_S has passed.
BUSY_PAUSE_S = 0.1
#: Digits kept for stored coverages, so history compares equal across platforms.
COVERAGE_DIGITS = 6

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS snapshots (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT NOT NULL,
        profile      TEXT NOT NULL,
        profile_hash TEXT NOT NULL,
        levels       TEXT NOT NULL,
        coverages    TEXT NOT NULL,
        corpus       TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS snapshots_profile ON snapshots (profile, at, id)",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)
#: Steps from each older layout to the next: additive only, so no user data is rewritten.
_MIGRATIONS = {1: ("ALTER TABLE snapshots ADD COLUMN corpus TEXT", "PRAGMA user_version = 2")}


class HistoryError(CareergapError):
    """The history database cannot be opened, read or written; the message says what to do."""


class _Busy(Exception):
    """Another process holds the database; the operation may be retried."""


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


@dataclass(frozen=True)
class Snapshot:
    """One recorded `match`: when, which profile (and which version of it), and its scores."""

    at: str
    profile: str
    profile_hash: str
    levels: Mapping[str, int] = field(default_factory=dict)
    coverages: Mapping[str, float] = field(default_factory=dict)
    id: int | None = None
    #: Which corpus the coverages were scored against (``CorpusStamp``); None when the snapshot
    #: predates recording it.
    corpus: CorpusStamp | None = None


@dataclass(frozen=True)
class CorpusStamp:
    """The corpus a snapshot was scored against: a fingerprint of everything that shapes the
    scores (postings, taxonomy, careergap version), and how many postings were scored, of which
    how many were the person's own (saved with `postings add` or given with --postings)."""

    fingerprint: str
    postings: int
    own_postings: int
    #: Whether only the person's own postings were scored (`match --mine`).
    mine: bool = False
    #: The half-life postings were weighed by age with (None: not weighed).
    half_life_days: int | None = None

    def to_json(self) -> str:
        data: dict[str, object] = {
            "fingerprint": self.fingerprint,
            "postings": self.postings,
            "own": self.own_postings,
        }
        if self.mine or self.half_life_days is not None:  # older stamps stay byte-identical
            data.update(mine=self.mine, half_life_days=self.half_life_days)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> CorpusStamp | None:
        if text is None:
            return None
        data = json.loads(text)
        half_life = data.get("half_life_days")
        return cls(
            str(data["fingerprint"]),
            int(data["postings"]),
            int(data["own"]),
            bool(data.get("mine", False)),
            None if half_life is None else int(half_life),
        )


def history_path() -> Path:
    """Where the history database lives (``$CAREERGAP_HOME/data`` in tests)."""
    return user_data_dir() / DB_NAME


def profile_key(path: Path) -> str:
    """The absolute path under which a profile's snapshots are filed."""
    return str(Path(path).expanduser().resolve())


def content_hash(data: bytes) -> str:
    """sha256 of the profile's bytes: tells apart two versions of the same file."""
    return hashlib.sha256(data).hexdigest()


def now_utc() -> str:
    """Current time as ISO 8601 in UTC with seconds, e.g. ``2026-11-23T10:19:29Z``."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _way_out(db: Path, reason: str) -> HistoryError:
    return HistoryError(
        f"{db}: cannot use the history database ({reason}). Your profile is not affected. "
        f"Move the file aside (e.g. `mv '{db}' '{db}.broken'`) and careergap starts a new history; "
        "use `careergap match --no-record` to skip recording meanwhile."
    )


def _read_only(db: Path, reason: str) -> HistoryError:
    """The history cannot be written because its file or folder is read-only: nothing is
    damaged, so the way out is write access (or --no-record), not moving the file aside."""
    return HistoryError(
        f"{db}: cannot use the history database: it or its folder is read-only "
        f"({reason}). The history and your profile are fine. Make {db.parent} writable, or use "
        "`careergap match --no-record` to skip recording."
    )


def _is_read_only(exc: BaseException, db: Path) -> bool:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return True
    folder = db.parent if db.parent.exists() else next(
        (p for p in db.parents if p.exists()), db.parent
    )
    writable = os.access(folder, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))
    return not writable and "unable to open" in text


@contextmanager
def _connect(db: Path, create: bool) -> Iterator[sqlite3.Connection]:
    """An open, checked connection; every sqlite3 failure becomes a HistoryError."""
    if create:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if _is_read_only(exc, db):
                raise _read_only(db, f"cannot create {db.parent}: {exc.strerror or exc}") from None
            raise _way_out(db, f"cannot create its folder: {exc.strerror or exc}") from None
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(db, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _way_out(db, f"it was written by a newer careergap (schema {version})")
        if create:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once per file
            if version < SCHEMA_VERSION:
                _upgrade(conn)
        yield conn
    except sqlite3.Error as exc:
        if _is_busy(exc):
            raise _Busy(str(exc)) from None
        if _is_read_only(exc, db):
            raise _read_only(db, str(exc)) from None
        raise _way_out(db, str(exc)) from None
    finally:
        if conn is not None:
            conn.close()


def _upgrade(conn: sqlite3.Connection) -> None:
    """Create the table, or migrate an older layout step by step, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    # Read again under the lock: another careergap may have upgraded the file meanwhile.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        for statement in _SCHEMA:
            conn.execute(statement)
    while 0 < version < SCHEMA_VERSION:
        for statement in _MIGRATIONS[version]:
            conn.execute(statement)
        version += 1
    conn.execute("COMMIT")


def record(
    profile: Path,
    content: bytes,
    levels: Mapping[str, int],
    coverages: Mapping[str, float],
    *,
    at: str | None = None,
    db: Path | None = None,
    corpus: CorpusStamp | None = None,
) -> Snapshot:
    """Append one snapshot in its own transaction and return it."""
    db = db or history_path()
    snap = Snapshot(
        at=at or now_utc(),
        profile=profile_key(profile),
        profile_hash=content_hash(content),
        levels=dict(sorted(levels.items())),
        coverages={k: round(v, COVERAGE_DIGITS) for k, v in sorted(coverages.items())},
        corpus=corpus,
    )
    return _retrying(db, lambda: _insert(db, snap))


def _retrying(db: Path, operation: Callable[[], T]) -> T:
    """Run ``operation``, retrying while another careergap process holds the database.

    Gives up once BUSY_TIMEOUT_S has passed (one attempt may itself wait that long in
    SQLite's busy handler, so the worst case is about twice that).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return operation()
        except _Busy as exc:
            if time.monotonic() >= deadline:
                raise _way_out(db, f"{exc}; another careergap process kept it busy") from None
            time.sleep(BUSY_PAUSE_S)


def _insert(db: Path, snap: Snapshot) -> Snapshot:
    with _connect(db, create=True) as conn:
        conn.execute("BEGIN IMMEDIATE")
        cursor = conn.execute(
            "INSERT INTO snapshots (at, profile, profile_hash, levels, coverages, corpus)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                snap.at,
                snap.profile,
                snap.profile_hash,
                json.dumps(snap.levels, sort_keys=True),
                json.dumps(snap.coverages, sort_keys=True),
                snap.corpus.to_json() if snap.corpus else None,
            ),
        )
        conn.execute("COMMIT")
        return replace(snap, id=cursor.lastrowid)


def snapshots(profile: Path | None = None, *, db: Path | None = None) -> list[Snapshot]:
    """All snapshots, oldest first (ties by insertion order), optionally of one profile.

    A missing database is an empty history, not an error.
    """
    db = db or history_path()
    if not db.exists():
        return []
    where = ""
    params: tuple[str, ...] = ()
    if profile is not None:
        where, params = " WHERE profile = ?", (profile_key(profile),)
    rows = _retrying(db, lambda: _select(db, where + " ORDER BY at, id", params))
    try:
        return [_snapshot(row) for row in rows]
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
        raise _way_out(db, f"a snapshot is damaged: {exc}") from None


def _snapshot(row: tuple[Any, ...]) -> Snapshot:
    """One row as a Snapshot; a value no careergap could have written is a ValueError naming
    the snapshot (NaN or 1e308 coverages would print as 'nan%' or 'inf%', or crash a view)."""
    levels = {str(k): int(v) for k, v in json.loads(row[4]).items()}
    coverages = {str(k): float(v) for k, v in json.loads(row[5]).items()}
    for family, value in coverages.items():
        if not 0.0 <= value <= 1.0:  # False for NaN too
            raise ValueError(
                f"snapshot {row[0]}: coverage {value!r} of {family!r} is not in [0, 1]"
            )
    for skill, level in levels.items():
        if not LEVEL_MIN <= level <= LEVEL_MAX:
            raise ValueError(f"snapshot {row[0]}: level {level!r} of {skill!r} is not in 0-5")
    if not all(isinstance(x, str) for x in row[1:4]):
        raise ValueError(f"snapshot {row[0]}: its time, profile or hash is not text")
    return Snapshot(
        id=row[0],
        at=row[1],
        profile=row[2],
        profile_hash=row[3],
        levels=levels,
        coverages=coverages,
        corpus=CorpusStamp.from_json(row[6]),
    )


def _select(db: Path, where: str, params: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Rows of any layout this version knows; reading never migrates (only recording does)."""
    with _connect(db, create=False) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 1:
            return []  # created by a run that has not finished setting up yet
        corpus = "corpus" if version >= 2 else "NULL"
        query = f"SELECT id, at, profile, profile_hash, levels, coverages, {corpus} FROM snapshots"
        return list(conn.execute(query + where, params).fetchall())


def profiles(*, db: Path | None = None) -> list[str]:
    """Every profile path that has snapshots, sorted."""
    return sorted({s.profile for s in snapshots(db=db)})
