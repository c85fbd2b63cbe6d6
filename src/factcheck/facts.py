"""The facts stage: a document's quantities placed in it, with what later stages need of its text.

:func:`extract_document` runs the per-document stages (read text -> extract -> attribute);
:func:`document_facts` turns its quantities into :class:`Fact` values. A fact is a
:class:`~factcheck.model.Quantity` plus where it was written (the document, its publication date
and salient entity, its sentence, line and column) and, once the group stage has resolved names
across sources, its entity id. Its :meth:`Fact.key` says which other facts it claims the same
thing as. Both functions are pure and picklable: they run in worker processes, and nothing after
them needs the text again.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from factcheck.attribute import attribute
from factcheck.attribute.calendar import calendar_claims
from factcheck.attribute.entities import EntityFinder
from factcheck.attribute.metrics import MetricVocabulary
from factcheck.attribute.ranks import rank_claims
from factcheck.attribute.sentences import Sentences, fingerprint_sentences, normalise
from factcheck.extract import scan
from factcheck.extract.patterns import CJK
from factcheck.model import Document, Interval, Quantity, pickled_by_fields
from factcheck.offsets import Lines, Region, excerpt, line_col, region
from factcheck.scope import prose

_BASE = (
    (re.compile(r"\b(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|yoy|y/y|on[\s-]year|from\s+a\s+year\s+(?:earlier|ago)|"
                r"year[\s-]earlier|a\s+year\s+(?:earlier|ago)|same\s+(?:quarter|period)\s+(?:last|a)\s+year)\b",
                re.IGNORECASE), "yoy"),
    (re.compile(r"\b(?:quarter[\s-]on[\s-]quarter|qoq|q/q|sequential(?:ly)?|on\s+a\s+sequential\s+basis|"
                r"from\s+the\s+previous\s+quarter|month[\s-]on[\s-]month)\b", re.IGNORECASE), "qoq"),
    (re.compile(r"\b(?:year[\s-]to[\s-]date|ytd|so\s+far\s+this\s+year|this\s+year)\b", re.IGNORECASE), "ytd"),
)
_EARLIER_BEFORE = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|original(?:ly)?)\b"   # the previously projected 1% to 3%
    r"|\b(?:from|compared\s+(?:to|with)|against|versus|vs\.?)\s+$",  # rose 3.6% to X, from Y: Y is the base
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(r"\s*(?:earlier|before|previously)\b", re.IGNORECASE)


@pickled_by_fields
@attrs.frozen
class Fact:
    """A quantity as written in one document, ready to be compared with others."""

    doc: str
    quantity: Quantity
    published: dt.date | None = None
    entity_id: str | None = None
    base: str | None = None  # what a change is measured against: "yoy", "qoq", "ytd", or unstated
    earlier: bool = False  # a figure the sentence marks as superseded ("from 1%-3% earlier")
    # what the text around the figure says, kept so that the text itself can be dropped
    entity_name: str | None = None  # the quantity's own entity, or its article's salient one
    sentence: tuple[int, int] = (0, 0)  # the sentence's span in the document
    sentence_key: str = ""  # the sentence's words with every figure masked: equal in copied copy
    line: int = 0
    col: int = 0
    excerpt: str = ""  # the sentence around the figure, the figure marked «like this»
    context: str = ""  # the normalised sentence that baseline fingerprints quote

    @property
    def q(self) -> Quantity:
        return self.quantity

    def dimension(self) -> str:
        """What kind of number: a currency family, a unit, percent or points; never mixed in a cluster."""
        q = self.quantity
        if q.currency:
            return "money/" + q.unit.split("/", 1)[1] if q.unit and "/" in q.unit else "money"
        return q.unit or "count"

    def key(self) -> tuple[Any, ...] | None:
        """What the fact is about; facts with equal keys claim the same thing. ``None``: untestable."""
        q = self.quantity
        if q.metric is None:
            return None
        kind = {"range": "level"}.get(q.kind, q.kind)
        quals = q.qualifiers
        return (q.metric, kind, self.dimension(), quals.listing, quals.estimate, self.earlier, self.entity_id)

    def with_entity_id(self, entity_id: str | None) -> Fact:
        """This fact resolved to ``entity_id``: ``attrs.evolve`` without its per-call overhead,
        which shows when a corpus's facts are resolved at once."""
        fields = _FACT_FIELDS(self)
        return Fact(*fields[:_ENTITY_ID], entity_id, *fields[_ENTITY_ID + 1 :])  # type: ignore[call-arg]

    def period_id(self) -> tuple[dt.date, dt.date] | None:
        """The period as a span of dates, so "FY2025-Q1" (March year end) and "2024-Q2" meet."""
        p = self.quantity.period
        return None if p is None else (p.start, p.end)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, **self.quantity.to_dict()}

    # Where the fact is, for every format: from its document's text when the run kept it, else as
    # the fact recorded it (streamed runs, archives and Dask drop the texts).

    def where(self, texts: Mapping[str, str]) -> tuple[int, int]:
        """The 1-based line and column of the figure."""
        text = texts.get(self.doc)
        return line_col(text, self.q.start) if text is not None else (self.line, self.col)

    def region(self, texts: Mapping[str, str]) -> Region:
        """The lines and columns of the figure, start and end."""
        text = texts.get(self.doc)
        if text is not None:
            return region(text, self.q.start, self.q.end)
        written = self.q.text
        breaks = written.count("\n")
        end_col = len(written) - written.rfind("\n") if breaks else self.col + len(written)
        return Region(self.line, self.col, self.line + breaks, end_col)

    def shown(self, texts: Mapping[str, str]) -> str:
        """The line around the figure, the figure marked «like this»."""
        text = texts.get(self.doc)
        return excerpt(text, self.q.start, self.q.end) if text is not None else self.excerpt


