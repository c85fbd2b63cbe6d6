"""The whole check, rules included, does work linear in the length of its input.

Each input repeats statements that every rule compares pairwise (the same figure again and again,
ranges, parts and totals, year-earlier levels, valuations, differences), one per line: a rule that
tries every pair of statements of a long article, or scans the article for each one, shows here
as a number of calls per character that grows with the size (work is counted, not timed: see
tests/operations.py). The benchmark ``benchmarks/adversarial.py`` times the same inputs (kinds
"check: ...") at 250 KB and 1 MB, and single lines.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

import factcheck
from factcheck.documents import parse_document
from factcheck.extract import scan
from factcheck.group import build_context
from factcheck.pipeline import extract_document
from factcheck.rules import iter_rules
from operations import BAR, FACTOR, call_ratio, calls

SMALL = 4_000


def _lines(*sentences: str) -> Callable[[int], str]:
    piece = "\n".join(sentences) + "\n"
    return lambda n: (piece * (n // len(piece) + 1))[:n]


INPUTS = {
    "one figure repeated (FC201)": _lines("Acme's revenue reached £22.6bn in 2024, the company said."),
    "ranges (FC202)": _lines("Acme's revenue growth guidance for 2025 is 3% to 4%."),
    "parts and totals (FC302)": _lines(
        "Hooli's games revenue was 91.4 billion yuan in Q2 2025, with domestic games revenue of 40.4 billion "
        "yuan and international games revenue of 18.8 billion yuan."),
    "valuations (FC303)": _lines("Acme made an investment of USD 800 million in Pied Piper, giving it a 36 "
                                 "percent stake.", "With this investment, Pied Piper is worth approximately USD 22 "
                                 "billion."),
    "changes and levels (FC304)": _lines("Net profit grew by 3.6% to ₹6,374 crore from ₹5,945 crore."),
    "differences (FC305)": _lines("The price was $310 per share, a 50-percent difference from $81 per share."),
    # one "sentence" of 16,000 characters holding thousands of amounts: per-sentence work (the
    # fingerprint context) done once a figure was quadratic here
    "amounts in one endless sentence": lambda n: "".join(random.Random(3).choices("$€£¥₹$$ 12", k=n)),
    "year-earlier levels (FC307)": _lines("Acme's revenue rose 8% to Rmb280bn in the fourth quarter of 2024.",
                                          "Acme's revenue was Rmb230bn in the fourth quarter of 2023."),
    "weekday dates (FC601)": _lines("The board met on Thursday, Jan. 18, 2023 and again on Friday 12 May."),
    "spans of seasons (FC603)": _lines("He signed a 11-year deal starting with 2025-26 and ending in 2036-37."),
    # one endless sentence of dates and spans: per-claim work on the sentence would be quadratic
    "calendar claims in one sentence": lambda n: ("a 5-year deal from 2021 to 2026, Friday, May 12, 2023, "
                                                  * (n // 50 + 1))[:n],
}


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


@pytest.mark.parametrize("name", list(INPUTS))
def test_check_work_per_character_is_flat(name: str) -> None:
    """Checking four times the text (after extraction) makes no more calls per character."""
    assert work_ratio(INPUTS[name]) < BAR


def test_the_inputs_give_the_rules_work() -> None:
    """Each input is full of facts the rules compare (so the test above measures the rules)."""
    for name, make in INPUTS.items():
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
