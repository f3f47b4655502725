"""Study resources taken from the seed documents, attached to skills.

The packaged ``data/resources.yaml`` maps a skill id to the books, courses, docs, articles and
topic-note syllabi the documents name for it. ``resources_for`` answers "what should I study for
this skill?": the skill's own resources first, then (labelled ``via``) those of its parents,
nearest first, then those of its related skills by weight. A borrowed resource must teach the
skill itself (its title, description or topics name it), and interview advice (how interviews
are run, phone screens, the STAR technique) is never offered for a technical skill: where
nothing fits, the list is shorter or empty, and the views say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from careergap.files import compiled, paths
from careergap.files.modelfile import Finding, read_model
from careergap.models import TECHNICAL_CATEGORIES, Resource
from careergap.reading import taxonomy as taxonomies
from careergap.reading.taxonomy import umbrella_skills

if TYPE_CHECKING:  # imported lazily: loading the taxonomy is not free
    from careergap.reading.taxonomy import Taxonomy

#: The packaged data file, relative to ``careergap/data``.
RESOURCES_FILE = "resources.yaml"

#: A skill with fewer own resources than this borrows from its parents and related skills
#: (three is what ``careergap gaps`` shows per gap).
BORROW_BELOW = 3

#: Order within one skill: structured study material before reference pages, events last.
KIND_PRIORITY: tuple[str, ...] = (
    "course",
    "book",
    "lecture",
    "topic-notes",
    "docs",
    "wikipedia",
    "article",
    "repository",
    "practice",
    "conference",
)


#: Titles of interview advice in the seeds (seed 004's interview steps, seed 000/001's phone
#: screens and quizzes): how to be interviewed, not how to do the work.
_ADVICE_TITLE = re.compile(
    r"\binterview|phone[- ]screen|\bSTAR technique|trivia questions|technical quiz|"
    r"insight questions|knowledge questions|fundamental questions|get hired|"
    r"technologies should you master|skill to master",
    re.IGNORECASE,
)
#: Descriptions of interview advice whose title does not say so ("Wikipedia style definitions").
_ADVICE_WHY = re.compile(
    r"\b(?:definition|case|knowledge|behavioural) questions\b|\bphone[- ]screen|"
    r"\binterview (?:quiz|habits)\b|\bhow coding interviews\b",
    re.IGNORECASE,
)
#: Kinds that can be advice; a book, course or practice site teaches its subject whatever its
#: title ("Cracking the Coding Interview" is algorithms practice).
_ADVICE_KINDS = frozenset({"topic-notes", "article"})
_NON_WORD = re.compile(r"[^0-9a-z+#]+")


def is_interview_advice(resource: Resource) -> bool:
    """Whether a resource is advice on being interviewed rather than study of a subject."""
    return resource.kind in _ADVICE_KINDS and bool(
        _ADVICE_TITLE.search(resource.title) or _ADVICE_WHY.search(resource.why)
    )


def _words(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.casefold()).strip() + " "


def teaches(resource: Resource, names: Iterable[str]) -> bool:
    """Whether the resource's title, description or topics name the skill (any of ``names``,
    as whole words, plural allowed): only then does a borrowed resource fit."""
    text = _words(" ".join((resource.title, resource.why, *resource.topics)))
    for name in names:
        form = _words(name).strip()
        if len(form) >= 2 and (f" {form} " in text or f" {form}s " in text):
            return True
    return False


def fits(resource: Resource, skill_id: str, taxonomy: Taxonomy, borrowed: bool) -> bool:
    """A resource fits a skill unless it is interview advice offered for a technical skill,
    or it is borrowed from another skill and does not teach this one."""
    skill = taxonomy.get(skill_id)
    if skill is None:
        return not borrowed
    if skill.category in TECHNICAL_CATEGORIES and is_interview_advice(resource):
        return False
    return not borrowed or teaches(resource, (skill.name, *skill.aliases, *skill.exact))


@dataclass(frozen=True)
class AttachedResource:
    """A resource as offered for one skill: ``via`` names the skill it was borrowed from."""

    resource: Resource
    #: Skill id the resource is filed under in the data.
    skill_id: str
    #: None for the skill's own resources; else the display name of the parent/related skill.
    via: str | None = None

    def to_payload(self) -> dict[str, Any]:
        """The JSON shape used by ``careergap resources --json`` (and ``gaps``/``plan``)."""
        r = self.resource
        return {
            "title": r.title,
            "kind": r.kind,
            "url": r.url,
            "source": r.source,
            "via": self.via,
            "why": r.why,
            # Additive to the documented keys: a topic-notes syllabus is its list of sub-topics.
            "topics": list(r.topics),
        }


@dataclass(frozen=True)
class ResourceIndex:
    """All resources by skill id, each list already in display order."""

    by_skill: Mapping[str, tuple[Resource, ...]]

    def own(self, skill_id: str) -> tuple[Resource, ...]:
        """The resources filed under this skill itself (possibly none)."""
        return self.by_skill.get(skill_id, ())

    def __len__(self) -> int:
        """Number of (skill, resource) entries."""
        return sum(len(v) for v in self.by_skill.values())


def sort_key(resource: Resource) -> tuple[int, str, str]:
    """Display order within one skill: kind priority, then title, then url (a full tie-break)."""
    return (KIND_PRIORITY.index(resource.kind), resource.title.casefold(), resource.url or "")


def _index(entries: Mapping[str, Iterable[Resource]]) -> ResourceIndex:
    """Validated entries, skills in id order and each skill's resources in display order."""
    return ResourceIndex(
        by_skill={sid: tuple(sorted(entries[sid], key=sort_key)) for sid in sorted(entries)}
    )


