"""Who, what and when for quantities in sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.attribute.entities import EntityFinder, find_mentions
from factcheck.attribute.sentences import Sentences

PUB = dt.date(2025, 2, 24)


def _one(text: str, needle: str, published: dt.date | None = PUB) -> factcheck.Quantity:
    found = [q for q in factcheck.extract(text, published=published) if needle in q.text]
    assert found, f"{needle!r} not extracted from {text!r}"
    return found[0]


class TestEntity:
    @pytest.mark.parametrize(
        ("text", "needle", "entity"),
        [
            ("Acme's revenue rose 12% to $4bn.", "12%", "Acme"),
            ("Shares of Globex fell 4% on Monday.", "4%", "Globex"),
            ("Reuters reported that Initech raised its budget to $2bn.", "$2bn", "Initech"),
            ("Initech reported quarterly revenue of $2bn.", "$2bn", "Initech"),
            ("Analysts like Hooli, which plans to invest $3bn in Pied Piper, were upbeat.", "$3bn", "Hooli"),
            ("According to Bloomberg, Umbrella Corp sold assets worth $900 million.", "$900 million", "Umbrella Corp"),
            ("CEO Jane Doe said revenue at the unit reached $5bn.", "$5bn", None),
            ("The gain of 40% for Stark Industries' stock surprised traders.", "40%", "Stark Industries"),
            # a breakdown: the name right before the bracket, a place or not
            ("In markets including Mexico ($22.3 million), Brazil ($15.9 million), Australia ($14.6 million) "
             "and China, Barbie had its best opening.", "$14.6 million", "Australia"),
            ("Acme funneled Rmb72.5bn ($10bn) into capital expenditure.", "$10bn", "Acme"),
        ],
        ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
    )
    def test_subject_possessive_and_relative_clauses(self, text: str, needle: str, entity: str | None) -> None:
        """The possessive, 'shares of X', 'X, which', a name bracketing the figure ("Australia
        ($14.6 million)"), or the sentence subject names the entity."""
        assert _one(text, needle).entity == entity

    def test_anaphora_resolves_to_the_most_mentioned_name(self) -> None:
        """'The company' and 'its' refer to the article's salient entity."""
        text = "Acme beat forecasts. Acme shipped more. Hooli lagged. The company's margin rose to 30%."
        assert _one(text, "30%").entity == "Acme"

    def test_unknown_entity_stays_none(self) -> None:
        """A number with no name and no anaphor in reach is not guessed."""
        assert _one("Prices rose 3% last year.", "3%").entity is None

    def test_hyphenated_adjectives_and_places_are_not_subjects(self) -> None:
        """'China-based' and 'Hong Kong' never become the entity."""
        text = "In Hong Kong, China-based Acme's shares rose 5%."
        at = text.index("5%")
        assert EntityFinder(text).entity_for(at, at + 2) == "Acme"

    def test_mentions_strip_possessives_and_sentence_openers(self) -> None:
        """'Acme's' is the name Acme, marked possessive; 'The' is not part of a name."""
        names = [(m.name, m.possessive) for m in find_mentions("The Acme Group's deal with Hooli closed.")]
        assert names == [("Acme Group", True), ("Hooli", False)]


    def test_openers_of_other_languages_are_not_names(self) -> None:
        """German, French and Spanish articles, pronouns and adverbs open sentences there too."""
        text = "Hier meldete Siemens mehr. Les ventes de LVMH ont reculé. Cela reste peu. El grupo Inditex crece."
        assert [m.name for m in find_mentions(text)] == ["Siemens", "LVMH", "Inditex"]

    def test_sentence_adverbs_and_conjunctions_are_not_names(self) -> None:
        """"Whilst", "Zuvor", "Adicionalmente" open sentences; they are not who a figure is about."""
        text = ("Whilst Labour won 412 seats, turnout fell. Zuvor hatte Arsenal mehr bezahlt. "
                "Adicionalmente, Chile perdió 3.000 casas. Moreover, Acme grew.")
        assert [m.name for m in find_mentions(text)] == ["Labour", "Arsenal", "Chile", "Acme"]

    def test_weekdays_and_scale_words_of_other_languages_are_not_names(self) -> None:
        """German capitalises every noun: "Samstag" and "Millionen" open no name ("Am Samstag
        meldete Siemens ...", "Millionen Kunden")."""
        names = [m.name for m in find_mentions("Am Samstag meldete Siemens 906 Fälle. Millionen Kunden warten. "
                                               "Le lundi, Renault a vendu 3 milliards.")]
        assert "Siemens" in names and "Renault" in names
        assert not {"Samstag", "Millionen", "Millionen Kunden", "Le lundi"} & set(names)

    def test_a_latin_name_ends_where_chinese_or_japanese_text_begins(self) -> None:
        """Chinese and Japanese copy writes a Latin name with no space before the next word:
        "Arm发行了9550万股" names Arm, and "BOEの利下げは" the BOE."""
        text = "Arm发行了9550万股美国存托股票。ARM上市首日股价大涨25%。BOEの利下げは初めて。"
        assert [m.name for m in find_mentions(text)] == ["Arm", "ARM", "BOE"]

    def test_names_with_letters_outside_ascii_are_read_whole(self) -> None:
        """An accented letter inside a name or opening it is part of the name: "Sánchez" is not
        "S", "Kahramanmaraş" not "Kahramanmara", and "Škoda" and "Élysée" are names."""
        text = "Pedro Sánchez visited Kahramanmaraş. Nestlé and Škoda met at the Élysée. Сбербанк grew."
        assert [m.name for m in find_mentions(text)] == [
            "Pedro Sánchez", "Kahramanmaraş", "Nestlé and Škoda", "Élysée", "Сбербанк"]

class TestMetric:
    @pytest.mark.parametrize(
        ("text", "needle", "metric"),
        [
            ("Acme's revenue rose 12% to $4bn.", "$4bn", "revenue"),
            ("Acme's market capitalisation stands at $19bn.", "$19bn", "market capitalization"),
            ("Acme holds a 36 percent stake in Hooli.", "36 percent", "stake"),
            ("Acme shares closed at $81 per share.", "$81", "share price"),
            ("Acme has less than 5 percent of the global market.", "5 percent", "market share"),
            ("Acme's cloud division posted a 13% climb to $3bn.", "$3bn", "cloud revenue"),
            ("Acme's stock rose 9% on Tuesday.", "9%", "share price"),
            # a growth named earlier in the clause does not govern a figure another metric is nearer
            ("Slow economic growth let inflation cool towards its target of 2%.", "2%", "inflation"),
            ("Acme's revenue growth guidance is 3%.", "3%", "revenue"),
            # a metric after the figure but across "as", "while", "and" is another clause's subject
            ("Acme's operating margin declined 40bps as gross margin gains were offset.", "40bps", "operating margin"),
        ],
    )
    def test_metric_from_words_units_and_segments(self, text: str, needle: str, metric: str) -> None:
        """The nearest compatible metric phrase, a unit or a segment word gives the metric."""
        assert _one(text, needle).metric == metric


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "needle", "key"),
        [
            ("In 2024 alone, Acme spent $7bn, up from $2bn the previous year.", "$2bn", "2023"),
            ("In 2024 alone, Acme spent $7bn, up from $2bn the previous year.", "$7bn", "2024"),
            ("Acme's revenue rose 8% to $28bn in the final 2024 quarter.", "8%", "2024-Q4"),
            ("Year-to-date, Acme's stock has climbed over 50%.", "50%", "2025-01-01..2025-02-24"),
            ("Acme's stock has risen about 30% this year.", "30%", "2025-01-01..2025-02-24"),
            ("Last Friday Acme's shares surged 11.7%.", "11.7%", "2025-02-21"),
            ("Acme's shares rose 16% since the start of 2024 to $81 per share (as of May 28, 2024).", "16%",
             "2024-01-01..2024-05-28"),
            ("Acme's shares rose 16% since the start of 2024 to $81 per share (as of May 28, 2024).", "$81",
             "2024-05-28"),
            ("The Fed expects the rate to be 4.4% at the end of 2024 and 3.4% at the end of 2025.", "4.4%",
             "2024-12-31"),
            ("The Fed expects the rate to be 4.4% at the end of 2024 and 3.4% at the end of 2025.", "3.4%",
             "2025-12-31"),
        ],
    )
    def test_period_from_the_sentence(self, text: str, needle: str, key: str) -> None:
        """The nearest period phrase, read against the publication date, dates the quantity."""
        q = _one(text, needle)
        assert q.period is not None
        assert q.period.key == key

    def test_same_period_refers_back(self) -> None:
        """'In the same period' takes the period last named in the article."""
        text = "Acme's revenue rose 10% in the June quarter. Its cloud business grew 26% in the same period."
        assert _one(text, "26%", published=dt.date(2025, 9, 25)).period.key == "2025-Q2"

    def test_a_comparison_dates_its_base_only(self) -> None:
        """A period after "compared with" dates the base, not the figure before it, and is not
        carried to the next sentence's figures of the metric."""
        text = ("Operating income was $5.7 billion, compared with $4.3 billion in the third quarter of 2023. "
                "Net sales increased 11% to $158.9 billion in the third quarter of 2024, compared with "
                "$143.1 billion in the third quarter of 2023.\n\nAWS segment sales rose to $27.5 billion.")
        keys = [getattr(_one(text, n, published=dt.date(2024, 10, 31)).period, "key", None)
                for n in ("$5.7 billion", "$4.3 billion", "$143.1 billion", "$27.5 billion")]
        assert keys == [None, "2023-Q3", "2023-Q3", "2024-Q3"]

    @pytest.mark.parametrize(
        ("text", "periods"),
        [
            ("Airbus a livré 735 avions en 2023, contre 661 en 2022.", ["2023", "2022"]),
            ("Der Umsatz stieg auf 12,9 Milliarden Euro, gegenüber 11,2 Milliarden Euro im Jahr 2023.", [None, "2023"]),
            ("Meta ingresó 116,116 millones de dólares, un 22% más que en el mismo periodo de 2023.", [None, None]),
        ],
    )
    def test_comparisons_in_other_languages(self, text: str, periods: list[str | None]) -> None:
        """ "contre", "gegenüber", "que en el mismo periodo": the period after them dates the base."""
        found = factcheck.extract(text, published=dt.date(2024, 10, 31))
        assert [q.period.key if q.period else None for q in found] == periods

    def test_no_publication_date_leaves_relative_periods_open(self) -> None:
        """Without a date, 'last Friday' cannot be resolved and the period stays None."""
        assert _one("Last Friday Acme's shares surged 11.7%.", "11.7%", published=None).period is None


