"""Dates of job ads: the date an ad says it was posted, and how old a posting is.

An ad states its date in many ways ("Date posted: 2021-04-19", "Posted on March 4, 2025",
"Posted 4 March 2025", "posted 23/01/2025"). Only a date that cannot be misread is taken: ISO
dates, dates with the month's name, and numeric day/month dates only when one of the two numbers
is above 12 (``04/03/2025`` is March in Europe and April in the US, so it is not read at all).
The date must follow a "posted" cue on the same line ("Posted", "Date posted", "Posting date",
"Published"); a date elsewhere in an ad (a founding year, a start date) is not a posting date.
Relative dates ("posted 3 days ago") are not read: a saved file does not say when it was saved.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

#: Set to YYYY-MM-DD to fix "today" (ages, the `added` date): reproducible output and tests.
TODAY_ENV = "CAREERGAP_TODAY"
#: No job board predates this; an earlier "posted" date is a misreading.
EARLIEST_POSTED = date(1990, 1, 1)
#: Days in a year, for ages said in years.
DAYS_PER_YEAR = 365.25

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
#: What must come just before the date: "Posted", "Date posted:", "Posting date -", "Published on".
_CUE = (
    r"\b(?:date\s+posted|posting\s+date|posted(?:\s+on)?|published(?:\s+on)?|"
    r"date\s+published)\s*[:\-–]?\s*"
)
_FORMS = (
    # 2025-03-04, 2025/03/04, 2025.03.04
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b",
    # March 4, 2025 / Mar. 4 2025 / March 4th, 2025
    _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b",
    # 4 March 2025 / 4th of March, 2025
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})\b",
    # 23/01/2025 or 01/23/2025: only when one number is above 12
    r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4})\b",
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use: scoring commands import this module for ``today`` and ages and
    read no ad text (start-up)."""
    return tuple(re.compile(_CUE + form, re.IGNORECASE) for form in _FORMS)


@dataclass(frozen=True)
class PostedDate:
    """The date an ad says it was posted, and the line (1-based) that says so."""

    date: date
    line: int
    text: str


def today() -> date:
    """Today's date in UTC, or ``$CAREERGAP_TODAY`` when set (a bad value is ignored)."""
    fixed = os.environ.get(TODAY_ENV, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass
    return datetime.now(timezone.utc).date()


def _day_month(match: re.Match[str]) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("month"):
        return int(groups["d"]), _MONTHS[groups["month"].casefold().rstrip(".")]
    if groups.get("m"):
        return int(groups["d"]), int(groups["m"])
    a, b = int(groups["a"]), int(groups["b"])
    if a > 12 >= b:
        return a, b  # 23/01/2025: day first
    if b > 12 >= a:
        return b, a  # 01/23/2025: month first
    return None  # 04/03/2025 (or 04/04/2025): which is the month cannot be known


def read_date(line: str, latest: date) -> date | None:
    """The posting date a line states after a "posted" cue, if it is unambiguous and real."""
    for pattern in _patterns():
        for match in pattern.finditer(line):
            day_month = _day_month(match)
            if day_month is None:
                continue
            try:
                found = date(int(match.group("y")), day_month[1], day_month[0])
            except ValueError:
                continue  # 2025-02-30: not a date
            if EARLIEST_POSTED <= found <= latest:
                return found
    return None


def posted_date(text: str, latest: date | None = None) -> PostedDate | None:
    """The first unambiguous posting date the ad states (none after ``latest``, default today)."""
    latest = latest or today()
    for number, line in enumerate(text.splitlines(), start=1):
        if not re.search(r"post|publish", line, re.IGNORECASE):
            continue  # cheap filter: most lines state no date
        found = read_date(line, latest)
        if found is not None:
            return PostedDate(found, number, line.strip())
    return None


def age_days(when: date, now: date) -> int:
    """Whole days from ``when`` to ``now`` (0 for a date in the future)."""
    return max(0, (now - when).days)


def age_text(days: float) -> str:
    """``12 days``, ``5 months``, ``2.3 years``: an age as a person says it."""
    if days < 60:
        whole = round(days)
        return f"{whole} day{'s' if whole != 1 else ''}"
    if days < 2 * DAYS_PER_YEAR:
        return f"{round(days / (DAYS_PER_YEAR / 12))} months"
    return f"{days / DAYS_PER_YEAR:.1f} years"
