"""factcheck.link.typos: a figure that repeats another source's digits with one mistyped."""

from __future__ import annotations

from link_support import build

from factcheck.link.profile import profiles
from factcheck.link.typos import _candidates, typos


def found(sources: dict[str, str]) -> list[tuple[str, str, str]]:
    _, facts = build(sources)
    return [(facts[t.odd].q.text, facts[t.good].q.text, t.edit) for t in typos(facts, profiles(facts))]


SERVICES = "Acme's services revenue was {} in the quarter."


class TestCandidates:
    def test_one_edit_apart(self) -> None:
        """A digit typed for another, two neighbours swapped, a digit dropped inside."""
        pairs = _candidates({"2497": [0], "2197": [1], "1545": [2], "1554": [3], "26028": [4], "2608": [5]})
        assert {(min(x, y), max(x, y), e) for x, y, e in pairs} == {
            ("2197", "2497", "substituted"), ("1545", "1554", "swapped"), ("26028", "2608", "dropped")}

    def test_rounding_is_no_edit(self) -> None:
        """The last digit one apart, or dropped (truncated or rounded), is rounding."""
        assert _candidates({"7667": [0], "7666": [1]}) == []
        assert _candidates({"7667": [0], "7661": [1]}) == [("7667", "7661", "substituted")]
        assert _candidates({"2088": [0], "208": [1], "209": [2]}) == []

    def test_three_digits_are_too_few(self) -> None:
        assert _candidates({"128": [0], "126": [1]}) == []


class TestTypos:
    def test_the_value_two_sources_give_is_the_story_s(self) -> None:
        got = found({"a.md": SERVICES.format("$24.97 billion"), "b.md": SERVICES.format("$24.97 billion"),
                     "c.md": SERVICES.format("$21.97 billion")})
        assert [(odd, edit) for odd, _, edit in got] == [("$21.97 billion", "substituted")]

    def test_one_source_on_each_side_says_nothing(self) -> None:
        assert found({"a.md": SERVICES.format("$24.97 billion"), "b.md": SERVICES.format("$21.97 billion")}) == []

    def test_a_hedge_that_allows_both(self) -> None:
        got = found({"a.md": SERVICES.format("$24.97 billion"), "b.md": SERVICES.format("$24.97 billion"),
                     "c.md": SERVICES.format("about $24.7 billion")})
        assert got == []

    def test_different_periods_are_two_facts(self) -> None:
        got = found({"a.md": "Acme's revenue was $24.97 billion in 2024.",
                     "b.md": "Acme's revenue was $24.97 billion in 2024.",
                     "c.md": "Acme's revenue was $21.97 billion in 2023."})
        assert got == []

    def test_a_bare_count_may_count_what_the_other_counts(self) -> None:
        """A bare "526,409" and "525,409 vehicles": the bare one's noun is unknown, not another one;
        two nouns that differ still keep two counts apart."""
        got = found({"a.md": "BYD's quarterly tally was 526,409, a record.",
                     "b.md": "BYD's quarterly tally was 526,409, a record.",
                     "c.md": "BYD's quarterly tally was 525,409 vehicles, a record."})
        assert [(odd, edit) for odd, _, edit in got] == [("525,409 vehicles", "substituted")]
        views = found({"a.md": "The channel reached 13,120,000 views in the quarter.",
                       "b.md": "The channel reached 13,120,000 views in the quarter.",
                       "c.md": "The channel reached 13,110,000 subscribers in the quarter."})
        assert views == []
