"""Period phrases in news prose: find them and resolve them against the publication date.

A mention is ``[prefix] core [suffix]``. Each *core* rule is one verbose regex that starts on a
distinctive token (a year, a day number, a month or weekday name, "Q1", "FY", "fiscal", an
ordinal, "last", "next"...). One scan over the text finds those tokens and a dictionary says which
rules to try at each, so a sentence with no period in it costs a single regex pass:

======== ==============================================================================
date     May 28, 2024 · 28 May 2024 · Dec. 9 · 2024-05-28
month    October 2020 · May (after "in", "since", "mid-"...) · the June quarter
year     2024 · 2020-2024 · the 2024 fourth quarter · the 2025 fiscal year
Qn / Hn  Q2 2025 · Q2'25 · 2Q25 · 1H24 · H1 2024 · Q1 FY25
ordinal  first quarter · second-half · the final 2024 quarter · first quarter of fiscal 2025 / of last year
         im dritten Quartal 2024 · au troisième trimestre · el primer trimestre de 2024 · no segundo semestre
fiscal   FY25 · FY2024-25 · fiscal (year) 2025 · fiscal 2025 first quarter · fiscal Q1 2025
ended    the three months ended March 31, 2024 · the fiscal year to March 2025
first N  the first nine months of 2024 · in den ersten neun Monaten · les neuf premiers mois de 2024
relative last/this/next/previous year|quarter|month|week · a year earlier · today · yesterday
weekday  (last | next | on) Friday
horizon  the next three years · the past 12 months · the coming decade
to-date  year-to-date · YTD
edge     the start | beginning | end of the year | quarter | month
======== ==============================================================================

The *prefix* is read backwards from a core in a short window: a role word ("as of", "since", "by",
"through", "so far", or a plain "in", "during", "over"...), "the", an edge ("the end of") and a
part ("mid-", "early", "late", "end-"). Only the modifiers a core accepts join its span ("mid-"
means nothing before "Q4"). The *suffix* is "alone", "so far" or "to date".

Resolution. Absolute phrases resolve without a publication date; relative ones need it and give
nothing without it. A quarter, half or month-quarter named without a year is the most recent
one that has ended on or before publication ("the fourth quarter" read on 2025-02-24 is
2024-Q4); a month and day without a year is the most recent such date on or before publication;
a bare weekday is the most recent one strictly before publication. A period that starts after
publication can only be a forecast or a plan, so it is marked ``forward_looking``.

Fiscal periods keep the label as written (``FY2025``, ``FY2025-Q1``). Their dates are real when
the caller knows the entity's fiscal year end month, otherwise they are the calendar period with
the same number, a placeholder that only the key should be compared on.

dateutil parses only the short date span a rule matched (never a sentence: it would take any
number it sees), and relativedelta does the arithmetic; quarter starts are computed from the
first of a month so that month-end clipping cannot shift them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

import attrs
from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from factcheck.model import Period

__all__ = ["PeriodMention", "find_periods", "resolve_period", "year_to_date"]


@attrs.frozen
class PeriodMention:
    """One period phrase at ``text[start:end]`` and what it resolved to.

    ``role`` is ``period`` (an ordinary span), ``as_of`` (an instant), ``since`` (from a start
    to publication) or ``to_date`` (from the start of a year, quarter or month to publication).
    """

    start: int
    end: int
    text: str
    period: Period
    role: str


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip

_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_FULL_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december")
)  # fmt: skip

_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA, "sunday": SU}

# Words after a number that make it a count or a measure rather than a year ("2000 years").
_NOT_YEAR_WORDS = (
    "million|billion|trillion|thousand|hundred|mn|bn|crore|lakh|percent|per\\s+cent|pct|bps|pp|"
    "basis\\s+points?|points?|people|persons|users|customers|employees|workers|staff|jobs|units?|"
    "vehicles|cars|shares|stores|tons|tonnes|barrels|ounces|yuan|dollars|euros|pounds|yen|rupees|"
    "won|km|kg|miles|meters|metres|mw|gw|kwh|years?|months?|days?|hours?|minutes?"
)

# Fragments spliced into the rule patterns below as {NAME}. Each is one line, so that a verbose
# pattern can keep a comment on the line that uses it.
_FRAGMENTS: dict[str, str] = {
    # a month name, capitalised so that the verb "may" and words like "Mayor" stay out
    "MONTH": (
        r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?"
        r"|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
        r"|Dec(?:ember|\.)?)(?![a-z])"
    ),
    # a plausible four-digit year
    "YEAR": r"(?:19\d\d|20\d\d|2100)",
    # what may not follow a year or a day: more of the number, a percent sign, a unit or scale
    "TAIL": r"(?:\w|[.,:/\-–]\d|\s*%|\s+(?:" + _NOT_YEAR_WORDS + r")\b)",
    # a small count, in digits or words (longest words first so "seventeen" beats "seven")
    "NUM": r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")",
    # the ordinals that name quarters and halves
    "ORD": r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)",
    # a day of the month, with an optional ordinal suffix
    "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
}

_FRAGMENT_NAME = re.compile(r"\{([A-Z]+)\}")


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # {2,4}-style repetitions contain no capital letters, so they are left alone
    return re.compile(_FRAGMENT_NAME.sub(lambda m: _FRAGMENTS[m.group(1)], pattern), re.VERBOSE | flags)


# --------------------------------------------------------------------------------------------
# Core patterns
# --------------------------------------------------------------------------------------------

_MONTH_CORE = _rx(
    r"""
    \b(?P<mon>{MONTH})                          # May / Dec. / September
    (?: \s* (?P<day>{DAY}) (?!{TAIL}) )?        # 28 / 9th, not "May 5%" nor "Mar 2024"'s "20"
    (?: ,?\s+ (?P<year>{YEAR}) (?!{TAIL}) )?    # , 2024
    (?P<mq> (?:\s+|-) quarter \b )?             # the June quarter: the three months ending in June
    (?: \s+of\s+ (?P<qyear>{YEAR}) \b )?        # the June quarter of 2025
    """
)

_DMY_CORE = _rx(
    r"""
    (?<![\w.,:/])                                   # not the end of a longer number or a time
    (?P<day>{DAY}) \s+ (?:of\s+)?                   # 28 / the 28th of
    (?P<mon>{MONTH})                                # May
    (?: ,?\s+ (?P<year>{YEAR}) (?!{TAIL}) )?        # 2024
    """
)

_ISO_CORE = _rx(
    r"""
    (?<![\w.\-/])                                   # not inside a longer code
    (?P<iso> {YEAR} - [01]\d - [0-3]\d )            # 2024-05-28
    (?![\w\-])                                      # and not followed by more of it
    """
)

_YEAR_CORE = _rx(
    r"""
    (?<![\w$€£¥#])(?<!\d[.,:/\-])                   # not part of a number, a price or a date
    (?<!pre-)(?<!post-)                             # "pre-2020" qualifies something else
    (?P<y>{YEAR})
    (?: \s?[-–]\s? (?P<y2>{YEAR}) )?                # 2020-2024
    (?: (?:\s+|-) (?P<fy>fiscal) [-\s] year \b )?  # the 2025 fiscal year
    (?: \s+ (?:(?P<fy2>fiscal)\s+)?                 # 2024 (fiscal) ...
        (?P<ord>{ORD}) (?:\s+|-)                    # ... fourth
        (?P<unit>quarter|half) \b )?                # ... quarter
    (?!{TAIL})                                      # not 2024%, 2,024, 2024 people
    """
)

_YEAR_RANGE_CORE = _rx(
    r"""
    \b(?:from|between) \s+ (?P<y>{YEAR})            # from 2020
    \s+ (?:to|through|until|and|-) \s+              # to
    (?P<y2>{YEAR}) (?!{TAIL})                       # 2024
    """
)

_QH_CORE = _rx(
    r"""
    (?<![\w.])(?-i:(?P<u>[QH]))(?P<n>[1-4])(?!\d)   # Q2 / H1, capital letter only
    (?:
        \s* (?:of\s+)?                              # Q1 (of)
        (?: (?-i:FY)\s?'? | (?P<fis>fiscal)\s+(?:year\s+)? )   # FY / fiscal (year)
        (?P<fy>\d{4}|\d\d)                          # 25 / 2025
      | [-/\s]? \s? ' (?P<yy>\d\d)                    # Q2'25 / Q2 '25
      | (?:\s+of\s+|\s+|-|/) (?P<y>{YEAR})          # Q2 2025 / Q2-2025 / Q2 of 2025
    )?
    (?!{TAIL})                                      # Q2 2025%, Q4 2024 units
    """
)

_NQ_CORE = _rx(
    r"""
    (?<![\w.])(?P<n>[1-4])(?-i:(?P<u>[QH]))         # 2Q / 1H, capital letter only
    \s?'?                                           # optional space or apostrophe
    (?: (?-i:(?P<fis>FY)) \s?'? )?                  # 3QFY25
    (?P<y>\d{4}|\d\d)                               # 25 / 2025
    (?!{TAIL})                                      # and nothing more of the number
    """
)

_ORD_CORE = _rx(
    r"""
    \b(?P<ord>{ORD}) (?:\s+|-)                      # fourth / second-
    (?:(?P<fis1>fiscal)(?:\s+|-))?                  # fiscal
    (?:(?P<y1>{YEAR})\s+)?                          # 2024 (the final 2024 quarter)
    (?P<unit>quarter|half) \b (?!-)                 # quarter, not quarter-on-quarter
    (?:
        \s+of\s+ (?:the\s+)?
        (?: (?-i:FY)\s?'?(?P<ofy>\d{4}|\d\d)        # of FY25
          | (?:(?P<ofis>fiscal)(?:[-\s]year)?\s+)? (?P<oy>{YEAR})   # of (fiscal) 2025
          | (?P<orel>last|this|next|previous|prior|current|the) \s+ # of last / of the
            (?:(?P<orfis>fiscal)\s+)? year \b       # year
        )
      | \s+ (?-i:FY)\s?'?(?P<sfy>\d{4}|\d\d)        # fourth quarter FY25
      | \s+ (?P<sy>{YEAR})                          # fourth quarter 2024
    )?
    (?!{TAIL})                                      # fourth quarter 2024%
    """
)

# German, French, Spanish, Portuguese and Italian: "im dritten Quartal 2024", "au troisième
# trimestre", "el primer trimestre de 2024", "no segundo semestre", "nel terzo trimestre"
_ORDINALS_ELSEWHERE: dict[str, int] = {
    "ersten": 1, "erste": 1, "erstes": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3,
    "vierten": 4, "vierte": 4,
    "premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4,
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "primeiro": 1, "terceiro": 3, "quarto": 4,
    "primo": 1, "secondo": 2, "terzo": 3,
}  # fmt: skip
_QUARTER_WORDS = {"quartal": "quarter", "quartals": "quarter", "trimestre": "quarter",
                  "halbjahr": "half", "halbjahres": "half", "semestre": "half"}
_ORD_ELSEWHERE_CORE = _rx(
    r"""
    \b(?P<ord>""" + "|".join(sorted(_ORDINALS_ELSEWHERE, key=len, reverse=True)) + r""")
    \s+ (?P<unit>quartals?|trimestre|halbjahr(?:es)?|semestre) \b
    (?: \s+ (?:de\s+|del\s+|do\s+|du\s+|dell'|des\s+jahres\s+)? (?P<y>{YEAR}) (?!{TAIL}) )?
    """
)

_FISCAL_CORE = _rx(
    r"""
    (?<![\w.])
    (?:
        (?-i:FY) \s?'? (?P<a>\d{4}|\d\d)                    # FY25 / FY 2025 / FY'25
        (?: [-/](?P<a2>\d{4}|\d\d) )?                       # FY2024-25: the year ending in 2025
      | fiscal (?:[-\s]year)? \s+ (?P<b>{YEAR}|'\d\d)     # fiscal 2024 / fiscal year 2025 / fiscal '25
        (?: [-/](?P<b2>\d{4}|\d\d) )?                       # fiscal 2024/25
      | fiscal \s+ (?:                                      # fiscal ...
            (?-i:(?P<cu>[QH]))(?P<cn>[1-4])                 # ... Q1
          | (?P<cord>{ORD}) (?:\s+|-) (?P<cunit>quarter|half)\b   # ... first quarter
        )
        (?: \s+ (?:of\s+)? (?P<c>{YEAR}) )?                 # (of) 2025
    )
    (?:
        \s+ (?-i:(?P<u>[QH]))(?P<n>[1-4])\b                 # FY25 Q1
      | \s+ (?P<ord>{ORD}) (?:\s+|-) (?P<unit>quarter|half)\b   # fiscal 2025 first quarter
    )?
    (?!{TAIL})                                              # FY25%, fiscal 2025 units
    """
)

_ENDED_CORE = _rx(
    r"""
    \b(?:
        (?P<n>{NUM}) [-\s] months?                          # three months / 12-month
      | (?P<q>quarter)                                      # quarter
      | (?P<h>half[-\s]year|half)                           # half-year
      | (?P<fy>(?:fiscal|financial) [-\s] year)             # fiscal year
      | (?P<y>year)                                         # year
    )
    \s+ (?:that\s+)? (?:ended|ending|to|through) \s+        # ended / to
    (?:
        (?P<dday>{DAY}) \s+ (?P<dmon>{MONTH})               # 30 June
      | (?P<mon>{MONTH}) (?:\s*(?P<day>{DAY}))?             # June (30)
    )
    (?: ,?\s+ (?P<year>{YEAR}) )?                           # , 2024
    (?!{TAIL})                                              # and not a number going on
    """
)

_FIRST_N_CORE = _rx(
    r"""
    \b(?:first|opening) \s+ (?P<n>{NUM}) \s+ months         # first nine months
    (?:
        \s+of\s+ (?:the\s+)?
        (?: (?:(?P<fis>fiscal)(?:[-\s]year)?\s+)? (?P<y>{YEAR}) (?!{TAIL})   # of (fiscal) 2024
          | (?P<rel>last|this|previous|prior|current|the) \s+ year\b        # of last / the year
        )
    )?
    """
)

# German, French, Spanish, Portuguese, Italian: "in den ersten neun Monaten", "les neuf premiers
# mois de 2024", "los primeros nueve meses del año", "nos primeiros nove meses", "nei primi nove
# mesi", and three quarters for nine months ("den ersten drei Quartalen")
_COUNTS_ELSEWHERE: dict[str, int] = {
    "drei": 3, "sechs": 6, "neun": 9, "zwölf": 12, "trois": 3, "six": 6, "neuf": 9, "douze": 12,
    "tres": 3, "seis": 6, "nueve": 9, "doce": 12, "três": 3, "nove": 9, "doze": 12,
    "tre": 3, "sei": 6, "dodici": 12, "zwei": 2, "deux": 2, "dos": 2, "dois": 2, "due": 2,
}  # fmt: skip
_COUNT_WORDS = "|".join(sorted(_COUNTS_ELSEWHERE, key=len, reverse=True))
_FIRST_N_ELSEWHERE_CORE = _rx(
    r"""
    (?:
        \b(?:ersten|primeros|primeiros|primi) \s+ (?P<n>""" + _COUNT_WORDS + r"""|\d{1,2})   # ersten neun
      | \b(?P<n2>""" + _COUNT_WORDS + r"""|\d{1,2}) \s+ premiers                             # neuf premiers
    )
    \s+ (?P<u>monaten|monate|mois|meses|mesi|quartalen|quartale|trimestres|trimestri) \b
    (?: \s+ (?:(?:des\s+jahres|del\s+año|de\s+l'année|do\s+ano|dell'anno|de|del|do|des|dell')\s*)?
        (?P<y>{YEAR}) (?!{TAIL}) )?                                          # (de) 2024
    """
)

_REL_CORE = _rx(
    r"""
    \b(?:
        (?P<rel>last|this|next|previous|prior|preceding|current) \s+   # last / the previous
        (?:(?P<fis>fiscal)\s+)?                                         # fiscal
        (?P<unit>year|quarter|month|week)                               # year
      | (?:a|one) \s+ (?P<unit2>year|quarter|month) \s+ (?:earlier|ago|before)   # a year earlier
    )
    \b(?!-)                                                             # not "last year-end"
    """
)

_HORIZON_CORE = _rx(
    r"""
    \b(?P<dir>next|coming|upcoming|past|last|previous|prior|preceding) \s+   # the next / the past
    (?:(?P<n>{NUM})\s+)?                                                      # three
    (?P<unit>years?|months?|quarters?|weeks?|days?|decades?) \b (?!-)         # years
    """
)

_TO_DATE_CORE = _rx(
    r"""
    \b(?:
        (?P<u>year|quarter|month) [-\s] to [-\s] date       # year-to-date
      | (?-i:(?P<a>[YQM])TD)                                # YTD / QTD / MTD
    )\b
    """
)

_EDGE_UNIT_CORE = _rx(
    r"""
    \b(?P<edge>start|beginning|end|close) \s+ of \s+        # the start of
    (?:the|this) \s+ (?P<unit>year|quarter|month) \b (?!-)  # the year / this quarter
    """
)

_WEEKDAY_CORE = _rx(
    r"""
    (?<!Black\s)(?<!Cyber\s)(?<!Good\s)(?<!Super\s)(?<!Ash\s)(?<!Giving\s)   # named days, not dates
    \b(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b
    """
)

_DAY_WORD_CORE = _rx(
    r"""
    \b(?P<w>today|yesterday|tomorrow)\b        # relative to the publication date
    """
)

# Modifiers read backwards from a core: the window before it must end with these, in order. Both
# prefix patterns run on the lower-cased copy (see _TRIGGER), hence no IGNORECASE.
_PREFIX = _rx(
    r"""
    (?: \b(?P<role>as\s+of|since|by|through|until|till|at|in|during|for|over|within|throughout  # a role
                  |on|so\s+far(?:\s+in)?|thus\s+far(?:\s+in)?|to\s+date(?:\s+in)?) \s+ )?   # so far (in)
    (?: \b(?P<the>the) \s+ )?                                                    # the
    (?: \b(?P<edge>start|beginning|end|close) \s+ of \s+ (?:the\s+)? )?          # end of
    (?: \b(?P<part>early|mid|late|end) (?:-|\s+) )?                              # mid-
    \Z
    """,
    0,
)

# Weekdays take their own modifiers: "last", "next", "this past", "late on".
_WEEKDAY_PREFIX = _rx(
    r"""
    (?: \b(?P<role>since|as\s+of|by|until) \s+ )?                                # since
    (?: \b(?P<rel>last|next|this\s+past|this|(?:early|late)(?:\s+on)?|on) \s+ )? # last / late on
    \Z
    """,
    0,
)

_SUFFIX = _rx(
    r"""
    \s+ (?: (?P<alone>alone) | (?P<sofar>so\s+far|thus\s+far|to\s+date) ) \b   # in 2024 alone
    """
)

# How far back a prefix may reach: "so far in the " and "since the beginning of the " fit.
_LOOKBACK = 40

_PUNCT_ONLY = re.compile(r"[\s.,;:!?)\]]*\Z")  # what resolve_period lets trail a phrase


# --------------------------------------------------------------------------------------------
# Period builders
# --------------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(day=31)


def _day(d: date) -> Period:
    return Period(d, d, "day", d.isoformat())


def _month(year: int, month: int) -> Period:
    return Period(date(year, month, 1), _month_end(year, month), "month", f"{year:04d}-{month:02d}")


def _quarter(year: int, q: int) -> Period:
    return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter", f"{year:04d}-Q{q}")


def _half(year: int, h: int) -> Period:
    return Period(date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half", f"{year:04d}-H{h}")


def _year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def _range(start: date, end: date, *, forward: bool = False) -> Period:
    return Period(start, end, "range", f"{start.isoformat()}..{end.isoformat()}", forward)


def _span(start: date, end: date) -> Period:
    """The canonical period for [start, end]: a month, quarter, half or year when it is one."""
    if start == end:
        return _day(start)
    if start.day == 1 and end == _month_end(end.year, end.month):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return _month(start.year, start.month)
        if months == 3 and start.month % 3 == 1:
            return _quarter(start.year, start.month // 3 + 1)
        if months == 6 and start.month in (1, 7):
            return _half(start.year, start.month // 6 + 1)
        if months == 12 and start.month == 1:
            return _year(start.year)
    return _range(start, end)


def _calendar(unit: str, year: int, n: int) -> Period:
    return _quarter(year, n) if unit == "quarter" else _half(year, n) if unit == "half" else _year(year)


def _fiscal(fy: int, fym: int | None, unit: str = "year", n: int = 0) -> Period:
    """Fiscal year ``fy`` (the calendar year it ends in), or its quarter or half ``n``."""
    if fym is None:  # no calendar known: the calendar period stands in, compare by key only
        placeholder = _calendar(unit, fy, n)
        start, end = placeholder.start, placeholder.end
    else:
        first = date(fy, fym, 1) - relativedelta(months=11)  # from a 1st: no month-end clipping
        months = {"year": 12, "half": 6, "quarter": 3}[unit]
        start = first + relativedelta(months=months * max(n - 1, 0))
        end = start + relativedelta(months=months) - timedelta(days=1)
    if unit == "year":
        return Period(start, end, "fiscal_year", f"FY{fy}")
    letter = "Q" if unit == "quarter" else "H"
    return Period(start, end, f"fiscal_{unit}", f"FY{fy}-{letter}{n}")


def _current_fiscal_year(published: date, fym: int) -> int:
    return published.year if published.month <= fym else published.year + 1


def _latest_ended(make: Callable[[int], Period], published: date) -> Period:
    """The most recent of make(year), make(year - 1)... that has ended on or before publication."""
    year = published.year + 1  # a fiscal year may carry next year's number
    while True:
        period = make(year)
        if period.end <= published:
            return period
        year -= 1


def year_to_date(published: date, year: int | None = None) -> Period:
    """From Jan 1 of ``year`` (default: the publication year) to ``published``."""
    return _range(date(published.year if year is None else year, 1, 1), published)


def _two_digit_year(text: str) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _count(text: str) -> int:
    return _NUMBER_WORDS[text.lower()] if text.isalpha() else int(text)


# --------------------------------------------------------------------------------------------
# Core results and handlers
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Context:
    published: date | None
    fym: int | None
    rel: str | None  # the weekday modifier read before the core ("last", "next"...)


@attrs.frozen
class _Core:
    period: Period
    kind: str  # which modifiers apply, see _ACCEPTS
    role: str = "period"
    needs_prefix: bool = False  # a bare month name is a period only after "in", "since", "mid-"...
    edge: str | None = None  # start/end carried by the core itself ("the end of the year")


_Handler = Callable[[re.Match[str], _Context], "_Core | None"]

# Two defaults that differ in every date field: a field that comes back the same from both was
# in the text. Both are leap years so that "Feb 29" parses without a year.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 2, 2)


def _parse_date(span: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a short date span such as "Dec. 9" or "28 May 2024"."""
    cleaned = span.replace(".", " ")  # "Sept." and "Dec." parse as "Sept" and "Dec"
    try:
        a = date_parser.parse(cleaned, default=_DEFAULT_A)
        b = date_parser.parse(cleaned, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if a.month != b.month or a.day != b.day:
        return None  # no month or no day in the span: not a date
    return (a.year if a.year == b.year else None), a.month, a.day


#: How far ahead of publication a date written without its year may lie: news writes ahead about
#: the coming weeks ("effective from 18 September", written on 12 September), not the coming year.
AHEAD_DAYS = 92


def _nearest_date(month: int, day: int, published: date) -> date | None:
    """The month/day nearest to publication: the most recent on or before it (Feb 29 looks back to
    a leap year), or the coming one when it is nearer and no more than ``AHEAD_DAYS`` ahead."""
    dates = [d for year in range(published.year - 8, published.year + 2) if (d := _valid(year, month, day))]
    past = max((d for d in dates if d <= published), default=None)
    coming = min((d for d in dates if d > published), default=None)
    if coming is not None and (coming - published).days <= AHEAD_DAYS \
            and (past is None or coming - published < published - past):
        return coming
    return past


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # February 29 of a common year


def _date_core(span: str, ctx: _Context) -> _Core | None:
    parsed = _parse_date(span)
    if parsed is None:
        return None
    year, month, day = parsed
    if year is not None:
        return _Core(_day(date(year, month, day)), "day")
    if ctx.published is None:
        return None
    found = _nearest_date(month, day, ctx.published)
    return None if found is None else _Core(_day(found), "day")


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _month_quarter(month: int, year: int) -> Period:
    end = _month_end(year, month)
    return _span(date(year, month, 1) - relativedelta(months=2), end)


def _h_month(m: re.Match[str], ctx: _Context) -> _Core | None:
    month = _month_number(m["mon"])
    if m["mq"]:
        year_text = m["year"] or m["qyear"]
        if m["day"]:
            return None  # "June 30 quarter" is not a form we know
        if year_text:
            return _Core(_month_quarter(month, int(year_text)), "quarter")
        if ctx.published is None:
            return None
        return _Core(_latest_ended(lambda y: _month_quarter(month, y), ctx.published), "quarter")
    if m["qyear"]:
        return None
    if m["day"]:
        end = m.end("year") if m["year"] else m.end("day")
        return _date_core(m.string[m.start("mon") : end], ctx)
    if m["year"]:
        return _Core(_month(int(m["year"]), month), "month")
    if ctx.published is None or m["mon"].rstrip(".").lower() not in _FULL_MONTHS:
        return None  # "in Mar" is too often something else
    pub = ctx.published
    year = pub.year if month <= pub.month else pub.year - 1  # the latest one that has begun
    return _Core(_month(year, month), "month", needs_prefix=True)


def _h_dmy(m: re.Match[str], ctx: _Context) -> _Core | None:
    return _date_core(m.group(0), ctx)


def _h_iso(m: re.Match[str], ctx: _Context) -> _Core | None:
    try:
        return _Core(_day(date.fromisoformat(m["iso"])), "day")
    except ValueError:
        return None


def _h_year(m: re.Match[str], ctx: _Context) -> _Core | None:
    year = int(m["y"])
    if m["y2"]:
        year2 = int(m["y2"])
        if year2 <= year or m["fy"] or m["unit"]:
            return None
        return _Core(_range(date(year, 1, 1), date(year2, 12, 31)), "range")
    if m["unit"]:
        n = _ordinal(m["ord"], m["unit"])
        if n is None:
            return None
        if m["fy"] or m["fy2"]:
            return _Core(_fiscal(year, ctx.fym, m["unit"].lower(), n), "fiscal")
        return _Core(_calendar(m["unit"].lower(), year, n), m["unit"].lower())
    if m["fy"]:
        return _Core(_fiscal(year, ctx.fym), "fiscal")
    return _Core(_year(year), "year")


def _h_year_range(m: re.Match[str], ctx: _Context) -> _Core | None:
    year, year2 = int(m["y"]), int(m["y2"])
    if year2 <= year:
        return None
    return _Core(_range(date(year, 1, 1), date(year2, 12, 31)), "range")


def _ordinal(word: str, unit: str) -> int | None:
    word = word.lower()
    limit = 4 if unit.lower() == "quarter" else 2
    n = limit if word in ("final", "last") else _ORDINALS[word]
    return n if n <= limit else None


def _part(unit: str, n: int, year: int | None, fiscal: bool, ctx: _Context) -> _Core | None:
    """Quarter or half ``n`` of ``year`` (calendar or fiscal); with no year, the latest ended."""
    kind = "fiscal" if fiscal else unit
    if year is not None:
        return _Core(_fiscal(year, ctx.fym, unit, n) if fiscal else _calendar(unit, year, n), kind)
    if ctx.published is None:
        return None
    if fiscal:
        if ctx.fym is None:
            return None  # which fiscal year ended last depends on the calendar we lack
        fym = ctx.fym
        return _Core(_latest_ended(lambda y: _fiscal(y, fym, unit, n), ctx.published), kind)
    return _Core(_latest_ended(lambda y: _calendar(unit, y, n), ctx.published), kind)


def _relative_year(word: str, fiscal: bool, ctx: _Context) -> int | None:
    """The year (or fiscal year) that "last", "this", "next"... names at publication."""
    if ctx.published is None:
        return None
    if fiscal:
        if ctx.fym is None:
            return None
        current = _current_fiscal_year(ctx.published, ctx.fym)
    else:
        current = ctx.published.year
    word = word.lower()
    if word in ("last", "previous", "prior", "preceding"):
        return current - 1
    if word == "next":
        return current + 1
    return current  # this / current / the


def _h_qh(m: re.Match[str], ctx: _Context) -> _Core | None:
    unit = "quarter" if m["u"] == "Q" else "half"
    n = int(m["n"])
    if unit == "half" and n > 2:
        return None
    if m["fy"]:
        return _part(unit, n, _two_digit_year(m["fy"]), True, ctx)
    year_text = m["yy"] or m["y"]
    return _part(unit, n, _two_digit_year(year_text) if year_text else None, False, ctx)


def _h_nq(m: re.Match[str], ctx: _Context) -> _Core | None:
    unit = "quarter" if m["u"] == "Q" else "half"
    n = int(m["n"])
    if unit == "half" and n > 2:
        return None
    return _part(unit, n, _two_digit_year(m["y"]), bool(m["fis"]), ctx)


def _h_ord(m: re.Match[str], ctx: _Context) -> _Core | None:
    unit = m["unit"].lower()
    n = _ordinal(m["ord"], unit)
    if n is None:
        return None
    fiscal = bool(m["fis1"] or m["ofis"] or m["ofy"] or m["orfis"] or m["sfy"])
    year_text = m["y1"] or m["oy"] or m["sy"]
    if year_text:
        year: int | None = int(year_text)
    elif m["ofy"] or m["sfy"]:
        year = _two_digit_year(m["ofy"] or m["sfy"])
    elif m["orel"]:
        year = _relative_year(m["orel"], bool(m["orfis"]), ctx)
        if year is None:
            return None
    else:
        if m["ord"].lower() == "last":
            return None  # "last quarter" is the previous quarter: _REL_CORE reads it
        year = None
    return _part(unit, n, year, fiscal, ctx)


def _h_ord_elsewhere(m: re.Match[str], ctx: _Context) -> _Core | None:
    unit = _QUARTER_WORDS[m["unit"].lower()]
    n = _ORDINALS_ELSEWHERE[m["ord"].lower()]
    if unit == "half" and n > 2:
        return None
    return _part(unit, n, int(m["y"]) if m["y"] else None, False, ctx)


def _h_fiscal(m: re.Match[str], ctx: _Context) -> _Core | None:
    if m["cu"] or m["cord"]:  # fiscal Q1 2025 / fiscal first quarter (of 2025)
        if m["u"] or m["ord"]:
            return None
        unit = ("quarter" if m["cu"] == "Q" else "half") if m["cu"] else m["cunit"].lower()
        n = int(m["cn"]) if m["cn"] else _ordinal(m["cord"], unit)
        if n is None or (unit == "half" and n > 2):
            return None
        return _part(unit, n, int(m["c"]) if m["c"] else None, True, ctx)
    first, second = (m["a"], m["a2"]) if m["a"] else (m["b"].lstrip("'"), m["b2"])
    fy = _two_digit_year(first)
    if second:  # FY2024-25 and fiscal 2024/25 name the year that ends in 2025
        end_year = _two_digit_year(second) if len(second) == 4 else fy // 100 * 100 + int(second)
        if end_year != fy + 1:
            return None
        fy = end_year
    if m["u"] or m["unit"]:
        unit = ("quarter" if m["u"] == "Q" else "half") if m["u"] else m["unit"].lower()
        n = int(m["n"]) if m["n"] else _ordinal(m["ord"], unit)
        if n is None or (unit == "half" and n > 2):
            return None
        return _part(unit, n, fy, True, ctx)
    return _Core(_fiscal(fy, ctx.fym), "fiscal")


def _h_ended(m: re.Match[str], ctx: _Context) -> _Core | None:
    months = _count(m["n"]) if m["n"] else 3 if m["q"] else 6 if m["h"] else 12
    if not 1 <= months <= 24:
        return None
    month = _month_number(m["dmon"] or m["mon"])
    if m["dday"] or m["day"]:
        # a day was written: let dateutil read just the date span ("March 31, 2024", "30 June")
        span_start = m.start("dday") if m["dday"] else m.start("mon")
        span_end = m.end("year") if m["year"] else max(m.end(g) for g in ("dmon", "day") if m[g])
        dated = _date_core(m.string[span_start:span_end], ctx)
        if dated is None:
            return None
        end = dated.period.end
    elif m["year"]:
        end = _month_end(int(m["year"]), month)
    elif ctx.published is None:
        return None
    else:
        year = ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
        end = _month_end(year, month)
        if end > ctx.published:  # the month has not ended yet: the one a year before
            end = _month_end(year - 1, month)
    if end == _month_end(end.year, end.month):
        start = date(end.year, end.month, 1) - relativedelta(months=months - 1)
    else:  # 52/53-week calendars end quarters on odd days: keep the written range
        start = end - relativedelta(months=months) + timedelta(days=1)
    if m["fy"] and months == 12:
        return _Core(Period(start, end, "fiscal_year", f"FY{end.year}"), "fiscal")
    return _Core(_span(start, end), "range")


def _h_first_n(m: re.Match[str], ctx: _Context) -> _Core | None:
    months = _count(m["n"])
    if not 1 <= months <= 12:
        return None
    if m["y"] and m["fis"]:
        if ctx.fym is None:
            return None
        first = _fiscal(int(m["y"]), ctx.fym).start
        return _Core(_range(first, first + relativedelta(months=months) - timedelta(days=1)), "range")
    if m["rel"]:
        rel_year = _relative_year(m["rel"], False, ctx)
        return None if rel_year is None else _first_months(months, rel_year, ctx)
    return _first_months(months, int(m["y"]) if m["y"] else None, ctx)


def _first_months(months: int, year: int | None, ctx: _Context) -> _Core | None:
    """The first ``months`` months of ``year``; with no year, the latest such span ended."""

    def make(y: int) -> Period:
        return _span(date(y, 1, 1), _month_end(y, months))

    if year is not None:
        return _Core(make(year), "range")
    if ctx.published is None:
        return None
    return _Core(_latest_ended(make, ctx.published), "range")


def _h_first_n_elsewhere(m: re.Match[str], ctx: _Context) -> _Core | None:
    word = (m["n"] or m["n2"]).lower()
    count = int(word) if word.isdigit() else _COUNTS_ELSEWHERE[word]
    months = count * 3 if m["u"].lower().startswith(("quartal", "trimest")) else count
    if not 1 <= months <= 12:
        return None
    return _first_months(months, int(m["y"]) if m["y"] else None, ctx)


def _shift(unit: str, start: date, steps: int) -> Period:
    """The calendar month, quarter, year or week ``steps`` away from the one holding ``start``."""
    if unit == "year":
        return _year(start.year + steps)
    if unit == "month":
        first = date(start.year, start.month, 1) + relativedelta(months=steps)
        return _month(first.year, first.month)
    if unit == "quarter":
        first = date(start.year, (start.month - 1) // 3 * 3 + 1, 1) + relativedelta(months=3 * steps)
        return _quarter(first.year, first.month // 3 + 1)
    monday = start - timedelta(days=start.weekday()) + timedelta(weeks=steps)
    return _range(monday, monday + timedelta(days=6))


def _h_rel(m: re.Match[str], ctx: _Context) -> _Core | None:
    if ctx.published is None:
        return None
    word = (m["rel"] or "last").lower()
    unit = (m["unit"] or m["unit2"]).lower()
    steps = -1 if word in ("last", "previous", "prior", "preceding") else 1 if word == "next" else 0
    if m["fis"]:
        if unit != "year" or ctx.fym is None:
            return None
        return _Core(_fiscal(_current_fiscal_year(ctx.published, ctx.fym) + steps, ctx.fym), "fiscal")
    return _Core(_shift(unit, ctx.published, steps), "rel")


def _h_horizon(m: re.Match[str], ctx: _Context) -> _Core | None:
    direction = m["dir"].lower()
    unit = m["unit"].lower().rstrip("s")
    if m["n"] is None:
        if m["unit"].lower().endswith("s"):
            return None  # "in the coming years": no length given
        # "next year" and "last month" are calendar periods (_REL_CORE); "the coming year" and
        # "the past decade" are spans from publication
        if unit != "decade" and direction not in ("coming", "upcoming", "past"):
            return None
        n = 1
    else:
        n = _count(m["n"])
    if ctx.published is None or not 1 <= n <= 100:
        return None
    delta = {
        "year": relativedelta(years=n),
        "decade": relativedelta(years=10 * n),
        "quarter": relativedelta(months=3 * n),
        "month": relativedelta(months=n),
        "week": relativedelta(weeks=n),
        "day": relativedelta(days=n),
    }[unit]
    pub = ctx.published
    if direction in ("next", "coming", "upcoming"):
        return _Core(_range(pub, pub + delta, forward=True), "horizon")
    return _Core(_range(pub - delta, pub), "horizon")


def _h_to_date(m: re.Match[str], ctx: _Context) -> _Core | None:
    if ctx.published is None:
        return None
    unit = (m["u"] or {"Y": "year", "Q": "quarter", "M": "month"}[m["a"]]).lower()
    current = _shift(unit, ctx.published, 0)
    return _Core(_range(current.start, ctx.published), "to_date", role="to_date")


def _h_edge_unit(m: re.Match[str], ctx: _Context) -> _Core | None:
    if ctx.published is None:
        return None
    return _Core(_shift(m["unit"].lower(), ctx.published, 0), "rel", edge=m["edge"].lower())


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Core | None:
    if ctx.published is None:
        return None
    weekday = _WEEKDAYS[m["wd"].lower()]
    rel = (ctx.rel or "").lower()
    if rel == "next":
        return _Core(_day(ctx.published + relativedelta(days=1, weekday=weekday(+1))), "day")
    if rel == "this":
        return _Core(_day(ctx.published + relativedelta(weekday=weekday(+1))), "day")
    # weekday(-1) counts the anchor day itself, so step back a day first: strictly before
    return _Core(_day(ctx.published + relativedelta(days=-1, weekday=weekday(-1))), "day")


def _h_day_word(m: re.Match[str], ctx: _Context) -> _Core | None:
    if ctx.published is None:
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    return _Core(_day(ctx.published + timedelta(days=offset)), "day")


@attrs.frozen
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    starts: frozenset[str]  # the tokens a match can begin with: words, or <kind> from _TRIGGER
    prefix: re.Pattern[str] = _PREFIX


def _words(*groups: str | list[str]) -> frozenset[str]:
    return frozenset(w for g in groups for w in (g.split() if isinstance(g, str) else g))


_MONTH_WORDS = _words(list(_FULL_MONTHS), list(_MONTHS), "sept")
_NUMBER_STARTS = _words("<small>", list(_NUMBER_WORDS))

_RULES: tuple[_Rule, ...] = (
    _Rule(_MONTH_CORE, _h_month, _MONTH_WORDS),
    _Rule(_DMY_CORE, _h_dmy, _words("<small> <dayth>")),
    _Rule(_ISO_CORE, _h_iso, _words("<year>")),
    _Rule(_YEAR_CORE, _h_year, _words("<year>")),
    _Rule(_YEAR_RANGE_CORE, _h_year_range, _words("from between")),
    _Rule(_QH_CORE, _h_qh, _words("<qh>")),
    _Rule(_NQ_CORE, _h_nq, _words("<nq>")),
    _Rule(_ORD_CORE, _h_ord, _words("<dayth> first second third fourth final last")),
    _Rule(_ORD_ELSEWHERE_CORE, _h_ord_elsewhere, _words(list(_ORDINALS_ELSEWHERE))),
    _Rule(_FISCAL_CORE, _h_fiscal, _words("<fy> fiscal")),
    _Rule(_ENDED_CORE, _h_ended, _NUMBER_STARTS | _words("quarter half fiscal financial year")),
    _Rule(_FIRST_N_CORE, _h_first_n, _words("first opening")),
    _Rule(_FIRST_N_ELSEWHERE_CORE, _h_first_n_elsewhere,
          _words("<small> ersten primeros primeiros primi", list(_COUNTS_ELSEWHERE))),
    _Rule(_REL_CORE, _h_rel, _words("last this next previous prior preceding current a one")),
    _Rule(_HORIZON_CORE, _h_horizon, _words("next coming upcoming past last previous prior preceding")),
    _Rule(_TO_DATE_CORE, _h_to_date, _words("year quarter month ytd qtd mtd")),
    _Rule(_EDGE_UNIT_CORE, _h_edge_unit, _words("start beginning end close")),
    _Rule(_WEEKDAY_CORE, _h_weekday, _words(list(_WEEKDAYS)), _WEEKDAY_PREFIX),
    _Rule(_DAY_WORD_CORE, _h_day_word, _words("today yesterday tomorrow")),
)


def _trie(words: frozenset[str]) -> str:
    """An alternation factored by common prefixes: the engine tries one branch per letter, where a
    flat alternation of sixty words would try all sixty at every word start."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


_TRIGGER_WORDS = frozenset(w for rule in _RULES for w in rule.starts if not w.startswith("<"))

# Every rule begins on one of these tokens, so a single scan finds the places worth trying and a
# dictionary says which rules to try there: a sentence without a period costs one regex pass.
# The scan runs case-sensitively over an ASCII-lower-cased copy, which is three times faster than
# IGNORECASE; the rules themselves then check capitals (Q1, FY, May) on the original text.
_TRIGGER = re.compile(
    r"""
    (?<![a-z0-9])(?:                    # at the start of a token
        (?P<year>(?:19|20)\d\d|2100)(?!\d)   # a possible year (or an ISO date)
      | (?P<nq>[1-4][qh])               # 2Q25, 1H24
      | (?P<dayth>\d\d?(?:st|nd|rd|th)\b)  # 28th May, 4th quarter
      | (?P<small>\d{1,3}(?=[-\s]{1,4}[a-z]))  # 28 May, 12-month; not 12% nor 31.7
      | (?P<qh>[qh][1-4])               # Q1, H2
      | (?P<fy>fy)                      # FY25
      | (?P<word>"""
    + _trie(_TRIGGER_WORDS)
    + r""")\b                           # a word some rule starts with
    )
    """,
    re.VERBOSE,
)

# Lower-cases ASCII only, so that every offset in the copy is the offset in the original.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_DISPATCH: dict[str, tuple[tuple[int, _Rule], ...]] = {
    key: tuple((i, rule) for i, rule in enumerate(_RULES) if key in rule.starts)
    for key in frozenset().union(*(rule.starts for rule in _RULES))
}

# --------------------------------------------------------------------------------------------
# Modifiers
# --------------------------------------------------------------------------------------------

_ALL_ROLES = frozenset(
    ("as of", "since", "by", "through", "until", "till", "at", "in", "during", "for", "over", "within",
     "throughout", "on", "so far", "so far in", "thus far", "thus far in", "to date", "to date in")
)  # fmt: skip
_PLAIN_ROLES = frozenset(("in", "during", "for", "over", "within", "throughout", "at", "on"))
_CALENDAR = {"role": _ALL_ROLES, "the": frozenset({"the"}), "edge": frozenset({"start", "beginning", "end", "close"})}
_PARTS = frozenset({"early", "mid", "late", "end"})

# Which modifier values each kind of core accepts; a kind absent from a group accepts none.
_ACCEPTS: dict[str, dict[str, frozenset[str]]] = {
    "year": {**_CALENDAR, "part": _PARTS},
    "month": {**_CALENDAR, "part": _PARTS},
    "rel": {**_CALENDAR, "part": _PARTS},
    "quarter": _CALENDAR,
    "half": _CALENDAR,
    "fiscal": _CALENDAR,
    "day": {
        "role": _PLAIN_ROLES | {"as of", "since", "by", "through", "until", "till"},
        "the": frozenset({"the"}),
        "rel": frozenset({"last", "next", "this past", "this", "early", "late", "early on", "late on", "on"}),
    },
    "range": {"role": _PLAIN_ROLES | {"since"}, "the": frozenset({"the"})},
    "horizon": {"role": _PLAIN_ROLES, "the": frozenset({"the"})},
    "to_date": {"role": frozenset({"in", "for", "during", "over"}), "the": frozenset({"the"})},
}

_GROUPS = ("role", "the", "edge", "rel", "part")
_SPACES = re.compile(r"\s+")


def _accepted_prefix(pre: re.Match[str] | None, offset: int, kind: str, core_start: int) -> tuple[int, dict[str, str]]:
    """The longest run of modifiers, ending at the core, that this kind of core accepts.

    ``pre`` matched the lower-cased copy of the region that starts at ``offset``."""
    if pre is None:
        return core_start, {}
    accepts = _ACCEPTS[kind]
    present = [
        (g, _SPACES.sub(" ", pre[g]), offset + pre.start(g)) for g in _GROUPS if g in pre.re.groupindex and pre[g]
    ]
    start, taken = core_start, {}
    for group, value, position in reversed(present):
        if value not in accepts.get(group, ()):
            break
        taken[group] = value
        start = position
    return start, taken


def _combine(core: _Core, mods: dict[str, str], sofar: bool, published: date | None) -> tuple[Period, str] | None:
    """Apply the prefix and suffix modifiers to a core period."""
    period, role = core.period, core.role
    edge = mods.get("edge") or core.edge
    if mods.get("part") == "end":
        edge = "end"  # end-2024, end-March
    word = mods.get("role")
    if core.needs_prefix and not (word or edge or mods.get("part")):
        return None
    if word == "since":
        if published is None:
            return None
        begin = period.end + timedelta(days=1) if edge in ("end", "close") else period.start
        return (_range(begin, published), "since") if begin <= published else None
    if edge in ("start", "beginning"):
        period, role = _day(period.start), "as_of"
    elif edge in ("end", "close"):
        period, role = _day(period.end), "as_of"
    if word in ("by", "through", "until", "till"):
        if published is None and word == "by":
            return None  # "by 2027" is a target or a deadline passed, and only the date tells which
        if published is not None and period.end > published:
            return _range(published, period.end, forward=True), "period"
        if word == "by":
            period, role = _day(period.end), "as_of"
    elif word == "as of":
        role = "as_of"
    if sofar or (word and word.startswith(("so far", "thus far", "to date"))):
        if published is None or not period.start <= published <= period.end:
            return None
        return _range(period.start, published), "to_date"
    if published is not None and period.start > published and not period.forward_looking:
        period = attrs.evolve(period, forward_looking=True)  # starts after publication: a forecast
    return period, role


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


# Letters that case-insensitive matching equates with ASCII ones ("ſ" with "s", the Kelvin sign
# with "k"): folded one for one first, so that a match always lowers to a word of the tables.
_CASE_ALIASES = str.maketrans({"\u017f": "s", "\u212a": "K", "\u0130": "I", "\u0131": "i"})


def find_periods(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    published: date | None,
    fiscal_year_end_month: int | None = None,
) -> list[PeriodMention]:
    """All period phrases in text[start:end], in order, non-overlapping (longest wins)."""
    if not text.isascii():
        text = text.translate(_CASE_ALIASES)
    stop = len(text) if end is None else min(end, len(text))
    if fiscal_year_end_month is not None and not 1 <= fiscal_year_end_month <= 12:
        raise ValueError(f"fiscal_year_end_month must be 1..12, not {fiscal_year_end_month}")
    candidates: list[tuple[int, int, int, PeriodMention]] = []
    folded = text[start:stop]
    # str.lower() keeps offsets unless some character lowers to two ("İ"); then fold ASCII only
    lowered = folded.lower()
    folded = lowered if len(lowered) == len(folded) else folded.translate(_ASCII_LOWER)
    for trigger in _TRIGGER.finditer(folded):
        key = trigger.lastgroup or ""
        key = trigger.group() if key == "word" else f"<{key}>"
        for order, rule in _DISPATCH.get(key, ()):
            match = rule.pattern.match(text, start + trigger.start(), stop)
            if match is None:
                continue
            mention = _mention(text, folded, match, rule, (start, stop), published, fiscal_year_end_month)
            if mention is not None:
                candidates.append((mention.start - mention.end, mention.start, order, mention))
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[:3])
    taken = bytearray(stop - start)  # marks characters already covered by a longer mention
    chosen: list[PeriodMention] = []
    for _, _, _, mention in candidates:
        lo, hi = mention.start - start, mention.end - start
        if taken.find(1, lo, hi) == -1:
            taken[lo:hi] = b"\x01" * (hi - lo)
            chosen.append(mention)
    chosen.sort(key=lambda mention: mention.start)
    return chosen


def _mention(
    text: str,
    folded: str,
    match: re.Match[str],
    rule: _Rule,
    region: tuple[int, int],
    published: date | None,
    fym: int | None,
) -> PeriodMention | None:
    """The mention a core match makes with its modifiers, or None when it resolves to nothing."""
    region_start, region_stop = region
    core_start = match.start()

    def prefix() -> re.Match[str] | None:
        local = core_start - region_start
        return rule.prefix.search(folded, max(0, local - _LOOKBACK), local)

    # the prefix search costs more than most handlers, so only weekdays, which need it, pay first
    pre = prefix() if rule.prefix is _WEEKDAY_PREFIX else None
    core = rule.handler(match, _Context(published, fym, pre["rel"] if pre is not None else None))
    if core is None:
        return None
    if rule.prefix is not _WEEKDAY_PREFIX:
        pre = prefix()
    span_start, mods = _accepted_prefix(pre, region_start, core.kind, core_start)
    span_end = match.end()
    post = _SUFFIX.match(text, span_end, region_stop) if core.kind not in ("day", "horizon", "to_date") else None
    sofar = False
    if post is not None:
        span_end = post.end()
        sofar = bool(post["sofar"])
    combined = _combine(core, mods, sofar, published)
    if combined is None:
        return None
    period, role = combined
    return PeriodMention(span_start, span_end, text[span_start:span_end], period, role)


def resolve_period(phrase: str, published: date | None, *, fiscal_year_end_month: int | None = None) -> Period | None:
    """Resolve one phrase (the whole string) or None."""
    text = phrase.strip()
    mentions = find_periods(text, published=published, fiscal_year_end_month=fiscal_year_end_month)
    if len(mentions) != 1 or mentions[0].start != 0 or not _PUNCT_ONLY.match(text, mentions[0].end):
        return None
    return mentions[0].period
