"""All YAML reading and writing. The only module that imports ``yaml``.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from careergap.errors import Problem
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

try:  # libyaml is several times faster; fall back to the pure-Python loader and dumper.
    _FastLoader: type = yaml.CSafeLoader
    _FastDumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader
    _FastDumper = yaml.SafeDumper

#: Deeper nesting than this is never a real profile; it bounds recursion while composing.
MAX_NESTING = 64
#: The only tags a user file may carry (implicit or explicit); everything else is refused.
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_LEADING_TAB = re.compile(r"^[ ]*\t")


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that careergap refuses in user files (aliases, deep nesting, odd dates).

    Events from the C parser carry ``yaml._yaml.Mark``, which has the same fields as the
    ``yaml.error.Mark`` that types-PyYAML says a MarkedYAMLError takes: hence the two
    ``type: ignore[arg-type]`` where one is raised."""


# --- trusted files ------------------------------------------------------------------------


def load_trusted_yaml(path: Path) -> Any:
    """Load a YAML file shipped with careergap (or written by its own pipeline).

    Invalid YAML is a :class:`UserFileError` naming the file and line, as in user files."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        _yaml_problem(Path(path), text, exc)


def trusted_doc(path: Path) -> YamlDoc:
    """A trusted file's data with its nodes, to point a problem at its line (the slow road:
    taken only once a file has failed its model)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
        data = yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        _yaml_problem(Path(path), text, exc)
    if root is None:
        _fail(Path(path), "is empty")
    return YamlDoc(Path(path), data, root)


class _PlainDumper(_FastDumper):
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


# --- user files ---------------------------------------------------------------------------


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before any node exists.

    Events come lazily, so an alias bomb stops at its first alias in bounded memory, and the
    (recursive) composer never sees more than ``MAX_NESTING`` levels.

    libyaml's scanner reads up to 1,024 characters ahead and, from libyaml 0.2.5 on, stops at
    a nesting limit of its own, in its own words ("exceeded maximum nesting depth"), before the
    events reach careergap's limit. So when the pass fails where the text before the failure
    may nest deeper than ``MAX_NESTING``, the events of that text alone are read again (it
    holds fewer levels than the limit that stopped libyaml): careergap's refusal, in careergap's
    words and at its own line and column, wins whatever the PyYAML or libyaml version (the cut
    can change only events near its end, hundreds of levels past careergap's). When the text
    before the failure yields no refusal, the first error stands.
    """
    from careergap.files.yamlprecheck import nesting_bound

    try:
        _refuse_in_events(text)
    except _Refused:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None or nesting_bound(text[: mark.index + 1]) <= MAX_NESTING:
            raise
        try:
            _refuse_in_events(text[: mark.index])
        except _Refused:
            raise
        except yaml.YAMLError:
            pass
        raise


def _refuse_in_events(text: str) -> None:
    """Raise _Refused at the first alias or the first collection deeper than MAX_NESTING."""
    depth = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in careergap files; "
                "write the value out in full",
                event.start_mark,  # type: ignore[arg-type]  # see _Refused
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise _Refused(
                    None,
                    None,
                    f"nested deeper than {MAX_NESTING} levels",
                    event.start_mark,  # type: ignore[arg-type]  # see _Refused
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _UserConstructor(yaml.constructor.SafeConstructor):
    """Builds plain data from an already-checked node tree; mapping keys are their source text."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[str, Any]:  # type: ignore[override]
        if not isinstance(node, MappingNode):  # ``!!map text``: the same words as ``!!seq text``
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        return {key.value: self.construct_object(value, deep=deep) for key, value in node.value}

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, AttributeError, TypeError):
            # AttributeError: PyYAML's regex finds no date at all in ``!!timestamp soon``.
            raise _Refused(
                None, None, f"{node.value!r} is not a real date", node.start_mark
            ) from None

    def _typed(self, node: ScalarNode, build: Any, what: str) -> Any:
        """PyYAML's builder for an explicitly tagged scalar, or a located refusal: ``!!int``
        with no value, ``!!bool maybe`` and ``!!float .`` crash PyYAML's own builders."""
        try:
            return build(self, node)
        except (ValueError, IndexError, KeyError, OverflowError, TypeError):
            raise _Refused(
                None, None, f"{node.value!r} is not a valid {what}", node.start_mark
            ) from None

    def construct_yaml_int(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_int, "int")

    def construct_yaml_float(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_float, "float")

    def construct_yaml_bool(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_bool, "bool")


