"""What the corpus cache depends on: every input file, and whether any changed since last time.

Hashing 100k posting files on every run would cost more than the cache saves, so (as git's index
does) a file whose size and mtime match what the cache recorded keeps its recorded digest, and a
file modified within ``RACY_SECONDS`` of the write is always re-read. The record is kept as
parallel columns, so the usual "nothing changed" is three list comparisons in C.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careergap.files import paths

#: The packaged data files every workspace depends on, listed before the posting files.
DATA_FILES = ("skills.yaml", "families.yaml")
#: A file modified this close to the cache write may change again within the same mtime tick.
RACY_SECONDS = 2.0


@dataclass(frozen=True)
class Inventory:
    """Every file the workspace is built from, as parallel columns (cheap to store and compare)."""

    names: list[str]
    sizes: list[int]
    mtimes: list[int]


def input_files(folders: Sequence[Path]) -> Inventory | None:
    """The taxonomy, the families and every ``*.yaml`` file of the folders (the files the corpus
    loader reads, in its order) with their sizes and mtimes; None when one cannot be listed or
    stat'ed (loading then reports it)."""
    names: list[str] = []
    stats: list[os.stat_result] = []
    try:
        for path in map(paths.data_file, DATA_FILES):  # through the module: tests redirect it
            names.append(str(path))
            stats.append(path.stat())
        for folder in folders:
            with os.scandir(folder) as listing:
                found = sorted(e.name for e in listing if e.name.endswith(".yaml"))
            prefix = os.path.join(folder, "")
            names.extend([prefix + name for name in found])
            stats.extend(_stats(prefix, found))
    except OSError:
        return None
    if not all(stat.S_ISREG(s.st_mode) for s in stats):
        return None  # a FIFO or device named *.yaml: never hashed (it could block or not end)
    return Inventory(names, [s.st_size for s in stats], [s.st_mtime_ns for s in stats])


def _stats(folder: str, found: list[str]) -> list[os.stat_result]:
    """``os.stat`` of each name in ``folder`` (symlinks followed, as ``DirEntry.stat`` does),
    relative to the open folder where the platform allows: a cached run over 100k postings
    stats every file, and this halves what each stat costs in Python (issue 15)."""
    if os.stat not in os.supports_dir_fd:  # pragma: no cover - not on Linux or macOS
        return [os.stat(folder + name) for name in found]
    fd = os.open(folder, os.O_RDONLY)
    try:
        return [os.stat(name, dir_fd=fd) for name in found]
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Scan:
    """The corpus as found: its content key and the ``files`` record that proves it."""

    key: str
    files: dict[str, list[Any]]
    #: Whether some file had to be read again (its size or mtime differed from the record).
    rehashed: bool


def fingerprint(inventory: Inventory, known: Any, salt: str) -> Scan | None:
    """The corpus's content key and ``files`` record; None when a file cannot be read.

    ``salt`` (format and version) is hashed in. ``known`` is the record a previous run
    stored: when every name, size and mtime matches it (the usual case) its digests are reused
    without reading a byte; otherwise each file whose size or mtime changed is hashed again.
    """
    digests = _unchanged_digests(inventory, known)
    rehashed = digests is None
    if digests is None:
        prior = _priors(known)
        digests = []
        for name, size, mtime in zip(
            inventory.names, inventory.sizes, inventory.mtimes, strict=True
        ):
            seen = prior.get(name)
            if seen is not None and seen[:2] == (size, mtime) and isinstance(seen[2], str):
                digests.append(seen[2])
                continue
            try:
                digests.append(hashlib.blake2b(Path(name).read_bytes(), digest_size=16).hexdigest())
            except OSError:
                return None
    key = hashlib.sha256(f"{salt}\n".encode())
    key.update("\0".join(inventory.names).encode("utf-8", "surrogateescape"))
    key.update("\n".join(digests).encode())
    record: dict[str, list[Any]] = {
        "names": inventory.names,
        "sizes": inventory.sizes,
        "mtimes": inventory.mtimes,
        "digests": digests,
    }
    return Scan(key.hexdigest(), record, rehashed)


_COLUMNS = ("names", "sizes", "mtimes", "digests")


def _priors(known: Any) -> dict[str, tuple[Any, Any, Any]]:
    """name -> (size, mtime, digest) from a stored record; whatever is malformed is dropped
    (at worst a file is hashed again)."""
    if not isinstance(known, dict) or not all(isinstance(known.get(k), list) for k in _COLUMNS):
        return {}
    rows = zip(known["names"], known["sizes"], known["mtimes"], known["digests"], strict=False)
    return {name: (size, mtime, digest) for name, size, mtime, digest in rows if type(name) is str}


def _unchanged_digests(inventory: Inventory, known: Any) -> list[str] | None:
    """The stored digests when the stored names, sizes and mtimes are exactly these."""
    if not isinstance(known, dict):
        return None
    digests = known.get("digests")
    if (
        known.get("names") == inventory.names
        and known.get("sizes") == inventory.sizes
        and known.get("mtimes") == inventory.mtimes
        and isinstance(digests, list)
        and len(digests) == len(inventory.names)
        and all(type(d) is str for d in digests)
    ):
        return digests
    return None


def files_record(files: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """The ``files`` record as stored: a racy file keeps no mtime, so the next run re-hashes it."""
    racy_after = time.time_ns() - int(RACY_SECONDS * 1e9)
    return {**files, "mtimes": [m if m < racy_after else -1 for m in files["mtimes"]]}
