"""A person's own postings: pasted job ads stored under the user data dir, one Posting per file.

``careergap postings add`` turns pasted text into a :class:`~careergap.models.Posting` in the
corpus YAML format (``postings/<id>.yaml``, the same shape as the curated corpus) and keeps the
pasted text beside it (``postings/<id>.txt``); the posting's ``source`` is that text file, so
every requirement line's number points at the line the person pasted. The corpus loader reads
this folder too, so the posting counts in ``roles``, ``postings list``, ``match`` and ``gaps``.
User postings are told apart by their id prefix ``user-``.

The line rules (what is chrome or boilerplate, which lines are "nice to have") are the curated
corpus's own, from ``careergap.reading.clean``, so a pasted ad is read like a seeded one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.errors import CareergapError
from careergap.files.loader import dump_yaml
from careergap.files.modelfile import read_model
from careergap.files.paths import USER_POSTINGS_FOLDER, user_postings_dir
from careergap.files.userfiles import read_user_text, write_text_atomic
from careergap.models import USER_POSTING_PREFIX, Posting, RequirementLine
from careergap.reading.dating import posted_date, today

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: Every user posting id starts with this, so lists can mark them as the person's own.
USER_PREFIX = USER_POSTING_PREFIX
#: Folder (inside the user data dir) holding the user's postings.
POSTINGS_FOLDER = USER_POSTINGS_FOLDER
#: Hex digits of the text hash in an id: enough to tell a person's postings apart.
ID_HASH_CHARS = 6
#: Words of the title kept in the id, so ids stay short but recognisable in a listing.
ID_TITLE_WORDS = 4
#: Job boards join title, company and location with this when the title is copied.
JOB_BOARD_SEPARATOR = " · "
#: A first line longer than this is a sentence, not a title.
MAX_TITLE_CHARS = 90
#: Markdown heading marks and a bullet before a title: not part of the job's name.
_HEADING_MARK = re.compile(r"^\s*(?:#+\s*)?(?:[-*+]\s+)?")
#: Largest paste accepted: a job ad is a few KB; anything bigger is a wrong file.
MAX_TEXT_BYTES = 200_000


@dataclass(frozen=True)
class PastedPosting:
    """A posting built from pasted text, with the skills found on each requirement line."""

    posting: Posting
    text: str
    skills: Mapping[int, tuple[str, ...]]
    #: Lines that state no demand, with the reason (shown by ``postings add``, never stored).
    skipped: tuple[SkippedLine, ...] = ()

    @property
    def skill_ids(self) -> list[str]:
        """Every skill found, sorted."""
        return sorted({sid for ids in self.skills.values() for sid in ids})


def postings_dir() -> Path:
    """Where the user's postings live; the corpus loader includes it when it exists."""
    return user_postings_dir()


def posting_id(title: str, text: str) -> str:
    """``user-<title words>-<hash>``: stable for the same text, readable in a listing."""
    words = re.findall(r"[a-z0-9]+", title.casefold())[:ID_TITLE_WORDS]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HASH_CHARS]
    return USER_PREFIX + "-".join([*words, digest])


#: Why ``clean.drop_reason`` drops a line, as ``postings add`` reports it.
_DROP_REASONS = {
    "placeholder": "placeholder text",
    "link": "links only",
    "chrome": "heading or page chrome",
    "boilerplate": "benefits, pay or legal text",
}


@dataclass(frozen=True)
class SkippedLine:
    """A line of a pasted ad that states no demand, and why (company prose, benefits...)."""

    line: int
    text: str
    reason: str


