"""Turn a posting's requirement line into requirements: any-of groups with a weight and a target.

Pure functions over the line text and the skill mentions found in it. A line that offers
alternatives ("Python or Java", "such as TensorFlow, PyTorch", "TensorFlow/PyTorch/MXNet")
becomes one any-of requirement satisfied by the best alternative; otherwise each skill on the
line is its own requirement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

#: Weight of a line marked required (the default for posting text).
REQUIRED_WEIGHT = 1.0
#: Weight of a line marked preferred ("a plus", "nice to have", "Preferred" sections).
PREFERRED_WEIGHT = 0.5

#: Target level when the line gives no cue: 3 = "working" knowledge.
DEFAULT_TARGET = 3
#: Lines that ask for mastery: a profile needs level 5 for full credit.
EXPERT_TARGET = 5
#: Lines that ask for strong or deep knowledge.
STRONG_TARGET = 4
#: Lines that ask only for familiarity or exposure.
FAMILIAR_TARGET = 2

_EXPERT_CUES = re.compile(r"\b(expert\b|expert-level|world[- ]class|mastery|guru)", re.IGNORECASE)
_STRONG_CUES = re.compile(
    r"\b(strong|deep(?!\s+(?:learning|neural|reinforcement|networks?|rl)\b)|advanced|extensive|"
    r"solid|proficien\w*|in[- ]depth|expertise|"
    r"significant|thorough|excellent|hands[- ]on)\b",
    re.IGNORECASE,
)
_FAMILIAR_CUES = re.compile(
    r"\b(familiar\w*|exposure|basic|awareness|aware of|some experience|some knowledge|"
    r"interest in|introductory)\b",
    re.IGNORECASE,
)

#: Phrases after which the skills listed are alternatives ("frameworks such as A, B or C").
_ALTERNATIVE_MARKERS = re.compile(
    r"\b(such as|for example|for instance|one of|one or more|any of|"
    r"or similar|or equivalent|or other|or another|or related)\b|"
    # The abbreviation's own dots belong to the marker, so they do not end its clause.
    r"\be\.?g\b\.?|\betc\b",
    re.IGNORECASE,
)
#: A parenthesised list of several items: "(AWS, GCP, Azure)".
_PAREN_LIST = re.compile(r"\([^()]*[,/][^()]*\)")
#: A clause ends here; an alternative marker does not reach past it.
_CLAUSE_END = re.compile(r"[;:]|\.\s")
#: Two mentions joined by a slash alone are one choice: "Verilog/VHDL", "TensorFlow / PyTorch".
_SLASH_GAP = re.compile(r"\s*/\s*")
#: What may stand between two items of one list: "A, B", "A and B", "A, or B", "A and/or B".
_LIST_GAP = re.compile(r"[\s,]*(?:\(?\s*(?:and\s*/\s*or|and|or|&|plus)\b\s*)?[\s,]*", re.IGNORECASE)
#: A list whose connector is "or" offers a choice.
_OR_WORD = re.compile(r"\bor\b", re.IGNORECASE)


class MentionLike(Protocol):
    @property
    def skill_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Requirement:
    """One thing a posting asks for, satisfied by the best of ``options`` (one option: a skill)."""

    options: tuple[str, ...]
    weight: float
    target: int
    line: int
    text: str


def target_level(text: str) -> int:
    """The level a line asks for, from its wording (expert 5, strong 4, default 3, familiar 2)."""
    if _EXPERT_CUES.search(text):
        return EXPERT_TARGET
    if _FAMILIAR_CUES.search(text):
        return FAMILIAR_TARGET
    if _STRONG_CUES.search(text):
        return STRONG_TARGET
    return DEFAULT_TARGET


def _marker_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges in which listed skills are alternatives, clipped to the marker's clause."""
    # A parenthesised list gives examples of what precedes it: "a cloud platform (AWS, GCP, Azure)".
    spans = [(m.start(), m.end()) for m in _PAREN_LIST.finditer(text)]
    for marker in _ALTERNATIVE_MARKERS.finditer(text):
        word = marker.group(0).lower()
        if word.startswith("or ") or word == "etc":
            # "A, B or similar" / "A, B, etc.": the alternatives stand before the marker.
            clause_start = 0
            for end in _CLAUSE_END.finditer(text, 0, marker.start()):
                clause_start = end.end()
            spans.append((clause_start, marker.end()))
        else:
            clause_end = _CLAUSE_END.search(text, marker.end())
            spans.append((marker.start(), clause_end.start() if clause_end else len(text)))
    return spans


def group_mentions(text: str, mentions: Sequence[MentionLike]) -> list[tuple[str, ...]]:
    """Group the skills of one line into requirements; each group is an any-of set of skill ids.

    Three passes, tightest binding first: slash-joined skills are one choice ("C/C++"); a list
    whose connector is "or" is one choice ("Python, Java or Scala"), a list joined by "and" or
    commas is several requirements; and every skill inside an alternative clause ("such as A,
    B and C", "A, B, etc.") joins one choice. A skill appears in one group only, first wins.
    """
    ordered = sorted(mentions, key=lambda m: (m.start, m.end, m.skill_id))
    units: list[list[MentionLike]] = []
    for mention in ordered:
        if units and _SLASH_GAP.fullmatch(text[units[-1][-1].end : mention.start]):
            units[-1].append(mention)
        else:
            units.append([mention])

    groups: list[list[MentionLike]] = []
    run: list[list[MentionLike]] = []
    run_is_choice = False

    def flush() -> None:
        if run_is_choice:
            groups.append([m for unit in run for m in unit])
        else:
            groups.extend(run)

    for unit in units:
        if run:
            gap = text[run[-1][-1].end : unit[0].start]
            if _LIST_GAP.fullmatch(gap):
                run.append(unit)
                run_is_choice = run_is_choice or bool(_OR_WORD.search(gap))
                continue
            flush()
        run, run_is_choice = [unit], False
    flush()

    spans = _marker_spans(text)

    def span_of(group: list[MentionLike]) -> int | None:
        for index, (lo, hi) in enumerate(spans):
            if all(lo <= m.start and m.end <= hi for m in group):
                return index
        return None

    merged: list[list[MentionLike]] = []
    previous_span: int | None = None
    for group in groups:
        span = span_of(group)
        if merged and span is not None and span == previous_span:
            merged[-1].extend(group)
        else:
            merged.append(list(group))
        previous_span = span

    result: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for group in merged:
        unique = tuple(dict.fromkeys(m.skill_id for m in group if m.skill_id not in seen))
        seen.update(unique)
        if unique:
            result.append(unique)
    return result


def requirements_for_line(
    line: int, text: str, required: bool, mentions: Sequence[MentionLike]
) -> list[Requirement]:
    """All requirements a single posting line makes."""
    weight = REQUIRED_WEIGHT if required else PREFERRED_WEIGHT
    target = target_level(text)
    return [
        Requirement(options=group, weight=weight, target=target, line=line, text=text)
        for group in group_mentions(text, mentions)
    ]
