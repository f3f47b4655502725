"""The shipped resources.yaml: valid, keyed on real skills, every citation checked on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careergap.corpus.resources import RESOURCES_FILE, load_resources, sort_key
from careergap.files.loader import load_trusted_yaml
from careergap.files.paths import data_file

#: The issue's floor for the number of (skill, resource) entries.
MIN_ENTRIES = 150
#: Topic notes list at most this many sub-topics, so a plan step stays readable.
MAX_TOPICS = 12
SOURCE_RE = re.compile(r"^(?P<file>\d{3}_[0-9a-f]+\.txt):(?P<start>\d+)(?:-(?P<end>\d+))?$")
#: URL fragments of job ads and careers pages, which are not study material.
JOB_URL_PARTS = ("career", "/jobs", "join-our-team", "jobs.lever.co", "indeed.", "glassdoor.")
#: Seed 001 is machine-paraphrased ("Deep Studying"); its resources carry the real names.
PARAPHRASED_SEEDS = {"001_8d669a61989c74c3.txt"}
#: Connectives that do not show a topic came from the notes.
STOPWORDS = {"and", "the", "for", "with", "from", "vs", "its", "of", "or", "to", "in"}


@pytest.fixture(scope="module")
def taxonomy():
    from careergap.reading.taxonomy import load_taxonomy

    return load_taxonomy()


@pytest.fixture(scope="module")
def index(taxonomy):
    return load_resources(taxonomy)


@pytest.fixture(scope="module")
def raw() -> dict:
    return load_trusted_yaml(data_file(RESOURCES_FILE))


def _entries(index):
    for skill_id, resources in index.by_skill.items():
        for res in resources:
            yield skill_id, res


def _norm(text: str) -> str:
    """Case, markdown emphasis, punctuation and whitespace folded away."""
    return " ".join(re.sub(r"[^0-9a-z+#]+", " ", text.casefold()).split())


def _title_forms(title: str) -> list[str]:
    """The title, and for ``Main part (expansion)`` titles each of the two parts.

    Parentheses hold what we add to a name as the seeds give it: an acronym's expansion
    ("KDD (...)"), or the author/teacher when the seed text is machine-paraphrased.
    """
    forms = [title]
    m = re.fullmatch(r"(.+?) \((.+)\)", title)
    if m:
        forms += [m.group(1), m.group(2)]
    return forms


def test_the_file_validates_and_every_skill_id_exists(index, taxonomy) -> None:
    assert set(index.by_skill) <= set(taxonomy.skills)


def test_there_are_enough_entries(index) -> None:
    assert len(index) >= MIN_ENTRIES


def test_keys_are_sorted_and_lists_in_display_order(raw, index) -> None:
    assert list(raw) == sorted(raw)
    for skill_id, resources in index.by_skill.items():
        in_file = [r["title"] for r in raw[skill_id]]
        assert in_file == [r.title for r in sorted(resources, key=sort_key)], skill_id


def test_no_duplicate_title_or_url_within_a_skill(index) -> None:
    for skill_id, resources in index.by_skill.items():
        urls = [r.url for r in resources if r.url]
        assert len(urls) == len(set(urls)), skill_id
        titles = [(r.title.casefold(), r.url) for r in resources]
        assert len(titles) == len(set(titles)), skill_id


def test_urls_are_real_links_and_not_job_ads(index) -> None:
    for skill_id, res in _entries(index):
        if res.url is None:
            continue
        assert re.fullmatch(r"https?://\S+", res.url), (skill_id, res.url)
        assert not any(part in res.url.casefold() for part in JOB_URL_PARTS), res.url


def test_kinds_agree_with_their_fields(index) -> None:
    for skill_id, res in _entries(index):
        assert res.why.strip() and "\n" not in res.why, (skill_id, res.title)
        if res.kind == "topic-notes":
            assert 1 <= len(res.topics) <= MAX_TOPICS, res.title
        else:
            assert res.topics == (), res.title
        is_wiki = bool(res.url) and "wikipedia.org/wiki/" in (res.url or "")
        assert is_wiki == (res.kind == "wikipedia"), res.title


def test_every_source_is_a_well_formed_citation(index) -> None:
    for _, res in _entries(index):
        m = SOURCE_RE.match(res.source)
        assert m, res.source
        assert int(m["end"] or m["start"]) >= int(m["start"]), res.source


@pytest.mark.seeds
def test_every_citation_holds_its_url_or_title(index, seeds_dir: Path) -> None:
    lines_of: dict[str, list[str]] = {}
    failures = []
    for skill_id, res in _entries(index):
        m = SOURCE_RE.match(res.source)
        assert m, res.source
        name = m["file"]
        if name not in lines_of:
            path = seeds_dir / name
            assert path.is_file(), f"{res.source}: no such seed file"
            lines_of[name] = path.read_text(encoding="utf-8").split("\n")
        start, end = int(m["start"]), int(m["end"] or m["start"])
        lines = lines_of[name]
        assert 1 <= start <= end <= len(lines), f"{res.source}: outside the file"
        cited = "\n".join(lines[start - 1 : end])
        if res.url:
            ok = res.url in cited
        else:
            ok = any(_norm(form) in _norm(cited) for form in _title_forms(res.title))
        if not ok:
            failures.append(f"{skill_id}: {res.title!r} not at {res.source}")
    assert failures == []


@pytest.mark.seeds
def test_topic_notes_topics_come_from_the_cited_notes(index, seeds_dir: Path) -> None:
    """Every sub-topic shares a real word with the cited lines: topics are taken, not invented."""
    failures = []
    for _, res in _entries(index):
        m = SOURCE_RE.match(res.source)
        if res.kind != "topic-notes" or not m or m["file"] in PARAPHRASED_SEEDS:
            continue
        lines = (seeds_dir / m["file"]).read_text(encoding="utf-8").split("\n")
        words = set(
            _norm(" ".join(lines[int(m["start"]) - 1 : int(m["end"] or m["start"])])).split()
        )
        for topic in res.topics:
            mine = [w for w in _norm(topic).split() if w not in STOPWORDS]
            if not any({w, w.rstrip("s"), w + "s"} & words for w in mine):
                failures.append(f"{res.source}: {topic!r}")
    assert sorted(set(failures)) == [], failures


def test_the_citation_check_can_fail(seeds_dir: Path) -> None:
    """Guard the guard: a title that is not on the cited line is caught."""
    line = (seeds_dir / "004_9cc85b5c947fcb3d.txt").read_text(encoding="utf-8").split("\n")[44]
    assert any(
        _norm(f) in _norm(line) for f in _title_forms("Pattern Recognition and Machine Learning")
    )
    assert not any(_norm(f) in _norm(line) for f in _title_forms("Deep Learning (Goodfellow)"))
