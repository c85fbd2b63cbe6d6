"""Properties of extraction that must hold for every input, not just the examples in test_scanner.

(a) an amount written in any supported style reads back as exactly the value and unit intended;
(b) no text makes extraction fail, and every span is exactly the text it reports;
(c) the scanner's work grows linearly with the length of the text, even for adversarial input
    (counted in calls here; timed in benchmarks/adversarial.py).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import InputError, Quantity
from factcheck.extract import masks, scan
from factcheck.extract.masks import Masks
from factcheck.pipeline import extract
from hostile import SCANNER, repeat
from operations import BAR, call_ratio
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


#: Unit forms added for the peer suites, as written after a number -> the pint name reported, with
#: a sentence end after them (where "in" and "t" are units).
UNIT_FORMS = {
    "eV": "electron_volt", "GeV": "gigaelectron_volt", "Wh": "watt_hour", "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour", "GWh": "gigawatt_hour", "TWh": "terawatt_hour", "mGy": "milligray",
    "in": "inch", "km2": "kilometer ** 2", "km²": "kilometer ** 2", "sq mi": "square_mile",
    "square miles": "square_mile", "lbs": "pound", "°C": "degree_Celsius", "°F": "degree_Fahrenheit",
    "miles an hour": "mile_per_hour", "cubic feet": "cubic_foot", "t": "metric_ton", "tpd": "metric_ton / day",
    "cl": "centiliter", "μg": "microgram",
}


class TestUnitFormsRoundTrip:
    @settings(max_examples=300, deadline=None)
    @given(value=st.decimals(min_value="0.1", max_value="999999", places=1), form=st.sampled_from(sorted(UNIT_FORMS)),
           grouped=st.booleans())
    def test_unit_form_reads_back(self, value: Decimal, form: str, grouped: bool) -> None:
        """A number and a unit form, in a sentence, read back as that value in that pint unit."""
        written = f"{value:,}" if grouped else str(value)
        text = f"The survey measured {written} {form}."
        q = scan(text)
        assert [(x.value, x.unit, x.text) for x in q] == [(value, UNIT_FORMS[form], f"{written} {form}")], text

    @settings(max_examples=200, deadline=None)
    @given(value=st.integers(min_value=1, max_value=99), month=st.sampled_from(["May", "June", "the spring", "a row"]))
    def test_in_as_a_preposition_is_no_unit(self, value: int, month: str) -> None:
        """"rose 5 in May": "in" before a word that is not a size is the preposition."""
        assert all(x.unit != "inch" for x in scan(f"Sales rose {value} in {month}."))


class TestNewFormatsRoundTrip:
    @settings(max_examples=200, deadline=None)
    @given(value=st.integers(min_value=1000, max_value=10**12), thin=st.booleans())
    def test_space_grouped_digits(self, value: int, thin: bool) -> None:
        """A whole number grouped by spaces or thin spaces reads back as one number: "1 414 021 100"."""
        written = f"{value:,}".replace(",", "\u2009" if thin else " ")
        q = scan(f"The census counted {written} residents.")
        assert [(x.value, x.text) for x in q] == [(Decimal(value), f"{written} residents")]

    @settings(max_examples=200, deadline=None)
    @given(mantissa=st.decimals(min_value=1, max_value="9.99", places=2), exponent=st.integers(-30, 30),
           style=st.sampled_from(["{m}e{e}", "{m}E{e}", "{m}×10{e}", "{m}×10^{e}", "{m}x10^{e}"]))
    def test_scientific_notation(self, mantissa: Decimal, exponent: int, style: str) -> None:
        """A number in scientific notation reads back as its value: "1.3e6", "2.48×10−5"."""
        e = str(exponent) if "×10{e}" not in style else f"{exponent:+d}".replace("-", "\u2212")
        written = style.format(m=mantissa, e=e)
        q = scan(f"The ratio was {written} in the test.")
        assert [x.value for x in q] == [mantissa.scaleb(exponent)], written

    @settings(max_examples=200, deadline=None)
    @given(whole=st.integers(0, 99), frac=st.sampled_from([("a half", "0.5"), ("a quarter", "0.25")]),
           scale=st.sampled_from([("", 1), (" million", 10**6), (" billion", 10**9)]))
    def test_spelled_mixed_number(self, whole: int, frac: tuple[str, str], scale: tuple[str, int]) -> None:
        """ "five and a half million" reads back as 5,500,000 whatever the whole part and scale."""
        words = _spelled(whole) if whole else "one"
        whole = whole or 1
        q = scan(f"They counted {words} and {frac[0]}{scale[0]} ballots.")
        assert [x.value for x in q] == [(whole + Decimal(frac[1])) * scale[1]], words


    @settings(max_examples=200, deadline=None)
    @given(big=st.integers(1, 999), small=st.integers(1, 11), style=st.sampled_from(
        ["{b} ft {s} in", "{b} feet {s} inches", "{b} feet and {s} inches", "{b} ft {s} in.", "{b}ft {s} in"]))
    def test_feet_and_inches(self, big: int, small: int, style: str) -> None:
        """ "5 ft 2 in" reads back as one length in feet, whatever the numbers and the spelling."""
        written = style.format(b=big, s=small).rstrip(".")
        q = scan(f"The board is {style.format(b=big, s=small)}")
        assert [(x.value, x.unit, x.text) for x in q] == [(big + Decimal(small) / 12, "foot", written)]

    @settings(max_examples=200, deadline=None)
    @given(whole=st.integers(1, 99), num=st.integers(1, 9), den=st.sampled_from(
        [(3, "third"), (4, "quarter"), (4, "fourth"), (5, "fifth"), (6, "sixth"), (8, "eighth"), (9, "ninth"),
         (10, "tenth")]), scale=st.sampled_from([("", 1), (" million", 10**6), (" billion", 10**9)]))
    def test_and_a_fraction(self, whole: int, num: int, den: tuple[int, str], scale: tuple[str, int]) -> None:
        """ "forty two and a third", "six million and two thirds": the fraction of the last unit or scale."""
        if num >= den[0]:
            return
        numerator = "a" if num == 1 else _UNITS[num]
        words = f"{_spelled(whole)}{scale[0]} and {numerator} {den[1]}{'s' if num > 1 else ''}"
        q = scan(f"They counted {words}")
        assert [(x.value, x.text) for x in q] == [((whole + Decimal(num) / den[0]) * scale[1], words)], words

    @settings(max_examples=200, deadline=None)
    @given(whole=st.integers(0, 999), char=st.sampled_from("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"), space=st.booleans(),
           unit=st.sampled_from([("years", "year"), ("cup", "cup"), ("miles", "mile"), ("", None)]))
    def test_vulgar_fractions(self, whole: int, char: str, space: bool, unit: tuple[str, str | None]) -> None:
        """ "2½ years", "⅓ cup", "¾" read back as the whole number plus the character's fraction."""
        num, den = unicodedata.normalize("NFKC", char).split("\u2044")
        written = (f"{whole}{' ' if space else ''}" if whole else "") + char
        q = scan(f"It took {written} {unit[0]} in the end.".replace("  ", " "))
        want_unit = unit[1] or (None if whole else "fraction")
        assert [(x.value, x.unit) for x in q] == [(whole + Decimal(num) / Decimal(den), want_unit)], written

    @settings(max_examples=200, deadline=None)
    @given(whole=st.integers(1, 9999), cents=st.integers(1, 99), style=st.sampled_from(
        ["{w} dollars {c} cents", "{w} dollars and {c} cents", "{w} dollars {c}.", "{w} USD {c}."]))
    def test_dollars_and_cents(self, whole: int, cents: int, style: str) -> None:
        """ "3 dollars 50 cents" and "17 USD 25." read back as one amount in dollars."""
        q = scan(f"It cost {style.format(w=whole, c=cents)}")
        assert [(x.value, x.unit) for x in q] == [(whole + Decimal(cents) / 100, "USD")]

    @given(value=st.decimals(min_value=1, max_value=10**7, places=2), scale=st.sampled_from(
        [("Millionen", 6), ("Milliarden", 9), ("Mio.", 6)]), grouped=st.booleans())
    def test_continental_number_reads_back(self, value: Decimal, scale: tuple[str, int], grouped: bool) -> None:
        """ "1.234,56 Millionen Euro" in a German sentence reads back as the value written."""
        whole, frac = f"{value:.2f}".split(".")
        digits = f"{int(whole):,}".replace(",", ".") if grouped else whole
        q = scan(f"Der Umsatz der Firma lag bei {digits},{frac} {scale[0]} Euro und damit über dem Vorjahr.")
        assert [(x.value, x.unit) for x in q] == [(value.scaleb(scale[1]), "EUR")]


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
    "seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spelled(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")


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
# Work is counted, not timed (operations.py): a ratio of seconds flakes on a busy CI machine. The
# same inputs are timed, with the bar, by benchmarks/adversarial.py (kinds "scanner: ...").

