"""The examples in docstrings run, so they cannot drift from the code (``pytest`` runs them)."""

from __future__ import annotations

import doctest
import importlib
import pathlib
import pkgutil

import pytest

import factcheck

#: Modules with optional dependencies that are imported only when used (Dask, atheris).
OPTIONAL = {"factcheck.dask"}


def _modules() -> list[str]:
    names = ["factcheck"]
    names += [m.name for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")]
    return sorted(n for n in names if n not in OPTIONAL)


def _with_examples() -> list[str]:
    out = []
    for name in _modules():
        module = importlib.import_module(name)
        if doctest.DocTestFinder().find(module) and any(t.examples for t in doctest.DocTestFinder().find(module)):
            out.append(name)
    return out


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (run with -s)"


def test_examples_are_found() -> None:
    """The finder sees the package's examples (a module without any would make the test vacuous)."""
    assert {"factcheck", "factcheck.offsets", "factcheck.resolve"} <= set(_with_examples())


def fenced_examples(markdown: str) -> str:
    """The contents of the page's fenced code blocks that hold ``>>>`` sessions, one after the
    other (the fences themselves would read as expected output)."""
    blocks, inside, current = [], False, []
    for line in markdown.splitlines():
        if line.startswith("```"):
            if inside and any(row.startswith(">>>") for row in current):
                blocks.append("\n".join(current))
            inside, current = not inside, []
        elif inside:
            current.append(line)
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("page", ["README.md", "docs/notebooks.md"])
def test_documentation_examples(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``>>>`` sessions of the README and the notebook guide give what they show (run from
    the repository root, as a reader would)."""
    root = pathlib.Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    test = doctest.DocTestParser().get_doctest(fenced_examples((root / page).read_text(encoding="utf-8")), {}, page,
                                               page, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
