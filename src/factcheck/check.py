"""The checking context: facts from every source, resolved, grouped and ready for the rules.

The context is built once per run (:func:`build_context`) and handed to every rule; rules only
read it. Shared judgements live here so that every rule makes them the same way: whether two
facts may be about the same entity, and how to compare two amounts in different currencies.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from factcheck.attribute.entities import EntityFinder
from factcheck.facts import Fact, base_of, is_earlier
from factcheck.fx import FxError, FxRate, FxTable, default_table
from factcheck.model import Document, Interval, Quantity
from factcheck.reference import ReferenceFact
from factcheck.resolve import AliasTable, EntityResolver

#: The ECB reference rate is an approximation of what a writer converted at, and rates move
#: within a week: a converted amount gets this much relative slack on top of its rounding.
FX_TOLERANCE = Decimal("0.02")


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
    quantities: Sequence[Sequence[Quantity]],
    *,
    reference: Iterable[ReferenceFact] = (),
    aliases: AliasTable | None = None,
    fx: FxTable | None = None,
) -> Context:
    """Facts from every document, entities resolved across sources, grouped by what they claim."""
    reference = list(reference)
    salients = {EntityFinder(d.text, d.body_start).salient for d, qs in zip(documents, quantities, strict=True)
                if any(not q.entity for q in qs)} - {None}
    names = sorted({q.entity for qs in quantities for q in qs if q.entity} | {r.entity for r in reference} | salients)
    entity_ids = EntityResolver(aliases or AliasTable.default()).resolve(names) if names else {}
    facts: list[Fact] = []
    for doc, qs in zip(documents, quantities, strict=True):
        # a figure whose own sentence names no entity is about its article's main subject
        salient = EntityFinder(doc.text, doc.body_start).salient if any(not q.entity for q in qs) else None
        for q in _inherit_basis(qs):
            if _in_table(doc.text, q.start):
                continue  # a Markdown table cell: no sentence around it to say what the number is
            facts.append(Fact(
                doc=doc.path,
                quantity=q,
                published=doc.published,
                entity_id=entity_ids.get(q.entity) if q.entity else (entity_ids.get(salient) if salient else None),
                base=base_of(doc.text, q.start, q.end) if q.kind in ("change", "difference") else None,
                earlier=is_earlier(doc.text, q.start, q.end),
            ))
    groups: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        key = fact.key()
        if key is not None:
            groups[key].append(fact)
    return Context(facts, dict(groups), {d.path: d for d in documents}, reference, entity_ids, fx or default_table())


def _in_table(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text[line_start : line_start + 1] == "|"


def _inherit_basis(quantities: Sequence[Quantity]) -> list[Quantity]:
    """A bare "net profit" takes the basis that the same article gives the same figure elsewhere."""
    labelled = {
        (q.metric, q.period, q.kind, q.value): q.qualifiers.basis
        for q in quantities
        if q.qualifiers.basis and q.metric
    }
    out = []
    for q in quantities:
        basis = labelled.get((q.metric, q.period, q.kind, q.value))
        if basis and not q.qualifiers.basis:
            q = attrs.evolve(q, qualifiers=attrs.evolve(q.qualifiers, basis=basis))
        out.append(q)
    return out
