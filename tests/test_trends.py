"""Trends over a profile's snapshots: each family's coverage run by run, skills gained."""

from __future__ import annotations

import pytest

from careergap.engine import trends
from careergap.store.history import Snapshot


def _snap(at: str, levels: dict[str, int], cov: dict[str, float]) -> Snapshot:
    return Snapshot(at=at, profile="/me.yaml", profile_hash="h", levels=levels, coverages=cov)


def test_progress_trends_and_improvements() -> None:
    snaps = [
        _snap("1", {"python": 3, "sql": 2}, {"mle": 0.2, "ds": 0.5}),
        _snap("2", {"python": 3, "sql": 2}, {"mle": 0.3}),
        _snap("3", {"python": 4, "sql": 1, "docker": 2}, {"mle": 0.35, "ds": 0.45}),
    ]
    result = trends.progress(snaps)
    assert [t.family_id for t in result.trends] == ["ds", "mle"]
    ds, mle = result.trends
    assert ds.values == (0.5, None, 0.45)
    assert ds.since_first == pytest.approx(-0.05)
    assert ds.since_last == pytest.approx(-0.05)
    assert mle.since_first == pytest.approx(0.15)
    assert mle.since_last == pytest.approx(0.05)
    assert [(c.skill_id, c.before, c.after, c.kind) for c in result.improved] == [
        ("docker", 0, 2, "gained"),
        ("python", 3, 4, "up"),
    ]


def test_progress_filters_families_and_handles_one_snapshot() -> None:
    result = trends.progress([_snap("1", {}, {"mle": 0.2, "ds": 0.5})], only=("mle",))
    assert [t.family_id for t in result.trends] == ["mle"]
    assert result.trends[0].since_last == 0.0
    assert trends.progress([]).trends == ()
