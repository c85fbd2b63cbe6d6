"""GitHub workflow annotations: escaping, positions in the whole file, and the 10-per-level cap."""

from __future__ import annotations

from decimal import Decimal

from acme import A, B
from factcheck.documents import parse_document
from factcheck.facts import Fact
from factcheck.findings import Finding, Severity
from factcheck.model import Quantity
from factcheck.output.github import LIMIT, escape_data, escape_property, render_github
from factcheck.pipeline import check
from factcheck.report import Report


def test_escaping() -> None:
    """Messages escape %, CR and LF; property values also escape : and ,."""
    assert escape_data("100% sure\r\nyes") == "100%25 sure%0D%0Ayes"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_annotation_names_file_line_and_rule() -> None:
    """One ::error line with the file, line (counting the front matter), columns and the rule as title."""
    report = check([parse_document(A, "news/a.md"), parse_document(B, "news/b,2.md")])
    [line] = render_github(report).splitlines()
    assert line.startswith("::error file=news/a.md,line=4,endLine=4,col=24,endColumn=31,"
                           "title=FC201 value-mismatch::")
    assert "%0A  --> news/b,2.md:4:24 '£28.6bn'" in line


def _many(n: int, severity: Severity) -> list[Finding]:
    q = Quantity(start=1, end=2, text="x", value=Decimal(1), unit=None)
    return [Finding("FC201", "value-mismatch", severity, f"m{i}", (Fact("a.md", q),)) for i in range(n)]


def test_at_most_ten_per_level_then_a_notice() -> None:
    """GitHub drops annotations past 10 per level: print 10 and say how many more there are."""
    report = Report(tuple(_many(13, "error") + _many(2, "warning")))
    lines = render_github(report).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == LIMIT
    assert sum(line.startswith("::warning ") for line in lines) == 2
    assert lines[-1].startswith("::notice title=factcheck::3 errors more not annotated")
