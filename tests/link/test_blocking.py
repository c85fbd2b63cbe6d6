"""factcheck.link.blocking: which pairs of facts are compared at all."""

from __future__ import annotations

import datetime as dt

import pytest
from link_support import build, find

from factcheck.link import blocking
from factcheck.link.blocking import NEWS_WINDOW_DAYS, candidate_pairs, dimension, stories
from factcheck.link.profile import profiles


def pairs_of(facts) -> list[tuple[int, int]]:
    return list(candidate_pairs(facts, profiles(facts)))


def texts(facts, pairs) -> set[tuple[str, str]]:
    return {(facts[i].q.text, facts[j].q.text) for i, j in pairs}


class TestStories:
    def test_articles_about_other_subjects_are_other_stories(self) -> None:
        """Articles join a story by a main subject they share; one about nothing named is alone.
        Checked together, figures about two companies are never paired, whatever their words."""
        _, facts = build({"a.md": "Acme's revenue was £10m.", "b.md": "Globex's revenue was £12m.",
                          "c.md": "Acme's profit was £2m.", "d.md": "The rate was 5%."})
        got = stories(facts)
        assert sorted(i for story in got for i in story) == list(range(len(facts)))  # a partition
        docs = sorted(sorted(facts[i].doc for i in story) for story in got)
        assert docs == [["a.md", "c.md"], ["b.md"], ["d.md"]]
        # pairs never cross stories
        assert texts(facts, pairs_of(facts)) == {("£10m", "£2m")}

    def test_no_facts_no_story(self) -> None:
        assert stories([]) == []

    def test_one_subject_in_the_news_twice_is_two_stories(self) -> None:
        """A company's articles a month apart are two stories; each joins the one before it when
        published within the news window."""
        _, facts = build({"a.md": ("Acme's revenue was £10m.", "2024-01-01"),
                          "b.md": ("Acme's revenue was £10m, it said.", "2024-01-08"),
                          "c.md": ("Acme's revenue was £14m.", "2024-03-01")})
        docs = sorted(sorted(facts[i].doc for i in story) for story in stories(facts))
        assert docs == [["a.md", "b.md"], ["c.md"]]

    def test_a_lone_article_joins_the_story_whose_subject_it_names(self) -> None:
        """An article whose own names are misread still names the story's subject: named twice,
        it joins that story; named once, it stays alone."""
        story = {"a.md": "Microsoft will cut 10,000 jobs, Microsoft said.",
                 "b.md": "Microsoft is cutting 10,000 jobs; Microsoft shares rose 1%."}
        twice = {**story, "c.md": "Laut Konzern zahlt Microsoft 5 Prozent mehr. Laut Gesamtbelegschaft spart "
                                  "Microsoft 3 Prozent."}
        once = {**story, "c.md": "Laut Konzern zahlt Microsoft 5 Prozent mehr. Laut Gesamtbelegschaft spart man "
                                 "3 Prozent."}
        got = []
        for sources in (twice, once):
            _, facts = build(sources)
            got.append(sorted(sorted({facts[i].doc for i in s}) for s in stories(facts)))
        assert got == [[["a.md", "b.md", "c.md"]], [["a.md", "b.md"], ["c.md"]]]

    def test_a_lone_article_joins_the_one_story_stating_its_amount(self) -> None:
        """With no name in common, an amount of two or more digits that one story states ties a
        lone article to it; an amount two stories state ties it to neither."""
        acme = {"a.md": "Acme agreed to pay $1.2 billion in severance.",
                "b.md": "Acme will pay $1.2 billion, Acme said."}
        globex = {"x.md": "Globex took a $1.2 billion charge.", "y.md": "Globex booked $1.2 billion, Globex said."}
        lone = {"c.md": "Die Abfindungen kosten 1,2 Milliarden Dollar."}
        got = []
        for sources in ({**acme, **lone}, {**acme, **globex, **lone}):
            _, facts = build(sources)
            got.append(sorted(sorted({facts[i].doc for i in s}) for s in stories(facts)))
        assert got[0] == [["a.md", "b.md", "c.md"]]
        assert ["c.md"] in got[1]

    def test_an_article_of_a_story_never_ties_two_stories(self) -> None:
        """An article that belongs to a story stays in it, however often it names another
        story's subject: two stories that mention each other's subjects stay apart."""
        _, facts = build({"a.md": "Acme's revenue was £10m. Acme gained on Globex and on Globex's rivals.",
                          "b.md": "Acme's revenue was £10m, Acme said.",
                          "x.md": "Globex's revenue was £12m, Globex said.",
                          "y.md": "Globex's revenue reached £12m at Globex."})
        docs = sorted(sorted({facts[i].doc for i in s}) for s in stories(facts))
        assert docs == [["a.md", "b.md"], ["x.md", "y.md"]]


