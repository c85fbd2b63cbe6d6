"""The whole check, rules included, does work linear in the length of its input.

Each input repeats statements that every rule compares pairwise (the same figure again and again,
ranges, parts and totals, year-earlier levels, valuations, differences), one per line: a rule that
tries every pair of statements of a long article, or scans the article for each one, shows here
as a number of calls per character that grows with the size (work is counted, not timed: see
tests/operations.py). The benchmark ``benchmarks/adversarial.py`` times the same inputs (kinds
"check: ...") at 250 KB and 1 MB, and single lines.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import factcheck
from factcheck.documents import parse_document
from factcheck.extract import scan
from factcheck.group import build_context
from factcheck.pipeline import extract_document
from factcheck.rules import iter_rules
from hostile import CHECK
from operations import BAR, FACTOR, call_ratio, calls

SMALL = 4_000


def _checking(text: str) -> Callable[[], object]:
    """What ``check`` does after extraction (facts, entities, groups, every rule), ready to time:
    extraction has its own linear-time tests, and would hide the rules' share here."""
    doc = parse_document(text, "long.md")
    quantities = [extract_document(doc)]

    def run() -> object:
        ctx = build_context([doc], quantities)
        return [f for rule in iter_rules() for f in rule.check(ctx)]

    return run


def work_ratio(make: Callable[[int], str], small: int = SMALL) -> float:
    """Calls per character at ``FACTOR * small`` over calls per character at ``small``: about 1
    when linear. Counted, not timed: a ratio of seconds flakes on a busy machine."""
    _checking(make(small // 8))()  # compile patterns and fill caches before counting
    per_char = [calls(_checking(make(n))) / n for n in (small, FACTOR * small)]
    return per_char[1] / per_char[0]


@pytest.mark.parametrize("name", list(CHECK))
def test_check_work_per_character_is_flat(name: str) -> None:
    """Checking four times the text (after extraction) makes no more calls per character."""
    assert work_ratio(CHECK[name]) < BAR


def test_the_inputs_give_the_rules_work() -> None:
    """Each input is full of facts the rules compare (so the test above measures the rules)."""
    for name, make in CHECK.items():
        report = factcheck.check([parse_document(make(FACTOR * SMALL), "long.md")])
        assert report.coverage["facts"] > 50, name


def _one_line_of_prose(n: int) -> str:
    """The seed articles' text run together on one line, as a paste that lost its line breaks."""
    seeds = Path(__file__).resolve().parent.parent.parent / "seeds"
    prose = " ".join(" ".join(p.read_text(encoding="utf-8").split("---\n")[-1].split())
                     for p in sorted(seeds.glob("*.md")))
    return (prose * (n // len(prose) + 1))[:n]


def test_one_long_line_scans_in_linear_work() -> None:
    """A line four times as long makes the scanner no more calls per character. (It once looked
    back to the start of the line for every number on it, in one call each: that cost is timed
    by benchmarks/adversarial.py, kind "one 5 MB line", a line of 1.25 MB and of 5 MB.)"""
    assert call_ratio(scan, _one_line_of_prose, 50_000) < BAR
