"""Figures as an editor writes them, for messages: ``£13.5m-£14.5m``, not ``[13500000, 14500000]``.

Messages quote a figure as written, its whitespace runs (a hard-wrapped line's break among them)
collapsed to one space, and give the values a rule computed in the figure's own unit: a currency
symbol (or ISO code), ``m``/``bn``/``tn`` for large amounts, ``%`` and ``pp``. The machine values
stay exact in each finding's ``computed``.

>>> from decimal import Decimal
>>> from factcheck.model import Interval
>>> interval_text(Interval(Decimal(13500000), Decimal(14500000)), "GBP")
'£13.5m-£14.5m'
>>> interval_text(Interval(Decimal(650000000), Decimal(1300000000), low_closed=False), "GBP")
'more than £650m up to £1.3bn'
>>> amount(Decimal("3.55"), "percent")
'3.55%'
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.model import Interval, Quantity

#: Currencies written with a symbol; any other is written with its ISO code ("CNY 72.5bn").
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}
_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
_PLACES = Decimal("0.0001")


def quoted(q: Quantity) -> str:
    """The figure as written, quoted, on one line: ``'more than £650 million'``."""
    return repr(" ".join(q.text.split()))


def _number(value: Decimal, *, scaled: bool) -> str:
    """``value`` with at most four decimals, no trailing zeros, thousands grouped; ``m``/``bn``/``tn``
    when ``scaled`` and it is a million or more."""
    suffix = ""
    if scaled:
        for size, name in _SCALES:
            if abs(value) >= size:
                value, suffix = value / size, name
                break
    if value != value.to_integral_value():
        value = value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text) + suffix


def amount(value: Decimal, unit: str | None) -> str:
    """``value`` in ``unit`` (a quantity's unit: an ISO code, ``USD/share``, ``percent``, ``pp``, a
    count noun, or none) as a writer would put it."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    base, _, per = (unit or "").partition("/")
    if base in SYMBOLS or (len(base) == 3 and base.isupper()):
        money = _number(value, scaled=True)
        written = f"{SYMBOLS[base]}{money}" if base in SYMBOLS else f"{base} {money}"
        return sign + written + (f" per {per}" if per else "")
    if unit == "percent":
        return f"{sign}{_number(value, scaled=False)}%"
    if unit == "pp":
        return f"{sign}{_number(value, scaled=False)}pp"
    number = sign + _number(value, scaled=True)
    return f"{number} {unit}" if unit else number


def _split(unit: str | None) -> tuple[str | None, str]:
    """The unit each end is written in, and what is said once after both: ``USD/share`` is
    ``$80.5-$81.5 per share``, ``employee`` is ``950,000-1.05m employee``."""
    if not unit or unit in ("percent", "pp"):
        return unit, ""
    base, _, per = unit.partition("/")
    if base in SYMBOLS or (len(base) == 3 and base.isupper()):
        return base, f" per {per}" if per else ""
    return None, f" {unit}"


def interval_text(iv: Interval, unit: str | None) -> str:
    """What an interval allows, in words and the unit's own notation."""
    base, after = _split(unit)
    return _interval(iv, base) + after


def _interval(iv: Interval, unit: str | None) -> str:
    low = None if iv.low is None else amount(iv.low, unit)
    high = None if iv.high is None else amount(iv.high, unit)
    if low is None and high is None:
        return "any value"
    if low is None:
        return f"{'at most' if iv.high_closed else 'less than'} {high}"
    if high is None:
        return f"{'at least' if iv.low_closed else 'more than'} {low}"
    if iv.low == iv.high:
        return low
    if iv.low_closed and iv.high_closed:
        assert iv.low is not None
        return f"{low}-{high}" if iv.low >= 0 else f"{low} to {high}"
    return f"{'from' if iv.low_closed else 'more than'} {low} {'up to' if iv.high_closed else 'to less than'} {high}"
