"""Hand edits to the generated corpus (``careergap/data/corpus_overrides.yaml``).

Hand edits never touch ``postings/`` directly: they live here, keyed by posting id, each with
a reason, and ``careergap corpus build`` applies them, so a rebuild reproduces them.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careergap.errors import DataError
from careergap.files.loader import load_trusted_yaml
from careergap.files.paths import data_file

OVERRIDES_FILE = "corpus_overrides.yaml"


class Override(BaseModel):
    """What to change in one posting, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str = Field(min_length=1)
    #: The first kept line is the ad's title even though the title heuristic missed it.
    title_line: bool = False
    title: str | None = None
    company: str | None = None
    location: str | None = None
    #: Replace the assigned families (first = primary).
    families: tuple[str, ...] = ()
    #: Add families after the assigned ones.
    add_families: tuple[str, ...] = ()
    #: Seed lines that are not requirement text (a title or location the heuristics missed,
    #: an author's remark at the top of a block).
    drop_lines: tuple[int, ...] = ()
    #: Leave the block out of the corpus (e.g. it is the notes author's own list).
    drop: bool = False


def load_overrides(path: Path | None = None) -> dict[str, Override]:
    """The overrides by posting id (the packaged file unless PATH is given)."""

    path = path or data_file(OVERRIDES_FILE)
    raw = load_trusted_yaml(path) or {}
    entries = raw.get("postings") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise DataError(f"{path}: expected a mapping 'postings: {{id: {{...}}}}'")
    try:
        return {str(pid): Override.model_validate(body) for pid, body in sorted(entries.items())}
    except ValidationError as exc:
        raise DataError(f"{path}: {exc}") from None
