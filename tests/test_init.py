"""The package face: ``dir(factcheck)`` is the public API, every public name resolves, and
``factcheck.extract`` stays the function whatever imports the subpackage of the same name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

SRC = str(Path(factcheck.__file__).resolve().parent.parent)


def test_dir_is_the_sorted_public_api() -> None:
    """Tab completion shows the public names, not the internal modules (fx, parallel, store...)."""
    assert factcheck.__all__ == sorted(factcheck.__all__)
    assert dir(factcheck) == factcheck.__all__
    assert {"check", "extract", "load_config", "parse_document", "Report", "Quantities"} <= set(dir(factcheck))


def test_every_public_name_resolves_to_its_object() -> None:
    from factcheck.config import load_config
    from factcheck.documents import parse_document
    from factcheck.project import check

    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    assert factcheck.check is check and factcheck.load_config is load_config
    assert factcheck.parse_document is parse_document


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'chek'"):
        factcheck.chek  # type: ignore[attr-defined]  # noqa: B018


def test_extract_is_the_function_after_the_subpackage_is_imported() -> None:
    """In a fresh interpreter: the subpackage imported first (as the pipeline does), then the name."""
    code = ("import factcheck.extract.scanner, factcheck\n"
            "from factcheck import extract\n"
            "assert callable(factcheck.extract) and extract is factcheck.extract\n"
            "print([q.text for q in factcheck.extract('Revenue rose 8% to Rmb280bn.')])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": SRC, "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['8%', 'Rmb280bn']"


def test_importing_factcheck_loads_no_pipeline() -> None:
    code = "import sys, factcheck\nprint('factcheck.pipeline' in sys.modules, 'factcheck.extract' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": SRC, "PATH": ""})
    assert done.stdout.split() == ["False", "False"]
