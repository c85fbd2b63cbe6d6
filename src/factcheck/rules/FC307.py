"""FC307 change-vs-prior-level."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.model import Interval
from factcheck.rules._compare import agree, severity
from factcheck.rules.base import Rule
from factcheck.rules.FC304 import SLACK, stripped
from factcheck.written import quoted

#: A level a year earlier that puts the later level more than this many times off what the
#: stated change gives is another quantity (a segment's revenue, another line of the accounts)
#: that the words did not tell apart: "revenue fell 10% to $11.6bn" is not checked against
#: another source's "$1.7bn" of one region. A slipped digit in either level is FC204's to find.
OTHER_QUANTITY = Decimal(2)


class ChangeVersusPriorLevel(Rule):
    """A year-on-year change that another statement of the year-earlier level contradicts.

    "Revenue rose 8% to Rmb280bn in the fourth quarter of 2024" implies revenue of about Rmb259bn
    in the fourth quarter of 2023. When any source states that earlier level, the two must agree.

    **Bad**

    - Source A: "revenue rose 8% to Rmb280bn in the fourth quarter of 2024"; source B: "revenue was
      Rmb230bn in the fourth quarter of 2023" (that is a 21.7% rise).

    **Good**

    - Source B: "revenue was Rmb259bn in the fourth quarter of 2023" (8.1%).
    - Source B: "revenue was Rmb25bn in the fourth quarter of 2023": a level this far off (the
      change would be +1,020%) is another quantity, such as one segment's revenue.
    - "Comparable revenue grew 3% to €75.9bn (2023: €74.9bn)": a change on an organic,
      comparable, like-for-like or constant-currency basis leaves out what reported levels include.
    """

    code = "FC307"
    name = "change-vs-prior-level"

    def check(self, ctx: Context) -> Iterator[Finding]:
        by_span = {(f.doc, f.q.start, f.q.end): f for f in ctx.facts}
        # the level a change leads to ("declined 4% to €84.1bn") is the change's own later level,
        # whatever period a parenthesis after it lends it ("(fiscal 2023: €89.4bn)")
        reached = {(f.doc, *f.q.leads_to) for f in ctx.facts if f.q.kind == "change" and f.q.leads_to}
        levels: dict[tuple[object, ...], list[Fact]] = {}
        for f in ctx.facts:
            if (f.doc, f.q.start, f.q.end) in reached:
                continue
            if f.q.kind == "level" and f.q.period is not None and not f.earlier and f.q.currency:
                levels.setdefault((f.q.metric, (f.q.period.start, f.q.period.end), f.entity_id), []).append(f)
        distinct: dict[tuple[object, ...], list[Fact]] = {}
        for change in ctx.facts:
            q = change.q
            if q.kind != "change" or q.unit != "percent" or q.leads_to is None or q.period is None:
                continue
            if change.base not in (None, "yoy") or q.low is not None or stripped(change):
                continue
            after = by_span.get((change.doc, *q.leads_to))
            if after is None or not after.q.currency:
                continue
            prior = _year_before(q.period.start, q.period.end)
            wanted = (after.q.metric, prior, after.entity_id)
            if wanted not in distinct:
                earlier = levels.get(wanted, [])
                if after.entity_id is not None:
                    earlier = earlier + levels.get((after.q.metric, prior, None), [])
                distinct[wanted] = _distinct(ctx, earlier)
            for before in distinct[wanted]:
                if before.q.currency != after.q.currency or not ctx.same_entity(before, after):
                    continue
                assert before.q.interval and after.q.interval and q.interval
                if not before.q.interval.positive:
                    continue
                expected = before.q.value * (1 + q.value / 100)
                if not expected / OTHER_QUANTITY < after.q.value < expected * OTHER_QUANTITY:
                    continue  # a segment's or another line's level, not the same one a year earlier
                ratio = intervals.div(after.q.interval, before.q.interval)
                growth = intervals.sub(ratio, Interval(Decimal(1), Decimal(1))).scale(Decimal(100))
                stated = Interval(None if q.interval.low is None else q.interval.low - SLACK,
                                  None if q.interval.high is None else q.interval.high + SLACK)
                if comparable(growth, stated):
                    continue
                implied = (after.q.value / before.q.value - 1) * 100
                message = (f"{quoted(q)} to {quoted(after.q)} ({change.doc}) does not fit {quoted(before.q)} a year "
                           f"earlier ({before.doc}): that is {implied:+.1f}%")
                yield self.finding(severity(implied, q.value), message, (change, after, before),
                                   {"implied_change": f"{implied:.4f}", "interval": str(growth)})
                break


def _year_before(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    def back(d: dt.date) -> dt.date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)

    return back(start), back(end)


def _distinct(ctx: Context, earlier: list[Fact]) -> list[Fact]:
    """The statements of an earlier level worth comparing, in order: those no other source disputes
    (sources that disagree about the level itself are FC201's business), and of several alike in
    everything the comparison reads only the first, so repeating a level costs nothing."""
    by_doc: dict[str, list[Fact]] = {}
    for f in earlier:
        by_doc.setdefault(f.doc, []).append(f)
    out, seen = [], set()
    for level in earlier:
        key = (level.q.currency, level.entity_id, level.q.interval)
        if key in seen:
            continue
        if not _disputed(ctx, level, by_doc):
            seen.add(key)
            out.append(level)
    return out


def _disputed(ctx: Context, level: Fact, by_doc: dict[str, list[Fact]]) -> bool:
    return any(o.entity_id == level.entity_id and agree(ctx, level, o) is False
               for doc, others in by_doc.items() if doc != level.doc for o in others)
