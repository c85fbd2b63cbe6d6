"""factcheck.link.slips: a figure that repeats another source's digits at another power of ten."""

from __future__ import annotations

import attrs
from link_support import build

from factcheck.link.profile import profiles
from factcheck.link.slips import slips


def found(sources: dict[str, str | tuple[str, str | None]]) -> list[tuple[str, str, int]]:
    _, facts = build(sources)
    return [(facts[s.odd].q.text, facts[s.good].q.text, s.power) for s in slips(facts, profiles(facts))]


BOX_OFFICE = "Barbie took {} at the domestic box office over its opening weekend."


class TestSlips:
    def test_the_same_three_digits_ten_times_the_size(self) -> None:
        """The value no other source gives is the slip; the figures it contradicts are named."""
        got = found({"a.md": BOX_OFFICE.format("$162 million"), "b.md": BOX_OFFICE.format("$1,620 million"),
                     "c.md": BOX_OFFICE.format("$162 million")})
        assert got == [("$1,620 million", "$162 million", 1)]

    def test_words_in_common_include_concepts_across_wordings_and_languages(self) -> None:
        """Two phrases that name one measure in other words or another language ("pay hike",
        "salary raise", "aumento de sueldo", "rise in wages") share that concept as they would a
        word: with three articles giving 35%, a fourth's 350% is a slip."""
        got = found({"a.md": "Boeing's proposal included a 35% pay hike.",
                     "b.md": "Boeing put a 35% salary raise on the table.",
                     "c.md": "Boeing contemplaba un aumento de sueldo del 35%.",
                     "d.md": "Boeing's deal offered a 350% rise in wages over four years."})
        assert [(odd, power) for odd, _, power in got] == [("350% rise", 1)]

    def test_a_figure_a_thousand_times_smaller(self) -> None:
        """The wrong scale word ("million" for "billion") moves a figure by three powers."""
        got = found({"a.md": "Acme's revenue was $18.8 billion in the quarter.",
                     "b.md": "Acme's revenue was $18.8 million in the quarter.",
                     "c.md": "Acme reported revenue of $18.8 billion for the quarter."})
        assert got == [("$18.8 million", "$18.8 billion", -3)]

    def test_between_two_articles_the_first_is_named(self) -> None:
        """With no third source and too few figures to say which is off scale, the pair is still
        a finding (either may be the wrong one); the first article's figure is named first."""
        got = found({"a.md": BOX_OFFICE.format("$162 million"), "b.md": BOX_OFFICE.format("$1,620 million")})
        assert got == [("$162 million", "$1,620 million", -1)]

    def test_four_digits_need_no_backing_and_no_shared_word(self) -> None:
        """Four significant digits at ten times the size are a slip with one other source and
        no word in common, whatever their metric labels; three are when nothing says they are
        two facts, and not when their metric labels differ."""
        four = found({"a.md": "Hooli's revenue reached $22.45 billion, filings show.",
                      "b.md": "The net profit of Hooli came to $224.50 billion."})
        three = found({"a.md": "Hooli put $22.4 billion into the venture fund.",
                       "b.md": "The bet by Hooli came to $224 billion, filings show."})
        labelled = found({"a.md": "Hooli's revenue reached $22.4 billion, filings show.",
                          "b.md": "The net profit of Hooli came to $224 billion."})
        assert (four, three, labelled) == ([("$22.45 billion", "$224.50 billion", -1)],
                                           [("$22.4 billion", "$224 billion", -1)], [])

    def test_three_digits_alone_not_as_bare_digits_or_of_two_entities(self) -> None:
        """Bare digits (often parts of dates) and figures of two different entities are not a
        slip on three digits alone."""
        bare = found({"a.md": "Hooli reinitiated discussions in April 202",
                      "b.md": "Hooli expects the deal to close in the quarter of 2024.3"})
        entities = found({"a.md": "In Australia, Hooli took $14.6 million over the weekend.",
                          "b.md": "Globex grossed $146 million in its first weekend, Hooli said."})
        assert (bare, entities) == ([], [])

    def test_a_two_digit_percentage_needs_five_articles_without_a_shared_word(self) -> None:
        """Percentages crowd into 1-100: "3.9%" against "39%" in other words is a slip when five
        articles give 39%, not when three do."""
        good = ["Hooli: la part atteint 39 % selon le rapport.", "Bei Hooli lag die Quote zuletzt bei 39 Prozent.",
                "Hooli alcanzó una cuota del 39 por ciento.", "Hooli's share came to 39%, filings show.",
                "Hooli hit 39 per cent of the market."]
        odd = "Hooli's slice stood at 3.9% this spring."
        five = found({**{f"{k}.md": t for k, t in zip("abcde", good, strict=True)}, "f.md": odd})
        three = found({**{f"{k}.md": t for k, t in zip("abc", good, strict=False)}, "f.md": odd})
        assert ([(o, n) for o, _, n in five], three) == ([("3.9%", -1)], [])

    def test_a_percentage_above_100_needs_only_what_a_count_needs(self) -> None:
        """A percentage above 100 is rare in any story, so "390%" against "39%" is held to a
        count's bar (a word in common, or three articles giving the other value), not to the five
        articles that two figures within 1-100 need; "3.9%" against "39%" still needs five."""
        good = ["Hooli: la part atteint 39 % selon le rapport.", "Bei Hooli lag die Quote zuletzt bei 39 Prozent.",
                "Hooli alcanzó una cuota del 39 por ciento."]
        three = {f"{k}.md": t for k, t in zip("abc", good, strict=True)}
        above = found({**three, "f.md": "Hooli's slice stood at 390% this spring."})
        assert [(o, n) for o, _, n in above] == [("390%", 1)]

    def test_a_wage_rise_above_100_percent_with_a_word_in_common_and_one_backer(self) -> None:
        got = found({"a.md": "Boeing's union had asked for a wage increase of 350% over four years.",
                     "b.md": "Boeing's union wanted a 35% wage increase over four years, the company said."})
        assert [(o, g) for o, g, _ in got] == [("350%", "35%")]

    def test_a_part_of_a_whole_above_100_percent_slipped_from_a_range(self) -> None:
        """A range is compared by its ends: "an operating margin of 200%" slipped from the
        guidance of "20%-22%" that other reports give."""
        got = found({"a.md": "Infosys kept its forecast for the operating margin at 200% this year.",
                     "b.md": "Infosys kept its operating margin guidance of 20%-22% for the year.",
                     "c.md": "The operating margin band of 20%-22% was retained by Infosys."})
        assert [(o, n) for o, _, n in got] == [("200%", 1)]

    def test_one_digit_above_100_percent_against_four_reports_of_its_tenth(self) -> None:
        """"200%" where four other reports give "20%", in words it shares with one of them, is the
        story's plain figure slipped, whoever each sentence names; with three reports, or no word
        in common, it is not."""
        good = ["Wegovy cut the risk of heart attacks by 20%, Novo said.", "Novo: Wegovy lowered cardiac risk 20%.",
                "Wegovy reduced cardiovascular events by 20% in the trial, Novo said.",
                "In the trial, Wegovy cut such events 20%."]
        odd = ("Shares of Novo jumped after data showed Wegovy cut the risk of heart attacks or strokes by 200%. "
               "Wegovy costs about $1,300 a month.")
        apart = "Shares of Novo have gained 200% since Wegovy launched. Wegovy costs about $1,300 a month."
        four = found({**{f"{k}.md": t for k, t in zip("abcd", good, strict=True)}, "f.md": odd})
        three = found({**{f"{k}.md": t for k, t in zip("abc", good, strict=False)}, "f.md": odd})
        unrelated = found({**{f"{k}.md": t for k, t in zip("abcd", good, strict=True)}, "f.md": apart})
        assert ([(o, g, n) for o, g, n in four], three, unrelated) == ([("200%", "20%", 1)], [], [])

    def test_a_part_of_a_whole_above_100_percent_needs_one_digit(self) -> None:
        """A share above 100% is wrong on its own: one digit in common names the figure it
        slipped from, and a rounded figure allows the digits scaled back ("60%" for "599.0%")."""
        one = found({"a.md": "In the city, Labour won 20% of the vote, officials said.",
                     "b.md": "Labour took a vote share of 200% in the city, officials said."})
        rounded = found({"a.md": "Labour won as turnout across the UK was 60%, officials said.",
                         "b.md": "Labour won; turnout at the general election was confirmed as 599.0%."})
        assert (one, rounded) == ([("200%", "20%", 1)], [("599.0%", "60%", 1)])

    def test_one_digit_with_metric_entity_word_and_two_backers(self) -> None:
        """One significant digit repeats by chance in any story: it is a slip only with the same
        metric and entity, a word in common and two other articles giving the other value, and
        not when the odd figure's article or another article also gives the odd value."""
        backers = {"a.md": "Acme cut about 10,000 jobs, less than 5% of its global workforce.",
                   "b.md": "Acme is cutting 10,000 jobs, or almost 5% of its workforce."}
        odd = "Acme cuts 10,000 jobs, less than 50% of its global workforce."
        slipped = found({**backers, "c.md": "Acme will also cut 5% of its global workforce this year.", "d.md": odd})
        alone = found({"a.md": backers["a.md"], "d.md": odd})
        twice = found({**backers, "d.md": odd, "e.md": "Acme's cuts hit 50% of its global workforce."})
        spelled = found({"a.md": "Acme won 40 gold medals in Paris.", "b.md": "Acme took 40 gold medals.",
                         "d.md": "Acme's star swimmer won four gold medals."})
        assert ([(o, g) for o, g, _ in slipped], alone, twice, spelled) == (
            [("less than 50%", "less than 5%")], [], [], [])

    def test_a_share_above_100_percent_names_no_figure_of_another_measure(self) -> None:
        """Without a word in common or the part's word near it, no other figure is named."""
        got = found({"a.md": "Acme's revenue grew 20% in the quarter.",
                     "b.md": "Labour took a vote share of 200% in the city, officials said."})
        assert got == []

    def test_an_article_giving_both_values_has_slipped_when_others_back_the_odd_ones_fact(self) -> None:
        """Both values in one article in other words are two facts, unless two other articles
        give the other value in words the odd figure shares: then it is the article's slip on
        that fact ("710 seats" against "71 seats" twice, its own bare "71" a tally elsewhere)."""
        backed = found({"a.md": "The party won 710 seats in Scotland, its best result. The final tally: 71.",
                        "b.md": "The party won 71 seats in Scotland on Thursday.",
                        "c.md": "In Scotland the party won 71 seats, officials said."})
        alone = found({"a.md": "The party won 710 seats in Scotland, its best result. The final tally: 71.",
                       "b.md": "The party won 71 seats in Scotland on Thursday."})
        assert ([(o, n) for o, _, n in backed], alone) == ([("710 seats", 1)], [])

    def test_cents_are_not_counts(self) -> None:
        """ "34.40 cents" is 0.344 of a currency: a bare "0.3440" in a table is not its slip."""
        got = found({"a.md": "Shell will pay a quarterly dividend of 34.40 cents per share.",
                     "b.md": "Shell's quarterly dividend per share: 0.3440",
                     "c.md": "The dividend stays at 34.40 cents a share."})
        assert got == []

    def test_basis_points_are_not_counts(self) -> None:
        """ "525 basis points" is 5.25 points, not a count whose digits "5.25" repeats."""
        got = found({"a.md": "The Fed has raised its rate by 525 basis points since March 2022.",
                     "b.md": "The Fed's 525 bps of hikes are the most since the 1980s.",
                     "c.md": "Die Fed erhöhte um 0,25 Prozentpunkte. Damit liegt er nun in der Spanne von 5,25 bis "
                             "5,5 Prozent."})
        assert got == []

    def test_a_less_precise_counterpart_is_the_other_rounded(self) -> None:
        """"$146 million" is "$1,464.4 million" rounded to three digits, a power of ten away."""
        got = found({"a.md": BOX_OFFICE.format("$146 million"), "b.md": BOX_OFFICE.format("$1,464.4 million"),
                     "c.md": BOX_OFFICE.format("$146 million")})
        assert got == [("$1,464.4 million", "$146 million", 1)]

    def test_zeros_written_after_the_point_are_digits(self) -> None:
        """"$23.0 billion" has three digits, and "$229.60 billion" rounds to them (230): the
        rounding carries into a zero that the coarser figure wrote."""
        got = found({"a.md": "Acme's net income was $23.0 billion a year earlier.",
                     "b.md": "Acme's net income was down from $229.60 billion a year earlier.",
                     "c.md": "Acme's net income was $23.0 billion a year ago."})
        assert got == [("$229.60 billion", "$23.0 billion", 1)]

    def test_rounding_needs_three_digits(self) -> None:
        """"13" is 126 rounded to two digits at a tenth: too common to be evidence."""
        got = found({"a.md": "Acme won 13 medals in the final.", "b.md": "Acme won 126 medals in all.",
                     "c.md": "Acme won 126 medals at the Games."})
        assert got == []

    def test_two_digits_need_a_word_in_common(self) -> None:
        """Two sources giving "$1.5 billion" do not make "$150 billion" a slip of it: a valuation and
        a year's spending share the digits 15 and nothing else."""
        got = found({"a.md": "The round could value Acme at $150 billion, making it one of the most valuable startups.",
                     "b.md": "Acme spends $1.5 billion on computing a year.",
                     "c.md": "Acme's computing bill is $1.5 billion a year."})
        assert got == []

    def test_two_digits_against_three_sources_need_no_word(self) -> None:
        """Three reports print "$120 million"; a fourth giving "$1,200 million" in other words has
        slipped: the story's statement of a fact, not two facts sharing digits."""
        sources = {"a.md": "Before the sale, Christie's expected the painting to fetch at least $1,200 million.",
                   "b.md": "Christie's estimate was $120 million.",
                   "c.md": "Christie's estimate was $120 million.",
                   "d.md": "Christie's estimate was $120 million."}
        assert found(sources) == [("at least $1,200 million", "$120 million", 1)]
        del sources["d.md"]
        assert found(sources) == []

    def test_a_bare_count_is_not_another_noun(self) -> None:
        """Two digits of "35 seats" and "3.5 points" are two counts; a count that names nothing
        ("25 million" where another report has "2.5 million tickets") may be the same one."""
        got = found({"a.md": "Paris sold 25 million for the Paralympic Games, organisers said.",
                     "b.md": "Paris sold 2.5 million tickets for the Paralympic Games."})
        assert [(o, g) for o, g, _ in got] == [("25 million", "2.5 million tickets")]

    def test_an_age_names_its_metric(self) -> None:
        """ "240-year-old" against two sources' "24-year-old": an age is its own word in common."""
        got = found({"a.md": "Arsenal's new midfielder, a 240-year-old, joined on Saturday.",
                     "b.md": "Arsenal signed the 24-year-old from West Ham.",
                     "c.md": "Arsenal's record signing is 24-year-old Declan Rice."})
        assert got == [("240-year-old", "24-year-old", 1)]

    def test_a_value_another_source_also_gives_is_not_a_slip(self) -> None:
        """Both values stated by two articles each: two facts of the story (a salary, a bonus)."""
        got = found({"a.md": "He earns €15 million a year and got a €150 million signing bonus.",
                     "b.md": "A €150 million bonus comes on top of €15 million a year.",
                     "c.md": "His salary is €15 million a year."})
        assert got == []

    def test_one_article_giving_both_values_in_other_words_is_two_facts(self) -> None:
        got = found({"a.md": "Acme employs 1,250 people. Its new plant will train 125 apprentices.",
                     "b.md": "Acme employs 1,250 people at the end of the year."})
        assert got == []

    def test_one_sentence_giving_both_values_is_two_facts(self) -> None:
        got = found({"a.md": "He earns €15 million a year and got a €150 million signing bonus.",
                     "b.md": "His salary is €15 million a year, the club said."})
        assert got == []

    def test_one_sentence_giving_both_values_is_two_facts_whoever_backs_the_other(self) -> None:
        """Other articles backing the other value do not make one sentence's two figures one fact."""
        got = found({"a.md": "The party won 710 seats in Scotland and 71 seats in Wales.",
                     "b.md": "The party won 71 seats in Scotland on Thursday.",
                     "c.md": "In Scotland the party won 71 seats, officials said."})
        assert got == []

    def test_the_statement_compared_is_the_one_in_the_most_similar_words(self) -> None:
        """Of the articles giving the other value, the one whose words are most like the odd
        figure's is the one it is held against: that is the sentence an editor compares."""
        got = found({"a.md": "Barbie took $1,620 million at the domestic box office.",
                     "b.md": "Barbie's $162m haul beat forecasts.",
                     "c.md": "Barbie took $162 million at the domestic box office."})
        assert got == [("$1,620 million", "$162 million", 1)]

    def test_one_article_giving_the_right_value_again_in_the_same_words_slipped_once(self) -> None:
        """A headline with "$155 million opening" and a body with "$1,550 million opening": one fact,
        once with a slip."""
        got = found({"a.md": "Barbie: $155 million opening weekend.\n\nBarbie took a $1,550 million opening weekend.",
                     "b.md": "Barbie's opening weekend was $155 million."})
        assert got == [("$1,550 million", "$155 million", 1)]

    def test_one_or_two_digits_are_not_enough_alone(self) -> None:
        """"$100 million" and "$1 billion" share one digit, which different facts do all the time;
        two-digit percentages ("3.5%", "35%") collide in any earnings story."""
        assert found({"a.md": "Acme raised $100 million.", "b.md": "Acme is worth $1,000 million."}) == []
        assert found({"a.md": "Games revenue rose 35% year on year.",
                      "b.md": "Earnings beat consensus by 3.5%.",
                      "c.md": "International games revenue jumped 35%."}) == []

    def test_two_digit_percentages_backed_by_three_sources(self) -> None:
        rate = "The Fed's median projection puts its rate at {} by the end of 2025."
        got = found({"a.md": rate.format("3.4%"), "b.md": rate.format("3.4%"), "c.md": rate.format("3.4%"),
                     "d.md": rate.format("34%")})
        assert got == [("34%", "3.4%", 1)]

    def test_different_written_periods_are_two_facts(self) -> None:
        got = found({"a.md": "Acme's revenue was $162 million in 2023.",
                     "b.md": "Acme's revenue was $1,620 million in 2024.",
                     "c.md": "Acme's revenue was $162 million in 2023, it said."})
        assert got == []

    def test_ranges_and_unrelated_units_are_not_compared(self) -> None:
        got = found({"a.md": "Acme expects revenue of $162-170 million.",
                     "b.md": "Acme expects 1,620 million visitors.",
                     "c.md": "Acme's revenue will be $162-170 million."})
        assert got == []

    def test_a_payment_per_year_and_a_total_are_two_facts(self) -> None:
        """Ten yearly payments add up to exactly ten times one of them."""
        sources = {"a.md": "Ohtani's deferred payments of $68 million annually run from 2034 to 2043.",
                   "b.md": "Ohtani's deferred payments total $680 million over the contract.",
                   "c.md": "Of the deal, deferred payments come to $680 million."}
        assert found(sources) == []
        _, facts = build(sources)  # the rate word is what keeps them apart
        flat = [attrs.evolve(p, rate=False) for p in profiles(facts)]
        assert [facts[s.odd].q.text for s in slips(facts, flat)] == ["$68 million"]

    def test_found_in_linear_steps(self) -> None:
        """Candidates come from a hash join on the digits: a thousand articles of distinct figures
        make no candidate pair at all (the slip search never compares every pair)."""
        sources = {f"d{i}.md": f"Acme's revenue was ${1000 + i * 7} million." for i in range(300)}
        assert found(sources) == []
