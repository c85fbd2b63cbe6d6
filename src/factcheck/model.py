"""The value classes that flow through the pipeline.

``Document`` is what was read; ``Quantity`` is one number as written, with its exact value, the
interval its precision and hedges allow, its unit and kind, and (after attribution) who, what and
when; ``Period`` is a resolved time span. All are frozen attrs classes: a stage never mutates what
the stage before it produced, it returns new values (``attrs.evolve``).

Values are :class:`~decimal.Decimal` so that "19.0" and "19" keep their precision and no binary
float ever rounds a figure an editor will read.
"""

from __future__ import annotations

import datetime as dt
import operator
from decimal import Decimal
from html import escape
from typing import Any, Literal, TypeVar

import attrs

from factcheck._views import table

Bound = Literal["=", "~", ">", ">=", "<", "<="]
#: "date" and "span" are calendar claims (a weekday with its date, a first and last year), which
#: :mod:`factcheck.attribute.calendar` reads and only the rules about them (FC601, FC603) use;
#: "rank" is an ordinal rank (:mod:`factcheck.attribute.ranks`, FC602).
Kind = Literal["level", "change", "difference", "range", "age", "date", "span", "rank"]

_C = TypeVar("_C", bound=type)


def pickled_by_fields(cls: _C) -> _C:
    """Pickle instances as their class and field values, rebuilt through ``__init__``: about a
    third smaller and faster than attrs' state dict, which counts when worker processes send a
    corpus's facts back (:mod:`factcheck.parallel`)."""
    names = tuple(a.name for a in attrs.fields(cls))
    values = operator.attrgetter(*names)

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        got = values(self)
        return cls, (got if len(names) > 1 else (got,))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


@pickled_by_fields
@attrs.frozen
class Interval:
    """A set of real numbers ``[low, high]``; ``None`` ends are unbounded.

    >>> Interval(Decimal("18.5"), Decimal("19.5")).overlaps(Interval(Decimal(19), None, low_closed=False))
    True
    """

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def contains(self, x: Decimal) -> bool:
        if self.low is not None and (x < self.low or (x == self.low and not self.low_closed)):
            return False
        return not (self.high is not None and (x > self.high or (x == self.high and not self.high_closed)))

    @property
    def positive(self) -> bool:
        """Every number in it is above zero: it may be divided by (:func:`factcheck.intervals.div`)
        and is a measured amount, not an open bound such as "less than $100bn"."""
        return self.low is not None and self.low > 0

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        return self.intersect(other) is not None

    def intersect(self, other: Interval) -> Interval | None:
        low, low_closed = _tighter(self.low, self.low_closed, other.low, other.low_closed, Decimal.__gt__)
        high, high_closed = _tighter(self.high, self.high_closed, other.high, other.high_closed, Decimal.__lt__)
        if low is not None and high is not None and (low > high or (low == high and not (low_closed and high_closed))):
            return None
        return Interval(low, high, low_closed, high_closed)

    def scale(self, factor: Decimal) -> Interval:
        """Multiply both ends by a positive factor."""
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_closed,
            self.high_closed,
        )

    def __str__(self) -> str:
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "inf" if self.high is None else _fmt(self.high)
        return f"{'[' if self.low_closed else '('}{lo}, {hi}{']' if self.high_closed else ')'}"


def _tighter(a: Decimal | None, ac: bool, b: Decimal | None, bc: bool, better: Any) -> tuple[Decimal | None, bool]:
    if a is None:
        return b, bc
    if b is None:
        return a, ac
    if a == b:
        return a, ac and bc
    return (a, ac) if better(a, b) else (b, bc)


def _fmt(x: Decimal) -> str:
    return f"{x.normalize():f}" if x == x.to_integral_value() else str(x)


@pickled_by_fields
@attrs.frozen
class Period:
    """A span of calendar time that a quantity is about, both ends inclusive.

    ``granularity`` is one of ``day``, ``month``, ``quarter``, ``half``, ``year``, ``fiscal_year``,
    ``range``; ``key`` is the contract's text form (``2024``, ``2024-Q4``, ``FY2025``,
    ``2025-01-01..2025-02-24``). ``forward_looking`` marks forecasts and plans, which never
    conflict with actual figures.
    """

    start: dt.date
    end: dt.date
    granularity: str
    key: str
    forward_looking: bool = False

    def __str__(self) -> str:
        return self.key


