"""Saved job ads on disk: find them in files and folders, and read each one's text.

``careergap postings add PATH...`` takes files and folders (walked recursively, in name order)
of ads saved as plain text (``.txt``), Markdown (``.md``, ``.markdown``) or web pages (``.html``,
``.htm``, read with :mod:`careergap.files.htmltext`). Every file ends as text or as a refusal with a
reason a person can act on; nothing here raises for one bad file, so one bad ad never stops a
folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from careergap.files.htmltext import declared_charset, html_to_text
from careergap.files.userfiles import UserFileError, decode, kind_of, read_bytes

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
AD_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
#: Largest text of one ad (the same bound as a pasted ad): a job ad is a few KB.
MAX_AD_TEXT_BYTES = 200_000
#: Largest saved web page read: pages carry scripts and styles many times the ad's size.
MAX_HTML_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class AdText:
    """One saved ad's text, ready for the posting reader."""

    path: Path
    text: str
    #: "text", "markdown" or "html".
    kind: str


@dataclass(frozen=True)
class Refusal:
    """A file that was not read, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Found:
    """What a set of paths holds: the ad files in order, files refused before reading, and how
    many other files the folders held (pictures and scripts saved beside a page)."""

    files: tuple[Path, ...]
    refused: tuple[Refusal, ...]
    others: int


def _walk(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under ``folder``, in name order; symlinked folders are not entered
    (a link loop or a link to / would never end)."""
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def find_ads(paths: Sequence[Path]) -> Found:
    """The ad files named by ``paths`` (files, and folders walked recursively), each once."""
    files: list[Path] = []
    refused: list[Refusal] = []
    others = 0
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            refused.append(Refusal(path, "no such file or folder"))
            continue
        except OSError as exc:
            refused.append(Refusal(path, f"cannot read: {exc.strerror or exc}"))
            continue
        if kind_of(mode) == "a directory":
            for inner in _walk(path):
                if inner.suffix.casefold() in AD_SUFFIXES:
                    add(inner)
                else:
                    others += 1
        elif path.suffix.casefold() not in AD_SUFFIXES:
            refused.append(Refusal(path, unsupported(path)))
        else:
            add(path)
    return Found(tuple(files), tuple(refused), others)


def unsupported(path: Path) -> str:
    suffix = path.suffix or "(none)"
    return f"unsupported file type {suffix}: save the ad as .txt, .md or .html"


def read_ad(path: Path) -> AdText | Refusal:
    """The text of one saved ad, or the reason it cannot be read (encoding, size, file kind)."""
    is_html = path.suffix.casefold() in HTML_SUFFIXES
    limit = MAX_HTML_BYTES if is_html else MAX_AD_TEXT_BYTES
    try:
        data = read_bytes(path, limit, "text file")
        if is_html:
            charset = declared_charset(data)
            if charset is not None and charset != "utf-8":
                try:
                    raw = data.decode(charset).removeprefix("\ufeff")
                except UnicodeDecodeError:
                    return Refusal(path, f"is not valid {charset}, as its page declares")
            else:
                raw = decode(path, data)
        else:
            raw = decode(path, data)
    except UserFileError as exc:
        return Refusal(path, _reason(exc))
    if is_html:
        text, kind = html_to_text(raw), "html"
        if len(text.encode("utf-8")) > MAX_AD_TEXT_BYTES:
            return Refusal(path, f"its text is larger than {MAX_AD_TEXT_BYTES // 1000} KB")
    else:
        text, kind = raw, "text" if path.suffix.casefold() == ".txt" else "markdown"
    if not text.strip():
        return Refusal(path, "empty: no text in the file")
    return AdText(path, text, kind)


def _reason(exc: UserFileError) -> str:
    """A located file error as a table cell: ``line 3: is not valid UTF-8 ...``."""
    problem = exc.problems[0]
    where = f"line {problem.line}: " if problem.line is not None else ""
    return where + problem.message
