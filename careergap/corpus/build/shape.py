"""Shape a raw seed block into a draft posting: title, company, location, requirement lines.

Author glosses. Under a tool name the notes author often added their own explanations, one
level deeper (``* Chainer: open-source deep learning framework``). Rule, applied to lines at
TAB depth >= 2 of skill-set blocks (depth 1 is always the pasted posting):

* a definition of a term named in the parent line (``TERM: ...``, ``TERM is a ...``),
* a quotation (the author quoting a project's home page),
* an acronym expansion of an acronym in the parent (``enterprise resource planning, ERP``,
  ``physical unclonable function`` under ``PUF``),
* a bare reference link (the lines nested under it describe the linked page),

is a gloss: it and everything nested under it is dropped. Other nested lines (lists the ad
itself nests, e.g. the tools under "knowledge of:") are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careergap.corpus.build.seeds import RawBlock, SeedLine
from careergap.models import RequirementLine
from careergap.reading import clean
from careergap.reading.requirements import line_is_preferred
from careergap.reading.sections import DEFAULT_SECTION, LineSection, read_sections

#: Words that make a short first line a job title rather than a requirement.
_ROLE = re.compile(
    r"\b(?:engineers?|engr|scientists?|developers?|researchers?|intern|internship|managers?|"
    r"director|architects?|analysts?|lead|head|specialists?|consultants?|scholar|postdoc|"
    r"linguist|programmers?|designers?|officer|experts?|vp)\b",
    re.IGNORECASE,
)
#: Words that mark a requirement sentence, never a title.
_NOT_TITLE = re.compile(
    r"\b(?:experience|years?|knowledge|familiar\w*|proficien\w*|ability|understanding|skills|"
    r"degree|we|you|our|must|should)\b",
    re.IGNORECASE,
)
#: A title does not start with a verb ("Lead the design...", "Research and analyze...").
_VERB_START = re.compile(
    r"^(?:lead the|research and|develop|design|build|work|manage|participate|responsible|"
    r"conduct|create|drive|help|own|support|implement|collaborate|partner)\b",
    re.IGNORECASE,
)
#: Longest title or location line, in words.
MAX_TITLE_WORDS = 14
MAX_LOCATION_WORDS = 10
_PLACE = re.compile(
    r"\b(?:USA|U\.S\.|United States|United Kingdom|UK|California|Remote|London|Cambridge|"
    r"China|Beijing|Shanghai|India|Bangalore|Germany|Berlin|Japan|Tokyo|Cupertino|Seattle|"
    r"New York|Boston|Bay Area|Canada|Toronto|Taiwan|Israel|France|Paris|Singapore|"
    r"Santa Clara|San Francisco|San Jose|Sunnyvale|Mountain View|Austin|Texas)\b"
)
#: ``Title · Company · Location`` as copied from a job board.
_DOT = " · "


@dataclass(frozen=True)
class Draft:
    """A posting before ids, families and de-duplication are decided."""

    block: RawBlock
    title: str | None
    company: str | None
    location: str | None
    lines: tuple[RequirementLine, ...]


def is_title(text: str) -> bool:
    """A short line naming a role ("Staff Formal Verification Engineer")."""
    words = text.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and (text[0].isupper() or text[0] in "(")
        and not text.endswith((".", ":", ";", ","))
        and bool(_ROLE.search(text))
        and not _NOT_TITLE.search(text)
        and not _VERB_START.match(text)
    )


def is_location(text: str) -> bool:
    """A short line naming a place ("USA - California - Mountain View/Sunnyvale")."""
    return (
        len(text.split()) <= MAX_LOCATION_WORDS
        and not text.endswith(".")
        and bool(_PLACE.search(text))
        and not _NOT_TITLE.search(text)
    )


def _term_in(term: str, parent: str) -> bool:
    term = re.sub(r"^(?:the|apache)\s+", "", term.strip().lower())
    return len(term) >= 2 and term in parent.lower()


def is_gloss(text: str, parent: str) -> bool:
    """True when a nested line explains something its parent names (see module docstring)."""
    if text.startswith(('"', "“", "'")):
        return True
    definition = re.match(r"^([^:]{1,40}):", text) or re.match(
        r"^(.{1,40}?) (?:is|are) (?:a|an|the)\b", text
    )
    if definition and _term_in(definition.group(1), parent):
        return True
    acronym = re.search(r",\s*([A-Z][A-Za-z0-9-]*[A-Z])\W*$", text)
    parent_tokens = set(re.findall(r"[A-Za-z0-9-]+", parent))
    if acronym and acronym.group(1) in parent_tokens:
        return True
    words = re.findall(r"[A-Za-z]+", text)
    initials = "".join(w[0] for w in words).upper()
    return 2 <= len(words) <= 6 and initials in parent_tokens


def shape_block(block: RawBlock, title_first: bool = False) -> Draft | None:
    """The draft for one raw block, or None when nothing in it is posting text.

    ``title_first``: the overrides file says the first kept line is the ad's title even though
    it does not look like one ("Microarchitecture study of next-generation MN-Core").
    """
    kept = _kept_lines(block)
    if not kept:
        return None
    title, company, location = block.hint, block.company, None
    if block.form in ("skill-set", "tech-stack"):
        # "skill set for vehicle security architect ...:" names the role in lower case.
        title = title[:1].upper() + title[1:] if title else None
        if title and not is_title(title):
            title = None
        first = kept[0]
        if title_first or (first[0].depth == 1 and is_title(first[1].text)):
            title = first[1].text
            kept = kept[1:]
        if kept and kept[0][0].depth == 1 and is_location(kept[0][1].text):
            location = kept[0][1].text
            kept = kept[1:]
    if title and _DOT in title:
        parts = [p.strip() for p in title.split(_DOT)]
        title, company = parts[0], parts[1] or company
        location = parts[2] if len(parts) > 2 else location
    lines = tuple(line for _, line in kept)
    if not lines:
        return None
    return Draft(block=block, title=title, company=company, location=location, lines=lines)


def _kept_lines(block: RawBlock) -> list[tuple[SeedLine, RequirementLine]]:
    """Posting text of a block with its required flag; glosses and chrome dropped."""
    out: list[tuple[SeedLine, RequirementLine]] = []
    seen: set[str] = set()
    #: (depth, text, opens preferred lines) of the enclosing kept lines.
    stack: list[tuple[int, str, bool]] = []
    gloss_depth: int | None = None
    required_section = True
    notes = block.form == "notes"
    texts = [clean.normalize(line.raw) for line in block.lines]
    # The ad's own headings and each line's cues say which part of the ad a line is in; topic
    # notes are the author's skill lists, all of them demands.
    parts = read_sections(texts) if not notes else [LineSection(DEFAULT_SECTION)] * len(texts)
    for line, text, part in zip(block.lines, texts, parts, strict=True):
        if gloss_depth is not None and line.depth > gloss_depth:
            continue
        gloss_depth = None
        while stack and stack[-1][0] >= line.depth:
            stack.pop()
        flag = clean.section_flag(text)
        if flag is not None and line.depth <= 1:
            required_section = flag
        reason = clean.drop_reason(line.raw)
        if reason == "link" and line.depth >= 2 and not notes:
            gloss_depth = line.depth  # what is nested under a reference link describes it
            continue
        if reason or part.heading:
            continue
        if not notes and line.depth >= 2 and stack and is_gloss(text, stack[-1][1]):
            gloss_depth = line.depth
            continue
        if block.form == "loose" and line.depth > 0:
            continue
        # An inline marker makes the whole line preferred only when every clause carries one
        # ("Kubernetes is a plus"); otherwise it marks its clause when the line is scored
        # ("Python, preferably with JAX": careergap.reading.requirements).
        preferred = (
            notes
            or line.preferred
            or not required_section
            or part.section == "preferred"
            or line_is_preferred(text)
            or any(opens for _, _, opens in stack)
        )
        stack.append((line.depth, text, clean.is_preferred(text) and text.endswith(":")))
        key = text.casefold()
        if key in seen:
            continue
        seen.add(key)
        section = "preferred" if preferred and part.section == "requirements" else part.section
        out.append(
            (
                line,
                RequirementLine(
                    line=line.number, text=text, required=not preferred, section=section
                ),
            )
        )
    return out
