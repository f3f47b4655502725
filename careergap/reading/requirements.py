"""Turn a posting's requirement line into requirements: any-of groups with a weight and a target.

Pure functions over the line text and the skill mentions found in it. A line is read clause by
clause ("Strong C++; familiarity with Docker": C++ at level 4, Docker at 2; "Python, preferably
with JAX": only JAX is preferred). Within a clause, alternatives ("Python or Java", "such as
TensorFlow, PyTorch", "TensorFlow/PyTorch/MXNet") become one any-of requirement satisfied by
the best alternative; otherwise each skill is its own requirement. Mentions that are not
demands (negated, excluded, colleagues: :mod:`careergap.reading.nondemand`) make no requirement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careergap.reading.demands import DemandReader, MentionLike

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
    cue = _cue_level(text)
    return DEFAULT_TARGET if cue is None else cue


def _cue_level(text: str) -> int | None:
    """The level the wording asks for, or None when it gives no cue."""
    if _EXPERT_CUES.search(text):
        return EXPERT_TARGET
    if _FAMILIAR_CUES.search(text):
        return FAMILIAR_TARGET
    if _STRONG_CUES.search(text):
        return STRONG_TARGET
    return None


#: Where one requirement clause ends and the next begins: ";", a sentence end, or a comma/"and"
#: before a new lead ("Strong Python, familiarity with Docker"); "preferably"/"ideally" open a
#: clause of their own ("Python, preferably with JAX").
_CLAUSE_SPLIT = re.compile(
    r"\s*;\s*|(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)\.\s+(?=[A-Z(])|"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+)(?=\(?\s*(?:preferably|ideally|optionally|"
    r"bonus\s+if|plus\s+if|even\s+better)\b)|"
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)"
    r"(?=(?:some\s+|basic\s+|good\s+|working\s+|solid\s+|strong\s+|deep\s+)?"
    r"(?:familiarity|knowledge|experience|exposure|understanding|proficiency|expertise|"
    r"awareness|fluency|mastery|background)\b)",
    re.IGNORECASE,
)
#: "..., Kubernetes is a plus": after a clause with its own level cue, the marker binds to what
#: follows the last comma ("Strong Python, Kubernetes is a plus"), not to the whole clause.
_SINGULAR_PLUS = re.compile(
    r",\s*(?:and\s+)?(?=[^,]*\bis\s+(?:a\s+)?(?:big\s+|huge\s+|strong\s+)?"
    r"(?:plus|bonus|advantage|preferred|nice[- ]to[- ]have)\b[^,]*$)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each requirement clause of a line, in order, covering its words."""
    cuts = [0]
    for split in _CLAUSE_SPLIT.finditer(text):
        if split.start() > cuts[-1]:
            cuts += [split.start(), split.end()]
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        tail = _SINGULAR_PLUS.search(text, lo, hi)
        if tail and _cue_level(text[lo : tail.start()]) is not None:
            out += [(lo, tail.start()), (tail.end(), hi)]
        else:
            out.append((lo, hi))
    return [(lo, hi) for lo, hi in out if hi > lo]


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


#: An option of a slash choice that names no known skill: "English/Korean", "Java/Kotlin".
_OPTION_AFTER = re.compile(r"[ \t]*/[ \t]*(?!(?:or|and)\b)([A-Za-z][\w+#-]+)")
_OPTION_BEFORE = re.compile(r"(?<![\w/.])(?!(?:and|or)\s*/)([A-Za-z][\w+#-]+)[ \t]*/[ \t]*$")


def open_choice(text: str, options: Sequence[MentionLike], mentions: Sequence[MentionLike]) -> bool:
    """True when a slash choice also offers an option the taxonomy does not know.

    "Fluent English/Korean" asks for one of two languages; reading it as a hard requirement on
    English alone would wrong everyone who has the other. ``mentions``: all of the line's.
    """
    first = min(m.start for m in options)
    last = max(m.end for m in options)

    def known(at: int) -> bool:
        return any(m.start <= at < m.end for m in mentions)

    after = _OPTION_AFTER.match(text, last)
    if after and not known(after.start(1)):
        return True
    before = _OPTION_BEFORE.search(text[:first])
    return before is not None and not known(before.start(1))


