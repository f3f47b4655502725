"""What careergap refuses in a YAML file a person writes, and the fast readers it builds on.

Aliases (so no alias bombs) and deep nesting are refused from the event stream before any node
exists (:func:`check_events`); unknown tags (so ``!!python/...`` is never constructed), non-text
keys and duplicate keys from the composed nodes (:func:`check_nodes`); bad dates and badly
typed scalars while constructing (:class:`UserConstructor`). Every refusal is a located
``yaml.MarkedYAMLError`` or a ``UserFileError`` naming file and line; ``careergap.files.loader``
turns the first kind into words. :func:`plain_data` builds the data of a tree the checks would
accept in one pass, for folders of thousands of postings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from careergap.errors import Problem
from careergap.files import yamlprecheck
from careergap.files.userfiles import UserFileError
from careergap.files.userfiles import fail as _fail

try:  # libyaml is several times faster; fall back to the pure-Python loader and dumper.
    FastLoader: type = yaml.CSafeLoader
    FastDumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    FastLoader = yaml.SafeLoader
    FastDumper = yaml.SafeDumper

#: Deeper nesting than this is never a real profile; it bounds recursion while composing.
MAX_NESTING = 64
#: The only tags a user file may carry (implicit or explicit); everything else is refused.
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


class Refused(yaml.MarkedYAMLError):
    """Valid YAML that careergap refuses in user files (aliases, deep nesting, odd dates).

    Events from the C parser carry ``yaml._yaml.Mark``, which has the same fields as the
    ``yaml.error.Mark`` that types-PyYAML says a MarkedYAMLError takes: hence the two
    ``type: ignore[arg-type]`` where one is raised."""


def check_events(text: str) -> None:
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

    try:
        _refuse_in_events(text)
    except Refused:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None or yamlprecheck.nesting_bound(text[: mark.index + 1]) <= MAX_NESTING:
            raise
        try:
            _refuse_in_events(text[: mark.index])
        except Refused:
            raise
        except yaml.YAMLError:
            pass
        raise


def _refuse_in_events(text: str) -> None:
    """Raise Refused at the first alias or the first collection deeper than MAX_NESTING."""
    depth = 0
    for event in yaml.parse(text, Loader=FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise Refused(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in careergap files; "
                "write the value out in full",
                event.start_mark,  # type: ignore[arg-type]  # see Refused
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise Refused(
                    None,
                    None,
                    f"nested deeper than {MAX_NESTING} levels",
                    event.start_mark,  # type: ignore[arg-type]  # see Refused
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class UserConstructor(yaml.constructor.SafeConstructor):
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
            raise Refused(
                None, None, f"{node.value!r} is not a real date", node.start_mark
            ) from None

    def _typed(self, node: ScalarNode, build: Any, what: str) -> Any:
        """PyYAML's builder for an explicitly tagged scalar, or a located refusal: ``!!int``
        with no value, ``!!bool maybe`` and ``!!float .`` crash PyYAML's own builders."""
        try:
            return build(self, node)
        except (ValueError, IndexError, KeyError, OverflowError, TypeError):
            raise Refused(
                None, None, f"{node.value!r} is not a valid {what}", node.start_mark
            ) from None

    def construct_yaml_int(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_int, "int")

    def construct_yaml_float(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_float, "float")

    def construct_yaml_bool(self, node: ScalarNode) -> Any:
        return self._typed(node, yaml.constructor.SafeConstructor.construct_yaml_bool, "bool")


for _tag, _build in (
    ("timestamp", UserConstructor.construct_yaml_timestamp),
    ("int", UserConstructor.construct_yaml_int),
    ("float", UserConstructor.construct_yaml_float),
    ("bool", UserConstructor.construct_yaml_bool),
):
    # types-PyYAML types add_constructor for loader classes only; PyYAML defines it on every
    # constructor class, which is what this one is.
    UserConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _build)  # type: ignore[type-var]


#: Resolved tags of short plain scalars (keys, numbers, booleans) are remembered; longer text
#: rarely repeats and is cheap to resolve (its first letter rules out every implicit type).
_RESOLVE_MEMO_MAX_CHARS = 40
#: Bounds the memo's memory on a corpus of many distinct short values.
_RESOLVE_MEMO_MAX_ENTRIES = 100_000
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class UserLoader(FastLoader):
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
            memo = UserLoader._memo
            if (value is None or len(value) <= _RESOLVE_MEMO_MAX_CHARS) and len(
                memo
            ) < _RESOLVE_MEMO_MAX_ENTRIES:
                memo[key] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class NotPlain(Exception):
    """The fast builder met something only the full checks can judge (the slow path decides)."""


_SCALARS = UserConstructor()
#: How each allowed non-text scalar tag is built: the constructor the full path would call.
_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SCALARS.construct_yaml_timestamp,
}


def plain_data(node: Node, depth: int) -> Any:
    """The data of a node tree in one pass, or NotPlain for anything the checks could refuse
    (a tag outside ALLOWED_TAGS, a non-text or repeated key, a bad date, deep nesting).

    For a tree they accept it equals ``UserConstructor().construct_document``: without aliases
    no node is shared, so building each node once, in order, is all the constructor does.
    """
    kind = type(node)
    if kind is ScalarNode:
        if node.tag == _STR_TAG:
            return node.value
        build = _SCALAR_BUILDERS.get(node.tag)
        if build is None:
            raise NotPlain
        try:
            return build(cast(ScalarNode, node))  # `kind is ScalarNode` does not narrow `node`
        except (yaml.YAMLError, ValueError, OverflowError):
            raise NotPlain from None
    if depth > MAX_NESTING:
        raise NotPlain
    if kind is MappingNode and node.tag == _MAP_TAG:
        out: dict[str, Any] = {}
        for key, value in node.value:
            if type(key) is not ScalarNode or key.tag not in ALLOWED_TAGS or key.value in out:
                raise NotPlain
            out[key.value] = plain_data(value, depth + 1)
        return out
    if kind is SequenceNode and node.tag == _SEQ_TAG:
        return [plain_data(item, depth + 1) for item in node.value]
    raise NotPlain


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


def check_nodes(path: Path, root: Node) -> None:
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