def load_resources(taxonomy: Taxonomy | None = None, path: Path | None = None) -> ResourceIndex:
    """Load and validate the packaged resources (or ``path``) against the taxonomy.

    Unknown skill ids or invalid entries raise DataError. The packaged file is parsed once
    per process.
    """
    if taxonomy is None:
        taxonomy = taxonomies.load_taxonomy()
    if path is None:
        return _load_packaged(tuple(sorted(taxonomy.skills)))
    return _load(path, tuple(sorted(taxonomy.skills)))


#: What a resources file holds: skill id -> its resources, at least one each.
_ResourceFile = dict[str, Annotated[list[Resource], Field(min_length=1)]]


def _load(path: Path, known: tuple[str, ...]) -> ResourceIndex:
    def unknown_ids(entries: dict[str, list[Resource]]) -> list[Finding]:
        return [((sid,), "unknown skill id") for sid in entries if sid not in known_ids]

    known_ids = frozenset(known)
    return _index(read_model(path, _ResourceFile, trusted=True, check=unknown_ids))


@lru_cache(maxsize=4)
def _load_packaged(known: tuple[str, ...]) -> ResourceIndex:
    """The packaged resources, checked against the taxonomy's skills once and kept compiled
    (careergap.files.compiled) with the file's bytes and those skills as the key: parsing and
    validating the YAML on every `gaps` and `plan` cost them ~25 ms of CPU (issue 15)."""
    path = paths.data_file(RESOURCES_FILE)
    try:
        data = path.read_bytes()
    except OSError:
        return _load(path, known)  # which reports it
    key = compiled.content_key(data + b"\0" + "\n".join(known).encode())
    index = _from_rows(compiled.read(compiled.RESOURCES_KIND, key))
    if index is None:
        index = _load(path, known)
        compiled.write(compiled.RESOURCES_KIND, key, _rows(index))
    return index


def _rows(index: ResourceIndex) -> dict[str, list[list[Any]]]:
    """The compiled form of a checked index: per skill, its resources in display order."""
    return {
        sid: [[r.title, r.kind, r.url, r.why, r.source, list(r.topics)] for r in resources]
        for sid, resources in index.by_skill.items()
    }


def _from_rows(rows: Any) -> ResourceIndex | None:
    """The index from compiled rows whose digest matched (what _rows wrote from a checked
    index: built, not validated again), or None when they are not in that shape."""
    try:
        return ResourceIndex(
            by_skill={
                sid: tuple(
                    Resource.model_construct(
                        title=title, kind=kind, url=url, why=why, source=src, topics=tuple(topics)
                    )
                    for title, kind, url, why, src, topics in resources
                )
                for sid, resources in rows.items()
            }
        )
    except (AttributeError, TypeError, ValueError):
        return None


def resources_for(
    skill_id: str,
    taxonomy: Taxonomy,
    limit: int | None = None,
    *,
    index: ResourceIndex | None = None,
) -> list[AttachedResource]:
    """Resources to study ``skill_id``: its own first, then borrowed ones labelled ``via``.

    A skill with fewer than BORROW_BELOW resources of its own borrows, in this order: from
    the nearest generation of ancestors that has others (parents before grandparents, and no
    further, so a tool does not inherit generic computer-science material its parent already
    covers), then from related skills in the taxonomy's order (weight descending, then id).
    A resource already offered (same title and url) is not repeated; ``limit`` caps the list.
    Only resources that fit are offered (see :func:`fits`).
    """
    if index is None:
        index = load_resources(taxonomy)
    lenders: list[str] = [skill_id]
    if len(index.own(skill_id)) < BORROW_BELOW:
        lenders += _nearest_lending_generation(skill_id, taxonomy, index)
        lenders += [sid for sid, _weight in taxonomy.related(skill_id) if sid not in lenders]
    out: list[AttachedResource] = []
    seen: set[tuple[str, str | None]] = set()
    for sid in lenders:
        via = None if sid == skill_id else taxonomy.name(sid)
        for res in index.own(sid):
            if limit is not None and len(out) >= limit:
                return out
            key = (res.title.casefold(), res.url)
            if key not in seen and fits(res, skill_id, taxonomy, borrowed=via is not None):
                seen.add(key)
                out.append(AttachedResource(resource=res, skill_id=sid, via=via))
    return out


def _nearest_lending_generation(
    skill_id: str, taxonomy: Taxonomy, index: ResourceIndex
) -> list[str]:
    """The closest generation of ancestors that has fitting resources the skill lacks, in
    taxonomy order.

    Umbrella skills are passed over: a generic book is not a study plan for a specific skill.
    """
    own = set(index.own(skill_id))
    umbrellas = umbrella_skills(taxonomy)
    seen = {skill_id}
    generation = list(taxonomy.parents(skill_id))
    while generation:
        seen.update(generation)
        lenders = [
            sid
            for sid in generation
            if sid not in umbrellas
            and any(fits(r, skill_id, taxonomy, borrowed=True) for r in set(index.own(sid)) - own)
        ]
        if lenders:
            return lenders
        generation = [
            parent for sid in generation for parent in taxonomy.parents(sid) if parent not in seen
        ]
        generation = list(dict.fromkeys(generation))
    return []
