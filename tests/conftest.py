"""Shared fixtures: a fixed terminal, an isolated user home, the seed documents, builds shared
across the session, and the rule that no test skips silently."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

#: The seed documents ship inside the repository (``tests/seeds/``), so a clone has them.
SEEDS_DIR = Path(__file__).resolve().parents[0] / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _shared_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds of the same files are done once per session (see "work the session shares" below
    for why that changes no test's meaning). A session-wide CAREERGAP_HOME too: module- and
    session-scoped fixtures run before each test's own home is set (``_isolated_env``), and
    must never read or write the real user's cache or history."""
    from careergap.store import cache

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache, "build", SharedBuilds(cache.build))
        mp.setenv("CAREERGAP_HOME", str(tmp_path_factory.mktemp("session-home")))
        yield


@pytest.fixture(scope="session")
def _warm_cache_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundled corpus's cache files, built once per session: a cold build costs about a
    second of CPU, and hundreds of tests run a command on the bundled corpus."""
    from careergap.store import cache

    home = tmp_path_factory.mktemp("warm-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAREERGAP_HOME", str(home))
        cache.cached_workspace()
    return sorted((home / "cache").iterdir())


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> None:
    """Fixed width, no colour, and a private CAREERGAP_HOME so tests never touch real user files.

    The home is outside ``tmp_path`` (tests may list theirs) and starts with a copy (never a
    link: a test may damage it) of the bundled corpus's cache; for a test marked ``cold_cache``
    it does not exist yet, as for a new user.
    """
    home = tmp_path_factory.mktemp("home") / "cg-home"
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("CAREERGAP_HOME", str(home))
    monkeypatch.delenv("CAREERGAP_PROFILE", raising=False)
    if request.node.get_closest_marker("cold_cache") is None:
        folder = home / "cache"
        folder.mkdir(parents=True)
        for source in request.getfixturevalue("_warm_cache_files"):
            shutil.copyfile(source, folder / source.name)


@pytest.fixture
def seeds_dir() -> Path:
    """The repository's seed documents; never skipped: a checkout without them is broken."""
    return SEEDS_DIR


# --- no silent skips -------------------------------------------------------------------------

#: The only skips a run may have: test -> the reason it must give. Any other skip fails the run
#: (after the summary names it), so a missing file or package can never hide behind an "s".
ALLOWED_SKIPS: dict[str, str] = {
    # Permission bits do not stop root (CI runs as root); the mocked variant always runs.
    "tests/test_loader.py::test_unreadable_file_for_real": "root reads anything",
    # Needs fork() and /proc; on Linux it always runs.
    "tests/test_readahead.py::test_a_worker_exits_soon_after_careergap_is_killed": "Linux",
    # The outside gold texts are checked against SkillSpan as found in ../shared/evaldata (not
    # shipped); the gold files themselves carry the text, and every other gold test runs.
    "tests/test_gold.py::test_outside_text_is_verbatim": (
        "../shared/evaldata is not beside this checkout"
    ),
}
_unexpected_skips: list[str] = []


def _note_skip(report: pytest.CollectReport | pytest.TestReport) -> None:
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    reason = reason.removeprefix("Skipped: ")
    if ALLOWED_SKIPS.get(report.nodeid.split("[", 1)[0]) != reason:
        _unexpected_skips.append(f"{report.nodeid}: {reason}")


def pytest_collectreport(report: pytest.CollectReport) -> None:
    _note_skip(report)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _note_skip(report)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _unexpected_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _unexpected_skips:
        terminalreporter.section("unexpected skips (see ALLOWED_SKIPS in tests/conftest.py)")
        for line in _unexpected_skips:
            terminalreporter.line(line, red=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/golden/*.txt from the current output instead of comparing "
        "(then review the diff with git diff tests/golden).",
    )


# --- work the session shares ---------------------------------------------------------------
#
# Work the test session does once and shares: corpus builds. (A cached run's taxonomy needs no
# sharing: careergap reads it from its compiled file once per process, careergap.files.compiled.)
#
# Hundreds of tests run a command on the bundled corpus, and each run in this process would redo
# work whose result depends only on file contents:
#
# - a **cold build** (no usable cache) extracts every posting again, about a second of CPU, though
#   most builds in the suite read the same files (the bundled corpus, often with the same one-
#   posting user folder beside it).
#
# A build is a pure function of its input files (the product's cache is keyed on their contents
# for that reason, and ``tests/test_cache.py`` checks that a restored workspace equals a fresh
# build), so the session keeps what it built, keyed on the contents of exactly the files the
# cache's own inventory lists, and a later build of the same inputs returns the kept workspace.
# The first build of each distinct input runs in full; everything around them
# runs every time: the cache files are fingerprinted, written, read, checked, and rebuilt when
# damaged, and the tests that count builds still see every build the cache asks for. Nothing is
# kept when a test has replaced a function the build calls, or when a progress bar was asked for.

#: Distinct build inputs kept (least recently used dropped): each workspace is tens of MB.
KEEP_BUILDS = 6


def _digest(path: str | Path) -> str:
    return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()


def inputs_key(extra: Sequence[Path]) -> Hashable | None:
    """The contents of every file a build of ``extra`` reads, by folder role and file name; None
    when one is not a regular file or cannot be read (the build then reports it)."""
    from careergap.corpus.userpostings import postings_dir
    from careergap.files.paths import bundled_postings_dir, data_file
    from careergap.store import cache
    from careergap.store.cache_inventory import DATA_FILES

    bundled, saved = bundled_postings_dir(), postings_dir()
    parts: list[Hashable] = []
    try:
        for name in DATA_FILES:
            parts.append((name, _digest(data_file(name))))
        for folder in cache.corpus_folders(extra):
            role = "bundled" if folder == bundled else "saved" if folder == saved else "extra"
            with os.scandir(folder) as listing:
                found = sorted((e.name, e.path) for e in listing if e.name.endswith(".yaml"))
            files: list[tuple[str, str]] = []
            for name, path in found:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    return None  # a FIFO or device: never opened here
                files.append((name, _digest(path)))
            parts.append((role, tuple(files)))
    except OSError:
        return None
    return tuple(parts)


def _build_parts() -> tuple[Callable[..., Any], ...]:
    """The functions ``careergap.store.cache.build`` calls, as currently bound."""
    from careergap.corpus import load
    from careergap.reading import taxonomy
    from careergap.store import cache, streamed

    return (
        streamed.compile_corpus,
        load.bundled_postings,
        load.read_user_posting,
        cache.per_family,
        cache.workspace_of,
        taxonomy.load_taxonomy,
    )


class SharedBuilds:
    """Stands in for ``careergap.store.cache.build`` for the session."""

    def __init__(self, real: Callable[..., Any]):
        self.real = real
        self.parts = _build_parts()
        self.kept: OrderedDict[Hashable, Any] = OrderedDict()

    def __call__(
        self,
        extra: Sequence[Path],
        show_progress: bool,
        total: int | None = None,
        progress: Any = None,
    ) -> Any:
        key = None
        if not show_progress and _build_parts() == self.parts:
            key = inputs_key(extra)
        if key is not None and key in self.kept:
            self.kept.move_to_end(key)
            return self.kept[key]
        if progress is None:
            workspace = self.real(extra, show_progress, total)
        else:
            workspace = self.real(extra, show_progress, total, progress)
        if key is not None:
            self.kept[key] = workspace
            while len(self.kept) > KEEP_BUILDS:
                self.kept.popitem(last=False)
        return workspace

