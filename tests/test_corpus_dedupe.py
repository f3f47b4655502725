"""Re-pasted duplicates merge; same text at a different level stays separate."""

from __future__ import annotations

from careergap.corpus.build.dedupe import find_duplicates, same_title

LINES = [f"requirement number {i}." for i in range(10)]


def test_repaste_without_trailing_periods_merges_into_the_first() -> None:
    copy = [line.rstrip(".") for line in LINES]
    merged = find_duplicates([("a", "MLOps Engineer", LINES), ("b", "MLOps Engineer", copy)])
    assert merged == {"b": "a"}


def test_principal_and_staff_with_the_same_text_stay_separate() -> None:
    items = [
        ("a", "Principal Formal Verification Engineer", LINES),
        ("b", "Staff Formal Verification Engineer", LINES),
    ]
    assert find_duplicates(items) == {}


def test_close_spellings_of_one_title_merge() -> None:
    assert same_title("MLOps Engineer - Deep Learning & HPC", "MLOps Engineer, DL & HPC")
    assert same_title("Senior Software Engineer, AV / CV", "Senior Software Engineer, AV-CV")
    assert not same_title("AI Software Engineer", "Artificial Intelligence Intern")


def test_untitled_copy_merges_into_the_titled_posting_even_when_it_comes_first() -> None:
    merged = find_duplicates([("a", None, LINES), ("b", "Analytics Engineer", LINES)])
    assert merged == {"a": "b"}


def test_untitled_partial_repaste_merges_but_a_few_shared_lines_do_not() -> None:
    full = ("big", "Software Engineer, Platform", LINES)
    assert find_duplicates([full, ("part", None, LINES[:4])]) == {"part": "big"}
    quoting = LINES[:3] + ["something else entirely", "and more", "and even more"]
    assert find_duplicates([full, ("other", None, quoting)]) == {}


def test_different_postings_stay_apart() -> None:
    other = [f"another line {i}" for i in range(10)]
    assert find_duplicates([("a", None, LINES), ("b", None, other)]) == {}