def group_mentions(text: str, mentions: Sequence[MentionLike]) -> list[tuple[str, ...]]:
    """Group the skills of one line into requirements; each group is an any-of set of skill ids
    (see :func:`_grouped`)."""
    return [tuple(m.skill_id for m in group) for group in _grouped(text, mentions)]


def _grouped(text: str, mentions: Sequence[MentionLike]) -> list[list[MentionLike]]:
    """Group the mentions of one line into requirements: each group is an any-of set, holding
    the first mention of each of its skills.

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

    result: list[list[MentionLike]] = []
    seen: set[str] = set()
    for group in merged:
        unique = list({m.skill_id: m for m in reversed(group) if m.skill_id not in seen}.values())
        unique.reverse()
        seen.update(m.skill_id for m in unique)
        if unique:
            result.append(unique)
    return result


def line_is_preferred(text: str) -> bool:
    """True when every clause of a line is a "nice to have" ("Terraform is a plus"), so the
    whole line is preferred; "Python, preferably with JAX" is not (only JAX's clause is)."""
    # Lazy, as below: a warm `gaps` or `explain` imports this module but reads no line.
    from careergap.reading.clean import is_preferred

    return all(is_preferred(text[lo:hi]) for lo, hi in clauses(text)) and bool(text.strip())


def requirements_for_line(
    line: int,
    text: str,
    required: bool,
    mentions: Sequence[MentionLike],
    reader: DemandReader | None = None,
    section: str = "requirements",
) -> list[Requirement]:
    """All requirements a single posting line makes, clause by clause.

    ``required`` is the line's place in the ad (a *Preferred* section makes it False); inline
    markers ("preferably X", "X is a plus") make only their clause preferred, and each clause's
    wording sets its own target (a clause without a cue continues the one before it). A choice
    with an option the taxonomy does not know ("English/Korean") is never a hard requirement.
    ``reader``: the taxonomy's :class:`careergap.reading.demands.DemandReader` (without one,
    only the rules that need no taxonomy); ``section``: the line's section.
    """
    # Lazy: a warm `gaps` or `explain` imports this module (its clause helpers) but scores no
    # line; the reader would load sections, nondemand and their patterns at start-up.
    from careergap.reading.clean import is_preferred
    from careergap.reading.demands import reader_for

    # The one reader of demands (careergap.reading.demands), as `extract` reads them.
    mentions = (reader or reader_for(None)).demands(text, mentions, section)
    if not mentions:
        return []
    spans = clauses(text)
    levels: list[int] = []
    preferred: list[bool] = []
    level, lead_preferred = DEFAULT_TARGET, False
    for lo, hi in spans:
        words = text[lo:hi]
        cue = _cue_level(words)
        marked = is_preferred(words)
        # A clause without a cue continues the one before, unless it is a "nice to have".
        level = cue if cue is not None else DEFAULT_TARGET if marked else level
        has_skill = any(lo <= m.start < hi for m in mentions)
        levels.append(level)
        preferred.append(marked or lead_preferred)
        # "Nice to have: ..." as a lead-in without skills of its own marks what follows it.
        lead_preferred = (marked and not has_skill) or (lead_preferred and not has_skill)
    out = []
    for group in _grouped(text, mentions):
        at = next(
            i for i, (lo, hi) in enumerate(spans) if group[0].start < hi or i == len(spans) - 1
        )
        hard = required and not preferred[at] and not open_choice(text, group, mentions)
        out.append(
            Requirement(
                options=tuple(m.skill_id for m in group),
                weight=REQUIRED_WEIGHT if hard else PREFERRED_WEIGHT,
                target=levels[at],
                line=line,
                text=text,
            )
        )
    return out
