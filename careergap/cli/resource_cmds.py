"""``careergap resources SKILL``: every study resource the documents offer for one skill."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from careergap.cli._common import command, emit_json
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:
    from careergap.corpus.resources import AttachedResource
    from careergap.reading.taxonomy import Taxonomy



@command("resources")
def resources(
    skill: str = typer.Argument(
        ..., metavar="SKILL", help="A skill name or alias, e.g. 'pytorch' or 'SVA'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List every study resource for one skill, with where each one is cited."""
    from careergap.corpus.resources import resources_for
    from careergap.reading.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = _resolve(skill, taxonomy)
    attached = resources_for(skill_id, taxonomy)
    name = taxonomy.skills[skill_id].name
    if as_json:
        emit_json(
            {
                "schema_version": SCHEMA_VERSION,
                "skill": {"id": skill_id, "name": name},
                "resources": [a.to_payload() for a in attached],
            }
        )
        return
    _print_table(name, attached)


def _resolve(name: str, taxonomy: Taxonomy) -> str:
    """A skill id for ``name``, or UnknownSkillError with a did-you-mean."""
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


def _print_table(name: str, attached: list[AttachedResource]) -> None:
    """One block a resource: title, kind and where it is borrowed from; its sub-topics; its
    URL and seed line on a line of their own, never split (a table folded them mid-word)."""
    from rich.text import Text

    from careergap.views.terminal import hanging, indented, print_lines

    if not attached:
        print_lines([f"No study resources for {name} in the documents."])
        return
    lines: list[Any] = [Text(f"Study resources for {name}", style="bold"), ""]
    for a in attached:
        head = Text("• ")
        head.append(a.resource.title, style="bold")
        head.append(f" ({a.resource.kind}" + (f", via {a.via}" if a.via else "") + ")")
        lines.append(hanging(head, 2))
        if a.resource.topics:
            lines.append(indented("topics: " + "; ".join(a.resource.topics), 2))
        where = Text()
        if a.resource.url:
            where.append(a.resource.url, style="cyan")
            where.append(" ")
        where.append(f"[{a.resource.source}]", style="dim")
        lines.append(indented(where, 2))
    print_lines(lines)
