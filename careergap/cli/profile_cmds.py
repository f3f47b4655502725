"""``careergap validate [PROFILE]``: check a profile and say exactly what is wrong, and where."""

from __future__ import annotations

from pathlib import Path

import typer

from careergap.cli._common import command, emit_json, warn


@command("validate")
def validate_cmd(
    profile: Path | None = typer.Argument(
        None,
        metavar="[PROFILE]",
        show_default=False,
        help="Profile YAML. Default: $CAREERGAP_PROFILE, ./me.yaml, ./careergap.yaml, "
        "then the user config dir.",
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Treat warnings (such as unknown skill names) as errors."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (see README)."),
) -> None:
    """Check a profile: exit 0 when valid, else every problem as FILE:LINE: field: message."""
    from careergap.errors import InputFileError, Problem, ValidationFailed
    from careergap.loader import UserFileError
    from careergap.profile import check_profile, find_profile, summary_line, validation_payload
    from careergap.taxonomy import load_taxonomy

    path = find_profile(profile)
    taxonomy = load_taxonomy()
    try:
        check = check_profile(path, taxonomy)
    except InputFileError as exc:
        if as_json:
            problems = (
                exc.problems
                if isinstance(exc, UserFileError)
                else [Problem(str(path), None, None, str(exc))]
            )
            emit_json(validation_payload(path, None, problems, strict))
        raise
    if as_json:
        emit_json(validation_payload(path, check, [], strict))
    if not strict:
        for problem in check.warnings:
            warn(str(problem))
    failures = check.failures(strict)
    if failures or check.profile is None:
        raise ValidationFailed(failures)
    if not as_json:
        typer.echo(summary_line(check.profile))
