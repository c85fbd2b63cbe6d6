"""The checking context: facts from every source, resolved, grouped and ready for the rules.

The context is built once per run (:func:`build_context`) and handed to every rule; rules only
read it. Shared judgements live here so that every rule makes them the same way: whether two
facts may be about the same entity, and how to compare two amounts in different currencies.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from factcheck.attribute.calendar import calendar_claims
from factcheck.attribute.entities import EntityFinder
from factcheck.attribute.sentences import Sentences
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


def document_facts(doc: Document, quantities: Sequence[Quantity]) -> list[Fact]:
    """The facts of one document, with everything later stages need from its text.

    Pure and picklable: it runs in worker processes, and nothing after it needs the text again.
    Entity ids are not set here; they need every document's names (:func:`build_context`).
    """
    text = doc.text
    sentences = Sentences(text)
    salient = EntityFinder(text, doc.body_start, sentences).salient if any(not q.entity for q in quantities) else None
    lines = _Lines(text)
    kept = [q for q in _inherit_basis(quantities) if text[lines.start(q.start) : lines.start(q.start) + 1] != "|"]
    by_sentence: dict[tuple[int, int], list[Quantity]] = defaultdict(list)
    for q in kept:
        by_sentence[sentences.at(q.start)].append(q)
    keys = {span: _masked(text, span, members) for span, members in by_sentence.items()}
    # weekday dates and spans of years (FC601, FC603): made after the amounts and appended, so that
    # the amounts' facts, masks and contexts stay as they are; only rules that read kinds "date"
    # and "span" use them (they have no entity and no metric)
    claims = calendar_claims(text, doc.body_start, doc.published, {q.start for q in quantities})
    from factcheck.baseline import fingerprint_sentences, normalise

    wrapped = fingerprint_sentences(doc) if kept or claims else None
    contexts: dict[tuple[int, int], str] = {}  # once a sentence: a long one may hold thousands of figures

    def placed(q: Quantity, **found: Any) -> Fact:
        """``q`` as a fact of this document: its sentence, line, column, excerpt and context."""
        span = sentences.at(q.start)
        if span not in keys:  # a calendar claim in a sentence with no amount: nothing masked
            keys[span] = _masked(text, span, ())
        assert wrapped is not None
        around = wrapped.at(q.start)
        if around not in contexts:
            contexts[around] = normalise(text[slice(*around)])
        return Fact(doc=doc.path, quantity=q, published=doc.published, sentence=span, sentence_key=keys[span],
                    line=lines.number(q.start), col=q.start - lines.start(q.start) + 1,
                    excerpt=_excerpt(text, q.start, q.end, lines), context=contexts[around], **found)

    facts = [placed(q, base=base_of(text, q.start, q.end) if q.kind in ("change", "difference") else None,
                    earlier=is_earlier(text, q.start, q.end), entity_name=q.entity or salient) for q in kept]
    return facts + [placed(q) for q in claims]


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


_WORDS = re.compile(r"\w+")


def _masked(text: str, span: tuple[int, int], members: Sequence[Quantity]) -> str:
    """A sentence's words with every figure replaced by one placeholder: copied sentences match."""
    parts, pos = [], span[0]
    for q in sorted(members, key=lambda q: q.start):
        parts.append(text[pos : q.start])
        parts.append(" NUM ")
        pos = q.end
    parts.append(text[pos : span[1]])
    return " ".join(_WORDS.findall("".join(parts).lower()))


class _Lines:
    """Where each line of a text starts, found once: a document's figures look up their line
    number and line bounds by bisection, not by scanning back (on one long line, a scan per
    figure is quadratic)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.length = len(text)

    def number(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def end(self, offset: int) -> int:
        """Where the line of ``offset`` ends (its line break, or the end of the text)."""
        i = bisect.bisect_right(self.starts, offset)
        return self.starts[i] - 1 if i < len(self.starts) else self.length


def _excerpt(text: str, start: int, end: int, lines: _Lines, reach: int = 60) -> str:
    left, right = lines.start(start), lines.end(end)
    lo, hi = max(left, start - reach), min(right, end + reach)
    snippet = text[lo:start] + "«" + text[start:end] + "»" + text[end:hi]
    return ("…" if lo > left else "") + snippet.strip() + ("…" if hi < right else "")


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
