"""FC304 change-vs-levels."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal

from factcheck import intervals
from factcheck.attribute.metrics import MetricVocabulary
from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.model import Interval
from factcheck.rules._compare import severity
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: Writers compute a change from unrounded figures, or from a neighbouring line of the accounts
#: (profit attributable vs profit for the period); this many percentage points of slack keep
#: that from being flagged. A swapped or mistyped percentage is far outside it.
SLACK = Decimal("0.15")
#: Two levels this many times apart or more are two quantities (income in millions and earnings
#: per share), not one quantity at two times; a slipped level (ten or a hundred times) is nearer.
APART = Decimal(1000)
#: Bases on which a change leaves out what the reported levels include (currency moves,
#: acquisitions and disposals, stores opened or closed): "comparable revenue grew 3% to €75.9bn
#: (2023: €74.9bn)" is right although the reported levels moved 1.3%.
STRIPPED = frozenset({"organic", "like-for-like", "comparable", "constant currency"})


def stripped(change: Fact) -> bool:
    """Is ``change`` stated on a basis that leaves out what reported levels include? Its own
    basis, or such a basis named before it in its sentence, for metrics the vocabulary lacks
    ("comparable orders declined 4 percent to €84.1 billion (fiscal 2023: €89.4 billion)")."""
    if change.q.qualifiers.basis in STRIPPED:
        return True
    # the sentence as baselines quote it (whitespace folded, lower case) up to the figure
    sentence = change.context
    at = sentence.find(" ".join(change.q.text.split()).lower())
    return bool(MetricVocabulary.default().bases_named(sentence, 0, at if at >= 0 else None) & STRIPPED)


class ChangeVersusLevels(Rule):
    """A percentage change that its own two levels contradict.

    "Net profit grew by 3.6% to ₹6,374 crore from ₹5,945 crore" states the change three times:
    as a percentage and as two levels. The growth the levels imply (6,374 / 5,945 - 1 = 7.2%)
    must be what the percentage allows, to the precision of all three figures. For a rate that
    moves ("raised by 1.2% to 15%, up from 13.8%") a change that fits as percentage points is
    reported as information only: the wording is loose, the figures agree.

    **Bad**

    - "net profit grew by 3.6% to ₹6,374 crore from ₹5,945 crore" (the levels say 7.2%: the 3.6%
      belongs to another line, here revenue).

    **Good**

    - "revenue rose 3.6% to ₹39,315 crore, from ₹37,933 crore" (3.64%).
    - "Income was $948 million, down 6%, while EPS was $0.25, compared to $0.14": levels a
      thousand times apart or more are two quantities, not one at two times.
    - "Organic sales rose 5% to $10.2bn from $9.9bn": a change on an organic, comparable,
      like-for-like or constant-currency basis leaves out what the reported levels include.
    """

    code = "FC304"
    name = "change-vs-levels"

    def check(self, ctx: Context) -> Iterator[Finding]:
        by_span = {(f.doc, f.q.start, f.q.end): f for f in ctx.facts}
        # the levels a sentence marks as earlier ("from ₹5,945 crore"), by article and unit, in order
        # of position: each change finds the first after its own level by bisection, not by a scan
        earlier: dict[tuple[str, str | None], list[Fact]] = {}
        for f in ctx.facts:
            if f.earlier and f.q.kind == "level":
                earlier.setdefault((f.doc, f.q.unit), []).append(f)
        for levels in earlier.values():
            levels.sort(key=lambda f: f.q.start)
        starts = {key: [f.q.start for f in levels] for key, levels in earlier.items()}
        for change in ctx.facts:
            q = change.q
            if q.kind != "change" or q.unit != "percent" or q.leads_to is None or q.low is not None:
                continue
            if stripped(change):
                continue
            after = by_span.get((change.doc, *q.leads_to))
            if after is None or not (after.q.currency or after.q.unit == "percent"):
                continue
            span = change.sentence
            key = (change.doc, after.q.unit)
            k = bisect.bisect_left(starts.get(key, []), max(span[0], after.q.start + 1))
            if k == len(starts.get(key, [])) or starts[key][k] >= span[1]:
                continue
            before = earlier[key][k]
            assert before.q.interval and after.q.interval and q.interval
            if not before.q.interval.positive:
                continue
            if not 1 / APART < after.q.value / before.q.value < APART:
                continue  # income and earnings per share: two quantities, not one at two times
            ratio = intervals.div(after.q.interval, before.q.interval)
            growth = intervals.sub(ratio, intervals.from_precision(Decimal(1), Decimal(0))).scale(Decimal(100))
            stated = Interval(
                None if q.interval.low is None else q.interval.low - SLACK,
                None if q.interval.high is None else q.interval.high + SLACK,
            )
            if comparable(growth, stated):
                continue
            if after.q.unit == "percent":
                points = intervals.sub(after.q.interval, before.q.interval)
                if comparable(points, stated):
                    yield self.finding("info",
                                       f"{quoted(q)} is the change in percentage points ({quoted(before.q)} to "
                                       f"{quoted(after.q)}), not a relative change: write 'percentage points'",
                                       (change, after, before), {"points": str(points)}, "percent written for points")
                    continue
            implied = (after.q.value / before.q.value - 1) * 100
            message = (f"{quoted(q)} does not match its own levels: {quoted(after.q)} from {quoted(before.q)} is "
                       f"{implied:+.1f}%")
            yield self.finding(severity(implied, q.value), message, (change, after, before),
                               {"implied_change": f"{implied:.4f}", "interval": str(growth)},
                               "the percentage of another line (a swapped figure), or a slip in one level")


__all__ = ["ChangeVersusLevels", "Fact"]