SMALL = 5_000


class TestLinearTime:
    @pytest.mark.parametrize("name", list(SCANNER))
    def test_scanner_work_per_character_is_flat(self, name: str) -> None:
        """Scanning 4x the text makes no more calls per character (no loop over what came before)."""
        assert call_ratio(scan, SCANNER[name], SMALL) < BAR

    def test_extract_work_per_character_is_flat(self) -> None:
        """The whole extract pipeline is linear too, on a long line dense with amounts."""
        assert call_ratio(extract, SCANNER["one long line of amounts"], SMALL) < BAR

    @pytest.mark.parametrize("piece", ["1.", "v2.3.4.5.6.", "12.34.", "1.2.3a "])
    def test_dotted_runs_are_read_once(self, piece: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """Version strings are found by reading each run of dotted digits once, whatever the number
        of its groups: the characters the version finder reads are at most the text's length (it
        once read from every group to the end of the run: quadratic, 19 s for 64 KB of "1.1.1")."""
        read = 0
        dotted = masks._DOTTED

        class Counting:
            def match(self, text: str, pos: int) -> re.Match[str] | None:
                nonlocal read
                m = dotted.match(text, pos)
                read += 0 if m is None else m.end() - pos
                return m

        monkeypatch.setattr(masks, "_DOTTED", Counting())
        text = repeat(piece)(40_000)
        Masks(text)
        assert 0 < read <= len(text)
