"""Hypothesis fuzzing of the three parsers that see untrusted text.

* the profile loader: any bytes give a profile or a CareergapError, never another exception;
* the posting parsers: seed-like TAB-indented notes (the corpus pipeline) and pasted ads (user
  postings) never crash, and a parsed ad written as YAML reads back to the same posting;
* extraction: mentions are in range, in order, non-overlapping, known skills, deterministic.

Each property runs ``EXAMPLES`` examples; the module stays well under a minute.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careergap.errors import CareergapError
from careergap.models import Posting
from careergap.reading.extractor import Extractor
from careergap.reading.requirements import requirements_for_line
from careergap.reading.taxonomy import load_taxonomy

#: The issue asks for at least 500 examples per fuzzed parser.
EXAMPLES = 500
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAXONOMY = load_taxonomy()
EXTRACTOR = Extractor(TAXONOMY)
#: Real surface forms, so generated text actually contains skills (and near-misses of them).
FORMS = sorted({form for s in TAXONOMY for form in (s.name, *s.aliases, *s.exact)})[:400]

words = st.one_of(
    st.sampled_from(FORMS),
    st.sampled_from(["and", "or", "such as", "e.g.", "/", ",", "(", ")", "strong", "a plus"]),
    st.text(max_size=12),
)
phrases = st.lists(words, max_size=12).map(" ".join)


# --- the profile loader ---------------------------------------------------------------------

yaml_scalars = st.one_of(
    st.integers(-10, 10),
    st.sampled_from(["3", "2.5", "~", "null", "yes", "[1, 2]", "{a: 1}", "&a 1", "*a", "!!str 3"]),
    st.sampled_from(FORMS[:50]),
    st.text(max_size=10),
)
profile_lines = st.one_of(
    st.tuples(st.sampled_from(["name", "skills", "target_roles", "other"]), yaml_scalars).map(
        lambda kv: f"{kv[0]}: {kv[1]}"
    ),
    st.tuples(
        st.sampled_from(["  ", "    ", "\t", ""]), st.sampled_from(FORMS[:80]), yaml_scalars
    ).map(lambda t: f"{t[0]}{t[1]}: {t[2]}"),
    st.tuples(st.sampled_from(["level", "since", "evidence", "note", "colour"]), yaml_scalars).map(
        lambda kv: f"    {kv[0]}: {kv[1]}"
    ),
    st.sampled_from(["skills:", "target_roles: [mlops]", "- x", "# comment", "---", ""]),
)
profile_texts = st.lists(profile_lines, max_size=15).map(
    lambda lines: ("\n".join(["skills:", *lines]) + "\n").encode("utf-8")
)


def _load_profile_bytes(data: bytes) -> None:
    from careergap.reading.profile import load_profile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "me.yaml"
        path.write_bytes(data)
        try:
            loaded = load_profile(path, TAXONOMY)
        except CareergapError as exc:
            assert str(exc).strip(), "an error always says something"
            return
    for skill_id, level in loaded.levels.items():
        assert skill_id in TAXONOMY.skills
        assert 0 <= level <= 5


@FUZZ
@given(st.one_of(st.binary(max_size=400), profile_texts))
def test_profile_loader_gives_a_profile_or_a_clean_error(data: bytes) -> None:
    _load_profile_bytes(data)


# --- posting parsers ------------------------------------------------------------------------

seed_lines = st.one_of(
    st.sampled_from(
        [
            "#\tMachine Learning",
            "##\tData Engineer",
            "+ skill set:",
            "+ skill set for senior data engineer:",
            "+ tech stack:",
            "Notes about NLP",
            "",
        ]
    ),
    st.tuples(st.integers(0, 3), phrases).map(lambda t: "\t" * t[0] + "+ " + t[1]),
    st.tuples(st.integers(0, 2), phrases).map(lambda t: "\t" * t[0] + t[1]),
)


@FUZZ
@given(st.lists(seed_lines, max_size=40))
def test_seed_like_notes_parse_into_sane_blocks(lines: list[str]) -> None:
    from careergap.corpus.build.seeds import parse_notes_seed, read_lines
    from careergap.corpus.build.shape import shape_block

    text = "\n".join(lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "002_notes.txt"
        path.write_text(text, encoding="utf-8")
        if "\x00" in text:  # not a text file: one located error, as for every file read
            from careergap.files.userfiles import UserFileError

            with pytest.raises(UserFileError, match=r"002_notes\.txt:\d+:\d+: contains a NUL"):
                list(parse_notes_seed(path))
            return
        blocks = list(parse_notes_seed(path))
        # Counted as the seed reader counts lines (a lone CR is a line break too).
        total = len(read_lines(path))
    for block in blocks:
        assert 1 <= block.start <= block.end <= total
        for seed_line in block.lines:
            assert 1 <= seed_line.number <= total
        draft = shape_block(block)
        if draft is not None:
            assert draft.lines
            assert all(line.text.strip() for line in draft.lines)


ads = st.lists(
    st.one_of(phrases, st.sampled_from(["", "Requirements:", "Nice to have:"])), max_size=20
)


@FUZZ
@given(ads)
def test_a_pasted_ad_parses_and_round_trips_through_yaml(lines: list[str]) -> None:
    from careergap.corpus.userpostings import parse_posting, posting_yaml
    from careergap.files.loader import read_user_yaml

    text = "\n".join(lines)
    try:
        pasted = parse_posting(text, "data-engineer", EXTRACTOR.find, where="ad.txt")
    except CareergapError as exc:
        assert str(exc).startswith("ad.txt: ")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(posting_yaml(pasted.posting), encoding="utf-8")
        assert Posting.model_validate(read_user_yaml(path).data) == pasted.posting


# --- extraction -----------------------------------------------------------------------------


@FUZZ
@given(st.one_of(phrases, st.text(max_size=300)))
def test_extraction_finds_ordered_in_range_known_mentions(text: str) -> None:
    mentions = EXTRACTOR.find(text)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        assert mention.skill_id in TAXONOMY.skills
        assert mention.start >= previous_end, "mentions never overlap"
        previous_end = mention.end
    assert EXTRACTOR.find(text) == mentions
    for requirement in requirements_for_line(1, text or "x", True, mentions):
        assert requirement.options
        assert set(requirement.options) <= {m.skill_id for m in mentions}
        assert 2 <= requirement.target <= 5


@pytest.mark.parametrize("text", ["", " ", "\x00", "\u200b" * 50, "C" * 10_000, "Python, " * 2000])
def test_extraction_edge_cases(text: str) -> None:
    mentions = EXTRACTOR.find(text)
    assert all(text[m.start : m.end] == m.surface for m in mentions)