@pickled_by_fields
@attrs.frozen
class Qualifiers:
    """What separates two otherwise equal facts: listing, accounting basis, estimate, headline."""

    listing: str | None = None  # "HK", "US", ...
    basis: str | None = None  # "non-GAAP", "IFRS", "adjusted", ...
    estimate: bool = False  # a forecast, consensus or plan rather than a reported figure
    headline: bool = False  # stated in a title line rather than the body


@pickled_by_fields
@attrs.frozen
class Quantity:
    """One quantitative claim as written, at ``text[start:end]`` of its document.

    ``value`` is fully scaled and signed for changes; ``interval`` is what the written precision
    and hedges allow; ``low``/``high`` are the ends of a written range. ``leads_to`` is the span of
    the level a change arrives at ("rose 8% to Rmb280bn"); ``converts`` is the span of the amount a
    parenthetical conversion restates ("Rmb72.5bn ($10bn)").
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    bound: Bound = "="
    kind: Kind = "level"
    interval: Interval | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    literal: str = ""
    precision: Decimal | None = None  # the value of one unit in the last written digit, scaled
    leads_to: tuple[int, int] | None = None
    converts: tuple[int, int] | None = None
    entity: str | None = None
    metric: str | None = None
    period: Period | None = None
    qualifiers: Qualifiers = Qualifiers()

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def currency(self) -> str | None:
        """The ISO 4217 code of a money amount or per-unit price, else ``None``."""
        if self.unit and len(self.unit) >= 3 and self.unit[:3].isupper() and self.unit[:3].isalpha():
            return self.unit[:3]
        return None

    def to_dict(self) -> dict[str, Any]:
        """The contract's fields, JSON-ready (numbers as int or float)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": _num(self.value),
            "unit": self.unit,
            "bound": self.bound,
            "kind": self.kind,
            "low": None if self.low is None else _num(self.low),
            "high": None if self.high is None else _num(self.high),
            "entity": self.entity,
            "metric": self.metric,
            "period": None if self.period is None else self.period.key,
            "interval": None if self.interval is None else str(self.interval),
        }

    def __repr__(self) -> str:
        extra = "".join(f" {k}={v!r}" for k, v in (("entity", self.entity), ("metric", self.metric)) if v)
        period = f" period={self.period.key}" if self.period else ""
        return (f"<Quantity {self.text!r} {self.bound}{_fmt(self.value)} {self.unit or ''} "
                f"{self.kind} @{self.start}{extra}{period}>").replace("  ", " ")

    def _repr_html_(self) -> str:
        """A two-column table of the fields."""
        rows = [[f"<b>{escape(k)}</b>", escape("" if v is None else str(v))] for k, v in self.to_dict().items()]
        return table(["field", "value"], rows)


#: The columns of :meth:`Quantities._repr_html_`: where, what, and who/what/when it is about.
QUANTITY_COLUMNS = ("start", "text", "value", "unit", "kind", "interval", "entity", "metric", "period")


class Quantities(list[Quantity]):
    """The quantities of a text (what ``factcheck.extract`` returns): a plain ``list`` that a
    notebook shows as one table, a row a quantity, rather than a column of reprs.

    >>> Quantities([])._repr_html_().count("<tr>")
    1
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        rows = []
        for q in self:
            fields = q.to_dict()
            rows.append([escape("" if fields[k] is None else str(fields[k])) for k in QUANTITY_COLUMNS])
        return table(list(QUANTITY_COLUMNS), rows)


def _num(x: Decimal) -> int | float:
    return int(x) if x == x.to_integral_value() and abs(x) < 10**18 else float(x)


@attrs.frozen
class Document:
    """A text as read from disk (or given in memory), with its front-matter metadata.

    Offsets everywhere are into ``text``, the whole decoded file, front matter included.
    ``body_start`` is where the text after the front matter begins.
    """

    path: str
    text: str
    body_start: int = 0
    meta: dict[str, Any] = attrs.field(factory=dict, hash=False)
    published: dt.date | None = None

    @property
    def source(self) -> str | None:
        value = self.meta.get("source")
        return None if value is None else str(value)
