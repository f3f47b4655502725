"""The view of `postings add` on files and folders: one summary table, or its JSON.

Terminal tables go through ``render.py`` (rich, every cell cleaned of control characters and
never read as markup); :func:`batch_json` builds the plain ``--json`` payload.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.views import terminal as render
from careergap.views.contract import SCHEMA_VERSION

if TYPE_CHECKING:
    from careergap.corpus.adbatch import Batch, Outcome
    from careergap.models import Posting

#: Cells a three-column table spends on its four rules and each column's two spaces.
TABLE_FRAME = 10
#: The file column keeps at least this much room (paths fold); no column gets less than
#: MIN_COLUMN cells however narrow the terminal.
MIN_FILE_COLUMN = 16
MIN_COLUMN = 8
#: The table's "Result" words.
RESULT_WORDS = {"added": "added", "duplicate": "duplicate", "refused": "refused"}


def shown_path(path: Path) -> str:
    """A path as the person typed it (relative paths stay relative)."""
    return str(path)


def _posting_text(posting: Posting) -> str:
    return f"{posting.id}\n{posting.title}"


def _detail(outcome: Outcome) -> str:
    if outcome.status == "added" and outcome.posting is not None:
        posted = (
            f"posted {outcome.posting.posted.isoformat()}"
            if outcome.posting.posted
            else "no posting date stated"
        )
        skills = f"{outcome.skills} skill{'s' if outcome.skills != 1 else ''}"
        return f"{_posting_text(outcome.posting)}\n{skills} · {posted}"
    if outcome.status == "duplicate" and outcome.duplicate_of is not None:
        return f"of {_posting_text(outcome.duplicate_of)}\n({outcome.how})"
    return outcome.reason or "-"


def summary_line(batch: Batch, dry_run: bool) -> str:
    """``50 files: 44 added, 3 duplicates, 3 refused``, and the folders' other files."""
    files = len(batch.outcomes)
    added = batch.count("added")
    dups = batch.count("duplicate")
    refused = batch.count("refused")
    verb = "would be added" if dry_run else "added"
    text = (
        f"{files} file{'s' if files != 1 else ''}: {added} {verb}, "
        f"{dups} duplicate{'s' if dups != 1 else ''}, {refused} refused"
    )
    if batch.others:
        text += (
            f" ({batch.others} other file{'s' if batch.others != 1 else ''} in the folders "
            "not read: not .txt, .md or .html)"
        )
    return text + "."


def print_batch(batch: Batch, family: str, dry_run: bool) -> None:
    """One table: every file, what became of it, and the posting or the reason."""

    rows = [(shown_path(o.path), RESULT_WORDS[o.status], _detail(o)) for o in batch.outcomes]
    # A posting id is what `postings show` and `remove` take: keep it on one line where the
    # terminal allows (file paths fold instead).
    ids = [o.posting.id for o in batch.outcomes if o.posting is not None]
    ids += [o.duplicate_of.id for o in batch.outcomes if o.duplicate_of is not None]
    result_width = max([len("Result"), *(len(o.status) for o in batch.outcomes)])
    room = render.console_width() - TABLE_FRAME - result_width
    wanted = max([*(len(i) + len("of ") for i in ids), len("Posting, duplicate of")])
    detail_width = max(MIN_COLUMN, min(wanted, room - MIN_FILE_COLUMN))
    columns: list[tuple[str, dict[str, Any]]] = [
        ("File", {"overflow": "fold", "width": max(MIN_COLUMN, room - detail_width)}),
        ("Result", {"no_wrap": True, "width": result_width}),
        (
            "Posting, duplicate of, or why refused",
            {"width": detail_width, "overflow": "fold"},
        ),
    ]
    title = f"Your postings for {family}" + (" (dry run: nothing stored)" if dry_run else "")
    render.print_renderable(
        render.table(title, columns, rows, caption=summary_line(batch, dry_run))
    )


def _posting_json(posting: Posting | None) -> dict[str, Any] | None:
    if posting is None:
        return None
    return {"id": posting.id, "title": posting.title}


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    posting = outcome.posting
    return {
        "path": shown_path(outcome.path),
        "status": outcome.status,
        "id": posting.id if posting and outcome.status == "added" else None,
        "title": posting.title if posting else None,
        "posted": posting.posted.isoformat() if posting and posting.posted else None,
        "added": posting.added.isoformat() if posting and posting.added else None,
        "skills": outcome.skills,
        "duplicate_of": _posting_json(outcome.duplicate_of),
        "match": outcome.how,
        "reason": outcome.reason,
    }


def batch_json(batch: Batch, family_id: str, dry_run: bool) -> dict[str, Any]:
    """`postings add PATH... --json`: a summary, then every file in the order it was read."""
    return {
        "schema_version": SCHEMA_VERSION,
        "family": family_id,
        "dry_run": dry_run,
        "summary": {
            "files": len(batch.outcomes),
            "added": batch.count("added"),
            "duplicates": batch.count("duplicate"),
            "refused": batch.count("refused"),
            "other_files": batch.others,
        },
        "files": [outcome_json(o) for o in batch.outcomes],
    }
