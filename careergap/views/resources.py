"""The view of `careergap resources SKILL`: every study resource for one skill, as a list on
the terminal or as its ``--json`` payload."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from careergap.views.contract import SCHEMA_VERSION
from careergap.views.terminal import hanging, indented, print_lines

if TYPE_CHECKING:
    from careergap.corpus.resources import AttachedResource


def resources_json(skill_id: str, name: str, attached: list[AttachedResource]) -> dict[str, Any]:
    """``resources SKILL --json``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "skill": {"id": skill_id, "name": name},
        "resources": [a.to_payload() for a in attached],
    }


def print_resources(name: str, attached: list[AttachedResource]) -> None:
    """One block a resource: title, kind and where it is borrowed from; its sub-topics; its
    URL and seed line on a line of their own, never split (a table folded them mid-word)."""
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
