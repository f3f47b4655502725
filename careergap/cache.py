"""The compiled corpus cache: repeated runs skip YAML parsing and skill extraction.

One JSON file per set of corpus folders lives in ``careergap.paths.user_cache_dir()``. It holds
each posting's metadata and its extracted requirements, and is keyed by a content hash of every
corpus file, the taxonomy, the role families and the careergap version, so any change to any of
them is a miss. The file is plain JSON (never pickle: a cache file is data, not code) and is
checked on load (format, schema, key, shape); a corrupt, foreign or unreadable cache is a miss
with at most one warning per process. Writes go to a temporary file renamed into place, so a
concurrent run sees the old file or the new one, never half of either.

Hashing 100k posting files on every run would cost more than the cache saves, so (as git's index
does) a file whose size and mtime match what the cache recorded keeps its recorded digest, and a
file modified within ``RACY_SECONDS`` of the write is always re-read.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap import __version__
from careergap.models import LEVEL_MAX, LEVEL_MIN, Posting, RequirementLine, RoleFamily
from careergap.requirements import (
    PREFERRED_WEIGHT,
    REQUIRED_WEIGHT,
    Requirement,
)
from careergap.scoring import Entry

#: The only weights and targets the requirement parser produces; anything else in a cache file
#: (a NaN weight, a target of 0) would corrupt every score, so the cache is rebuilt instead.
CACHED_WEIGHTS = (REQUIRED_WEIGHT, PREFERRED_WEIGHT)

if TYPE_CHECKING:
    from careergap.engine import Workspace
    from careergap.taxonomy import Taxonomy

#: Identifies a careergap workspace cache among whatever else lives in the cache dir.
CACHE_FORMAT = "careergap-workspace"
#: Bumped whenever the layout below changes; an older file is then a plain miss.
SCHEMA_VERSION = 2
#: Cache files are named ``workspace-<hash of the folder set>.json``.
CACHE_PREFIX = "workspace-"
#: A file modified this close to the cache write may change again within the same mtime tick.
RACY_SECONDS = 2.0
#: Builds of fewer postings than this finish too fast for a progress bar to be worth drawing.
PROGRESS_MIN_POSTINGS = 2000
#: Hex digits of the folder-set hash used in the cache file name.
NAME_HASH_CHARS = 16
#: From this many postings the loaded workspace is moved out of the garbage collector's sight
#: (gc.freeze): it lives until the process ends, and rescanning millions of its objects on
#: every collection cost a fifth of scoring at 100k postings.
FREEZE_MIN_POSTINGS = 2000

_warned = False


class _Invalid(Exception):
    """The cache file is not something this version wrote; treat it as a miss."""


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        sys.stderr.write(f"warning: {message}\n")


# --- what the cache depends on --------------------------------------------------------------


def corpus_folders(extra: Sequence[Path]) -> list[Path]:
    """The folders load_corpus reads, in its order: bundled, the user's saved postings, extras."""
    from careergap.paths import bundled_postings_dir
    from careergap.userpostings import postings_dir

    folders = [bundled_postings_dir()]
    saved = postings_dir()
    if saved.is_dir():
        folders.append(saved)
    folders.extend(Path(d) for d in extra)
    return list(dict.fromkeys(folders))


def cache_path(folders: Sequence[Path]) -> Path:
    """The cache file for one set of folders (absolute paths, so the working dir cannot alias)."""
    from careergap.paths import user_cache_dir

    ident = "\n".join(str(f.resolve()) for f in folders)
    digest = hashlib.sha256(ident.encode("utf-8", "surrogateescape")).hexdigest()
    return user_cache_dir() / f"{CACHE_PREFIX}{digest[:NAME_HASH_CHARS]}.json"


def input_files(folders: Sequence[Path]) -> list[Path] | None:
    """Every file the workspace is built from; None when a folder is missing (load reports it)."""
    from careergap.paths import data_file

    files = [data_file("skills.yaml"), data_file("families.yaml")]
    for folder in folders:
        if not folder.is_dir():
            return None
        files.extend(sorted(folder.glob("*.yaml")))
    return files


