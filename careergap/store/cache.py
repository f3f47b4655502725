"""The compiled corpus cache: repeated runs skip YAML parsing, extraction and compilation.

Each set of corpus folders gets two JSON files in ``careergap.files.paths.user_cache_dir()``:
``workspace-<h>.json``, read on every run, holds each role family's compiled
demand (``careergap.scoring.demand``), which is all scoring needs: its size grows with the number of
distinct requirements, and a posting adds only the few integers "qualifies" needs.
``entries-<h>.json`` holds every posting's extracted requirements and what the extractor found
in each of their lines, and is read only by the questions that list or quote them
(``explain --skill``, ``gaps --role``).
Both are keyed by a content hash of every corpus file, the taxonomy, the role families and the
careergap version, so any change to any of them is a miss. Each file is two lines of plain
JSON in the layout of every careergap cache file (``careergap.files.cachefile``, which the
compiled taxonomy uses too): a header (format, schema, version, key, the body's SHA-256 and,
in the workspace file, the inventory of input files) and the body
(``careergap.store.cache_codec``). A body whose digest matches is what careergap wrote, so it
is decoded without checking every value again; a corrupt, foreign, edited or unreadable cache
is a miss with at most one warning per process. Writes are atomic, so a concurrent run sees
the old file or the new one, never half of either.

Whether the corpus changed is decided from file sizes and mtimes, as git's index does
(``careergap.store.cache_inventory``).
"""

from __future__ import annotations

import gc
import hashlib
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap import __version__
from careergap.corpus.roles import load_families
from careergap.files import cachefile, paths
from careergap.files.cachefile import Stored
from careergap.files.compiled import code_digest
from careergap.models import RoleFamily
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.store.cache_codec import (
    Invalid,
    Refs,
    decode_demands,
    decode_entries,
    encode_demands,
    encode_entries,
)
from careergap.store.cache_inventory import DATA_FILES, files_record, fingerprint, input_files
from careergap.store.workspace import (
    EntryTable,
    Mentions,
    ProgressBar,
    Table,
    Workspace,
    no_progress,
    partial_sources,
    per_family,
    workspace_of,
)

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy
    from careergap.scoring.entries import Entry

#: Identifies careergap cache files among whatever else lives in the cache dir.
CACHE_FORMAT = "careergap-workspace"
ENTRIES_FORMAT = "careergap-entries"
#: Bumped whenever the layout below or the reading of postings changes; an older file is then
#: a plain miss. It is part of the corpus fingerprint `progress` compares, so a change an older
#: file still reads the same under (the taxonomy copy dropped, now read from
#: careergap.files.compiled) keeps it. 7: entries carry their dates and each family its own
#: and dated postings (``FamilyDemand.marks``), which a version-6 file lacks. 8: the entries
#: file keeps what the extractor found in each line (``mentions``), for gaps' quotes. 9:
#: credentials (taxonomy.CREDENTIAL_KINDS) count in a family's coverage again. 10: a header
#: line with the body's digest, then the body with shared tables of quoted postings and
#: requirements, decoded without re-checking every value. 11: each family's per-posting columns
#: packed as machine arrays (careergap.store.packed). 12: they stay arrays when read, with each
#: entry's total and each skill's asks, gap impact and sources without credit.
SCHEMA_VERSION = 12
#: Cache files are named ``workspace-<hash of the folder set>.json`` and ``entries-<same>.json``.
CACHE_PREFIX = "workspace-"
ENTRIES_PREFIX = "entries-"
#: Builds of fewer postings than this finish too fast for a progress bar to be worth drawing.
PROGRESS_MIN_POSTINGS = 2000
#: Hex digits of the folder-set hash used in the cache file name.
NAME_HASH_CHARS = 16
_warned = False


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        sys.stderr.write(f"warning: {message}\n")


# --- what the cache depends on --------------------------------------------------------------


def corpus_folders(extra: Sequence[Path]) -> list[Path]:
    """The folders load_corpus reads, in its order: bundled, the user's saved postings, extras."""
    folders = [paths.bundled_postings_dir()]  # through the module: tests redirect it
    saved = paths.user_postings_dir()  # through the module: tests redirect it
    if saved.is_dir():
        folders.append(saved)
    folders.extend(Path(d) for d in extra)
    return list(dict.fromkeys(folders))


