"""Shared fixtures: a fixed terminal, an isolated user home, and the seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

#: The seed documents ship inside the repository (``seeds/``), so a clone has them.
SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fixed width, no colour, and a private CAREERGAP_HOME so tests never touch real user files."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("CAREERGAP_HOME", str(tmp_path / "cg-home"))
    monkeypatch.delenv("CAREERGAP_PROFILE", raising=False)


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
