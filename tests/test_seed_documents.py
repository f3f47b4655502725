"""The seed documents ship in the repository unchanged, so provenance and rebuilds hold in a
clone."""

from __future__ import annotations

import hashlib
from pathlib import Path


def _recorded(seeds_dir: Path) -> dict[str, str]:
    lines = (seeds_dir / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_every_seed_is_byte_for_byte_the_recorded_document(seeds_dir: Path) -> None:
    recorded = _recorded(seeds_dir)
    assert sorted(p.name for p in seeds_dir.glob("*.txt")) == sorted(recorded)
    assert len(recorded) == 5
    for name, digest in recorded.items():
        assert hashlib.sha256((seeds_dir / name).read_bytes()).hexdigest() == digest, name


def test_git_keeps_the_seed_bytes() -> None:
    attributes = (Path(__file__).resolve().parents[1] / ".gitattributes").read_text("utf-8")
    assert "tests/seeds/*.txt -text" in attributes.splitlines()
