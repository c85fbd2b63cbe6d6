"""How two statements of the same fact are compared: the shared judgement of FC201 and FC202."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import attrs

from factcheck.check import Context
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.fx import FxRate
from factcheck.model import Interval

#: A round figure ("£40bn", "1,000 jobs") may be rounded more coarsely than its last digit says.
ROUND_HALO = Decimal("0.025")
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
    if q.kind in ("change", "difference") and (fact.base is None or other.base is None):
        halo = max(halo, UNSTATED_BASE)
    return _widen(iv, halo) if halo else iv


#: Figures a thousandfold apart may be one slip; a millionfold apart they are different things.
MAX_RATIO = Decimal(2000)


def compare(ctx: Context, a: Fact, b: Fact) -> tuple[Interval, Interval, FxRate | None] | None:
    """Both facts' intervals in ``a``'s unit, or None when they cannot be compared."""
    if a.base and b.base and a.base != b.base:
        return None
    x, y = abs(a.q.value), abs(b.q.value)
    if x and y and max(x, y) / min(x, y) > MAX_RATIO:
        return None
    ia, ib = allowed(a, b), allowed(b, a)
    rate = None
    if a.q.currency and b.q.currency and a.q.currency != b.q.currency:
        on = _date(a) or _date(b)
        converted = ctx.in_currency(attr_interval(b, ib), a.q.currency, on)
        if converted is None:
            return None
        ib, rate = converted
    return ia, ib, rate


def attr_interval(fact: Fact, iv: Interval) -> Fact:
    return attrs.evolve(fact, quantity=attrs.evolve(fact.q, interval=iv))


def agree(ctx: Context, a: Fact, b: Fact) -> bool | None:
    """True, False, or None when the two cannot be compared, either way round: amounts in two
    currencies are converted at one side's date, and the rate may exist for one date only (a date
    outside the ECB's history); a pair judged one way must be explainable the other way too."""
    got = compare(ctx, a, b)
    if got is None:
        return None
    if a.q.currency and b.q.currency and a.q.currency != b.q.currency and compare(ctx, b, a) is None:
        return None
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


def severity(x: Decimal, y: Decimal) -> str:
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


#: Facts with no period of their own are compared only with facts published this close to them.
NEWS_CYCLE_DAYS = 10
#: An undated figure in an article is about the article's time: a period that ended more than a
#: year before it (or starts more than a year after) is another time.
STALE = dt.timedelta(days=370)


def same_fact(ctx: Context, a: Fact, b: Fact) -> bool:
    """May ``a`` and ``b`` state the same fact? Period, basis and entity must not differ where both
    are known; an unknown one (no period written, no basis, no entity) leaves the pair open."""
    if a.doc == b.doc and a.q.qualifiers.headline == b.q.qualifiers.headline:
        return False  # within one article only a headline is held against its body
    if not same_time(a, b):
        return False
    ba, bb = a.q.qualifiers.basis, b.q.qualifiers.basis
    if ba and bb and ba != bb:
        return False
    return ctx.same_entity(a, b)


def same_time(a: Fact, b: Fact) -> bool:
    """May the two facts be about the same time? Equal periods where both are written; an undated
    fact is about its article's date, which must fall near the other's period."""
    pa, pb = a.period_id(), b.period_id()
    if pa and pb and pa != pb:
        return False
    if (pa is None or pb is None) and not _same_cycle(a, b):
        return False
    if (pa is None) != (pb is None):
        dated, undated = (a, b) if pa else (b, a)
        period = dated.q.period
        assert period is not None
        when = undated.published or dated.published  # unknown: take the dated fact's article date
        if when and not (period.start <= when + STALE and period.end >= when - STALE):
            return False  # "£72m in 2019" is history, not what an article of 2023 states undated
    return True


def certain(a: Fact, b: Fact) -> bool:
    """Sure enough that the two state the same fact for one source to be held against one other:
    both name their entity and period, or both name the same base of comparison ("year on year")."""
    if a.base and a.base == b.base:
        return True
    return bool(a.entity_id and b.entity_id and a.period_id() and b.period_id())


def explained(ctx: Context, odd: Fact, consensus: Fact, group: list[Fact]) -> bool:
    """The odd figure matches another statement that differs from the consensus in period, basis
    or base of comparison (a bare "operating profit" of 60.1bn beside "IFRS operating profit
    60.1bn" and "non-IFRS 69.2bn"; a "7.1% rise" beside a year-on-year 7.1% and a sequential
    -20%): it is that other fact, not a wrong version of this one."""
    for attribute in ("base", "basis"):
        mine, theirs = effective(ctx, odd, group, attribute), effective(ctx, consensus, group, attribute)
        if mine and theirs and not mine & theirs:
            return True  # year on year against sequential, IFRS against non-IFRS: whichever side says so
    for f in group:
        if f is odd or f is consensus or not same_fact(ctx, odd, f) or f.doc == odd.doc:
            continue
        fb, cb = f.q.qualifiers.basis, consensus.q.qualifiers.basis
        other_period = f.period_id() and consensus.period_id() and f.period_id() != consensus.period_id()
        other_base = f.base and consensus.base and f.base != consensus.base
        if (other_period or other_base or (fb and cb and fb != cb)) and agree(ctx, odd, f):
            return True
    return False


def effective(ctx: Context, fact: Fact, group: list[Fact], attribute: str) -> set[str]:
    """The base of comparison ("yoy") or accounting basis ("IFRS") a figure is stated with, by
    itself or by the statements of other sources that agree with it."""
    def value(f: Fact) -> str | None:
        return f.base if attribute == "base" else f.q.qualifiers.basis

    found = {value(fact)} - {None}
    for f in group:
        v = value(f)
        if v and f is not fact and same_fact(ctx, fact, f) and agree(ctx, fact, f):
            found.add(v)
    return found  # type: ignore[return-value]


def _same_cycle(a: Fact, b: Fact) -> bool:
    return a.published is None or b.published is None or abs((a.published - b.published).days) <= NEWS_CYCLE_DAYS


def period_buckets(facts: list[Fact]) -> list[list[Fact]]:
    """Split facts by period so that only those that may share one are compared: each written
    period is a bucket, and facts with no period join every bucket. Keeps the pairwise work
    proportional to the facts of one entity, metric and period, whatever the corpus size."""
    dated: dict[object, list[Fact]] = {}
    undated = []
    for f in facts:
        pid = f.period_id()
        if pid is None:
            undated.append(f)
        else:
            dated.setdefault(pid, []).append(f)
    if not dated:
        return [undated]
    return [members + undated for members in dated.values()]


def candidate_pairs(facts: list[Fact]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of facts that may be compared: those whose written periods do not
    differ (an undated fact pairs with every other)."""
    for i in range(len(facts)):
        pi = facts[i].period_id()
        for j in range(i + 1, len(facts)):
            pj = facts[j].period_id()
            if pi is None or pj is None or pi == pj:
                yield i, j