class TestDimension:
    def test_currencies_share_a_block(self) -> None:
        _, facts = build({"a.md": "Acme's revenue was £10m.", "b.md": "Acme's revenue was $12m, or €11m."})
        assert {dimension(f) for f in facts} == {"money"}
        assert len(pairs_of(facts)) == 2  # £ with $ and with €; not $ with € in one article

    def test_percent_and_points_share_a_block(self) -> None:
        _, facts = build({"a.md": "Acme's margin was 5%.", "b.md": "Acme's margin rose 2 percentage points."})
        assert [f.q.unit for f in facts] == ["percent", "pp"]
        assert {dimension(f) for f in facts} == {"percent"}
        assert pairs_of(facts) == [(0, 1)]

    def test_counts_of_different_nouns_share_a_block(self) -> None:
        """The counted noun is compared, not blocked on: extraction often misses it."""
        _, facts = build({"a.md": "Acme employs 300 staff.", "b.md": "Acme has 40 shops."})
        assert [f.q.unit for f in facts] == ["employee", "shop"]
        assert {dimension(f) for f in facts} == {"count"}
        assert pairs_of(facts) == [(0, 1)]

    def test_physical_units_and_ages_do_not_mix(self) -> None:
        _, facts = build({
            "a.md": "Acme's plant makes 3 gigawatts. Bob, a 24-year-old engineer, joined Acme.",
            "b.md": "Acme has run the plant for over 5 years. Alice, 31 years old, joined. "
                    "The new plant makes 4 gigawatts.",
        })
        gw_a, age_a = find(facts, "3 gigawatts"), find(facts, "24-year-old")
        years, age_b, gw_b = find(facts, "over 5 years"), find(facts, "31 years old"), find(facts, "4 gigawatts")
        assert facts[age_a].q.kind == "age" and facts[years].q.kind != "age"
        assert dimension(facts[gw_a]) == "[length]^2 [mass] [time]^-3" and dimension(facts[years]) == "[time]"
        assert dimension(facts[age_a]) == dimension(facts[age_b]) == "age"
        got = set(pairs_of(facts))
        assert got == {tuple(sorted(p)) for p in [(gw_a, gw_b), (age_a, age_b)]}
        assert tuple(sorted((gw_a, years))) not in got  # gigawatts against years
        assert tuple(sorted((age_a, years))) not in got  # an age against a duration

    def test_units_of_one_dimension_meet(self) -> None:
        """pint's dimension, not the unit's name, is the block: GW meets MW, tonnes meet pounds, a
        price per tonne meets a price per kilogram; power never meets energy."""
        _, facts = build({
            "a.md": "Acme's plant makes 510 GW. It shipped 2 tonnes. Coal cost $100 a tonne. It made 5 GWh.",
            "b.md": "Acme's plant makes 510,000 MW. It shipped 4,409 pounds. Coal cost $0.1/kg.",
        })
        gw, mw, gwh = find(facts, "510 GW"), find(facts, "510,000 MW"), find(facts, "5 GWh")
        t, lb = find(facts, "2 tonnes"), find(facts, "4,409 pounds")
        per_t, per_kg = find(facts, "$100 a tonne"), find(facts, "$0.1/kg")
        assert dimension(facts[per_t]) == dimension(facts[per_kg]) == "money/[mass]"
        got = set(pairs_of(facts))
        assert {tuple(sorted(p)) for p in [(gw, mw), (t, lb), (per_t, per_kg)]} <= got
        assert tuple(sorted((gwh, mw))) not in got  # energy against power

    def test_money_does_not_meet_counts_or_percent(self) -> None:
        _, facts = build({"a.md": "Acme's revenue was £10m.", "b.md": "Acme has 40 shops and a 5% margin."})
        assert pairs_of(facts) == []


