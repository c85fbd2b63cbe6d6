"""Scope: figures in code, comments and front matter are not prose; tables and block quotes are.

Each case is a Markdown text and the figures the scanner must still find in it; every other
figure of the text sits in a region :func:`factcheck.scope.prose` blanks out. The property tests
check that blanking keeps the length, every line break and all the prose, in linear time.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_document
from factcheck.facts import document_facts, extract_document
from factcheck.pipeline import check
from factcheck.scope import blank, prose, skipped
from operations import BAR, call_ratio

CASES = {
    "fenced backticks": ("Revenue was $5 billion.\n\n```\nrevenue = $6 billion\n```\n", ["$5 billion"]),
    "fenced tildes": ("Revenue was $5 billion.\n\n~~~ text\n$6 billion\n~~~\n", ["$5 billion"]),
    "fence closed by a longer fence": ("````\n$6 billion\n```\n$7 billion\n`````\nProfit was $5 billion.\n",
                                       ["$5 billion"]),
    "fence of the other character does not close": ("```\n$6 billion\n~~~\n$7 billion\n```\nIt was $5 billion.\n",
                                                    ["$5 billion"]),
    "unclosed fence runs to the end": ("Revenue was $5 billion.\n\n```\n$6 billion\n\nIt was $7 billion.\n",
                                       ["$5 billion"]),
    "backtick fence with a backtick in its info is prose": ("```a`b\nRevenue was $5 billion.\n",
                                                            ["$5 billion"]),
    "fence in a block quote": ("> ```\n> $6 billion\n> ```\n\nRevenue was $5 billion.\n", ["$5 billion"]),
    "fence in a list item": ("- item\n\n    ```\n    $6 billion\n    ```\n\nRevenue was $5 billion.\n",
                             ["$5 billion"]),
    "indented code after a blank line": ("Revenue was $5 billion.\n\n    total = $6 billion\n\nAnd so on.\n",
                                         ["$5 billion"]),
    "tab-indented code": ("Revenue was $5 billion.\n\n\ttotal = $6 billion\n", ["$5 billion"]),
    "indented code at the top of the body": ("    $6 billion\n\nRevenue was $5 billion.\n", ["$5 billion"]),
    "indented code after a heading": ("# Results\n    $6 billion\n\nRevenue was $5 billion.\n", ["$5 billion"]),
    "indented continuation of a paragraph is prose": ("Revenue was\n    $5 billion in 2024.\n", ["$5 billion"]),
    "indented paragraph of a list item is prose": ("- Revenue:\n\n    it was $5 billion.\n", ["$5 billion"]),
    "inline code span": ("Revenue was $5 billion (`$6 billion` in the feed).\n", ["$5 billion"]),
    "double-backtick span holding a backtick": ("Revenue was $5 billion, ``a ` $6 billion``.\n", ["$5 billion"]),
    "code span across a line break": ("Revenue was $5 billion, `x\n$6 billion`.\n", ["$5 billion"]),
    "unmatched backtick is literal": ("Revenue was ` $5 billion.\n", ["$5 billion"]),
    "escaped backtick opens nothing": ("Revenue was \\`$5 billion`.\n", ["$5 billion"]),
    "code span does not cross a paragraph": ("A `tick.\n\nRevenue was $5 billion`.\n", ["$5 billion"]),
    "HTML comment inline": ("Revenue was $5 billion <!-- or $6 billion? -->.\n", ["$5 billion"]),
    "HTML comment block over blank lines": ("<!--\nold: $6 billion\n\nalso $7 billion\n-->\nRevenue was $5 billion.\n",
                                            ["$5 billion"]),
    "text after a comment on its line is prose": ("<!-- note --> Revenue was $5 billion.\n", ["$5 billion"]),
    "unclosed comment at a line start runs to the end": ("Revenue was $5 billion.\n\n<!-- $6 billion\n\n$7 billion\n",
                                                         ["$5 billion"]),
    "unclosed comment inside a paragraph is literal": ("Margins <!-- thin.\n\nRevenue was $5 billion.\n",
                                                       ["$5 billion"]),
    "suppression comment": ("<!-- factcheck: ignore FC201 -- checked -->\nRevenue was $5 billion.\n",
                            ["$5 billion"]),
    "backticks inside a comment": ("Revenue <!-- ` --> was $5 billion ` and `.\n", ["$5 billion"]),
    "comment opener inside a code span": ("Revenue `<!--` was $5 billion -->.\n", ["$5 billion"]),
    "table row stays prose": ("| year | revenue |\n|---|---|\n| 2024 | $5 billion |\n", ["$5 billion"]),
    "table cell code span": ("| year | revenue |\n|---|---|\n| 2024 | $5 billion `$6 billion` |\n",
                             ["$5 billion"]),
    "block quote stays prose": ("> Revenue was $5 billion, she said.\n", ["$5 billion"]),
    "indented line in a block quote stays prose": (">     Revenue was $5 billion.\n", ["$5 billion"]),
}


def texts_found(text: str, path: str = "a.md") -> list[str]:
    return [q.text for q in extract_document(parse_document(text, path))]


@pytest.mark.parametrize("name", list(CASES))
def test_case(name: str) -> None:
    text, expected = CASES[name]
    assert texts_found(text) == expected


def test_front_matter_is_blanked_and_skipped() -> None:
    text = "---\ntitle: Revenue of $6 billion\npublished: 2024-05-01\n---\nRevenue was $5 billion.\n"
    doc = parse_document(text, "a.md")
    masked = prose(doc)
    assert masked[: doc.body_start].strip() == ""
    assert masked[doc.body_start :] == text[doc.body_start :]
    assert texts_found(text) == ["$5 billion"]


def test_txt_files_are_not_markdown() -> None:
    text = "---\ntitle: $7 billion\n---\nRevenue was $5 billion (`$6 billion`).\n\n    $8 billion\n"
    assert texts_found(text, "a.txt") == ["$5 billion", "$6 billion", "$8 billion"]
    assert texts_found(text, "a.md") == ["$5 billion"]


def test_offsets_stay_those_of_the_file() -> None:
    text = "Intro `code $6 billion` here.\n\n```\nx\n```\nRevenue was $5 billion.\n"
    [q] = extract_document(parse_document(text, "a.md"))
    assert text[q.start : q.end] == q.text == "$5 billion"


def test_a_figure_straddling_a_skipped_region_is_dropped() -> None:
    # the scanner reads "over      $5bn" as one figure, which the file does not hold as written
    assert texts_found("It was over <!-- c --> $5bn.\n") == []
    assert texts_found("It was over $5bn.\n") == ["over $5bn"]


def test_excerpt_quotes_the_original_text() -> None:
    text = "Revenue was $5 billion (`see feed`).\n"
    doc = parse_document(text, "a.md")
    [fact] = document_facts(doc, extract_document(doc))
    assert "`see feed`" in fact.excerpt


def test_suppression_comments_still_apply() -> None:
    a = parse_document("---\npublished: 2024-05-01\n---\nAcme Corp's revenue was $5 billion in 2023.\n", "a.md")
    b_text = ("---\npublished: 2024-05-01\n---\n<!-- factcheck: ignore FC201 -- a typo we print -->\n"
              "Acme Corp's revenue was $50 billion in 2023.\n")
    b = parse_document(b_text, "b.md")
    from factcheck.report.suppressions import apply

    raw = check([a, b])
    assert [f.code for f in raw.findings] == ["FC201"]
    done = apply(raw)
    assert done.findings == () or list(done.findings) == []
    assert len(done.suppressed) == 1


def test_a_conflict_with_a_figure_in_a_comment_or_code_is_gone() -> None:
    a = parse_document("---\npublished: 2024-05-01\n---\nAcme Corp's revenue was $5 billion in 2023.\n", "a.md")
    b = parse_document("---\npublished: 2024-05-01\n---\nAcme Corp's revenue was $5 billion in 2023.\n"
                       "<!-- Acme Corp's revenue was $50 billion in 2023. -->\n\n"
                       "```\nAcme Corp's revenue was $50 billion in 2023.\n```\n", "b.md")
    assert check([a, b]).findings == () or list(check([a, b]).findings) == []


# --- properties ---------------------------------------------------------------------------------

PIECES = st.sampled_from(["`", "``", "```", "~~~", "<!--", "-->", "<!-->", "\n", "\n\n", "    ", "\t", "> ",
                          "- ", "1. ", "# ", "| a |", "\\", "\r\n", "$5bn", "word", " ", "---\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40), st.booleans())
def test_blanking_keeps_length_and_line_breaks(pieces: list[str], markdown: bool) -> None:
    text = "".join(pieces)
    regions = skipped(text, markdown=markdown)
    masked = blank(text, regions)
    assert len(masked) == len(text)
    for ch, orig in zip(masked, text, strict=True):
        assert ch == orig or (ch == " " and orig not in "\r\n")
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    previous = 0
    for r in regions:  # in order, within the text, not overlapping
        assert previous <= r.start <= r.end <= len(text)
        previous = r.end


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="`~<\\\t"), max_size=200))
def test_text_without_markup_is_left_alone(text: str) -> None:
    # no backtick, tilde, comment or indentation by a tab: only four-space indentation could be code
    if any(line.startswith("    ") for line in text.split("\n")):
        return
    if text.lstrip("\ufeff").startswith("---"):
        return  # a front-matter fence: an unclosed one is an input error (tests/test_documents.py)
    assert prose(parse_document(text, "a.md")) is text or prose(parse_document(text, "a.md")) == text


@pytest.mark.parametrize("unit", ["`a` ", "` ", "<!-- ", "<!-- a --> ", "```\n", "    x\n\n", "\\` ", "``` `` ` "])
def test_region_finding_is_linear(unit: str) -> None:
    """Hostile runs of one construct (unmatched backticks, unclosed comments and fences) cost the
    same number of calls per character at four times the size: no region is searched for again
    from every position. Calls are counted, not timed (tests/operations.py says why)."""
    ratio = call_ratio(skipped, lambda n: (unit * (n // len(unit) + 1))[:n], 20_000)
    assert ratio <= BAR, f"calls per character grew {ratio:.2f}x from n to 4n"
