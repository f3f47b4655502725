"""Hostile input beyond a bad file (``test_bad_input.py`` has those): special files where a file
is read or replaced, damaged data (history, dates, seeds, cache), huge profiles, and hostile text
on the error paths.

Each refusal must be one readable message naming the file (exit 1, ``error:`` on stderr, nothing
on stdout, no traceback) and leave every file as it was. A FIFO used to hang careergap for ever:
an alarm turns a hang into a failure instead of a stuck suite.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.store import history

#: A hang guard, not a speed bound: every case here takes well under a second when it works.
HANG_GUARD_S = 60
GOOD_PROFILE = "name: Ada\ntarget_roles: [MLOps]\nskills:\n  Python: 3\n  SQL: 2\n"
GOOD_POSTING = (
    "id: mine-001\ntitle: ML engineer\nfamilies: [machine-learning-engineer]\nsource: mine.txt\n"
    "lines:\n  - line: 1\n    text: Strong Python and PyTorch\n"
)
CV = "Ada Lovelace\nPython, SQL and Docker at work\n"
#: Characters that act on a terminal; an error line quoting hostile text must carry none.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def _hang_guard() -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"careergap hung for {HANG_GUARD_S}s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One CAREERGAP_HOME (its corpus cache built once) for the cases that do not damage it."""
    home = tmp_path_factory.mktemp("hostile-input-home")
    profile = home.parent / "warm.yaml"
    profile.write_text(GOOD_PROFILE, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("CAREERGAP_HOME", str(home))
    try:
        result = CliRunner().invoke(app, ["match", str(profile), "--no-record"])
        assert result.exit_code == 0, result.output
    finally:
        mp.undo()
    return home


# --- the world a case runs in -----------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _null(path: Path) -> None:
    path.symlink_to("/dev/null")


def _device(path: Path) -> None:
    """A character device node (as /dev/null); a link to one where mknod is not allowed."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        path.symlink_to("/dev/null")


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _text(content: str | bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    return make


def _snapshot(root: Path) -> dict[str, tuple[str, bytes | None]]:
    """Every entry under ``root``: its kind and, for regular files, its bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            kind = stat.filemode(info.st_mode)[0]
            found[str(path)] = (kind, path.read_bytes() if stat.S_ISREG(info.st_mode) else None)
    return found


def _refused(args: list[str], names: Path, expect: str, root: Path) -> None:
    """Exit 1, one ``error:`` line naming ``names`` and matching ``expect``, nothing on stdout,
    no traceback, no control character, and nothing under ``root`` changed."""
    before = _snapshot(root)
    result = CliRunner().invoke(app, args)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert len(errors) == 1, result.stderr
    assert str(names) in errors[0], errors[0]
    assert re.search(expect, errors[0]), errors[0]
    assert not UNSAFE.search(result.stderr)
    assert _snapshot(root) == before, "a refused command changed a file"


# --- special files where a file is read ------------------------------------------------------


@dataclass(frozen=True)
class Special:
    name: str
    make: Callable[[Path], None]
    expect: str


SPECIALS = [
    Special("fifo", _fifo, r"is a named pipe \(FIFO\), not a"),
    Special("dev-zero", _zero, r"is a device, not a"),
    Special("dev-null", _null, r"is a device, not a"),
    Special("socket", _socket, r"is a socket, not a"),
]

#: Commands reading one file, SPECIAL standing for it (OUT for a file they would write).
READERS = {
    "validate": ["validate", "SPECIAL"],
    "match": ["match", "SPECIAL", "--no-record"],
    "diff": ["diff", "GOOD", "SPECIAL"],
    "whatif": ["whatif", "--add", "Go=3", "--profile", "SPECIAL"],
    "report": ["report", "SPECIAL", "-o", "REPORT"],  # a report's name says its format
    "extract": ["extract", "SPECIAL"],
    "init-from-text": ["init", "OUT", "--from-text", "SPECIAL"],
    "postings-add": ["postings", "add", "SPECIAL", "--role", "mlops"],
}


def _fill(args: list[str], **slots: Path) -> list[str]:
    return [str(slots[a]) if a in slots else a for a in args]


@pytest.mark.parametrize("special", SPECIALS, ids=lambda s: s.name)
@pytest.mark.parametrize("command", sorted(READERS))
def test_a_special_file_is_refused_where_a_file_is_read(
    command: str,
    special: Special,
    tmp_path: Path,
    shared_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    bad = tmp_path / f"{special.name}.yaml"
    special.make(bad)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_PROFILE, encoding="utf-8")
    slots = {"OUT": tmp_path / "out.yaml", "REPORT": tmp_path / "out.md"}
    args = _fill(READERS[command], SPECIAL=bad, GOOD=good, **slots)
    _refused(args, bad, special.expect, tmp_path)
    assert not (shared_home / "data" / "postings").exists(), "postings add saved nothing"


@pytest.mark.parametrize("special", SPECIALS, ids=lambda s: s.name)
@pytest.mark.parametrize(
    "args",
    [["match", "GOOD", "--no-record", "--postings", "DIR"], ["roles", "--postings", "DIR"],
     ["postings", "list", "--postings", "DIR"]],
    ids=lambda a: a[0] if a[0] != "postings" else "postings-list",
)  # fmt: skip
def test_a_special_file_in_a_postings_folder_is_refused(
    args: list[str],
    special: Special,
    tmp_path: Path,
    shared_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a-good.yaml").write_text(GOOD_POSTING, encoding="utf-8")
    bad = folder / f"z-{special.name}.yaml"
    special.make(bad)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_PROFILE, encoding="utf-8")
    _refused(_fill(args, DIR=folder, GOOD=good), bad, special.expect, tmp_path)


# --- special files where a file is replaced --------------------------------------------------


@pytest.mark.parametrize("make", [_fifo, _device], ids=["fifo", "device"])
@pytest.mark.parametrize(
    "args",
    [["report", "GOOD", "--force", "-o", "TARGET"], ["init", "TARGET", "--force"]],
    ids=["report", "init"],
)
def test_force_never_replaces_a_special_file(
    args: list[str],
    make: Callable[[Path], None],
    tmp_path: Path,
    shared_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    target = tmp_path / "target.md"
    make(target)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_PROFILE, encoding="utf-8")
    args = _fill(args, GOOD=good, TARGET=target)
    _refused(args, target, r"only replaces regular files", tmp_path)
    assert not stat.S_ISREG(target.lstat().st_mode)


# --- damaged data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "expect"),
    [
        ("!!timestamp soon", r":4:\d+: 'soon' is not a real date"),
        ("!!timestamp 2024-02-30", r":4:\d+: '2024-02-30' is not a real date"),
        ("!!timestamp ''", r":4:\d+: '' is not a real date"),
    ],
)
@pytest.mark.parametrize("command", ["validate", "match"])
def test_a_date_that_is_not_one(
    command: str,
    since: str,
    expect: str,
    tmp_path: Path,
    shared_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    profile = tmp_path / "me.yaml"
    profile.write_text(f"skills:\n  Python:\n    level: 3\n    since: {since}\n", "utf-8")
    args = [command, str(profile)] + (["--no-record"] if command == "match" else [])
    _refused(args, profile, expect, tmp_path)


def _history_with(tmp_path: Path, levels: str, coverages: str) -> Path:
    """A history database whose second snapshot holds the given JSON texts."""
    db = tmp_path / "home" / "data" / history.DB_NAME
    profile = tmp_path / "me.yaml"
    profile.write_text(GOOD_PROFILE, encoding="utf-8")
    history.record(profile, b"1", {"python": 3}, {"mlops-ml-platform": 0.25}, db=db)
    history.record(profile, b"2", {"python": 4}, {"mlops-ml-platform": 0.5}, db=db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE snapshots SET levels = ?, coverages = ? WHERE id = 2", (levels, coverages))
    conn.commit()
    conn.close()
    return db


@pytest.mark.parametrize(
    ("levels", "coverages", "expect"),
    [
        ('{"python": 4}', '{"mlops-ml-platform": NaN}', r"snapshot 2: coverage nan"),
        ('{"python": 4}', '{"mlops-ml-platform": 1e308}', r"snapshot 2: coverage 1e\+308"),
        ('{"python": 4}', '{"mlops-ml-platform": -Infinity}', r"snapshot 2: coverage -inf"),
        ('{"python": 4}', '{"mlops-ml-platform": 1.5}', r"snapshot 2: coverage 1\.5"),
        ('{"python": 4}', '{"mlops-ml-platform": "high"}', r"damaged: could not convert"),
        ('{"python": 99}', '{"mlops-ml-platform": 0.5}', r"snapshot 2: level 99"),
        ('{"python": 4}', '[0.5]', r"damaged"),
        ('{"python": 4}', "not json", r"damaged"),
    ],
    ids=["nan", "1e308", "-inf", "above-1", "text", "level-99", "a-list", "not-json"],
)
@pytest.mark.parametrize("command", ["progress", "progress-json"])
def test_a_damaged_history_is_a_clear_error(
    command: str,
    levels: str,
    coverages: str,
    expect: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    db = _history_with(tmp_path, levels, coverages)
    args = ["progress"] + (["--json"] if command == "progress-json" else [])
    _refused(args, db, rf"{expect}.*Move the file aside", tmp_path)


def test_report_leaves_a_damaged_history_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(tmp_path / "home"))
    db = _history_with(tmp_path, '{"python": 4}', '{"mlops-ml-platform": NaN}')
    result = CliRunner().invoke(app, ["report", str(tmp_path / "me.yaml")])
    assert result.exit_code == 0, result.stderr
    assert f"warning: progress left out: {db}" in result.stderr
    assert "nan%" not in result.stdout and "inf%" not in result.stdout


def test_a_read_only_history_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A history SQLite may only read (a read-only CAREERGAP_HOME): match still prints its
    ranking, and the warning says read-only, not "move the file aside"."""
    monkeypatch.setenv("CAREERGAP_HOME", str(tmp_path / "home"))
    db = _history_with(tmp_path, '{"python": 4}', '{"mlops-ml-platform": 0.5}')
    real_connect = sqlite3.connect

    def read_only(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        uri = f"file:{database}?mode=ro"
        return real_connect(uri, *args, uri=True, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(history.sqlite3, "connect", read_only)
    before = db.read_bytes()
    result = CliRunner().invoke(app, ["match", str(tmp_path / "me.yaml")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    warning = result.stderr.strip().splitlines()[-1]
    assert warning.startswith(f"warning: history not recorded: {db}: ")
    assert "read-only" in warning and "--no-record" in warning
    assert "Move the file aside" not in warning
    assert db.read_bytes() == before
    progress = CliRunner().invoke(app, ["progress", "--profile", str(tmp_path / "me.yaml")])
    assert progress.exit_code == 0, progress.stderr  # reading a read-only history still works


def _seeds(tmp_path: Path, seeds_dir: Path) -> Path:
    copy = tmp_path / "seeds"
    copy.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        (copy / seed.name).write_bytes(seed.read_bytes())
    return copy


@pytest.mark.seeds
def test_corpus_build_refuses_a_seed_that_is_not_utf8(tmp_path: Path, seeds_dir: Path) -> None:
    seeds = _seeds(tmp_path, seeds_dir)
    seed = sorted(seeds.glob("000_*.txt"))[0]
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\ncaf\xe9\n", 1))
    out = tmp_path / "out"
    _refused(
        ["corpus", "build", "--seeds", str(seeds), "--out", str(out)],
        seed,
        r":2:4: is not valid UTF-8: byte 0xe9",
        tmp_path,
    )
    assert not out.exists()


@pytest.mark.seeds
@pytest.mark.parametrize("special", SPECIALS[:2], ids=lambda s: s.name)
def test_corpus_build_refuses_a_special_seed(
    special: Special, tmp_path: Path, seeds_dir: Path
) -> None:
    seeds = _seeds(tmp_path, seeds_dir)
    seed = sorted(seeds.glob("000_*.txt"))[0]
    seed.unlink()
    special.make(seed)
    _refused(
        ["corpus", "build", "--seeds", str(seeds), "--out", str(tmp_path / "out")],
        seed,
        special.expect,
        tmp_path,
    )


@pytest.mark.parametrize("kind", ["directory", "symlink"])
def test_corpus_build_keeps_a_folder_named_like_a_posting(kind: str, tmp_path: Path) -> None:
    """A directory (or link) named p-002-00001.yaml in --out is someone's: corpus build used to
    take it for its own file and delete it with the old corpus."""
    out = tmp_path / "out"
    out.mkdir()
    keep = out / "p-002-00001.yaml"
    if kind == "directory":
        keep.mkdir()
        (keep / "thesis.tex").write_text("years of work\n", encoding="utf-8")
    else:
        (tmp_path / "elsewhere.yaml").write_text("mine\n", encoding="utf-8")
        keep.symlink_to(tmp_path / "elsewhere.yaml")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _refused(
        ["corpus", "build", "--seeds", str(seeds), "--out", str(out)],
        out,
        r"holds files corpus build did not write \(p-002-00001\.yaml\)",
        tmp_path,
    )


# --- the corpus cache: never trusted, never hung on -------------------------------------------


@pytest.mark.parametrize("make", [_fifo, _zero], ids=["fifo", "dev-zero"])
def test_a_special_cache_file_is_ignored_and_rebuilt(
    make: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("CAREERGAP_HOME", str(home))
    profile = tmp_path / "me.yaml"
    profile.write_text(GOOD_PROFILE, encoding="utf-8")
    first = CliRunner().invoke(app, ["match", str(profile), "--no-record"])
    assert first.exit_code == 0, first.stderr
    caches = sorted((home / "cache").glob("*.json"))
    assert caches
    for cache in caches:
        cache.unlink()
        make(cache)
    monkeypatch.setattr("careergap.store.cache._warned", False)  # warned once per process
    again = CliRunner().invoke(app, ["match", str(profile), "--no-record"])
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert "warning: ignoring a corpus cache" in again.stderr and "rebuilding" in again.stderr
    assert all(stat.S_ISREG(c.lstat().st_mode) for c in caches), "rebuilt as regular files"


# --- huge profiles ---------------------------------------------------------------------------


def test_twenty_thousand_unknown_names_are_each_located(
    tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 20,000-name profile (under the size cap) is validated, each unknown name located;
    spelling suggestions stop after the first FUZZY_NAME_LIMIT (see bench_profile_size.py)."""
    from careergap.reading.profile_names import FUZZY_NAME_LIMIT

    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    profile = tmp_path / "me.yaml"
    names = [f"Pytorh{i:05d}" for i in range(20_000)]
    profile.write_text("skills:\n  Python: 3\n" + "".join(f"  {n}: 2\n" for n in names), "utf-8")
    result = CliRunner().invoke(app, ["validate", str(profile), "--strict"])
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert len(errors) == 20_000
    assert errors[0].startswith(f"error: {profile}:3: skills.Pytorh00000: unknown skill")
    assert errors[-1].startswith(f"error: {profile}:20002: skills.Pytorh19999: unknown skill")
    assert sum("first 100 only" in e for e in errors) == 20_000 - FUZZY_NAME_LIMIT


def test_twenty_thousand_spellings_of_one_skill(
    tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 spellings that all fold to Python: each is located as a duplicate of line 2
    (a warning: two names for one skill keep the higher level, here the same)."""
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    profile = tmp_path / "me.yaml"
    spellings = ["Python"]
    for i in range(2, 20_001):  # i = 1 would spell "Python" itself
        cased = [c.upper() if i >> n & 1 else c for n, c in enumerate("python")]
        gaps = [("", "-", "_", " ")[(i >> 6) // 4**n % 4] for n in range(5)]
        spellings.append("".join(c + g for c, g in zip(cased, [*gaps, ""], strict=True)))
    assert len(set(spellings)) == len(spellings)
    body = "".join(f"  {json.dumps(s)}: 2\n" for s in spellings)
    profile.write_text("skills:\n" + body, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(profile)])
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(spellings) - 1
    assert warnings[-1] == (
        f"warning: {profile}:20001: skills.{spellings[-1]}: {spellings[-1]!r} and 'Python' "
        "(line 2) are the same skill, Python, both at level 2"
    )


def test_one_huge_skill_name(
    tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    profile = tmp_path / "me.yaml"
    # An explicit key ("? "): YAML allows an implicit one only up to 1024 characters.
    profile.write_text(f"skills:\n  Python: 3\n  ? {'Kubernetes' * 90_000}\n  : 2\n", "utf-8")
    result = CliRunner().invoke(app, ["validate", str(profile), "--strict"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {profile}:3: skills.KubernetesKubernetes")


# --- hostile text on the error paths ---------------------------------------------------------

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e"


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "--role", f"x{ESCAPES}", "--profile", "GOOD"],
        ["whatif", "--add", f"Zork{ESCAPES}=3", "--profile", "GOOD"],
        ["explain", "--role", "mlops", "--skill", f"Zork{ESCAPES}", "--profile", "GOOD"],
        ["validate", f"missing{ESCAPES}.yaml"],
        ["resources", f"Zork{ESCAPES}"],
        ["postings", "show", f"p-{ESCAPES}"],
    ],
    ids=["role", "whatif-skill", "explain-skill", "missing-file", "resources", "posting-id"],
)
def test_errors_quoting_hostile_text_carry_no_control_character(
    args: list[str], tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_PROFILE, encoding="utf-8")
    result = CliRunner().invoke(app, _fill(args, GOOD=good))
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert not UNSAFE.search(result.stderr), repr(result.stderr)


def test_init_from_a_cv_with_control_characters_writes_a_valid_profile(
    tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init --from-text` copied a CV's control characters into comments, then `validate`
    refused the file it had written."""
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    cv = tmp_path / "cv\x1b[31m.txt"
    cv.write_text("Python \x1b[31m and\x85 SQL \x9b\u202e Docker\rKubernetes\x0c\x01\n", "utf-8")
    out = tmp_path / "me.yaml"
    written = CliRunner().invoke(app, ["init", str(out), "--from-text", str(cv)])
    assert written.exit_code == 0, written.stderr
    assert not UNSAFE.search(out.read_text(encoding="utf-8").replace("\n", ""))
    checked = CliRunner().invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stderr
    assert "4 skills resolved" in checked.stdout


def _run_installed(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "careergap", *args],
        env={**os.environ, **env},
        capture_output=True,
        timeout=HANG_GUARD_S,
        check=False,
    )


def test_an_ascii_terminal_gets_output_not_an_internal_error(
    tmp_path: Path, shared_home: Path
) -> None:
    """`PYTHONIOENCODING=ascii careergap match` exited 3 on the first bar or '·'."""
    profile = tmp_path / "me.yaml"
    profile.write_text(GOOD_PROFILE, encoding="utf-8")
    env = {"CAREERGAP_HOME": str(shared_home), "PYTHONIOENCODING": "ascii"}
    shown = _run_installed(["match", str(profile), "--no-record", "--top", "2"], env)
    assert shown.returncode == 0, shown.stderr
    assert b"Coverage is guidance" in shown.stdout
    as_json = _run_installed(["gaps", "--profile", str(profile), "--json"], env)
    assert as_json.returncode == 0, as_json.stderr
    assert as_json.stdout.isascii()
    assert json.loads(as_json.stdout)["schema_version"] >= 1
    missing = _run_installed(["validate", str(tmp_path / "café.yaml")], env)
    assert missing.returncode == 1
    assert missing.stderr.startswith(b"error: ") and b"no such file" in missing.stderr
