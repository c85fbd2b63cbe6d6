"""FC601 weekday-date-mismatch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factcheck.attribute.calendar import WEEKDAYS, longest_month, month_name, true_weekday, written_date
from factcheck.facts import Fact
from factcheck.findings import Finding, Severity
from factcheck.group import Context
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: A date written without its year is read in the year nearest to publication; when it falls on
#: the written weekday in the year before or after, and that date is no further than this from
#: publication, it may be meant and nothing is reported.
OTHER_YEAR_DAYS = 250


class WeekdayDateMismatch(Rule):
    """A weekday written with a date that falls on another day, or a date that does not exist.

    "Thursday, Jan. 18, 2023" claims two things about one day, and the calendar says which is
    wrong: 18 January 2023 was a Wednesday. A date written without its year ("on Friday, May 12")
    is read in the year that puts it nearest to the article's publication date, unless it fits
    the year before or after and that date is still near publication ("Friday, Nov. 24" in May
    2023 may be the coming November); without a year or a publication date it is not checked. A
    day that no calendar has ("Friday, 31 June", "Wednesday, 29 Feb 2023") is reported as no
    such date. Read forms: "Wednesday, Jan. 18,
    2023", "Sunday, August 17th, 2025", "Thursday, 14 August 2025", "Friday, May 12", "Friday 12
    May". Pairs of days ("Friday and Saturday, May 12 and 13") and a date that begins a clause of
    its own ("said on Monday, March 3 was the deadline") are left alone.

    **Bad**

    - "The hearing took place on Thursday, Jan. 18, 2023." (a Wednesday).
    - "The deadline is Friday, 31 June." (June has 30 days).

    **Good**

    - "The results were published on Friday, 12 May 2023." (a Friday).
    - "On Friday, May 12, shares rose 3%", in an article published on 2023-05-13.
    """

    code = "FC601"
    name = "weekday-date-mismatch"
    calendar = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for f in ctx.facts:
            if f.q.kind != "date":
                continue
            finding = self._finding(f)
            if finding is not None:
                yield finding

    def _finding(self, f: Fact) -> Finding | None:
        q = f.q
        month, day, year = written_date(q)
        actual = true_weekday(q)
        if actual == q.literal:
            return None
        if year is None and q.period is not None \
                and _fits_another_year(q.period.start.year, month, day, q.literal, f.published):
            return None
        if actual is None:
            # sure when no year has the day ("31 June"), or the year is written; inferred otherwise
            severity: Severity = "error" if year is not None or q.period is None else "warning"
            if q.period is None:
                length, named = longest_month(month), month_name(month)
            else:
                length, named = q.period.end.day, f"{month_name(month)} {q.period.start.year}"
            return self.finding(severity,
                                f"{quoted(q)} in {f.doc}: no such date ({named} has {length} days)",
                                (f,), {"month": q.period.key if q.period else month_name(month), "day": day},
                                "a mistyped day or month")
        assert q.period is not None
        date = q.period.start
        message = (f"{quoted(q)} in {f.doc}: {date.day} {month_name(date.month)} {date.year} is a {actual}, "
                   f"not a {q.literal}")
        if year is None:
            message += f" (the year nearest to the publication date, {f.published})"
        return self.finding("error" if year is not None else "warning", message, (f,),
                            {"date": date.isoformat(), "weekday": actual, "written": q.literal},
                            "a mistyped weekday or date, or a weekday left over from an earlier draft")


def _fits_another_year(year: int, month: int, day: int, weekday: str, published: dt.date | None) -> bool:
    """Is there a year next to ``year``, near enough to the publication date to be meant, in
    which the day exists and falls on ``weekday``? "Friday, Nov. 24" in May 2023 is nearest in
    2022 (a Thursday), but may be the coming November (a Friday): the reading that fits is taken."""
    if published is None:
        return False
    for other_year in (year - 1, year + 1):
        try:
            other = dt.date(other_year, month, day)
        except ValueError:  # no such day that year (29 February), or a year out of range
            continue
        if abs((other - published).days) <= OTHER_YEAR_DAYS and WEEKDAYS[other.weekday()] == weekday:
            return True
    return False


__all__ = ["Fact", "WeekdayDateMismatch"]
