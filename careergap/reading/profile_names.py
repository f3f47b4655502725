"""Skill names as a person writes them in a profile -> canonical skill ids.

A name that does not resolve is a warning with a suggestion and is dropped; a near-identical
spelling ("Kubernetess") is used but warned about, so nothing is mapped silently; a compound
name ("C/C++", "DRC/LVS") stands for each of its parts; two names for one skill warn and the
higher level counts. The resolver itself is ``careergap.reading.matching.resolve_skill``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from careergap.errors import Problem
from careergap.models import LEVEL_MAX, LEVEL_MIN

if TYPE_CHECKING:
    from careergap.files.loader import YamlDoc

#: The resolver's method for a near-identical spelling: mapped, but said out loud.
FUZZY_METHOD = "fuzzy"


class Resolution(Protocol):
    """What ``careergap.reading.matching.resolve_skill`` returns (only the parts used here)."""

    @property
    def skill_id(self) -> str | None: ...
    @property
    def suggestion(self) -> str | None: ...
    @property
    def method(self) -> str: ...


class Resolver(Protocol):
    """``matching.resolve_skill``: a typed name -> a Resolution; ``fuzzy=False`` looks up exact
    names and aliases only (constant time), for names past FUZZY_NAME_LIMIT."""

    def __call__(self, name: str, taxonomy: Any, *, fuzzy: bool = True) -> Resolution: ...


#: Names of one profile that may be scored fuzzily (typo resolution, "did you mean"). Each costs
#: a pass over every form of the taxonomy; past this many, a hostile or generated profile of
#: 20,000 unknown names would take minutes, so the rest are looked up exactly (still warned).
FUZZY_NAME_LIMIT = 100


#: What joins the parts of a compound name: "C/C++", "DRC/LVS", "algorithms and data structures".
_COMPOUND_JOINS = re.compile(r"\s*(?:/|,|;|&|\band\b)\s*", re.IGNORECASE)


def _raw_level(value: Any) -> int:
    """The level as written (short or long form), -1 when it is not a valid level."""
    if isinstance(value, dict):
        value = value.get("level")
    if type(value) is int and LEVEL_MIN <= value <= LEVEL_MAX:
        return value
    return -1


def _skills_of(name: str, whole: Resolution, taxonomy: Any, resolve: Resolver) -> tuple[str, ...]:
    """The skills a written name stands for, given the whole name's resolution.

    A name that resolves only loosely (or not at all) but whose parts each resolve exactly is a
    compound: "DRC/LVS" is DRC and LVS. A name that is itself a skill ("A/B testing", "CI/CD")
    stays one skill. Parts are looked up exactly (no typo search), so a compound costs little.
    """
    if whole.skill_id is not None and whole.method != FUZZY_METHOD:
        return (whole.skill_id,)
    parts = [p.strip() for p in _COMPOUND_JOINS.split(name) if p.strip()]
    if len(parts) > 1:
        found = [resolve(p, taxonomy, fuzzy=False) for p in parts]
        if all(r.skill_id is not None and r.method != FUZZY_METHOD for r in found):
            return tuple(dict.fromkeys(str(r.skill_id) for r in found))
    return (whole.skill_id,) if whole.skill_id is not None else ()


def resolve_names(
    names: list[str], doc: YamlDoc, taxonomy: Any, resolve: Resolver
) -> tuple[dict[str, tuple[str, ...]], list[Problem], list[Problem]]:
    """Map written names to skill ids: unknown names warn and are dropped; a compound name maps
    to each of its parts; two names for one skill warn and the higher level is kept."""
    path = str(doc.path)
    raw = doc.data.get("skills") if isinstance(doc.data, dict) else None
    levels = {n: _raw_level(raw.get(n)) for n in names} if isinstance(raw, dict) else {}
    resolved: dict[str, list[str]] = {}
    holder: dict[str, str] = {}
    warnings: list[Problem] = []
    seen: dict[str, Resolution] = {}  # one resolution per distinct written name
    fuzzy_left = FUZZY_NAME_LIMIT
    for name in names:
        line = doc.line_of(("skills", name))
        where = f"skills.{name}"
        if not name.strip():
            continue  # reported by the model
        result = seen.get(name.strip())
        if result is None:
            result = resolve(name.strip(), taxonomy, fuzzy=fuzzy_left > 0)
            if result.method in ("fuzzy", "none"):
                fuzzy_left -= 1
            seen[name.strip()] = result
        skill_ids = _skills_of(name.strip(), result, taxonomy, resolve)
        if not skill_ids:
            message = _unknown_message(name, result, taxonomy, searched=fuzzy_left >= 0)
            warnings.append(Problem(path, line, where, message))
            continue
        if len(skill_ids) == 1 and result.method == FUZZY_METHOD:
            warnings.append(
                Problem(
                    path,
                    line,
                    where,
                    f"read {name!r} as {_display(skill_ids[0], taxonomy)} (a close spelling); "
                    "write the exact name to silence this warning",
                )
            )
        resolved[name] = []
        for skill_id in skill_ids:
            other = holder.get(skill_id)
            if other is None:
                holder[skill_id] = name
                resolved[name].append(skill_id)
                continue
            keep = name if levels.get(name, -1) > levels.get(other, -1) else other
            same = levels.get(name, -1) == levels.get(other, -1)
            warnings.append(
                Problem(
                    path,
                    line,
                    where,
                    f"{name!r} and {other!r} (line {doc.line_of(('skills', other))}) are the "
                    f"same skill, {_display(skill_id, taxonomy)}"
                    + (
                        f", both at level {levels.get(name)}"
                        if same and levels.get(name, -1) >= 0
                        else f"; using {keep!r}, the higher level"
                    ),
                )
            )
            if keep == name:
                resolved[other].remove(skill_id)
                holder[skill_id] = name
                resolved[name].append(skill_id)
    return {n: tuple(ids) for n, ids in resolved.items() if ids}, [], warnings


def _unknown_message(name: str, result: Resolution, taxonomy: Any, searched: bool = True) -> str:
    if result.suggestion:
        return (
            f"unknown skill {name!r} — did you mean {_display(result.suggestion, taxonomy)}? "
            "(ignored)"
        )
    ignored = (
        "(ignored)"
        if searched
        else f"(ignored; close spellings are searched for the first {FUZZY_NAME_LIMIT} only)"
    )
    # Quoted for the shell, so the command can be pasted as shown: `careergap skills 'AMBA AXI'`.
    return f"unknown skill {name!r}; see `careergap skills {shlex.quote(name.strip())}` {ignored}"


def _display(skill_id: str, taxonomy: Any) -> str:
    skills: Mapping[str, Any] = getattr(taxonomy, "skills", {})
    skill = skills.get(skill_id)
    return str(skill.name) if skill is not None else skill_id
