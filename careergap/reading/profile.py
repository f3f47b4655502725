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

The format and its messages live in ``profile_format``, name resolution in ``profile_names``;
this module puts them together and finds the profile to use.

Every problem of a file is reported at once, each as ``path:LINE: field: message``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.errors import Problem, ProfileNotFound, ValidationFailed
from careergap.files.loader import read_user_yaml
from careergap.files.modelfile import problem_order, validate_document
from careergap.files.paths import user_config_dir
from careergap.reading.profile_format import ProfileFile, ProfileSkillEntry, reword
from careergap.reading.profile_names import Resolver, resolve_names

if TYPE_CHECKING:
    from careergap.files.loader import YamlDoc

#: Environment variable naming the profile when no path is given.
PROFILE_ENV = "CAREERGAP_PROFILE"
#: Looked for in the current directory, in this order, when no path is given.
LOCAL_PROFILE_NAMES = ("me.yaml", "careergap.yaml")
#: The profile's name inside the user config dir, the last place looked.
CONFIG_PROFILE_NAME = "profile.yaml"
#: Said when ``skills`` is empty: valid (a profile in progress) but worth knowing.
EMPTY_SKILLS = "no skills listed yet; every family will score 0%"


# --- loading ------------------------------------------------------------------------------


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

    return check_document(read_user_yaml(Path(path)), taxonomy, resolve)


def check_document(doc: YamlDoc, taxonomy: Any, resolve: Resolver | None = None) -> ProfileCheck:
    """Validate and resolve an already-read profile (``loader.read_user_yaml``)."""
    if resolve is None:
        # Lazy: rapidfuzz, only when names are resolved (find_profile alone needs none).
        from careergap.reading.matching import resolve_skill

        resolve = resolve_skill
    parsed, errors = validate_document(doc, ProfileFile, reword)
    raw_skills = doc.data.get("skills")
    names = list(raw_skills) if isinstance(raw_skills, dict) else []
    resolved, resolve_errors, warnings = resolve_names(names, doc, taxonomy, resolve)
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

    configured = user_config_dir() / CONFIG_PROFILE_NAME
    if configured.exists():
        return configured
    raise ProfileNotFound(
        "no profile found: pass one (careergap validate me.yaml), set $"
        f"{PROFILE_ENV}, or create ./me.yaml or {configured}.\n"
        "Create one with `careergap init`, or copy an example from profiles/ (see the README)."
    )
