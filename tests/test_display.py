"""Notebook views: HTML reprs, one-line reprs and Report.to_pandas()."""

from __future__ import annotations

import sys
from html.parser import HTMLParser

import pytest

from acme import A, B
from factcheck.documents import parse_document
from factcheck.pipeline import check
from factcheck.report import Report
from factcheck.report.report import COLUMNS, MAX_ROWS

ODD_NAME = "b<&>.md"  # a path that must be escaped in HTML


@pytest.fixture(scope="module")
def report() -> Report:
    return check([parse_document(A, "a.md"), parse_document(B, ODD_NAME)])


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Cells:
    cells = _Cells()
    cells.feed(html)
    return cells


class TestHtml:
    def test_report_is_a_table_of_findings(self, report: Report) -> None:
        """The report's HTML has the summary and a row per finding with each source's figure."""
        cells = _parse(report._repr_html_())
        assert cells.tags.count("tr") == 1 + len(report.findings)
        text = "".join(cells.text)
        assert "Found 1 conflict in 2 documents" in text and "£22.6bn" in text and "FC201" in text

    def test_finding_and_quantity(self, report: Report) -> None:
        """A finding shows its facts in a table; a quantity its fields; text is escaped."""
        finding = report.findings[0]
        cells = _parse(finding._repr_html_())
        assert cells.tags.count("tr") == 1 + len(finding.facts) and "value-mismatch" in "".join(cells.text)
        quantity = _parse(finding.facts[0].q._repr_html_())
        assert "22600000000" in quantity.text and "revenue" in quantity.text
        for html in (report._repr_html_(), finding._repr_html_()):
            assert ODD_NAME not in html and "b&lt;&amp;&gt;.md" in html

    def test_long_reports_are_cut(self, report: Report) -> None:
        """A notebook shows at most MAX_ROWS findings and says where the rest are."""
        big = Report(report.findings * (MAX_ROWS + 5), report.documents)
        html = big._repr_html_()
        assert _parse(html).tags.count("tr") == 1 + MAX_ROWS and "and 5 more" in html


class TestRepr:
    def test_reprs_fit_one_line(self, report: Report) -> None:
        """repr of a report, a finding and a quantity is one short line."""
        for value in (report, report.findings[0], report.findings[0].facts[0].q):
            text = repr(value)
            assert "\n" not in text and len(text) <= 120, text
        assert repr(report) == "<Report 1 conflict in 2 documents: FC201×1>"
        assert repr(report.findings[0]).startswith("<Finding FC201 error a.md@")


class TestPandas:
    def test_one_row_per_finding(self, report: Report) -> None:
        """to_pandas gives the documented columns, one row per finding, numbers as numbers."""
        pd = pytest.importorskip("pandas", reason="pandas is an optional extra: pip install 'factcheck-news[pandas]'")
        frame = report.to_pandas()
        assert isinstance(frame, pd.DataFrame) and list(frame.columns) == list(COLUMNS)
        row = frame.iloc[0]
        assert (row["code"], row["line"], row["value"], row["docs"]) == ("FC201", 4, 22_600_000_000, ["a.md", ODD_NAME])

    def test_without_pandas_the_error_says_what_to_install(self, report: Report,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_pandas raises ImportError naming the extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r"factcheck-news\[pandas\]"):
            report.to_pandas()