def extract_document(doc: Document, *, vocabulary: MetricVocabulary | None = None) -> list[Quantity]:
    """The quantities of one document, offsets into its whole text, with who, what and when.

    The scanner and attribution read prose only (:func:`factcheck.scope.prose`): front matter,
    code and HTML comments are blanked out, keeping every offset, so no figure is found in them
    and none of their words names an entity, a metric or a period."""
    text = prose(doc)
    body = text[doc.body_start :]
    found = [_shift(q, doc.body_start) for q in scan(body)] if doc.body_start else scan(body)
    if text is not doc.text:
        # a figure written across a skipped region ("$5`x`bn") is not one the writer wrote
        found = [q for q in found if doc.text[q.start : q.end] == q.text]
        doc = attrs.evolve(doc, text=text)
    return attribute(doc, found, vocabulary=vocabulary)


def document_facts(doc: Document, quantities: Sequence[Quantity]) -> list[Fact]:
    """The facts of one document, with everything later stages need from its text.

    Pure and picklable: it runs in worker processes, and nothing after it needs the text again.
    Entity ids are not set here; they need every document's names (:func:`build_context`).
    """
    text = prose(doc)  # what the scanner read: skipped regions name no entity and hold no date
    sentences = Sentences(text)
    salient = EntityFinder(text, doc.body_start, sentences).salient if any(not q.entity for q in quantities) else None
    lines = Lines(text)
    kept = [q for q in _inherit_basis(quantities) if text[lines.start(q.start) : lines.start(q.start) + 1] != "|"]
    by_sentence: dict[tuple[int, int], list[Quantity]] = defaultdict(list)
    for q in kept:
        by_sentence[sentences.at(q.start)].append(q)
    keys = {span: _masked(text, span, members) for span, members in by_sentence.items()}
    # weekday dates, spans of years and ordinal ranks (FC601, FC603, FC602): made after the amounts
    # and appended, so that the amounts' facts, masks and contexts stay as they are; only rules
    # that read those kinds use them (they have no entity)
    starts = {q.start for q in quantities}
    claims = sorted(calendar_claims(text, doc.body_start, doc.published, starts)
                    + rank_claims(text, doc.body_start, starts), key=lambda q: (q.start, q.end))
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
            contexts[around] = normalise(doc.text[slice(*around)])
        return Fact(doc=doc.path, quantity=q, published=doc.published, sentence=span, sentence_key=keys[span],
                    line=lines.number(q.start), col=q.start - lines.start(q.start) + 1,
                    excerpt=excerpt(doc.text, q.start, q.end, lines=lines), context=contexts[around], **found)

    facts = [placed(q, base=base_of(text, q.start, q.end) if q.kind in ("change", "difference") else None,
                    earlier=is_earlier(text, q.start, q.end), entity_name=q.entity or salient) for q in kept]
    return facts + [placed(q) for q in claims]


