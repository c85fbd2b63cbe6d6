"""The HTML report's structure: self-contained, sources side by side, spans linked to findings."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.documents import parse_document
from factcheck.output.htmlpage import render_html, rule_anchor
from factcheck.pipeline import check
from factcheck.report import Report
from factcheck.report.suppressions import apply
from factcheck.rules import Rule, known_rules

HEAD = "---\npublished: 2024-10-30\ntitle: Acme <results>\nsource: Wire & Co\n---\n"
A = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
B = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the <b>filing</b>.\n"


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
    assert sorted(a["class"] for a in marks) == ["odd error", "peer error"]  # the flagged figure, and the other
    links = [a["href"] for tag, a in parser.tags if tag == "a"]
    assert links.count("#finding-1") == 2
    for mark in marks:  # the cards link to the spans in the documents, which exist
        assert f"#{mark['id']}" in links


def test_clean_report_says_so() -> None:
    """A report without findings says that everything checked agrees."""
    page = render_html(Report((), (parse_document(A, "a.md"),)))
    assert "No conflicts" in page and 'id="sources"' not in page


def test_the_flagged_figure_is_marked_apart_with_a_label_and_a_legend() -> None:
    """The first fact (the figure the message says disagrees) has its own mark and card style and
    the label "flagged"; the others are "compared"; a legend explains both (not colour alone)."""
    page, parser = _page()
    cards = [a["class"] for tag, a in parser.tags if tag == "figure"]
    assert cards == ["source odd", "source peer"]
    assert re.search(r'<span class="role odd">flagged</span><a href="#doc-1-\d+">a.md:6:24</a>', page)
    assert re.search(r'<span class="role peer">compared</span><a href="#doc-2-\d+">b.md:6:24</a>', page)
    assert '<mark class="odd error">£22.6bn</mark>' in page and '<mark class="peer error">£28.6bn</mark>' in page
    assert '<p class="legend">' in page and "the figure the finding says disagrees" in page


MARKDOWN = (HEAD + "# Acme's *big* year\n\nAcme's revenue reached **£22.6bn** in 2024,\naccording to "
            "[the filing](https://example.com/a/very/long/path), the _company_ said.\n\n"
            "<!-- factcheck: ignore FC301 -- an editor's note -->\n<!-- a note\nover lines -->\nLast line.\n")


def _document(text: str) -> str:
    page = render_html(check([parse_document(text, "a.md"), parse_document(B, "b.md")]))
    return page[page.index('<article class="document" id="doc-1">'):page.index('<article class="document" id="doc-2">')]


def test_sources_are_shown_as_text_not_markdown() -> None:
    """Wrapped lines are joined, comments hidden, emphasis, links and heading markers give way to
    their text, and the figure inside emphasis is still highlighted and linked."""
    shown = _document(MARKDOWN)
    assert '<p class="heading">Acme&#x27;s big year</p>' in shown
    assert re.search(r"<p>Acme&#x27;s revenue reached <mark class=\"odd error\" id=\"doc-1-\d+\" title=\"[^\"]+\">"
                     r'<a href="#finding-1">£22.6bn</a></mark> in 2024, according to the filing, the company said.</p>',
                     shown), shown
    assert "<p>Last line.</p>" in shown
    for markup in ("**", "_company_", "](", "<!--", "&lt;!--", "factcheck:", "a note", "\n"):
        assert markup not in shown.split("<div class=\"text\">")[1].rstrip(), markup


def test_list_items_and_table_rows_keep_their_lines() -> None:
    """A list item or a table row starts a line of its own; the lines of a paragraph are joined."""
    text = A + "\nThe results:\n- sales up\n- costs down\n\n| a | b |\n| 1 | 2 |\n"
    shown = _document(text)
    assert "<p>The results:<br>- sales up<br>- costs down</p>" in shown
    assert "<p>| a | b |<br>| 1 | 2 |</p>" in shown


def test_suppressed_findings_are_listed_with_their_reasons() -> None:
    """A collapsed section lists each suppressed finding, its rule, message and reason."""
    comment = "<!-- factcheck: ignore FC201 -- restated in the annual report -->\n"
    odd = B.replace("Acme's revenue", comment + "Acme's revenue")
    report = apply(check([parse_document(A, "a.md"), parse_document(odd, "b.md")]))
    assert report.findings == () and len(report.suppressed) == 1
    page = render_html(report)
    section = page[page.index('<details id="suppressed">'):page.index("</details>")]
    assert "<summary><h2>Suppressed (1)</h2></summary>" in section
    assert "<b>Reason:</b> restated in the annual report (comment at b.md:6)" in section
    assert "FC201</a> value-mismatch" in section and "£22.6bn" in section and "£28.6bn" in section
    assert "No conflicts" in page


def test_rule_codes_link_to_their_documentation() -> None:
    """Each code links to its heading in docs/rules.md, whose anchors GitHub and mkdocs derive
    from "## FC201 value-mismatch"; the base can be changed."""
    page, _ = _page()
    assert '<a class="code" href="docs/rules.md#fc201-value-mismatch"' in page
    report = check([parse_document(A, "a.md"), parse_document(B, "b.md")])
    assert 'href="https://example.org/rules#fc201-value-mismatch"' in report.to_html(
        rules_url="https://example.org/rules")


@pytest.mark.parametrize("rule", known_rules(), ids=lambda r: r.code)
def test_every_rule_anchor_is_a_heading_of_the_rules_page(rule: Rule) -> None:
    """The anchor a code links to is the slug of a heading that docs/rules.md has."""
    headings = {line[3:].strip().lower().replace(" ", "-")
                for line in Path("docs/rules.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    assert rule_anchor(rule.code, rule.name) in headings


def test_a_comment_that_a_finding_names_is_shown() -> None:
    """An unused suppression (FC901) points at the comment itself: it is shown, and marked."""
    text = HEAD + "<!-- factcheck: ignore FC301 -->\nAcme said hello.\n"
    page = render_html(apply(check([parse_document(text, "a.md")])))
    assert '<p><mark class="odd warning">&lt;!-- factcheck: ignore FC301 --&gt;</mark> Acme said hello.</p>' in page
