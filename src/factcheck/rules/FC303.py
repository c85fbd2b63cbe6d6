"""FC303 valuation-identity."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.check import Context
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.model import Interval
from factcheck.rules import Rule
from factcheck.rules._compare import magnitude_slip, severity

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
            rank = {s: k for k, s in enumerate(sorted({f.sentence[0] for f in facts}))}

            def where(f: Fact, rank: dict[int, int] = rank) -> int:
                return rank[f.sentence[0]]

            for v in facts:
                if v.q.metric != "valuation" or not v.q.currency or v.q.kind != "level":
                    continue
                near = [f for f in facts if abs(where(f) - where(v)) <= REACH and f is not v]
                stakes = [f for f in near if f.q.metric == "stake" and f.q.unit == "percent" and f.q.value > 0]
                money = [f for f in near if f.q.metric == "investment" and f.q.currency == v.q.currency
                         and f.q.kind == "level"]
                if not stakes or not money:
                    continue
                stake = min(stakes, key=lambda f: abs(f.q.start - v.q.start))
                paid = min(money, key=lambda f: abs(f.q.start - v.q.start))
                assert stake.q.interval and paid.q.interval
                share = stake.q.interval.scale(Decimal("0.01"))
                if share.low is None or share.low <= 0:
                    continue
                implied = intervals.div(paid.q.interval, Interval(share.low, share.high))
                if comparable(implied, pragmatic(v.q)):
                    continue
                value = paid.q.value / (stake.q.value / 100)
                slip = magnitude_slip(value, v.q.value)
                cause = f"a dropped digit (a factor of {10 ** slip})" if slip else None
                message = (f"valuation {v.q.text!r} does not follow from {paid.q.text!r} for {stake.q.text!r}: "
                           f"that values the whole at about {value / 10 ** 9:,.2f}bn {v.q.currency}")
                if cause:
                    message += f"; likely {cause}"
                yield Finding(self.code, self.name, severity(value, v.q.value), message, (v, paid, stake),
                              {"implied": f"{value:f}", "implied_interval": str(implied)}, cause)
