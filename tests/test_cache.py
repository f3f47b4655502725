"""The compiled corpus cache: same answers as an uncached run, rebuilt on any change or damage."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import threading
from array import array
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.engine import questions as engine
from careergap.files.paths import bundled_postings_dir, data_file, user_cache_dir
from careergap.reading.taxonomy import load_taxonomy
from careergap.store import cache, cache_inventory
from careergap.store.packed import unpack_demand
from careergap.store.workspace import ProgressBar, build_workspace, no_progress

#: These tests watch the cache being built, read and damaged: each starts from an empty home.
pytestmark = pytest.mark.cold_cache

PROFILE = "name: Ada\nskills:\n  Python: 4\n  PyTorch: 3\n  SQL: 2\n  Kubernetes: 1\n"
POSTING = """id: my-001
title: ML engineer
families: [machine-learning-engineer]
source: mine.txt
lines:
  - line: 1
    text: Strong Python and PyTorch experience
  - line: 2
    text: Kubernetes or Docker is a plus
    required: false
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "my-001.yaml").write_text(POSTING, encoding="utf-8")
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the uncached builds."""
    calls: list[int] = []
    real = cache.build

    def counting(*args: object, **kwargs: object) -> engine.Workspace:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "build", counting)
    monkeypatch.setattr(cache, "_warned", False)
    return calls


def _cache_files() -> list[Path]:
    folder = user_cache_dir()
    return sorted(folder.glob(f"{cache.CACHE_PREFIX}*.json")) if folder.is_dir() else []


def _match_json(runner: CliRunner, profile: Path, *extra: str) -> str:
    result = runner.invoke(app, ["match", str(profile), "--json", "--no-record", *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cached_run_prints_byte_identical_json(
    runner: CliRunner, profile: Path, mine: Path, builds: list[int]
) -> None:
    first = _match_json(runner, profile, "--postings", str(mine))
    assert builds == [1] and len(_cache_files()) == 1
    second = _match_json(runner, profile, "--postings", str(mine))
    assert builds == [1], "the second run must come from the cache"
    assert second == first
    assert json.loads(second)["families"]


def test_restored_workspace_equals_a_fresh_build(mine: Path) -> None:
    built = cache.cached_workspace([mine])
    restored = cache.cached_workspace([mine])
    from careergap.corpus.load import load_corpus

    corpus = load_corpus([mine])
    reference = build_workspace(load_taxonomy(), corpus.families, corpus.postings)
    for ws in (built, restored):
        assert ws.demands == reference.demands
        assert ws.entries == reference.entries
        assert (ws.postings, ws.scored_postings) == (reference.postings, reference.scored_postings)
        assert ws.partial_sources == reference.partial_sources
        assert ws.taxonomy.skills == reference.taxonomy.skills
        assert list(ws.families) == list(reference.families)


def test_the_cache_file_is_plain_json_with_the_documented_header(mine: Path) -> None:
    cache.cached_workspace([mine])
    (path,) = _cache_files()
    header, body = _load(path)
    assert header["format"] == cache.CACHE_FORMAT
    assert header["schema"] == cache.SCHEMA_VERSION
    assert len(header["key"]) == 64
    assert body["families"]
    assert not list(path.parent.glob("*.tmp")), "no temporary file is left behind"


def test_changing_a_user_posting_invalidates(
    mine: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    posting = mine / "my-001.yaml"
    before = posting.stat()
    # The cache is written one second after the file's mtime, however long the build takes on
    # a busy machine: the file is within the racy window, so its mtime is not trusted.
    clock = SimpleNamespace(time_ns=lambda: before.st_mtime_ns + 10**9)
    monkeypatch.setattr(cache_inventory, "time", clock)
    cache.cached_workspace([mine])
    # Same size, same mtime: only the content tells the change apart.
    posting.write_text(POSTING.replace("PyTorch", "TensorF"), encoding="utf-8")
    os.utime(posting, ns=(before.st_atime_ns, before.st_mtime_ns))
    ws = cache.cached_workspace([mine])
    assert builds == [1, 1]
    (mine_entry,) = [e for e in ws.entries["machine-learning-engineer"] if e.id == "my-001"]
    texts = {r.text for r in mine_entry.requirements}
    assert "Strong Python and TensorF experience" in texts
    assert "pytorch" not in {o for r in mine_entry.requirements for o in r.options}


def test_adding_or_removing_a_posting_file_invalidates(mine: Path, builds: list[int]) -> None:
    cache.cached_workspace([mine])
    extra = mine / "my-002.yaml"
    before = cache.cached_workspace([mine]).postings
    extra.write_text(POSTING.replace("my-001", "my-002"), encoding="utf-8")
    assert cache.cached_workspace([mine]).postings == before + 1
    extra.unlink()
    assert cache.cached_workspace([mine]).postings == before
    assert builds == [1, 1, 1]


def test_changing_a_bundled_posting_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(bundled_postings_dir(), bundled)
    monkeypatch.setattr("careergap.files.paths.bundled_postings_dir", lambda: bundled)
    cache.cached_workspace()
    cache.cached_workspace()
    assert builds == [1]
    first = sorted(bundled.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache.cached_workspace()
    assert builds == [1, 1]


@pytest.mark.parametrize("name", ["skills.yaml", "families.yaml"])
def test_changing_the_taxonomy_or_families_invalidates(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    copy = tmp_path / name
    shutil.copy(data_file(name), copy)
    real = data_file
    monkeypatch.setattr("careergap.files.paths.data_file", lambda n: copy if n == name else real(n))
    cache.cached_workspace()
    cache.cached_workspace()
    assert builds == [1]
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.cached_workspace()
    assert builds == [1, 1]


def _damage(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"\x80\x00not json at all")
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif how == "foreign":
        path.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    elif how == "list":
        path.write_text("[1, 2, 3]", encoding="utf-8")
    elif how == "bad-index":  # right header and key, wrong shape inside
        header, data = _load(path)
        family = _first_family(data)
        _, columns, _ = unpack_demand(family["packed"], len(family["asks"]))
        family["packed"]["qualify"] = _packed("I", [10**9, *columns.qualify[1:]])
        _store(path, header, data)
    elif how == "bad-type":
        header, data = _load(path)
        _first_family(data)["asks"][0][0] = "python"  # options must be a list
        _store(path, header, data)
    elif how == "unknown-skill":
        header, data = _load(path)
        _first_family(data)["asks"][0][0] = ["no-such-skill"]
        _store(path, header, data)
    elif how == "unsorted":  # asks must be in the order the encoder writes them
        header, data = _load(path)
        _first_family(data)["asks"].reverse()
        _store(path, header, data)
    elif how == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif how == "halved-shares":  # every value in range, the family no longer adds up
        header, data = _load(path)
        family = _first_family(data)
        shares, _, _ = unpack_demand(family["packed"], len(family["asks"]))
        family["packed"]["shares"] = _packed("d", [v / 2 for v in shares])
        _store(path, header, data)
    elif how == "rotated-quotes":  # each quote moved to another skill's entry
        header, data = _load(path)
        evidence = _first_family(data)["evidence"]
        skills = list(evidence)
        quotes = [evidence[s] for s in skills]
        for skill, quote in zip(skills, quotes[1:] + quotes[:1], strict=True):
            evidence[skill] = quote
        _store(path, header, data)
    elif how == "zero-target":  # a value no parser makes: credit would divide by 0
        header, data = _load(path)
        for ask in _first_family(data)["asks"]:
            ask[1] = 0
        _store(path, header, data)
    elif how == "layout-with-digest":  # not what the encoder writes, though the digest agrees
        header, data = _load(path)
        del _first_family(data)["asks"]
        _store(path, header, data, redo_digest=True)
    elif how == "nan-share":  # NaN is valid in Python's JSON and would poison every score
        header, data = _load(path)
        family = _first_family(data)
        family["packed"]["shares"] = _packed("d", [float("nan")] * len(family["asks"]))
        _store(path, header, data)


def _packed(code: str, values: list) -> str:
    """A column as careergap.store.packed writes it."""
    return base64.b64encode(array(code, values).tobytes()).decode("ascii")


def _load(path: Path) -> tuple[dict, dict]:
    """A cache file's header and body (two lines of JSON)."""
    head, _, body = path.read_bytes().partition(b"\n")
    return json.loads(head), json.loads(body)


