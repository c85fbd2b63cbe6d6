"""Report's notebook helpers: ``filter``, ``by_code`` and ``to_html``."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.documents import parse_document
from factcheck.errors import UsageError
from factcheck.output import render
from factcheck.pipeline import check
from factcheck.report import Report
from factcheck.report.suppressions import apply

HEAD = "---\npublished: 2024-10-30\n---\n"


@pytest.fixture(scope="module")
def report() -> Report:
    """Larkspur's revenue (FC201, and FC203: the same sentence in two articles) and Tidewell's
    staff (FC201, suppressed)."""
    docs = [
        parse_document(HEAD + "Larkspur reported revenue of £22.6bn in 2024.\n\n"
                       "Tidewell employed 1,200 people in 2024.\n", "a.md"),
        parse_document(HEAD + "Larkspur reported revenue of £28.6bn in 2024.\n", "b.md"),
        parse_document(HEAD + "<!-- factcheck: ignore FC201 -- counts contractors -->\n"
                       "Tidewell employed 1,500 people in 2024.\n", "c.md"),
    ]
    return apply(check(docs), select=(), ignore=())


def test_fixture_has_two_codes_and_a_suppressed_finding(report: Report) -> None:
    assert sorted(f.code for f in report.findings) == ["FC201", "FC203"]
    assert [f.code for f in report.suppressed] == ["FC201"]


def test_filter_by_code_prefix_severity_and_doc(report: Report) -> None:
    """Each criterion keeps what matches it, the suppressed findings filtered alike."""
    fc201, fc203 = sorted(report.findings, key=lambda f: f.code)
    assert report.filter("fc2") == report
    assert report.filter("FC203").findings == (fc203,) and report.filter("FC203").suppressed == ()
    assert report.filter("FC201,FC3").findings == (fc201,) and len(report.filter(["FC201"]).suppressed) == 1
    assert report.filter(["FC3", "FC5"]).findings == ()
    assert report.filter(severity=fc201.severity).findings == tuple(
        f for f in report.findings if f.severity == fc201.severity)
    assert report.filter(severity=["info"]).findings == ()
    assert report.filter(doc="b.md").findings == report.findings and report.filter(doc="b.md").suppressed == ()
    assert report.filter(doc=[Path("c.md")]).findings == () and len(report.filter(doc=["c.md"]).suppressed) == 1
    assert report.filter("FC201", severity=fc201.severity, doc="a.md").findings == (fc201,)
    assert "1 suppressed" not in report.filter(doc="b.md").summary()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"code": "FC2O1"}, "code: 'FC2O1' is the code or prefix of no rule"),
    ({"code": [201]}, "code: 201 is not a string"),
    ({"severity": "errors"}, "severity: 'errors' is not one of error, warning, info"),
])
def test_filter_rejects_what_can_match_nothing(report: Report, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=f"^{message}"):
        report.filter(**kwargs)  # type: ignore[arg-type]


def test_by_code(report: Report) -> None:
    fc201, fc203 = sorted(report.findings, key=lambda f: f.code)
    assert report.by_code() == {"FC201": [fc201], "FC203": [fc203]}
    assert list(report.by_code()) == ["FC201", "FC203"]
    assert Report(()).by_code() == {}


def test_to_html_is_the_html_format_and_writes_it(report: Report, tmp_path: Path) -> None:
    page = report.to_html()
    assert page == render(report, "html") and page.startswith("<!doctype html>")
    assert report.to_html(tmp_path / "report.html") == page
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == page
    with pytest.raises(UsageError, match="the directory does not exist"):
        report.to_html(tmp_path / "missing" / "report.html")
