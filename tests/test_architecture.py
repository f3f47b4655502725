"""The import graph of careergap: no cycles, and every layer imports only downwards.

The layers are import-linter's contract in pyproject.toml (`lint-imports` runs it in .ci/run);
a cycle inside one layer is invisible to that contract, so it is checked here. Both read the
same graph (grimp), including imports inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import grimp
import pytest


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("careergap", cache_dir=None)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def imports(module: str) -> Iterator[str]:
        return iter(sorted(graph.find_modules_directly_imported_by(module)))

    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, imports(root))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, imports(child)))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_itself_back(graph: grimp.ImportGraph) -> None:
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(graph: grimp.ImportGraph) -> None:
    broken = copy.deepcopy(graph)  # views.terminal imports files.escaping; make it mutual
    broken.add_import(importer="careergap.files.escaping", imported="careergap.views.terminal")
    assert ["careergap.files.escaping", "careergap.views.terminal"] in _cycles(broken)


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("careergap.scoring", "careergap.engine"),
        ("careergap.store", "careergap.engine"),
        ("careergap.engine", "careergap.views"),
        ("careergap.reading", "careergap.corpus"),
    ],
)
def test_lower_layers_do_not_import_upper_ones(
    graph: grimp.ImportGraph, lower: str, upper: str
) -> None:
    assert graph.find_illegal_dependencies_for_layers(layers=(upper, lower)) == set()
