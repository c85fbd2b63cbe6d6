"""``factcheck.extract`` (``pipeline.extract``): text or a path in, a list that a notebook shows as a table out."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.errors import UsageError
from factcheck.model import Quantities

A = "---\npublished: 2024-10-30\n---\nLarkspur reported revenue of £22.6bn in 2024, up 8% on 2023.\n"


def test_extract_is_a_list_with_a_table() -> None:
    """Still a list (slicing, len, equality), shown as one table with a row a quantity."""
    found = factcheck.extract(A)
    assert isinstance(found, Quantities) and isinstance(found, list) and len(found) == 2
    assert found == [*found]
    page = found._repr_html_()
    assert page.count("<tr>") == 3 and "£22.6bn" in page and "Larkspur" in page and "revenue" in page


def test_extract_takes_a_path_and_rejects_other_types(tmp_path: Path) -> None:
    """A Path is read as an article (front matter and all); anything but text or a path is a UsageError."""
    (tmp_path / "a.md").write_text(A, encoding="utf-8")
    assert [q.text for q in factcheck.extract(tmp_path / "a.md")] == [q.text for q in factcheck.extract(A)]
    with pytest.raises(UsageError, match=r"extract\(\) takes the text"):
        factcheck.extract(42)  # type: ignore[arg-type]
    with pytest.raises(UsageError, match=r"published must be a datetime\.date"):
        factcheck.extract(A, published="2024-10-30")  # type: ignore[arg-type]
