"""A person's files as bytes and text: read with limits, written atomically. No YAML here.

Everything careergap reads from a person (a profile, their postings, a CV, a pasted ad) passes
the checks here first: the path is a readable file, not too big, UTF-8 without NUL bytes; each
failure is one :class:`UserFileError` naming the file and, where there is one, the line and
column. ``careergap.files.loader`` parses the YAML ones. Writes replace a file atomically.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from careergap.errors import CareergapError, InputFileError, Problem

#: User files are hand-written; anything bigger is a mistake (or an attack) and is not read.
MAX_USER_FILE_BYTES = 1024 * 1024


class UserFileError(InputFileError):
    """A user file that cannot be read at all; ``problems`` holds each located reason.

    The message is ``path:line:column: reason`` when a column is known, else ``path:line: reason``.
    """

    def __init__(self, problems: Sequence[Problem], column: int | None = None):
        self.problems = list(problems)
        self.column = column
        if column is not None and len(self.problems) == 1 and self.problems[0].line is not None:
            only = self.problems[0]
            text = f"{only.path}:{only.line}:{column}: {only.message}"
        else:
            text = "\n".join(str(p) for p in self.problems)
        super().__init__(text)


def fail(path: Path, message: str, line: int | None = None, column: int | None = None) -> NoReturn:
    """Raise the one located error for a user file."""
    raise UserFileError([Problem(str(path), line, None, message)], column)


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit:,} bytes"


def read_user_text(source: str | Path, limit: int, what: str = "text file") -> str:
    """Plain text a person gives careergap (a CV, a pasted ad, a file to extract skills from), or
    standard input for ``-``: at most ``limit`` bytes of UTF-8 without NUL bytes. Every failure
    is one error naming the file, and the line where there is one."""
    if is_stdin(source):
        label = STDIN_LABEL
        data = read_stdin(limit)
    else:
        label = Path(source)
        data = read_bytes(label, limit, what)
    return decode(label, data)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _nonblocking(name: str, flags: int) -> int:
    # A FIFO swapped in after the stat below must not block open() waiting for a writer.
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


#: What a user types for "read it from standard input", and how messages name it.
STDIN_ARG, STDIN_LABEL = "-", Path("<stdin>")
#: Standard input, once read, with the stream it came from: a command may read its one input
#: twice (a report's profile); a new stream (a test runner's next run) is read afresh.
_stdin_read: tuple[object, bytes] | None = None


def is_stdin(source: str | Path) -> bool:
    return str(source) == STDIN_ARG


def read_stdin(limit: int) -> bytes:
    """Standard input's bytes (at most ``limit``), read once per process."""

    global _stdin_read
    if _stdin_read is None or _stdin_read[0] is not sys.stdin:
        _stdin_read = (sys.stdin, sys.stdin.buffer.read(limit + 1))
    data = _stdin_read[1]
    if len(data) > limit:
        fail(STDIN_LABEL, f"is larger than {_size(limit)}; careergap reads up to {_size(limit)}")
    return data


def read_bytes(path: Path, limit: int = MAX_USER_FILE_BYTES, what: str = "YAML file") -> bytes:
    """The bytes of a regular file, after the path checks; the size is checked before anything is
    read. A FIFO, device or socket (or a link to one) is refused before it is opened: reading a
    FIFO waits forever for a writer, and /dev/zero never ends."""
    try:
        info = path.stat()
    except FileNotFoundError:
        fail(path, "no such file")
    except OSError as exc:
        fail(path, f"cannot read: {exc.strerror or exc}")
    kind = kind_of(info.st_mode)
    if kind is not None:
        fail(path, f"is {kind}, not a {what}")
    if info.st_size > limit:
        fail(path, f"is {info.st_size:,} bytes; careergap reads files up to {_size(limit)}")
    try:
        with open(path, "rb", opener=_nonblocking) as fh:
            kind = kind_of(os.fstat(fh.fileno()).st_mode)  # what was opened, not what was stat'ed
            if kind is not None:
                fail(path, f"is {kind}, not a {what}")
            data = fh.read(limit + 1)
    except PermissionError:
        fail(path, "cannot read: permission denied")
    except OSError as exc:
        fail(path, f"cannot read: {exc.strerror or exc}")
    if len(data) > limit:  # it grew after stat
        fail(path, f"is larger than {_size(limit)}; careergap reads files up to {_size(limit)}")
    return data


def decode(path: Path, data: bytes) -> str:
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = line_col(data, nul)
        fail(path, f"contains a NUL byte (byte offset {nul}); is it a binary file?", line, col)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = line_col(data, exc.start)
        fail(
            path,
            f"is not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start}; "
            "save the file as UTF-8",
            line,
            col,
        )
    return text.removeprefix("\ufeff")


def check_tabs(path: Path, text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("\t") and line.strip():
            fail(path, "a tab is used for indentation; YAML needs spaces", number, 1)


# --- writing ------------------------------------------------------------------------------


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) so that readers see the old file or the new one, never half of it.

    A temporary file in the same directory is written, fsynced and renamed over ``path``;
    an existing file's permissions are kept.
    """
    path = Path(path)
    directory = path.parent
    try:
        info = path.stat()
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise CareergapError(
                f"{path}: is {kind}; careergap only replaces regular files, nothing was written"
            )
        mode = info.st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise CareergapError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CareergapError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise CareergapError(f"{path}: cannot write: {exc.strerror or exc}") from None
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; not every platform can open a directory, which is harmless."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
