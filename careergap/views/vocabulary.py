"""Views of the skill vocabulary: the `skills` table and ``--json``, the `extract` table.

(`extract --json` is streamed by ``careergap.views.extraction.extract_json_chunks``.)
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from careergap.views.contract import SCHEMA_VERSION
from careergap.views.terminal import print_renderable, table

if TYPE_CHECKING:
    from careergap.models import Skill
    from careergap.reading.taxonomy import Taxonomy

#: Widest the skill column may get, so the line text keeps most of a narrow terminal.
SKILL_COLUMN_WIDTH = 24
#: Longest line text shown in the human table before it is cut with an ellipsis.
LINE_PREVIEW_CHARS = 60


def skills_json(found: list[Skill]) -> dict[str, Any]:
    """``skills [QUERY] --json``."""
    return {"schema_version": SCHEMA_VERSION, "skills": [_skill_payload(s) for s in found]}


def _skill_payload(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.id,
        "name": skill.name,
        "category": skill.category,
        "aliases": list(dict.fromkeys((*skill.aliases, *skill.exact))),
    }


def print_skills(found: list[Skill], query: str | None) -> None:
    """The `skills` table: id, name, category and every alias of each skill found."""
    # Imported here, as in print_extract: the tables need rich, `--json` must not load it.

    rows = [
        (s.id, s.name, s.category, ", ".join(dict.fromkeys((*s.aliases, *s.exact)))) for s in found
    ]
    title = f"Skills matching {query!r}" if query is not None else f"{len(found)} skills"
    columns = [("id", {"no_wrap": True}), ("name", {}), ("category", {}), ("aliases", {})]
    print_renderable(table(title, columns, rows))


def print_extract(
    taxonomy: Taxonomy,
    found: dict[str, tuple[int, str]],
    counts: Counter[str],
    source: str,
) -> None:
    """The `extract` table: each skill found, how often, and the first line naming it."""

    rows = []
    for sid, (number, text) in found.items():
        preview = text if len(text) <= LINE_PREVIEW_CHARS else text[: LINE_PREVIEW_CHARS - 1] + "…"
        rows.append((taxonomy.name(sid), str(counts[sid]), f"{number}: {preview}"))
    columns: list[tuple[str, dict[str, Any]]] = [
        ("skill", {"max_width": SKILL_COLUMN_WIDTH}),
        ("mentions", {"justify": "right"}),
        ("first line", {}),
    ]
    print_renderable(table(f"{len(found)} skills in {source}", columns, rows))
