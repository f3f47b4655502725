"""The profile: a person's ``me.yaml``, edited by hand over the years.

Format (every key optional; unknown keys are errors so typos cannot hide)::

    name: Ada                                   # text
    target_roles: [ML Engineer, Formal Verification Engineer]   # role names as you type them
    skills:
      Python: 4                                 # short form: the level only
      PyTorch: {level: 3, since: 2024-03, evidence: "https://github.com/ada/detector", note: "..."}
      SVA: 1

Levels are whole numbers 0-5: 0 none, 1 aware, 2 beginner, 3 working, 4 strong, 5 expert
(``models.LEVEL_NAMES``). ``since`` is ``YYYY-MM`` or ``YYYY-MM-DD``; ``evidence`` and ``note`` are
free text. Skill names are free text resolved to canonical skills by
``careergap.reading.matching.resolve_skill``: a name that does not resolve is a warning with a
suggestion and is ignored; a near-identical spelling ("Kubernetess") is used but also warned
about, so nothing is mapped silently. A compound name ("C/C++", "DRC/LVS") stands for each of
its parts; two names for the same skill are a warning and the higher level counts. Target roles
stay strings here; the families module resolves them.

Every problem of a file is reported at once, each as ``path:LINE: field: message``.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careergap.errors import Problem, ProfileNotFound, ValidationFailed
from careergap.files.modelfile import Finding, problem_order, validate_document
from careergap.models import LEVEL_MAX, LEVEL_MIN

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from careergap.files.loader import YamlDoc

#: Environment variable naming the profile when no path is given.
PROFILE_ENV = "CAREERGAP_PROFILE"
#: Looked for in the current directory, in this order, when no path is given.
LOCAL_PROFILE_NAMES = ("me.yaml", "careergap.yaml")
#: The profile's name inside the user config dir, the last place looked.
CONFIG_PROFILE_NAME = "profile.yaml"
#: ``since`` is a month or a day; a bare year is too vague to be worth recording.
SINCE_PATTERN = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
#: Said when ``skills`` is empty: valid (a profile in progress) but worth knowing.
EMPTY_SKILLS = "no skills listed yet; every family will score 0%"
#: The resolver's method for a near-identical spelling: mapped, but said out loud.
FUZZY_METHOD = "fuzzy"
#: Offending values longer than this are cut in messages so one line stays one line.
MAX_SHOWN_INPUT = 40

TOP_KEYS = ("name", "target_roles", "recency_half_life_days", "skills")
#: Longest half-life a profile may ask for (100 years: weighing by age at all must mean something).
MAX_HALF_LIFE_DAYS = 36500
ENTRY_KEYS = ("level", "since", "evidence", "note")


# --- the file format ----------------------------------------------------------------------


class ProfileSkillEntry(BaseModel):
    """One skill of a profile. The short form ``Python: 4`` is read as ``{level: 4}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Strict: true, 3.5 and "3" are mistakes to report, not values to coerce.
    level: int = Field(strict=True, ge=LEVEL_MIN, le=LEVEL_MAX)
    since: str | date | None = None
    evidence: str | None = Field(default=None, strict=True)
    note: str | None = Field(default=None, strict=True)

    @field_validator("since", mode="before")
    @classmethod
    def _check_since(cls, value: Any) -> Any:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        match = SINCE_PATTERN.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise ValueError(f"must be YYYY-MM or YYYY-MM-DD, got {_shown(value)}")
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            raise ValueError(f"{value.strip()!r} is not a real date") from None
        return value.strip()


