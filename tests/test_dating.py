"""Posting dates: only unambiguous dates after a "posted" cue, never a future or ancient one."""

from __future__ import annotations

from datetime import date

import pytest

from careergap.reading.dating import age_days, age_text, posted_date, read_date, today

NOW = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Date posted: 2021-04-19", date(2021, 4, 19)),
        ("Posted 2025-03-04", date(2025, 3, 4)),
        ("Posted on March 4, 2025", date(2025, 3, 4)),
        ("Date posted: March 4th, 2025", date(2025, 3, 4)),
        ("posted 4 March 2025", date(2025, 3, 4)),
        ("Published on 4th of Sept. 2025", date(2025, 9, 4)),
        ("Posting date: 2025/03/04", date(2025, 3, 4)),
        ("posted on 23/01/2025", date(2025, 1, 23)),  # day first: 23 is no month
        ("posted on 01/23/2025", date(2025, 1, 23)),  # month first: 23 is no month
        ("<LOCATION> - GB Date posted: 2021-06-27 Likes: 0", date(2021, 6, 27)),
    ],
)
def test_unambiguous_dates_are_read(line: str, expected: date) -> None:
    assert read_date(line, NOW) == expected


@pytest.mark.parametrize(
    "line",
    [
        "posted on 04/03/2025",  # 4 March in Europe, April 3 in the US: not read
        "Posted 3 days ago",  # relative: the file does not say when it was saved
        "Founded in 2018, we build 2025-03-04 tools",  # a date, but no posting cue
        "Start date: 2025-03-04",
        "Posted 2027-01-01",  # after today
        "Posted 1970-01-01",  # before any job board
        "Posted 2025-02-30",  # no such day
    ],
)
def test_ambiguous_relative_uncued_or_impossible_dates_are_not(line: str) -> None:
    assert read_date(line, NOW) is None


def test_posted_date_names_the_first_line_that_states_one() -> None:
    text = "Data Engineer\nWe were founded 2018-01-01\nDate posted: 2021-04-19\nPosted 2022-01-01"
    found = posted_date(text, NOW)
    assert found is not None
    assert (found.date, found.line, found.text) == (date(2021, 4, 19), 3, "Date posted: 2021-04-19")
    assert posted_date("Data Engineer\nPython, SQL", NOW) is None


def test_today_can_be_fixed_for_reproducible_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERGAP_TODAY", "2026-01-31")
    assert today() == date(2026, 1, 31)
    monkeypatch.setenv("CAREERGAP_TODAY", "not a date")
    assert today() != date(2026, 1, 31)


def test_ages() -> None:
    assert age_days(date(2026, 12, 1), NOW) == 2
    assert age_days(date(2027, 1, 1), NOW) == 0
    assert age_text(1) == "1 day"
    assert age_text(45) == "45 days"
    assert age_text(200) == "7 months"
    assert age_text(2000) == "5.5 years"
