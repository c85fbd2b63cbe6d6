"""Hostile inputs for the linear-cost checks: each builds a text of ``n`` characters of one shape
that once made some stage superlinear (or could).

The unit tests count the calls each input costs at n and 4n (``tests/operations.py``);
``benchmarks/adversarial.py`` times the same inputs, since call counts cannot see a regex that
scans far inside a single call. One table, so the two cannot drift apart. Names carry no comma:
the benchmark's ``--kinds`` splits on commas.
"""

from __future__ import annotations

import random
from collections.abc import Callable


def repeat(piece: str) -> Callable[[int], str]:
    """``piece`` over and over, cut to ``n`` characters."""
    return lambda n: (piece * (n // len(piece) + 1))[:n]


def lines(*sentences: str) -> Callable[[int], str]:
    """The sentences, a line each, over and over."""
    return repeat("\n".join(sentences) + "\n")


def _digits_commas_signs(n: int) -> str:
    rng = random.Random(20240528)
    return "".join(rng.choice("0123456789,,..$€£¥₹   ") for _ in range(n))


#: What the scanner reads (``factcheck.extract.scan``).
SCANNER: dict[str, Callable[[int], str]] = {
    "digits commas currency signs and spaces": _digits_commas_signs,
    "repeated hedges": repeat("over "),
    "one long line of amounts": repeat("paid $5bn, up 8% to Rmb28bn ($4bn) and over 3,15,332 staff "),
    "one run of digits": repeat("7"),
    "one grouped number": lambda n: "1" + repeat(",000")(n - 1),
    "hyphenated digits": repeat("1-"),
    "number words": repeat("one hundred and "),
    "no-break spaces": repeat("\u00a0"),
    "a version run": repeat("1."),
    "version strings": repeat("v2.3.4.5.6."),
    "space-grouped digits": repeat("1 000 "),
    "exponents": repeat("1e5e+"),
    "signs as words": repeat("minus $-"),
    "spelled fractions": repeat("one and a half and two thirds "),
    "units that are also words": repeat("2 in 3 in. 4 in May 278,000 t 5 t-shirts 9 sq mi 7 miles an "),
    "unit conversions": repeat("5 miles (8 km) 30°C (86°F) 1 in (2.54 cm) "),
    "a guarded unit before spaces": lambda n: "2 in" + " " * (n - 4),
    "compounds with suspended ranges and powers": repeat("5 ft 2 in 3 dollars 50 cents 8- to 16-meter 4 km squared "),
    "vulgar fractions": repeat("2½ ⅓ cup ¾"),
}


#: What the whole check reads: each rule's sentences repeated, and endless sentences of amounts
#: and calendar claims.
CHECK: dict[str, Callable[[int], str]] = {
    "one figure repeated (FC201)": lines("Acme's revenue reached £22.6bn in 2024, the company said."),
    "ranges (FC202)": lines("Acme's revenue growth guidance for 2025 is 3% to 4%."),
    "parts and totals (FC302)": lines(
        "Hooli's games revenue was 91.4 billion yuan in Q2 2025, with domestic games revenue of 40.4 billion "
        "yuan and international games revenue of 18.8 billion yuan."),
    "valuations (FC303)": lines("Acme made an investment of USD 800 million in Pied Piper, giving it a 36 "
                                "percent stake.", "With this investment, Pied Piper is worth approximately USD 22 "
                                "billion."),
    "changes and levels (FC304)": lines("Net profit grew by 3.6% to ₹6,374 crore from ₹5,945 crore."),
    "differences (FC305)": lines("The price was $310 per share, a 50-percent difference from $81 per share."),
    # one "sentence" of 16,000 characters holding thousands of amounts: per-sentence work (the
    # fingerprint context) done once a figure was quadratic here
    "amounts in one endless sentence": lambda n: "".join(random.Random(3).choices("$€£¥₹$$ 12", k=n)),
    "year-earlier levels (FC307)": lines("Acme's revenue rose 8% to Rmb280bn in the fourth quarter of 2024.",
                                         "Acme's revenue was Rmb230bn in the fourth quarter of 2023."),
    "weekday dates (FC601)": lines("The board met on Thursday, Jan. 18, 2023 and again on Friday 12 May."),
    "spans of seasons (FC603)": lines("He signed a 11-year deal starting with 2025-26 and ending in 2036-37."),
    # one endless sentence of dates and spans: per-claim work on the sentence would be quadratic
    "calendar claims in one sentence": repeat("a 5-year deal from 2021 to 2026, Friday, May 12, 2023, "),
}


#: The characters period phrases are made of, in any order.
PERIOD_CHARACTERS = "0123456789 Q,"

#: What ``find_periods`` reads.
PERIODS: dict[str, Callable[[int], str]] = {
    "digits Q and commas": lambda n: "".join(random.Random(20250224).choice(PERIOD_CHARACTERS) for _ in range(n)),
}

#: What the metric vocabulary reads (``MetricVocabulary.find``).
METRICS: dict[str, Callable[[int], str]] = {
    "prose": repeat("Cloud revenue rose 12% while non-IFRS operating profit and the stock jumped; the fee was £5m. "),
    "prefix-words": repeat("adjusted consensus non-IFRS "),
    "contextual": repeat("shares " * 3 + "rose "),
    "near-misses": repeat("market market cap- cap -- "),
    "long-whitespace": repeat("revenue" + " " * 200),
    "long-words": repeat("x" * 50 + " "),
}
