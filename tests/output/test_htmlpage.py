"""The HTML report's structure: self-contained, sources side by side, spans linked to findings."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factcheck.documents import parse_document
from factcheck.output.htmlpage import render_html
from factcheck.pipeline import check
from factcheck.report import Report

HEAD = "---\npublished: 2024-10-30\ntitle: Acme <results>\nsource: Wire & Co\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "Acme's revenue reached £226bn in 2024, according to the <b>filing</b>.\n"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"


def _page() -> tuple[str, _Tags]:
    page = render_html(check([parse_document(A, "a.md"), parse_document(B, "b.md")]))
    parser = _Tags()
    parser.feed(page)
    return page, parser


def test_self_contained_and_well_formed() -> None:
    """No script, no external resource, every tag closed; text from the articles is escaped."""
    page, parser = _page()
    assert parser.stack == []
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in parser.tags)
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert "Acme &lt;results&gt;" in page and "&lt;b&gt;filing&lt;/b&gt;" in page and "Wire &amp; Co" in page


def test_sources_side_by_side_with_linked_highlights() -> None:
    """Each finding shows one figure per source; every highlighted span in a document links to it."""
    _, parser = _page()
    ids = {a["id"] for _, a in parser.tags if a.get("id")}
    assert "finding-1" in ids
    figures = [a for tag, a in parser.tags if tag == "figure"]
    assert len(figures) == 2
    marks = [a for tag, a in parser.tags if tag == "mark" and a.get("id")]
    assert len(marks) == 2 and all(a["class"] == "error" for a in marks)
    links = [a["href"] for tag, a in parser.tags if tag == "a"]
    assert links.count("#finding-1") == 2
    for mark in marks:  # the cards link to the spans in the documents, which exist
        assert f"#{mark['id']}" in links


def test_clean_report_says_so() -> None:
    """A report without findings says that everything checked agrees."""
    page = render_html(Report((), (parse_document(A, "a.md"),)))
    assert "No conflicts" in page and 'id="sources"' not in page
