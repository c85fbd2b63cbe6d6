"""FC302 parts-exceed-whole."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck import intervals
from factcheck.check import Context
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.rules import Rule
from factcheck.rules._compare import agree, same_fact, severity

_PARTS = ("domestic", "international")
_SYNONYMS = {"overseas": "international", "foreign": "international", "local": "domestic"}


class PartsSum(Rule):
    """A total that its domestic and international parts do not add up to.

    When the domestic and the international part of a figure are both given ("domestic games
    revenue 40.4bn", "international games revenue 18.8bn"), the whole ("games revenue") must be
    their sum, to the written precision. When a figure elsewhere with the stated total's value
    carries another label, it is named as the likely source of the mix-up.

    **Bad**

    - "gaming revenue ... 91.4 billion yuan" beside domestic games 40.4bn and international games
      18.8bn (59.2bn together; 91.4bn is the value-added services total).

    **Good**

    - "games revenue of 59.2 billion yuan" with the same two parts.
    """

    code = "FC302"
    name = "parts-sum"

    def check(self, ctx: Context) -> Iterator[Finding]:
        levels = [f for f in ctx.facts if f.q.kind == "level" and f.q.currency and f.q.metric
                  and f.q.metric.endswith("revenue") and f.q.low is None]
        parts: dict[tuple[str, str], list[Fact]] = {}
        for f in levels:
            words = f.q.metric.removesuffix("revenue").split()
            if words and _SYNONYMS.get(words[0], words[0]) in _PARTS:
                parts.setdefault((_SYNONYMS.get(words[0], words[0]), " ".join(words[1:])), []).append(f)
        for f in levels:
            segment = f.q.metric.removesuffix("revenue").strip()
            if segment.split()[:1] and _SYNONYMS.get(segment.split()[0], segment.split()[0]) in _PARTS:
                continue
            home = [p for p in parts.get(("domestic", segment), []) if same_fact(ctx, p, f) or p.doc == f.doc]
            away = [p for p in parts.get(("international", segment), []) if same_fact(ctx, p, f) or p.doc == f.doc]
            if not home or not away:
                continue
            a, b = _nearest(home, f), _nearest(away, f)
            if a.q.currency != f.q.currency or b.q.currency != f.q.currency:
                continue
            assert a.q.interval and b.q.interval
            total = intervals.add(a.q.interval, b.q.interval)
            if comparable(total, pragmatic(f.q)):
                continue
            value = a.q.value + b.q.value
            twins = [g for g in ctx.facts if g is not f and g.q.metric != f.q.metric and g.q.kind == "level"
                     and g.q.currency == f.q.currency and g.doc != f.doc and agree(ctx, f, g)
                     and ctx.same_entity(f, g)]
            message = (f"{f.q.metric} {f.q.text!r} in {f.doc} is not the sum of its parts: {a.q.text!r} + "
                       f"{b.q.text!r} make {value / 10 ** 9:,.1f}bn")
            cause = None
            if twins:
                cause = f"a mislabelled figure: {twins[0].q.text!r} is the {twins[0].q.metric} in {twins[0].doc}"
                message += f"; likely {cause}"
            yield Finding(self.code, self.name, severity(value, f.q.value), message, (f, a, b, *twins[:1]),
                          {"sum": f"{value:f}", "sum_interval": str(total)}, cause)


def _nearest(candidates: list[Fact], f: Fact) -> Fact:
    return min(candidates, key=lambda p: (p.doc != f.doc, abs(p.q.start - f.q.start)))
