"""The corpus compiled in one streamed pass: each posting read, checked and extracted, then let go.

A first run over a large ``--postings`` folder (issue 15: 100k files) spends most of its time
reading each posting's lines (``careergap.reading``), and held every parsed posting at once
before extracting any. Here each file becomes its scoring entry as soon as it is read, and
only the entry and what was found in its lines are kept. Large folders are compiled by worker
processes, a chunk of files each (``careergap.corpus.readahead.read_ahead``), so the reading
runs on every core; the results are the same as a serial pass, and a bad file raises the error
a serial pass raises, at the same file: a worker stops at a file it cannot handle and this
process reads that file again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.corpus import load as corpus_load
from careergap.corpus.readahead import read_ahead
from careergap.corpus.roles import load_families
from careergap.errors import CareergapError, DataError
from careergap.models import DEMAND_SECTIONS, Posting, RoleFamily
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.reading.requirements import Requirement
from careergap.scoring.entries import Entry
from careergap.store.workspace import Find, Found, entry_of

if TYPE_CHECKING:
    from careergap.reading.demands import DemandReader
    from careergap.reading.taxonomy import Taxonomy

#: Postings compiled between two progress-bar updates (an update per file would cost more).
PROGRESS_STEP = 250
#: An entry as a worker sends it: plain tuples pickle several times faster than dataclasses.
#: (id, title, kind, families, source_file, date, date_stated, requirements, mentions), each
#: requirement ``(options, weight, target, line, text)``, mentions ``{text: ((skill, start,
#: end), ...)}`` for the posting's demand lines.
Plain = tuple[Any, ...]

_reading: tuple[Taxonomy, Find, DemandReader] | None = None


def reading_tools(taxonomy: Taxonomy | None) -> tuple[Find, DemandReader]:
    """The extractor's ``find`` and the demand reader of ``taxonomy``, built once per process.

    A worker passes None: a forked one inherits the tools its parent built before starting it;
    a fresh one builds them from the current taxonomy."""
    global _reading
    if _reading is None or (taxonomy is not None and taxonomy is not _reading[0]):
        # Imported here: a run that reads the cache never extracts (start-up of every command).
        from careergap.reading.demands import reader_for
        from careergap.reading.extractor import Extractor

        taxonomy = taxonomies.load_taxonomy() if taxonomy is None else taxonomy
        _reading = (taxonomy, Extractor(taxonomy).find, reader_for(taxonomy))
    return _reading[1], _reading[2]


def compile_batch(paths: list[str]) -> list[Plain | None]:
    """In a worker: each posting file of a chunk as its plain entry, in order, stopping after
    the first file that fails (None): this process never reports an error itself."""
    find, reader = reading_tools(None)
    found_in: dict[str, tuple[Found, ...]] = {}
    memo: dict[tuple[int, str, bool, str], tuple[Requirement, ...]] = {}
    out: list[Plain | None] = []
    for name in paths:
        try:
            posting = corpus_load.read_user_posting(Path(name))
        except Exception:  # noqa: BLE001 - the caller reads it again and raises the real error
            out.append(None)
            break
        out.append(_plain(entry_of(posting, find, reader, found_in, memo), posting, found_in))
    return out


def _plain(entry: Entry, posting: Posting, found_in: dict[str, tuple[Found, ...]]) -> Plain:
    requirements = tuple(
        (r.options, r.weight, r.target, r.line, r.text) for r in entry.requirements
    )
    mentions = {
        line.text: tuple(map(tuple, found_in[line.text]))
        for line in posting.lines
        if line.section in DEMAND_SECTIONS
    }
    return (
        entry.id, entry.title, entry.kind, entry.families, entry.source_file,
        entry.date, entry.date_stated, requirements, mentions,
    )  # fmt: skip


def _from_plain(plain: Plain, found_in: dict[str, tuple[Found, ...]]) -> Entry:
    posting_id, title, kind, families, source, date, stated, requirements, mentions = plain
    for text, found in mentions.items():
        if text not in found_in:
            found_in[text] = tuple(Found(*f) for f in found)
    return Entry(
        id=posting_id,
        title=title,
        kind=kind,
        families=families,
        source_file=source,
        requirements=tuple(Requirement(*r) for r in requirements),
        date=date,
        date_stated=stated,
    )


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
    families = load_families()
    find, reader = reading_tools(taxonomy)  # before any worker starts: forked ones inherit them
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
        with closing(read_ahead(sorted(folder.glob("*.yaml")), compile_batch)) as results:
            for path, plain in results:
                if plain is None:  # not compiled ahead, or a worker could not: read it here
                    posting = corpus_load.read_user_posting(path)
                    add(path, entry_of(posting, find, reader, found_in, memo))
                else:
                    add(path, _from_plain(plain, found_in))
                done += 1
                if done % PROGRESS_STEP == 0:
                    tick(PROGRESS_STEP)
        tick(done % PROGRESS_STEP)
    if problems:
        raise problems[0]
    return families, entries, found_in
