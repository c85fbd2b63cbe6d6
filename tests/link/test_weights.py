"""factcheck.link.weights (the shipped weights' structure, not their numbers) and link() itself."""

from __future__ import annotations

import copy
import json
import math
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from link_support import build, find

from factcheck.link import LEVELS, Link, link
from factcheck.link.compare import EQUAL, VALUE
from factcheck.link.profile import profiles
from factcheck.link.weights import Weights, default_weights, probability

NAMES = list(LEVELS)
_VALUE, _ECHO = NAMES.index(VALUE), NAMES.index("echo")


def shipped() -> dict[str, Any]:
    text = resources.files("factcheck.link").joinpath("data/weights.json").read_text(encoding="utf-8")
    return json.loads(text)


def uniform(prior: float = 0.5) -> dict[str, Any]:
    """A weights document whose every level weighs nothing (m == u)."""
    comparisons = {}
    for name, levels in LEVELS.items():
        share = [1 / len(levels)] * len(levels)
        comparisons[name] = {"levels": list(levels), "m": share, "u": share}
    return {"prior": prior, "comparisons": comparisons}


levels_vectors = st.tuples(*(st.integers(min_value=0, max_value=len(levels) - 1) for levels in LEVELS.values()))


class TestShippedWeights:
    def test_every_comparison_present_with_its_levels(self) -> None:
        data = shipped()
        assert set(data["comparisons"]) == set(LEVELS)
        for name, levels in LEVELS.items():
            entry = data["comparisons"][name]
            assert tuple(entry["levels"]) == levels, name
            assert len(entry["m"]) == len(entry["u"]) == len(levels), name
            assert all(x > 0 for x in entry["m"] + entry["u"]), name  # smoothed: no log of zero

    def test_m_and_u_are_distributions(self) -> None:
        """m and u sum to 1 over a comparison's levels. Echo is weighed given that the values
        disagree: its first level ("values agree") is fixed at m == u (no weight) and the others sum to 1."""
        for name, entry in shipped()["comparisons"].items():
            m, u = entry["m"], entry["u"]
            if name == "echo":
                assert m[0] == u[0]
                m, u = m[1:], u[1:]
            assert sum(m) == pytest.approx(1, abs=1e-4), name
            assert sum(u) == pytest.approx(1, abs=1e-4), name

    def test_prior_is_a_probability(self) -> None:
        assert 0 < shipped()["prior"] < 1

    def test_loads(self) -> None:
        w = default_weights()
        assert len(w.table) == len(LEVELS)
        assert [len(row) for row in w.table] == [len(levels) for levels in LEVELS.values()]
        assert all(math.isfinite(x) for row in w.table for x in row)
        assert w.table[_ECHO][0] == 0  # agreeing values: echo has nothing to add
        assert default_weights() is w  # read once

    def test_evidence_points_the_right_way(self) -> None:
        """Whatever the fit, agreeing values and a copied sentence speak for a match, other values
        against it, and more shared significant digits say more: a three-digit agreement outweighs
        a one-digit one, and a three-digit power of ten a one-digit one (a slip keeps the digits,
        so it may weigh as much as agreement itself)."""
        w = default_weights()
        value_row = w.table[_VALUE]
        levels = LEVELS[VALUE]
        assert value_row[len(levels) - 1] > 0 > value_row[0]
        assert min(value_row[EQUAL:]) > max(value_row[levels.index("near")], value_row[0])
        assert value_row[len(levels) - 1] > value_row[EQUAL]
        slip_one = levels.index("power of ten, one digit")
        slip_three = levels.index("power of ten, three or more digits")
        assert value_row[slip_three] > value_row[slip_one]
        frame = w.table[NAMES.index("frame")]
        assert frame[-1] > frame[0]


class TestFromDict:
    def test_uniform_weighs_nothing(self) -> None:
        w = Weights.from_dict(uniform(0.5))
        assert w.prior == 0 and all(x == 0 for row in w.table for x in row)

    def test_prior_is_log_odds(self) -> None:
        assert Weights.from_dict(uniform(0.2)).prior == pytest.approx(math.log2(0.2 / 0.8))

    def test_level_weight_is_log2_m_over_u(self) -> None:
        data = uniform()
        data["comparisons"]["kind"] = {"levels": list(LEVELS["kind"]), "m": [0.2, 0.8], "u": [0.6, 0.4]}
        row = Weights.from_dict(data).table[NAMES.index("kind")]
        assert row == pytest.approx((math.log2(0.2 / 0.6), 1.0))

    def test_rejects_levels_in_another_order(self) -> None:
        data = uniform()
        data["comparisons"]["unit"]["levels"] = list(reversed(LEVELS["unit"]))
        with pytest.raises(ValueError, match="unit"):
            Weights.from_dict(data)

    def test_rejects_a_missing_or_extra_level(self) -> None:
        data = uniform()
        data["comparisons"]["time"]["levels"] = list(LEVELS["time"][:-1])
        with pytest.raises(ValueError, match="time"):
            Weights.from_dict(data)
        data = copy.deepcopy(uniform())
        data["comparisons"]["kind"]["levels"] = [*LEVELS["kind"], "extra"]
        with pytest.raises(ValueError, match="kind"):
            Weights.from_dict(data)

    def test_rejects_m_of_the_wrong_length(self) -> None:
        data = uniform()
        data["comparisons"]["kind"]["m"] = [1.0]
        with pytest.raises(ValueError):
            Weights.from_dict(data)

    def test_missing_comparison_is_an_error(self) -> None:
        data = uniform()
        del data["comparisons"]["neighbours"]
        with pytest.raises(KeyError):
            Weights.from_dict(data)


