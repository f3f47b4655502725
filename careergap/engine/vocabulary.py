"""The questions asked of the skill vocabulary alone, without the corpus: which skills match a
search (`careergap skills`) and what to study for one skill (`careergap resources`)."""

from __future__ import annotations

from careergap.corpus.resources import AttachedResource, resources_for
from careergap.errors import UnknownSkillError
from careergap.models import Skill
from careergap.reading import taxonomy as taxonomies
from careergap.reading.matching import resolve_skill, search_skills
from careergap.reading.taxonomy import Taxonomy


def find_skills(query: str | None, limit: int | None, search_limit: int) -> list[Skill]:
    """Every skill (up to ``limit``) without a query; else the best ``limit or search_limit``
    matches of its names and aliases."""
    taxonomy = taxonomies.load_taxonomy()
    if query is None:
        return list(taxonomy.skills.values())[:limit]
    return [s for s, _ in search_skills(query, taxonomy, limit or search_limit)]


def study_resources(name: str) -> tuple[str, str, list[AttachedResource]]:
    """(skill id, display name, every resource for it) for the skill ``name`` names, or
    UnknownSkillError with a did-you-mean."""
    taxonomy = taxonomies.load_taxonomy()
    skill_id = skill_id_of(name, taxonomy)
    return skill_id, taxonomy.skills[skill_id].name, resources_for(skill_id, taxonomy)


def skill_id_of(name: str, taxonomy: Taxonomy) -> str:
    """A skill id for ``name``, or UnknownSkillError with a did-you-mean."""
    resolution = resolve_skill(name, taxonomy)
    if resolution.skill_id is not None:
        return resolution.skill_id
    suggestion = resolution.suggestion
    if suggestion:
        hint = f"did you mean {taxonomy.name(suggestion)}?"
    else:
        hint = "search the vocabulary with `careergap skills QUERY`"
    raise UnknownSkillError(f"unknown skill {name!r} — {hint}")
