"""``careergap resources SKILL``: every study resource the documents offer for one skill."""

from __future__ import annotations

import typer

from careergap.cli._common import command, emit_json


@command("resources")
def resources(
    skill: str = typer.Argument(
        ..., metavar="SKILL", help="A skill name or alias, e.g. 'pytorch' or 'SVA'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List every study resource for one skill, with where each one is cited."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.vocabulary import study_resources
    from careergap.views.resources import print_resources, resources_json

    skill_id, name, attached = study_resources(skill)
    if as_json:
        emit_json(resources_json(skill_id, name, attached))
        return
    print_resources(name, attached)
