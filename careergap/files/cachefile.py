"""A file in careergap's cache folder: one JSON header line, then a JSON body.

The one layout of every cache careergap keeps: the compiled taxonomy, matcher and resources
(``careergap.files.compiled``) and the compiled corpus (``careergap.store.cache``). The header
names the format and carries the SHA-256 of the body with whatever its writer keys the file on;
the body is plain data (never pickle: a cache file is data, not code). A body whose digest
matches is what careergap wrote, so its reader may decode it without checking every value again.
Writes go to a temporary file renamed into place, so a concurrent reader sees the old file or
the new one, never half of either.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careergap.files.userfiles import kind_of


class Damaged(Exception):
    """The body is not the one its header was written for (a miss for the caller)."""


class Unusable(Exception):
    """Something in a cache file's place that careergap cannot use: not a regular file,
    unreadable, or not a careergap cache file of the expected format. ``what`` reads
    "a corpus cache" and its path around it: "an unreadable {noun} {path} (OSError)"."""

    def __init__(self, article: str, path: Path, tail: str) -> None:
        super().__init__(f"{article} {path}{tail}")
        self.article, self.path, self.tail = article, path, tail

    def what(self, noun: str) -> str:
        return f"{self.article} {noun} {self.path}{self.tail}"


def encode(body: Any) -> bytes:
    """A body as the compact UTF-8 JSON a cache file holds."""
    # dumps, not dump: dump streams through the pure-Python encoder, many times slower.
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def header_for(body: bytes, **fields: Any) -> dict[str, Any]:
    """A header for ``body``: the given fields and the body's SHA-256."""
    return {**fields, "sha256": hashlib.sha256(body).hexdigest()}


def write(path: Path, header: dict[str, Any], body: bytes) -> None:
    """Write atomically (temporary file + rename); raises OSError when it cannot."""
    data = json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + body
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Stored:
    """A cache file as read: its header, and its body not yet parsed."""

    header: dict[str, Any]
    body: bytes

    def data(self) -> Any:
        """The parsed body; :class:`Damaged` when it is not the one the header was written for."""
        if hashlib.sha256(self.body).hexdigest() != self.header.get("sha256"):
            raise Damaged("digest")
        try:
            return json.loads(self.body)
        except (ValueError, RecursionError):
            raise Damaged("body") from None


def read(path: Path, fmt: str, max_bytes: int | None = None) -> Stored | None:
    """The cache file at ``path`` when its header names format ``fmt`` (the rest of the header is
    the caller's to check; the body's digest is checked when the body is parsed,
    :meth:`Stored.data`); None when there is none; :class:`Unusable` when what is there is not a
    regular file, cannot be read, is larger than ``max_bytes`` or is not such a file."""
    try:
        kind = kind_of(path.stat().st_mode)
        if kind is not None:  # a FIFO would block, /dev/zero would never end: never opened
            raise Unusable("a", path, f" that is {kind}")
        with open(path, "rb", opener=_nonblocking) as fh:
            if kind_of(os.fstat(fh.fileno()).st_mode) is not None:  # swapped since the stat
                raise Unusable("a", path, " that is not a regular file")
            raw = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError, RecursionError) as exc:
        raise Unusable("an unreadable", path, f" ({type(exc).__name__})") from None
    if max_bytes is not None and len(raw) > max_bytes:
        raise Unusable("a", path, " too large to be careergap's")
    if not isinstance(header, dict) or header.get("format") != fmt:
        raise Unusable("a", path, " that careergap did not write")
    return Stored(header, body)


def _nonblocking(name: str, flags: int) -> int:
    # A FIFO put in the file's place after the stat would block an ordinary open.
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
