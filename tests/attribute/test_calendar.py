"""Calendar claims: weekdays written with dates, and first-and-last spans of years or seasons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.attribute.calendar import (
    MONTHS,
    WEEKDAYS,
    calendar_claims,
    season_spans,
    true_weekday,
    weekday_dates,
    written_date,
)
from factcheck.documents import parse_document
from factcheck.pipeline import check

D = dt.date.fromisoformat


# --- weekday dates ----------------------------------------------------------------------------


def date_row(text: str, published: str | None, found: str, date: str | None, weekday: str | None) -> object:
    """``found`` is the claim's text; ``date`` what it resolves to ("2025-06" for no such date,
    "" when the year cannot be told); ``weekday`` the true weekday (None: no such date)."""
    pub = f" @{published}" if published else ""
    return pytest.param(text, None if published is None else D(published), found, date, weekday, id=f"{text}{pub}")


DATES = [
    # the forms of the brief, with their year written
    date_row("Wednesday, Jan. 18, 2023", None, "Wednesday, Jan. 18, 2023", "2023-01-18", "Wednesday"),
    date_row("Thursday, Jan. 18, 2023", None, "Thursday, Jan. 18, 2023", "2023-01-18", "Wednesday"),
    date_row("Sunday, August 17th, 2025", None, "Sunday, August 17th, 2025", "2025-08-17", "Sunday"),
    date_row("Thursday, 14 August 2025", None, "Thursday, 14 August 2025", "2025-08-14", "Thursday"),
    date_row("Friday, 12 May, 2023.", None, "Friday, 12 May, 2023", "2023-05-12", "Friday"),
    date_row("Friday the 12th of May 2023", None, "Friday the 12th of May 2023", "2023-05-12", "Friday"),
    date_row("Tuesday, Sept. 3, 2024", None, "Tuesday, Sept. 3, 2024", "2024-09-03", "Tuesday"),
    # no year: the one nearest to the publication date
    date_row("on Friday, May 12", "2023-05-15", "Friday, May 12", "2023-05-12", "Friday"),
    date_row("Friday 12 May", "2023-05-15", "Friday 12 May", "2023-05-12", "Friday"),
    date_row("on Tuesday, Dec. 30 the store closed", "2025-01-03", "Tuesday, Dec. 30", "2024-12-30", "Monday"),
    date_row("on Friday, Jan. 2", "2025-12-29", "Friday, Jan. 2", "2026-01-02", "Friday"),
    date_row("on Thursday, Feb. 29", "2024-03-05", "Thursday, Feb. 29", "2024-02-29", "Thursday"),
    # impossible dates
    date_row("Friday, 31 June", "2025-06-02", "Friday, 31 June", "2025-06", None),
    date_row("Friday, 31 June", None, "Friday, 31 June", "", None),
    date_row("Wednesday, 29 Feb 2023", None, "Wednesday, 29 Feb 2023", "2023-02", None),
    date_row("on Saturday, Feb. 29", "2025-03-05", "Saturday, Feb. 29", "2025-02", None),
    # a count after the day is not its year (the extractor found it: see test_amount_is_no_year)
    date_row("On Friday, May 12, 2000 people marched", None, "Friday, May 12, 2000", "2000-05-12", "Friday"),
]


@pytest.mark.parametrize(("text", "published", "found", "date", "weekday"), DATES)
def test_weekday_dates(text: str, published: dt.date | None, found: str, date: str | None,
                       weekday: str | None) -> None:
    [q] = weekday_dates(text, published=published)
    assert (q.text, q.kind, q.unit) == (found, "date", "date")
    assert q.literal == found.split()[0].rstrip(",")
    assert text[q.start : q.end] == q.text
    assert true_weekday(q) == weekday
    if weekday is not None:
        assert q.period is not None and q.period.key == date and q.value == Decimal(D(date).toordinal())
    else:
        assert (q.period.key if q.period else "") == date


NOT_DATES = [
    pytest.param("On Thursday, May 12, shares fell.", None, id="no year, no publication date"),
    pytest.param("Friday and Saturday, May 12 and 13", "2023-05-20", id="a pair of days"),
    pytest.param("Friday-Saturday, May 12-13", "2023-05-20", id="a pair of days with dashes"),
    pytest.param("on Friday, May 12-14", "2023-05-20", id="a run of days"),
    pytest.param("He said on Monday, March 3 was the deadline.", "2025-03-04", id="a clause of its own"),
    pytest.param("On Friday, 12 people died.", "2023-05-20", id="a count"),
    pytest.param("On Friday, May said no.", "2023-05-20", id="a name"),
    pytest.param("On Friday, May 1,000 people came.", "2023-05-20", id="thousands separator"),
    pytest.param("on Friday, May 12:30", "2023-05-20", id="a time"),
    pytest.param("on friday, may 12", "2023-05-20", id="lower case"),
    pytest.param("Friday's May 12 meeting", "2023-05-20", id="possessive"),
    pytest.param("FridayMay 12", "2023-05-20", id="glued"),
    pytest.param("Friday, Mayor 12", "2023-05-20", id="not a month"),
]


@pytest.mark.parametrize(("text", "published"), NOT_DATES)
def test_not_weekday_dates(text: str, published: str | None) -> None:
    assert weekday_dates(text, published=None if published is None else D(published)) == []


def test_amount_is_no_year() -> None:
    """A "year" where the extractor found an amount is a count: the date is read without it."""
    text = "On Friday, May 12, 2000 people marched."
    [q] = weekday_dates(text, published=D("2023-05-20"), amounts={text.index("2000")})
    assert q.text == "Friday, May 12" and q.period is not None and q.period.key == "2023-05-12"
    assert written_date(q) == (5, 12, None)


def test_offsets_are_into_the_whole_text() -> None:
    text = "---\npublished: 2023-05-15\n---\nOn Friday, May 12, it rained. Monday, May 15 too."
    body = text.index("On")
    found = weekday_dates(text, body, None, D("2023-05-15"))
    assert [text[q.start : q.end] for q in found] == ["Friday, May 12", "Monday, May 15"]
    assert weekday_dates(text, body, text.index("Monday"), D("2023-05-15"))[0].text == "Friday, May 12"


# --- spans ------------------------------------------------------------------------------------


SPANS = [
    pytest.param("The new contract will kick in starting with 2025-26 and end in 2036-37.",
                 "starting with 2025-26 and end in 2036-37", "season", 12, 2025, 2036, id="and end in"),
    pytest.param("for 11 years beginning with the 2025-26 season and running through the 2035-36 season",
                 "beginning with the 2025-26 season and running through the 2035-36", "season", 11, 2025, 2035,
                 id="running through"),
    pytest.param("a five-year plan from 2021 to 2026", "from 2021 to 2026", "year", 6, 2021, 2026, id="from to"),
    pytest.param("Between 2019 and 2023, sales fell", "Between 2019 and 2023", "year", 5, 2019, 2023, id="between"),
    pytest.param("the 2021-2026 plan", "2021-2026", "year", 6, 2021, 2026, id="one element"),
    pytest.param("the 2021–26 plan", "2021–26", "year", 6, 2021, 2026, id="one element, two digits"),
    pytest.param("from 2025-26 to 2036-37", "from 2025-26 to 2036-37", "season", 12, 2025, 2036, id="seasons"),
    pytest.param("2025/26 through 2029/30", "2025/26 through 2029/30", "season", 5, 2025, 2029, id="slashes"),
    pytest.param("2025-26–2036-37", "2025-26–2036-37", "season", 12, 2025, 2036, id="en dash"),
    pytest.param("FY2021-22 to FY2025-26", "FY2021-22 to FY2025-26", "season", 5, 2021, 2025, id="fiscal"),
    pytest.param("2010 - 2020", "2010 - 2020", "year", 11, 2010, 2020, id="spaced dash"),
]


@pytest.mark.parametrize(("text", "found", "unit", "value", "first", "last"), SPANS)
def test_season_spans(text: str, found: str, unit: str, value: int, first: int, last: int) -> None:
    [q] = season_spans(text)
    assert (q.text, q.kind, q.unit, q.value, q.low, q.high) == (found, "span", unit, value, first, last)
    assert text[q.start : q.end] == q.text


NOT_SPANS = [
    pytest.param("in 2019 and 2020", id="a list of two years"),
    pytest.param("the 2025-26 season", id="one season"),
    pytest.param("in 2021", id="one year"),
    pytest.param("$2021 to $2026", id="amounts"),
    pytest.param("from 2,021 to 2,026", id="grouped digits"),
    pytest.param("2021 to 2026%", id="a percent"),
    pytest.param("from 2026 to 2021", id="backwards"),
    pytest.param("from 2021 to 2025-26", id="mixed forms"),
    pytest.param("2021-2019", id="backwards range"),
    pytest.param("12021 to 2026", id="a longer number"),
    pytest.param("from 1800 to 1900", id="not years"),
    pytest.param("call 2021-2026-2030", id="a phone number"),
]


@pytest.mark.parametrize("text", NOT_SPANS)
def test_not_season_spans(text: str) -> None:
    assert season_spans(text) == []


def test_span_at_an_amount_is_no_span() -> None:
    text = "Output rose from 2021 to 2026 tonnes."
    assert season_spans(text, amounts={text.index("2026")}) == []


def test_calendar_claims_in_order() -> None:
    text = "Header 2001-2005\n\nOn Friday, May 12, a five-year plan from 2021 to 2026 began."
    found = calendar_claims(text, text.index("On"), D("2023-05-15"))
    assert [q.kind for q in found] == ["date", "span"]
    assert [q.text for q in found] == ["Friday, May 12", "from 2021 to 2026"]


# --- properties -------------------------------------------------------------------------------

_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 5: "May", 6: "June", 7: "July", 8: "Aug.",
                  9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


#: Each supported style: (format, whether it writes the year).
STYLES = (
    (lambda w, d: f"{w}, {_ABBREVIATIONS[d.month]} {d.day}, {d.year}", True),   # Wednesday, Jan. 18, 2023
    (lambda w, d: f"{w}, {MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}", True),  # Sunday, August 17th, 2025
    (lambda w, d: f"{w}, {d.day} {MONTHS[d.month - 1]} {d.year}", True),  # Thursday, 14 August 2025
    (lambda w, d: f"{w}, {MONTHS[d.month - 1]} {d.day}", False),  # Friday, May 12
    (lambda w, d: f"{w} {d.day} {MONTHS[d.month - 1]}", False),  # Friday 12 May
)
DATE_RANGE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None)
@given(date=DATE_RANGE, style=st.sampled_from(range(len(STYLES))), offset=st.integers(-150, 150))
def test_true_weekday_reads_back(date: dt.date, style: int, offset: int) -> None:
    """Any date written in any style with its true weekday reads back as that date, unflagged;
    without its year, the publication date (within five months) supplies it."""
    write, has_year = STYLES[style]
    weekday = WEEKDAYS[date.weekday()]
    text = f"The meeting was held on {write(weekday, date)}, officials said."
    published = date + dt.timedelta(days=offset) if not has_year or offset % 2 else None
    [q] = weekday_dates(text, published=published)
    assert q.period is not None and q.period.start == date, (text, published)
    assert true_weekday(q) == q.literal == weekday


@settings(max_examples=40, deadline=None)
@given(date=DATE_RANGE, style=st.sampled_from(range(len(STYLES))), shift=st.integers(1, 6))
def test_rule_flags_a_wrong_weekday_and_only_that(date: dt.date, style: int, shift: int) -> None:
    """Through the whole check: the true weekday is silent, any other is FC601."""
    write, _ = STYLES[style]
    published = (date + dt.timedelta(days=3)).isoformat()
    true, wrong = WEEKDAYS[date.weekday()], WEEKDAYS[(date.weekday() + shift) % 7]
    for weekday, expect in ((true, []), (wrong, ["FC601"])):
        doc = parse_document(f"---\npublished: {published}\n---\nIt happened on {write(weekday, date)}.\n", "a.md")
        assert [f.code for f in check([doc], select=["FC601"]).findings] == expect


_PIECES = st.sampled_from([
    *WEEKDAYS, *MONTHS, "Jan.", "Sept.", "Feb.", "the", "of", "and", "to", "through", "from", "between",
    "starting with", "and end in", "FY", "season", ",", ".", " ", "  ", "\n", "-", "–", "/", "$", "%",
    "12", "29", "31", "0", "00", "1st", "2nd", "17th", "2025", "2023", "1999", "2025-26", "2036-37", "2021-2026",
    "9999", "1800", "٣", "é", "\u200b",
])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30), published=st.none() | st.dates(),
       start=st.integers(0, 5))
def test_no_input_crashes(pieces: list[str], published: dt.date | None, start: int) -> None:
    """Whatever the text and publication date, the readers return well-formed claims."""
    text = "".join(pieces)
    for q in calendar_claims(text, min(start, len(text)), published):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.kind in ("date", "span") and q.interval is not None
        if q.kind == "date":
            written_date(q)
            assert q.literal in WEEKDAYS
        else:
            assert q.low is not None and q.high is not None and q.low < q.high


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), published=st.none() | st.dates())
def test_no_text_crashes(text: str, published: dt.date | None) -> None:
    calendar_claims(text, 0, published)
