"""The resource loader and the taxonomy fallback, on a small fixture taxonomy."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from careergap.corpus.resources import (
    AttachedResource,
    ResourceIndex,
    load_resources,
    resources_for,
)
from careergap.errors import DataError
from careergap.models import RelatedSkill, Resource, Skill
from careergap.reading.taxonomy import Taxonomy, specific_ancestors, umbrella_skills


def _skill(sid: str, name: str, parents=(), related=()) -> Skill:
    return Skill(
        id=sid,
        name=name,
        category="method",
        parents=tuple(parents),
        related=tuple(RelatedSkill(id=r, weight=w) for r, w in related),
    )


@pytest.fixture
def taxonomy() -> Taxonomy:
    skills = [
        _skill("machine-learning", "machine learning"),
        _skill("deep-learning", "deep learning", parents=["machine-learning"]),
        _skill(
            "pytorch",
            "PyTorch",
            parents=["deep-learning"],
            related=[("keras", 0.2), ("tensorflow", 0.3)],
        ),
        _skill("tensorflow", "TensorFlow", parents=["deep-learning"]),
        _skill("keras", "Keras"),
        _skill("jax", "JAX", parents=["deep-learning"]),
        _skill("flax", "Flax", parents=["jax"]),
        _skill("scikit-learn", "scikit-learn", parents=["machine-learning"]),
        _skill("distributed", "distributed systems"),
        _skill("streaming", "stream processing", parents=["distributed"]),
        _skill("kafka", "Apache Kafka", parents=["streaming"]),
        _skill("lonely", "Lonely"),
    ]
    return Taxonomy(skills, "fixture")


def _res(title: str, kind: str = "docs", url: str | None = None, why: str | None = None) -> dict:
    entry = {"title": title, "kind": kind, "why": why or f"Why {title}.", "source": "004_x.txt:45"}
    if url:
        entry["url"] = url
    return entry


#: A borrowed resource fits only when it teaches the borrowing skill: the descriptions below
#: name the skills each one teaches.
RAW = {
    "machine-learning": [
        _res("PRML", "book"),
        _res("NeurIPS", "conference", why="The main deep learning research conference."),
    ],
    "deep-learning": [
        _res("Deep Learning", "book", why="Deep learning, with PyTorch, JAX and Flax code."),
        _res("PRML", "book"),
    ],
    "pytorch": [
        _res("PyTorch docs", "docs", "https://pytorch.org"),
        _res("A course", "course", why="A course in PyTorch and TensorFlow."),
    ],
    "tensorflow": [
        _res(
            "TensorBoard",
            "docs",
            "https://www.tensorflow.org/tensorboard",
            why="TensorBoard, usable from PyTorch too.",
        )
    ],
    "keras": [_res("Keras notes", "topic-notes")],
    "scikit-learn": [_res("Raschka", "book"), _res("User guide"), _res("API reference")],
    "distributed": [
        _res("CAP notes", "topic-notes", why="The CAP theorem, with Apache Kafka as an example.")
    ],
    "streaming": [_res("Kafka docs", "docs", "https://kafka.apache.org/")],
    "kafka": [_res("Kafka docs", "docs", "https://kafka.apache.org/")],
}


def _load_raw(raw: object, taxonomy: Taxonomy, folder: Path) -> ResourceIndex:
    """``raw`` written as a resources file and read back by the one loader a user's file meets."""
    path = folder / "resources.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return load_resources(taxonomy, path)


@pytest.fixture
def index(taxonomy: Taxonomy, tmp_path: Path) -> ResourceIndex:
    return _load_raw(RAW, taxonomy, tmp_path)


def _titles(attached: list[AttachedResource]) -> list[tuple[str, str | None]]:
    return [(a.resource.title, a.via) for a in attached]


# --- loading and validation ----------------------------------------------------------------


def test_index_orders_each_skill_by_kind_priority_then_title(index: ResourceIndex) -> None:
    assert [r.title for r in index.own("pytorch")] == ["A course", "PyTorch docs"]
    assert [r.title for r in index.own("machine-learning")] == ["PRML", "NeurIPS"]
    assert len(index) == 14


def test_index_order_does_not_depend_on_file_order(taxonomy: Taxonomy, tmp_path: Path) -> None:
    shuffled = {k: random.Random(7).sample(v, len(v)) for k, v in reversed(list(RAW.items()))}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = _load_raw(RAW, taxonomy, tmp_path / "a")
    b = _load_raw(shuffled, taxonomy, tmp_path / "b")
    assert a.by_skill == b.by_skill
    assert list(a.by_skill) == list(b.by_skill)


def test_unknown_skill_id_is_a_data_error(taxonomy: Taxonomy, tmp_path: Path) -> None:
    with pytest.raises(DataError) as exc:
        _load_raw({"pytorhc": [_res("x")]}, taxonomy, tmp_path)
    assert "resources.yaml" in str(exc.value)
    assert "pytorhc" in str(exc.value) and "unknown skill id" in str(exc.value)


