"""factcheck.link.profile: what the linkage reads of one fact (window words, markers, digits, neighbours)."""

from __future__ import annotations

import math
from decimal import Decimal
from importlib import resources

import pytest
from link_support import build, find

from factcheck.link.profile import (
    CROWDED,
    Profile,
    idf,
    physical_units,
    profiles,
    sentence_idf,
    significant_digits,
    stem,
    stopwords,
    with_concepts,
)


class TestSignificantDigits:
    @pytest.mark.parametrize(("value", "digits"), [
        ("105000000", "105"),      # £105m
        ("1050000000", "105"),     # £1,050m: the same digits, a power of ten apart
        ("1.05E+8", "105"),        # as the extractor stores it
        ("0.0250", "25"),
        ("-22.6", "226"),          # no sign
        ("7", "7"),
        ("0", "0"),
        ("0.000", "0"),
    ])
    def test_digits(self, value: str, digits: str) -> None:
        assert significant_digits(Decimal(value)) == digits

    def test_power_of_ten_apart_share_digits(self) -> None:
        """What makes a dropped decimal point visible: 22.6bn and 226bn have one digit string."""
        assert significant_digits(Decimal("22.6e9")) == significant_digits(Decimal("226e9")) == "226"


class TestStem:
    @pytest.mark.parametrize(("word", "stemmed"), [
        ("profits", "profit"),
        ("shipments", "shipment"),
        ("companies", "company"),
        ("acme's", "acme"),
        ("glass", "glass"),   # "ss" is no plural
        ("bus", "bus"),       # too short to strip
        ("profit", "profit"),
    ])
    def test_stem(self, word: str, stemmed: str) -> None:
        assert stem(word) == stemmed

    def test_singular_and_plural_meet(self) -> None:
        assert stem("profits") == stem("profit") and stem("employees") == stem("employee")


class TestStopwords:
    def test_file_has_documented_header(self) -> None:
        """The data file explains itself: comment lines first, saying the format and what belongs."""
        text = resources.files("factcheck.link").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        assert len(header) >= 3
        joined = " ".join(header).lower()
        assert "format" in joined and "factcheck.link.profile" in joined

    def test_function_words_in_measure_words_out(self) -> None:
        words = stopwords()
        assert {"the", "of", "and", "said", "num"} <= words  # "num" is the mask of every figure
        measures = {"revenue", "profit", "rose", "fell", "year", "sales", "shares", "employees", "growth", "fee"}
        assert not measures & words

    def test_comments_and_blanks_are_not_words(self) -> None:
        words = stopwords()
        assert "" not in words and not any(w.startswith("#") for w in words)
        assert all(w == w.lower() and w == w.strip() and " " not in w for w in words)


class TestConcepts:
    def test_file_has_documented_header(self) -> None:
        text = resources.files("factcheck.link").joinpath("data/concepts.tsv").read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        joined = " ".join(header).lower()
        assert "format" in joined and "factcheck.link.profile" in joined and "what does not" in joined

    def test_one_concept_a_word_and_no_function_words(self) -> None:
        """A word names one concept at most (the file is a mapping), and no function word names
        one: a concept in common must say something about what two figures measure."""
        text = resources.files("factcheck.link").joinpath("data/concepts.tsv").read_text(encoding="utf-8")
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        words = [w for _, listed in rows for w in listed.split()]
        assert len(words) == len(set(words))
        assert not {stem(w) for w in words} & stopwords()

    def test_measures_meet_across_wordings_and_languages_but_stay_apart(self) -> None:
        """Pay and Gehalt are one concept; revenue and profit, rises and falls are not."""
        assert "~wage" in with_concepts(frozenset({"pay"})) & with_concepts(frozenset({"gehalt"}))
        assert "~revenue" in with_concepts(frozenset({"umsatz"})) & with_concepts(frozenset({stem("sales")}))
        assert not with_concepts(frozenset({"revenue"})) & with_concepts(frozenset({"profit"}))
        assert not with_concepts(frozenset({"rose"})) & with_concepts(frozenset({"fell"}))


def test_physical_units() -> None:
    units = physical_units()
    assert {"gigawatt", "kilometer", "year"} <= units
    assert not {"employee", "percent", "GBP"} & units


class TestWindows:
    def test_kth_figure_gets_kth_masked_number(self) -> None:
        """Two figures of one sentence are profiled by the words around each, not the sentence's first."""
        _, facts = build({"a.md": "Revenue climbed to £105m in the quarter, while the workforce shrank "
                                  "to 300 employees across the country."})
        found = profiles(facts)
        money, staff = found[find(facts, "£105m")], found[find(facts, "300 employees")]
        assert money.frame == staff.frame  # one sentence
        assert {"revenue", "climbed"} <= money.window and "workforce" not in money.window
        assert {"workforce", "shrank"} <= staff.window and "revenue" not in staff.window
        assert money.window != staff.window

    def test_order_of_the_facts_given_does_not_matter(self) -> None:
        """Figures are numbered by their position in the sentence, not by their order in the list."""
        _, facts = build({"a.md": "Revenue climbed to £105m in the quarter, while the workforce shrank "
                                  "to 300 employees across the country."})
        forward = profiles(facts)
        backward = profiles(facts[::-1])[::-1]
        assert forward == backward

    def test_window_has_no_stopwords_or_digits(self) -> None:
        _, facts = build({"a.md": "Acme said its net profit rose to £105m in 2024, the company said."})
        [p] = profiles(facts)
        assert p.window and not p.window & stopwords()
        assert not any(w.isdigit() for w in p.window)
        assert "profit" in p.window

    def test_metric_words_join_the_window(self) -> None:
        """The vocabulary's metric label counts as a governing word even when the text words it otherwise."""
        _, facts = build({"a.md": "Acme Power added 3.2 gigawatts of capacity and hired 105 employees."})
        found = profiles(facts)
        for f, p in zip(facts, found, strict=True):
            if f.q.metric:
                assert {stem(w) for w in f.q.metric.lower().split()} <= p.window

    def test_digits_and_sentence_words(self) -> None:
        _, facts = build({"a.md": "Acme's net profit rose to £105m in 2024."})
        [p] = profiles(facts)
        assert p.digits == "105"
        assert "num" in p.frame.split() and "£105m" not in p.frame
        assert {"profit", "rose"} <= p.words


