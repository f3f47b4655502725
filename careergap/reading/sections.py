"""Read a posting the way a hiring manager does: which part of the ad each line belongs to.

One reader for every posting text careergap sees (the curated corpus, ``postings add``,
``extract``). A line belongs to a section by the heading above it ("About us", "What you'll
do", "Minimum qualifications", "Nice to have", "Tech stack", "Benefits", "Equal opportunity",
"How to apply"; markdown headings, bold lines and bare labels alike), and, where no heading
says otherwise, by cues of its own: benefits words, an equal-opportunity sentence, "click to
apply", company prose ("we are a ...", "our products power ..."). Only the DEMAND_SECTIONS
carry demands; the other lines are kept for display and score nothing.

Headings are recognised in :mod:`careergap.reading.headings`, a line's own cues in
:mod:`careergap.reading.linecues`. Pure functions over lines of text: no I/O, no taxonomy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# DEMAND_SECTIONS lives in models, so scoring can use it without compiling the patterns below.
from careergap.models import DEMAND_SECTIONS  # noqa: F401 - part of this module's interface
from careergap.models import PostingSection as Section
from careergap.reading.headings import BULLET, LABEL, LABEL_SECTION, heading_section
from careergap.reading.linecues import (
    ABOUT_PHRASES,
    ALL_CUE_WORDS,
    MONEY,
    is_company_prose,
    own_cue,
    words_of,
)

#: The section of a line nothing places elsewhere: posting text is read as demands by default.
DEFAULT_SECTION: Section = "requirements"
#: Why a line of each non-demand section is not a demand (shown by ``postings add``).
SKIP_REASONS: dict[str, str] = {
    "title": "the title",
    "about": "company prose",
    "benefits": "benefits and pay",
    "legal": "equal-opportunity and legal text",
    "apply": "how to apply",
}


@dataclass(frozen=True)
class LineSection:
    """Where one line of a posting belongs, and whether it is a heading (no content)."""

    section: Section
    heading: bool = False

    @property
    def demand(self) -> bool:
        """True when the line states what the job needs."""
        return not self.heading and self.section in DEMAND_SECTIONS


def read_sections(
    lines: Iterable[str], words_out: list[frozenset[str] | None] | None = None
) -> list[LineSection]:
    """The section of every line, in order (blank lines keep the section they sit in).

    A known heading opens its section; "Title:"-style labels are title metadata. Within the
    demand sections (and before any heading), a line's own cue moves it out: benefits,
    equal-opportunity and apply text anywhere, company prose where no heading set the
    section to one that states demands. ``words_out`` receives each line's :func:`cue_words`
    (None where they were not needed), so a caller reading mentions need not split it again.
    """
    out: list[LineSection] = []
    keep = words_out.append if words_out is not None else None
    current: Section = DEFAULT_SECTION
    chosen = False  # a heading set ``current``
    first = True  # no content line yet
    for line in lines:
        words = None
        if not line.strip():
            out.append(LineSection(current, heading=True))
        elif (opened := heading_section(line)) is not None:
            current, chosen = opened, True
            out.append(LineSection(opened, heading=True))
        elif first and not chosen and is_title_line(line):
            out.append(LineSection("title"))
            first = False
        else:
            if current in DEMAND_SECTIONS:
                words = words_of(line)
            out.append(LineSection(_line_section(line, current, chosen, words)))
            first = False
        if keep is not None:
            keep(words)
    return out


#: Longest title line, in words.
MAX_TITLE_WORDS = 16
#: Words that name a role in a title ("Senior Machine Learning Engineer").
_ROLE_WORD = re.compile(
    r"\b(?:engineer|scientist|developer|researcher|intern|manager|director|architect|analyst|"
    r"lead|head|specialist|consultant|programmer|designer|officer|vp|president|technician|"
    r"administrator|associate|fellow|postdoc)s?\b",
    re.IGNORECASE,
)
#: Words that make a line a requirement sentence, never a title.
_SENTENCE_WORDS = re.compile(
    r"\b(?:experience|years?|knowledge|familiar\w*|proficien\w*|ability|understanding|"
    r"skills|degree|we|you|our|must|should|with|using)\b",
    re.IGNORECASE,
)


#: Anonymised names in published postings ("<ORGANIZATION>", "<LOCATION>"): not words of a title.
_PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>")


def is_title_line(line: str) -> bool:
    """A short first line that names a role, or a job board's "Title · Company · Place"."""
    body = _PLACEHOLDER.sub(" ", BULLET.sub("", line, count=1)).strip()
    if len(body.split()) > MAX_TITLE_WORDS:
        return False
    if " · " in body:
        return True
    return (
        True
        and not body.endswith((".", ",", ";", ":"))
        and bool(_ROLE_WORD.search(body))
        and not _SENTENCE_WORDS.search(body)
    )


