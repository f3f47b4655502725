"""The questions `postings add` and `postings remove` ask: read a job ad the user saved, find
the skills it asks for, store it with the user's own postings (`engine/removal` removes one)."""

from __future__ import annotations

from pathlib import Path

from careergap.corpus import userpostings
from careergap.corpus.adbatch import Batch, BatchStopped, Known, add_ads
from careergap.corpus.userpostings import PastedPosting
from careergap.errors import CareergapError, InputFileError
from careergap.files.adfiles import HTML_SUFFIXES, Refusal, read_ad
from careergap.files.userfiles import is_stdin
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.reading.extractor import Extractor

__all__ = ["BatchStopped", "add_many", "paste_one", "postings_dir", "save_ad"]


def paste_one(file: str, family_id: str, title: str | None) -> tuple[PastedPosting, dict[str, str]]:
    """One ad read as a posting of ``family_id`` (and each skill's display name by id), or
    CareergapError when it repeats a posting the user stored."""
    text = _one_ad_text(file)
    extractor, names = _finder()
    pasted = userpostings.parse_posting(
        text, family_id, extractor.find, title=title, where=file, taxonomy=extractor.taxonomy
    )
    repeated = Known(userpostings.stored()).original(pasted.posting)
    if repeated is not None:
        original, how = repeated
        raise CareergapError(
            f"{file}: duplicate of your posting {original.id} ({original.title}): {how}; "
            "nothing was saved"
        )
    return pasted, names


def save_ad(pasted: PastedPosting) -> Path:
    """Store a pasted posting with the user's own (atomically); the file written."""
    return userpostings.save(pasted)


def add_many(paths: list[Path], family_id: str, dry_run: bool) -> Batch:
    """Every ad in the files and folders ``paths``, each stored as soon as it is read (none
    when ``dry_run``); BatchStopped when storing one fails."""
    extractor, _ = _finder()
    save = None if dry_run else userpostings.save
    return add_ads(
        paths, family_id, extractor.find, userpostings.stored(), save, taxonomy=extractor.taxonomy
    )


def postings_dir() -> Path:
    """The folder the user's own postings are stored in."""
    return userpostings.postings_dir()


def _one_ad_text(file: str) -> str:
    """One ad's text: stdin or a text file as it is, a saved web page as its visible text."""
    if is_stdin(file) or Path(file).suffix.casefold() not in HTML_SUFFIXES:
        return userpostings.read_source(file)
    ad = read_ad(Path(file))
    if isinstance(ad, Refusal):
        raise InputFileError(f"{file}: {ad.reason}")
    return ad.text


def _finder() -> tuple[Extractor, dict[str, str]]:
    """The taxonomy's extractor and skill names."""
    taxonomy = taxonomies.load_taxonomy()
    return Extractor(taxonomy), {sid: s.name for sid, s in taxonomy.skills.items()}
