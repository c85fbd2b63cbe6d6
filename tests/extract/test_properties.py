"""Properties of extraction that must hold for every input, not just the examples in test_scanner.

(a) an amount written in any supported style reads back as exactly the value and unit intended;
(b) no text makes extraction fail, and every span is exactly the text it reports;
(c) the scanner's cost grows linearly with the length of the text, even for adversarial input.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import InputError, Quantity
from factcheck.extract import scan
from factcheck.pipeline import extract
from strategies import SENTENCES, Written, amounts, messy_text


class TestRoundTrip:
    @settings(max_examples=400, deadline=None)
    @given(amount=amounts(), template=st.sampled_from(SENTENCES))
    def test_written_amount_reads_back(self, amount: Written, template: str) -> None:
        """Any supported way of writing an amount, in a sentence, gives one quantity of that value and unit."""
        text = template.format(amount.text)
        found = extract(text)
        assert len(found) == 1, (text, found)
        q = found[0]
        assert (q.value, q.unit) == (amount.value, amount.unit), text
        assert amount.text in q.text, (text, q.text)
        assert text[q.start : q.end] == q.text


def _check_spans(text: str, found: list[Quantity]) -> None:
    """Spans are exact, in order and disjoint; links point at reported spans; ranges hold their value."""
    spans = {q.span for q in found}
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, (a, b)
    for q in found:
        assert 0 <= q.start < q.end <= len(text), q
        assert text[q.start : q.end] == q.text, q
        for link in (q.leads_to, q.converts):
            assert link is None or link in spans, (q, link)
        if q.low is not None and q.high is not None:
            assert q.low <= q.value <= q.high or q.low >= q.value >= q.high, q


class TestRobustness:
    @settings(max_examples=300, deadline=None)
    @given(text=st.text() | messy_text())
    def test_scanner_accepts_any_text(self, text: str) -> None:
        """The scanner never raises, and what it reports is consistent with the text."""
        _check_spans(text, scan(text))

    @settings(max_examples=200, deadline=None)
    @given(text=st.text() | messy_text())
    def test_extract_accepts_any_text(self, text: str) -> None:
        """``extract`` only refuses text that opens with malformed front matter; offsets are into the whole text."""
        try:
            found = extract(text)
        except InputError:
            assert text.lstrip("\ufeff").startswith("---"), text
            return
        _check_spans(text, found)


# --- linear time --------------------------------------------------------------------------------

SMALL = 50_000
FACTOR = 4


def _digits_commas_signs(n: int) -> str:
    rng = random.Random(20240528)
    return "".join(rng.choice("0123456789,,..$€£¥₹   ") for _ in range(n))


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda n: (piece * (n // len(piece) + 1))[:n]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits, commas, currency signs and spaces": _digits_commas_signs,
    "repeated hedges": _repeat("over "),
    "one long line of amounts": _repeat("paid $5bn, up 8% to Rmb28bn ($4bn) and over 3,15,332 staff "),
    "one run of digits": _repeat("7"),
    "one grouped number": lambda n: "1" + _repeat(",000")(n - 1),
    "hyphenated digits": _repeat("1-"),
    "number words": _repeat("one hundred and "),
    "no-break spaces": _repeat("\u00a0"),
}


def _best_time(fn: Callable[[str], object], text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def _cost_ratio(fn: Callable[[str], object], make: Callable[[int], str], small: int, tries: int = 3) -> float:
    """Per-character cost at ``FACTOR * small`` over that at ``small``: about 1 when linear.

    The small size is timed best of 3; the large one until it is under 2 or ``tries`` runs have
    been made, so a busy machine costs a retry, not a failure.
    """
    small_text, large_text = make(small), make(small * FACTOR)
    fn(small_text[:1000])  # warm up caches and compiled patterns
    per_char_small = _best_time(fn, small_text, 3) / len(small_text)
    ratio = float("inf")
    for _ in range(tries):
        ratio = min(ratio, _best_time(fn, large_text, 1) / len(large_text) / per_char_small)
        if ratio < 2:
            break
    return ratio


class TestLinearTime:
    @pytest.mark.parametrize("name", list(ADVERSARIAL))
    def test_scanner_cost_per_character_is_flat(self, name: str) -> None:
        """Scanning 4x the text costs under 2x as much per character (it is linear, not quadratic)."""
        assert _cost_ratio(scan, ADVERSARIAL[name], SMALL) < 2

    def test_extract_cost_per_character_is_flat(self) -> None:
        """The whole extract pipeline is linear too, on a long line dense with amounts."""
        assert _cost_ratio(extract, ADVERSARIAL["one long line of amounts"], 20_000, tries=2) < 2