for _tag, _build in (
    ("timestamp", _UserConstructor.construct_yaml_timestamp),
    ("int", _UserConstructor.construct_yaml_int),
    ("float", _UserConstructor.construct_yaml_float),
    ("bool", _UserConstructor.construct_yaml_bool),
):
    # types-PyYAML types add_constructor for loader classes only; PyYAML defines it on every
    # constructor class, which is what this one is.
    _UserConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _build)  # type: ignore[type-var]


#: Resolved tags of short plain scalars (keys, numbers, booleans) are remembered; longer text
#: rarely repeats and is cheap to resolve (its first letter rules out every implicit type).
_RESOLVE_MEMO_MAX_CHARS = 40
#: Bounds the memo's memory on a corpus of many distinct short values.
_RESOLVE_MEMO_MAX_ENTRIES = 100_000
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _UserLoader(_FastLoader):
    """The C loader with the resolver's per-node Python work cut down, same tags as before.

    A safe loader has no path resolvers, so a tag depends only on (kind, value, implicit) and
    the descend/ascend hooks do nothing; skipping them and memoizing short values is exact.
    """

    _memo: dict[tuple[Any, Any, Any], str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        key = (kind, value, implicit)
        tag = self._memo.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            memo = _UserLoader._memo
            if (value is None or len(value) <= _RESOLVE_MEMO_MAX_CHARS) and len(
                memo
            ) < _RESOLVE_MEMO_MAX_ENTRIES:
                memo[key] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _NotPlain(Exception):
    """The fast builder met something only the full checks can judge (the slow path decides)."""


_SCALARS = _UserConstructor()
#: How each allowed non-text scalar tag is built: the constructor the full path would call.
_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SCALARS.construct_yaml_timestamp,
}


def _plain(node: Node, depth: int) -> Any:
    """The data of a node tree in one pass, or _NotPlain for anything the checks could refuse
    (a tag outside ALLOWED_TAGS, a non-text or repeated key, a bad date, deep nesting).

    For a tree they accept it equals ``_UserConstructor().construct_document``: without aliases
    no node is shared, so building each node once, in order, is all the constructor does.
    """
    kind = type(node)
    if kind is ScalarNode:
        if node.tag == _STR_TAG:
            return node.value
        build = _SCALAR_BUILDERS.get(node.tag)
        if build is None:
            raise _NotPlain
        try:
            return build(cast(ScalarNode, node))  # `kind is ScalarNode` does not narrow `node`
        except (yaml.YAMLError, ValueError, OverflowError):
            raise _NotPlain from None
    if depth > MAX_NESTING:
        raise _NotPlain
    if kind is MappingNode and node.tag == _MAP_TAG:
        out: dict[str, Any] = {}
        for key, value in node.value:
            if type(key) is not ScalarNode or key.tag not in ALLOWED_TAGS or key.value in out:
                raise _NotPlain
            out[key.value] = _plain(value, depth + 1)
        return out
    if kind is SequenceNode and node.tag == _SEQ_TAG:
        return [_plain(item, depth + 1) for item in node.value]
    raise _NotPlain


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, MappingNode):
            for key, value in reversed(current.value):
                stack.extend((value, key))
        elif isinstance(current, SequenceNode):
            stack.extend(reversed(current.value))


