"""FC501 conversion-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

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

    An article newer than the rates is converted at their latest rate for up to 14 days after it
    (the message then says "the latest rate, of 2026-10-30"); after that, or for a currency the
    rates lack, the conversion is not checked and the run's summary says how many were not and
    why. ``--rates FILE`` (or the ``rates`` setting) gives newer rates.
    """

    code = "FC501"
    name = "conversion-mismatch"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for source, target in conversions(ctx):
            on = target.published  # a conversion is made on the day it is written, whatever year it is of
            assert target.q.currency is not None
            converted = ctx.in_currency(source, target.q.currency, on)
            if converted is None:
                continue
            interval, rate = converted
            assert target.q.interval is not None and rate is not None
            if comparable(interval, target.q.interval):
                continue
            value = source.q.value * rate.rate
            when = rate.describe() if rate.latest else rate.rate_date
            message = (f"{quoted(source.q)} is about {_short(value)} {target.q.currency} at "
                       f"{rate.base}/{rate.quote} {rate.rate:.4f} (ECB, {when}), but the text says "
                       f"{quoted(target.q)} in {target.doc}")
            yield self.finding(severity(value, target.q.value), message, (target, source),
                               {"converted": f"{value:f}", "rate": str(rate.rate),
                                "rate_date": rate.rate_date.isoformat(), "rate_is_latest": rate.latest,
                                "allowed": str(interval)},
                               "the conversion used a different or outdated rate, or one figure has a slip")


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
    from decimal import Decimal

    v = Decimal(str(x))
    for size, word in ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
        if abs(v) >= size:
            return f"{v / size:.2f}{word}"
    return f"{v:,.2f}"


__all__ = ["ConversionMismatch", "Fact", "conversions", "unchecked"]
