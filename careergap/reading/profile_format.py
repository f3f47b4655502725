"""The profile file's format: what ``me.yaml`` may hold, and its problems in a person's words.

The models here are what ``careergap.files.modelfile`` validates a profile against; ``reword``
turns pydantic's errors into messages for someone editing YAML by hand (the short form
``Python: 7`` is pointed at as written, a missing key at the entry that lacks it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careergap.models import LEVEL_MAX, LEVEL_MIN

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from careergap.files.loader import YamlDoc
    from careergap.files.modelfile import Finding

#: ``since`` is a month or a day; a bare year is too vague to be worth recording.
SINCE_PATTERN = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
#: Offending values longer than this are cut in messages so one line stays one line.
MAX_SHOWN_INPUT = 40

TOP_KEYS = ("name", "target_roles", "recency_half_life_days", "skills")
#: Longest half-life a profile may ask for (100 years: weighing by age at all must mean something).
MAX_HALF_LIFE_DAYS = 36500
ENTRY_KEYS = ("level", "since", "evidence", "note")


class ProfileSkillEntry(BaseModel):
    """One skill of a profile. The short form ``Python: 4`` is read as ``{level: 4}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Strict: true, 3.5 and "3" are mistakes to report, not values to coerce.
    level: int = Field(strict=True, ge=LEVEL_MIN, le=LEVEL_MAX)
    since: str | date | None = None
    evidence: str | None = Field(default=None, strict=True)
    note: str | None = Field(default=None, strict=True)

    @field_validator("since", mode="before")
    @classmethod
    def _check_since(cls, value: Any) -> Any:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        match = SINCE_PATTERN.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise ValueError(f"must be YYYY-MM or YYYY-MM-DD, got {_shown(value)}")
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            raise ValueError(f"{value.strip()!r} is not a real date") from None
        return value.strip()


class ProfileFile(BaseModel):
    """The whole profile file as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(default=None, strict=True)
    target_roles: list[str] = Field(default_factory=list)
    #: Weigh postings by age with this half-life (careergap.engine.market); None: every
    #: posting weighs the same. `--half-life` overrides it.
    recency_half_life_days: int | None = Field(
        default=None, strict=True, ge=1, le=MAX_HALF_LIFE_DAYS
    )
    skills: dict[str, ProfileSkillEntry] = Field(default_factory=dict)

    @field_validator("target_roles", mode="before")
    @classmethod
    def _no_roles_yet(cls, value: Any) -> Any:
        # `target_roles:` with nothing after it is a list in progress, not a type error.
        return [] if value is None else value

    @field_validator("skills", mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if value is None:  # `skills:` with nothing under it yet
            return {}
        if isinstance(value, dict):
            return {
                name: entry if isinstance(entry, dict) else {"level": entry}
                for name, entry in value.items()
            }
        return value

    @field_validator("skills")
    @classmethod
    def _names_not_blank(cls, value: dict[str, ProfileSkillEntry]) -> dict[str, ProfileSkillEntry]:
        if any(not name.strip() for name in value):
            raise ValueError("a skill name is empty")
        return value


def reword(err: ErrorDetails, doc: YamlDoc) -> Finding:
    """Where a person looks for a problem, and pydantic's words rephrased for them."""
    loc = tuple(err["loc"])
    field_loc: tuple[str | int, ...] = loc
    if (
        len(loc) == 3
        and loc[0] == "skills"
        and loc[2] == "level"
        and isinstance(doc.data.get("skills"), dict)
        and not isinstance(doc.data["skills"].get(loc[1]), dict)
    ):
        field_loc = loc[:2]  # short form `Python: 7`: the level is the value itself
    if err["type"] == "missing":
        field_loc = loc[:-1]  # point at the entry that lacks the key
    return field_loc, _message(err, loc)


def _message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    """pydantic's wording rephrased for a person editing YAML."""
    kind, value = err["type"], err.get("input")
    last = loc[-1] if loc else None
    if kind == "extra_forbidden":
        allowed = ENTRY_KEYS if len(loc) == 3 else TOP_KEYS
        return f"unknown key; expected one of: {', '.join(allowed)}"
    if kind == "missing":
        return f"missing required key {last!r}"
    if last == "level":
        return f"level must be a whole number from {LEVEL_MIN} to {LEVEL_MAX}, got {_shown(value)}"
    if kind == "dict_type" and loc == ("skills",):
        return f"must be a mapping of skill name to level (like 'Python: 3'), got {_shown(value)}"
    if kind == "dict_type":
        return f"must be a level or a mapping like '{{level: 3}}', got {_shown(value)}"
    if kind == "list_type":
        return f"must be a list (like '[ML Engineer]'), got {_shown(value)}"
    if kind == "string_type":
        return f"must be text, got {_shown(value)}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        text = str(value).lower()  # as YAML spells it
    elif isinstance(value, date):
        text = str(value)
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN_INPUT else text[: MAX_SHOWN_INPUT - 3] + "..."
