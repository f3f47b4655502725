"""``careergap validate [PROFILE]``: check a profile and say exactly what is wrong, and where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from careergap.cli._common import command, echo, emit_json, warn
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:
    from careergap.errors import Problem
    from careergap.reading.profile import LoadedProfile, ProfileCheck


@command("validate")
def validate_cmd(
    profile: Path | None = typer.Argument(
        None,
        metavar="PROFILE",
        show_default=False,
        help="Profile YAML ('-' reads standard input). Default: $CAREERGAP_PROFILE, ./me.yaml, ./careergap.yaml, "
        "then the user config dir.",
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Treat warnings (such as unknown skill names) as errors."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (see README)."),
) -> None:
    """Check a profile: exit 0 when valid, else every problem as FILE:LINE: field: message."""
    from careergap.errors import InputFileError, Problem, ValidationFailed
    from careergap.files.loader import UserFileError, read_user_yaml
    from careergap.files.userfiles import STDIN_LABEL, is_stdin
    from careergap.reading.profile import check_document, find_profile
    from careergap.reading.taxonomy import load_taxonomy

    source = find_profile(profile)
    path = STDIN_LABEL if is_stdin(source) else source  # as messages name it
    try:
        doc = read_user_yaml(source)  # before the taxonomy: a bad file is reported on its own
    except InputFileError as exc:
        if as_json:
            unreadable = [Problem(str(path), None, None, str(exc))]
            problems = exc.problems if isinstance(exc, UserFileError) else unreadable
            emit_json(validation_payload(path, None, problems, strict))
        raise
    check = check_document(doc, load_taxonomy())
    if check.profile is not None:
        check.errors.extend(_role_problems(doc, check.profile.target_roles))
    if as_json:
        emit_json(validation_payload(path, check, [], strict))
    if not strict:
        for problem in check.warnings:
            warn(str(problem))
    failures = check.failures(strict)
    if failures or check.profile is None:
        raise ValidationFailed(failures)
    if not as_json:
        echo(summary_line(check.profile))


def _role_problems(doc: Any, roles: list[str]) -> list[Any]:
    """target_roles that name no role family, each at its line, with a did-you-mean."""
    from careergap.corpus.roles import load_families, resolve_role
    from careergap.errors import Problem, UnknownRoleError

    families = load_families()
    problems = []
    for index, role in enumerate(roles):
        try:
            resolve_role(role, families)
        except UnknownRoleError as exc:
            line = doc.line_of(("target_roles", index)) or doc.line_of(("target_roles",))
            problems.append(Problem(str(doc.path), line, f"target_roles[{index}]", str(exc)))
    return problems


def validation_payload(
    path: Path, check: ProfileCheck | None, unreadable: list[Problem], strict: bool
) -> dict[str, Any]:
    """The ``validate --json`` contract; ``unreadable`` are the errors when ``check`` is None.

    Under ``strict`` warnings count as errors and are labelled so.
    """
    from careergap.reading.profile import problem_order

    errors = check.errors if check is not None else unreadable
    warnings = check.warnings if check is not None else []
    profile = check.profile if check is not None else None
    warning_severity = "error" if strict else "warning"
    rows = [(p, "error") for p in errors] + [(p, warning_severity) for p in warnings]
    rows.sort(key=lambda row: (*problem_order(row[0]), row[1]))
    skills = [
        {"name": entry.name, "skill_id": sid, "level": entry.entry.level, "line": entry.line}
        for sid, entry in (profile.entries.items() if profile is not None else ())
    ]
    skills.sort(key=lambda s: (s["line"] or 0, s["skill_id"]))
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": str(path),
        "valid": profile is not None and not (strict and warnings),
        "skills": skills,
        "problems": [
            {"line": p.line, "field": p.field, "message": p.message, "severity": severity}
            for p, severity in rows
        ],
    }


def summary_line(profile: LoadedProfile) -> str:
    """``me.yaml: 12 skills resolved, 1 warning`` for a valid profile."""
    count, warned = len(profile.levels), len(profile.warnings)
    return (
        f"{profile.path}: {count} skill{'' if count == 1 else 's'} resolved, "
        f"{warned} warning{'' if warned == 1 else 's'}"
    )
