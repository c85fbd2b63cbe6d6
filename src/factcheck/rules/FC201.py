"""FC201 value-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.check import Context
from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.rules import Rule
from factcheck.rules._compare import (
    agree,
    certain,
    compare,
    effective,
    explained,
    magnitude_slip,
    period_buckets,
    same_fact,
    severity,
)
from factcheck.rules._pairs import pairs_across_articles


class ValueMismatch(Rule):
    """The same fact is stated with values that cannot both be true.

    Facts are the same when they share entity, metric, period, kind (level or change), unit,
    accounting basis, listing and estimate-or-actual. Each is read as the interval its written
    precision and hedges allow ("$19bn" is 18.5-19.5bn; "over $19 billion" is above 19bn; round
    figures get 2.5% slack); a conflict is two intervals with nothing in common. Amounts in other
    currencies are converted at the dated ECB rate, with 2% slack.

    **Bad**

    - Source A: "the NHS day-to-day budget gets £22.6bn"; source B: "£226bn" (a dropped decimal point).
    - Source A: "net profit grew 7.1%"; source B: "net profit grew by 3.6%".

    **Good**

    - "revenue of 184.50 billion yuan" and "RMB 184.5 billion" (the same to the written precision).
    - "beyond $50 billion" and "$53 billion" (a bound the other figure satisfies).

    Known problems: a source may use the bare label of one line item ("net profit") for another
    (attributable vs total); such pairs are flagged as warnings.
    """

    code = "FC201"
    name = "value-mismatch"
    per_group = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        done: set[int] = set()
        for facts in ctx.groups.values():
            points = [f for f in facts if f.q.low is None or f.q.high is None]
            if len(points) < 2:
                continue
            for bucket in period_buckets(points):
                for finding in self._group(ctx, bucket, points):
                    if id(finding.facts[0]) not in done:
                        done.add(id(finding.facts[0]))
                        yield finding

    def _group(self, ctx: Context, facts: list[Fact], pool: list[Fact]) -> Iterator[Finding]:
        n = len(facts)
        # verdict[i][j]: whether statements i and j agree (None: they cannot be compared); only
        # pairs that may state the same fact are present, so the work is proportional to those
        verdict: list[dict[int, bool | None]] = [{} for _ in range(n)]
        for i, j in pairs_across_articles(facts):
            if same_fact(ctx, facts[i], facts[j]):
                verdict[i][j] = verdict[j][i] = agree(ctx, facts[i], facts[j])
        support = [sum(1 for v in verdict[k].values() if v) for k in range(n)]
        reported: set[int] = set()
        for k in sorted(range(n), key=lambda k: support[k]):
            against = sorted(j for j, v in verdict[k].items() if v is False)
            if not against or k in reported:
                continue
            # the best-supported statement it contradicts that no other period, basis or base explains
            # a change whose base is unstated is most likely year on year, as reported growth is
            def rank(j: int, k: int = k) -> tuple[int, int, int]:
                bases = effective(ctx, facts[j], pool, "base")
                likely = facts[k].base in bases or (facts[k].base is None and "yoy" in bases) or not bases
                return (0 if likely else 1, -support[j], j)

            candidates = [j for j in sorted(against, key=rank) if not explained(ctx, facts[k], facts[j], pool)]
            if not candidates:
                continue
            consensus = candidates[0]
            if support[consensus] < support[k] or consensus in reported:
                continue  # the other side is the odd one out, or was reported already
            odd, good = facts[k], facts[consensus]
            allies = [facts[j] for j in against if j != consensus and verdict[j].get(consensus)]
            backing = {a.doc for a in allies} - {odd.doc, good.doc}
            if not certain(odd, good) and not backing and not magnitude_slip(odd.q.value, good.q.value):
                continue  # one source against one, and not sure they speak of the same thing
            reported.add(k)
            yield self._finding(ctx, odd, good, allies)

    def _finding(self, ctx: Context, odd: Fact, good: Fact, allies: list[Fact]) -> Finding:
        got = compare(ctx, odd, good)
        assert got is not None
        mine, theirs, rate = got
        x, y = odd.q.value, good.q.value
        if rate is not None:
            y = good.q.value * rate.rate
        slip = magnitude_slip(x, y)
        cause = None
        if slip:
            cause = f"a misplaced decimal point or a dropped digit: the figures differ by a factor of {10 ** slip}"
        elif (x < 0) != (y < 0) and x and y:
            cause = "opposite directions: one source has a rise, the other a fall"
        more = f" (and {len(allies)} more)" if allies else ""
        what = _describe(odd)
        message = (f"{what}: {odd.q.text!r} in {odd.doc} disagrees with {good.q.text!r} in {good.doc}{more}; "
                   f"{odd.q.text!r} allows {mine}, {good.q.text!r} allows {theirs}")
        if cause:
            message += f"; likely {cause}"
        computed: dict[str, object] = {"allowed": str(mine), "other_allowed": str(theirs)}
        if rate is not None:
            computed["fx"] = {"base": rate.base, "quote": rate.quote, "rate": str(rate.rate),
                              "rate_date": rate.rate_date.isoformat(), "source": rate.source}
            message += f" (at {rate.base}/{rate.quote} {rate.rate:.4f} of {rate.rate_date})"
        return Finding(self.code, self.name, severity(Decimal(x), Decimal(y)), message,
                       (odd, good, *allies[:3]), computed, cause)


def _describe(f: Fact) -> str:
    parts = [f.q.metric or "value"]
    if f.q.entity:
        parts.append(f"of {f.q.entity}")
    if f.q.period:
        parts.append(f"for {f.q.period.key}")
    return " ".join(parts)
