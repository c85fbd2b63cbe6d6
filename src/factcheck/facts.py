"""Facts: quantities placed in their document, with the keys and intervals the checker compares.

A :class:`Fact` is a :class:`~factcheck.model.Quantity` plus where it was written (the document,
its publication date and salient entity) and the resolved entity id. Its :meth:`key` says which
other facts it claims the same thing as; :func:`interval` says what values its wording allows.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from decimal import Decimal
from typing import Any

import attrs

from factcheck.model import Interval, Quantity, pickled_by_fields

#: Relative tolerance for "about" ("about 30%" is 28.5-31.5 at the least), and for "nearly".
ABOUT = Decimal("0.05")
NEARLY = Decimal("0.10")

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
        return Fact(*fields[:_ENTITY_ID], entity_id, *fields[_ENTITY_ID + 1 :])

    def period_id(self) -> tuple[dt.date, dt.date] | None:
        """The period as a span of dates, so "FY2025-Q1" (March year end) and "2024-Q2" meet."""
        p = self.quantity.period
        return None if p is None else (p.start, p.end)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, **self.quantity.to_dict()}


def interval(fact: Fact) -> Interval:
    """The values the fact's wording allows, in its own unit (``low``/``high`` for ranges)."""
    q = fact.quantity
    assert q.interval is not None
    return q.interval


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
