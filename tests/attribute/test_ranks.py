"""factcheck.attribute.ranks: ordinal ranks read with what they rank."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.attribute.ranks import ORDINALS, rank_claims


def read(text: str) -> list[tuple[str, int, str | None]]:
    out = []
    for q in rank_claims(text):
        assert text[q.start : q.end] == q.text and q.kind == "rank"
        out.append((q.text, int(q.value), q.metric))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spotify announced its third round of layoffs this year.",
         [("third round of layoffs", 3, "round of layoffs")]),
        ("Novo is the second-largest company in Europe by market value.",
         [("second-largest company in Europe by market", 2, "largest company in europe by market")]),
        ("Barbie had the fourth-biggest weekend ever.", [("fourth-biggest weekend", 4, "biggest weekend")]),
        ("DXB led the list for the 10th consecutive year.", [("10th consecutive year", 10, "consecutive year")]),
        ("É a terceira ronda de despedimentos em 2023.",
         [("terceira ronda de despedimentos", 3, "ronda de despedimentos")]),
        ("Second round of layoffs in 2023 for Spotify", [("Second round of layoffs", 2, "round of layoffs")]),
    ],
)
def test_ranks_and_what_they_rank(text: str, expected: list[tuple[str, int, str]]) -> None:
    """An ordinal after a determiner or a possessive, or opening a sentence, with the words that
    follow it to the end of the clause."""
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 5% in the third quarter.",  # a period
        "In the first half, sales fell.",
        "La empresa ganó más en la segunda semana.",
        "Il titolo, secondo Reuters, è salito.",  # "according to": no determiner
        "Second, the company cut costs.",  # a discourse marker: nothing ranked
        "Wait a second and see.",
        "It was Spotify's third this year, the company said.",  # nothing named after the ordinal
        "It relies on third-party providers and a second-hand market.",  # adjectives
        "It held the 20th anniversary event of the group.",
    ],
)
def test_what_is_no_rank(text: str) -> None:
    assert read(text) == []


@given(st.sampled_from(sorted(ORDINALS)), st.sampled_from(["round of cuts", "biggest opening", "spot"]))
def test_every_ordinal_word_reads_its_rank(word: str, noun: str) -> None:
    """Writing a rank as any of the ordinal words after a determiner reads that rank back."""
    [q] = rank_claims(f"Acme said it was the {word} {noun} ever.")
    assert q.value == Decimal(ORDINALS[word]) and q.literal == word


@given(st.text(max_size=300))
def test_no_text_crashes_the_reader(text: str) -> None:
    for q in rank_claims(text):
        assert text[q.start : q.end] == q.text
