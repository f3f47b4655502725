"""``careergap validate [PROFILE]``: check a profile and say exactly what is wrong, and where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from careergap.cli._common import command, echo, emit_json, warn


@command("validate")
def validate_cmd(
    profile: Path | None = typer.Argument(
        None,
        metavar="PROFILE",
        show_default=False,
        help="Profile YAML ('-' reads standard input). Default: $CAREERGAP_PROFILE, ./me.yaml, "
        "./careergap.yaml, "
        "then the user config dir.",
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Treat warnings (such as unknown skill names) as errors."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (see README)."),
) -> None:
    """Check a profile: exit 0 when valid, else every problem as FILE:LINE: field: message."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.errors import InputFileError, Problem, ValidationFailed
    from careergap.files.loader import UserFileError, read_user_yaml
    from careergap.files.userfiles import STDIN_LABEL, is_stdin
    from careergap.reading.profile import check_document, find_profile
    from careergap.reading.taxonomy import load_taxonomy
    from careergap.views.profile import summary_line, validation_payload

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
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
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
