"""``careergap.form_regex``: the two ways of compiling a trie find exactly the same matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.form_regex import FormTrie

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
