"""Interval arithmetic: soundness properties, open/closed and unbounded ends, worked examples."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.intervals import add, div, from_precision, mul, relative_gap, sub, widen
from factcheck.model import Interval

D = Decimal
ONE = Interval.point(D(1))


def _contains(iv: Interval, x: Fraction) -> bool:
    # exact rational membership: Decimal ends compare exactly with a Fraction, so a true quotient
    # such as 1/3 is tested without any rounding on the test's side
    if iv.low is not None and (x < iv.low or (x == iv.low and not iv.low_closed)):
        return False
    return not (iv.high is not None and (x > iv.high or (x == iv.high and not iv.high_closed)))


_NUM = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
_POS = st.decimals(min_value=D("0.01"), max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn, sign: int = 0) -> Interval:
    """Non-empty intervals with random open/closed and unbounded ends; ``sign`` +1/-1 keeps the
    closure strictly away from 0 (for divisors)."""
    if sign:
        lo, hi = sorted((draw(_POS), draw(_POS)))
        if sign < 0:
            lo, hi = -hi, -lo
    else:
        lo, hi = sorted((draw(_NUM), draw(_NUM)))
    lo_closed, hi_closed = draw(st.booleans()), draw(st.booleans())
    if lo == hi:
        lo_closed = hi_closed = True
    low: Decimal | None = lo
    high: Decimal | None = hi
    if sign <= 0 and draw(st.integers(0, 5)) == 0:
        low = None
    if sign >= 0 and draw(st.integers(0, 5)) == 0:
        high = None
    return Interval(low, high, lo_closed, hi_closed)


def points(draw: st.DrawFn, iv: Interval) -> Decimal:
    low = iv.low if iv.low is not None else (iv.high if iv.high is not None else D(0)) - 10_000
    high = iv.high if iv.high is not None else low + 20_000
    x = draw(st.decimals(min_value=low, max_value=high, places=3, allow_nan=False, allow_infinity=False))
    assume(iv.contains(x))
    return x


class TestProperties:
    @given(st.data(), intervals(), intervals())
    def test_mul_contains_products(self, data: st.DataObject, a: Interval, b: Interval) -> None:
        """For x in a and y in b, x*y is in mul(a, b)."""
        x, y = points(data.draw, a), points(data.draw, b)
        assert _contains(mul(a, b), Fraction(x) * Fraction(y))

    @given(st.data(), intervals(), intervals(sign=1) | intervals(sign=-1))
    def test_div_contains_quotients(self, data: st.DataObject, a: Interval, b: Interval) -> None:
        """For x in a and y in b (b away from 0), the exact x/y is in div(a, b)."""
        x, y = points(data.draw, a), points(data.draw, b)
        assert _contains(div(a, b), Fraction(x) / Fraction(y))

    @given(st.data(), intervals(), intervals())
    def test_add_and_sub_contain_sums_and_differences(self, data: st.DataObject, a: Interval, b: Interval) -> None:
        """For x in a and y in b, x+y is in add(a, b) and x-y in sub(a, b)."""
        x, y = points(data.draw, a), points(data.draw, b)
        assert _contains(add(a, b), Fraction(x) + Fraction(y))
        assert _contains(sub(a, b), Fraction(x) - Fraction(y))

    @given(intervals(), intervals())
    def test_closed_finite_ends_are_reached(self, a: Interval, b: Interval) -> None:
        """Tightness: a closed, finite end of mul(a, b) is the product of two closed ends, or 0 with 0 in a or b."""
        r = mul(a, b)
        ends = [(e, c) for e, c in ((a.low, a.low_closed), (a.high, a.high_closed)) if e is not None]
        other = [(e, c) for e, c in ((b.low, b.low_closed), (b.high, b.high_closed)) if e is not None]
        reachable = {x * y for x, xc in ends for y, yc in other if xc and yc}
        if a.contains(D(0)) or b.contains(D(0)):
            reachable.add(D(0))
        for end, closed in ((r.low, r.low_closed), (r.high, r.high_closed)):
            if end is not None and closed:
                assert end in reachable

    @given(intervals(), intervals())
    def test_relative_gap_none_iff_overlap(self, a: Interval, b: Interval) -> None:
        """relative_gap is None exactly when the intervals share a point, else non-negative and symmetric."""
        gap = relative_gap(a, b)
        assert (gap is None) == a.overlaps(b)
        if gap is not None:
            assert gap >= 0 and gap == relative_gap(b, a)


class TestExamples:
    def test_implied_shares_from_market_cap_and_price(self) -> None:
        """'$19bn' / '$81' gives implied shares [2.26994e8, 2.42236e8] (rounding-and-tolerance.md)."""
        shares = div(from_precision(D("19e9"), D("1e9")), from_precision(D(81), D(1)))
        assert shares.low is not None and shares.high is not None
        assert round(shares.low, -3) == D("226994000")
        assert round(shares.high, -3) == D("242236000")
        assert shares.low_closed and shares.high_closed

    def test_235m_consistent_2350m_disjoint(self) -> None:
        """235m shares is consistent with $19bn/$81; 2,350m is disjoint, a ~9.7x scale slip."""
        shares = div(from_precision(D("19e9"), D("1e9")), from_precision(D(81), D(1)))
        assert shares.overlaps(from_precision(D("235e6"), D("1e6")))
        assert relative_gap(shares, from_precision(D("235e6"), D("1e6"))) is None
        slip = from_precision(D("2350e6"), D("1e6"))
        assert not shares.overlaps(slip)
        gap = relative_gap(shares, slip)
        assert gap is not None and D("8.6") < gap < D("8.8")  # i.e. about 9.7 times the larger end

    def test_prior_year_from_growth(self) -> None:
        """'rose 8% to Rmb280bn' implies a prior year of [257.6bn, 260.9bn]; 11% implies a disjoint one."""
        level = from_precision(D("280e9"), D("1e9"))
        p8 = div(level, add(ONE, from_precision(D("0.08"), D("0.01"))))
        p11 = div(level, add(ONE, from_precision(D("0.11"), D("0.01"))))
        assert p8.low is not None and p8.high is not None
        assert (round(p8.low, -8), round(p8.high, -8)) == (D("2.576e11"), D("2.609e11"))
        assert not p8.overlaps(p11)

    def test_growth_factor_from_two_levels(self) -> None:
        """Rmb280bn after Rmb259bn is growth [7.71%, 8.51%]: consistent with 8%, not with 11%."""
        growth = sub(div(from_precision(D("280e9"), D("1e9")), from_precision(D("259e9"), D("1e9"))), ONE)
        assert growth.low is not None and growth.high is not None
        assert (round(growth.low, 4), round(growth.high, 4)) == (D("0.0771"), D("0.0851"))
        assert growth.overlaps(from_precision(D("0.08"), D("0.01")))
        assert not growth.overlaps(from_precision(D("0.11"), D("0.01")))

    def test_about_20bn_widened(self) -> None:
        """'about $20bn' widened by 5% is [18.525bn, 21.525bn] and so covers '$19.2bn'."""
        about = widen(from_precision(D("20e9"), D("1e9")), D("0.05"))
        assert (about.low, about.high) == (D("18.525e9"), D("21.525e9"))
        assert about.overlaps(from_precision(D("19.2e9"), D("0.1e9")))
        assert from_precision(D("19.2e9"), D("0.1e9")).overlaps(from_precision(D("19e9"), D("1e9")))
        assert not from_precision(D("19.7e9"), D("0.1e9")).overlaps(from_precision(D("19e9"), D("1e9")))


class TestEnds:
    def test_zero_reached_through_an_open_end(self) -> None:
        """[0, 1] * (2, 3) is [0, 3): 0 is reached by 0 * 2.5, 3 only at the open end."""
        r = mul(Interval(D(0), D(1)), Interval(D(2), D(3), False, False))
        assert r == Interval(D(0), D(3), True, False)

    def test_open_end_stays_open(self) -> None:
        """(0, 1] * [2, 3] is (0, 3]; [2, 3) * [4, 5] is [8, 15)."""
        assert mul(Interval(D(0), D(1), False), Interval(D(2), D(3))) == Interval(D(0), D(3), False, True)
        assert mul(Interval(D(2), D(3), True, False), Interval(D(4), D(5))) == Interval(D(8), D(15), True, False)

    def test_mixed_signs(self) -> None:
        """[-1, 2] * [-3, 4] is [-6, 8]; (-2, -1] * [3, 4) is (-8, -3]."""
        assert mul(Interval(D(-1), D(2)), Interval(D(-3), D(4))) == Interval(D(-6), D(8))
        r = mul(Interval(D(-2), D(-1), False, True), Interval(D(3), D(4), True, False))
        assert r == Interval(D(-8), D(-3), False, True)

    def test_unbounded(self) -> None:
        """Unbounded ends: [1, inf) * [-2, -1] is (-inf, -1]; (0, 1] * [2, inf) is (0, inf);
        [0, 0] * anything is [0, 0]; [1, inf) / [2, inf) is (0, inf)."""
        assert mul(Interval(D(1), None), Interval(D(-2), D(-1))) == Interval(None, D(-1))
        assert mul(Interval(D(0), D(1), False), Interval(D(2), None)) == Interval(D(0), None, False)
        assert mul(Interval.point(D(0)), Interval(None, None)) == Interval.point(D(0))
        assert div(Interval(D(1), None), Interval(D(2), None)) == Interval(D(0), None, False)
        assert div(Interval(D(0), D(1)), Interval(D(2), None)) == Interval(D(0), D("0.5"))
        assert add(Interval(None, D(1), True, False), Interval(D(2), D(3))) == Interval(None, D(4), True, False)
        assert sub(Interval(D(1), D(2)), Interval(D(0), None)) == Interval(None, D(2))

    def test_div_by_zero_touching_divisor_raises(self) -> None:
        """A divisor that contains 0, or has 0 as an (even open) end, or is unbounded across 0, raises."""
        a = Interval(D(1), D(2))
        for b in (
            Interval(D(-1), D(1)),
            Interval(D(0), D(1), False),
            Interval(D(-1), D(0), True, False),
            Interval(None, D(3)),
        ):
            with pytest.raises(ValueError, match="contains or touches 0"):
                div(a, b)

    def test_non_terminating_quotient_is_rounded_outward(self) -> None:
        """[1, 1] / [3, 3] encloses 1/3: low end below it, high end above it."""
        r = div(ONE, Interval.point(D(3)))
        assert r.low is not None and r.high is not None
        assert r.low < Fraction(1, 3) < r.high
        assert r.high - r.low <= D("1e-49")

    def test_widen_negative_and_straddling(self) -> None:
        """Widening moves each end outward by its own magnitude: [-20, -10] by 5% is [-21, -9.5]."""
        assert widen(Interval(D(-20), D(-10)), D("0.05")) == Interval(D(-21), D("-9.5"))
        assert widen(Interval(D(-5), D(10), False, True), D("0.1")) == Interval(D("-5.5"), D(11), False, True)
        assert widen(Interval(D(10), None, False), D("0.1")) == Interval(D(9), None, False)
        with pytest.raises(ValueError):
            widen(ONE, D("-0.1"))

    def test_from_precision(self) -> None:
        """'8%' stands for [7.5%, 8.5%]; a negative value is symmetric; a negative unit is refused."""
        assert from_precision(D("0.08"), D("0.01")) == Interval(D("0.075"), D("0.085"))
        assert from_precision(D(-19), D(1)) == Interval(D("-19.5"), D("-18.5"))
        with pytest.raises(ValueError):
            from_precision(D(1), D(-1))

    def test_relative_gap_edges(self) -> None:
        """Touching at an open end gives 0; a facing end at 0 gives Infinity; negatives use magnitudes."""
        assert relative_gap(Interval(D(-3), D(0), True, False), Interval(D(0), D(2))) == 0
        assert relative_gap(Interval(D(-3), D(0)), Interval(D(2), D(5))) == D("Infinity")
        assert relative_gap(Interval(D(-20), D(-10)), Interval(D(-5), D(-1))) == 1

    def test_empty_interval_is_rejected(self) -> None:
        """An empty operand (here (1, 1)) raises ValueError rather than returning nonsense."""
        with pytest.raises(ValueError, match="empty"):
            mul(Interval(D(1), D(1), False, False), ONE)