class TestMarkers:
    def test_earlier_year_than_publication_is_history(self) -> None:
        """"In 2019, ... £10bn" in an article of 2024: a figure of an earlier year."""
        _, facts = build({"a.md": "In 2019, Acme's revenue was £10bn, the company said. "
                                  "In 2024, Acme's revenue was £12bn."})
        found = profiles(facts)
        assert "history" in found[find(facts, "£10bn")].markers
        assert "history" not in found[find(facts, "£12bn")].markers  # the publication year itself

    def test_year_marker_needs_a_publication_date(self) -> None:
        _, facts = build({"a.md": "In 2019, Acme's revenue was £10bn, the company said."}, date=None)
        [p] = profiles(facts)
        assert "history" not in p.markers

    @pytest.mark.parametrize(("sentence", "marker"), [
        ("Acme's shares rose 11.7% on Friday.", "day"),
        ("Acme's shares are up 30% so far this year.", "ytd"),
        ("Acme's revenue hit a record £12bn.", "record"),
        ("Acme expects revenue of £12bn.", "forecast"),
        ("Acme's revenue was previously £12bn.", "history"),
        ("Acme crossed 10 million users long ago.", "history"),
    ])
    def test_time_words(self, sentence: str, marker: str) -> None:
        _, facts = build({"a.md": sentence})
        [p] = profiles(facts)
        assert marker in p.markers

    def test_plain_figure_has_no_markers(self) -> None:
        _, facts = build({"a.md": "Acme's revenue was £12bn."})
        [p] = profiles(facts)
        assert p.markers == frozenset()


ITEMS = ("cars", "vans", "bikes", "boats", "planes", "trains", "buses", "lorries", "scooters", "tractors",
         "trams", "ferries", "carts", "kayaks")


class TestNeighbours:
    def test_sentence_figures_are_each_others_neighbours(self) -> None:
        _, facts = build({"a.md": "Acme's profit rose 12% to £105m in 2024."})
        found = profiles(facts)
        pct, money = find(facts, "12%"), find(facts, "£105m")
        assert found[pct].others == {("GBP", "105")}
        assert found[money].others == {("percent", "12")}

    def test_lone_figure_has_no_neighbours(self) -> None:
        _, facts = build({"a.md": "Acme's profit was £105m in 2024. Its margin was 12%."})
        assert len({f.sentence for f in facts}) == 2
        assert all(p.others == frozenset() for p in profiles(facts))

    def test_same_digits_are_not_a_neighbour(self) -> None:
        """A figure repeated in its sentence ("12% ... 12%") is no other figure."""
        _, facts = build({"a.md": "Sales rose 12% and costs rose 12% to £105m."})
        found = profiles(facts)
        for i, f in enumerate(facts):
            assert all(digits != found[i].digits for _, digits in found[i].others), f.q.text

    @pytest.mark.parametrize("count", [CROWDED, CROWDED + 1])
    def test_crowded_sentence_gives_no_neighbours(self, count: int) -> None:
        """A sentence of more than CROWDED figures is a list: nobody's neighbours."""
        sentence = "Acme sold " + ", ".join(f"{i + 11} {w}" for i, w in enumerate(ITEMS[:count])) + " last month."
        _, facts = build({"a.md": sentence})
        assert len(facts) == count
        found = profiles(facts)
        if count > CROWDED:
            assert all(p.others == frozenset() for p in found)
        else:
            assert all(len(p.others) == count - 1 for p in found)


class TestIdf:
    def test_rare_words_weigh_more(self) -> None:
        found = [Profile(frozenset({"revenue", "acme"}), "f1", frozenset(), "1"),
                 Profile(frozenset({"revenue", "fee"}), "f2", frozenset(), "2"),
                 Profile(frozenset({"revenue"}), "f3", frozenset(), "3")]
        weights = idf(found)
        assert weights["acme"] == pytest.approx(math.log(4 / 1))
        assert weights["revenue"] == pytest.approx(math.log(4 / 3))
        assert weights["acme"] > weights["revenue"] > 0

    def test_sentence_idf_counts_each_sentence_once(self) -> None:
        """Two figures of one sentence do not make its words look common."""
        one = Profile(frozenset(), "same frame", frozenset(), "1", words=frozenset({"revenue", "fee"}))
        two = Profile(frozenset(), "same frame", frozenset(), "2", words=frozenset({"revenue", "fee"}))
        other = Profile(frozenset(), "other frame", frozenset(), "3", words=frozenset({"revenue"}))
        weights = sentence_idf([one, two, other])
        assert weights["fee"] == pytest.approx(math.log(3 / 1))
        assert weights["revenue"] == pytest.approx(math.log(3 / 2))
