"""Shared fixtures: a fixed terminal, an isolated user home, and the seed documents when present."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The seed documents sit beside the checkout in the development and CI layout.
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fixed width, no colour, and a private CAREERGAP_HOME so tests never touch real user files."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("CAREERGAP_HOME", str(tmp_path / "cg-home"))
    monkeypatch.delenv("CAREERGAP_PROFILE", raising=False)


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS_DIR
