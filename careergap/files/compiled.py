"""The taxonomy and its text matcher, compiled once per taxonomy file and kept in the cache folder.

Parsing and checking ``skills.yaml`` (thousands of skills) and building the extractor's
matchers cost most of a short command's time, and both depend only on that file's bytes and
careergap's own code. So the first run writes what they produce to ``user_cache_dir()``, and
later runs read it in one go, without re-checking what was checked when it was written:

- ``taxonomy-<key>.json``: every skill's fields, one row each, its folded names and its
  umbrella skills (``careergap.reading.taxonomy``);
- ``matcher-<key>.json``: the extractor's two patterns as text and its form tables
  (``careergap.reading.extractor``): the trie is not rebuilt, the patterns are compiled by ``re``;
- ``resources-<key>.json``: the study resources of ``resources.yaml``, checked against the
  taxonomy's skills (``careergap.corpus.resources``), keyed on both;
- ``regex-<key>.json``: the programs ``re`` compiles the matcher's two patterns into, keyed on
  the patterns and the interpreter (``careergap.files.regexcode``, which says when it trusts one).

The key hashes the taxonomy file's bytes, careergap's version and the source of the modules
that read and compile it (:data:`CODE_PARTS`), so an edited taxonomy or an edited reader is
a miss, never a stale answer. Each file is one JSON header line (format, schema, key and the
SHA-256 of the body) and a JSON body, the layout the compiled corpus shares
(``careergap.files.cachefile``): plain data, never pickle or marshal; the one program kept,
``re``'s for the matcher, only under the conditions ``careergap.files.regexcode`` sets.
A file that is missing, foreign, truncated, edited or otherwise damaged is an ordinary miss:
the data is rebuilt and the file rewritten, atomically (temporary file + rename), silently;
a cache folder that cannot be written only costs the rebuild on every run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from careergap import __version__
from careergap.files import cachefile
from careergap.files.paths import user_cache_dir

FORMAT = "careergap-compiled"
#: Bumped whenever a body's layout changes. 2: the taxonomy's folded names. 3: and its
#: umbrella skills.
SCHEMA = 3
TAXONOMY_KIND = "taxonomy"
MATCHER_KIND = "matcher"
RESOURCES_KIND = "resources"
REGEX_KIND = "regex"
#: Hex digits of the key in a cache file's name.
NAME_HASH_CHARS = 16
#: The parts of the package whose code decides what a compiled file (or the compiled corpus,
#: ``careergap.store.cache``) holds: every module in them is hashed, so an edit to any, or a new
#: module, is a miss. A hand-kept list of modules went stale when modules were split; the views,
#: the CLI and the engine only read what was compiled, so they are left out.
CODE_PARTS = ("models.py", "files", "reading", "corpus", "scoring", "store")
#: Cache files larger than this are not careergap's (the matcher of ~3,000 skills is ~1 MB).
MAX_BYTES = 256 * 1024 * 1024


def content_key(data: bytes) -> str:
    """The key of a taxonomy file's compiled forms: its bytes, careergap's version and code."""
    digest = hashlib.sha256(f"{FORMAT}/{SCHEMA}/{__version__}\n".encode())
    digest.update(code_digest())
    digest.update(data)
    return digest.hexdigest()


_code: bytes | None = None


def code_digest() -> bytes:
    """A hash of the source of :data:`CODE_PARTS`, read once per process (about 3 ms)."""
    global _code
    if _code is None:
        here = Path(__file__).resolve().parent.parent  # the careergap package
        digest = hashlib.sha256()
        for part in CODE_PARTS:
            top = here / part
            sources = sorted(top.rglob("*.py")) if top.is_dir() else [top]
            for path in sources:
                digest.update(path.relative_to(here).as_posix().encode() + b"\0")
                try:
                    digest.update(path.read_bytes())
                except OSError:  # a zipped or stripped install: the version alone keys it
                    pass
        _code = digest.digest()
    return _code


def cache_file(kind: str, key: str) -> Path:
    return user_cache_dir() / f"{kind}-{key[:NAME_HASH_CHARS]}.json"


def read(kind: str, key: str) -> Any:
    """The body stored for ``key``, or None when there is none that careergap wrote intact."""
    try:
        stored = cachefile.read(cache_file(kind, key), FORMAT, MAX_BYTES)
        if (
            stored is None
            or stored.header.get("schema") != SCHEMA
            or stored.header.get("kind") != kind
            or stored.header.get("key") != key
        ):
            return None
        return stored.data()
    except (cachefile.Unusable, cachefile.Damaged):
        return None


def write(kind: str, key: str, body: Any) -> None:
    """Store ``body`` for ``key`` atomically; a cache that cannot be written is skipped."""
    data = cachefile.encode(body)
    header = cachefile.header_for(data, format=FORMAT, schema=SCHEMA, kind=kind, key=key)
    try:
        cachefile.write(cache_file(kind, key), header, data)
    except OSError:
        pass
