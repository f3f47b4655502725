"""The compiled taxonomy and matcher kept in the cache folder (careergap.files.compiled)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from careergap.files import compiled
from careergap.files.paths import data_file, user_cache_dir
from careergap.reading import extractor, matchers, taxonomy

TEXT = (
    "Requirements:\n- 3+ years of Python, PyTorch and Kubernetes; C++ or Go a plus.\n"
    "- Experience with machine-learning pipelines (Apache Spark, SQL) and CI/CD.\n"
)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the per-process copies, so each load reads the cache folder again."""
    _forget()
    yield
    _forget()


def _forget() -> None:
    taxonomy._load_cached.cache_clear()
    matchers.compile_matchers.cache_clear()
    matchers._body.cache_clear()


def _files(kind: str) -> list[Path]:
    folder = user_cache_dir()
    return sorted(folder.glob(f"{kind}-*.json")) if folder.is_dir() else []


def _load() -> taxonomy.Taxonomy:
    _forget()
    return taxonomy.load_taxonomy()


def _mentions(tax: taxonomy.Taxonomy) -> list[tuple[str, int, int, str]]:
    return [tuple(m) for m in extractor.Extractor(tax).find(TEXT)]


Reference = tuple[taxonomy.Taxonomy, list[tuple[str, int, int, str]]]


@pytest.fixture(scope="module")
def reference() -> Reference:
    """The taxonomy and mentions straight from the YAML, bypassing every compiled file."""
    from careergap.files.loader import load_trusted_yaml

    tax = taxonomy.taxonomy_from_data(load_trusted_yaml(data_file("skills.yaml")), "ref")
    return tax, _mentions(tax)


@pytest.mark.cold_cache
def test_a_second_load_reads_the_compiled_files_and_answers_the_same(
    fresh: None, monkeypatch: pytest.MonkeyPatch, reference: Reference
) -> None:
    reference_tax, expected = reference
    first = _load()
    assert _mentions(first) == expected
    assert len(_files("taxonomy")) == 1 and len(_files("matcher")) == 1

    def no_yaml(path: Path) -> object:
        raise AssertionError("skills.yaml was parsed although its compiled form is current")

    monkeypatch.setattr("careergap.files.loader.load_trusted_yaml", no_yaml)
    monkeypatch.setattr(matchers, "_forms", lambda tax: pytest.fail("the tries were rebuilt"))
    second = _load()
    assert list(second.skills) == list(reference_tax.skills)
    assert all(second.skills[s] == reference_tax.skills[s] for s in reference_tax.skills)
    assert [second.related(s) for s in reference_tax.skills] == [
        reference_tax.related(s) for s in reference_tax.skills
    ]
    # The folded names a typed name is looked up in come with it, as folding would give them.
    assert second._folded is not None
    assert second.folded_names() == reference_tax.folded_names()
    assert second._umbrellas is not None  # ...and its umbrella skills, as counting gives them
    assert taxonomy.umbrella_skills(second) == taxonomy.umbrella_skills(reference_tax)
    assert _mentions(second) == expected


def _rewrite(path: Path, edit: object) -> None:
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    new_body = json.dumps(edit(json.loads(body))).encode()  # type: ignore[operator]
    header["sha256"] = hashlib.sha256(new_body).hexdigest()  # a careful hand edit
    path.write_bytes(json.dumps(header).encode() + b"\n" + new_body)


def _skills(edit: object) -> object:
    """An edit of the compiled skills' rows, the rest of the body kept."""
    return lambda body: {**body, "skills": edit(body["skills"])}  # type: ignore[operator]


def _cycle(rows: list) -> list:
    rows[0][6] = [rows[0][0]]  # its own parent
    return rows


