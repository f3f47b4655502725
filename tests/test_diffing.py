"""diff: which skills changed between two profile versions, and what that did to each family."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careergap.engine.questions import diff_profiles
from careergap.models import RoleFamily
from careergap.reading.requirements import Requirement
from careergap.scoring.diffing import coverage_changes, improvements, level_changes
from careergap.scoring.entries import Entry
from careergap.store.workspace import Workspace, workspace_of


def _entry(pid: str, family: str, skills: list[str]) -> Entry:
    reqs = tuple(Requirement((s,), 1.0, 3, i, f"{s} experience") for i, s in enumerate(skills, 1))
    return Entry(pid, pid, "posting", (family,), "x.txt", reqs)


@pytest.fixture
def ws() -> Workspace:
    families = {
        "mlops": RoleFamily(id="mlops", name="MLOps", description="d"),
        "ds": RoleFamily(id="ds", name="Data Scientist", description="d"),
    }
    entries = {
        "mlops": (_entry("p1", "mlops", ["docker", "kubernetes", "python"]),),
        "ds": (_entry("p2", "ds", ["python", "statistics"]),),
    }
    return workspace_of(None, families, entries, partial={})  # type: ignore[arg-type]


def test_level_changes_cover_gained_up_down_and_dropped() -> None:
    old = {"python": 3, "sql": 2, "r": 2, "excel": 1}
    new = {"python": 4, "sql": 2, "r": 1, "docker": 2}
    assert [(c.skill_id, c.before, c.after, c.kind) for c in level_changes(old, new)] == [
        ("docker", 0, 2, "gained"),
        ("excel", 1, 0, "dropped"),
        ("python", 3, 4, "up"),
        ("r", 2, 1, "down"),
    ]
    assert [c.skill_id for c in improvements(old, new)] == ["docker", "python"]


def test_a_level_of_zero_is_the_same_as_absent() -> None:
    assert level_changes({"python": 0}, {}) == []


def test_coverage_changes_order_by_gain_then_name() -> None:
    rows = coverage_changes(
        {"a": 0.1, "b": 0.2, "c": 0.3}, {"a": 0.2, "b": 0.3, "c": 0.3}, {"a": "Z", "b": "Y"}
    )
    assert [(r.family_id, r.name) for r in rows] == [("b", "Y"), ("a", "Z"), ("c", "c")]
    assert rows[0].delta == pytest.approx(0.1)


def test_learning_kubernetes_moves_mlops_and_not_data_science(ws: Workspace) -> None:
    old = {"python": 3, "docker": 3}
    diff = diff_profiles(ws, old, {**old, "kubernetes": 3})
    assert [(c.skill_id, c.kind) for c in diff.changes] == [("kubernetes", "gained")]
    by_id = {f.family_id: f for f in diff.families}
    assert by_id["mlops"].after > by_id["mlops"].before
    assert by_id["ds"].delta == 0
    assert diff.families[0].family_id == "mlops"


def test_identical_profiles_have_no_changes(ws: Workspace) -> None:
    diff = diff_profiles(ws, {"python": 3}, {"python": 3})
    assert diff.changes == ()
    assert all(f.delta == 0 for f in diff.families)


LEVELS = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), st.integers(0, 5))


@given(LEVELS, LEVELS)
def test_applying_the_changes_to_the_old_profile_gives_the_new_one(
    old: dict[str, int], new: dict[str, int]
) -> None:
    changes = level_changes(old, new)
    rebuilt = {**old, **{c.skill_id: c.after for c in changes}}
    assert {k: v for k, v in rebuilt.items() if v} == {k: v for k, v in new.items() if v}
    assert [c.skill_id for c in changes] == sorted(c.skill_id for c in changes)
    assert all(c.before != c.after for c in changes)