def fingerprint(
    files: Iterable[Path], known: Mapping[str, Any]
) -> tuple[str, dict[str, list[Any]]] | None:
    """(content key, per-file [size, mtime_ns, digest]); None when a file cannot be read."""
    key = hashlib.sha256(f"{CACHE_FORMAT}/{SCHEMA_VERSION}/{__version__}\n".encode())
    sigs: dict[str, list[Any]] = {}
    for path in files:
        name = str(path)
        try:
            info = path.stat()
            prior = known.get(name)
            if (
                isinstance(prior, list)
                and len(prior) == 3
                and prior[:2] == [info.st_size, info.st_mtime_ns]
                and isinstance(prior[2], str)
            ):
                digest = prior[2]
            else:
                digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return None
        sigs[name] = [info.st_size, info.st_mtime_ns, digest]
        key.update(f"{name}\0{digest}\n".encode("utf-8", "surrogateescape"))
    return key.hexdigest(), sigs


# --- building --------------------------------------------------------------------------------


def build(extra: Sequence[Path], show_progress: bool) -> Workspace:
    """Load and extract everything from the YAML files (the uncached path)."""
    from careergap.corpus.load import load_corpus
    from careergap.engine import build_workspace
    from careergap.render_progress import progress
    from careergap.taxonomy import load_taxonomy

    with progress("Reading postings", None, enabled=show_progress):
        corpus = load_corpus(list(extra))
    taxonomy = load_taxonomy()
    return build_workspace(taxonomy, corpus.families, corpus.postings, show_progress)


# --- the file --------------------------------------------------------------------------------


def to_payload(ws: Workspace, key: str, sigs: Mapping[str, list[Any]]) -> dict[str, Any]:
    """The JSON document: shared tables of texts, lines and requirements, postings by index."""
    texts: dict[str, int] = {}
    lines: dict[tuple[int, int, bool], int] = {}
    requirements: dict[tuple[tuple[str, ...], float, int, int, int], int] = {}
    entry_of = {e.id: e for es in ws.entries.values() for e in es}
    posts = []
    for posting in ws.postings.values():
        line_refs = []
        for line in posting.lines:
            ref = (line.line, texts.setdefault(line.text, len(texts)), line.required)
            line_refs.append(lines.setdefault(ref, len(lines)))
        req_refs = []
        for req in entry_of[posting.id].requirements:
            ref_r = (
                req.options,
                req.weight,
                req.target,
                req.line,
                texts.setdefault(req.text, len(texts)),
            )
            req_refs.append(requirements.setdefault(ref_r, len(requirements)))
        meta = posting.model_dump(mode="json", exclude={"lines"})
        posts.append({**meta, "lines": line_refs, "requirements": req_refs})
    racy_after = time.time_ns() - int(RACY_SECONDS * 1e9)
    return {
        "format": CACHE_FORMAT,
        "schema": SCHEMA_VERSION,
        "version": __version__,
        "key": key,
        # A racy file keeps no stat, so the next run re-reads and re-hashes it.
        "files": {n: (s if s[1] < racy_after else [-1, -1, s[2]]) for n, s in sigs.items()},
        # The taxonomy as data, so a hit skips parsing skills.yaml (it is re-validated on load).
        "taxonomy": [
            skill.model_dump(mode="json", exclude_defaults=True)
            for skill in ws.taxonomy.skills.values()
        ],
        "texts": list(texts),
        "lines": [list(ref) for ref in lines],
        "requirements": [[list(r[0]), r[1], r[2], r[3], r[4]] for r in requirements],
        "postings": posts,
    }


def write(path: Path, payload: Mapping[str, Any]) -> None:
    """Write atomically (temp file + rename); a cache that cannot be written is skipped."""
    # dumps, not dump: dump streams through the pure-Python encoder, many times slower.
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        _warn_once(f"cannot write the corpus cache {path}: {exc.strerror or exc}")


