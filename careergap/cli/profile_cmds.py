"""``careergap validate [PROFILE]``: check a profile and say exactly what is wrong, and where."""

from __future__ import annotations

from pathlib import Path

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
    from careergap.engine import validation
    from careergap.errors import InputFileError, ValidationFailed
    from careergap.views.profile import summary_line, validation_payload

    source, path = validation.profile_to_check(profile)
    try:
        doc = validation.read_profile_doc(source)  # before the taxonomy: reported on its own
    except InputFileError as exc:
        if as_json:
            problems = validation.unreadable_problems(exc, path)
            emit_json(validation_payload(path, None, problems, strict))
        raise
    check = validation.check_profile(doc)
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
