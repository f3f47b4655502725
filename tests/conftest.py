"""Shared fixtures: a fixed terminal, an isolated user home, and the seed documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

#: The seed documents ship inside the repository (``tests/seeds/``), so a clone has them.
SEEDS_DIR = Path(__file__).resolve().parents[0] / "seeds"


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
