"""What `postings list --json` and `postings show` report: pure functions over postings.

Skills are never stored in the corpus; they are extracted here from each requirement line with
the taxonomy's extractor (a ``find(text) -> mentions`` callable), the same way scoring does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from careergap.models import Posting
from careergap.store.workspace import source_file as store_source_file
from careergap.views.contract import SCHEMA_VERSION

Find = Callable[[str], Sequence[Any]]


def line_skills(text: str, find: Find) -> list[str]:
    """Skill ids mentioned in one line, in order of first mention, without repeats."""
    return list(dict.fromkeys(mention.skill_id for mention in find(text)))


def posting_skills(posting: Posting, find: Find) -> list[str]:
    """Every skill id a posting mentions, sorted."""
    return sorted({sid for line in posting.lines for sid in line_skills(line.text, find)})


def postings_json(postings: Sequence[Posting], find: Find) -> dict[str, Any]:
    """`postings list --json` payload (schema_version 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "postings": [
            {
                "id": p.id,
                "title": p.title,
                "company": p.company,
                "families": list(p.families),
                "kind": p.kind,
                "source": p.source,
                "skills": posting_skills(p, find),
                # your own postings: the day stored, the date the ad states (null if none)
                "added": p.added.isoformat() if p.added else None,
                "posted": p.posted.isoformat() if p.posted else None,
            }
            for p in postings
        ],
    }


def source_file(posting: Posting) -> str:
    """``002_x.txt:776-791`` -> ``002_x.txt`` (a user posting's path is kept whole)."""
    return store_source_file(posting.source)