def _line_section(
    line: str, current: Section, chosen: bool, words: frozenset[str] | None
) -> Section:
    label = LABEL.match(BULLET.sub("", line, count=1).strip()) if ":" in line else None
    if label:
        key = label.group(0).split(":")[0].strip().casefold()
        return LABEL_SECTION.get(key, "about")  # type: ignore[return-value]
    if words is None or current not in DEMAND_SECTIONS or _cheap_cue_free(line, words):
        return current
    cue = own_cue(line)
    if cue is not None:
        return cue
    if (not chosen or current == "responsibilities") and is_company_prose(line):
        return "about"
    return current


def _cheap_cue_free(line: str, words: frozenset[str]) -> bool:
    """True when a line holds none of the words any line cue or company prose needs."""
    return (
        words.isdisjoint(ALL_CUE_WORDS)
        and not MONEY.search(line)
        and not ABOUT_PHRASES.search(line)
    )


def sections_of(text: str) -> list[LineSection]:
    """:func:`read_sections` of a whole text split at "\\n" (one entry per line)."""
    return read_sections(text.split("\n"))


def skipped(lines: Sequence[str], read: Sequence[LineSection]) -> list[tuple[int, str, str]]:
    """(1-based line, text, reason) of each non-blank content line that is not a demand."""
    return [
        (number, line.strip(), SKIP_REASONS[part.section])
        for number, (line, part) in enumerate(zip(lines, read, strict=True), start=1)
        if line.strip() and not part.heading and not part.demand
    ]


#: Labels that job boards run together on one line when an ad is pasted or scraped flat
#: ("... Role: Database Administrator Industry: Adserver ... Technologies python mysql Job
#: description Your Tasks ... Job benefits: Free fruit ..."), with the section each opens.
#: Capitalised as boards print them, so a sentence's "role" or "industry" is never one.
_INLINE_LABELS: dict[str, Section] = {
    "Job description": "responsibilities",
    "Your Tasks": "responsibilities",
    "Your tasks": "responsibilities",
    "Tasks/Responsibilities": "responsibilities",
    "Responsibilities": "responsibilities",
    "Your Skills": "requirements",
    "Your skills": "requirements",
    "Your Profile": "requirements",
    "Your profile": "requirements",
    "Requirements": "requirements",
    "Qualifications": "requirements",
    "Technologies": "stack",
    "Job benefits": "benefits",
    "Benefits": "benefits",
    "What we offer": "benefits",
    "We offer": "benefits",
    "Your Prospects": "benefits",
    "Company description": "about",
    "About us": "about",
    "About Us": "about",
    "Location options": "about",
    "Job type": "about",
    "Experience level": "about",
    "Role": "about",
    "Industry": "about",
    "Company size": "about",
    "Company type": "about",
    "Date posted": "about",
    "Likes": "about",
}
_INLINE_LABEL = re.compile(
    r"(?<![\w/-])(?:"
    + "|".join(re.escape(k) for k in sorted(_INLINE_LABELS, key=len, reverse=True))
    + r")(?![\w/-])(?:\s*:)?"
)
#: Metadata labels whose value is a few words ("Industry: Adserver Programmatic Advertising"):
#: after this many words the text goes back to the section it was in.
MAX_INLINE_VALUE_WORDS = 6
#: Fewest labels that make a line a run-together header (one label is an ordinary sentence).
MIN_INLINE_LABELS = 2
_METADATA_LABELS = frozenset(
    "Location options|Job type|Experience level|Role|Industry|Company size|Company type|"
    "Date posted|Likes".split("|")
)


def inline_sections(
    line: str, section: Section, first: bool = False
) -> list[tuple[int, Section]] | None:
    """(offset, section) from each offset on, for a line that runs several of a board's labels
    together; None for an ordinary line (its ``section`` holds throughout). ``first``: the line
    is the ad's first, so what stands before the first label may be the title."""
    labels = list(_INLINE_LABEL.finditer(line))
    if len(labels) < MIN_INLINE_LABELS:
        return None
    head = "title" if first and is_title_line(line[: labels[0].start()]) else section
    out: list[tuple[int, Section]] = [(0, head)]
    body: Section = section if section != "title" else DEFAULT_SECTION
    for i, match in enumerate(labels):
        name = match.group(0).rstrip(": \t")
        opened = _INLINE_LABELS[name]
        out.append((match.start(), opened))
        if name in _METADATA_LABELS:
            nxt = labels[i + 1].start() if i + 1 < len(labels) else len(line)
            words = list(re.finditer(r"\S+", line[match.end() : nxt]))
            if len(words) > MAX_INLINE_VALUE_WORDS:
                out.append((match.end() + words[MAX_INLINE_VALUE_WORDS].start(), body))
        else:
            body = opened
    return out


def section_at(segments: Sequence[tuple[int, Section]], offset: int) -> Section:
    """The section of the segment holding ``offset`` (:func:`inline_sections`)."""
    found = segments[0][1]
    for start, section in segments:
        if start > offset:
            break
        found = section
    return found
