"""How two statements of one quantity are compared by value: the intervals their wording allows,
whether those can both be true, and whether they differ by a power of ten.

Shared by the linkage stage (:mod:`factcheck.link`) and the rules: every comparison of two
figures is made here, the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import attrs

from factcheck import units
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Severity
from factcheck.fx import FxRate
from factcheck.group import Context
from factcheck.link.profile import physical_dimension, significant_digits
from factcheck.model import Interval

#: A round figure ("£40bn", "1,000 jobs") may be rounded more coarsely than its last digit says.
ROUND_HALO = Decimal("0.025")
#: "About" before a figure of one significant digit ("about 30 billion", "some 400 jobs") allows
#: this much more than "about" alone: such a figure is rounded to its leading digit.
ABOUT_ROUND = Decimal("0.05")
#: Changes whose base (year on year, quarter on quarter) one source leaves unstated may be measured
#: from a different base; small differences are explained by that, large ones are not.
UNSTATED_BASE = Decimal("0.15")


def allowed(fact: Fact, other: Fact) -> Interval:
    """The values ``fact`` allows when compared with ``other``: its interval, widened for round
    figures and for changes whose base is not stated on both sides."""
    q = fact.q
    assert q.interval is not None
    iv = pragmatic(q)
    halo = Decimal(0)
    if q.bound == "=" and q.low is None and _round(q.literal):
        halo = ROUND_HALO
    if q.bound == "~" and q.low is None and len(significant_digits(q.value)) == 1:
        halo = ABOUT_ROUND  # "about 30 billion" for 28.46bn: rounded to its one significant digit
    if q.kind in ("change", "difference") and (fact.base is None or other.base is None):
        halo = max(halo, UNSTATED_BASE)
    return _widen(iv, halo) if halo else iv


#: Figures a thousandfold apart may be one slip; a millionfold apart they are different things.
MAX_RATIO = Decimal(2000)


def compare(ctx: Context, a: Fact, b: Fact) -> tuple[Interval, Interval, FxRate | None] | None:
    """Both facts' intervals in ``a``'s unit, or None when they cannot be compared."""
    if a.base and b.base and a.base != b.base:
        return None
    x, y = abs(a.q.value), abs(restated(b, b.q.value, a))
    if x and y and max(x, y) / min(x, y) > MAX_RATIO:
        return None
    ia, ib = allowed(a, b), in_units_of(b, allowed(b, a), a)
    rate = None
    if a.q.currency and b.q.currency and a.q.currency != b.q.currency:
        on = _date(a) or _date(b)
        converted = ctx.in_currency(attr_interval(b, ib), a.q.currency, on)
        if converted is None:
            return None
        ib, rate = converted
    return ia, ib, rate


def in_units_of(fact: Fact, iv: Interval, other: Fact) -> Interval:
    """``iv``, an interval of ``fact``'s, in ``other``'s physical unit (pint, exact in Decimal):
    "510,000 MW" as gigawatts, "-34 °C" as °F (a level with the scale's offset, a difference
    without), "$10 a kg" as dollars a tonne. The currency is left as it is (see :func:`compare`);
    units that do not convert into each other leave ``iv`` unchanged."""
    ua, ub = other.q.unit, fact.q.unit
    if ua == ub or ua is None or ub is None:
        return iv
    if fact.q.currency and other.q.currency:
        per_a, per_b = _per(ua), _per(ub)
        if per_a is None or per_b is None or per_a == per_b or not _physical(per_a, per_b):
            return iv
        return iv.scale(units.factor(per_a, per_b))  # a price per kg times the kg in a tonne
    if fact.q.currency or other.q.currency or not _physical(ua, ub):
        return iv
    return units.convert_interval(iv, ub, ua, delta=fact.q.kind == "difference")


def restated(fact: Fact, x: Decimal, other: Fact) -> Decimal:
    """A value ``x`` of ``fact``'s in ``other``'s physical unit, as :func:`in_units_of` does it."""
    iv = in_units_of(fact, Interval.point(x), other)
    assert iv.low is not None
    return iv.low


def _per(unit: str) -> str | None:
    return unit.split("/", 1)[1] if "/" in unit else None


def _physical(a: str, b: str) -> bool:
    """Both are physical units of one dimension (pint converts one into the other)."""
    da = physical_dimension(a)
    return da is not None and da == physical_dimension(b)


def same_measure(a: Fact, b: Fact) -> bool:
    """The two are in one unit, or in physical units that convert into each other, so that their
    values compare without a rate: "510 GW" and "510,000 MW", "$10,000 a tonne" and "$10 a kg"."""
    ua, ub = a.q.unit, b.q.unit
    if ua == ub:
        return True
    if ua is None or ub is None or (a.q.currency or None) != (b.q.currency or None):
        return False
    if a.q.currency:
        per_a, per_b = _per(ua), _per(ub)
        return per_a is not None and per_b is not None and _physical(per_a, per_b)
    return _physical(ua, ub)


def written_apart(a: Fact, b: Fact) -> bool:
    """Two written periods, listings or accounting bases that differ: two facts, whatever their
    values (Q1 and Q2, the Hong Kong and the New York share, IFRS and adjusted profit)."""
    if a.period_id() and b.period_id() and a.period_id() != b.period_id():
        return True
    qa, qb = a.q.qualifiers, b.q.qualifiers
    return bool((qa.listing and qb.listing and qa.listing != qb.listing)
                or (qa.basis and qb.basis and qa.basis != qb.basis))


#: One separator before three last digits: "44,810" and "1.830", which the English convention
#: and the continental one (decimal comma, dots for thousands) read a thousand times apart.
_EITHER_WAY = re.compile(r"\d{1,3}[.,]\d{3}")


def other_separator(a: Fact, b: Fact) -> bool:
    """Is one figure the other read with the other separator convention? "$44,810 millones" in
    a Spanish article may be 44.81 million (Spain) or 44,810 million (Mexico); the extractor
    takes the article's convention from its other figures, and where they do not settle it,
    from its language. When the other reading of such a figure is exactly the other figure's
    value, the two agree and the convention was guessed wrong: no slip of a writer makes a
    thousandfold error with the same digits *and* an ambiguous separator."""
    for x, y in ((a, b), (b, a)):
        literal = x.q.literal.lstrip("+-")
        if not _EITHER_WAY.fullmatch(literal):
            continue
        other = x.q.value * 1000 if "." in literal else x.q.value / 1000
        if allowed(y, x).contains(other):
            return True
    return False


def attr_interval(fact: Fact, iv: Interval) -> Fact:
    return attrs.evolve(fact, quantity=attrs.evolve(fact.q, interval=iv))


def agree(ctx: Context, a: Fact, b: Fact) -> bool | None:
    """True, False, or None when the two cannot be compared, either way round: amounts in two
    currencies are converted at one side's date, and the rate may exist for one date only (a date
    outside the ECB's history); a pair judged one way must be explainable the other way too, and
    two amounts that agree when either is converted agree."""
    got = compare(ctx, a, b)
    if got is None:
        return None
    if a.q.currency and b.q.currency and a.q.currency != b.q.currency:
        back = compare(ctx, b, a)
        if back is None:
            return None
        # each way converts at its own side's date and widens the converted side: figures that
        # agree either way round agree, so the verdict never depends on the order of the pair
        return comparable(got[0], got[1]) or comparable(back[0], back[1])
    return comparable(got[0], got[1])


def magnitude_slip(x: Decimal, y: Decimal) -> int | None:
    """The power of ten by which two figures differ, when they differ by one (a dropped digit)."""
    if x == 0 or y == 0:
        return None
    ratio = abs(x / y) if abs(x) > abs(y) else abs(y / x)
    for k in (1, 2, 3):
        if abs(ratio / Decimal(10) ** k - 1) <= Decimal("0.15"):
            return k
    return None


def severity(x: Decimal, y: Decimal) -> Severity:
    """error for material gaps (a power of ten, a sign flip, more than 10%), else warning."""
    if (x < 0) != (y < 0) and x != 0 and y != 0:
        return "error"
    if magnitude_slip(x, y):
        return "error"
    big = max(abs(x), abs(y))
    return "error" if big and abs(x - y) / big > Decimal("0.10") else "warning"


def _round(literal: str) -> bool:
    digits = literal.replace(",", "")
    return digits.isdigit() and len(digits) >= 2 and digits.endswith("0")


def _widen(iv: Interval, rel: Decimal) -> Interval:
    def lo(x: Decimal | None) -> Decimal | None:
        return None if x is None else (x * (1 - rel) if x >= 0 else x * (1 + rel))

    def hi(x: Decimal | None) -> Decimal | None:
        return None if x is None else (x * (1 + rel) if x >= 0 else x * (1 - rel))

    return Interval(lo(iv.low), hi(iv.high), iv.low_closed, iv.high_closed)


def _date(f: Fact) -> dt.date | None:
    if f.published:
        return f.published
    if f.q.period is not None and not f.q.period.forward_looking:
        return f.q.period.end
    return None