class TestWeighing:
    def test_neutral(self) -> None:
        w = Weights.neutral()
        assert w.prior == 0
        assert [len(row) for row in w.table] == [len(levels) for levels in LEVELS.values()]
        vector = tuple(len(levels) - 1 for levels in LEVELS.values())
        assert w.weight(vector) == 0 and w.probability(vector) == 0.5

    @settings(max_examples=50, deadline=None)
    @given(levels_vectors)
    def test_weight_is_prior_plus_levels(self, vector: tuple[int, ...]) -> None:
        w = default_weights()
        total = w.prior + sum(w.table[c][k] for c, k in enumerate(vector))
        assert w.weight(vector) == pytest.approx(total)
        skipped = total - w.table[_VALUE][vector[_VALUE]] - w.table[_ECHO][vector[_ECHO]]
        assert w.weight(vector, skip=(_VALUE, _ECHO)) == pytest.approx(skipped)
        assert w.probability(vector) == pytest.approx(probability(total))

    def test_weight_needs_one_level_per_comparison(self) -> None:
        with pytest.raises(ValueError):
            default_weights().weight((0,) * (len(LEVELS) - 1))

    @settings(max_examples=50, deadline=None)
    @given(levels_vectors)
    def test_contributions_strongest_first(self, vector: tuple[int, ...]) -> None:
        w = default_weights()
        got = w.contributions(vector)
        assert [name for name, _, _ in sorted(got, key=lambda c: NAMES.index(c[0]))] == NAMES
        sizes = [abs(x) for _, _, x in got]
        assert sizes == sorted(sizes, reverse=True)
        for name, level, x in got:
            c = NAMES.index(name)
            assert level == LEVELS[name][vector[c]] and x == w.table[c][vector[c]]
        assert sum(x for _, _, x in got) == pytest.approx(w.weight(vector) - w.prior)

    @given(st.floats(min_value=-200, max_value=200), st.floats(min_value=-200, max_value=200))
    def test_probability_is_monotone(self, x: float, y: float) -> None:
        lo, hi = sorted((x, y))
        assert 0 <= probability(lo) <= probability(hi) <= 1

    def test_probability_values(self) -> None:
        assert probability(0) == 0.5
        assert probability(1) == pytest.approx(2 / 3)
        assert probability(-1) == pytest.approx(1 / 3)
        assert probability(1000) == 1.0 and probability(-1000) < 1e-300  # no overflow
        assert probability(1e9) == 1.0 and probability(-1e9) == 0.0
        assert probability(10) > probability(5) > probability(-5) > probability(-10)


# -- link() ----------------------------------------------------------------------------------------

STORY = {
    "a.md": "Acme's net profit was £105m in 2024, the company said. Acme's margin was 12%. "
            "Globex, a rival, owns 40 shops.",
    "b.md": "Acme's net profit was £150m in 2024. Last year it was £105m. Acme's margin rose 12%.",
    "c.md": "Acme's net profit came to £105 million in 2024. The company hired 300 staff.",
}