class TestQualifiers:
    def test_listing_separates_share_prices(self) -> None:
        """A Hong Kong share move and a New York one carry different listings."""
        hk = _one("Acme's Hong Kong-listed shares rose 6%.", "6%")
        us = _one("On the NYSE, Acme shares rose 9%.", "9%")
        assert (hk.qualifiers.listing, us.qualifiers.listing) == ("HK", "US")

    def test_comparable_basis_is_marked(self) -> None:
        """Comparable and same-store sales are a basis of revenue, as organic sales are."""
        assert _one("Comparable revenue grew 3 percent to €75.9 billion.", "3 percent").qualifiers.basis == "comparable"
        assert _one("Acme's same-store sales fell 7% in the quarter.", "7%").qualifiers.basis == "comparable"

    def test_the_basis_stated_nearest_the_figure_is_its_own(self) -> None:
        """A sentence giving a figure on each basis: each takes the basis written nearest it."""
        text = "Acme's earnings per share rose 3.3% in constant currency (-1.0% on a reported basis to CHF 2.40)."
        assert (_one(text, "3.3%").qualifiers.basis, _one(text, "CHF 2.40").qualifiers.basis) == (
            "constant currency", "reported")

    def test_estimates_are_marked(self) -> None:
        """A consensus or forecast figure is an estimate, not an actual."""
        assert _one("Analysts expect Acme's revenue to reach $5bn.", "$5bn").qualifiers.estimate

    def test_headline_is_marked(self) -> None:
        """A short title line is a headline."""
        q = _one("Acme Sales Jump To $5bn\n\nAcme's revenue rose to $5bn in 2024.", "$5bn")
        assert q.qualifiers.headline


class TestSentences:
    def test_abbreviations_do_not_end_sentences(self) -> None:
        """'U.S.' and 'Dec. 9' stay inside their sentence."""
        text = "The U.S. market rose on Dec. 9 and fell later. Next one."
        s = Sentences(text)
        assert s.at(0) == s.at(30) != s.at(len(text) - 2)
