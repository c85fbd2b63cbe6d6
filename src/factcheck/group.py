"""The group stage: facts from every source, names resolved across them, grouped by what they claim.

The context is built once per run (:func:`build_context`) and handed to the linkage stage and
every rule; they only read it. Shared judgements live here so that every rule makes them the same
way: whether two facts may be about the same entity, and how to compare two amounts in different
currencies.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from factcheck.facts import Fact, document_facts
from factcheck.fx import FxError, FxRate, FxTable, default_table
from factcheck.model import Document, Interval, Quantity
from factcheck.reference import ReferenceFact
from factcheck.resolve import AliasTable, EntityResolver

#: The ECB reference rate is an approximation of what a writer converted at, and rates move
#: within a week: a converted amount gets this much relative slack on top of its rounding.
FX_TOLERANCE = Decimal("0.02")

_T = TypeVar("_T")


@attrs.define(slots=False)  # slots off: cached_property needs an instance __dict__
class Context:
    """Everything the rules need; built by :func:`build_context`."""

    facts: list[Fact]
    groups: dict[tuple[Any, ...], list[Fact]]
    documents: dict[str, Document]
    reference: list[ReferenceFact]
    entity_ids: dict[str, str]
    fx: FxTable

    @functools.cached_property
    def by_doc(self) -> dict[str, list[Fact]]:
        """The facts of each document, in order: rules that look within one article use this."""
        out: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            out[fact.doc].append(fact)
        return dict(out)

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """``make()``, made once per context under ``key``: what several stages and rules read
        (stories, profiles, slips, FC201's decisions) is computed the first time it is asked for."""
        if key not in self.__dict__:
            self.__dict__[key] = make()
        value: _T = self.__dict__[key]
        return value

    def entity_id(self, name: str | None) -> str | None:
        return None if name is None else self.entity_ids.get(name, name)

    def same_entity(self, a: Fact, b: Fact) -> bool:
        """Two facts may be about the same entity: equal ids, or one of them unknown."""
        return a.entity_id is None or b.entity_id is None or a.entity_id == b.entity_id

    def rate(self, base: str, quote: str, on: dt.date) -> FxRate | None:
        try:
            return self.fx.rate(base, quote, on)
        except FxError:
            return None

    def in_currency(self, fact: Fact, currency: str, on: dt.date | None) -> tuple[Interval, FxRate | None] | None:
        """The fact's interval in ``currency`` at the date ``on``, widened by the FX tolerance."""
        q = fact.quantity
        assert q.interval is not None
        if q.currency == currency:
            return q.interval, None
        if on is None or q.currency is None:
            return None
        rate = self.rate(q.currency, currency, on)
        if rate is None:
            return None
        iv = q.interval.scale(rate.rate)
        lo = None if iv.low is None else iv.low * (1 - FX_TOLERANCE)
        hi = None if iv.high is None else iv.high * (1 + FX_TOLERANCE)
        return Interval(lo, hi, iv.low_closed, iv.high_closed), rate


def build_context(
    documents: Sequence[Document],
    quantities: Sequence[Sequence[Quantity]] | None = None,
    *,
    facts: Sequence[Fact] | None = None,
    reference: Iterable[ReferenceFact] = (),
    aliases: AliasTable | None = None,
    fx: FxTable | None = None,
) -> Context:
    """Facts from every document, entities resolved across sources, grouped by what they claim.

    Give either the documents and their quantities, or (for runs that do not keep texts) the
    facts :func:`document_facts` made of them.
    """
    reference = list(reference)
    if facts is None:
        assert quantities is not None
        facts = [f for doc, qs in zip(documents, quantities, strict=True) for f in document_facts(doc, qs)]
    names = sorted({f.entity_name for f in facts if f.entity_name} | {r.entity for r in reference})
    entity_ids = EntityResolver(aliases or AliasTable.default()).resolve(names) if names else {}
    resolved = [f.with_entity_id(entity_ids.get(f.entity_name)) if f.entity_name else f for f in facts]
    groups: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for fact in resolved:
        key = fact.key()
        if key is not None:
            groups[key].append(fact)
    return Context(resolved, dict(groups), {d.path: d for d in documents}, reference, entity_ids,
                   fx or default_table())
