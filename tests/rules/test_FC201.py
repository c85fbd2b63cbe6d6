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
