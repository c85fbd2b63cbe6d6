"""FC202 range-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.model import Interval
from factcheck.rules._compare import certain, same_fact, severity
from factcheck.rules._pairs import pairs_across_articles
from factcheck.rules.base import Rule
from factcheck.written import amount, quoted


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
    per_group = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for group in ctx.groups.values():
            ranges = [f for f in group if f.q.low is not None and f.q.high is not None]
            reported: set[int] = set()
            for i, j in pairs_across_articles(ranges):
                a, b = ranges[i], ranges[j]
                if not same_fact(ctx, a, b) or (a.q.currency or "") != (b.q.currency or ""):
                    continue
                bad = [end for end in ("low", "high") if not comparable(_end(a, end), _end(b, end))]
                if not bad:
                    continue
                # the odd one is the range fewer others agree with
                odd, good = (a, b) if _support(ctx, a, ranges) < _support(ctx, b, ranges) else (b, a)
                if id(odd) in reported:
                    continue  # one finding for each odd range, against its best-backed rival
                backing = [f for f in ranges if f is not good and f is not odd and f.doc not in (odd.doc, good.doc)
                           and same_fact(ctx, f, good) and _agree(f, good)]
                if not certain(odd, good) and not backing:
                    continue
                reported.add(id(odd))
                yield self._finding(good, odd, bad)

    def _finding(self, a: Fact, b: Fact, ends: list[str]) -> Finding:
        x = getattr(a.q, ends[0])
        y = getattr(b.q, ends[0])
        message = (f"{a.q.metric}: the range {quoted(a.q)} in {a.doc} and {quoted(b.q)} in {b.doc} differ at the "
                   f"{' and '.join(ends)} end{'s' if len(ends) > 1 else ''} ({amount(x, a.q.unit)} vs "
                   f"{amount(y, b.q.unit)})")
        return self.finding(severity(Decimal(x), Decimal(y)), message, (b, a),
                            {"ends": ends, "a": [str(a.q.low), str(a.q.high)], "b": [str(b.q.low), str(b.q.high)]})


def _end(f: Fact, end: str) -> Interval:
    value = getattr(f.q, end)
    half = (f.q.precision or Decimal(1)) / 2
    return Interval(value - half, value + half)


def _agree(a: Fact, b: Fact) -> bool:
    return all(comparable(_end(a, end), _end(b, end)) for end in ("low", "high"))


def _support(ctx: Context, f: Fact, ranges: list[Fact]) -> int:
    return sum(1 for g in ranges if g is not f and same_fact(ctx, f, g) and _agree(f, g))
