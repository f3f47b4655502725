"""Role families: load the packaged list and resolve what a user types to one family.

A role resolves by id, display name or any alias, ignoring case, spaces and punctuation
("ml-engineer", "ML Engineer", "mle"), or by whole words of one of those names when only one
family has them all ("formal", "physical"); words several families share ("data") name them
all in the error. A near miss raises UnknownRoleError with a did-you-mean, so
``--role "ML Enginer"`` tells the user what to type instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from careergap.errors import DataError, UnknownRoleError
from careergap.files import compiled
from careergap.files.modelfile import read_model
from careergap.files.paths import data_file
from careergap.models import RoleFamily

FAMILIES_FILE = "families.yaml"
#: The compiled families' kind of file in the cache folder (careergap.files.compiled).
FAMILIES_KIND = "families"
#: How close a typo must be to a known role name to be offered as "did you mean".
SUGGEST_CUTOFF = 0.75


#: How many families an ambiguous role name lists before "and N more".
AMBIGUOUS_SHOWN = 5


def role_words(name: str) -> frozenset[str]:
    """The words of a role name, case-folded: "Data / BI Analyst" -> data, bi, analyst. A
    hyphenated word stays one ("Cyber-Physical"), so "physical" names only Physical Design."""
    return frozenset(re.findall(r"[0-9a-z+#]+(?:-[0-9a-z+#]+)*", name.casefold()))


def role_key(name: str) -> str:
    """Case-, space- and punctuation-insensitive form of a role name."""
    return re.sub(r"[^0-9a-z+#]", "", name.casefold())


@lru_cache(maxsize=1)
def _packaged_families() -> tuple[RoleFamily, ...]:
    """The packaged families, from their compiled form when careergap wrote one for these
    bytes (careergap.files.compiled: read in one go, not parsed and validated again on every
    run), else read and checked from the YAML and compiled."""
    path = data_file(FAMILIES_FILE)
    try:
        key = compiled.content_key(path.read_bytes())
    except OSError:
        key = None  # read_model names the file and the problem
    if key is not None:
        restored = _from_rows(compiled.read(FAMILIES_KIND, key))
        if restored is not None:
            return restored
    families = tuple(read_model(path, list[RoleFamily], trusted=True))
    check_families(families, str(path))
    if key is not None:
        rows = [[f.id, f.name, list(f.aliases), f.description] for f in families]
        compiled.write(FAMILIES_KIND, key, rows)
    return families


def _from_rows(rows: Any) -> tuple[RoleFamily, ...] | None:
    """The families from their compiled rows, or None when the rows are not what
    :func:`_packaged_families` writes. The digest matched, so each was checked when written:
    constructed, not validated again."""
    try:
        families = tuple(
            RoleFamily.model_construct(
                id=fid, name=name, aliases=tuple(aliases), description=description
            )
            for fid, name, aliases, description in rows
        )
        if not families or not all(
            type(value) is str for f in families for value in (f.id, f.name, *f.aliases)
        ):
            return None
        check_families(families, FAMILIES_FILE)
    except (TypeError, ValueError, DataError):
        return None
    return families


def check_families(families: tuple[RoleFamily, ...], where: str) -> None:
    """Ids are unique and no two families answer to the same name or alias."""
    owner: dict[str, str] = {}
    for family in families:
        for name in (family.id, family.name, *family.aliases):
            key = role_key(name)
            if owner.get(key, family.id) != family.id:
                raise DataError(f"{where}: {name!r} names both {owner[key]} and {family.id}")
            owner[key] = family.id


def load_families() -> dict[str, RoleFamily]:
    """The packaged role families by id, in file order."""
    return {family.id: family for family in _packaged_families()}


def resolve_role(name: str, families: Mapping[str, RoleFamily]) -> RoleFamily:
    """The family NAME refers to (id, name or alias), or UnknownRoleError with a suggestion."""
    names: dict[str, RoleFamily] = {}
    for family in families.values():
        for candidate in (family.id, family.name, *family.aliases):
            names.setdefault(role_key(candidate), family)
    key = role_key(name)
    if key in names:
        return names[key]
    wanted = role_words(name)
    if wanted:
        having = [
            family
            for family in families.values()
            if wanted <= role_words(family.id.replace("-", " "))
            or any(wanted <= role_words(n) for n in (family.name, *family.aliases))
        ]
        if len(having) == 1:
            return having[0]
        if having:
            listed = ", ".join(family.name for family in having[:AMBIGUOUS_SHOWN])
            if len(having) > AMBIGUOUS_SHOWN:
                listed += f" and {len(having) - AMBIGUOUS_SHOWN} more"
            raise UnknownRoleError(
                f"role {name!r} could be any of: {listed} — give more of its name"
                " (see `careergap roles`)"
            )
    close = difflib.get_close_matches(key, sorted(names), n=1, cutoff=SUGGEST_CUTOFF)
    hint = f" — did you mean {names[close[0]].name}?" if close else ""
    raise UnknownRoleError(f"unknown role {name!r}{hint} (see `careergap roles`)")
