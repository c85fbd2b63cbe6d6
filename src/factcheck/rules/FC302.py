"""FC302 parts-exceed-whole."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from factcheck import intervals
from factcheck.facts import Fact, comparable, pragmatic
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.rules._compare import agree, same_fact, severity
from factcheck.rules.base import Rule
from factcheck.written import quoted

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
        # the parts, by (domestic or international, segment), then by article in order of position
        parts: dict[tuple[str, str], dict[str, list[Fact]]] = {}
        for f in levels:
            words = (f.q.metric or "").removesuffix("revenue").split()
            if words and _SYNONYMS.get(words[0], words[0]) in _PARTS:
                part = parts.setdefault((_SYNONYMS.get(words[0], words[0]), " ".join(words[1:])), {})
                part.setdefault(f.doc, []).append(f)
        for by_doc in parts.values():
            for members in by_doc.values():
                members.sort(key=_start)
        # the figures a mislabelled total may have been copied from, by currency and article
        others: dict[str | None, dict[str, list[Fact]]] = {}
        for g in ctx.facts:
            if g.q.kind == "level":
                others.setdefault(g.q.currency, {}).setdefault(g.doc, []).append(g)
        for f in levels:
            segment = (f.q.metric or "").removesuffix("revenue").strip()
            if segment.split()[:1] and _SYNONYMS.get(segment.split()[0], segment.split()[0]) in _PARTS:
                continue
            a = _part(ctx, parts.get(("domestic", segment), {}), f)
            b = _part(ctx, parts.get(("international", segment), {}), f)
            if a is None or b is None:
                continue
            if a.q.currency != f.q.currency or b.q.currency != f.q.currency:
                continue
            assert a.q.interval and b.q.interval
            total = intervals.add(a.q.interval, b.q.interval)
            if comparable(total, pragmatic(f.q)):
                continue
            value = a.q.value + b.q.value
            twin = next((g for doc, facts in others.get(f.q.currency, {}).items() if doc != f.doc for g in facts
                         if g.q.metric != f.q.metric and agree(ctx, f, g) and ctx.same_entity(f, g)), None)
            twins = [] if twin is None else [twin]
            message = (f"{f.q.metric} {quoted(f.q)} in {f.doc} is not the sum of its parts: {quoted(a.q)} + "
                       f"{quoted(b.q)} make {value / 10 ** 9:,.1f}bn")
            cause = None
            if twins:
                cause = f"a mislabelled figure: {twins[0].q.text!r} is the {twins[0].q.metric} in {twins[0].doc}"
                message += f"; likely {cause}"
            yield self.finding(severity(value, f.q.value), message, (f, a, b, *twins[:1]),
                               {"sum": f"{value:f}", "sum_interval": str(total)}, cause)


def _start(f: Fact) -> int:
    return f.q.start


def _part(ctx: Context, by_doc: dict[str, list[Fact]], f: Fact) -> Fact | None:
    """The part that goes with the total ``f``: the nearest in its own article (the earlier on a
    tie, found by bisection), else the nearest of another article that may state the same fact."""
    own = by_doc.get(f.doc, [])
    if own:
        k = bisect.bisect_left(own, f.q.start, key=_start)
        near = [own[j] for j in (k - 1, k) if 0 <= j < len(own)]
        return min(near, key=lambda p: (abs(p.q.start - f.q.start), p.q.start))
    elsewhere = [p for doc, members in by_doc.items() if doc != f.doc for p in members if same_fact(ctx, p, f)]
    return min(elsewhere, key=lambda p: abs(p.q.start - f.q.start)) if elsewhere else None