def read(path: Path) -> dict[str, Any] | None:
    """The parsed cache file, or None when absent, unreadable, corrupt or foreign."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        _warn_once(f"ignoring an unreadable corpus cache {path} ({type(exc).__name__}); rebuilding")
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        _warn_once(f"ignoring a corpus cache {path} that careergap did not write; rebuilding")
        return None
    if data.get("schema") != SCHEMA_VERSION or data.get("version") != __version__:
        return None  # written by another careergap version: an ordinary miss
    if not isinstance(data.get("files"), dict) or not isinstance(data.get("key"), str):
        _warn_once(f"ignoring a damaged corpus cache {path}; rebuilding")
        return None
    return data


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Invalid(f"{what} is not a list")
    return value


def restore(
    data: Mapping[str, Any], taxonomy: Taxonomy, families: Mapping[str, RoleFamily]
) -> Workspace:
    """Rebuild the Workspace from a cache document, checking every value's type on the way."""
    texts = _list(data.get("texts"), "texts")
    if not all(type(t) is str for t in texts):
        raise _Invalid("texts")
    lines = []
    for row in _list(data.get("lines"), "lines"):
        number, text, required = _list(row, "line")
        if type(number) is not int or type(text) is not int or type(required) is not bool:
            raise _Invalid("line")
        if number < 1 or not texts[text]:
            raise _Invalid("line")
        # Checked just above; skips pydantic's per-field work for thousands of lines.
        lines.append(
            RequirementLine.model_construct(line=number, text=texts[text], required=required)
        )
    reqs = []
    for row in _list(data.get("requirements"), "requirements"):
        options, weight, target, number, text = _list(row, "requirement")
        options = tuple(_list(options, "options"))
        if (
            not options
            or not all(type(o) is str and o in taxonomy.skills for o in options)
            or weight not in CACHED_WEIGHTS
            or type(target) is not int
            or not LEVEL_MIN < target <= LEVEL_MAX
            or type(number) is not int
            or type(text) is not int
        ):
            raise _Invalid("requirement")
        reqs.append(Requirement(options, weight, target, number, texts[text]))
    postings = []
    entries = {}
    for row in _list(data.get("postings"), "postings"):
        if not isinstance(row, dict):
            raise _Invalid("posting")
        line_refs = _list(row.get("lines"), "posting lines")
        req_refs = _list(row.get("requirements"), "posting requirements")
        fields = {k: v for k, v in row.items() if k != "requirements"}
        fields["lines"] = tuple(lines[_index(i)] for i in line_refs)
        posting = Posting.model_validate(fields)
        if any(f not in families for f in posting.families):
            raise _Invalid("unknown family")
        postings.append(posting)
        entries[posting.id] = _entry(posting, tuple(reqs[_index(i)] for i in req_refs))
    if len(entries) != len(postings):
        raise _Invalid("duplicate posting id")
    from careergap.engine import assemble

    return assemble(taxonomy, families, postings, entries)


def cached_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """The taxonomy stored in the cache, validated exactly as the packaged file would be."""
    from careergap.errors import DataError
    from careergap.paths import data_file
    from careergap.taxonomy import taxonomy_from_data

    try:
        return taxonomy_from_data(data.get("taxonomy"), str(data_file("skills.yaml")))
    except DataError as exc:
        raise _Invalid(str(exc)) from None


def _index(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise _Invalid("index")
    return value


def _entry(posting: Posting, requirements: tuple[Requirement, ...]) -> Entry:
    from careergap.engine import source_file

    return Entry(
        id=posting.id,
        title=posting.title,
        kind=posting.kind,
        families=posting.families,
        source_file=source_file(posting.source),
        requirements=requirements,
    )


# --- the one entry point ---------------------------------------------------------------------


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collections while millions of long-lived objects are created (none are garbage)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cached_workspace(extra: Sequence[Path] = ()) -> Workspace:
    """The workspace from the cache when it is current, else built from YAML and cached."""
    with _gc_paused():
        ws = _cached_workspace(extra)
    if len(ws.postings) >= FREEZE_MIN_POSTINGS:
        gc.freeze()
    return ws


def _cached_workspace(extra: Sequence[Path]) -> Workspace:
    from pydantic import ValidationError

    folders = corpus_folders(extra)
    files = input_files(folders)
    path = cache_path(folders)
    stored = read(path) if files is not None else None
    scan = fingerprint(files, stored["files"] if stored else {}) if files is not None else None
    if scan is not None and stored is not None and stored["key"] == scan[0]:
        from careergap.families import load_families

        try:
            return restore(stored, cached_taxonomy(stored), load_families())
        except (_Invalid, ValidationError, ValueError, TypeError, IndexError, KeyError):
            _warn_once(f"ignoring a damaged corpus cache {path}; rebuilding")
    show = files is not None and len(files) >= PROGRESS_MIN_POSTINGS
    ws = build(extra, show_progress=show)
    if scan is not None:
        write(path, to_payload(ws, scan[0], scan[1]))
    return ws
