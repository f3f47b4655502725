"""The questions asked of a profile file alone: what is wrong with it, each problem at its line
(`validate`), and two versions of it read side by side (`diff`).

An unreadable file is reported on its own, before the taxonomy is loaded: ``read_profile_doc``
and ``check_profile`` are two steps so the caller can report the first failure by itself."""

from __future__ import annotations

from pathlib import Path

from careergap.corpus.roles import load_families, resolve_role
from careergap.errors import InputFileError, Problem, UnknownRoleError
from careergap.files.loader import UserFileError, YamlDoc, read_user_yaml
from careergap.files.userfiles import STDIN_LABEL, is_stdin
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.reading.profile import (
    LoadedProfile,
    ProfileCheck,
    check_document,
    find_profile,
    load_profile,
)
from careergap.reading.taxonomy import Taxonomy


def profile_to_check(profile: Path | None) -> tuple[Path, Path]:
    """The profile `match` would use for ``profile``, and its name as messages give it."""
    source = find_profile(profile)
    return source, STDIN_LABEL if is_stdin(source) else source


def read_profile_doc(source: Path) -> YamlDoc:
    """The profile's YAML document, or InputFileError when it cannot be read or parsed."""
    return read_user_yaml(source)


def unreadable_problems(exc: InputFileError, path: Path) -> list[Problem]:
    """The problems an unreadable profile reports: each at its line when the YAML was at
    fault, else one for the whole file."""
    if isinstance(exc, UserFileError):
        return exc.problems
    return [Problem(str(path), None, None, str(exc))]


def check_profile(doc: YamlDoc) -> ProfileCheck:
    """Every problem in a readable profile, target_roles that name no family included."""
    check = check_document(doc, taxonomies.load_taxonomy())
    if check.profile is not None:
        check.errors.extend(_role_problems(doc, check.profile.target_roles))
    return check


def _role_problems(doc: YamlDoc, roles: list[str]) -> list[Problem]:
    """target_roles that name no role family, each at its line, with a did-you-mean."""
    families = load_families()
    problems = []
    for index, role in enumerate(roles):
        try:
            resolve_role(role, families)
        except UnknownRoleError as exc:
            line = doc.line_of(("target_roles", index)) or doc.line_of(("target_roles",))
            problems.append(Problem(str(doc.path), line, f"target_roles[{index}]", str(exc)))
    return problems


def profile_versions(
    old: Path, new: Path, taxonomy: Taxonomy
) -> tuple[LoadedProfile, LoadedProfile]:
    """Two versions of a profile read against ``taxonomy``, the earlier first; every error in
    either at once as ValidationFailed."""
    return load_profile(old, taxonomy), load_profile(new, taxonomy)