def test_every_invalid_entry_is_reported_at_once(taxonomy: Taxonomy, tmp_path: Path) -> None:
    raw = {
        "jax": [{"title": "JAX", "kind": "video", "why": "w", "source": "s"}],
        "keras": [{"title": "Keras", "kind": "docs", "source": "s", "colour": "red"}],
    }
    with pytest.raises(DataError) as exc:
        _load_raw(raw, taxonomy, tmp_path)
    text = str(exc.value)
    assert "jax" in text and "kind" in text
    assert "keras" in text and "why" in text and "colour" in text


@pytest.mark.parametrize("raw", [[], "text"])
def test_a_file_that_is_not_a_mapping_is_a_data_error(
    raw: object, taxonomy: Taxonomy, tmp_path: Path
) -> None:
    with pytest.raises(DataError, match="resources.yaml"):
        _load_raw(raw, taxonomy, tmp_path)


def test_an_empty_list_for_a_skill_is_a_data_error(taxonomy: Taxonomy, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="jax"):
        _load_raw({"jax": []}, taxonomy, tmp_path)


def test_load_resources_reads_a_yaml_file(taxonomy: Taxonomy, tmp_path: Path) -> None:
    path = tmp_path / "res.yaml"
    path.write_text(
        "jax:\n- title: google/jax\n  kind: repository\n  url: https://github.com/google/jax\n"
        "  why: Source.\n  source: 002_d3afff88b32231de.txt:3775\n",
        encoding="utf-8",
    )
    index = load_resources(taxonomy, path)
    assert index.own("jax") == (
        Resource(
            title="google/jax",
            kind="repository",
            url="https://github.com/google/jax",
            why="Source.",
            source="002_d3afff88b32231de.txt:3775",
        ),
    )
    path.write_text("nope:\n- {title: t, kind: docs, why: w, source: s}\n", encoding="utf-8")
    with pytest.raises(DataError, match="res.yaml:1: nope: unknown skill id"):
        load_resources(taxonomy, path)
    path.write_text("jax: []\nkeras:\n- {title: t, kind: video, why: w, source: s}\n", "utf-8")
    with pytest.raises(DataError) as exc:
        load_resources(taxonomy, path)
    lines = str(exc.value).splitlines()
    assert lines[0].endswith(
        "res.yaml:1: jax: List should have at least 1 item after validation, not 0"
    )
    assert lines[1].startswith(f"{path}:3: keras.0.kind: Input should be 'book'")


# --- attaching and falling back -------------------------------------------------------------


def test_own_resources_come_first_without_a_via_label(taxonomy, index) -> None:
    got = resources_for("pytorch", taxonomy, index=index)
    assert _titles(got)[:2] == [("A course", None), ("PyTorch docs", None)]
    assert got[0].skill_id == "pytorch"


def test_fallback_order_is_nearest_parents_then_related_by_weight(taxonomy, index) -> None:
    got = resources_for("pytorch", taxonomy, index=index)
    assert _titles(got) == [
        ("A course", None),
        ("PyTorch docs", None),
        ("Deep Learning", "deep learning"),
        # PRML does not teach PyTorch, nor do Keras notes: neither is borrowed. Machine learning
        # (a grandparent) is not consulted: deep learning already lends.
        ("TensorBoard", "TensorFlow"),  # related weight 0.3 before keras at 0.2
    ]


def test_a_parent_without_resources_is_skipped_for_the_next_generation(taxonomy, index) -> None:
    got = resources_for("flax", taxonomy, index=index)
    assert _titles(got) == [("Deep Learning", "deep learning")]


def test_a_generation_that_only_repeats_own_resources_is_passed_over(taxonomy, index) -> None:
    got = resources_for("kafka", taxonomy, index=index)
    assert _titles(got) == [("Kafka docs", None), ("CAP notes", "distributed systems")]


def test_a_skill_with_enough_of_its_own_does_not_borrow(taxonomy, index) -> None:
    got = resources_for("scikit-learn", taxonomy, index=index)
    assert _titles(got) == [("Raschka", None), ("API reference", None), ("User guide", None)]


def test_a_resource_filed_under_two_lenders_is_offered_once(taxonomy, index) -> None:
    got = resources_for("deep-learning", taxonomy, index=index)
    assert _titles(got) == [
        ("Deep Learning", None),
        ("PRML", None),
        ("NeurIPS", "machine learning"),
    ]


def test_a_skill_without_resources_borrows_them_labelled(taxonomy, index) -> None:
    got = resources_for("jax", taxonomy, limit=2, index=index)
    assert _titles(got) == [("Deep Learning", "deep learning")]
    assert got[0].skill_id == "deep-learning"


