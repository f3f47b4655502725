"""Views of `careergap validate`: the ``--json`` payload and the one-line summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.files.modelfile import problem_order
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:
    from careergap.errors import Problem
    from careergap.reading.profile import LoadedProfile, ProfileCheck


def validation_payload(
    path: Path, check: ProfileCheck | None, unreadable: list[Problem], strict: bool
) -> dict[str, Any]:
    """The ``validate --json`` contract; ``unreadable`` are the errors when ``check`` is None.

    Under ``strict`` warnings count as errors and are labelled so.
    """
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
