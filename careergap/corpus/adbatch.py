"""Store a batch of saved ads: read each, drop re-posts, and say what became of every file.

A re-posted ad is the same posting. Two ads are the same when their titles do not tell them
apart (``careergap.corpus.build.dedupe.same_title``: equal, or close at the same seniority) and
their demand lines, compared as lower-case words without punctuation (URLs, tracking parameters and
spacing are gone by then), are

* identical, or
* near-identical: token-set similarity of at least ``NEAR_DUPLICATE`` (rapidfuzz, 0-100) with
  lengths within ``LENGTH_RATIO`` of each other (token-set similarity alone would call a short
  ad whose words all occur in a long one a copy of it).

Ads are compared with the person's stored postings and with the ads before them in the batch.
The curated corpus is not searched: an ad that is also there is still the person's own.

Each posting is stored atomically (``userpostings.save``) as soon as it is read, so an error or
an interruption half-way leaves the postings stored so far complete and usable; running the
same command again skips them as duplicates and stores the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from careergap.corpus.build.dedupe import line_key, same_title
from careergap.corpus.userpostings import parse_posting
from careergap.errors import CareergapError, InputFileError
from careergap.files.adfiles import Refusal, find_ads, read_ad
from careergap.models import Posting
from careergap.reading.matching import similar_texts

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: Token-set similarity (0-100) from which two ads with the same title are one re-posted ad.
#: Measured on the fixture ads (tests/fixtures/ads): distinct ads of one employer score at most
#: 80; a re-post with a changed date line, reordered bullets or a dropped benefits line 96-100.
NEAR_DUPLICATE = 95.0
#: Shorter / longer demand text, at least: a copy is about as long as what it copies.
LENGTH_RATIO = 0.9

Status = Literal["added", "duplicate", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What became of one file."""

    path: Path
    status: Status
    posting: Posting | None = None
    #: For a duplicate: the posting it repeats (stored before, or earlier in this batch).
    duplicate_of: Posting | None = None
    #: How the duplicate was recognised: "same text" or "near-identical, similarity 97".
    how: str | None = None
    reason: str | None = None
    skills: int = 0


@dataclass(frozen=True)
class Batch:
    outcomes: tuple[Outcome, ...]
    #: Files in the folders that are not ads (.pdf, pictures and scripts saved with a page).
    others: int

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


class BatchStopped(CareergapError):
    """Storing a posting failed (disk full, permissions): the batch stops there. The postings
    stored before it are complete; ``batch`` says what became of each file so far."""

    def __init__(self, batch: Batch, message: str):
        super().__init__(message)
        self.batch = batch


def demand_text(posting: Posting) -> str:
    """The words of a posting's demand lines, as re-posts are compared."""
    return " ".join(key for key in (line_key(line.text) for line in posting.lines) if key)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Known:
    """The postings an ad may repeat: the stored ones, then each one added in this batch."""

    def __init__(self, postings: Iterable[Posting]):
        self.postings: list[Posting] = []
        self.texts: list[str] = []
        self.digests: dict[str, list[int]] = {}
        for posting in postings:
            self.add(posting)

    def add(self, posting: Posting) -> None:
        text = demand_text(posting)
        self.digests.setdefault(_digest(text), []).append(len(self.postings))
        self.postings.append(posting)
        self.texts.append(text)

    def original(self, posting: Posting) -> tuple[Posting, str] | None:
        """The known posting this one repeats, and how it was recognised."""

        text = demand_text(posting)
        for index in self.digests.get(_digest(text), ()):
            if same_title(posting.title, self.postings[index].title):
                return self.postings[index], "same text"
        for index, score in similar_texts(text, self.texts, NEAR_DUPLICATE):
            other = self.texts[index]
            short, long_ = sorted((len(text), len(other)))
            if long_ and short / long_ >= LENGTH_RATIO:
                if same_title(posting.title, self.postings[index].title):
                    return self.postings[index], f"near-identical, similarity {score:.0f}"
        return None


def _why(exc: CareergapError, where: str) -> str:
    """A parse error's message without the file name the table already shows."""
    return str(exc).removeprefix(f"{where}: ")


def add_ads(
    paths: Sequence[Path],
    family_id: str,
    find: Callable[[str], Iterable[Any]],
    stored: Iterable[Posting],
    save: Callable[[Any], object] | None,
    on_outcome: Callable[[Outcome], None] | None = None,
    taxonomy: Taxonomy | None = None,
) -> Batch:
    """Read every ad under ``paths`` into ``family_id``, storing each new one with ``save``
    (None: a dry run that stores nothing). ``on_outcome`` hears of each file as it is done.
    ``find`` is the ``taxonomy``'s extractor (see ``userpostings.parse_posting``)."""

    found = find_ads(paths)
    if not found.files and not found.refused:
        raise InputFileError(
            f"{', '.join(str(p) for p in paths)}: is a directory with no .txt, .md or .html "
            "file in it; nothing to add"
        )
    known = Known(stored)
    outcomes: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    for refusal in found.refused:
        record(Outcome(refusal.path, "refused", reason=refusal.reason))
    for path in found.files:
        ad = read_ad(path)
        if isinstance(ad, Refusal):
            record(Outcome(path, "refused", reason=ad.reason))
            continue
        try:
            pasted = parse_posting(ad.text, family_id, find, where=str(path), taxonomy=taxonomy)
        except CareergapError as exc:
            record(Outcome(path, "refused", reason=_why(exc, str(path))))
            continue
        repeated = known.original(pasted.posting)
        if repeated is not None:
            original, how = repeated
            record(Outcome(path, "duplicate", pasted.posting, original, how))
            continue
        if save is not None:
            try:
                save(pasted)
            except CareergapError as exc:
                record(Outcome(path, "refused", pasted.posting, reason=f"not stored: {exc}"))
                raise BatchStopped(Batch(tuple(outcomes), found.others), str(exc)) from None
        known.add(pasted.posting)
        record(Outcome(path, "added", pasted.posting, skills=len(pasted.skill_ids)))
    return Batch(tuple(outcomes), found.others)
