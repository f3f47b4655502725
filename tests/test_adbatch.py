"""Re-posted ads are one posting; different ads, even of one employer, are not."""

from __future__ import annotations

from careergap.corpus.adbatch import Known
from careergap.models import Posting, RequirementLine

LINES = (
    "5+ years of experience with SystemVerilog and UVM",
    "Experience writing SystemVerilog Assertions and functional coverage",
    "Scripting in Python or Perl",
    "Knowledge of AMBA protocols such as AXI and AHB",
    "Experience with formal verification tools is a plus",
    "Debug failures in simulation and in emulation",
)


def posting(pid: str, title: str, lines: tuple[str, ...]) -> Posting:
    return Posting(
        id=pid,
        title=title,
        families=("design-verification",),
        source=f"{pid}.txt",
        lines=tuple(RequirementLine(line=i, text=t) for i, t in enumerate(lines, start=1)),
    )


def test_the_same_text_modulo_case_spacing_and_punctuation_is_a_duplicate() -> None:
    known = Known([posting("user-a", "Senior DV Engineer", LINES)])
    noisy = tuple(f"  {line.upper().replace(' ', '  ')}. " for line in LINES)
    found = known.original(posting("user-b", "SENIOR DV ENGINEER!", noisy))
    assert found is not None and found[0].id == "user-a" and found[1] == "same text"


def test_a_near_identical_repost_is_a_duplicate() -> None:
    known = Known([posting("user-a", "Senior DV Engineer", LINES)])
    reordered = (LINES[1], LINES[0], *LINES[2:5], "Debug failures in simulation and emulation")
    found = known.original(posting("user-b", "Senior DV Engineer", reordered))
    assert found is not None and found[1].startswith("near-identical, similarity ")


def test_another_seniority_or_a_short_ad_inside_a_long_one_is_not() -> None:
    known = Known([posting("user-a", "Senior DV Engineer", LINES)])
    assert known.original(posting("user-b", "Principal DV Engineer", LINES)) is None
    # all its words occur in the longer ad (token-set similarity 100), but it is a third of it
    assert known.original(posting("user-c", "Senior DV Engineer", LINES[:2])) is None
    other = ("Experience with analog layout", "Cadence Virtuoso", "LVS and DRC signoff")
    assert known.original(posting("user-d", "Senior DV Engineer", other)) is None


def test_postings_added_in_the_batch_are_known_to_the_next_ad() -> None:
    known = Known([])
    known.add(posting("user-a", "DV Engineer", LINES))
    assert known.original(posting("user-b", "DV Engineer", LINES)) is not None
