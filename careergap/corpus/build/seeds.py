"""Read the seed documents into raw blocks that keep every line's number and TAB depth.

Seed 002 (a TAB-indented notes file) holds ``+ skill set:`` / ``+ skill set for ...:`` /
``+ tech stack:`` blocks, a few runs of loose requirement lines, and "Notes about X" topic
lists. Seed 000 holds eight UK postings under ``## [Company](url)`` headings. Nothing here
decides what is posting text; ``shape`` and ``clean`` do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from careergap.errors import InputFileError
from careergap.files.userfiles import decode, read_bytes
from careergap.reading.clean import depth, normalize

#: The seed files are found by number, whatever their hash suffix.
NOTES_SEED = "002"
UK_SEED = "000"

_HEADING = re.compile(r"^(#{1,6})\t(.*)$")
_BLOCK = re.compile(r"^\+ (?:skill set(?: for (?P<hint>.*?))?|(?P<stack>tech stack)):\s*$")
#: Bold pseudo-headings that split the big "Machine Learning Scientist" section.
_PSEUDO = re.compile(r"^(?:\*\*\*.+\*\*\*.*\broles:|Skill sets for managing .*:)\s*$")

#: Runs of loose ``+`` requirement lines that are the only posting text for a thin family,
#: found by their lead-in line. Only the top-level ``+`` lines are posting text; the deeper
#: lines under them are the author's explanations (e.g. Abbe/Hopkins papers under imaging).
LOOSE_RUNS: dict[str, str] = {
    "Skill sets for application engineers of different EDA products:": (
        "Application Engineer, EDA verification products (loose requirement lines)"
    ),
    "Sets of skills for DFM:": "DFM / OPC Engineer (loose requirement lines)",
}

#: "Notes about X" topic lists (and the intro list of a section without a notes heading),
#: by heading text, with the families they give demand to (the thin hardware families).
NOTES_FAMILIES: dict[str, tuple[str, ...]] = {
    "Notes about VLSI Formal Verification": ("formal-verification",),
    "Notes about Circuit Simulation": ("eda-software-developer",),
    "Notes about Electronic System-Level Design & Verification": (
        "design-verification",
        "eda-software-developer",
    ),
    "Notes about Energy-Efficent EDA, or Low-Power EDA": ("eda-software-developer",),
    "Notes about Physical Design & Physical Synthesis": ("physical-design-sta-dfm",),
    "VLSI Verification": ("design-verification",),
    "Notes about VLSI DFM": ("physical-design-sta-dfm",),
    "Notes about Numerical EDA, other than circuit simulation": ("eda-software-developer",),
    "Notes about IC Testing": ("dft-test-post-silicon",),
    "Notes about Post-Silicon Validation": ("dft-test-post-silicon",),
    "Notes about Hardware Security": ("hardware-security",),
}
#: A lead-in that opens a list of companies or links inside notes: not a skill topic.
_COMPANY_LEAD = re.compile(r"compan|start-?ups|careers|links?:|resources", re.IGNORECASE)


@dataclass(frozen=True)
class SeedLine:
    """One line of a seed file: its 1-based number, the raw text and its TAB depth."""

    number: int
    raw: str
    depth: int
    #: Set by a seed's own sections (seed 000's "Preferred"); inline markers come later.
    preferred: bool = False


@dataclass(frozen=True)
class RawBlock:
    """A candidate posting (or topic-notes list) exactly as it sits in a seed file."""

    seed: str
    start: int
    end: int
    form: str  # "skill-set" | "tech-stack" | "loose" | "uk" | "notes"
    headings: tuple[str, ...]
    lines: tuple[SeedLine, ...]
    #: A title the seed states outright (seed 000 link, ``skill set for X``, loose-run title).
    hint: str | None = None
    company: str | None = None


def seed_path(seeds_dir: Path, number: str) -> Path:
    """The seed file whose name starts with NUMBER_ (e.g. ``002_d3af....txt``)."""
    matches = sorted(seeds_dir.glob(f"{number}_*.txt"))
    if not matches:
        raise InputFileError(f"{seeds_dir}: no seed file {number}_*.txt")
    return matches[0]


#: A seed document is a text file of a few hundred KB; far more is the wrong file.
MAX_SEED_BYTES = 50 * 1024 * 1024


def read_lines(path: Path) -> list[str]:
    """A seed's lines (universal newlines, as text mode reads them); a seed that is not UTF-8
    text, or not a regular file, is one located error naming it (``userfiles``)."""

    text = decode(path, read_bytes(path, MAX_SEED_BYTES, "seed text file"))
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _line(lines: list[str], index: int, preferred: bool = False) -> SeedLine:
    raw = lines[index]
    return SeedLine(index + 1, raw, depth(raw), preferred)


def parse_notes_seed(path: Path) -> Iterator[RawBlock]:
    """Every skill-set / tech-stack block, loose run and topic-notes list of seed 002."""
    lines = read_lines(path)
    seed = path.name
    headings: dict[int, str] = {}
    pseudo: str | None = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        heading = _HEADING.match(raw)
        if heading:
            level = len(heading.group(1))
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = heading.group(2).strip()
            pseudo = None
            if headings[level] in NOTES_FAMILIES:
                yield _notes_block(lines, i, seed, _path(headings, None))
            i += 1
            continue
        if _PSEUDO.match(raw):
            pseudo = normalize(raw)
        block = _BLOCK.match(raw)
        if block:
            end = i + 1
            while end < len(lines) and lines[end].strip() and depth(lines[end]) >= 1:
                end += 1
            hint = block.group("hint")
            yield RawBlock(
                seed=seed,
                start=i + 1,
                end=end,
                form="tech-stack" if block.group("stack") else "skill-set",
                headings=_path(headings, pseudo),
                lines=tuple(_line(lines, k) for k in range(i + 1, end)),
                hint=normalize(hint) if hint else None,
            )
            i = end
            continue
        if raw.strip() in LOOSE_RUNS:
            loose = _loose_block(lines, i, seed, _path(headings, pseudo))
            if loose is not None:
                yield loose
        i += 1


def _path(headings: dict[int, str], pseudo: str | None) -> tuple[str, ...]:
    path = tuple(headings[k] for k in sorted(headings))
    return path + (pseudo,) if pseudo else path


def _loose_block(lines: list[str], lead: int, seed: str, path: tuple[str, ...]) -> RawBlock | None:
    """The ``+`` lines after a LOOSE_RUNS lead-in, up to the first skill-set block."""
    kept: list[SeedLine] = []
    k = lead + 1
    while k < len(lines) and not _BLOCK.match(lines[k]) and not _HEADING.match(lines[k]):
        if lines[k].startswith("+ "):
            kept.append(_line(lines, k))
        elif lines[k].strip() and depth(lines[k]) == 0:
            break
        k += 1
    if not kept:
        return None
    return RawBlock(
        seed=seed,
        start=kept[0].number,
        end=kept[-1].number,
        form="loose",
        headings=path,
        lines=tuple(kept),
        hint=LOOSE_RUNS[lines[lead].strip()],
    )


def _notes_block(lines: list[str], at: int, seed: str, path: tuple[str, ...]) -> RawBlock:
    """The bullet lines under a notes heading, skipping company/link lists."""
    kept: list[SeedLine] = []
    in_companies = False
    k = at + 1
    while k < len(lines) and not _HEADING.match(lines[k]) and not _BLOCK.match(lines[k]):
        raw = lines[k]
        if raw.strip() and depth(raw) == 0 and not raw.startswith("+"):
            in_companies = bool(_COMPANY_LEAD.search(raw))
        elif raw.strip() and not in_companies:
            kept.append(_line(lines, k))
        k += 1
    title = _HEADING.match(lines[at]).group(2).strip()  # type: ignore[union-attr]
    return RawBlock(
        seed=seed,
        start=at + 1,
        end=kept[-1].number if kept else at + 1,
        form="notes",
        headings=path,
        lines=tuple(kept),
        hint=title,
    )


# --- seed 000 ---------------------------------------------------------------------------------

_UK_HEADING = re.compile(r"^(#{2,4}) ?(.*)$")
_ONLY_LINK = re.compile(r"^\[([^\]]+)\]\(([^)]*)\)\s*$")
_ROLE_WORD = re.compile(
    r"\b(?:engineer|scientist|developer|researcher|analyst|machine learning)\b", re.IGNORECASE
)


def parse_uk_seed(path: Path) -> Iterator[RawBlock]:
    """The postings of seed 000: a title link (or title heading) followed by bullet lines.

    ``## [Company](url)`` names the company; a link whose text names a role starts a posting;
    ``#### Minimum`` / ``#### Preferred`` mark required and preferred lines; any other heading
    (``## Cool Projects``, ``### Interview Questions``) ends the current posting.
    """
    lines = read_lines(path)
    company: str | None = None
    current: dict | None = None
    preferred = False

    def finish() -> Iterator[RawBlock]:
        if current and current["lines"]:
            yield RawBlock(
                seed=path.name,
                start=current["start"],
                end=current["lines"][-1].number,
                form="uk",
                headings=(),
                lines=tuple(current["lines"]),
                hint=current["title"],
                company=current["company"],
            )

    for i, raw in enumerate(lines):
        heading = _UK_HEADING.match(raw)
        link = _ONLY_LINK.match(heading.group(2) if heading else raw.strip())
        if heading and heading.group(2).strip() in ("Minimum", "Preferred"):
            preferred = heading.group(2).strip() == "Preferred"
            continue
        if link and _ROLE_WORD.search(link.group(1)):
            yield from finish()
            title = link.group(1)
            if company and title.startswith(company + " - "):
                title = title[len(company) + 3 :]
            current = {"start": i + 1, "title": title, "company": company, "lines": []}
            preferred = False
            continue
        if heading:
            yield from finish()
            current = None
            company = link.group(1) if link else None
            continue
        if current is not None and raw.startswith("- "):
            current["lines"].append(_line(lines, i, preferred))
    yield from finish()


def read_seeds(seeds_dir: Path) -> list[RawBlock]:
    """All raw blocks of both posting seeds, in file then line order."""
    blocks = list(parse_uk_seed(seed_path(seeds_dir, UK_SEED)))
    blocks.extend(parse_notes_seed(seed_path(seeds_dir, NOTES_SEED)))
    return blocks
