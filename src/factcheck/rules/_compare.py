"""How two statements of the same fact are compared: the shared judgement of FC201 and FC202."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factcheck.check import Context
from factcheck.facts import Fact
from factcheck.link.values import agree, allowed, attr_interval, compare, magnitude_slip, severity

__all__ = ["agree", "allowed", "attr_interval", "compare", "magnitude_slip", "severity", "same_fact", "same_time",
           "certain", "explained", "effective", "period_buckets", "candidate_pairs"]

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
