"""FC501 conversion-mismatch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.fx import FxError
from factcheck.group import Context
from factcheck.rules._compare import severity
from factcheck.rules.base import Rule
from factcheck.written import quoted


class ConversionMismatch(Rule):
    """A conversion in parentheses does not match the exchange rate of the day.

    "Rmb72.5bn ($10bn)" restates one amount in another currency. The amount is converted at the
    ECB reference rate of the article's date (the last rate on or before it), with 2% slack for
    the rate a writer may have used that week and the written precision of both figures. An
    article without a publication date is not checked: a conversion is made on the day it is
    written, and the year the amount is of ("€1bn in 2015") says nothing about that day.

    **Bad**

    - "380 billion yuan ($5.3 billion)" on 2025-09-25: 380bn yuan is about $53bn.

    **Good**

    - "Rmb72.5bn ($10bn)" on 2025-02-24, at 7.29 yuan to the dollar: $9.9bn, which "$10bn" allows.
    - "the 2015 deal, worth €1bn ($1.1bn)" in an article with no date: not checked.
    - "56.88 trillion yuan ($9.31 trillion) in 2013" in a 2025 article: 2013's rate explains it. A
      figure of a past period may be converted at that period's rate or at the day's; it is
      flagged only when neither explains it.
    - "6.61 trillion won ($4.7)" where the scale word was lost in reading: a conversion ten
      thousand times off is a misread amount, not a wrong rate, and is not reported.

    An article newer than the rates is converted at their latest rate for up to 14 days after it
    (the message then says "the latest rate, of 2026-10-30"); after that, or for a currency the
    rates lack, the conversion is not checked and the run's summary says how many were not and
    why. ``--rates FILE`` (or the ``rates`` setting) gives newer rates.
    """

    code = "FC501"
    name = "conversion-mismatch"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for source, target in conversions(ctx):
            on = target.published  # a conversion is made on the day it is written
            assert target.q.currency is not None and target.q.interval is not None
            converted = ctx.in_currency(source, target.q.currency, on)
            if converted is None:
                continue
            interval, rate = converted
            assert rate is not None
            if comparable(interval, target.q.interval):
                continue
            value = source.q.value * rate.rate
            if value and target.q.value and not MISREAD < abs(target.q.value / value) < 1 / MISREAD:
                continue  # a millionfold off is an amount misread (a scale word lost), not a rate
            if _at_its_own_time(ctx, source, target):
                continue
            when = rate.describe() if rate.latest else rate.rate_date
            message = (f"{quoted(source.q)} is about {_short(value)} {target.q.currency} at "
                       f"{rate.base}/{rate.quote} {rate.rate:.4f} (ECB, {when}), but the text says "
                       f"{quoted(target.q)} in {target.doc}")
            yield self.finding(severity(value, target.q.value), message, (target, source),
                               {"converted": f"{value:f}", "rate": str(rate.rate),
                                "rate_date": rate.rate_date.isoformat(), "rate_is_latest": rate.latest,
                                "allowed": str(interval)},
                               "the conversion used a different or outdated rate, or one figure has a slip")


#: A conversion this far off (or its inverse) is an amount the extractor misread, not a slip:
#: writers drop a digit or swap million for billion, they do not miss by a factor of ten thousand.
MISREAD = Decimal("0.0001")
#: A figure whose written period ended this long before the article is of another time.
PAST = dt.timedelta(days=31)


def _at_its_own_time(ctx: Context, source: Fact, target: Fact) -> bool:
    """The conversion fits the rate of the figure's own past period ("56.88 trillion yuan ($9.31
    trillion) in 2013" at 2013's rate): writers convert a historical amount either way."""
    period = source.period_id() or target.period_id()
    if period is None or target.published is None or period[1] > target.published - PAST:
        return False
    start, end = period
    assert target.q.currency is not None and target.q.interval is not None
    for day in (start, start + (end - start) / 2, end):
        converted = ctx.in_currency(source, target.q.currency, day)
        if converted is not None and comparable(converted[0], target.q.interval):
            return True
    return False


def conversions(ctx: Context) -> Iterator[tuple[Fact, Fact]]:
    """Every conversion the articles write, as (amount, restated amount): "Rmb72.5bn ($10bn)"."""
    by_span = {(f.doc, f.q.start, f.q.end): f for f in ctx.facts}
    for target in ctx.facts:
        if target.q.converts is None or target.q.currency is None:
            continue
        source = by_span.get((target.doc, *target.q.converts))
        if source is None or source.q.currency is None or source.q.currency == target.q.currency:
            continue
        yield source, target


def unchecked(ctx: Context) -> list[tuple[Fact, FxError]]:
    """The dated conversions :class:`ConversionMismatch` cannot check for want of a rate (an article
    newer than the rates, a currency the table lacks), each with the reason: a run reports them,
    so that a conversion is never left unchecked without a word. Undated articles are not here:
    they are left out by design (see the rule's documentation)."""
    out = []
    for source, target in conversions(ctx):
        if target.published is None:
            continue
        assert source.q.currency is not None and target.q.currency is not None
        try:
            ctx.fx.rate(source.q.currency, target.q.currency, target.published)
        except FxError as exc:
            out.append((target, exc))
    return out


def _short(x: object) -> str:
    v = Decimal(str(x))
    for size, word in ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
        if abs(v) >= size:
            return f"{v / size:.2f}{word}"
    return f"{v:,.2f}"


__all__ = ["ConversionMismatch", "Fact", "conversions", "unchecked"]
