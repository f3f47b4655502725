"""`careergap init`: write a commented starter profile, optionally pre-filled from a CV.

Skills found in the CV text start at level 2 (beginner), each with a comment naming the CV
line it came from, so the person adjusts levels instead of typing names. The file is written
atomically (``userfiles.write_text_atomic``) and an existing file is never replaced without
``force``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careergap.errors import CareergapError
from careergap.files.escaping import for_json, for_terminal
from careergap.files.userfiles import read_user_text, write_text_atomic
from careergap.models import LEVEL_NAMES

#: Level given to every skill found in a CV: "beginner", for the person to raise or lower.
CV_LEVEL = 2
#: A CV is a few pages of text; anything larger is the wrong file (and would be slow to scan).
MAX_CV_BYTES = 1024 * 1024
#: CV lines quoted in comments are cut to this many characters to keep the file readable.
QUOTE_CHARS = 60
#: Skill names that YAML reads as plain text without quotes; anything else is double-quoted.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 +#./()&-]*")
#: Plain keys YAML would read as something other than text (booleans, null, numbers).
_NOT_TEXT = re.compile(r"(?i:y|n|yes|no|on|off|true|false|null|~)|[-+]?[0-9][0-9_.:eE+-]*")


@dataclass(frozen=True)
class FoundSkill:
    """A skill found in the CV: its id, display name, and where it was first seen."""

    skill_id: str
    name: str
    line: int
    text: str
    #: Other CV lines that mention the same skill.
    also: tuple[int, ...] = ()


#: In a CV, "CV" is the document itself, never computer vision (which the CV can spell out).
RESUME_WORDS = frozenset({"CV", "C.V", "CVS"})


def skills_in_text(
    text: str, find: Callable[[str], Iterable[Any]], names: Mapping[str, str]
) -> list[FoundSkill]:
    """Skills mentioned in ``text``, in order of first mention (ties by name).

    ``find`` is ``extractor.Extractor(taxonomy).find``: it returns mentions with a ``skill_id``.
    """
    first: dict[str, tuple[int, str]] = {}
    others: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        mentions = [m for m in find(line) if m.surface.strip(".").upper() not in RESUME_WORDS]
        for sid in sorted({m.skill_id for m in mentions}):
            if sid in first:
                if first[sid][0] != number:
                    others.setdefault(sid, []).append(number)
            else:
                first[sid] = (number, line.strip())
    found = [
        FoundSkill(sid, names[sid], line, quote, tuple(sorted(set(others.get(sid, ())))))
        for sid, (line, quote) in first.items()
    ]
    return sorted(found, key=lambda f: (f.line, f.name.casefold(), f.skill_id))


def yaml_key(name: str) -> str:
    """A skill name as a YAML mapping key, quoted only when it has to be."""
    if _PLAIN_KEY.fullmatch(name) and not _NOT_TEXT.fullmatch(name) and name == name.strip():
        return name
    return _quoted(name)


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar: a JSON string is one, and its \\u escapes keep the control
    characters YAML refuses raw (C1, bidi) out of the file."""

    return for_json(json.dumps(text, ensure_ascii=False))


def _comment(text: str) -> str:
    """Text from a CV (or its file name) for a ``#`` comment: one line, control and bidi
    characters replaced, so the comment cannot end early and the file reads back."""

    return for_terminal(" ".join(text.split()))


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = _comment(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _header(cv_name: str | None) -> list[str]:
    levels = ", ".join(f"{n} {LEVEL_NAMES[n]}" for n in sorted(LEVEL_NAMES))
    lines = [
        "# careergap profile: your skills, edited by hand over time.",
        "# Check it with `careergap validate`, then run `careergap match`.",
        "#",
        f"# Levels: {levels}.",
        "#   2 beginner: you have used it with help; 3 working: you use it on your own at work;",
        "#   4 strong: others come to you; 5 expert: you could teach or extend it.",
        "# Short form `Python: 3`, or the long form with optional details:",
        '#   PyTorch: {level: 3, since: 2024-03, evidence: "https://github.com/you/project"}',
        "# Skill names are free text (`careergap skills QUERY` lists the known ones).",
    ]
    if cv_name:
        lines += [
            "#",
            f"# Pre-filled from {_comment(cv_name)}: every skill found starts at {CV_LEVEL}"
            f" ({LEVEL_NAMES[CV_LEVEL]}), with the CV line it came from.",
            "# Raise, lower or delete each one; add what the CV does not say.",
        ]
    return lines


def render_profile(
    found: Sequence[FoundSkill] = (),
    cv_name: str | None = None,
    name: str | None = None,
    target_roles: Sequence[str] = (),
) -> str:
    """The text of a new profile; with ``found`` skills pre-filled at ``CV_LEVEL``."""
    lines = _header(cv_name)
    lines.append("")
    lines.append(f"name: {_quoted(name)}" if name else "# name: Ada")
    if target_roles:
        lines.append(f"target_roles: [{', '.join(yaml_key(r) for r in target_roles)}]")
    else:
        lines.append("# target_roles: [ML Engineer, Data Scientist]   # see `careergap roles`")
    lines.append("skills:")
    if not found:
        lines += ["  # Python: 3", "  # SQL: 2"]
    for skill in found:
        where = f"{_comment(cv_name)}:{skill.line}" if cv_name else f"line {skill.line}"
        if skill.also:
            where += " (also " + ", ".join(str(n) for n in skill.also) + ")"
        lines.append(f"  {yaml_key(skill.name)}: {CV_LEVEL}  # {where}: {_short(skill.text)}")
    return "\n".join(lines) + "\n"


def write_profile(path: Path, text: str, force: bool = False) -> None:
    """Write the profile atomically; refuse to replace an existing file unless ``force``."""

    path = Path(path)
    if path.is_dir():
        raise CareergapError(f"{path}: is a directory; give a file name such as {path / 'me.yaml'}")
    if path.exists() and not force:
        raise CareergapError(
            f"{path}: already exists; not overwriting it (use --force to replace it)"
        )
    if not path.parent.exists():
        raise CareergapError(f"{path}: the folder {path.parent} does not exist")
    write_text_atomic(path, text)


def read_cv(path: Path) -> str:
    """The CV's text: UTF-8 plain text up to 1 MB (``userfiles.read_user_text``)."""

    text = read_user_text(path, MAX_CV_BYTES, "CV text file")
    if not text.strip():
        raise CareergapError(f"{path}: is empty; paste your CV as plain text into it")
    return text