DAMAGE = {
    "garbage": lambda p: p.write_bytes(b"\x80\x00not json at all"),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "flipped-byte": lambda p: p.write_bytes(p.read_bytes()[:-10] + b"X" + p.read_bytes()[-9:]),
    "bad-category": lambda p: _rewrite(
        p, _skills(lambda rows: [[*rows[0][:2], "nope", *rows[0][3:]], *rows[1:]])
    ),
    "parent-cycle": lambda p: _rewrite(p, _skills(_cycle)),
    "unsorted": lambda p: _rewrite(p, _skills(lambda rows: rows[::-1])),
    "short-row": lambda p: _rewrite(p, _skills(lambda rows: [rows[0][:8], *rows[1:]])),
    "no-names": lambda p: _rewrite(p, lambda body: {"skills": body["skills"]}),
    "no-umbrellas": lambda p: _rewrite(p, lambda body: {**body, "umbrellas": None}),
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_a_damaged_compiled_taxonomy_is_rebuilt_silently(
    how: str, fresh: None, capsys: pytest.CaptureFixture[str], reference: Reference
) -> None:
    reference_tax, expected = reference
    _mentions(_load())  # written here if the warm home does not hold them yet
    (path,) = _files("taxonomy")
    DAMAGE[how](path)
    again = _load()
    assert list(again.skills) == list(reference_tax.skills)
    assert _mentions(again) == expected
    assert capsys.readouterr().err == ""
    # ...and the file is whole again: the next load reads it.
    assert taxonomy._from_body(compiled.read("taxonomy", again.key), "x", again.key) is not None


@pytest.mark.parametrize(
    "edit",
    [
        lambda body: {**body, "ci_forms": {"python": "no-such-skill"}},
        lambda body: [body],
        lambda body: {**body, "ci": "(unclosed"},
        lambda body: {**body, "ci_entries": [["python", 3]]},
    ],
)
def test_a_damaged_compiled_matcher_is_rebuilt(
    edit: object, fresh: None, reference: Reference
) -> None:
    _, expected = reference
    _mentions(_load())  # written here if the warm home does not hold them yet
    (path,) = _files("matcher")
    _rewrite(path, edit)
    assert _mentions(_load()) == expected


@pytest.mark.cold_cache
def test_a_fifo_or_folder_in_the_cache_place_is_a_miss(
    fresh: None, reference: Reference
) -> None:
    _, expected = reference
    tax = _load()
    (path,) = _files("taxonomy")
    path.unlink()
    os.mkfifo(path)  # an open() without O_NONBLOCK would hang here
    assert _mentions(_load()) == expected
    assert compiled.read("taxonomy", tax.key) is not None  # the rebuild replaced the FIFO
    path.unlink()
    path.mkdir()  # a folder cannot be replaced: every load rebuilds, and answers the same
    assert _mentions(_load()) == expected
    assert path.is_dir()


@pytest.mark.cold_cache
def test_an_unwritable_cache_folder_costs_only_the_rebuild(
    fresh: None, capsys: pytest.CaptureFixture[str], reference: Reference
) -> None:
    _, expected = reference
    user_cache_dir().parent.mkdir(parents=True, exist_ok=True)
    user_cache_dir().write_text("a file where the cache folder should be", encoding="utf-8")
    assert _mentions(_load()) == expected
    assert _mentions(_load()) == expected
    assert capsys.readouterr().err == ""


def test_the_key_follows_the_file_and_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    data = data_file("skills.yaml").read_bytes()
    key = compiled.content_key(data)
    assert compiled.content_key(data + b"\n# edited\n") != key
    monkeypatch.setattr(compiled, "_code", b"other code")
    assert compiled.content_key(data) != key


def test_the_compiled_file_is_plain_json_with_its_digest(fresh: None) -> None:
    tax = _load()
    assert tax.key
    path = compiled.cache_file("taxonomy", tax.key)
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    assert header["format"] == compiled.FORMAT and header["key"] == tax.key
    assert header["sha256"] == hashlib.sha256(body).hexdigest()
    assert len(json.loads(body)["skills"]) == len(tax)


@pytest.mark.cold_cache
def test_resources_are_read_compiled_and_a_damaged_copy_is_rebuilt(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careergap.corpus import resources

    tax = _load()
    resources._load_packaged.cache_clear()
    expected = resources.load_resources(tax)
    assert expected.own("python")
    (path,) = _files("resources")
    real_load = resources._load

    def refuse(*args: object) -> None:
        raise AssertionError("resources.yaml parsed although its compiled copy is whole")

    monkeypatch.setattr(resources, "_load", refuse)
    resources._load_packaged.cache_clear()
    assert resources.load_resources(tax) == expected
    monkeypatch.setattr(resources, "_load", real_load)
    _rewrite(path, lambda body: {"python": [["only a title"]]})  # digest agrees, shape does not
    resources._load_packaged.cache_clear()
    assert resources.load_resources(tax) == expected
    resources._load_packaged.cache_clear()
