"""The shape of a rule for an ambiguous skill form, and the verdicts a rule gives.

The rules themselves are in :mod:`careergap.reading.ambiguous_forms`; they are applied by
:func:`careergap.reading.ambiguity.judge`.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Literal


class Verdict(enum.Enum):
    ACCEPT = "accept"
    REJECT = "reject"
    #: Accept only if the mention sits in a list next to an accepted mention.
    NEEDS_LIST = "needs-list"


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class Rule:
    """How to read one ambiguous form. Rejections win over acceptances."""

    why: str
    #: Searched in the text before the mention (patterns end with ``$``).
    reject_before: re.Pattern[str] | None = None
    #: Matched at the start of the text after the mention.
    reject_after: re.Pattern[str] | None = None
    #: Searched around the mention; ``unless_near`` overrides it.
    reject_near: re.Pattern[str] | None = None
    unless_near: re.Pattern[str] | None = None
    #: Matched against the surface itself (e.g. all-caps "SWIFT" is the banking network).
    reject_surface: re.Pattern[str] | None = None
    #: (before, after) pairs that reject together, e.g. "(" before and ")" after.
    reject_around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    #: When positive context is required: never, for lower-case occurrences, or always.
    needs: Literal["never", "lowercase", "always"] = "never"
    accept_before: re.Pattern[str] | None = None
    accept_after: re.Pattern[str] | None = None
    accept_near: re.Pattern[str] | None = None


#: Single capital letters other than the one-letter languages (C, R): "A, B, C" is a list of
#: letters, not of languages.
