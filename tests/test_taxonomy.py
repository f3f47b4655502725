"""Taxonomy loading and validation: a broken taxonomy is a DataError naming the skill."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergap.errors import DataError
from careergap.files.loader import dump_yaml
from careergap.files.paths import data_file
from careergap.reading.matching import fold
from careergap.reading.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_data

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy_small.yaml"


def _skill(skill_id: str, **fields: object) -> dict[str, object]:
    return {"id": skill_id, "name": skill_id.title(), "category": "tool", **fields}


@pytest.fixture(scope="module")
def small() -> Taxonomy:
    return load_taxonomy(FIXTURE)


def test_skills_are_keyed_and_sorted_by_id(small: Taxonomy) -> None:
    ids = list(small.skills)
    assert ids == sorted(ids)
    assert small.get("pytorch") is small.skills["pytorch"]
    assert small.get("nope") is None
    assert "pytorch" in small and "nope" not in small
    assert len(small) == len(ids)


def test_name_falls_back_to_the_id(small: Taxonomy) -> None:
    assert small.name("cpp") == "C++"
    assert small.name("no-such-skill") == "no-such-skill"


def test_parents_children_and_ancestors_nearest_first(small: Taxonomy) -> None:
    assert small.parents("markov-decision-process") == ("reinforcement-learning",)
    assert small.ancestors("markov-decision-process") == [
        "reinforcement-learning",
        "machine-learning",
    ]
    assert small.children("machine-learning") == ["pytorch", "reinforcement-learning", "tensorflow"]
    assert small.ancestors("python") == []
    assert small.parents("unknown") == ()


def test_related_is_symmetric(small: Taxonomy) -> None:
    assert small.related("sva") == [("formal-verification", 0.4)]
    assert small.related("formal-verification") == [("sva", 0.4)]
    assert small.related("python") == []


def test_related_keeps_the_larger_weight_and_orders_by_weight_then_id() -> None:
    taxonomy = taxonomy_from_data(
        [
            _skill("a", related=[{"id": "b", "weight": 0.2}, {"id": "c", "weight": 0.2}]),
            _skill("b", related=[{"id": "a", "weight": 0.5}]),
            _skill("c"),
        ],
        "t.yaml",
    )
    assert taxonomy.related("a") == [("b", 0.5), ("c", 0.2)]


def test_load_is_cached_per_path() -> None:
    assert load_taxonomy(FIXTURE) is load_taxonomy(FIXTURE)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([_skill("a"), _skill("a")], "t.yaml: skill 'a': duplicate id"),
        (
            [_skill("a", aliases=["Tensor-Flow"]), _skill("b", aliases=["tensorflow"])],
            "t.yaml: skill 'b': form 'tensorflow' collides with skill 'a'",
        ),
        ([_skill("a", parents=["zz"])], "t.yaml: skill 'a': unknown parent 'zz'"),
        ([_skill("a", parents=["a"])], "t.yaml: skill 'a': is its own parent"),
        (
            [_skill("a", related=[{"id": "zz", "weight": 0.3}])],
            "t.yaml: skill 'a': unknown related skill 'zz'",
        ),
        (
            [_skill("a", parents=["b"]), _skill("b", parents=["c"]), _skill("c", parents=["a"])],
            "parent cycle",
        ),
        ([_skill("a", aliases=["--"])], "t.yaml: skill 'a': form '--' is empty after folding"),
        (
            [_skill("a", related=[{"id": "a", "weight": 0.9}])],
            "t.yaml: skill 'a': related.0.weight: Input should be less than or equal to 0.5",
        ),
        ([{"id": "a", "name": "A"}], "t.yaml: skill 'a': category: Field required"),
        ({"a": 1}, "t.yaml: expected a list of skills, got dict"),
    ],
)
def test_inconsistent_data_is_a_data_error(entries: object, message: str) -> None:
    with pytest.raises(DataError) as info:
        taxonomy_from_data(entries, "t.yaml")
    assert message in str(info.value)


def test_a_missing_or_broken_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="taxonomy file not found"):
        load_taxonomy(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="invalid YAML"):
        load_taxonomy(bad)


def test_a_bad_entry_in_a_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "skills.yaml"
    path.write_text(dump_yaml([_skill("a"), {"id": "b", "name": "B"}]), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_taxonomy(path)
    line = path.read_text(encoding="utf-8").splitlines().index("- id: b") + 1
    assert str(info.value) == f"{path}:{line}: 1.category: Field required"


def test_a_valid_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "skills.yaml"
    path.write_text(dump_yaml([_skill("b", parents=["a"]), _skill("a")]), encoding="utf-8")
    assert list(load_taxonomy(path).skills) == ["a", "b"]


# --- the packaged taxonomy ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def packaged() -> Taxonomy:
    if not data_file("skills.yaml").is_file():
        pytest.skip("careergap/data/skills.yaml is not written yet")
    return load_taxonomy()


def test_the_packaged_taxonomy_loads_with_known_relations(packaged: Taxonomy) -> None:
    for skill in packaged:
        assert all(p in packaged for p in skill.parents)
        assert all(r in packaged for r, _ in packaged.related(skill.id))


def test_every_packaged_form_is_unambiguous_after_folding(packaged: Taxonomy) -> None:
    owners: dict[str, str] = {}
    for skill in packaged:
        for form in (skill.name, *skill.aliases, *skill.exact):
            assert owners.setdefault(fold(form), skill.id) == skill.id
