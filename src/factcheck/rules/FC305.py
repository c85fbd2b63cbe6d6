"""FC305 percent-difference."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.attribute.sentences import REACH
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.rules._compare import severity
from factcheck.rules.base import Rule
from factcheck.written import quoted


class PercentDifference(Rule):
    """A percentage difference between two figures that the figures themselves contradict.

    "The price stood at $310 per share, a more than 73-percent difference from its current value"
    ($81) states a difference the two prices can be checked against. Either figure may be the
    base (73.9% of 310, or 283% of 81); the statement stands if either reading fits.

    **Bad**

    - "$310 ... a 50-percent difference from its current value of $81".

    **Good**

    - "$310 ... a more than 73-percent difference from its current value of $81" (73.9%).
    """

    code = "FC305"
    name = "percent-difference"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for facts in ctx.by_doc.values():
            diffs = [f for f in facts if f.q.kind == "difference" and f.q.unit == "percent"]
            if not diffs:
                continue
            starts = sorted({f.sentence[0] for f in facts})
            # figures with a positive lower end only: "less than $100bn" may be near zero, and a
            # difference relative to it says nothing
            amounts = sorted((f for f in facts if f.q.kind == "level" and f.q.unit and f.q.unit != "percent"
                              and f.q.interval is not None and f.q.interval.positive), key=lambda f: f.q.start)
            for d in diffs:
                here = d.sentence
                # this sentence and the one before it (among those holding figures), no further than
                # attribution looks: a run-on line of figures costs a bounded search per difference
                k = bisect.bisect_left(starts, here[0])
                lo = max(starts[k - 1] if k else here[0], d.q.start - REACH)
                hi = min(here[1], d.q.end + REACH)
                levels = amounts[bisect.bisect_left(amounts, lo, key=_start) :
                                 bisect.bisect_left(amounts, hi, key=_start)]
                pair = _pair(levels, d)
                if pair is None:
                    continue
                a, b = pair
                assert a.q.interval and b.q.interval
                readings = [
                    intervals.div(intervals.sub(a.q.interval, b.q.interval), a.q.interval).scale(Decimal(100)),
                    intervals.div(intervals.sub(a.q.interval, b.q.interval), b.q.interval).scale(Decimal(100)),
                ]
                stated = pragmatic(d.q)
                if any(comparable(r, stated) or comparable(r.scale(Decimal(-1)), stated) for r in readings):
                    continue
                x = (a.q.value - b.q.value) / a.q.value * 100
                message = (f"{quoted(d.q)} does not match {quoted(a.q)} and {quoted(b.q)}: they differ by "
                           f"{abs(x):.1f}% of the first ({abs((a.q.value - b.q.value) / b.q.value * 100):.1f}% of "
                           f"the second)")
                yield self.finding(severity(abs(x), abs(d.q.value)), message, (d, a, b),
                                   {"readings": [str(r) for r in readings]})


def _start(f: Fact) -> int:
    return f.q.start


def _pair(levels: list[Fact], d: Fact) -> tuple[Fact, Fact] | None:
    """The two figures of the same unit nearest to the difference, larger first."""
    by_unit: dict[str, list[Fact]] = {}
    for f in sorted(levels, key=lambda f: abs(f.q.start - d.q.start)):
        by_unit.setdefault(f.q.unit or "", []).append(f)
    for same in by_unit.values():
        if len(same) >= 2:
            a, b = same[0], same[1]
            return (a, b) if a.q.value >= b.q.value else (b, a)
    return None
