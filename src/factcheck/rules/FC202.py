"""FC202 range-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.check import Context
from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.model import Interval
from factcheck.rules import Rule
from factcheck.rules._compare import partitions, severity


class RangeMismatch(Rule):
    """The same range is stated with different ends.

    A range ("3% to 4%", "$1-2bn") claims both of its ends, so two statements of the same range
    must agree on each end to the written precision, even when the ranges overlap.

    **Bad**

    - Source A: "revenue growth guidance of 3% to 4%"; source B: "a revenue increase of 3-5%".

    **Good**

    - "3%-4%" and "3-4 per cent" (the same ends).
    """

    code = "FC202"
    name = "range-mismatch"

    def check(self, ctx: Context) -> Iterator[Finding]:
        done: set[int] = set()
        for group in ctx.groups.values():
            for part in partitions([f for f in group if f.q.low is not None and f.q.high is not None]):
                yield from self._part(ctx, list(part.facts), done)

    def _part(self, ctx: Context, ranges: list[Fact], done: set[int]) -> Iterator[Finding]:
        if len(ranges) > 1:
            for i, a in enumerate(ranges):
                for b in ranges[i + 1 :]:
                    if a.doc == b.doc or not ctx.same_entity(a, b) or (a.q.currency or "") != (b.q.currency or ""):
                        continue
                    if id(b) in done:
                        continue
                    bad = [end for end in ("low", "high") if not comparable(_end(a, end), _end(b, end))]
                    if bad:
                        done.add(id(b))
                        yield self._finding(a, b, bad)

    def _finding(self, a: Fact, b: Fact, ends: list[str]) -> Finding:
        x = getattr(a.q, ends[0])
        y = getattr(b.q, ends[0])
        message = (f"{a.q.metric}: the range {a.q.text!r} in {a.doc} and {b.q.text!r} in {b.doc} differ at the "
                   f"{' and '.join(ends)} end{'s' if len(ends) > 1 else ''} ({x:f} vs {y:f})")
        return Finding(self.code, self.name, severity(Decimal(x), Decimal(y)), message, (b, a),
                       {"ends": ends, "a": [str(a.q.low), str(a.q.high)], "b": [str(b.q.low), str(b.q.high)]})


def _end(f: Fact, end: str) -> Interval:
    value = getattr(f.q, end)
    half = (f.q.precision or Decimal(1)) / 2
    return Interval(value - half, value + half)
