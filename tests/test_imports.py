"""The package's modules import one another one way: no cycle, and each imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import icat_data

PACKAGE = Path(icat_data.__file__).parent
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__main__")


def _imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports anywhere, in a function too."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module is None:  # from . import x
                found.update(alias.name for alias in node.names)
            else:
                found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("icat_data.")
        ):
            found.add(node.module.split(".")[1])
    return found & set(MODULES)


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph``, as the modules along it, or nothing."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return [*path[path.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        state[module] = "done"
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return []


def test_the_modules_import_one_another_without_a_cycle() -> None:
    graph = {module: _imports(module) - {module} for module in MODULES}
    assert _cycle(graph) == []
    # The records are a step before the loaded data, never after it.
    assert "_load" not in graph["_models"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    name = "icat_data" if module == "__init__" else f"icat_data.{module}"
    subprocess.run([sys.executable, "-c", f"import {name}"], check=True, timeout=60)
