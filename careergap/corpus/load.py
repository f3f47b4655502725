"""Load the corpus at run time: the bundled postings plus the user's own folders.

The bundled corpus (``careergap.files.paths.bundled_postings_dir()``) is trusted data written by the
pipeline and read with the fast C loader. User folders (``--postings DIR`` and the folder
``careergap postings add`` writes to) go through the hardened reader, and a bad file is a
CareergapError naming the file and line.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careergap.corpus.roles import load_families
from careergap.corpus.userpostings import postings_dir
from careergap.errors import CareergapError, DataError
from careergap.files import paths as file_paths
from careergap.files.loader import read_user_data
from careergap.files.modelfile import read_model
from careergap.models import Posting, RoleFamily

#: From this many files a folder is read with the cyclic garbage collector paused.
NO_GC_MIN_FILES = 2000
#: Files read between two progress-bar updates (an update per file would cost more than it shows).
PROGRESS_STEP = 250


@dataclass(frozen=True)
class Corpus:
    """Every posting (sorted by id) and the role families they belong to."""

    postings: tuple[Posting, ...]
    families: Mapping[str, RoleFamily]

    def by_family(self, family_id: str) -> list[Posting]:
        """The postings and notes of one family, sorted by id."""
        return [p for p in self.postings if family_id in p.families]

    def counts(self, family_id: str) -> tuple[int, int]:
        """(real postings, topic-notes entries) of one family."""
        kinds = Counter(p.kind for p in self.by_family(family_id))
        return kinds["posting"], kinds["notes"]

    def get(self, posting_id: str) -> Posting:
        """One posting by id (``p-002-776`` = ``p-002-00776``); unknown ids suggest a close one."""

        padded = re.fullmatch(r"([pn])-(\d{3})-(\d{1,5})", posting_id.strip())
        wanted = f"{padded[1]}-{padded[2]}-{int(padded[3]):05d}" if padded else posting_id.strip()
        for posting in self.postings:
            if posting.id == wanted:
                return posting

        close = difflib.get_close_matches(posting_id, [p.id for p in self.postings], n=1)
        hint = f" — did you mean {close[0]}?" if close else ""
        raise CareergapError(
            f"unknown posting {posting_id!r}{hint} (see `careergap postings list`)"
        )


def bundled_postings() -> list[tuple[Path, Posting]]:
    """Each posting of the bundled corpus with its file, in file order (trusted data)."""
    folder = file_paths.bundled_postings_dir()
    return [
        (path, read_model(path, Posting, trusted=True)) for path in sorted(folder.glob("*.yaml"))
    ]


def user_folders(extra_dirs: Sequence[Path] = ()) -> list[Path]:
    """The folders of the user's postings, in reading order: the saved ones, then each extra."""
    saved = postings_dir()
    folders = [saved] if saved.is_dir() else []
    folders.extend(Path(d) for d in extra_dirs)
    return list(dict.fromkeys(folders))


def _user_folder(
    folder: Path, advance: Callable[[int], None] | None = None
) -> list[tuple[Path, Posting]]:
    """A user's corpus folder: same YAML format, every problem located by file and line.

    Files are read in name order and the first bad one (in that order) is the error, however
    they are read (see :func:`careergap.corpus.readahead.read_folder`).
    """
    # Lazy: only a folder read without the cache needs the reader (start-up of `match`).
    from careergap.corpus.readahead import read_folder

    if not folder.is_dir():
        raise CareergapError(f"{folder}: not a folder of postings")
    paths = sorted(folder.glob("*.yaml"))
    # The postings are acyclic and live on; letting the cyclic collector rescan all of them
    # again and again while they pile up cost a third of the time at 100k files.
    collecting = gc.isenabled() and len(paths) >= NO_GC_MIN_FILES
    if collecting:
        gc.disable()
    try:
        out = []
        # closing(): a bad file stops the worker processes now, not when the error is gone.
        with closing(read_folder(paths)) as files:
            for path, data in files:
                out.append((path, read_user_posting(path, data)))
                if advance is not None and len(out) % PROGRESS_STEP == 0:
                    advance(PROGRESS_STEP)
        if advance is not None:
            advance(len(out) % PROGRESS_STEP)
        return out
    finally:
        if collecting:
            gc.enable()


def read_user_posting(path: Path, data: dict[str, Any] | None = None) -> Posting:
    """The posting a user file holds (``data``: the file already read with
    ``loader.read_user_data``), or every problem of the file, each at its line."""
    return read_model(path, Posting, data=read_user_data(path) if data is None else data)


def _check(loaded: Sequence[tuple[Path, Posting]], families: Mapping[str, RoleFamily]) -> None:
    seen: dict[str, Path] = {}
    for path, posting in loaded:
        problem = posting_problem(path, posting.id, posting.families, seen, families)
        if problem is not None:
            raise problem


def posting_problem(
    path: Path,
    posting_id: str,
    posting_families: Sequence[str],
    seen: dict[str, Path],
    families: Mapping[str, RoleFamily],
) -> DataError | None:
    """What is wrong with a posting among the others loaded before it (``seen``: id -> file,
    which this adds it to): an id already used, or an unknown role family."""
    if posting_id in seen:
        return DataError(f"{path}: posting id {posting_id!r} is also used by {seen[posting_id]}")
    seen[posting_id] = path
    unknown = [f for f in posting_families if f not in families]
    if unknown:
        return DataError(
            f"{path}: families: unknown role family {unknown[0]!r} "
            "(see `careergap roles` for the ids)"
        )
    return None


def load_corpus(
    extra_dirs: Sequence[Path] = (), advance: Callable[[int], None] | None = None
) -> Corpus:
    """The bundled corpus plus the user's saved postings plus each ``--postings`` folder.

    ``advance(n)`` is told of every ``n`` posting files read (for a progress bar).
    """

    families = load_families()
    loaded = bundled_postings()
    if advance is not None:
        advance(len(loaded))
    for folder in user_folders(extra_dirs):
        loaded.extend(_user_folder(folder, advance))
    _check(loaded, families)
    postings = tuple(sorted((p for _, p in loaded), key=lambda p: p.id))
    return Corpus(postings=postings, families=families)
