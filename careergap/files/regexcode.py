"""Large regexes compiled once and kept in the cache folder as their ``re`` programs.

``re.compile`` parses a pattern and turns it into a program for the regex engine (``_sre``)
in Python code: for the extractor's case-insensitive trie (175,000 characters) that is about
0.3 s of every ``extract`` run, while the engine builds a pattern from a ready program in a
few milliseconds. So the first compile of a pattern stores its program, and later runs hand it
to the engine.

A program is code for the regex engine, whose own check of it (in ``_sre.compile``) is not
complete: a crafted one can crash the interpreter. So a stored program is trusted as Python
trusts the bytecode it caches in ``__pycache__`` (careergap's own modules run from there), and
only where that holds: it is read only from a file owned by the user running careergap that no
one else may write; it is keyed on the pattern text, the interpreter's version and the
engine's format (``_sre.MAGIC``, ``_sre.CODESIZE``), so another Python never reads it; and its
header carries the SHA-256 of the body (``careergap.files.cachefile``), so a damaged file is a
miss. Any failure, including an interpreter whose ``re`` internals differ (or one without
user ids), falls back to ``re.compile``: a miss costs the compile, never a wrong pattern.
"""

from __future__ import annotations

import array
import base64
import hashlib
import importlib
import os
import re
import sys
from typing import Any

from careergap.files import compiled


def _engine() -> tuple[Any, Any, Any]:
    """The regex engine and the modules of ``re`` that parse a pattern and make its program
    (``re._parser``/``re._compiler`` since Python 3.11, ``sre_parse``/``sre_compile`` before);
    Nones where they are not there."""
    try:
        engine = importlib.import_module("_sre")
    except ImportError:  # pragma: no cover - not CPython
        return None, None, None
    for parser, compiler in (("re._parser", "re._compiler"), ("sre_parse", "sre_compile")):
        try:
            return engine, importlib.import_module(parser), importlib.import_module(compiler)
        except ImportError:  # pragma: no cover - Python 3.10
            continue
    return None, None, None  # pragma: no cover


_sre, sre_parse, sre_compile = _engine()
#: A program word as ``array`` stores it: the engine's code unit (4 bytes on CPython).
_WORD = "I"
#: Interpreters whose engine we can hand a program to (anything else compiles as usual).
SUPPORTED = (
    sys.implementation.name == "cpython"
    and _sre is not None
    and sre_compile is not None
    and getattr(_sre, "CODESIZE", 0) == array.array(_WORD).itemsize
    and hasattr(os, "geteuid")
)
#: Permission bits that let someone other than the owner change a file.
_OTHERS_WRITE = 0o022


def compile_all(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """Each pattern (flags none) compiled: from the programs stored for exactly these
    patterns on this interpreter, else as ``re.compile`` does it (and the programs stored)."""
    if not SUPPORTED:
        return {name: re.compile(pattern) for name, pattern in patterns.items()}
    key = _key(patterns)
    stored = compiled.read(compiled.REGEX_KIND, key) if _owned(key) else None
    if stored is not None:
        loaded = _from_programs(patterns, stored)
        if loaded is not None:
            return loaded
    try:
        programs = {name: _program(pattern) for name, pattern in patterns.items()}
    except Exception:  # noqa: BLE001 - re internals of another version: compile each run
        return {name: re.compile(pattern) for name, pattern in patterns.items()}
    made = _from_programs(patterns, programs)  # one parse per pattern, as re.compile's
    if made is None:  # pragma: no cover - an engine that refuses its own compiler's program
        return {name: re.compile(pattern) for name, pattern in patterns.items()}
    compiled.write(compiled.REGEX_KIND, key, programs)
    return made


def _owned(key: str) -> bool:
    """Whether the stored programs' file is the user's own, writable by no one else."""
    try:
        status = os.stat(compiled.cache_file(compiled.REGEX_KIND, key))
    except OSError:
        return False
    return status.st_uid == os.geteuid() and not status.st_mode & _OTHERS_WRITE


def _key(patterns: dict[str, str]) -> str:
    digest = hashlib.sha256(
        f"{sys.implementation.cache_tag}\n{sys.version}\n{_sre.MAGIC}\n{_sre.CODESIZE}\n".encode()
    )
    for name in sorted(patterns):
        digest.update(f"{len(name)}:{name}{len(patterns[name])}:".encode())
        digest.update(patterns[name].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _program(pattern: str) -> dict[str, Any]:
    """What ``re.compile(pattern)`` hands the engine (as ``re._compiler.compile`` does)."""
    parsed = sre_parse.parse(pattern, 0)
    code = sre_compile._code(parsed, 0)
    state = parsed.state
    if state.groupdict:  # named groups: not used by careergap's patterns, not stored
        raise ValueError("named groups")
    return {
        "code": base64.b64encode(array.array(_WORD, code).tobytes()).decode("ascii"),
        "flags": state.flags,
        "groups": state.groups,
    }


def _from_programs(patterns: dict[str, str], stored: Any) -> dict[str, re.Pattern[str]] | None:
    """The patterns built from their stored programs; None when any is not what
    :func:`_program` writes or the engine refuses it."""
    if type(stored) is not dict or set(stored) != set(patterns):
        return None
    made: dict[str, re.Pattern[str]] = {}
    try:
        for name, pattern in patterns.items():
            program = stored[name]
            code = array.array(_WORD)
            code.frombytes(base64.b64decode(program["code"], validate=True))
            flags, groups = program["flags"], program["groups"]
            if type(flags) is not int or type(groups) is not int or groups < 1:
                return None
            made[name] = _sre.compile(
                pattern, flags, code.tolist(), groups - 1, {}, (None,) * groups
            )
    except Exception:  # noqa: BLE001 - a damaged or foreign program is a miss
        return None
    return made
