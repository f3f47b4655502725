"""The exception hierarchy. The CLI catches CareergapError in one place and exits 1.

Every message is complete and readable on its own, and names ``file:line`` where there is one.
"""

from __future__ import annotations

from dataclasses import dataclass


class CareergapError(Exception):
    """A user-facing error: bad input or bad data. Exit code 1, no traceback."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem in a file, printed as ``path:line: field: message``."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class InputFileError(CareergapError):
    """A file could not be read or parsed at all (missing, directory, too large, bad YAML...)."""


class ValidationFailed(CareergapError):
    """A file parsed but has one or more problems; all of them are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownRoleError(CareergapError):
    """A role name that matches no family (the message carries a did-you-mean)."""


class UnknownSkillError(CareergapError):
    """A skill name that matches no canonical skill (the message carries a did-you-mean)."""


class DataError(CareergapError):
    """Packaged or user corpus data is inconsistent (a bug in shipped data, or a bad corpus)."""


class ProfileNotFound(CareergapError):
    """No profile given and none discovered; the message says how to create one."""
