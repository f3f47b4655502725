"""``careergap resources SKILL``: every study resource the documents offer for one skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from careergap.cli._common import command, emit_json

if TYPE_CHECKING:
    from careergap.resources import AttachedResource
    from careergap.taxonomy import Taxonomy

#: Version of the ``--json`` payload; bump on incompatible changes.
SCHEMA_VERSION = 1


@command("resources")
def resources(
    skill: str = typer.Argument(
        ..., metavar="SKILL", help="A skill name or alias, e.g. 'pytorch' or 'SVA'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List every study resource for one skill, with where each one is cited."""
    from careergap.resources import resources_for
    from careergap.taxonomy import load_taxonomy

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
    from careergap.matching import resolve_skill

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
    from careergap.render import print_lines, print_renderable, table

    if not attached:
        print_lines([f"No study resources for {name} in the documents."])
        return
    rows = [
        (
            _title_cell(a.resource.title, a.resource.topics),
            a.resource.kind,
            a.resource.url or "",
            a.resource.source,
            a.via or "",
        )
        for a in attached
    ]
    columns = [
        ("title", {"overflow": "fold", "ratio": 3}),
        ("kind", {"no_wrap": True}),
        ("url", {"overflow": "fold", "ratio": 4}),
        ("source", {"overflow": "fold", "ratio": 4}),
        ("via", {"overflow": "fold", "ratio": 2}),
    ]
    tbl = table(f"Study resources for {name}", columns, rows)
    tbl.expand = True  # share the terminal width by the ratios above
    print_renderable(tbl)


def _title_cell(title: str, topics: tuple[str, ...]) -> str:
    """The title, and for topic notes their sub-topics on the following line."""
    return f"{title}\ntopics: " + "; ".join(topics) if topics else title
