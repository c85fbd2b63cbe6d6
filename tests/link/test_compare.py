"""factcheck.link.compare: the comparison vector of a pair of facts, level by level."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from link_support import build, find

from factcheck.facts import Fact
from factcheck.link import compare as cmp
from factcheck.link.compare import EQUAL, LEVELS, NEAR, OTHER, SLIP, VALUE, Stated, echo, value, vector
from factcheck.link.profile import Profile, idf, profiles, sentence_idf
from factcheck.model import Qualifiers

VALUE_LEVELS = LEVELS[VALUE]


def level(name: str) -> int:
    return VALUE_LEVELS.index(name)


def pair(a: str, b: str, *, da: str = "2024-10-30", db: str | None = None):
    """The context and the single fact of each of two one-sentence articles."""
    ctx, facts = build({"a.md": (a, da), "b.md": (b, db or da)})
    [fa] = [f for f in facts if f.doc == "a.md"]
    [fb] = [f for f in facts if f.doc == "b.md"]
    return ctx, fa, fb


def with_q(fact: Fact, **changes) -> Fact:
    return attrs.evolve(fact, quantity=attrs.evolve(fact.q, **changes))


class TestLevels:
    def test_every_comparison_has_levels_worst_first(self) -> None:
        assert list(LEVELS) == ["entity", "metric", "kind", "unit", "phrase", "frame", "sentence", "period",
                                "time", "qualifiers", "value", "echo", "neighbours"]
        for name, levels in LEVELS.items():
            assert len(levels) >= 2 and len(set(levels)) == len(levels), name

    def test_value_constants_name_their_levels(self) -> None:
        assert VALUE_LEVELS[OTHER] == "other" and VALUE_LEVELS[NEAR] == "near"
        assert VALUE_LEVELS[SLIP].startswith("power of ten") and VALUE_LEVELS[EQUAL].startswith("equal")
        assert all(name.startswith("equal") for name in VALUE_LEVELS[EQUAL:])
        assert not any(name.startswith("equal") for name in VALUE_LEVELS[:EQUAL])


class TestValue:
    def test_same_amount_differently_written_is_equal_three_digits(self) -> None:
        ctx, a, b = pair("Acme's profit was £105m.", "Acme's profit was £105 million.")
        assert value(ctx, a, b) == level("equal, three or more digits")

    @pytest.mark.parametrize(("a", "b", "name"), [
        ("Acme's revenue was £2bn.", "Acme's revenue was £2 billion.", "equal, one digit"),
        ("Acme's revenue was £2.5bn.", "Acme's revenue was £2.5 billion.", "equal, two digits"),
        ("Acme's revenue was £22.6bn.", "Acme's revenue was £22.6 billion.", "equal, three or more digits"),
    ])
    def test_equal_level_counts_the_shorter_figures_digits(self, a: str, b: str, name: str) -> None:
        ctx, fa, fb = pair(a, b)
        assert value(ctx, fa, fb) == level(name)

    def test_within_written_precision_is_equal(self) -> None:
        """"£22.6bn" allows 22.55-22.65bn: "£22.61bn" agrees with it, "£22.7bn" does not."""
        ctx, a, b = pair("Acme's revenue was £22.6bn.", "Acme's revenue was £22.61bn.")
        assert value(ctx, a, b) >= EQUAL
        ctx, a, b = pair("Acme's revenue was £22.6bn.", "Acme's revenue was £22.7bn.")
        assert value(ctx, a, b) < EQUAL

    @pytest.mark.parametrize(("a", "b", "name"), [
        ("Acme's revenue reached £22.6bn.", "Acme's revenue reached £226bn.", "power of ten, three or more digits"),
        ("Acme's revenue was £2.5bn.", "Acme's revenue was £25bn.", "power of ten, two digits"),
        ("Acme's revenue was £2bn.", "Acme's revenue was £20bn.", "power of ten, one digit"),
        ("Acme's revenue was £226m.", "Acme's revenue was £226bn.", "power of ten, three or more digits"),
    ])
    def test_power_of_ten(self, a: str, b: str, name: str) -> None:
        ctx, fa, fb = pair(a, b)
        assert value(ctx, fa, fb) == level(name)
        assert value(ctx, fb, fa) == level(name)

    def test_a_round_figure_tenfold_with_other_digits_is_no_slip(self) -> None:
        """ "46,500" may stand for 45,337-47,663 as a round figure, and 469,796 is ten times
        46,980; but a slip reproduces digits, and 465 is not 470."""
        ctx, fa, fb = pair("Acme built 46,500 cars.", "Acme built 469,796 cars.")
        assert value(ctx, fa, fb) == OTHER
        ctx, fa, fb = pair("Acme built 46,500 cars.", "Acme built 465,100 cars.")
        assert value(ctx, fa, fb) == level("power of ten, three or more digits")

    def test_counts_of_two_nouns_are_compared_on_their_digits(self) -> None:
        """Two counts of different nouns share no unit that a rate converts: a power of ten
        between them must keep the digits too ("222,600 vehicles" is not a slip of "2,253,835
        units")."""
        ctx, fa, fb = pair("Acme sold 222,600 vehicles.", "Acme sold 2,253,835 units.")
        assert value(ctx, fa, fb) == OTHER

    @pytest.mark.parametrize(("a", "b"), [
        ("Acme hired 105 staff.", "Acme hired 126 staff."),          # +20%, a count
        ("Acme's revenue was £105m.", "Acme's revenue was £126m."),  # +20%, one currency
    ])
    def test_twenty_percent_off_is_near(self, a: str, b: str) -> None:
        ctx, fa, fb = pair(a, b)
        assert value(ctx, fa, fb) == NEAR

    def test_far_apart_is_other(self) -> None:
        ctx, a, b = pair("Acme hired 105 staff.", "Acme hired 460 staff.")
        assert value(ctx, a, b) == OTHER

    def test_opposite_signs_are_not_near(self) -> None:
        ctx, a, b = pair("Acme's shares rose 12%.", "Acme's shares fell 12%.")
        assert a.q.value == -b.q.value != 0
        assert value(ctx, a, b) == OTHER

    def test_millionfold_apart_cannot_be_compared(self) -> None:
        ctx, a, b = pair("Acme hired 3 staff.", "Acme hired 3,000,000 staff.")
        assert value(ctx, a, b) is None

    def test_two_currencies_are_converted(self) -> None:
        """EUR 1 = USD 1.0846 on 2024-03-04 (ECB): €100m and $108.5m agree, €100m and $100m do not."""
        ctx, a, b = pair("Acme's revenue was €100m.", "Acme's revenue was $108.5m.", da="2024-03-04")
        assert (a.q.currency, b.q.currency) == ("EUR", "USD")
        assert value(ctx, a, b) >= EQUAL and value(ctx, b, a) >= EQUAL
        ctx, a, b = pair("Acme's revenue was €100m.", "Acme's revenue was $100m.", da="2024-03-04")
        assert value(ctx, a, b) < EQUAL

    @pytest.mark.parametrize(("da", "db"), [("2100-01-01", "2100-01-01"), ("2024-03-04", "2100-01-01"),
                                            ("2100-01-01", "2024-03-04")])
    def test_no_rate_no_comparison(self, da: str, db: str) -> None:
        """No rate on one side's date: the pair cannot be judged either way round."""
        ctx, a, b = pair("Acme's revenue was €100m.", "Acme's revenue was $108.5m.", da=da, db=db)
        assert value(ctx, a, b) is None
        assert value(ctx, b, a) is None
        pa, pb = profiles([a, b])
        assert vector(ctx, a, b, pa, pb, {}, Stated([a, b]), {}) is None

    def test_two_currencies_equal_either_way_round(self) -> None:
        """agree() promises "a pair judged one way must be explainable the other way too"."""
        ctx, a, b = pair("Acme's revenue was €100.00m.", "Acme's revenue was $110.64m.", da="2024-03-04")
        assert (value(ctx, a, b) >= EQUAL) == (value(ctx, b, a) >= EQUAL)

    def test_two_currencies_two_dates_equal_either_way_round(self) -> None:
        ctx, a, b = pair("Acme's revenue was €100.0m.", "Acme's revenue was $94.0m.", da="2022-09-26", db="2022-09-28")
        assert (value(ctx, a, b) >= EQUAL) == (value(ctx, b, a) >= EQUAL)


ECHOED = {"a.md": "Acme's net profit was £105m.",
          "b.md": "Acme's net profit was £150m. Last year it was £105m."}


class TestEcho:
    def test_other_article_also_states_this_value(self) -> None:
        ctx, facts = build(ECHOED)
        a, b = facts[find(facts, "£105m", "a.md")], facts[find(facts, "£150m")]
        stated = Stated(facts)
        v = value(ctx, a, b)
        assert v is not None and v < EQUAL
        assert LEVELS["echo"][echo(a, b, v, stated)] == "the other article also states this value"
        # with b as the possibly wrong figure: its own article states a's value too
        assert LEVELS["echo"][echo(b, a, v, stated)] == "its own article also states the other value"

    def test_neither_and_both(self) -> None:
        ctx, facts = build({"a.md": "Acme's net profit was £105m.", "b.md": "Acme's net profit was £150m."})
        a, b = facts
        stated = Stated(facts)
        assert LEVELS["echo"][echo(a, b, value(ctx, a, b), stated)] == "neither states the other's"
        ctx, facts = build({"a.md": "Acme's net profit was £105m. Its fee was £150m.",
                            "b.md": "Acme's net profit was £150m. Its fee was £105m."})
        a, b = facts[find(facts, "£105m", "a.md")], facts[find(facts, "£150m", "b.md")]
        stated = Stated(facts)
        assert LEVELS["echo"][echo(a, b, value(ctx, a, b), stated)] == "both articles state both values"

    def test_agreeing_values_say_nothing(self) -> None:
        ctx, facts = build({"a.md": "Acme's net profit was £105m.", "b.md": "Acme's net profit was £105 million."})
        a, b = facts
        assert echo(a, b, value(ctx, a, b), Stated(facts)) == 0

    def test_stated_reads_the_unit_and_precision(self) -> None:
        _, facts = build({"a.md": "Acme's net profit was £105m.", "b.md": "Acme hired 105 staff."})
        stated = Stated(facts)
        money, staff = facts[find(facts, "£105m")], facts[find(facts, "105 staff")]
        assert stated.states("a.md", money) and stated.states("b.md", staff)
        assert not stated.states("b.md", money)  # 105 staff are no £105m
        assert not stated.states("nowhere.md", money)
        near = with_q(money, value=Decimal("1.0504E+8"))
        assert stated.states("a.md", near)  # within £105m's written precision


def blank(**kw) -> Profile:
    return Profile(window=kw.get("window", frozenset()), frame=kw.get("frame", ""),
                   markers=kw.get("markers", frozenset()), digits=kw.get("digits", "1"),
                   others=kw.get("others", frozenset()), words=kw.get("words", frozenset()))


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    _, found = build({"a.md": "Acme's revenue was £10m in 2024 and its margin was 5%.",
                      "b.md": "Globex's revenue rose 4% to $12m in 2023, margins rose 2 percentage points. "
                              "It employs 300 staff and has 40 shops."})
    return found


class TestContextComparisons:
    def test_entity(self, facts: list[Fact]) -> None:
        found = profiles(facts)
        i, j = find(facts, "£10m"), find(facts, "$12m")
        a = facts[i]
        assert LEVELS["entity"][cmp.entity(a, a, found[i], found[i])] == "same"
        assert LEVELS["entity"][cmp.entity(a, facts[j], found[i], found[j])] == "different"
        assert LEVELS["entity"][cmp.entity(a, attrs.evolve(a, entity_id=None), found[i], found[i])] == "unknown"

    def test_an_entity_named_in_the_other_sentence(self) -> None:
        """Attributed to another name, but its sentence names the other figure's entity: "Per
        Variety, Barbie made $155 million" is about Barbie whatever the attribution says."""
        _, facts = build({"a.md": "Per Variety, the film Barbie took $155 million at the box office.",
                          "b.md": "Barbie took $155 million at the box office.",
                          "c.md": "Oppenheimer took $80 million at the box office."})
        found = profiles(facts)
        i, j, k = find(facts, "$155 million", "a.md"), find(facts, "$155 million", "b.md"), find(facts, "$80 million")
        assert facts[i].entity_id != facts[j].entity_id
        assert LEVELS["entity"][cmp.entity(facts[i], facts[j], found[i], found[j])] == "named"
        assert LEVELS["entity"][cmp.entity(facts[j], facts[i], found[j], found[i])] == "named"
        assert LEVELS["entity"][cmp.entity(facts[j], facts[k], found[j], found[k])] == "different"

    def test_metric(self, facts: list[Fact]) -> None:
        a = facts[find(facts, "£10m")]
        assert cmp.metric(a, facts[find(facts, "$12m")]) == 2  # revenue, revenue
        assert cmp.metric(a, facts[find(facts, "5%")]) == 0  # revenue, margin
        assert cmp.metric(a, with_q(a, metric=None)) == 1

    def test_kind(self, facts: list[Fact]) -> None:
        level, change = facts[find(facts, "5%")], facts[find(facts, "4%")]
        points = facts[find(facts, "2 percentage points")]
        assert cmp.kind(level, level) == 1 and cmp.kind(level, change) == 0
        assert cmp.kind(change, points) == 1  # a difference counts as a change

    def test_unit(self, facts: list[Fact]) -> None:
        gbp, usd = facts[find(facts, "£10m")], facts[find(facts, "$12m")]
        pct, pp = facts[find(facts, "5%")], facts[find(facts, "2 percentage points")]
        staff, shops = facts[find(facts, "300 staff")], facts[find(facts, "40 shops")]
        assert LEVELS["unit"][cmp.unit(gbp, gbp)] == "same"
        assert LEVELS["unit"][cmp.unit(gbp, usd)] == "unstated"  # another currency
        assert LEVELS["unit"][cmp.unit(staff, with_q(shops, unit=None))] == "unstated"  # a bare count
        assert LEVELS["unit"][cmp.unit(pct, pp)] == "different"
        assert LEVELS["unit"][cmp.unit(staff, shops)] == "different"

    def test_period(self, facts: list[Fact]) -> None:
        y2024, y2023 = facts[find(facts, "£10m")], facts[find(facts, "$12m")]
        unstated = facts[find(facts, "300 staff")]
        assert y2024.period_id() and y2023.period_id() and unstated.period_id() is None
        assert LEVELS["period"][cmp.period(y2024, y2024)] == "same"
        assert LEVELS["period"][cmp.period(y2024, y2023)] == "different"
        assert LEVELS["period"][cmp.period(y2024, unstated)] == "one unstated"
        assert LEVELS["period"][cmp.period(unstated, unstated)] == "both unstated"

    def test_qualifiers(self, facts: list[Fact]) -> None:
        a = facts[find(facts, "£10m")]

        def q(**kw) -> Fact:
            return with_q(a, qualifiers=Qualifiers(**kw))

        assert cmp.qualifiers(q(), q()) == 1
        assert cmp.qualifiers(q(listing="HK"), q(listing="US")) == 0
        assert cmp.qualifiers(q(listing="HK"), q()) == 1  # one unstated is no difference
        assert cmp.qualifiers(q(basis="IFRS"), q(basis="adjusted")) == 0
        assert cmp.qualifiers(q(estimate=True), q()) == 0
        assert cmp.qualifiers(q(headline=True), q()) == 1  # a headline states the body's fact
        assert cmp.qualifiers(attrs.evolve(a, earlier=True), a) == 0

    def test_time(self) -> None:
        history, day = frozenset({"history"}), frozenset({"day"})
        assert LEVELS["time"][cmp.time(blank(markers=history), blank(markers=history))] == "same"
        assert LEVELS["time"][cmp.time(blank(), blank())] == "none"
        assert LEVELS["time"][cmp.time(blank(markers=history), blank())] == "one-sided"
        assert LEVELS["time"][cmp.time(blank(markers=history), blank(markers=day))] == "different"

    def test_phrase(self) -> None:
        weights = {"revenue": 1.0, "acme": 0.2, "said": 0.1, "fee": 2.0, "record": 2.0, "club": 2.0}
        rev, fee = frozenset({"revenue", "acme"}), frozenset({"fee", "club", "record"})
        assert LEVELS["phrase"][cmp.phrase(blank(), blank(window=rev), weights)] == "no words"
        assert LEVELS["phrase"][cmp.phrase(blank(window=rev), blank(window=fee), weights)] == "none shared"
        assert LEVELS["phrase"][cmp.phrase(blank(window=rev), blank(window=rev), weights)] == "most shared"
        # one rare shared word counts for more than a common one
        big = frozenset({"fee", "club", "record", "revenue", "said"})
        assert cmp.phrase(blank(window=big), blank(window=frozenset({"fee", "acme"})), weights) > \
               cmp.phrase(blank(window=big), blank(window=frozenset({"said", "acme"})), weights)

    def test_frame(self) -> None:
        same = "acme s revenue reached num in 2024 the company said"
        assert LEVELS["frame"][cmp.frame(blank(frame=same), blank(frame=same))] == "copied"
        assert LEVELS["frame"][cmp.frame(blank(frame=same), blank(frame="zzz qqq xxx"))] == "unrelated"

    def test_sentence(self) -> None:
        words = frozenset({"acme", "revenue", "reached"})
        assert LEVELS["sentence"][cmp.sentence(blank(words=words), blank(words=words), {})] == "much in common"
        assert LEVELS["sentence"][cmp.sentence(blank(words=words), blank(words=frozenset({"fee"})), {})] == "unrelated"

    def test_neighbours(self) -> None:
        one, two = ("percent", "12"), ("GBP", "105")
        assert LEVELS["neighbours"][cmp.neighbours(blank(), blank(others=frozenset({one})))] == "no other figures"
        assert LEVELS["neighbours"][cmp.neighbours(blank(others=frozenset({one})),
                                                   blank(others=frozenset({("pp", "3")})))] == "others differ"
        assert LEVELS["neighbours"][cmp.neighbours(blank(others=frozenset({one})),
                                                   blank(others=frozenset({one, ("pp", "3")})))] == "one other agrees"
        assert LEVELS["neighbours"][cmp.neighbours(blank(others=frozenset({one, two})),
                                                   blank(others=frozenset({one, two})))] == "two or more others agree"


class TestVector:
    def test_copied_sentence(self) -> None:
        ctx, facts = build({"a.md": "Acme's revenue reached £22.6bn in 2024, the company said.",
                            "b.md": "Acme's revenue reached £22.6bn in 2024, the company said."})
        found = profiles(facts)
        levels = vector(ctx, facts[0], facts[1], found[0], found[1], idf(found), Stated(facts), sentence_idf(found))
        assert levels is not None
        named = {name: LEVELS[name][k] for name, k in zip(LEVELS, levels, strict=True)}
        assert named["entity"] == "same" and named["metric"] == "same" and named["unit"] == "same"
        assert named["frame"] == "copied" and named["phrase"] == "most shared"
        assert named["value"] == "equal, three or more digits" and named["echo"] == "values agree"
        assert named["period"] == "same" and named["time"] == "none"


# -- properties over generated sentences ---------------------------------------------------------

ENTITIES = ("Acme", "Globex", "Initech")
TEMPLATES = (
    "{e}'s revenue reached £{x}bn in 2024.",
    "{e}'s revenue was £{y} million, the company said.",
    "{e} reported sales of ${x}bn.",
    "{e} employs {n} staff and has {m} shops.",
    "{e}'s margin rose {p} percentage points to {x}%.",
    "{e}'s profit rose {x}% to £{n}m.",
    "{e} added {x} gigawatts of capacity.",
    "Shares in {e} fell {x}% on Friday.",
)

decimal_1 = st.integers(min_value=1, max_value=999).map(lambda k: Decimal(k) / 10)
sentences = st.builds(
    lambda template, e, x, y, n, m, p: template.format(e=e, x=x, y=y, n=n, m=m, p=p),
    st.sampled_from(TEMPLATES), st.sampled_from(ENTITIES), decimal_1,
    st.integers(min_value=1, max_value=999), st.integers(min_value=2, max_value=5000),
    st.integers(min_value=2, max_value=5000), st.integers(min_value=1, max_value=9),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences, min_size=1, max_size=3), st.lists(sentences, min_size=1, max_size=3))
