"""``careergap.reading.form_regex``: the two ways of compiling a trie find exactly the same
matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.reading.form_regex import FormTrie

FORMS = ["R", "Go", "CV", "C#", "C++", ".NET", "GPUs", "SV/UVM", "Objective-C", "Spark SQL"]
#: Text made of pieces of the forms and the characters around them that decide a boundary.
PIECES = [*FORMS, "r", "go", "x", "é", "İ", " ", "-", ".", "+", "#", "@", "_", "\n", "1", "/"]
STOP = r"(?![\w+#])(?!-\w)(?!\.\w)"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _trie() -> FormTrie:
    trie = FormTrie(lower=False)
    for form in FORMS:
        trie.add(form)
    return trie


def test_literal_first_starts_with_a_literal() -> None:
    # What makes it fast: re skips, in C, positions whose character starts no form.
    pattern = _trie().compile(STOP, literal_first=True).pattern
    assert not pattern.startswith(r"(?:\b")
    assert _spans(_trie().compile(STOP, literal_first=True), "Go, R and .NET; NoR.NET") == [
        (0, 2),
        (4, 5),
        (10, 14),
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_literal_first_finds_the_same_matches(text: str) -> None:
    trie = _trie()
    assert _spans(trie.compile(STOP, literal_first=True), text) == _spans(trie.compile(STOP), text)


LOWER_FORMS = ["machine learning", "c++", "c#", ".net", "node.js", "ci/cd", "go", "r", "pytorch"]
LOWER_PIECES = [*LOWER_FORMS, "machine", "learning", "x", "é", " ", "-", ".", "+", "@", "_", "\n"]


def _after_separator_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end() - 1) for m in pattern.finditer(" " + text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LOWER_PIECES), max_size=30).map("".join))
def test_after_separator_finds_the_same_forms(text: str) -> None:
    trie = FormTrie(lower=True)
    for form in LOWER_FORMS:
        trie.add(form)
    separated = trie.compile_after_separator(r"(?![\w+#])")
    assert _after_separator_spans(separated, text) == _spans(trie.compile(r"(?![\w+#])"), text)


def test_after_separator_at_the_start_and_after_punctuation() -> None:
    trie = FormTrie(lower=True)
    for form in LOWER_FORMS:
        trie.add(form)
    pattern = trie.compile_after_separator(r"(?![\w+#])")
    assert pattern.pattern.startswith(r"\W")  # what lets re skip positions inside words
    text = "go (c++), .net; xgo x.net"
    assert _after_separator_spans(pattern, text) == [(0, 2), (4, 7), (10, 14)]
