"""The house: no import cycles among factcheck's modules, counting imports inside functions.

Every import is read from the source (top level, inside functions and methods, inside ``try`` and
``if``), except those under ``if TYPE_CHECKING:``, which never run. A cycle is a strongly connected
set of two or more modules. An import of a package counts as an import of its ``__init__``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factcheck"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _owner(name: str) -> str | None:
    """The module ``name`` lives in: itself, or the nearest enclosing module (a name inside it)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(module: str) -> Iterator[tuple[str, int]]:
    """The factcheck modules ``module`` imports, with the line of each import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST) -> Iterator[tuple[str, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    yield from visit(other)
                continue
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - child.level + 1] + ([base] if base else []))
                # "from factcheck.rules import FC201" imports the submodule; "from x import name" imports x
                names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in child.names]
            for name in names:
                owner = _owner(name) if name.startswith("factcheck") else None
                if owner and owner != module:
                    yield owner, child.lineno
            yield from visit(child)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")))


def graph() -> dict[str, set[str]]:
    return {m: {target for target, _ in imports(m)} for m in MODULES}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected sets of two or more modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
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
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    found.append(sorted(members))
    return found


class TestCycleFinder:
    """The finder itself finds what it must, so that "no cycles" below means something."""

    def test_finds_a_cycle_and_only_its_members(self) -> None:
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
        assert cycles(edges) == [["a", "b", "c"]]

    def test_a_chain_is_no_cycle(self) -> None:
        assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []

    def test_reads_imports_inside_functions_but_not_type_checking(self) -> None:
        edges = graph()
        # pytest_plugin imports the project services inside a function (the plugin loads lazily)
        assert "factcheck.project" in edges["factcheck.pytest_plugin"]
        # the registry imports each rule module; a rule imports the base class, not the registry
        assert "factcheck.rules.FC201" in edges["factcheck.rules"]
        assert "factcheck.rules" not in edges["factcheck.rules.FC201"]


def test_no_import_cycles() -> None:
    found = cycles(graph())
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "factcheck"))
def test_nothing_imports_the_package_face(module: str) -> None:
    """Modules below the face take the version from ``factcheck._version``: importing the face
    from inside the package would load the whole pipeline and close a loop through it."""
    assert "factcheck" not in {target for target, _ in imports(module)}
