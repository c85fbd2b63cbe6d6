"""Hypothesis strategies shared by the property tests: amounts written in every supported style,
and messy text made of the characters a number scanner finds hardest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from hypothesis import strategies as st

from factcheck.extract.numbers import format_grouped

MAX_VALUE = Decimal("1e13")
CENT = Decimal("0.01")


class Written(NamedTuple):
    """An amount as a writer would put it, and what it must read back as."""

    text: str  # the quantity alone, e.g. "Rmb72.5bn"
    value: Decimal
    unit: str | None


#: (surface written after the number, multiplier, glued to the number?)
SCALES: tuple[tuple[str, Decimal, bool], ...] = (
    ("k", Decimal("1e3"), True),
    ("thousand", Decimal("1e3"), False),
    ("m", Decimal("1e6"), True),
    ("million", Decimal("1e6"), False),
    ("bn", Decimal("1e9"), True),
    ("billion", Decimal("1e9"), False),
    ("tn", Decimal("1e12"), True),
    ("lakh", Decimal("1e5"), False),
    ("crore", Decimal("1e7"), False),
    ("万", Decimal("1e4"), True),
    ("亿", Decimal("1e8"), True),
)

#: currency written before the number -> ISO code
PREFIXES: tuple[tuple[str, str], ...] = (
    ("$", "USD"),
    ("US$", "USD"),
    ("USD ", "USD"),
    ("HK$", "HKD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("Rs ", "INR"),
    ("Rmb", "CNY"),
    ("RMB ", "CNY"),
)

#: currency written after the number -> (ISO code, only money after a scale word?)
SUFFIXES: tuple[tuple[str, str, bool], ...] = (
    (" USD", "USD", False),
    (" dollars", "USD", False),
    (" EUR", "EUR", False),
    (" euros", "EUR", False),
    (" pounds", "GBP", True),  # "3 pounds" is a weight; "3 million pounds" is money
    (" yen", "JPY", False),
    (" yuan", "CNY", False),
    (" renminbi", "CNY", False),
    (" rupees", "INR", False),
)

PERCENTS: tuple[tuple[str, str], ...] = (
    ("%", "percent"),
    (" percent", "percent"),
    (" per cent", "percent"),
    ("-percent", "percent"),
    (" pp", "pp"),
    (" percentage points", "pp"),
    (" bp", "bp"),
)


def mantissas(max_value: Decimal = MAX_VALUE) -> st.SearchStrategy[Decimal]:
    """Positive numbers from 0.01 to ``max_value``: whole ("2024") or with two places ("72.50")."""
    return st.one_of(
        st.integers(min_value=1, max_value=int(max_value)).map(Decimal),
        st.decimals(min_value=CENT, max_value=max_value, places=2, allow_nan=False, allow_infinity=False),
    )


@st.composite
def numerals(draw: st.DrawFn, value: Decimal) -> str:
    """``value`` written plain, with Western grouping, or with Indian grouping."""
    style = draw(st.sampled_from(("plain", "western", "indian")))
    if style == "plain":
        return f"{value:f}"
    return format_grouped(value, indian=style == "indian")


@st.composite
def money(draw: st.DrawFn) -> Written:
    """An amount of money: a currency before or after, with or without a scale word."""
    scale = draw(st.none() | st.sampled_from(SCALES))
    multiplier = scale[1] if scale else Decimal(1)
    mantissa = draw(mantissas(MAX_VALUE / multiplier))
    number = draw(numerals(mantissa))
    if scale:
        number += scale[0] if scale[2] else " " + scale[0]
    if draw(st.booleans()):
        prefix, code = draw(st.sampled_from(PREFIXES))
        text = prefix + number
    else:
        suffix, code, _ = draw(st.sampled_from([s for s in SUFFIXES if scale or not s[2]]))
        text = number + suffix
    return Written(text, mantissa * multiplier, code)


@st.composite
def percents(draw: st.DrawFn) -> Written:
    """A percentage, percentage points or basis points in one of their spellings."""
    value = draw(mantissas(Decimal(10) ** 6))
    suffix, unit = draw(st.sampled_from(PERCENTS))
    return Written(draw(numerals(value)) + suffix, value, unit)


def amounts() -> st.SearchStrategy[Written]:
    """Any amount the round-trip property covers."""
    return money() | percents()


#: sentences an amount is dropped into; none of their words is a hedge, a direction or a unit
SENTENCES = (
    "The figure was {} in the period.",
    "Analysts put it at {} on Tuesday.",
    "{} was the figure the board approved.",
    "According to the filing, the total reached {}.",
)

#: pieces of text that number scanners find hard, for the robustness property
MESSY_PIECES = (
    *"0123456789",
    *",.,.-–−+%()[]/:'\"",
    "$", "US$", "HK$", "€", "£", "¥", "₹", "Rmb", "RMB", "USD", "亿", "万",
    " ", "  ", "\n", "\t", "\u00a0", "\u202f", "\u2009", "\u3000", "\u200b",
    "１", "２", "０", "，", "．", "％",
    "bn", "m", "k", "tn", "million", "billion", "crore", "lakh", "per share", "a piece",
    "over ", "about ", "up to ", "nearly ", "at least ", "less than ", "-plus", "between ", " and ", " to ",
    "rose ", "fell ", "up ", "down ", "half a ", "a dozen ", "two ", "hundred ", "one ",
    "percent", "per cent", "pp", "bp", "basis points", "May ", "Dec. ", "2024", "GPT-", "Qwen ",
    "---\n", "[1]",
)


def messy_text() -> st.SearchStrategy[str]:
    """Text built from digits, separators, currency signs, hedges and odd spaces."""
    return st.lists(st.sampled_from(MESSY_PIECES), max_size=60).map("".join)
