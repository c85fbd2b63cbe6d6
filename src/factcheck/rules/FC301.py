"""FC301 market-cap-identity."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.model import Interval
from factcheck.reference import ReferenceFact
from factcheck.rules._compare import magnitude_slip, same_time, severity
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: A share count kept on file drifts with buybacks and issues; allow this much either way.
SHARES_TOLERANCE = Decimal("0.05")
#: How far apart the share count's date and the article's may be.
MAX_AGE_DAYS = 400


class MarketCapIdentity(Rule):
    """A market capitalisation that the share price and the share count contradict.

    Market capitalisation = share price x shares outstanding. When an article gives a market cap
    and a share price for the same company, and the number of shares is known (from reference
    facts or another source), the implied capitalisation must fall within the stated one.

    **Bad**

    - "$81 per share ... a market capitalisation of over $19 billion", with 2.4 billion shares on
      file: $81 x 2.4bn is about $194bn, ten times the stated figure (a dropped digit).

    **Good**

    - "$81 per share ... a market capitalisation of about $195 billion".
    """

    code = "FC301"
    name = "market-cap-identity"

    def check(self, ctx: Context) -> Iterator[Finding]:
        caps = [f for f in ctx.facts
                if f.q.metric == "market capitalization" and f.q.currency and "/" not in (f.q.unit or "")]
        # the share prices of each article, by unit, in order of position
        prices: dict[tuple[str, str | None], list[Fact]] = {}
        for p in ctx.facts:
            if p.q.metric == "share price" and p.q.kind == "level":
                prices.setdefault((p.doc, p.q.unit), []).append(p)
        for members in prices.values():
            members.sort(key=lambda p: p.q.start)
        for cap in caps:
            shares = self._shares(ctx, cap)
            if shares is None:
                continue

            def fits(p: Fact, cap: Fact = cap) -> bool:
                return ctx.same_entity(p, cap) and same_time(p, cap)

            price = _nearest(prices.get((cap.doc, f"{cap.q.currency}/share"), []), cap, fits)
            if price is None:
                continue
            count = Interval(shares.value * (1 - SHARES_TOLERANCE), shares.value * (1 + SHARES_TOLERANCE))
            assert price.q.interval is not None and cap.q.interval is not None
            implied = intervals.mul(price.q.interval, count)
            if comparable(implied, pragmatic(cap.q)):
                continue
            value = price.q.value * shares.value
            slip = magnitude_slip(value, cap.q.value)
            cause = f"a dropped digit: the stated figure is off by a factor of {10 ** slip}" if slip else None
            message = (f"market capitalisation {quoted(cap.q)} does not fit the share price {quoted(price.q)} and "
                       f"{shares.value:,.0f} shares outstanding ({shares.source}): that makes about "
                       f"{value / Decimal(10) ** 9:,.1f}bn {cap.q.currency}")
            if cause:
                message += f"; likely {cause}"
            yield self.finding(severity(value, cap.q.value), message, (cap, price),
                               {"implied": f"{value:f}", "implied_interval": str(implied),
                                "shares": f"{shares.value:f}", "shares_source": shares.source}, cause)

    def _shares(self, ctx: Context, cap: Fact) -> ReferenceFact | None:
        on = cap.published or (cap.q.period.end if cap.q.period else None)
        best = None
        for ref in ctx.reference:
            if ref.metric.lower() != "shares outstanding" or ctx.entity_id(ref.entity) != cap.entity_id:
                continue
            if on and ref.as_of and abs((on - ref.as_of).days) > MAX_AGE_DAYS:
                continue
            if best is None or _age(on, ref) < _age(on, best):
                best = ref
        return best


def _age(on: object, ref: ReferenceFact) -> int:
    import datetime as dt

    if isinstance(on, dt.date) and ref.as_of is not None:
        return abs((on - ref.as_of).days)
    return MAX_AGE_DAYS


def _nearest(candidates: list[Fact], cap: Fact, fits: Callable[[Fact], bool]) -> Fact | None:
    """The candidate (sorted by position) nearest to ``cap`` that ``fits``, the earlier on a tie:
    found by walking out from ``cap``'s position, so the nearest fitting price costs a few steps,
    not a pass over every price in the article."""
    right = bisect.bisect_left(candidates, cap.q.start, key=lambda p: p.q.start)
    left = right - 1
    while left >= 0 or right < len(candidates):
        take_left = right >= len(candidates) or (
            left >= 0 and cap.q.start - candidates[left].q.start <= candidates[right].q.start - cap.q.start)
        candidate = candidates[left] if take_left else candidates[right]
        if take_left:
            left -= 1
        else:
            right += 1
        if fits(candidate):
            return candidate
    return None