def cache_path(folders: Sequence[Path], prefix: str = CACHE_PREFIX) -> Path:
    """A cache file for one set of folders (absolute paths, so the working dir cannot alias)."""
    ident = "\n".join(str(f.resolve()) for f in folders)
    digest = hashlib.sha256(ident.encode("utf-8", "surrogateescape")).hexdigest()
    return paths.user_cache_dir() / f"{prefix}{digest[:NAME_HASH_CHARS]}.json"


# --- building --------------------------------------------------------------------------------


def build(
    extra: Sequence[Path],
    show_progress: bool,
    total: int | None = None,
    progress: ProgressBar = no_progress,
) -> Workspace:
    """Load and extract everything from the YAML files (the uncached path); ``total`` is the
    number of posting files, when known, for the progress bar."""
    # Lazy: only a cache miss reads posting YAML; a warm run never imports the corpus loader.
    from careergap.store.streamed import compile_corpus

    taxonomy = taxonomies.load_taxonomy()
    with progress("Reading postings", total, show_progress) as advance:
        families, entries, mentions = compile_corpus(list(extra), taxonomy, advance)
    return workspace_of(taxonomy, families, per_family(entries.values()), mentions=mentions)


# --- the files -------------------------------------------------------------------------------


def document(fmt: str, key: str, body: Any, **extra: Any) -> tuple[dict[str, Any], bytes]:
    """A cache file's header and body: the body as JSON bytes, the header with its digest."""
    data = cachefile.encode(body)
    header = cachefile.header_for(
        data, format=fmt, schema=SCHEMA_VERSION, version=__version__, key=key, **extra
    )
    return header, data


def to_payload(
    ws: Workspace, key: str, files: Mapping[str, list[Any]]
) -> tuple[dict[str, Any], bytes]:
    """The workspace document: what every run reads."""
    refs = Refs()
    body = {
        "postings": ws.postings,
        "scored_postings": ws.scored_postings,
        "families": encode_demands(ws.demands, refs),
        **refs.tables(),
    }
    return document(CACHE_FORMAT, key, body, files=files_record(files))


def entries_payload(
    entries: Iterable[Entry], mentions: Mentions, key: str
) -> tuple[dict[str, Any], bytes]:
    """The entries document: every posting's requirements and what was found in their lines,
    read only when listed in full or quoted."""
    return document(ENTRIES_FORMAT, key, encode_entries(entries, mentions))


def write(path: Path, header: dict[str, Any], body: bytes) -> None:
    """Write atomically (careergap.files.cachefile); a cache that cannot be written is skipped."""
    try:
        cachefile.write(path, header, body)
    except OSError as exc:
        _warn_once(f"cannot write the corpus cache {path}: {exc.strerror or exc}")


def read(path: Path, fmt: str = CACHE_FORMAT) -> Stored | None:
    """The cache file, or None when absent, unreadable, corrupt or foreign (the body's digest
    is checked when it is parsed, only if its key is the one wanted)."""
    try:
        stored = cachefile.read(path, fmt)
    except cachefile.Unusable as exc:
        _warn_once(f"ignoring {exc.what('corpus cache')}; rebuilding")
        return None
    if stored is None:
        return None
    header = stored.header
    if header.get("schema") != SCHEMA_VERSION or header.get("version") != __version__:
        return None  # written by another careergap version: an ordinary miss
    if (
        not isinstance(header.get("key"), str)
        or not isinstance(header.get("sha256"), str)
        or (fmt == CACHE_FORMAT and not isinstance(header.get("files"), dict))
    ):
        _warn_once(f"ignoring a damaged corpus cache {path}; rebuilding")
        return None
    return stored


def restore(
    body: Mapping[str, Any],
    taxonomy: Taxonomy,
    families: Mapping[str, RoleFamily],
    table: EntryTable,
) -> Workspace:
    """The Workspace from a workspace body (its digest checked: see the module)."""
    return Workspace(
        taxonomy=taxonomy,
        families=dict(families),
        demands=decode_demands(body, families),
        partial_sources=partial_sources(taxonomy),
        postings=body["postings"],
        scored_postings=body["scored_postings"],
        table=table,
    )


