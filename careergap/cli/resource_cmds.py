"""``careergap resources SKILL``: every study resource the documents offer for one skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from careergap.cli._common import command, emit_json

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy


@command("resources")
def resources(
    skill: str = typer.Argument(
        ..., metavar="SKILL", help="A skill name or alias, e.g. 'pytorch' or 'SVA'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List every study resource for one skill, with where each one is cited."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.corpus.resources import resources_for
    from careergap.reading.taxonomy import load_taxonomy
    from careergap.views.resources import print_resources, resources_json

    taxonomy = load_taxonomy()
    skill_id = _resolve(skill, taxonomy)
    attached = resources_for(skill_id, taxonomy)
    name = taxonomy.skills[skill_id].name
    if as_json:
        emit_json(resources_json(skill_id, name, attached))
        return
    print_resources(name, attached)


def _resolve(name: str, taxonomy: Taxonomy) -> str:
    """A skill id for ``name``, or UnknownSkillError with a did-you-mean."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.errors import UnknownSkillError
    from careergap.reading.matching import resolve_skill

    resolution = resolve_skill(name, taxonomy)
    if resolution.skill_id is not None:
        return resolution.skill_id
    suggestion = resolution.suggestion
    if suggestion:
        hint = f"did you mean {taxonomy.name(suggestion)}?"
    else:
        hint = "search the vocabulary with `careergap skills QUERY`"
    raise UnknownSkillError(f"unknown skill {name!r} — {hint}")