class TestLink:
    @pytest.fixture(scope="class")
    @staticmethod
    def story():
        return build(STORY)

    def test_links_are_candidate_pairs_with_their_vectors(self, story) -> None:
        ctx, facts = story
        links = link(ctx, facts)
        assert links
        w = default_weights()
        for pair in links:
            assert isinstance(pair, Link) and pair.a < pair.b
            assert facts[pair.a].doc != facts[pair.b].doc
            assert len(pair.levels) == len(LEVELS)
            assert pair.weight == pytest.approx(w.weight(pair.levels))
            assert pair.context_weight == pytest.approx(w.weight(pair.levels, skip=(_VALUE, _ECHO)))
            assert pair.probability == pytest.approx(probability(pair.weight))
            assert pair.value == pair.levels[_VALUE]

    def test_same_figure_outweighs_a_different_one(self, story) -> None:
        ctx, facts = story
        by_pair = {(p.a, p.b): p for p in link(ctx, facts)}
        same = by_pair[(find(facts, "£105m", "a.md"), find(facts, "£105 million"))]
        other = by_pair[(find(facts, "40 shops"), find(facts, "300 staff"))]
        assert same.value >= EQUAL and other.value < EQUAL
        assert same.probability > 0.5 > other.probability
        assert same.context_weight > other.context_weight
        # money is never paired with a count
        assert (find(facts, "£105m", "a.md"), find(facts, "300 staff")) not in by_pair

    def test_pairs_in_index_order(self, story) -> None:
        ctx, facts = story
        got = [(p.a, p.b) for p in link(ctx, facts)]
        assert len(got) == len(set(got))
        # within one dimension the pairs are in index order
        for dim_pairs in _by_dimension(facts, got).values():
            assert dim_pairs == sorted(dim_pairs)

    def test_pairs_in_index_order_across_dimensions(self) -> None:
        ctx, facts = build({"a.md": "Acme's revenue was £10m in 2024. Its margin was 5%.",
                            "b.md": "Acme's margin was 5% in 2024. Its revenue was £10m.",
                            "c.md": "Acme's revenue was £10m."})
        got = [(p.a, p.b) for p in link(ctx, facts)]
        assert got == sorted(got)

    def test_floor_drops_improbable_pairs(self, story) -> None:
        ctx, facts = story
        everything = link(ctx, facts)
        probabilities = sorted(p.probability for p in everything)
        assert probabilities[0] < 0.5 < probabilities[-1]  # the story has both kinds
        floor = 0.5
        kept = link(ctx, facts, floor=floor)
        assert kept == [p for p in everything if p.probability >= floor]
        assert 0 < len(kept) < len(everything)
        assert link(ctx, facts, floor=0.0) == everything
        assert link(ctx, facts, floor=1.01) == []

    def test_weights_argument(self, story) -> None:
        ctx, facts = story
        neutral = link(ctx, facts, weights=Weights.neutral())
        assert [(p.a, p.b, p.levels) for p in neutral] == [(p.a, p.b, p.levels) for p in link(ctx, facts)]
        assert all(p.weight == 0 and p.context_weight == 0 and p.probability == 0.5 for p in neutral)

    def test_profiles_made_by_the_caller(self, story) -> None:
        """``found``: profiles the caller already has give the same links as those link() makes."""
        ctx, facts = story
        assert link(ctx, facts, found=profiles(facts)) == link(ctx, facts)

    def test_oriented_swaps_only_echo(self, story) -> None:
        """£105m (a) against £150m (b, whose article also states £105m): with a as the possibly wrong
        figure, b's article backs a's value; with b as the odd one, b's own article states a's value."""
        ctx, facts = story
        a, b = find(facts, "£105m", "a.md"), find(facts, "£150m")
        [pair] = [p for p in link(ctx, facts) if (p.a, p.b) == (a, b)]
        assert pair.value < EQUAL
        assert pair.oriented(a) == pair.levels
        flipped = pair.oriented(b)
        assert LEVELS["echo"][pair.levels[_ECHO]] == "the other article also states this value"
        assert LEVELS["echo"][flipped[_ECHO]] == "its own article also states the other value"
        assert [k for k in range(len(LEVELS)) if flipped[k] != pair.levels[k]] == [_ECHO]

    def test_agreeing_pair_is_oriented_alike(self, story) -> None:
        ctx, facts = story
        for pair in link(ctx, facts):
            if pair.value >= EQUAL:
                assert pair.oriented(pair.a) == pair.oriented(pair.b) == pair.levels

    def test_link_without_flipped_levels(self) -> None:
        pair = Link(0, 1, (1,) * len(LEVELS), 0.0, 0.0)
        assert pair.oriented(1) == pair.levels

    def test_uncomparable_pairs_are_left_out(self) -> None:
        """A pair whose values cannot be compared (no FX rate) gets no link."""
        ctx, facts = build({"a.md": ("Acme's revenue was €100m.", "2100-01-01"),
                            "b.md": ("Acme's revenue was $108.5m.", "2100-01-01")})
        assert len(facts) == 2
        assert link(ctx, facts) == []

    def test_no_facts(self) -> None:
        ctx, _ = build({"a.md": "Nothing to count here."})
        assert link(ctx, []) == []


def _by_dimension(facts, pairs):
    from factcheck.link.blocking import dimension

    out: dict[str, list[tuple[int, int]]] = {}
    for i, j in pairs:
        out.setdefault(dimension(facts[i]), []).append((i, j))
    return out
