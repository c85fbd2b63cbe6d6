"""Calendar claims: a weekday written with its date, and a span of years or seasons.

Most of what factcheck reads is an amount: a figure with a unit that the extractor scans for.
Two kinds of claim in news copy are not amounts, yet are checkable inside one article:

- ``"Thursday, Jan. 18, 2023"`` claims that 18 January 2023 was a Thursday (it was a Wednesday),
  and ``"Friday, 31 June"`` names a day that does not exist;
- ``"a 11-year deal ... starting with 2025-26 and end in 2036-37"`` states a count of seasons
  that its own first and last season contradict (that is 12 seasons).

The extractor's scanner finds neither (a date and a span of years are not quantities to compare
across sources), and teaching it to would change what ``factcheck extract`` reports. So this
module reads them from the text on its own, once, when a document's facts are built
(:func:`factcheck.check.document_facts`), and returns them as :class:`~factcheck.model.Quantity`
values of kind ``"date"`` and ``"span"`` that carry everything the rules need once the text is
dropped. They have no metric, so they never join a group of facts compared across sources.

Both patterns are compiled once and run with ``finditer``; each starts on a distinctive token (a
weekday name; a year or an introducing word) and every repetition in them is bounded, so a
text costs time linear in its length (see ``benchmarks/adversarial.py``).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Collection
from decimal import Decimal

from factcheck.model import Interval, Period, Quantity

__all__ = ["KINDS", "MONTHS", "WEEKDAYS", "calendar_claims", "longest_month", "month_name", "season_spans",
           "true_weekday", "weekday_dates", "written_date"]

#: The kinds of the quantities made here, and the ranks of :mod:`factcheck.attribute.ranks`:
#: claims that are not amounts, which rules that compare amounts leave out.
KINDS = frozenset({"date", "span", "rank"})

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

#: A month's number by the first three letters of its name ("Sept." and "September" are "sep").
_MONTH_NUMBER = {name[:3].lower(): n for n, name in enumerate(MONTHS, 1)}

# --- weekday dates ----------------------------------------------------------------------------

# Names are matched capitalised only: "may" the verb and "sat" stay out. A day ends at no digit,
# time or thousands separator ("May 12:30", "May 1,000"); a year at no letter, digit or percent.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
_WEEKDAY_DATE = re.compile(
    rf"""
    \b(?P<weekday>{"|".join(WEEKDAYS)}) ,?\s{{1,3}}
    (?:
        (?P<mon1>{_MONTH}) \s{{0,3}} (?P<day1>{_DAY})                      # Jan. 18 / August 17th
      | (?:the\s{{1,3}})? (?P<day2>{_DAY}) (?:\s{{1,3}}of)? \s{{1,3}} (?P<mon2>{_MONTH})  # 14 August / 12th of May
    )
    (?: ,?\s{{1,3}} (?P<year>(?:18|19|20)\d\d) (?![\w%]|[.,:/-]\d) )?
    """,
    re.VERBOSE,
)
# "Friday and Saturday, May 12 and 13": a pair of days, whose first weekday is not the date's.
_RANGE_BEFORE = re.compile(r"(?:day|\d)\s{0,3}(?:[-–—/&]|\band|\bor|\bto|\bthrough|\bthru|\buntil|\btill)\s{0,3}$")
_RANGE_AFTER = re.compile(r"\s{0,3}(?:[-–—/&]|and\b|or\b|to\b|through\b|thru\b|until\b|till\b)\s{0,3}\d")
# "He said on Monday, March 3 was the deadline": the date is the subject of a clause of its own.
_CLAUSE_AFTER = re.compile(r",?\s{1,3}(?:is|was|will|would|could|should|might|marks|marked|has|had|remains|"
                           r"became|becomes|saw|sees)\b")

#: How many characters before a weekday are read to see whether it ends a pair of days.
_BEFORE = 24


def weekday_dates(text: str, start: int = 0, end: int | None = None, published: dt.date | None = None,
                  amounts: Collection[int] = ()) -> list[Quantity]:
    """The weekdays written with a date in ``text[start:end]``, as quantities of kind ``"date"``.

    ``text`` is the quantity's ``text`` from the weekday to the date's last character,
    ``literal`` the weekday as written. When the date exists, ``period`` is that day and ``value``
    its ordinal (:meth:`datetime.date.toordinal`). A date without a year takes the year that puts
    it nearest to ``published``; without either, it is skipped unless no year has that day ("31
    June"). A date that does not exist ("29 February 2023") has ``value`` the day as written and
    ``period`` the month it was sought in (``None`` when the year is unknown): no such date.

    ``amounts`` are offsets at which the extractor found an amount: a "year" that starts there
    is a count ("on Friday, May 12, 2000 people marched"), and the date is read without it.
    """
    out = []
    stop = len(text) if end is None else end
    for m in _WEEKDAY_DATE.finditer(text, start, stop):
        day_group = "day1" if m.group("day1") else "day2"
        if _RANGE_BEFORE.search(text, max(start, m.start() - _BEFORE), m.start()):
            continue
        if _RANGE_AFTER.match(text, m.end(day_group), stop):
            continue
        last = m.end()
        year_text = m.group("year")
        if year_text is not None and m.start("year") in amounts:
            year_text, last = None, m.end("mon2") if day_group == "day2" else m.end("day1")
        if _CLAUSE_AFTER.match(text, last, stop):
            continue
        month = _MONTH_NUMBER[(m.group("mon1") or m.group("mon2"))[:3].lower()]
        day = _day_number(m.group(day_group))
        q = _date_quantity(text[m.start() : last], m.start(), last, m.group("weekday"), month, day,
                           None if year_text is None else int(year_text), published)
        if q is not None:
            out.append(q)
    return out


def _date_quantity(written: str, start: int, end: int, weekday: str, month: int, day: int, year: int | None,
                   published: dt.date | None) -> Quantity | None:
    if year is None and published is not None:
        year = _nearest_year(month, day, published)
    if year is None:
        if day <= longest_month(month):
            return None  # a day that exists in some year: which year it is cannot be told
        return _quantity(written, start, end, weekday, Decimal(day), None)
    if day > _calendar.monthrange(year, month)[1]:
        month_start = dt.date(year, month, 1)
        month_end = dt.date(year, month, _calendar.monthrange(year, month)[1])
        return _quantity(written, start, end, weekday, Decimal(day),
                         Period(month_start, month_end, "month", f"{year:04d}-{month:02d}"))
    date = dt.date(year, month, day)
    return _quantity(written, start, end, weekday, Decimal(date.toordinal()),
                     Period(date, date, "day", date.isoformat()))


def _quantity(written: str, start: int, end: int, weekday: str, value: Decimal, period: Period | None) -> Quantity:
    return Quantity(start=start, end=end, text=written, value=value, unit="date", kind="date",
                    interval=Interval.point(value), literal=weekday, period=period)


def longest_month(month: int) -> int:
    """The most days ``month`` has in any year (29 for February)."""
    return 29 if month == 2 else _calendar.monthrange(2001, month)[1]


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts ``month``/``day`` nearest to ``published``, earlier on a tie (news
    reports what happened more than what is to come). The year is chosen by the month's place
    in the calendar, the day clipped to the month's length, so a "29 February" near a year with
    none is sought in that year (and found not to exist) rather than moved to another year."""
    def distance(year: int) -> int:
        clipped = min(day, _calendar.monthrange(year, month)[1])
        return abs((dt.date(year, month, clipped) - published).days)

    years = [y for y in (published.year - 1, published.year, published.year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    return min(years, key=lambda y: (distance(y), y))


def true_weekday(q: Quantity) -> str | None:
    """The weekday of a ``"date"`` quantity's date; ``None`` when no such date exists."""
    if q.period is None or q.period.granularity != "day":
        return None
    return WEEKDAYS[q.period.start.weekday()]


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def written_date(q: Quantity) -> tuple[int, int, int | None]:
    """The month, day and year (``None`` when not written) of a ``"date"`` quantity, as written."""
    m = _WEEKDAY_DATE.fullmatch(q.text)
    assert m is not None, q.text
    day = m.group("day1") or m.group("day2")
    month = _MONTH_NUMBER[(m.group("mon1") or m.group("mon2"))[:3].lower()]
    return month, _day_number(day), None if m.group("year") is None else int(m.group("year"))


def _day_number(written: str) -> int:
    """The day of "17th", "05" or "3"."""
    return int(written.rstrip("stndrh"))


# --- spans of years and seasons ---------------------------------------------------------------

# One element: a year ("2021"), a season or fiscal year ("2025-26", "2025/26", "2025-2026"), or a
# range written as one ("2021-26", "2021–2026"), "FY" before it or not. Never part of a longer number,
# an amount or a word.
_ELEMENT = r"(?:19|20)\d\d(?:[-–/](?:\d\d){1,2})?"
_SPAN = re.compile(
    rf"""
    (?:\b(?P<intro>(?i:from|between|starting\s{{1,3}}(?:with|in|from)|beginning\s{{1,3}}(?:with|in)|spanning
       |covering))\s{{1,3}}(?:the\s{{1,3}})?)?
    (?<![\w$€£¥₹.,/-]) (?:FY\s?)? (?P<first>{_ELEMENT}) (?![\w%-]|[.,:/]\d)
    (?:\s{{1,3}}(?:season|campaign|fiscal\s{{1,3}}year|financial\s{{1,3}}year|school\s{{1,3}}year)s?\b)?
    (?:
        (?P<link>
            \s{{0,3}}[–—]\s{{0,3}} | \s{{1,3}}-\s{{1,3}}                           # 2021 – 2026
          | \s{{1,3}}(?:to|through|thru|until|till|into)\s{{1,3}}(?:the\s{{1,3}})?   # to the 2035-36
          | ,?\s{{1,3}}and\s{{1,3}}(?:(?:will\s{{1,3}})?(?:end|ends|ending|run|runs|running|last|lasts|lasting|
              continue|continues|continuing|conclude|concludes|concluding|expire|expires|expiring|go|goes|going)
              \s{{1,3}})?(?:in|through|thru|until|till|to|with)\s{{1,3}}(?:the\s{{1,3}})?  # and end in
          | \s{{1,3}}(?P<bare>and)\s{{1,3}}(?:the\s{{1,3}})?                         # between 2021 and 2026
        )
        (?<![\w$€£¥₹.,/-]) (?:FY\s?)? (?P<last>{_ELEMENT}) (?![\w%-]|[.,:/]\d)
    )?
    """,
    re.VERBOSE,
)
#: The longest span read as one (a century of seasons is no contract).
_LONGEST = 100


def season_spans(text: str, start: int = 0, end: int | None = None, amounts: Collection[int] = ()) -> list[Quantity]:
    """The first-and-last spans of years or seasons in ``text[start:end]``, as kind ``"span"``.

    ``unit`` is ``"season"`` for seasons or fiscal years written "2025-26" (counted inclusive:
    2025-26 to 2036-37 is 12 seasons) and ``"year"`` for plain years (2021 to 2026); ``low`` and
    ``high`` are the first and last (starting) years, ``value`` the inclusive count. Plain years
    may be meant as calendar years (six) or as an interval (five): the rule accepts both.
    An element that starts where the extractor found an amount (``amounts``) is no year.
    """
    out = []
    stop = len(text) if end is None else end
    for m in _SPAN.finditer(text, start, stop):
        if m.start("first") in amounts or (m.group("last") and m.start("last") in amounts):
            continue
        span = _read_span(m)
        if span is None:
            continue
        unit, first, last = span
        value = Decimal(last - first + 1)
        out.append(Quantity(start=m.start(), end=m.end(), text=m.group(), value=value, unit=unit, kind="span",
                            interval=Interval.point(value), low=Decimal(first), high=Decimal(last),
                            literal=m.group("first")))
    return out


def _element(written: str) -> tuple[str, int, int] | None:
    """``("year", y, y)``, ``("season", y, y)`` or ``("range", first, last)``; ``None`` if it is neither."""
    parts = re.split(r"[-–/]", written)
    first = int(parts[0])
    if len(parts) == 1:
        return "year", first, first
    second = parts[1]
    if len(second) == 2:
        if int(second) == (first + 1) % 100:
            return "season", first, first
        last = first - first % 100 + int(second)
        return ("range", first, last) if last > first else None
    last = int(second)
    if last == first + 1:
        return "season", first, first  # "2025-2026" is one season; as a range of years it is one or two
    return ("range", first, last) if last > first else None


def _read_span(m: re.Match[str]) -> tuple[str, int, int] | None:
    first = _element(m.group("first"))
    if first is None:
        return None
    if m.group("link") is None:
        # a range written as one element: "2021-2026", "2021-26"
        if first[0] != "range" or "/" in m.group("first") or first[2] - first[1] > _LONGEST:
            return None
        return "year", first[1], first[2]
    if m.group("bare") and (m.group("intro") or "").lower() != "between":
        return None  # "2021 and 2026" without "between" is a list of two years, not a span
    last = _element(m.group("last"))
    if last is None or last[0] != first[0] or first[0] == "range":
        return None  # mixed or nested forms are not read
    if not 0 < last[1] - first[1] <= _LONGEST:
        return None
    return ("season" if first[0] == "season" else "year"), first[1], last[1]


def calendar_claims(text: str, body_start: int = 0, published: dt.date | None = None,
                    amounts: Collection[int] = ()) -> list[Quantity]:
    """Every weekday date and span of years in the body of ``text``, in order of position."""
    found = weekday_dates(text, body_start, None, published, amounts) + season_spans(text, body_start, None, amounts)
    return sorted(found, key=lambda q: (q.start, q.end))