class ProfileFile(BaseModel):
    """The whole profile file as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(default=None, strict=True)
    target_roles: list[str] = Field(default_factory=list)
    #: Weigh postings by age with this half-life (careergap.engine.market); None: every
    #: posting weighs the same. `--half-life` overrides it.
    recency_half_life_days: int | None = Field(
        default=None, strict=True, ge=1, le=MAX_HALF_LIFE_DAYS
    )
    skills: dict[str, ProfileSkillEntry] = Field(default_factory=dict)

    @field_validator("target_roles", mode="before")
    @classmethod
    def _no_roles_yet(cls, value: Any) -> Any:
        # `target_roles:` with nothing after it is a list in progress, not a type error.
        return [] if value is None else value

    @field_validator("skills", mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if value is None:  # `skills:` with nothing under it yet
            return {}
        if isinstance(value, dict):
            return {
                name: entry if isinstance(entry, dict) else {"level": entry}
                for name, entry in value.items()
            }
        return value

    @field_validator("skills")
    @classmethod
    def _names_not_blank(cls, value: dict[str, ProfileSkillEntry]) -> dict[str, ProfileSkillEntry]:
        if any(not name.strip() for name in value):
            raise ValueError("a skill name is empty")
        return value


# --- loading ------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class ProfileSkill:
    """A resolved skill as the person wrote it: the name used, its line and the entry."""

    name: str
    line: int | None
    entry: ProfileSkillEntry


@dataclass(frozen=True)
class LoadedProfile:
    """A valid profile with every skill name resolved to a canonical skill id."""

    path: Path
    name: str | None
    target_roles: list[str]
    levels: dict[str, int]
    entries: dict[str, ProfileSkill]
    warnings: list[Problem] = field(default_factory=list)
    half_life_days: int | None = None


@dataclass(frozen=True)
class ProfileCheck:
    """Everything ``validate`` reports: the profile when it is valid, errors and warnings."""

    path: Path
    profile: LoadedProfile | None
    errors: list[Problem]
    warnings: list[Problem]

    def failures(self, strict: bool) -> list[Problem]:
        """What makes the file invalid: the errors, plus the warnings under ``--strict``."""
        return sorted(self.errors + (self.warnings if strict else []), key=problem_order)


def load_profile(path: Path, taxonomy: Any, resolve: Resolver | None = None) -> LoadedProfile:
    """Read, validate and resolve a profile; every error at once as :class:`ValidationFailed`.

    Unreadable files raise ``InputFileError``. ``resolve`` defaults to
    ``careergap.reading.matching.resolve_skill`` (tests pass a fake).
    """
    check = check_profile(path, taxonomy, resolve)
    if check.profile is None:
        raise ValidationFailed(check.errors)
    return check.profile


def check_profile(path: Path, taxonomy: Any, resolve: Resolver | None = None) -> ProfileCheck:
    """Like :func:`load_profile` but returns the errors instead of raising them."""
    from careergap.files.loader import read_user_yaml

    return check_document(read_user_yaml(Path(path)), taxonomy, resolve)


def check_document(doc: YamlDoc, taxonomy: Any, resolve: Resolver | None = None) -> ProfileCheck:
    """Validate and resolve an already-read profile (``loader.read_user_yaml``)."""
    if resolve is None:
        from careergap.reading.matching import resolve_skill

        resolve = resolve_skill
    parsed, errors = validate_document(doc, ProfileFile, _reword)
    raw_skills = doc.data.get("skills")
    names = list(raw_skills) if isinstance(raw_skills, dict) else []
    resolved, resolve_errors, warnings = _resolve_names(names, doc, taxonomy, resolve)
    errors.extend(resolve_errors)
    if parsed is not None and not parsed.skills:
        warnings.append(Problem(str(doc.path), doc.line_of(("skills",)), "skills", EMPTY_SKILLS))
    errors.sort(key=problem_order)
    warnings.sort(key=problem_order)
    if errors or parsed is None:
        return ProfileCheck(doc.path, None, errors, warnings)
    entries = {
        sid: ProfileSkill(name, doc.line_of(("skills", name)), parsed.skills[name])
        for name, sids in resolved.items()
        for sid in sids
    }
    profile = LoadedProfile(
        path=doc.path,
        name=parsed.name,
        target_roles=list(parsed.target_roles),
        levels={sid: entry.entry.level for sid, entry in entries.items()},
        entries=entries,
        warnings=warnings,
        half_life_days=parsed.recency_half_life_days,
    )
    return ProfileCheck(doc.path, profile, [], warnings)


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


def _resolve_names(
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


# --- pydantic errors -> located problems --------------------------------------------------


def _reword(err: ErrorDetails, doc: YamlDoc) -> Finding:
    """Where a person looks for a problem, and pydantic's words rephrased for them."""
    loc = tuple(err["loc"])
    field_loc: tuple[str | int, ...] = loc
    if (
        len(loc) == 3
        and loc[0] == "skills"
        and loc[2] == "level"
        and isinstance(doc.data.get("skills"), dict)
        and not isinstance(doc.data["skills"].get(loc[1]), dict)
    ):
        field_loc = loc[:2]  # short form `Python: 7`: the level is the value itself
    if err["type"] == "missing":
        field_loc = loc[:-1]  # point at the entry that lacks the key
    return field_loc, _message(err, loc)


def _message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    """pydantic's wording rephrased for a person editing YAML."""
    kind, value = err["type"], err.get("input")
    last = loc[-1] if loc else None
    if kind == "extra_forbidden":
        allowed = ENTRY_KEYS if len(loc) == 3 else TOP_KEYS
        return f"unknown key; expected one of: {', '.join(allowed)}"
    if kind == "missing":
        return f"missing required key {last!r}"
    if last == "level":
        return f"level must be a whole number from {LEVEL_MIN} to {LEVEL_MAX}, got {_shown(value)}"
    if kind == "dict_type" and loc == ("skills",):
        return f"must be a mapping of skill name to level (like 'Python: 3'), got {_shown(value)}"
    if kind == "dict_type":
        return f"must be a level or a mapping like '{{level: 3}}', got {_shown(value)}"
    if kind == "list_type":
        return f"must be a list (like '[ML Engineer]'), got {_shown(value)}"
    if kind == "string_type":
        return f"must be text, got {_shown(value)}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        text = str(value).lower()  # as YAML spells it
    elif isinstance(value, date):
        text = str(value)
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN_INPUT else text[: MAX_SHOWN_INPUT - 3] + "..."


# --- discovery ----------------------------------------------------------------------------


def find_profile(explicit: Path | None) -> Path:
    """The profile to use: ``explicit``, else ``$CAREERGAP_PROFILE``, else ``./me.yaml`` or
    ``./careergap.yaml``, else ``profile.yaml`` in the user config dir.

    An explicit or environment path is returned even when missing, so the reader's error names it.
    """
    if explicit is not None:
        return Path(explicit)
    from_env = os.environ.get(PROFILE_ENV, "").strip()
    if from_env:
        return Path(from_env)
    for name in LOCAL_PROFILE_NAMES:
        if Path(name).exists():
            return Path(name)
    from careergap.files.paths import user_config_dir

    configured = user_config_dir() / CONFIG_PROFILE_NAME
    if configured.exists():
        return configured
    raise ProfileNotFound(
        "no profile found: pass one (careergap validate me.yaml), set $"
        f"{PROFILE_ENV}, or create ./me.yaml or {configured}.\n"
        "Create one with `careergap init`, or copy an example from profiles/ (see the README)."
    )
