"""The period grammar: which phrases name a period, and what they resolve to."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.attribute import periods
from factcheck.attribute.periods import PeriodMention, find_periods, resolve_period, year_to_date
from factcheck.model import Period
from hostile import PERIOD_CHARACTERS, PERIODS
from operations import BAR, call_ratio

D = date.fromisoformat


def row(phrase: str, published: str | None, key: str) -> object:
    pub = f" @{published}" if published else ""
    return pytest.param(phrase, None if published is None else D(published), key, id=f"{phrase}{pub}")


RESOLVES = [
    # explicit dates
    row("May 28, 2024", None, "2024-05-28"),
    row("as of May 28, 2024", None, "2024-05-28"),
    row("28 May 2024", None, "2024-05-28"),
    row("the 28th of May, 2024", None, "2024-05-28"),
    row("2024-05-28", None, "2024-05-28"),
    row("Aug 13", "2025-08-15", "2025-08-13"),
    row("August 13", "2025-08-15", "2025-08-13"),
    # a date without its year is the occurrence nearest to publication, looking at most three
    # months ahead: news writes about the coming weeks ("effective from 18 September")
    row("Aug 16", "2025-08-15", "2025-08-16"),
    row("18 September", "2024-09-12", "2024-09-18"),
    row("December 20", "2025-01-05", "2024-12-20"),
    row("November 30", "2025-08-15", "2024-11-30"),
    row("Aug 16", "2025-12-15", "2025-08-16"),
    row("Dec. 9", "2025-02-12", "2024-12-09"),
    row("on Sept. 3", "2025-02-12", "2024-09-03"),
    # months
    row("October 2020", None, "2020-10"),
    row("in mid-May 2024", None, "2024-05"),
    row("in March", "2025-06-05", "2025-03"),
    row("in November", "2025-06-05", "2024-11"),
    row("last month", "2025-02-12", "2025-01"),
    row("last month", "2025-01-12", "2024-12"),
    row("this month", "2025-02-12", "2025-02"),
    row("a month earlier", "2025-03-31", "2025-02"),
    # years
    row("2024", None, "2024"),
    row("in 2024 alone", None, "2024"),
    row("mid-2024", None, "2024"),
    row("the previous year", "2025-02-12", "2024"),
    row("last year", "2025-02-12", "2024"),
    row("a year earlier", "2025-02-12", "2024"),
    row("this year", "2025-02-12", "2025"),
    row("2020-2024", None, "2020-01-01..2024-12-31"),
    row("between 2020 and 2024", None, "2020-01-01..2024-12-31"),
    # quarters
    row("Q2 2025", None, "2025-Q2"),
    row("2Q25", None, "2025-Q2"),
    row("Q4 2024", None, "2024-Q4"),
    row("Q2'25", None, "2025-Q2"),
    row("4Q 2024", None, "2024-Q4"),
    row("the fourth quarter", "2025-02-24", "2024-Q4"),
    row("the fourth quarter", "2024-12-31", "2024-Q4"),
    row("the final 2024 quarter", None, "2024-Q4"),
    row("the 2024 fourth quarter", None, "2024-Q4"),
    row("fourth-quarter 2024", None, "2024-Q4"),
    row("the June quarter", "2025-09-25", "2025-Q2"),
    row("the June quarter", "2025-06-20", "2024-Q2"),
    row("the March 2024 quarter", None, "2024-Q1"),
    row("second-quarter", "2025-09-25", "2025-Q2"),
    row("the second quarter of 2025", None, "2025-Q2"),
    row("the first quarter of last year", "2025-02-24", "2024-Q1"),
    row("first quarter", "2025-02-24", "2024-Q1"),
    row("first quarter", "2025-04-01", "2025-Q1"),
    row("last quarter", "2024-06-05", "2024-Q1"),
    row("this quarter", "2024-06-05", "2024-Q2"),
    row("the three months ended March 31, 2024", None, "2024-Q1"),
    row("the three months ended June 30, 2023", None, "2023-Q2"),
    row("the quarter ended Dec. 31, 2024", None, "2024-Q4"),
    row("the three months to June", "2025-02-24", "2024-Q2"),
    # halves
    row("H1 2024", None, "2024-H1"),
    row("1H24", None, "2024-H1"),
    row("first half of 2024", None, "2024-H1"),
    row("the first-half 2024", None, "2024-H1"),
    row("the second half", "2025-02-24", "2024-H2"),
    row("the second half of the year", "2025-02-24", "2025-H2"),
    row("the six months to 30 June 2024", None, "2024-H1"),
    row("the first six months of 2024", None, "2024-H1"),
    row("the first nine months of 2024", None, "2024-01-01..2024-09-30"),
    # fiscal, no calendar known
    row("FY25", None, "FY2025"),
    row("FY2025", None, "FY2025"),
    row("FY 2025", None, "FY2025"),
    row("FY2024-25", None, "FY2025"),
    row("fiscal 2024", None, "FY2024"),
    row("fiscal year 2025", None, "FY2025"),
    row("the 2025 fiscal year", None, "FY2025"),
    row("Q1 FY25", None, "FY2025-Q1"),
    row("Q1 FY2025", None, "FY2025-Q1"),
    row("1QFY25", None, "FY2025-Q1"),
    row("first quarter of fiscal 2025", None, "FY2025-Q1"),
    row("fiscal 2025 first quarter", None, "FY2025-Q1"),
    row("fiscal Q3 2025", None, "FY2025-Q3"),
    row("H1 FY25", None, "FY2025-H1"),
    row("the fiscal year ended March 31, 2025", None, "FY2025"),
    # relative days
    row("last Friday", "2025-02-24", "2025-02-21"),
    row("last Friday", "2025-02-21", "2025-02-14"),
    row("on Thursday", "2025-02-24", "2025-02-20"),
    row("on Monday", "2025-02-24", "2025-02-17"),
    row("late Tuesday", "2025-02-24", "2025-02-18"),
    row("yesterday", "2025-02-24", "2025-02-23"),
    row("today", "2025-02-24", "2025-02-24"),
    # to date and since
    row("year-to-date", "2024-06-05", "2024-01-01..2024-06-05"),
    row("Year-to-date", "2024-06-05", "2024-01-01..2024-06-05"),
    row("YTD", "2024-06-05", "2024-01-01..2024-06-05"),
    row("so far this year", "2024-06-05", "2024-01-01..2024-06-05"),
    row("this year so far", "2024-06-05", "2024-01-01..2024-06-05"),
    row("so far in 2024", "2024-06-05", "2024-01-01..2024-06-05"),
    row("since the start of 2024", "2024-06-05", "2024-01-01..2024-06-05"),
    row("since the beginning of the year", "2024-06-05", "2024-01-01..2024-06-05"),
    row("since the end of 2023", "2024-06-05", "2024-01-01..2024-06-05"),
    row("since March", "2024-06-05", "2024-03-01..2024-06-05"),
    # instants
    row("as of the end of 2024", "2025-01-10", "2024-12-31"),
    row("end-March 2025", None, "2025-03-31"),
    row("at the end of the quarter", "2024-06-05", "2024-06-30"),
    # forward-looking and trailing spans
    row("over the next three years", "2025-02-24", "2025-02-24..2028-02-24"),
    row("in the next five years", "2025-02-24", "2025-02-24..2030-02-24"),
    row("over the upcoming three years", "2025-02-24", "2025-02-24..2028-02-24"),
    row("the next 12 months", "2025-02-24", "2025-02-24..2026-02-24"),
    row("by 2027", "2025-02-24", "2025-02-24..2027-12-31"),
    row("by the end of the year", "2025-02-24", "2025-02-24..2025-12-31"),
    row("next year", "2025-02-24", "2026"),
    row("next quarter", "2025-02-24", "2025-Q2"),
    row("the past 12 months", "2024-06-05", "2023-06-05..2024-06-05"),
    row("over the last three years", "2024-06-05", "2021-06-05..2024-06-05"),
]

NOT_PERIODS = [
    "2-2",
    "25%",
    "$2024",
    "Qwen 2.5 Max",
    "GPT-4o",
    "Llama 3.1",
    "Model 3",
    "12:01 a.m.",
    "3 to 5 years",
    "200 million people",
    "1688",
    "2,024",
    "2024%",
    "2024 percent",
    "2024 employees",
    "2000 years",
    "2024.5",
    "the 2020s",
    "pre-2020",
    "in the coming years",
    "May I ask",
    "Black Friday",
    "H5N1",
    "Q5",
    "H3",
    "in Mar-a-Lago",
    "",
]

RELATIVE = [
    "last year",
    "this month",
    "the fourth quarter",
    "the June quarter",
    "Aug 13",
    "last Friday",
    "on Thursday",
    "yesterday",
    "today",
    "year-to-date",
    "since the start of 2024",
    "over the next three years",
    "by 2027",
    "next year",
    "in March",
]


class TestResolvePeriod:
    """resolve_period reads one whole phrase against a publication date."""

    @pytest.mark.parametrize(("phrase", "published", "key"), RESOLVES)
    def test_phrase_resolves_to_key(self, phrase: str, published: date | None, key: str) -> None:
        """Each phrase of the table resolves, as a whole, to its contract key."""
        period = resolve_period(phrase, published)
        assert period is not None, phrase
        assert period.key == key
        assert period.start <= period.end

    @pytest.mark.parametrize("phrase", NOT_PERIODS)
    def test_not_a_period(self, phrase: str) -> None:
        """Numbers that are counts, versions, prices, times or durations are not periods."""
        assert resolve_period(phrase, D("2025-02-24")) is None
        assert find_periods(phrase, published=D("2025-02-24")) == []

    @pytest.mark.parametrize("phrase", RELATIVE)
    def test_relative_phrase_needs_publication_date(self, phrase: str) -> None:
        """Without a publication date a relative phrase resolves to nothing."""
        assert resolve_period(phrase, None) is None

    def test_part_of_a_phrase_is_not_the_phrase(self) -> None:
        """The whole string must be the period phrase, give or take trailing punctuation."""
        assert resolve_period("revenue in 2024", None) is None
        assert resolve_period("2024 and 2025", None) is None
        assert resolve_period("  in 2024.  ", None) == resolve_period("2024", None)

    @pytest.mark.parametrize(
        ("phrase", "granularity", "start", "end"),
        [
            ("Q4 2024", "quarter", "2024-10-01", "2024-12-31"),
            ("Q1 2024", "quarter", "2024-01-01", "2024-03-31"),
            ("H2 2024", "half", "2024-07-01", "2024-12-31"),
            ("February 2024", "month", "2024-02-01", "2024-02-29"),
            ("2023", "year", "2023-01-01", "2023-12-31"),
            ("the three months ended June 30, 2023", "quarter", "2023-04-01", "2023-06-30"),
            ("the three months ended March 29, 2024", "range", "2023-12-30", "2024-03-29"),
            ("the November quarter of 2024", "range", "2024-09-01", "2024-11-30"),
        ],
        ids=lambda v: v if isinstance(v, str) and not v[:1].isdigit() else "",
    )
    def test_bounds(self, phrase: str, granularity: str, start: str, end: str) -> None:
        """Quarters, halves and months have exact inclusive bounds, with no month-end clipping."""
        period = resolve_period(phrase, None)
        assert period is not None
        assert (period.granularity, period.start, period.end) == (granularity, D(start), D(end))

    def test_fiscal_without_calendar_is_a_calendar_placeholder(self) -> None:
        """Without a fiscal year end the dates stand in for the calendar year; only the key counts."""
        assert resolve_period("FY2025", None) == Period(D("2025-01-01"), D("2025-12-31"), "fiscal_year", "FY2025")
        quarter = resolve_period("Q1 FY25", None)
        assert quarter == Period(D("2025-01-01"), D("2025-03-31"), "fiscal_quarter", "FY2025-Q1")

    @pytest.mark.parametrize(
        ("phrase", "published", "key", "start", "end"),
        [
            ("FY2025", None, "FY2025", "2024-04-01", "2025-03-31"),
            ("fiscal 2024", None, "FY2024", "2023-04-01", "2024-03-31"),
            ("Q1 FY25", None, "FY2025-Q1", "2024-04-01", "2024-06-30"),
            ("Q4 FY2025", None, "FY2025-Q4", "2025-01-01", "2025-03-31"),
            ("first quarter of fiscal 2025", None, "FY2025-Q1", "2024-04-01", "2024-06-30"),
            ("H2 FY25", None, "FY2025-H2", "2024-10-01", "2025-03-31"),
            ("last fiscal year", "2025-02-24", "FY2024", "2023-04-01", "2024-03-31"),
            ("this fiscal year", "2025-05-02", "FY2026", "2025-04-01", "2026-03-31"),
            ("the fiscal fourth quarter", "2025-05-20", "FY2025-Q4", "2025-01-01", "2025-03-31"),
        ],
        ids=lambda v: v if isinstance(v, str) and not v[:1].isdigit() else "",
    )
    def test_fiscal_with_march_year_end(
        self, phrase: str, published: str | None, key: str, start: str, end: str
    ) -> None:
        """With a fiscal year end month the fiscal periods get their real dates."""
        pub = None if published is None else D(published)
        period = resolve_period(phrase, pub, fiscal_year_end_month=3)
        assert period is not None
        assert (period.key, period.start, period.end) == (key, D(start), D(end))
        assert period.granularity.startswith("fiscal_")

    def test_fiscal_relative_needs_calendar(self) -> None:
        """Relative fiscal phrases mean nothing until we know when the fiscal year ends."""
        assert resolve_period("last fiscal year", D("2025-02-24")) is None
        assert resolve_period("the fiscal fourth quarter", D("2025-02-24")) is None

    @pytest.mark.parametrize(
        ("phrase", "published", "forward"),
        [
            ("over the next three years", "2025-02-24", True),
            ("by 2027", "2025-02-24", True),
            ("next year", "2025-02-24", True),
            ("next Monday", "2025-02-24", True),
            ("2030", "2025-02-24", True),
            ("Q3 2025", "2025-02-24", True),
            ("this year", "2025-02-24", False),
            ("last year", "2025-02-24", False),
            ("the past 12 months", "2025-02-24", False),
            ("Q1 2025", "2025-02-24", False),
        ],
    )
    def test_forward_looking(self, phrase: str, published: str, forward: bool) -> None:
        """Spans that start after publication, and horizons ahead of it, are forward-looking."""
        period = resolve_period(phrase, D(published))
        assert period is not None
        assert period.forward_looking is forward

    def test_by_a_past_year_is_an_instant(self) -> None:
        """A deadline already passed ("by 2020" read in 2025) is an instant, not a forecast."""
        end_of_2020 = Period(D("2020-12-31"), D("2020-12-31"), "day", "2020-12-31")
        assert resolve_period("by 2020", D("2025-02-24")) == end_of_2020


class TestYearToDate:
    """year_to_date spans Jan 1 to the publication date."""

    def test_default_year(self) -> None:
        """With no year it is the publication year."""
        assert year_to_date(D("2024-06-05")) == Period(
            D("2024-01-01"), D("2024-06-05"), "range", "2024-01-01..2024-06-05"
        )

    def test_explicit_year(self) -> None:
        """An explicit year starts that year, still ending at publication."""
        assert year_to_date(D("2024-06-05"), 2023).key == "2023-01-01..2024-06-05"

    def test_on_new_years_eve_is_still_a_range(self) -> None:
        """Even a whole year to date keeps the range key and granularity."""
        period = year_to_date(D("2024-12-31"))
        assert (period.key, period.granularity) == ("2024-01-01..2024-12-31", "range")


class TestFindPeriods:
    """find_periods lists every period phrase in a text, with offsets and a role."""

    @pytest.mark.parametrize(
        ("phrase", "published", "role"),
        [
            ("as of May 28, 2024", "2024-06-03", "as_of"),
            ("as of the end of 2023", "2024-06-03", "as_of"),
            ("since the start of 2024", "2024-06-03", "since"),
            ("since Monday", "2024-06-05", "since"),
            ("year-to-date", "2024-06-03", "to_date"),
            ("so far this year", "2024-06-03", "to_date"),
            ("in 2024 alone", "2024-06-03", "period"),
            ("over the next three years", "2024-06-03", "period"),
            ("last Friday", "2024-06-03", "period"),
        ],
    )
    def test_role(self, phrase: str, published: str, role: str) -> None:
        """The role says whether the phrase is a span, an instant, an open start or a to-date span."""
        (mention,) = find_periods(phrase, published=D(published))
        assert (mention.start, mention.end, mention.text, mention.role) == (0, len(phrase), phrase, role)

    def test_sentence(self) -> None:
        """Period phrases are found inside prose, offsets index the text, numbers are left alone."""
        text = (
            "The company, which had 2.4 billion shares outstanding as of May 28, 2024, said revenue rose "
            "12% to 3.2 billion yuan in the March quarter; year-to-date sales are up 5% on Thursday's data."
        )
        mentions = find_periods(text, published=D("2024-06-03"))
        assert [(m.text, m.period.key, m.role) for m in mentions] == [
            ("as of May 28, 2024", "2024-05-28", "as_of"),
            ("in the March quarter", "2024-Q1", "period"),
            ("year-to-date", "2024-01-01..2024-06-03", "to_date"),
            ("on Thursday", "2024-05-30", "period"),
        ]
        assert all(text[m.start : m.end] == m.text for m in mentions)

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("Der Umsatz stieg im dritten Quartal 2024 um 5 Prozent.", ("dritten Quartal 2024", "2024-Q3")),
            ("Au troisième trimestre, les ventes ont baissé.", ("troisième trimestre", "2024-Q3")),
            ("En el primer trimestre de 2024 vendió 60,1 millones.", ("primer trimestre de 2024", "2024-Q1")),
            ("A receita subiu no segundo semestre de 2023.", ("segundo semestre de 2023", "2023-H2")),
            ("Il fatturato del terzo trimestre.", ("terzo trimestre", "2024-Q3")),
        ],
    )
    def test_quarters_and_halves_of_other_languages(self, text: str, found: tuple[str, str]) -> None:
        """German, French, Spanish, Portuguese and Italian ordinal quarters and halves are periods,
        read as the English ones are (without a year: the latest ended by publication)."""
        assert [(m.text, m.period.key) for m in find_periods(text, published=D("2024-10-30"))] == [found]

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("Der Umsatz stieg in den ersten neun Monaten um 5 Prozent.",
             ("ersten neun Monaten", "2024-01-01..2024-09-30")),
            ("Sur les neuf premiers mois de 2023, les ventes ont baissé.",
             ("neuf premiers mois de 2023", "2023-01-01..2023-09-30")),
            ("Ingresos acumulados en los primeros nueve meses del año.",
             ("primeros nueve meses", "2024-01-01..2024-09-30")),
            ("Vendas nos primeiros seis meses de 2024.", ("primeiros seis meses de 2024", "2024-H1")),
            ("Umsatz in den ersten drei Quartalen 2024.", ("ersten drei Quartalen 2024", "2024-01-01..2024-09-30")),
        ],
    )
    def test_first_months_of_other_languages(self, text: str, found: tuple[str, str]) -> None:
        """"The first nine months" in German, French, Spanish and Portuguese, and three quarters
        counted as nine months, are year-to-date spans (without a year: the latest ended)."""
        assert [(m.text, m.period.key) for m in find_periods(text, published=D("2024-10-30"))] == [found]

    def test_longest_wins(self) -> None:
        """Overlapping readings give way to the longest: one mention, not "2024" inside it."""
        text = "Sales in the three months ended March 31, 2024 rose."
        (mention,) = find_periods(text, published=None)
        assert mention.text == "in the three months ended March 31, 2024"
        assert mention.period.key == "2024-Q1"

    def test_region_offsets_are_into_the_whole_text(self) -> None:
        """Only text[start:end] is searched, and offsets still index the whole text."""
        text = "In 2023 sales fell. In Q4 2024 they rose. In 2025 they held."
        start, end = text.index("In Q4"), text.index(" In 2025")
        (mention,) = find_periods(text, start, end, published=None)
        assert (mention.text, text[mention.start : mention.end]) == ("In Q4 2024", "In Q4 2024")
        assert mention.start == start

    def test_prefix_does_not_reach_outside_the_region(self) -> None:
        """A modifier before the region is not part of a mention inside it."""
        text = "as of 2024"
        (mention,) = find_periods(text, 6, published=None)
        assert (mention.text, mention.role) == ("2024", "period")

    def test_modifier_a_core_cannot_take_is_left_out(self) -> None:
        """A modifier such as "mid-" means nothing before a quarter, so the span starts at the quarter."""
        (mention,) = find_periods("mid-Q3 2024", published=None)
        assert mention.text == "Q3 2024"

    def test_in_order_and_disjoint(self) -> None:
        """Mentions come in text order and never overlap."""
        text = "Q1 2024, Q2 2024 and the first half of 2024, versus 2023 and FY2023, last year and today."
        mentions = find_periods(text, published=D("2025-01-10"))
        keys = ["2024-Q1", "2024-Q2", "2024-H1", "2023", "FY2023", "2024", "2025-01-10"]
        assert [m.period.key for m in mentions] == keys
        assert all(a.end <= b.start for a, b in pairwise(mentions))

    def test_no_dateutil_without_a_match(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """dateutil only ever sees a span a rule matched; ordinary prose never reaches it."""

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("dateutil called")

        monkeypatch.setattr(periods.date_parser, "parse", refuse)
        text = "Revenue rose 12% to Rmb 31.7 billion in 2024, beating estimates by 3 points, on 12:01 a.m. orders."
        assert [m.text for m in find_periods(text, published=D("2025-01-10"))] == ["in 2024"]

    def test_mention_is_frozen(self) -> None:
        """Mentions are values."""
        (mention,) = find_periods("2024", published=None)
        assert isinstance(mention, PeriodMention)
        with pytest.raises(AttributeError):
            mention.start = 3  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

_ORDINAL_WORDS = ["first", "second", "third", "fourth"]


@settings(max_examples=300)
@given(
    published=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    year=st.integers(min_value=1970, max_value=2069),
    quarter=st.integers(min_value=1, max_value=4),
)
def test_quarter_spellings_read_back(published: date, year: int, quarter: int) -> None:
    """The spellings "Qn YYYY", "nQYY" and "the <ordinal> quarter of YYYY" all read back as YYYY-Qn."""
    key = f"{year}-Q{quarter}"
    ordinal = _ORDINAL_WORDS[quarter - 1]
    spellings = (f"Q{quarter} {year}", f"{quarter}Q{year % 100:02d}", f"the {ordinal} quarter of {year}")
    for phrase in spellings:
        period = resolve_period(phrase, published)
        assert period is not None, phrase
        assert period.key == key
        assert period.forward_looking is (period.start > published)


@settings(max_examples=300)
@given(
    published=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    quarter=st.integers(min_value=1, max_value=4),
)
def test_quarter_without_year_is_the_latest_ended(published: date, quarter: int) -> None:
    """A quarter named without a year is the latest such quarter that ended on or before publication."""
    period = resolve_period(f"the {_ORDINAL_WORDS[quarter - 1]} quarter", published)
    assert period is not None
    assert period.end <= published
    assert period.end > published - timedelta(days=366)
    assert period.key.endswith(f"-Q{quarter}")


@settings(max_examples=200)
@given(published=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), weekday=st.integers(0, 6))
def test_last_weekday_is_within_the_week_before(published: date, weekday: int) -> None:
    """ "last <weekday>" is that weekday, one to seven days before publication."""
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    period = resolve_period(f"last {name}", published)
    assert period is not None
    assert period.start.weekday() == weekday
    assert 1 <= (published - period.start).days <= 7


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), published=st.none() | st.dates())
def test_never_raises_on_arbitrary_text(text: str, published: date | None) -> None:
    """Any text gives a list of disjoint mentions whose offsets index it."""
    mentions = find_periods(text, published=published)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert all(a.end <= b.start for a, b in pairwise(mentions))




@settings(max_examples=200)
@given(
    text=st.lists(st.sampled_from([*PERIOD_CHARACTERS, "Q1 ", "2024", "FY", "May ", "the ", "first ", "-"]))
    .map("".join),
    published=st.none() | st.dates(),
)
def test_never_raises_on_adversarial_text(text: str, published: date | None) -> None:
    """Fragments of period phrases glued together never break the scanner."""
    for mention in find_periods(text, published=published, fiscal_year_end_month=6):
        assert text[mention.start : mention.end] == mention.text


def test_work_is_linear() -> None:
    """4x as much text of digits, spaces, "Q" and commas makes no more calls per character: the
    work is linear. Counted, not timed (operations.py); benchmarks/adversarial.py times the same
    input ("periods: digits Q and commas") with the issue's bar."""
    ratio = call_ratio(lambda text: find_periods(text, published=D("2025-02-24")), PERIODS["digits Q and commas"],
                       40_000)
    assert ratio < BAR, ratio