def read_pasted(text: str) -> tuple[list[RequirementLine], list[SkippedLine], str | None]:
    """The demand lines of a pasted ad, the lines skipped with their reasons, and the title line.

    Sections (careergap.reading.sections) decide what is a demand: requirements, preferred,
    responsibilities and stack lines are; title, company prose, benefits, legal and apply
    text are skipped. A *Preferred* section makes its lines preferred; inline markers
    ("a plus") mark their own clause when the line is scored.
    """
    # Lazy: `match` imports this module (postings_dir) but reads no ad text (start-up).
    from careergap.reading import clean
    from careergap.reading.requirements import line_is_preferred
    from careergap.reading.sections import SKIP_REASONS, read_sections

    raw_lines = text.splitlines()
    parts = read_sections([clean.normalize(raw) for raw in raw_lines])
    lines: list[RequirementLine] = []
    skipped: list[SkippedLine] = []
    title: str | None = None
    seen: set[str] = set()
    required_section = True
    for number, (raw, part) in enumerate(zip(raw_lines, parts, strict=True), start=1):
        normalized = clean.normalize(raw)
        if not normalized:
            continue
        flag = clean.section_flag(normalized)
        if flag is not None:
            required_section = flag
        if part.heading:
            required_section = part.section != "preferred"
            skipped.append(SkippedLine(number, normalized, "heading"))
            continue
        why = None if part.demand else SKIP_REASONS[part.section]
        if part.section == "title":  # kept as the posting's title, not as a requirement
            why = SKIP_REASONS["title"]
            if title is None and clean.drop_reason(raw) is None:
                title = normalized
        why = why or clean.drop_reason(raw)
        if why is None and normalized.casefold() in seen:
            why = "repeated line"
        if why is not None:
            if why != "empty":
                skipped.append(SkippedLine(number, normalized, _DROP_REASONS.get(why, why)))
            continue
        if normalized.endswith(":") and clean.is_preferred(normalized):
            required_section = False  # "Nice to have:" opens the lines after it
            skipped.append(SkippedLine(number, normalized, "heading"))
            continue
        seen.add(normalized.casefold())
        preferred = (
            not required_section or part.section == "preferred" or line_is_preferred(normalized)
        )
        lines.append(
            RequirementLine(
                line=number,
                text=normalized,
                required=not preferred,
                section="preferred" if preferred else part.section,
            )
        )
    return lines, skipped, title


def requirement_lines(text: str) -> list[RequirementLine]:
    """The lines of a pasted ad that state what is wanted (see :func:`read_pasted`)."""
    return read_pasted(text)[0]


def _title_from(lines: Sequence[RequirementLine]) -> str | None:
    """The first line when it reads like a title (short, no sentence punctuation)."""
    if not lines:
        return None
    first = lines[0].text
    if len(first) <= MAX_TITLE_CHARS and not first.endswith((".", ":", ";", ",")):
        return first
    return None


def read_source(source: str) -> str:
    """The pasted text from a file, or from standard input for ``-``."""

    return read_user_text(source, MAX_TEXT_BYTES, "text file")


def split_title(line: str) -> tuple[str, str | None, str | None]:
    """``Title · Company · Location`` as copied from a job board -> its three parts."""
    line = _HEADING_MARK.sub("", line)  # "# Title" of a Markdown ad, "## - Title"
    parts = [part.strip() for part in line.split(JOB_BOARD_SEPARATOR)]
    title = parts[0] or line.strip()
    company = parts[1] if len(parts) > 1 and parts[1] else None
    location = JOB_BOARD_SEPARATOR.join(p for p in parts[2:] if p) or None
    return title, company, location


def check_text(text: str, where: str) -> None:
    if not text.strip():
        raise CareergapError(f"{where}: the posting text is empty; paste the job ad's text")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise CareergapError(_too_big(where))


def _too_big(where: str) -> str:
    return f"{where}: is larger than {MAX_TEXT_BYTES // 1000} KB; is it really one job ad?"


