"""The whole check, rules included, costs time linear in the length of its input.

Each input repeats statements that every rule compares pairwise (the same figure again and again,
ranges, parts and totals, year-earlier levels, valuations, differences), one per line: a rule that
tries every pair of statements of a long article, or scans the article for each one, shows here
as a cost per character that grows with the size. The benchmark ``benchmarks/adversarial.py``
measures the same at 250 KB and 1 MB, and on single lines.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import factcheck
from factcheck.documents import parse_document
from factcheck.extract import scan
from factcheck.group import build_context
from factcheck.pipeline import extract_document
from factcheck.rules import iter_rules

SMALL = 16_000
FACTOR = 4


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


def _seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def cost_ratio(make: Callable[[int], str], small: int = SMALL, tries: int = 3) -> float:
    """Cost per character at ``FACTOR * small`` over that at ``small`` (best of a few runs, so
    that a busy machine costs a retry rather than a failure): about 1 when linear."""
    small_run, large_run = _checking(make(small)), _checking(make(small * FACTOR))
    per_char_small = _seconds(small_run, 5) / small
    ratio = float("inf")
    for _ in range(tries):
        ratio = min(ratio, _seconds(large_run, 2) / (small * FACTOR) / per_char_small)
        if ratio < 1.5:
            break
    return ratio


@pytest.mark.parametrize("name", list(INPUTS))
def test_check_cost_per_character_is_flat(name: str) -> None:
    """Checking four times the text (after extraction) costs under twice as much per character."""
    assert cost_ratio(INPUTS[name]) < 2


def test_the_inputs_give_the_rules_work() -> None:
    """Each input is full of facts the rules compare (so the test above measures the rules)."""
    for name, make in INPUTS.items():
        report = factcheck.check([parse_document(make(SMALL), "long.md")])
        assert report.coverage["facts"] > 50, name


def _one_line_of_prose(n: int) -> str:
    """The seed articles' text run together on one line, as a paste that lost its line breaks."""
    seeds = Path(__file__).resolve().parent.parent.parent / "seeds"
    prose = " ".join(" ".join(p.read_text(encoding="utf-8").split("---\n")[-1].split())
                     for p in sorted(seeds.glob("*.md")))
    return (prose * (n // len(prose) + 1))[:n]


def test_one_long_line_scans_in_linear_time() -> None:
    """A line of a million characters costs the scanner, per character, what a line of 250,000 does
    (it once looked back to the start of the line for every number on it: 1.8 times as much)."""
    small, large = _one_line_of_prose(250_000), _one_line_of_prose(1_000_000)
    per_char = [_seconds(lambda text=text: scan(text), 3) / len(text) for text in (small, large)]
    assert per_char[1] / per_char[0] < 1.5
