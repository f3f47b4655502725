"""What `roles` and `postings list/show` report: pure functions over a loaded corpus.

Skills are never stored in the corpus; they are extracted here from each requirement line with
the taxonomy's extractor (a ``find(text) -> mentions`` callable), the same way scoring does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careergap.corpus.load import Corpus
from careergap.models import Posting

#: How many most-demanded skills `roles` shows per family.
TOP_SKILLS = 5
#: JSON contract version of `roles --json` and `postings list --json`.
SCHEMA_VERSION = 1

Find = Callable[[str], Sequence[Any]]


@dataclass(frozen=True)
class SkillDemand:
    skill_id: str
    name: str
    #: Share of the family's postings (topic notes when it has none) that mention the skill.
    demand: float


@dataclass(frozen=True)
class FamilySummary:
    id: str
    name: str
    postings: int
    notes: int
    top_skills: tuple[SkillDemand, ...]


def line_skills(text: str, find: Find) -> list[str]:
    """Skill ids mentioned in one line, in order of first mention, without repeats."""
    return list(dict.fromkeys(mention.skill_id for mention in find(text)))


def posting_skills(posting: Posting, find: Find) -> list[str]:
    """Every skill id a posting mentions, sorted."""
    return sorted({sid for line in posting.lines for sid in line_skills(line.text, find)})


def top_skills(
    entries: Iterable[Posting], find: Find, names: Mapping[str, str], limit: int = TOP_SKILLS
) -> tuple[SkillDemand, ...]:
    """The skills mentioned by the largest share of ENTRIES (ties by id)."""
    entries = list(entries)
    if not entries:
        return ()
    counts = Counter(sid for p in entries for sid in posting_skills(p, find))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return tuple(
        SkillDemand(sid, names.get(sid, sid), round(n / len(entries), 3)) for sid, n in ranked
    )


def summarize_families(corpus: Corpus, find: Find, names: Mapping[str, str]) -> list[FamilySummary]:
    """Every family in families-file order, with honest counts and its most demanded skills."""
    out = []
    for fid, family in corpus.families.items():
        members = corpus.by_family(fid)
        real = [p for p in members if p.kind == "posting"]
        notes = [p for p in members if p.kind == "notes"]
        out.append(
            FamilySummary(
                id=fid,
                name=family.name,
                postings=len(real),
                notes=len(notes),
                top_skills=top_skills(real or notes, find, names),
            )
        )
    return out


def roles_json(summaries: Sequence[FamilySummary]) -> dict[str, Any]:
    """`roles --json` payload (schema_version 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "families": [
            {
                "id": s.id,
                "name": s.name,
                "postings": s.postings,
                "notes": s.notes,
                "top_skills": [
                    {"id": d.skill_id, "name": d.name, "demand": d.demand} for d in s.top_skills
                ],
            }
            for s in summaries
        ],
    }


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
    head, sep, tail = posting.source.rpartition(":")
    return head if sep and tail.replace("-", "").isdigit() else posting.source