def parse_posting(
    text: str,
    family_id: str,
    find: Callable[[str], Iterable[Any]],
    title: str | None = None,
    where: str = "-",
    taxonomy: Taxonomy | None = None,
) -> PastedPosting:
    """Turn pasted text into a posting of one family; ``find`` is the ``taxonomy``'s extractor
    (its demands are read as `careergap extract` and the corpus read them; without the
    taxonomy, only by the rules that need none).

    Without ``title`` the first line is used when it looks like one (and is then not a
    requirement). Raises CareergapError for empty text or text with no known skill.
    """
    text = text.removeprefix("\ufeff")
    check_text(text, where)
    lines, skipped, title_line = read_pasted(text)
    if title is None:
        title = title_line or _title_from(lines)
        if title is not None and title_line is None:
            lines = lines[1:]
    if not lines:
        raise CareergapError(f"{where}: no requirement lines found in the posting text")
    # Lazy: `match` imports this module (postings_dir) but reads no ad text (start-up).
    from careergap.reading.demands import reader_for

    # The same reading as `careergap extract` and the corpus (careergap.reading.demands).
    reader = reader_for(taxonomy)
    skills = {
        line.line: tuple(
            sorted(
                {m.skill_id for m in reader.demands(line.text, list(find(line.text)), line.section)}
            )
        )
        for line in lines
    }
    if not any(skills.values()):
        raise CareergapError(
            f"{where}: no known skills found in the posting; nothing was saved "
            "(see what careergap can read with `careergap extract FILE`)"
        )
    title, company, location = split_title(title or "Untitled posting")
    pid = posting_id(title, text)

    now = today()
    posted = posted_date(text, now)
    posting = Posting(
        id=pid,
        title=title,
        company=company,
        location=location,
        families=(family_id,),
        source=str(postings_dir() / f"{pid}.txt"),
        lines=tuple(lines),
        added=now,
        posted=posted.date if posted else None,
        posted_line=posted.line if posted else None,
    )
    return PastedPosting(posting, text, skills, tuple(skipped))


def posting_yaml(posting: Posting) -> str:
    """A posting in the corpus file format (keys in model order, absent optionals left out)."""

    data = posting.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["lines"] = [line.model_dump(mode="json") for line in posting.lines]
    header = (
        "# Added with `careergap postings add`; "
        f"remove with `careergap postings remove {posting.id}`.\n"
    )
    return header + dump_yaml(data)


def save(pasted: PastedPosting) -> Path:
    """Store the posting (YAML) and its pasted text; refuse a posting already stored.

    The text is written first, then the YAML, each atomically; the YAML is what makes the
    posting exist (the corpus reads only ``*.yaml``), and if it cannot be written the text is
    removed again, so a failure never leaves half a posting.
    """

    folder = postings_dir()
    target = folder / f"{pasted.posting.id}.yaml"
    if target.exists():
        raise CareergapError(
            f"this posting is already stored as {pasted.posting.id} ({target}); "
            f"remove it first with `careergap postings remove {pasted.posting.id}`"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CareergapError(f"{folder}: cannot create: {exc.strerror or exc}") from None
    text_path = Path(pasted.posting.source)
    write_text_atomic(text_path, pasted.text)
    try:
        write_text_atomic(target, posting_yaml(pasted.posting))
    except BaseException:
        text_path.unlink(missing_ok=True)
        raise
    return target


def remove(pid: str) -> list[Path]:
    """Delete a user posting (its YAML and pasted text); the curated corpus cannot be removed."""
    folder = postings_dir()
    target = folder / f"{pid}.yaml"
    if not pid.startswith(USER_PREFIX) or "/" in pid or not target.is_file():
        known = [p.id for p in stored()]
        hint = f"; your postings: {', '.join(known)}" if known else "; you have added none"
        what = "only postings you added can be removed" if not pid.startswith(USER_PREFIX) else ""
        raise CareergapError(
            f"no posting of yours has id {pid!r}" + (f" ({what})" if what else "") + hint
        )
    removed = [p for p in (target, folder / f"{pid}.txt") if p.exists()]
    for path in removed:
        try:
            path.unlink()
        except OSError as exc:
            raise CareergapError(f"{path}: cannot remove: {exc.strerror or exc}") from None
    return removed


def stored() -> list[Posting]:
    """The user's postings, sorted by id; a damaged file is an error naming its file and line
    (hand edits are possible, so each is read as a user file)."""
    folder = postings_dir()
    if not folder.is_dir():
        return []
    postings = [read_model(path, Posting) for path in sorted(folder.glob("*.yaml"))]
    return sorted(postings, key=lambda p: p.id)
