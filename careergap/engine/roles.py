"""The questions asked of the role families alone: which family a name the user typed means,
and what each family is called."""

from __future__ import annotations

from collections.abc import Iterable

from careergap.corpus.roles import load_families, resolve_role
from careergap.models import RoleFamily


def role_family(name: str) -> RoleFamily:
    """The family ``name`` refers to (id, name or alias), or UnknownRoleError with a
    did-you-mean."""
    return resolve_role(name, load_families())


def role_ids(names: Iterable[str]) -> tuple[str, ...]:
    """The family id each name refers to, in order, each once (UnknownRoleError on the first
    name that refers to none)."""
    families = load_families()
    return tuple(dict.fromkeys(resolve_role(name, families).id for name in names))


def family_names() -> dict[str, str]:
    """Each family's display name by id, in file order."""
    return {family_id: family.name for family_id, family in load_families().items()}