def test_limit_keeps_own_resources_and_stops_early(taxonomy, index) -> None:
    assert _titles(resources_for("pytorch", taxonomy, limit=1, index=index)) == [("A course", None)]
    assert len(resources_for("pytorch", taxonomy, limit=3, index=index)) == 3
    assert resources_for("pytorch", taxonomy, limit=0, index=index) == []


def test_a_skill_with_nothing_anywhere_gets_an_empty_list(taxonomy, index) -> None:
    assert resources_for("lonely", taxonomy, index=index) == []
    assert resources_for("not-a-skill", taxonomy, index=index) == []


def test_payload_has_the_json_contract_keys(taxonomy, index) -> None:
    payload = resources_for("jax", taxonomy, limit=1, index=index)[0].to_payload()
    assert payload == {
        "title": "Deep Learning",
        "kind": "book",
        "url": None,
        "source": "004_x.txt:45",
        "via": "deep learning",
        "why": "Deep learning, with PyTorch, JAX and Flax code.",
        "topics": [],
    }


def test_related_skills_lend_in_both_directions(taxonomy, index) -> None:
    got = resources_for("tensorflow", taxonomy, index=index)
    assert _titles(got)[0] == ("TensorBoard", None)
    assert ("A course", "PyTorch") in _titles(got)


def test_umbrella_skills_do_not_lend(tmp_path: Path) -> None:
    """A root above most of a big taxonomy (computer science) lends nothing; a real parent does."""
    leaves = [
        _skill(f"tool-{i:02d}", f"Tool {i}", parents=["topic" if i < 40 else "cs"])
        for i in range(60)
    ]
    skills = [_skill("cs", "computer science"), _skill("topic", "Topic", parents=["cs"])]
    skills += [_skill("linux", "Linux", parents=["cs"])] + leaves
    tax = Taxonomy(skills, "fixture")
    raw = {
        "cs": [_res("Algorithms", "book")],
        "topic": [_res("Topic notes", "topic-notes", why="Notes on every tool, Tool 7 included.")],
    }
    index = _load_raw(raw, tax, tmp_path)
    assert umbrella_skills(tax) == frozenset({"cs"})
    # An umbrella is no one's prerequisite either (``careergap plan``).
    assert all("cs" not in specific_ancestors(tax, sid) for sid in tax.skills)
    assert resources_for("linux", tax, index=index) == []
    assert _titles(resources_for("tool-07", tax, index=index)) == [("Topic notes", "Topic")]
    assert _titles(resources_for("cs", tax, index=index)) == [("Algorithms", None)]


def test_a_borrowed_resource_that_does_not_teach_the_skill_is_not_offered(
    taxonomy: Taxonomy, tmp_path: Path
) -> None:
    raw = {"deep-learning": [_res("Deep Learning", "book"), _res("PRML", "book")]}
    index = _load_raw(raw, taxonomy, tmp_path)
    assert resources_for("pytorch", taxonomy, index=index) == []
    assert _titles(resources_for("deep-learning", taxonomy, index=index)) == [
        ("Deep Learning", None),
        ("PRML", None),
    ]


def test_interview_advice_is_never_a_study_resource_for_a_technical_skill(tmp_path: Path) -> None:
    skills = [
        Skill(id="communication", name="Communication", category="soft-skill"),
        Skill(
            id="japanese", name="Japanese", category="human-language", parents=("communication",)
        ),
        Skill(id="algorithms", name="Algorithms", category="field"),
    ]
    tax = Taxonomy(skills, "fixture")
    advice = [
        _res("STAR technique", "topic-notes", why="Answering behavioural questions."),
        _res("Phone screen", "topic-notes", why="Phone-screen questions on algorithms."),
    ]
    raw = {
        "communication": advice,
        "algorithms": [*advice, _res("Cracking the Coding Interview", "book", why="Algorithms.")],
    }
    index = _load_raw(raw, tax, tmp_path)
    assert [a.resource.title for a in resources_for("communication", tax, index=index)] == [
        "Phone screen",
        "STAR technique",
    ]
    assert [a.resource.title for a in resources_for("algorithms", tax, index=index)] == [
        "Cracking the Coding Interview"
    ]
    # Japanese could borrow from communication, but nothing there teaches Japanese.
    assert resources_for("japanese", tax, index=index) == []


@pytest.mark.parametrize(
    ("skill", "wrong"),
    [
        ("large-language-models", "WWDC"),
        ("computer-science", "Phone screen"),
        ("japanese", "STAR technique"),
        ("natural-language-processing", "WWDC"),
        ("machine-learning", "Insight questions"),
    ],
)
def test_shipped_resources_that_do_not_fit_are_not_offered(skill: str, wrong: str) -> None:
    from careergap.reading.taxonomy import load_taxonomy

    titles = [a.resource.title for a in resources_for(skill, load_taxonomy())]
    assert not [t for t in titles if wrong in t], titles
