"""Interval arithmetic on :class:`factcheck.model.Interval`, in :class:`~decimal.Decimal`.

A written number stands for every value its precision allows ("$19bn" is [18.5bn, 19.5bn]), so
a derived figure (implied share count = market cap / price, prior year = level / (1 + growth)) is
an interval too, and two figures conflict only when their intervals are disjoint
(see ``rounding-and-tolerance.md``, rules R2, R5, R6).

Guarantees:

- **Sound**: for every ``x`` in ``a`` and ``y`` in ``b``, ``x op y`` lies in ``op(a, b)``. Ends are
  computed with outward (directed) rounding at 50 digits, so a quotient that does not terminate
  (19.5bn / 80.5) widens the result by one unit in the 50th digit rather than cutting off a true
  value. Sums and products of news figures are exact at that precision.
- **Tight, including open/closed ends**: an end is closed only when some pair of points actually
  reaches it. ``[0, 1] * (2, 3)`` is ``[0, 3)``, because 0 * 2.5 = 0 while 3 needs the open end.
- **Unbounded ends** (``None``) are handled as -inf/+inf, with the limits interval arithmetic uses:
  ``0 * inf`` contributes 0 (the point 0 times anything is 0) and ``x / inf`` contributes 0.
  A ``None`` end is reported with its ``*_closed`` flag set to ``True``, the model's default;
  the flag means nothing for an unbounded end.

Empty intervals (``(1, 1)``, ``[2, 1]``) are rejected with :class:`ValueError`: they come from a
bug upstream, and arithmetic on them would return nonsense that looks like data.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

from factcheck.model import Interval

__all__ = ["add", "div", "from_precision", "mul", "relative_gap", "sub", "widen"]

# outward rounding: low ends round down, high ends round up, so rounding never excludes a value
_FLOOR = Context(prec=50, rounding=ROUND_FLOOR)
_CEIL = Context(prec=50, rounding=ROUND_CEILING)
# a reported ratio, not an end: ordinary rounding at the default precision
_REPORT = Context(prec=28)
_INF = Decimal("Infinity")
_ZERO = Decimal(0)

# (value, closed): an end in the extended reals; infinite ends are never closed
_End = tuple[Decimal, bool]


def _ends(a: Interval, name: str) -> tuple[_End, _End]:
    lo: _End = (-_INF, False) if a.low is None else (a.low, a.low_closed)
    hi: _End = (_INF, False) if a.high is None else (a.high, a.high_closed)
    if lo[0] > hi[0] or (lo[0] == hi[0] and not (lo[1] and hi[1])):
        raise ValueError(f"{name} is empty: {a}")
    return lo, hi


def _make(lo: _End, hi: _End) -> Interval:
    low = None if lo[0].is_infinite() else lo[0]
    high = None if hi[0].is_infinite() else hi[0]
    return Interval(low, high, lo[1] or low is None, hi[1] or high is None)


def _extremes(
    a: tuple[_End, _End],
    b: tuple[_End, _End],
    op: Callable[[Decimal, Decimal, Context], Decimal],
    zero_reached: bool,
) -> Interval:
    """Combine the four corners. A bilinear (or, for y of one sign, monotone) function on a box
    takes its extremes at the corners, so min/max of the corner values bound the result; a corner
    value is reached only if both of its ends are closed, except 0, which is reached whenever some
    operand point makes the result 0."""
    lows = [(op(x, y, _FLOOR), xc and yc) for x, xc in a for y, yc in b]
    highs = [(op(x, y, _CEIL), xc and yc) for x, xc in a for y, yc in b]
    lo = min(v for v, _ in lows)
    hi = max(v for v, _ in highs)
    lo_closed = any(c for v, c in lows if v == lo) or (lo == 0 and zero_reached)
    hi_closed = any(c for v, c in highs if v == hi) or (hi == 0 and zero_reached)
    return _make((lo, lo_closed and lo.is_finite()), (hi, hi_closed and hi.is_finite()))


def _times(x: Decimal, y: Decimal, ctx: Context) -> Decimal:
    # 0 * inf: the operand point 0 times any point of the other operand is 0
    if x == 0 or y == 0:
        return _ZERO
    return ctx.multiply(x, y)


def _over(x: Decimal, y: Decimal, ctx: Context) -> Decimal:
    # x / inf: every finite x over ever larger y tends to 0, inf / inf included (take y first)
    if y.is_infinite() or x == 0:
        return _ZERO
    return ctx.divide(x, y)


def mul(a: Interval, b: Interval) -> Interval:
    """Every ``x * y`` with ``x`` in ``a`` and ``y`` in ``b``.

    >>> print(mul(Interval(Decimal(0), Decimal(1)), Interval(Decimal(2), Decimal(3), False, False)))
    [0, 3)
    """
    ea, eb = _ends(a, "a"), _ends(b, "b")
    return _extremes(ea, eb, _times, a.contains(_ZERO) or b.contains(_ZERO))


def div(a: Interval, b: Interval) -> Interval:
    """Every ``x / y`` with ``x`` in ``a`` and ``y`` in ``b``.

    Raises :class:`ValueError` when ``b`` contains 0 or has 0 as an end (open or not): the
    quotient is then unbounded or undefined, which for a derived figure means the divisor was not
    measured precisely enough to divide by.

    >>> print(div(Interval(Decimal(6), Decimal(8)), Interval(Decimal(2), Decimal(4))))
    [1.5, 4]
    """
    ea, eb = _ends(a, "a"), _ends(b, "b")
    (blo, _), (bhi, _) = eb
    if blo <= 0 <= bhi:
        raise ValueError(f"cannot divide by {b}: the divisor contains or touches 0")
    return _extremes(ea, eb, _over, a.contains(_ZERO))


def add(a: Interval, b: Interval) -> Interval:
    """Every ``x + y`` with ``x`` in ``a`` and ``y`` in ``b``."""
    (alo, alc), (ahi, ahc) = _ends(a, "a")
    (blo, blc), (bhi, bhc) = _ends(b, "b")
    # -inf + inf cannot happen: both low ends are finite or -inf, both high ends finite or +inf
    return _make((_FLOOR.add(alo, blo), alc and blc), (_CEIL.add(ahi, bhi), ahc and bhc))


def sub(a: Interval, b: Interval) -> Interval:
    """Every ``x - y`` with ``x`` in ``a`` and ``y`` in ``b``."""
    (alo, alc), (ahi, ahc) = _ends(a, "a")
    (blo, blc), (bhi, bhc) = _ends(b, "b")
    return _make((_FLOOR.subtract(alo, bhi), alc and bhc), (_CEIL.subtract(ahi, blo), ahc and blc))


def widen(a: Interval, rel: Decimal) -> Interval:
    """Move each end outward by ``rel`` times its own magnitude (a hedge such as "about").

    For a positive interval the low end becomes ``low * (1 - rel)`` and the high end
    ``high * (1 + rel)``; for a negative one the mirror image, so ``[-20, -10]`` widened by 5% is
    ``[-21, -9.5]``. Open/closed flags and unbounded ends are kept.
    """
    if not rel.is_finite() or rel < 0:
        raise ValueError(f"rel must be a finite, non-negative Decimal, not {rel}")
    _ends(a, "a")
    low = None if a.low is None else _FLOOR.subtract(a.low, _CEIL.multiply(abs(a.low), rel))
    high = None if a.high is None else _CEIL.add(a.high, _CEIL.multiply(abs(a.high), rel))
    return Interval(low, high, a.low_closed, a.high_closed)


def from_precision(value: Decimal, unit_of_last_digit: Decimal) -> Interval:
    """The closed interval a rounded figure stands for: ``[v - u/2, v + u/2]``.

    ``u`` is the unit of the last written digit times the scale word: "$19bn" is
    ``from_precision(Decimal("19e9"), Decimal("1e9"))``, i.e. [18.5bn, 19.5bn].
    Both tie directions are allowed, hence closed ends.
    """
    if not value.is_finite():
        raise ValueError(f"value must be finite, not {value}")
    if not unit_of_last_digit.is_finite() or unit_of_last_digit < 0:
        raise ValueError(f"unit_of_last_digit must be a finite, non-negative Decimal, not {unit_of_last_digit}")
    half = _CEIL.divide(unit_of_last_digit, 2)
    return Interval(_FLOOR.subtract(value, half), _CEIL.add(value, half))


def relative_gap(a: Interval, b: Interval) -> Decimal | None:
    """How far apart two disjoint intervals are, relative to the smaller magnitude; ``None`` if
    they share a point.

    The gap is the distance between the facing ends, divided by the smaller of those two ends'
    magnitudes: 235m-shaped [226.99m, 242.24m] against [2349.5m, 2350.5m] gives about 8.7 (the
    larger one is 9.7 times the smaller). ``0`` means the intervals touch at an open end;
    ``Infinity`` means a facing end is 0, so no finite ratio exists.
    """
    (_, (ahi, _)), ((blo, _), _) = _ends(a, "a"), _ends(b, "b")
    if a.overlaps(b):
        return None
    if ahi <= blo:
        near, far = ahi, blo
    else:
        # disjoint and a is not below b, so b is below a
        (_, (near, _)), ((far, _), _) = _ends(b, "b"), _ends(a, "a")
    gap = far - near
    smaller = min(abs(near), abs(far))
    if gap == 0:
        return _ZERO
    if smaller == 0:
        return _INF
    return _REPORT.divide(gap, smaller)