def _check_nodes(path: Path, root: Node) -> None:
    """Refuse unknown tags, non-text keys and duplicate keys (all duplicates reported at once)."""
    duplicates: list[Problem] = []
    for node in _walk(root):
        if node.tag not in ALLOWED_TAGS:
            mark = node.start_mark
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            _fail(path, f"the tag {tag!r} is not allowed", mark.line + 1, mark.column + 1)
        if not isinstance(node, MappingNode):
            continue
        seen: dict[str, int] = {}
        for key, _value in node.value:
            line = key.start_mark.line + 1
            if not isinstance(key, ScalarNode):
                _fail(path, "mapping keys must be plain text", line, key.start_mark.column + 1)
            if key.value in seen:
                duplicates.append(
                    Problem(
                        str(path),
                        line,
                        None,
                        f"duplicate key {key.value!r} (first on line {seen[key.value]}); "
                        "YAML would silently keep only the last one",
                    )
                )
            else:
                seen[key.value] = line
    if duplicates:
        raise UserFileError(sorted(duplicates, key=lambda p: (p.line or 0, p.message)))


@dataclass(frozen=True)
class YamlDoc:
    """A parsed user file: its data plus the composed nodes, to point problems at lines."""

    path: Path
    #: A user file's top level is always a mapping; a trusted file's may be a list.
    data: Any
    root: Node
    #: Per mapping node (by id): key text -> (key node, value node), the first of each key,
    #: built on first use so locating each of N entries is O(1), not a scan of N keys.
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def line_of(self, keys: Sequence[str | int]) -> int | None:
        """Line (1-based) where the entry at ``keys`` is written, or None when it is absent.

        For a mapping entry that is the key's line, where a person looks for it.
        """
        _node, line, depth = self._locate(keys)
        return line if depth == len(keys) else None

    def nearest_line(self, keys: Sequence[str | int]) -> int:
        """Line of the entry at ``keys``, else of its deepest existing parent."""
        return self._locate(keys)[1]

    def _locate(self, keys: Sequence[str | int]) -> tuple[Node, int, int]:
        node: Node = self.root
        line = node.start_mark.line + 1
        for depth, key in enumerate(keys):
            child: Node | None = None
            if isinstance(node, MappingNode):
                found = self._children(node).get(str(key))
                if found is not None:
                    child, line = found[1], found[0].start_mark.line + 1
            elif isinstance(node, SequenceNode) and isinstance(key, int):
                if 0 <= key < len(node.value):
                    child = node.value[key]
                    line = child.start_mark.line + 1
            if child is None:
                return node, line, depth
            node = child
        return node, line, len(keys)

    def _children(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        children = self._keys.get(id(node))
        if children is None:
            children = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    children.setdefault(key_node.value, (key_node, value_node))
            self._keys[id(node)] = children
        return children


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
            if isinstance(exc, _Refused):
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


def _compose(text: str, check_events: bool) -> Node | None:
    if check_events:
        _check_events(text)
    loader = _UserLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _document(path: Path, text: str) -> YamlDoc:
    from careergap.files.yamlprecheck import events_need_checking

    try:
        root = _compose(text, events_need_checking(text, MAX_NESTING))
        if root is None:
            _fail(path, "is empty (it holds only comments)")
        _check_nodes(path, root)
        if not isinstance(root, MappingNode):
            kind = "a list" if isinstance(root, SequenceNode) else "a single value"
            _fail(
                path,
                f"the top level is {kind}; expected 'key: value' lines",
                root.start_mark.line + 1,
            )
        constructed = _UserConstructor().construct_document(root)
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
    from careergap.files.yamlprecheck import events_need_checking

    path = Path(path)
    text = _user_text(path)
    if not events_need_checking(text, MAX_NESTING):
        try:
            root = _compose(text, check_events=False)
            if isinstance(root, MappingNode):
                data: dict[str, Any] = _plain(root, 1)
                return data
        except (_NotPlain, yaml.YAMLError):
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