# --- the one entry point ---------------------------------------------------------------------


# Speed trick kept (issue 14): gc.freeze() saves 22% of a cached `match`'s CPU time on the
# bundled corpus and 17% with 10k postings (tests/benchmarks/bench_tricks.py, "gc-freeze"; the
# README's Performance section has the figures).
@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collections while millions of long-lived objects are created (none are garbage).

    Afterwards they are moved out of the collector's sight (gc.freeze; reference counting still
    frees them), so the first collection after loading does not rescan them all.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def cached_workspace(extra: Sequence[Path] = (), progress: ProgressBar = no_progress) -> Workspace:
    """The workspace from the cache when it is current, else built from YAML and cached;
    ``progress`` draws a bar while a large corpus is built."""
    with _gc_paused():
        return _cached_workspace(extra, progress)


_DAMAGE = (cachefile.Damaged, Invalid, ValueError, TypeError, IndexError, KeyError)


def _cached_workspace(extra: Sequence[Path], progress: ProgressBar) -> Workspace:
    # pydantic is owned by the models; only its error type is needed here, on a damaged cache.
    from pydantic import ValidationError

    folders = corpus_folders(extra)
    files = input_files(folders)
    path = cache_path(folders)
    stored = read(path) if files is not None else None
    # careergap's own reading and scoring code is part of the key: a new reader is a rebuild,
    # never an old answer (the version alone does not change between two commits).
    salt = f"{CACHE_FORMAT}/{SCHEMA_VERSION}/{__version__}/{code_digest().hex()}"
    scan = (
        fingerprint(files, stored.header["files"] if stored else {}, salt)
        if files is not None
        else None
    )
    if scan is not None and stored is not None and stored.header["key"] == scan.key:
        key = scan.key
        try:
            # The key covers skills.yaml, so its compiled form (careergap.files.compiled) is
            # this one.
            taxonomy, families = taxonomies.load_taxonomy(), load_families()
            table = EntryTable(lambda: _entries(extra, folders, key, families))
            ws = restore(stored.data(), taxonomy, families, table)
        except (*_DAMAGE, ValidationError):
            _warn_once(f"ignoring a damaged corpus cache {path}; rebuilding")
        else:
            if scan.rehashed:  # same content, new mtimes: record them so the next run reads none
                write(path, {**stored.header, "files": files_record(scan.files)}, stored.body)
            return replace(ws, corpus_key=key)
    total = len(files.names) - len(DATA_FILES) if files is not None else None
    ws = build(
        extra,
        show_progress=total is not None and total >= PROGRESS_MIN_POSTINGS,
        total=total,
        progress=progress,
    )
    if scan is not None:
        write(path, *to_payload(ws, scan.key, scan.files))
        write(
            cache_path(folders, ENTRIES_PREFIX),
            *entries_payload(_all(ws.entries), ws.table.mentions(), scan.key),
        )
        ws = replace(ws, corpus_key=scan.key)
    return ws


def _all(per_family: Mapping[str, Sequence[Entry]]) -> Iterator[Entry]:
    for entries in per_family.values():
        yield from entries


def _entries(
    extra: Sequence[Path],
    folders: Sequence[Path],
    key: str,
    families: Mapping[str, RoleFamily],
) -> Table:
    """Every family's entries and their lines' mentions from the entries file, or rebuilt when
    it is missing or stale."""
    path = cache_path(folders, ENTRIES_PREFIX)
    stored = read(path, ENTRIES_FORMAT)
    if stored is not None and stored.header["key"] == key:
        try:
            with _gc_paused():
                return decode_entries(stored.data(), families)
        except _DAMAGE:
            _warn_once(f"ignoring a damaged corpus cache {path}; rebuilding")
    with _gc_paused():
        ws = build(extra, show_progress=False)
    grouped, mentions = ws.entries, ws.table.mentions()
    write(path, *entries_payload(_all(grouped), mentions, key))
    return grouped, mentions
