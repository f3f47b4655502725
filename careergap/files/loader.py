"""All YAML reading and writing: the API every other module uses. Only this module and the two
it builds on (``yamlsafe``: the checks of user files; ``yamldoc``: lines of a parsed file) import
``yaml``.

Packaged data is trusted and loaded with the fast C loader when present. Files a person
writes (a profile, their own postings) go through :func:`read_user_yaml`, which refuses,
with one message naming the file and line, everything PyYAML would accept silently or
crash on: oversized files, bad encodings and NUL bytes (checked by ``careergap.files.userfiles``
before any parsing), tab indentation, duplicate keys,
aliases (so no alias bombs), non-standard tags (so ``!!python/...`` is never constructed),
deep nesting and a top level that is not a mapping. In user files every mapping key is
read as the text written (``3: x`` has the key ``"3"``, ``yes: x`` the key ``"yes"``).

Speed without weaker checks: the separate event pass is skipped only when the text proves it
would find nothing (``careergap.files.yamlprecheck``), and :func:`read_user_data` (for folders of
thousands of postings) builds the data in one pass over the nodes, handing anything unusual
to the full path so that every refusal keeps its words and its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from careergap.files import yamlprecheck
from careergap.files.userfiles import (
    MAX_USER_FILE_BYTES,
    STDIN_LABEL,
    UserFileError,
    check_tabs,
    decode,
    is_stdin,
    read_bytes,
    read_stdin,
)
from careergap.files.userfiles import fail as _fail
from careergap.files.yamldoc import YamlDoc
from careergap.files.yamlsafe import (
    MAX_NESTING,
    FastDumper,
    FastLoader,
    NotPlain,
    Refused,
    UserConstructor,
    UserLoader,
    check_events,
    check_nodes,
    plain_data,
)

__all__ = [
    "MAX_NESTING",
    "UserFileError",
    "YamlDoc",
    "dump_yaml",
    "load_trusted_yaml",
    "read_user_data",
    "read_user_data_batch",
    "read_user_yaml",
    "trusted_doc",
]

_LEADING_TAB = re.compile(r"^[ ]*\t")


# --- trusted files ------------------------------------------------------------------------


def load_trusted_yaml(path: Path) -> Any:
    """Load a YAML file shipped with careergap (or written by its own pipeline).

    Invalid YAML is a :class:`UserFileError` naming the file and line, as in user files."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        _yaml_problem(Path(path), text, exc)


def trusted_doc(path: Path) -> YamlDoc:
    """A trusted file's data with its nodes, to point a problem at its line (the slow road:
    taken only once a file has failed its model)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=FastLoader)  # noqa: S506 - a SafeLoader subclass
        data = yaml.load(text, Loader=FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        _yaml_problem(Path(path), text, exc)
    if root is None:
        _fail(Path(path), "is empty")
    return YamlDoc(Path(path), data, root)


class _PlainDumper(FastDumper):
    """Plain YAML only: no ``&anchor``/``*alias`` and no Python tags, so that what careergap
    writes (user postings, ``init``) reads back through :func:`read_user_yaml`."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_PlainDumper.add_representer(tuple, _PlainDumper.represent_list)


def dump_yaml(data: Any) -> str:
    """Dump data as stable, human-readable YAML (key order kept, unicode kept)."""
    return yaml.dump(
        data,
        Dumper=_PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def _yaml_problem(path: Path, text: str, exc: yaml.YAMLError) -> NoReturn:
    """Turn a PyYAML error into one located message."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        _fail(path, f"contains the control character U+{exc.character:04X}", line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        parts = [exc.context, exc.problem]
        # "while parsing a block mapping" adds nothing a person can act on; other contexts do.
        problem = " ".join(p for p in parts if p and not p.startswith("while ")) or "bad YAML"
        if mark is not None:
            lines = text.split("\n")
            source = lines[mark.line] if mark.line < len(lines) else ""
            if _LEADING_TAB.match(source):
                _fail(path, "a tab is used for indentation; YAML needs spaces", mark.line + 1)
            if isinstance(exc, Refused):
                _fail(path, problem, mark.line + 1, mark.column + 1)
            _fail(path, f"invalid YAML: {problem}", mark.line + 1, mark.column + 1)
    _fail(path, f"invalid YAML: {exc}")


def _user_text(path: Path) -> str:
    """The file's text after the byte-level checks: size, UTF-8, NUL, empty, tab indentation."""
    return _checked_text(path, read_bytes(path))


def _checked_text(path: Path, data: bytes) -> str:
    text = decode(path, data)
    if not text.strip():
        _fail(path, "is empty")
    check_tabs(path, text)
    return text


def _compose(text: str, events_first: bool) -> Node | None:
    if events_first:
        check_events(text)
    loader = UserLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _document(path: Path, text: str) -> YamlDoc:

    try:
        root = _compose(text, yamlprecheck.events_need_checking(text, MAX_NESTING))
        if root is None:
            _fail(path, "is empty (it holds only comments)")
        check_nodes(path, root)
        if not isinstance(root, MappingNode):
            kind = "a list" if isinstance(root, SequenceNode) else "a single value"
            _fail(
                path,
                f"the top level is {kind}; expected 'key: value' lines",
                root.start_mark.line + 1,
            )
        constructed = UserConstructor().construct_document(root)
    except yaml.YAMLError as exc:
        _yaml_problem(path, text, exc)
    return YamlDoc(path, constructed, root)


def read_user_yaml(path: Path) -> YamlDoc:
    """Read and check a hand-written YAML file whose top level must be a mapping.

    Raises :class:`UserFileError` (an InputFileError) with one message naming the file, and the
    line and column where there is one, for every way such a file can be unreadable.
    """
    if is_stdin(path):  # `-`: the text comes from standard input; messages say <stdin>:LINE
        return _document(STDIN_LABEL, _checked_text(STDIN_LABEL, read_stdin(MAX_USER_FILE_BYTES)))
    path = Path(path)
    return _document(path, _user_text(path))


def read_user_data(path: Path) -> dict[str, Any]:
    """``read_user_yaml(path).data`` without keeping the nodes, for reading many files fast.

    The same checks and the same refusals, word for word: a file the one-pass builder cannot
    vouch for (an unusual tag, a repeated key, anything the event pass must look at) is read
    by the full path, which gives the located error.
    """

    path = Path(path)
    text = _user_text(path)
    if not yamlprecheck.events_need_checking(text, MAX_NESTING):
        try:
            root = _compose(text, events_first=False)
            if isinstance(root, MappingNode):
                data: dict[str, Any] = plain_data(root, 1)
                return data
        except (NotPlain, yaml.YAMLError):
            pass
    return _document(path, text).data


def read_user_data_batch(paths: Sequence[str]) -> list[dict[str, Any] | None]:
    """:func:`read_user_data` of each path in order, stopping after the first that fails, which
    is None: the caller reads that one again to raise its error. Runs in worker processes."""
    out: list[dict[str, Any] | None] = []
    for name in paths:
        try:
            out.append(read_user_data(Path(name)))
        except Exception:  # noqa: BLE001 - the caller re-reads it and raises the real error
            out.append(None)
            break
    return out
