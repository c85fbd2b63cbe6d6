"""FC303 valuation-identity."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.model import Interval
from factcheck.rules._compare import magnitude_slip, severity
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: How many sentences apart an investment, its stake and the valuation may be written.
REACH = 2


class ValuationIdentity(Rule):
    """A valuation that the investment and the stake it bought contradict.

    An investment of I for a stake of s% values the whole company at I / s. When an article gives
    all three, the stated valuation must allow that figure.

    **Bad**

    - "an investment of USD 800 million ... a 36 percent stake ... worth approximately USD 22
      billion" (800m / 36% is about 2.2bn).

    **Good**

    - "USD 800 million ... a 36 percent stake ... worth approximately USD 2.2 billion".
    """

    code = "FC303"
    name = "valuation-identity"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for facts in ctx.by_doc.values():
            if not any(f.q.metric == "valuation" for f in facts):
                continue
            starts = sorted({f.sentence[0] for f in facts})  # the sentences holding figures, in order
            ordered = sorted(facts, key=lambda f: f.q.start)
            stakes = [f for f in ordered if f.q.metric == "stake" and f.q.unit == "percent" and f.q.value > 0]
            investments: dict[str | None, list[Fact]] = {}
            for f in ordered:
                if f.q.metric == "investment" and f.q.kind == "level":
                    investments.setdefault(f.q.currency, []).append(f)
            for v in ordered:
                if v.q.metric != "valuation" or not v.q.currency or v.q.kind != "level":
                    continue
                # within REACH sentences (among those holding figures) either side: a run of text
                r = bisect.bisect_left(starts, v.sentence[0])
                lo = starts[max(0, r - REACH)]
                hi = starts[r + REACH + 1] if r + REACH + 1 < len(starts) else None
                stake = _nearest(stakes, v, lo, hi)
                paid = _nearest(investments.get(v.q.currency, []), v, lo, hi) if stake is not None else None
                if stake is None or paid is None:
                    continue
                assert stake.q.interval and paid.q.interval
                share = stake.q.interval.scale(Decimal("0.01"))
                if not share.positive:
                    continue
                implied = intervals.div(paid.q.interval, Interval(share.low, share.high))
                if comparable(implied, pragmatic(v.q)):
                    continue
                value = paid.q.value / (stake.q.value / 100)
                slip = magnitude_slip(value, v.q.value)
                cause = f"a dropped digit (a factor of {10 ** slip})" if slip else None
                message = (f"valuation {quoted(v.q)} does not follow from {quoted(paid.q)} for {quoted(stake.q)}: "
                           f"that values the whole at about {value / 10 ** 9:,.2f}bn {v.q.currency}")
                if cause:
                    message += f"; likely {cause}"
                yield self.finding(severity(value, v.q.value), message, (v, paid, stake),
                                   {"implied": f"{value:f}", "implied_interval": str(implied)}, cause)


def _nearest(candidates: list[Fact], v: Fact, lo: int, hi: int | None) -> Fact | None:
    """The candidate (sorted by position) nearest to ``v`` that starts in ``[lo, hi)``; the earlier
    one on a tie. A bisection, so a long article of figures costs no scan per valuation."""
    def position(f: Fact) -> int:
        return f.q.start

    first = bisect.bisect_left(candidates, lo, key=position)
    last = len(candidates) if hi is None else bisect.bisect_left(candidates, hi, key=position)
    k = bisect.bisect_left(candidates, v.q.start, first, last, key=position)
    best = None
    for j in (k - 1, k):
        if first <= j < last and candidates[j] is not v:
            f = candidates[j]
            if best is None or abs(f.q.start - v.q.start) < abs(best.q.start - v.q.start):
                best = f
    return best
