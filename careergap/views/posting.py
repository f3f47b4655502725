"""Text view of one posting for `postings show`: provenance per line, skills highlighted.

Skills are shown twice: styled in the line (bold, for terminals) and listed under it by
name (so the highlight survives NO_COLOR, pipes and screen readers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich.text import Text

from careergap.models import Posting, RoleFamily
from careergap.views.summary import source_file

#: Style of a skill mention inside a requirement line.
SKILL_STYLE = "bold cyan"


def _highlighted(text: str, mentions: Sequence[Any]) -> Text:
    out = Text(text)
    for mention in mentions:
        out.stylize(SKILL_STYLE, mention.start, mention.end)
    return out


def posting_view(
    posting: Posting,
    families: Mapping[str, RoleFamily],
    find: Callable[[str], Sequence[Any]],
    names: Mapping[str, str],
) -> list[Text | str]:
    """Header (title, id, families, source, merged copies) then one block per requirement line."""
    family_names = ", ".join(families[f].name if f in families else f for f in posting.families)
    where = " · ".join(x for x in (posting.company, posting.location) if x)
    lines: list[Text | str] = [Text(posting.title, style="bold")]
    if where:
        lines.append(where)
    lines.append(f"id: {posting.id}   kind: {posting.kind}   families: {family_names}")
    lines.append(f"source: {posting.source}")
    for copy in posting.duplicates:
        lines.append(f"also pasted at: {copy}")
    lines.append("")
    seed = source_file(posting)
    for line in posting.lines:
        mentions = find(line.text)
        flag = "required " if line.required else "preferred"
        head = Text(f"{seed}:{line.line}  {flag}  ")
        lines.append(head + _highlighted(line.text, mentions))
        skills = list(dict.fromkeys(names.get(m.skill_id, m.skill_id) for m in mentions))
        if skills:
            lines.append(f"    skills: {', '.join(skills)}")
    return lines