def test_vector_is_none_or_one_valid_level_per_comparison(one: list[str], two: list[str]) -> None:
    ctx, facts = build({"a.md": " ".join(one), "b.md": " ".join(two)})
    found = profiles(facts)
    stated, words, sentence_words = Stated(facts), idf(found), sentence_idf(found)
    for i, a in enumerate(facts):
        for j, b in enumerate(facts):
            if i == j:
                continue
            levels = vector(ctx, a, b, found[i], found[j], words, stated, sentence_words)
            if levels is None:
                assert value(ctx, a, b) is None
                continue
            assert isinstance(levels, tuple) and len(levels) == len(LEVELS)
            for (name, names), k in zip(LEVELS.items(), levels, strict=True):
                assert isinstance(k, int) and 0 <= k < len(names), (name, k)
            # the value level is value()'s own
            assert levels[list(LEVELS).index(VALUE)] == value(ctx, a, b)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences, min_size=1, max_size=3), st.lists(sentences, min_size=1, max_size=3))
def test_value_agreement_is_symmetric(one: list[str], two: list[str]) -> None:
    """a agrees with b iff b agrees with a, in two currencies too."""
    ctx, facts = build({"a.md": " ".join(one), "b.md": " ".join(two)})
    for a in facts:
        for b in facts:
            ab, ba = value(ctx, a, b), value(ctx, b, a)
            assert (ab is None) == (ba is None), (a.q.text, b.q.text)
            if ab is None:
                continue
            assert (ab >= EQUAL) == (ba >= EQUAL), (a.q.text, b.q.text)
            if not (a.q.currency and b.q.currency and a.q.currency != b.q.currency):
                assert ab == ba, (a.q.text, b.q.text)
