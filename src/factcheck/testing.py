"""Rule fixtures: YAML files of cases, one file a rule, runnable by the project and by plugins.

A fixture file holds named cases; each gives the ``sources`` (file name -> text, front matter
allowed), optionally ``reference`` (the text of a reference TOML file), and either
``expect: [CODE, ...]`` (the codes that must be reported, each once or more) or ``pass: true``
(no finding of the file's rule). ``rule`` at the top names the rule the file is about::

    rule: FC201
    test_fail_dropped_decimal:
      sources:
        a.md: "---\\npublished: 2024-10-30\\n---\\nAcme's revenue was £22.6bn in 2024."
        b.md: "---\\npublished: 2024-10-30\\n---\\nAcme's revenue was £226bn in 2024."
      expect: [FC201]
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import yaml

from factcheck.documents import parse_document
from factcheck.findings import Finding
from factcheck.pipeline import check
from factcheck.reference import load_reference


@attrs.frozen
class RuleCase:
    rule: str
    name: str
    sources: dict[str, str]
    reference: str | None = None
    expect: tuple[str, ...] = ()
    passes: bool = False


def load_cases(path: str | os.PathLike[str]) -> Iterator[RuleCase]:
    """The cases of one fixture file."""
    data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rule = data.pop("rule")
    for name, case in data.items():
        yield RuleCase(rule, name, dict(case["sources"]), case.get("reference"),
                       tuple(case.get("expect", ())), bool(case.get("pass", False)))


def run_case(case: RuleCase, tmp: str | os.PathLike[str]) -> list[Finding]:
    """Check the case's sources (with its reference facts) and return the findings of its rule."""
    docs = [parse_document(text, name) for name, text in sorted(case.sources.items())]
    reference = None
    if case.reference is not None:
        ref = Path(tmp) / "reference.toml"
        ref.write_text(case.reference, encoding="utf-8")
        reference = load_reference(ref)
    report = check(docs, reference=reference or [])
    return [f for f in report.findings if f.is_conflict]


def assert_case(case: RuleCase, tmp: str | os.PathLike[str]) -> None:
    """Raise AssertionError, with the findings, when the case does not hold."""
    findings = run_case(case, tmp)
    codes = [f.code for f in findings]
    if case.passes:
        mine = [f for f in findings if f.code == case.rule]
        assert not mine, f"{case.name}: expected no {case.rule}, got: " + "; ".join(f.message for f in mine)
    for code in case.expect:
        assert code in codes, f"{case.name}: expected {code}, got {codes}: " + "; ".join(f.message for f in findings)
