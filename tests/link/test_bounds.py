"""factcheck.link.bounds: a part of a whole above 100%."""

from __future__ import annotations

import pytest
from link_support import build

from factcheck.link.bounds import over_whole, wholes
from factcheck.link.profile import profiles


def judged(text: str) -> dict[str, str | None]:
    _, facts = build({"a.md": text})
    return {f.q.text: over_whole(f, p) for f, p in zip(facts, profiles(facts), strict=True)}


@pytest.mark.parametrize(("text", "figure", "part"), [
    ("With all results declared, turnout at the general election was confirmed as 599.0%.", "599.0%", "turnout"),
    ("Labour's vote share only increased by less than two points to 340%.", "340%", "vote share"),
    ("Labour won 340% of the vote.", "340%", "of the vote"),
    ("Acme's operating margin came in at 210% in the quarter.", "210%", "margin"),
    ("Die Wahlbeteiligung lag bei 599 Prozent.", "599 Prozent", "wahlbeteiligung"),
    ("The film was bolstered by a 900% critic score on Rotten Tomatoes.", "900%", "score"),
    ("China accounts for almost 600% of new renewables expected by 2028.", "almost 600%", "accounts for"),
    ("Grayscale captured over 500% of the volumes on the first day.", "over 500%", "of the volumes"),
    ("The union said 960% of members who cast ballots approved the deal.", "960%", "of members"),
])
def test_a_part_above_the_whole(text: str, figure: str, part: str) -> None:
    """Shares, turnout and margins above 100% are named by the phrase that makes them a part."""
    assert judged(text)[figure] == part


@pytest.mark.parametrize(("text", "figure"), [
    ("Public debt reached 120% of GDP last year.", "120%"),
    ("The offer is a premium of 142% to Friday's close for the stake.", "142%"),
    ("Its market share rose 150% in a year.", "150%"),
    ("Acme's market share of 40% is 150% higher than before.", "150%"),
    ("Labour won 34% of the vote.", "34%"),
    ("Shares of Acme closed at 340% of their issue price.", "340%"),
])
def test_figures_that_may_exceed_the_whole_or_do_not(text: str, figure: str) -> None:
    """Another whole that a percentage may exceed, a change, a comparison or a figure within
    the whole is not judged."""
    assert judged(text)[figure] is None


def test_the_word_lists_are_lower_case_single_spaced() -> None:
    """The data file's phrases are matched on lower-case masked text with one space between
    words: any other spelling would never match."""
    found = wholes()
    for phrase in (*found.parts, *found.beyond):
        assert phrase == " ".join(phrase.lower().split()), phrase
