"""The rule fixtures' articles, for tests that need a corpus on which every rule fires."""

from __future__ import annotations

import functools
from pathlib import Path

from factcheck.documents import parse_document
from factcheck.model import Document
from factcheck.testing import RuleCase, load_cases

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


@functools.cache
def cases() -> tuple[RuleCase, ...]:
    """Every case of every fixture file, in file order."""
    return tuple(case for path in sorted(FIXTURES.glob("*.yml")) for case in load_cases(path))


def write_sources(root: Path) -> list[Path]:
    """Every case's sources as files, one directory per case."""
    paths = []
    for case in cases():
        for source, text in case.sources.items():
            path = root / f"{case.rule}-{case.name}" / source
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


@functools.cache
def documents() -> tuple[Document, ...]:
    """The sources of the cases without reference facts, as documents named rule/case/source."""
    return tuple(parse_document(text, f"{case.rule}/{case.name}/{source}")
                 for case in cases() if case.reference is None for source, text in case.sources.items())
