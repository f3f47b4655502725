"""The questions asked of the corpus without scoring it: which postings it holds (`postings
list`), one posting (`postings show`), and the curated corpus rebuilt from the seeds (`corpus
build`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careergap.corpus.load import load_corpus
from careergap.corpus.roles import resolve_role
from careergap.errors import InputFileError
from careergap.models import Posting, RoleFamily

if TYPE_CHECKING:
    from careergap.corpus.build.pipeline import BuildResult


def postings_of(extra: Sequence[Path], role: str | None) -> list[Posting]:
    """Every posting and topic note (sorted by id) of the corpus plus the ``extra`` folders,
    only those of the family ``role`` names when given."""
    corpus = load_corpus(list(extra))
    if role is None:
        return list(corpus.postings)
    return corpus.by_family(resolve_role(role, corpus.families).id)


def posting(extra: Sequence[Path], posting_id: str) -> tuple[Posting, Mapping[str, RoleFamily]]:
    """One posting of the corpus plus the ``extra`` folders, and the role families by id."""
    corpus = load_corpus(list(extra))
    return corpus.get(posting_id), corpus.families


def rebuild_corpus(seeds: Path, out: Path, overrides: Path | None) -> BuildResult:
    """The curated corpus rebuilt from the seed documents into ``out`` (atomically)."""
    # Lazy: only `corpus build` runs the curation pipeline; `postings list/show` must not load it.
    from careergap.corpus.build.pipeline import build_corpus

    if not seeds.is_dir():
        raise InputFileError(f"{seeds}: not a folder")
    return build_corpus(seeds, out, overrides)
