"""Which statements may be of the same fact by their keys: the shared judgement of FC202, FC302 and FC301."""

from __future__ import annotations

import datetime as dt

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.values import agree, allowed, attr_interval, compare, magnitude_slip, severity

__all__ = ["agree", "allowed", "attr_interval", "certain", "compare", "magnitude_slip", "same_fact", "same_time",
           "severity"]

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


def _same_cycle(a: Fact, b: Fact) -> bool:
    return a.published is None or b.published is None or abs((a.published - b.published).days) <= NEWS_CYCLE_DAYS