class TestWhichPairs:
    def test_no_pair_inside_one_articles_body(self) -> None:
        _, facts = build({"a.md": "Acme's revenue was £10m in 2024. Its profit was £2m in 2024. "
                                  "Its costs were £8m in 2024."})
        assert len(facts) == 3
        assert pairs_of(facts) == []

    @pytest.mark.parametrize("with_front_matter", [False, True])
    def test_headline_pairs_with_its_own_body(self, with_front_matter: bool) -> None:
        text = "Acme Profit Jumps 12%\n\nAcme's profit rose 12% to £105m in 2024, helped by 8% more sales.\n"
        if with_front_matter:
            text = "---\npublished: 2024-10-30\n---\n" + text
        _, facts = build({"a.md": text}, date=None)
        head = [i for i, f in enumerate(facts) if f.q.qualifiers.headline]
        assert [facts[i].q.text for i in head] == ["12%"]
        body = [i for i, f in enumerate(facts) if f.q.unit == "percent" and not f.q.qualifiers.headline]
        assert len(body) == 2
        # the headline's 12% meets both body percentages; the body's two never meet
        assert set(pairs_of(facts)) == {tuple(sorted((head[0], j))) for j in body}

    @pytest.mark.parametrize(("days", "paired"), [(0, True), (NEWS_WINDOW_DAYS, True), (NEWS_WINDOW_DAYS + 1, False),
                                                  (-(NEWS_WINDOW_DAYS + 1), False), (400, False)])
    def test_news_window(self, days: int, paired: bool) -> None:
        first = dt.date(2024, 10, 1)
        later = (first + dt.timedelta(days=days)).isoformat()
        _, facts = build({"a.md": ("Acme's revenue was £10m.", first.isoformat()),
                          "b.md": ("Acme's revenue was £12m.", later)})
        assert (pairs_of(facts) == [(0, 1)]) is paired

    def test_undated_article_pairs_with_any(self) -> None:
        _, facts = build({"a.md": ("Acme's revenue was £10m.", "2024-10-01"),
                          "b.md": ("Acme's revenue was £12m.", None)})
        assert facts[1].published is None
        assert pairs_of(facts) == [(0, 1)]

    def test_pairs_are_ordered_and_unique(self) -> None:
        _, facts = build({"a.md": "Acme's revenue was £10m in 2024. Its margin was 5%.",
                          "b.md": "Acme's margin was 5% in 2024. Its revenue was £10m.",
                          "c.md": "Acme's revenue was £10m, its margin 6% and it employs 300 staff.",
                          "d.md": "Acme employs 310 staff. Its revenue was £11m."})
        got = pairs_of(facts)
        assert got and all(i < j for i, j in got)
        assert len(got) == len(set(got))
        # every cross-article pair of one dimension is there
        expected = {(i, j) for i in range(len(facts)) for j in range(i + 1, len(facts))
                    if facts[i].doc != facts[j].doc and dimension(facts[i]) == dimension(facts[j])}
        assert set(got) == expected

    def test_pairs_come_in_ascending_order(self) -> None:
        """candidate_pairs documents "Index pairs (i, j), i < j, in ascending order"."""
        _, facts = build({"a.md": "Acme's revenue was £10m in 2024. Its margin was 5%.",
                          "b.md": "Acme's margin was 5% in 2024. Its revenue was £10m.",
                          "c.md": "Acme's revenue was £10m."})
        got = pairs_of(facts)
        assert got == sorted(got)

    def test_large_block_pairs_only_figures_that_share_words_or_digits(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A block larger than LARGE is split by shared phrase words and digits, not compared in full."""
        _, facts = build({"a.md": "Acme's revenue was £105m.",
                          "b.md": "Acme's revenue was £105 million.",
                          "c.md": "Zeta bought a painting for £7m."})
        monkeypatch.setattr(blocking, "LARGE", 2)
        got = texts(facts, pairs_of(facts))
        assert ("£105m", "£105 million") in got
        assert not any("£7m" in pair for pair in got)


class TestStoriesJoinedByFigures:
    def test_articles_stating_the_same_distinctive_figures_are_one_story(self) -> None:
        """Names in copy are noisy (another language's article before a name, no name at all);
        two reports that repeat two of an event's exact figures report that event."""
        _, facts = build({"a.md": "Acme took $162.4 million and its rival $80.5 million.",
                          "b.md": "La película recaudó $162.4 million, y la otra $80.5 million."})
        assert len(stories(facts)) == 1

    def test_shared_percentages_join_however_worded(self) -> None:
        """A percentage is one figure whether copy writes it as a level or as a move, with or
        without a trailing zero: "steigt um 7,5 Prozentpunkte auf 25,0 Prozent" states what "a 7.5
        percentage point rise to 25 percent" does."""
        _, facts = build({"a.md": "Der Leitzins steigt um 7,5 Prozentpunkte auf 25,0 Prozent.",
                          "b.md": "Turkey's central bank delivered a 7.5 percentage point rise to 25 percent."})
        assert len(stories(facts)) == 1

    def test_one_shared_figure_or_round_figures_do_not_join(self) -> None:
        """One figure in common, or figures of one significant digit ("$100 million"), happen in
        unrelated stories."""
        _, facts = build({"a.md": "Acme took $162.4 million and paid $100 million.",
                          "b.md": "Globex took $162.4 million and paid $100 million."})
        assert len(stories(facts)) == 2

    def test_shared_figures_do_not_join_across_news_windows(self) -> None:
        _, facts = build({"a.md": ("Acme took $162.4 million and $80.5 million.", "2024-01-01"),
                          "b.md": ("Globex took $162.4 million and $80.5 million.", "2024-06-01")})
        assert len(stories(facts)) == 2

    def test_an_undated_article_joins_every_dated_one_of_its_subject(self) -> None:
        """An undated article may belong to any of its subject's stories: it is compared with all of
        them (it used to join only one, splitting one story's dated and undated reports apart)."""
        _, facts = build({"a.md": ("Acme's revenue was £10m.", None),
                          "b.md": ("Acme's revenue was £10m, it said.", None),
                          "c.md": ("Acme's revenue was £14m.", "2024-03-01")})
        assert len(stories(facts)) == 1
