"""A parsed user file with its YAML nodes, to point a problem at the line a person looks at."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


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