def _store(path: Path, header: dict, body: dict, redo_digest: bool = False) -> None:
    """Write a cache file back, keeping the digest of the body it had unless told otherwise."""
    data = json.dumps(body).encode("utf-8")
    if redo_digest:
        header = {**header, "sha256": hashlib.sha256(data).hexdigest()}
    path.write_bytes(json.dumps(header).encode("utf-8") + b"\n" + data)


def _first_family(data: dict) -> dict:
    return data["families"][sorted(data["families"])[0]]


@pytest.mark.parametrize(
    "how",
    [
        "garbage",
        "truncated",
        "foreign",
        "list",
        "bad-index",
        "bad-type",
        "unknown-skill",
        "deep",
        "unsorted",
        "halved-shares",
        "rotated-quotes",
        "zero-target",
        "nan-share",
        "layout-with-digest",
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    how: str,
    runner: CliRunner,
    profile: Path,
    mine: Path,
    builds: list[int],
) -> None:
    expected = _match_json(runner, profile, "--postings", str(mine))
    (path,) = _cache_files()
    _damage(path, how)
    result = runner.invoke(
        app, ["match", str(profile), "--json", "--no-record", "--postings", str(mine)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    assert builds == [1, 1]
    warnings = [line for line in result.stderr.splitlines() if "corpus cache" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ")
    assert "Traceback" not in result.stderr
    # ...and the rebuilt file is good again: the next run is a hit.
    assert _load(path)[0]["format"] == cache.CACHE_FORMAT
    cache.cached_workspace([mine])
    assert builds == [1, 1]


def test_an_unwritable_cache_dir_still_answers(
    runner: CliRunner, profile: Path, mine: Path, builds: list[int]
) -> None:
    user_cache_dir().parent.mkdir(parents=True, exist_ok=True)
    user_cache_dir().write_text("a file where the cache dir should be", encoding="utf-8")
    result = runner.invoke(
        app, ["match", str(profile), "--json", "--no-record", "--postings", str(mine)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["families"]
    assert result.stderr.count("cannot write the corpus cache") == 1


def test_a_missing_postings_folder_is_reported_not_cached(
    runner: CliRunner, profile: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["match", str(profile), "--no-record", "--postings", str(tmp_path / "nope")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "nope" in result.stderr


def test_concurrent_writers_leave_one_valid_file(mine: Path) -> None:
    ws = cache.cached_workspace([mine])
    (path,) = _cache_files()
    stored = cache.read(path)
    assert stored is not None
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(3):
                cache.write(path, stored.header, stored.body)
                assert cache.read(path) is not None
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert not list(path.parent.glob("*.tmp"))
    assert cache.cached_workspace([mine]).entries == ws.entries


def test_a_cache_from_another_version_is_a_silent_miss(
    mine: Path, builds: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    cache.cached_workspace([mine])
    (path,) = _cache_files()
    header, data = _load(path)
    _store(path, {**header, "schema": cache.SCHEMA_VERSION + 1}, data)
    cache.cached_workspace([mine])
    assert builds == [1, 1]
    assert capsys.readouterr().err == ""


def test_an_edit_to_careergaps_reading_code_is_a_rebuild(
    mine: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two commits share a version number: the reader's source keys the cache, not the version."""
    from careergap.files import compiled

    cache.cached_workspace([mine])
    cache.cached_workspace([mine])
    assert builds == [1]
    monkeypatch.setattr(compiled, "_code", b"a reader edited since the cache was written")
    cache.cached_workspace([mine])
    assert builds == [1, 1]


def test_the_code_key_covers_every_module_that_decides_the_compiled_corpus() -> None:
    from careergap.files import compiled

    package = Path(compiled.__file__).resolve().parent.parent
    covered = {
        p.relative_to(package).parts[0] for p in package.rglob("*.py") if p.parent != package
    }
    # Only the layers that read what was compiled may stay out of the key.
    assert covered - set(compiled.CODE_PARTS) == {"engine", "views", "cli"}


def test_progress_is_drawn_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from careergap.views.progress import progress

    with progress("Extracting skills", 3) as advance:
        advance(3)
    assert capsys.readouterr() == ("", ""), "piped stderr gets no bar frames"

    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    with progress("Extracting skills", 3, enabled=False) as advance:
        advance(3)
    assert capsys.readouterr() == ("", "")
    with progress("Extracting skills", 3) as advance:
        advance(3)
    out, err = capsys.readouterr()
    assert out == "", "the bar never touches stdout"
    assert "Extracting skills" in err


def test_large_builds_ask_for_a_progress_bar(mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = cache.build

    def spy(
        extra: object,
        show_progress: bool,
        total: int | None = None,
        progress: ProgressBar = no_progress,
    ) -> engine.Workspace:
        seen.append(show_progress)
        assert total == len(list(bundled_postings_dir().glob("*.yaml"))) + 1  # + my-001
        return real(extra, show_progress, total, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "build", spy)
    monkeypatch.setattr(cache, "PROGRESS_MIN_POSTINGS", 1)
    cache.cached_workspace([mine])
    monkeypatch.setattr(cache, "PROGRESS_MIN_POSTINGS", 10**9)
    (mine / "my-001.yaml").write_text(POSTING + "\n", encoding="utf-8")
    cache.cached_workspace([mine])
    assert seen == [True, False]


def _explain_skill(runner: CliRunner, profile: Path, mine: Path) -> str:
    result = runner.invoke(
        app,
        ["explain", "-p", str(profile), "--role", "ML Engineer", "--skill", "Python", "--json"]
        + ["--postings", str(mine)],
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("how", ["kept", "missing", "garbage", "stale", "bad-index"])
def test_listing_every_posting_reads_or_rebuilds_the_entries_file(
    how: str, runner: CliRunner, profile: Path, mine: Path, builds: list[int]
) -> None:
    expected = _explain_skill(runner, profile, mine)
    assert json.loads(expected)["evidence"], "the skill is asked for in the family"
    (path,) = user_cache_dir().glob(f"{cache.ENTRIES_PREFIX}*.json")
    if how == "missing":
        path.unlink()
    elif how == "garbage":
        path.write_bytes(b"\x80 not json")
    elif how in ("stale", "bad-index"):
        header, data = _load(path)
        if how == "stale":  # an entries file from an older corpus than the workspace file
            header["key"] = "0" * 64
        else:  # a requirement index out of range, under a digest that agrees
            data["entries"][0][5] = [10**9]
        _store(path, header, data, redo_digest=how == "bad-index")
    assert _explain_skill(runner, profile, mine) == expected
    assert builds == ([1] if how == "kept" else [1, 1])
    # Whatever happened, the entries file is good again and the next listing is a hit.
    assert _explain_skill(runner, profile, mine) == expected
    assert builds == ([1] if how == "kept" else [1, 1])


def test_scoring_a_cached_corpus_never_reads_the_entries_file(
    runner: CliRunner, profile: Path, mine: Path, builds: list[int]
) -> None:
    expected = _match_json(runner, profile, "--postings", str(mine))
    (path,) = user_cache_dir().glob(f"{cache.ENTRIES_PREFIX}*.json")
    path.write_bytes(b"\x80 not json")  # would warn and rebuild if it were read
    result = runner.invoke(
        app, ["match", str(profile), "--json", "--no-record", "--postings", str(mine)]
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    assert builds == [1]


def test_an_unchanged_corpus_is_not_read_again(
    mine: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hit checks sizes and mtimes only (as git's index does): no posting file is opened."""
    cache.cached_workspace([mine])
    (mine / "my-001.yaml").touch()  # a new mtime, same bytes: hashed again, still a hit
    os.utime(mine / "my-001.yaml", ns=(0, 10**18))  # far from the racy window
    cache.cached_workspace([mine])
    assert builds == [1]

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"read {self}")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    cache.cached_workspace([mine])
    assert builds == [1]


def test_quoting_gaps_from_a_cached_corpus_compiles_no_matcher(
    runner: CliRunner, profile: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entries file keeps what the extractor found in each line: a cached `gaps` quotes and
    marks the same words without building an extractor (issue 15: start-up)."""
    from careergap.reading.extractor import Extractor

    argv = ["gaps", "-p", str(profile), "--role", "ML Engineer", "--json", "--postings", str(mine)]
    first = runner.invoke(app, argv)
    assert first.exit_code == 0, first.output
    assert any(g["quote"] for g in json.loads(first.stdout)["gaps"]), "some gap is quoted"

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached gaps built an extractor")

    monkeypatch.setattr(Extractor, "__init__", refuse)
    monkeypatch.setattr(Extractor, "for_texts", refuse)
    again = runner.invoke(app, argv)
    assert (again.exit_code, again.stdout) == (0, first.stdout), again.output
