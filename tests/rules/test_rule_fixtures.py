"""Every case of every rule fixture in tests/fixtures/rules/, one test each."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rules import all_rules
from factcheck.testing import RuleCase, assert_case, load_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
CASES = [case for path in sorted(FIXTURES.glob("*.yml")) for case in load_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.name}" for c in CASES])
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    """The case's sources give the findings it expects, and none of its rule when it should pass."""
    assert_case(case, tmp_path)


def test_every_rule_has_a_fixture_with_failing_and_passing_cases() -> None:
    """A rule without cases that fail and cases that pass is untested."""
    for rule in all_rules():
        mine = [c for c in CASES if c.rule == rule.code]
        assert any(c.expect for c in mine), f"{rule.code} has no failing case"
        assert any(c.passes for c in mine), f"{rule.code} has no passing case"


def test_every_rule_documents_a_bad_and_a_good_example() -> None:
    """The docstring is the rule's page: a summary, then **Bad** and **Good** examples."""
    for rule in all_rules():
        doc = type(rule).__doc__ or ""
        assert "**Bad**" in doc and "**Good**" in doc, rule.code
        assert rule.code.startswith("FC") and rule.name and "-" in rule.name