#: "Over $19 billion" is a bound, but no writer says it of $195bn: a lower bound is read as
#: excluding values this many times larger, so a tenfold slip behind a hedge is still caught.
OVER_CAP = Decimal(2)


def pragmatic(q: Quantity) -> Interval:
    """The interval of ``q`` with "more than X" capped at ``OVER_CAP`` times X."""
    assert q.interval is not None
    iv = q.interval
    if q.bound in (">", ">=") and iv.high is None and iv.low is not None and iv.low > 0:
        return Interval(iv.low, iv.low * OVER_CAP, iv.low_closed, True)
    if q.bound in ("<", "<=") and iv.low is None and iv.high is not None and iv.high < 0:
        return Interval(iv.high * OVER_CAP, iv.high, True, iv.high_closed)
    return iv


def comparable(a: Interval, b: Interval) -> bool:
    """True when the intervals share more than a single boundary point.

    Two rounded figures whose intervals only touch ("3.6" is [3.55, 3.65], "3.7" is [3.65, 3.75])
    cannot both be right under ordinary rounding (3.65 rounds one way), so touching is a conflict.
    """
    common = a.intersect(b)
    return common is not None and not (common.low is not None and common.low == common.high)


def base_of(text: str, start: int, end: int) -> str | None:
    """The base of a change named near it: year on year, quarter on quarter, year to date."""
    lo = max(0, start - 80)
    found = []
    for pattern, name in _BASE:
        for m in pattern.finditer(text, lo, end + 60):
            # the phrase nearest the number names its base; one just after it is nearest of all
            distance = m.start() - end if m.start() >= end else (start - m.end()) + 20
            found.append((distance, name))
    return min(found)[1] if found else None


def is_earlier(text: str, start: int, end: int) -> bool:
    """A figure the sentence marks as superseded: "from 1%-3% earlier", "the previously projected"."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 12]
    return bool(_EARLIER_BEFORE.search(before) or _EARLIER_AFTER.match(after))


_FACT_FIELDS = operator.attrgetter(*(a.name for a in attrs.fields(Fact)))
_ENTITY_ID = [a.name for a in attrs.fields(Fact)].index("entity_id")


# A word: a run of letters and digits, or one Chinese, Japanese or Korean character (that script
# writes no spaces; the linkage reads pairs of its characters as its words).
_WORDS = re.compile(rf"[{CJK}]|[^\W{CJK}]+")


def words(text: str) -> list[str]:
    """``text``'s words, lower case, as sentence keys hold them: each Chinese, Japanese or Korean
    character is a word of its own.

    >>> words("Barbie's NUM")
    ['barbie', 's', 'num']
    """
    return _WORDS.findall(text.lower())


def _masked(text: str, span: tuple[int, int], members: Sequence[Quantity]) -> str:
    """A sentence's words with every figure replaced by one placeholder: copied sentences match."""
    parts, pos = [], span[0]
    for q in sorted(members, key=lambda q: q.start):
        parts.append(text[pos : q.start])
        parts.append(" NUM ")
        pos = q.end
    parts.append(text[pos : span[1]])
    return " ".join(words("".join(parts)))


def _inherit_basis(quantities: Sequence[Quantity]) -> list[Quantity]:
    """A bare "net profit" takes the basis that the same article gives the same figure elsewhere."""
    labelled: dict[tuple[Any, ...], str | None] = {
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


def _shift(q: Quantity, offset: int) -> Quantity:
    return attrs.evolve(
        q,
        start=q.start + offset,
        end=q.end + offset,
        leads_to=None if q.leads_to is None else (q.leads_to[0] + offset, q.leads_to[1] + offset),
        converts=None if q.converts is None else (q.converts[0] + offset, q.converts[1] + offset),
    )
