"""FC201 value-mismatch: which figure of a disagreeing pair is named as the odd one."""

from __future__ import annotations

from factcheck.documents import parse_document
from factcheck.pipeline import check

FRONT = "---\npublished: 2024-07-05\n---\n"


def test_a_part_of_a_whole_above_100_percent_is_the_odd_one() -> None:
    """With one source on each side, the first article's figure is taken as odd, unless the
    other is a share above 100%: that one is wrong whatever else agrees with it."""
    docs = [parse_document(FRONT + "Labour won 34% of the vote on a turnout of 59.9%.\n", "a.md"),
            parse_document(FRONT + "Labour took 340% of the vote, and turnout was 60%.\n", "b.md")]
    found = [f for f in check(docs).findings if f.code in ("FC201", "FC204")]
    assert [(f.facts[0].doc, f.facts[0].q.text, f.facts[1].q.text) for f in found] == [("b.md", "340%", "34%")]


def test_of_several_certain_statements_the_one_in_the_most_similar_words_is_named() -> None:
    """Of the statements of the other value that are certainly the same fact, the odd figure is
    held against the one whose words it shares most ("cool back toward its target"), not the
    first in the file list."""
    body = {"a.md": "The ECB expects inflation at 2% in the second half of 2025. The ECB wants inflation "
                    "back at its medium-term target of 2%, its president said.\n",
            "b.md": "The ECB wants inflation to cool back toward its medium-term target of 2%.\n",
            "c.md": "The ECB wants inflation to cool back toward its target of 3%.\n"}
    docs = [parse_document(FRONT + text, name) for name, text in body.items()]
    found = [f for f in check(docs).findings if f.code == "FC201"]
    named = [(f.facts[0].q.text, f.facts[1].doc, f.facts[1].excerpt) for f in found]
    assert [(text, doc) for text, doc, _ in named] == [("3%", "b.md")], named


def test_two_measures_the_vocabulary_names_apart_are_two_facts() -> None:
    """A results story reports revenue and net profit in sentences of one pattern; figures three
    times apart under the two labels are two facts, not even worth a look (the tenfold revenue
    slip in a.md is FC204's)."""
    front = "---\npublished: 2020-10-14\n---\n"
    body = {"a.md": "# Culum results for the three months ended September 30, 2020\n\nCulum's revenue fell 10.8% "
                    "to 14.16 billion euros in the third quarter of 2020.\nCulum's net profit was €42.5 billion "
                    "in the three months ended September 30, 2020.\n",
            "b.md": "# Culum results for the third quarter of 2020\n\nRevenue at Culum Industries shrank 10.8% "
                    "year on year to €141,600 million in the three months ended September 30, 2020.\nCulum's "
                    "net profit was €42,500 million in Q3 2020.\n",
            "c.md": "Culum Industries said revenue fell 10.8% to €141.6 billion in the third quarter of 2020. "
                    "Net profit was EUR 42.5bn in the quarter.\n",
            "d.md": "Culum's third-quarter revenue dropped 10.8% to 141.6 billion euros. Its net profit came to "
                    "42.5 billion euros in the quarter.\n"}
    found = check([parse_document(front + text, name) for name, text in body.items()]).findings
    assert [(f.code, f.facts[0].q.text) for f in found] == [("FC204", "14.16 billion euros")]
