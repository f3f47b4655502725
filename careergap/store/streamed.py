"""The corpus compiled in one streamed pass: each posting read, checked and extracted, then let go.

A first run over a large ``--postings`` folder (issue 15: 100k files) spends most of its time
reading each posting's lines (``careergap.reading``), and held every parsed posting at once
before extracting any. Here each file becomes its scoring entry as soon as it is read, and
only the entry and what was found in its lines are kept. The entries and errors are those of
loading every posting first (``corpus.load.load_corpus``) and extracting them after.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careergap.corpus import load as corpus_load
from careergap.corpus.roles import load_families
from careergap.errors import CareergapError, DataError
from careergap.models import RoleFamily
from careergap.reading.requirements import Requirement
from careergap.scoring.entries import Entry
from careergap.store.workspace import Found, entry_of

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: Postings compiled between two progress-bar updates (an update per file would cost more).
PROGRESS_STEP = 250


def compile_corpus(
    extra: Sequence[Path],
    taxonomy: Taxonomy,
    advance: Callable[[int], None] | None = None,
) -> tuple[dict[str, RoleFamily], dict[str, Entry], dict[str, tuple[Found, ...]]]:
    """The role families, every posting's entry (by id) and what was found in each demand line
    of the bundled corpus, the user's saved postings and each ``extra`` folder.

    The same entries and the same errors as ``load_corpus`` then ``compile_entries``: a file
    that cannot be read or is not a posting is raised at once, in file order; a duplicate id or
    an unknown role family is raised once every file has been read, the first in file order.
    ``advance(n)`` is told of every ``n`` postings compiled (for a progress bar).
    """
    # Imported here: a run that reads the cache never extracts (start-up of every command).
    from careergap.reading.demands import reader_for
    from careergap.reading.extractor import Extractor

    families = load_families()
    find, reader = Extractor(taxonomy).find, reader_for(taxonomy)
    found_in: dict[str, tuple[Found, ...]] = {}
    memo: dict[tuple[int, str, bool, str], tuple[Requirement, ...]] = {}
    entries: dict[str, Entry] = {}
    seen: dict[str, Path] = {}
    problems: list[DataError] = []
    tick = advance or (lambda n: None)

    def add(path: Path, entry: Entry) -> None:
        if not problems:
            problem = corpus_load.posting_problem(path, entry.id, entry.families, seen, families)
            if problem is not None:
                problems.append(problem)
        entries.setdefault(entry.id, entry)

    bundled = corpus_load.bundled_postings()
    for path, posting in bundled:
        add(path, entry_of(posting, find, reader, found_in, memo))
    tick(len(bundled))
    for folder in corpus_load.user_folders(extra):
        if not folder.is_dir():
            raise CareergapError(f"{folder}: not a folder of postings")
        done = 0
        for path in sorted(folder.glob("*.yaml")):
            posting = corpus_load.read_user_posting(path)
            add(path, entry_of(posting, find, reader, found_in, memo))
            done += 1
            if done % PROGRESS_STEP == 0:
                tick(PROGRESS_STEP)
        tick(done % PROGRESS_STEP)
    if problems:
        raise problems[0]
    return families, entries, found_in
