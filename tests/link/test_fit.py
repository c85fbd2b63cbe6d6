"""factcheck.link.fit: labelled pairs from a story folder, the fitted weights and the command line."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from link_support import front

from factcheck.link import LEVELS
from factcheck.link.compare import EQUAL, OTHER, VALUE
from factcheck.link.fit import SEEN, fit, labelled_pairs, main
from factcheck.link.weights import Weights

_VALUE = list(LEVELS).index(VALUE)

A = front("2024-10-30") + "Acme's net profit rose to £105m in 2024. The company employs 300 staff.\n"
B = front("2024-10-30") + "Acme reported a net profit of £105 million for 2024. It has 40 shops.\n"


def span(text: str, quote: str) -> list[int]:
    """The 0-based span of ``quote`` in the whole file text, front matter included."""
    assert text.count(quote) == 1, quote
    start = text.index(quote)
    return [start, start + len(quote)]


def claim(row: int, quotes: dict[str, tuple[str, str]], verdict: str = "consistent") -> dict[str, Any]:
    """One answer-key claim quoting ``quotes`` (file name -> (file text, quote))."""
    return {"row": row, "entity": "Acme", "metric": "net profit", "period": "2024", "verdict": verdict,
            "numeric": True,
            "locations": [{"file": name, "quote": quote, "spans": [span(text, quote)]}
                          for name, (text, quote) in quotes.items()]}


def story(folder: Path, sources: dict[str, str], claims: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True)
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "facts.json").write_text(json.dumps({"event": folder.name, "claims": claims}), encoding="utf-8")
    return folder


def profit_story(folder: Path, verdict: str = "consistent") -> Path:
    return story(folder, {"a.md": A, "b.md": B},
                 [claim(1, {"a.md": (A, "£105m"), "b.md": (B, "£105 million")}, verdict)])


class TestLabelledPairs:
    def test_quoted_pair_is_a_match_unrelated_pair_is_not(self, tmp_path: Path) -> None:
        pairs, planted, _ = labelled_pairs(profit_story(tmp_path / "profit"))
        matches = [v for v, same in pairs if same]
        others = [v for v, same in pairs if not same]
        assert len(matches) == 1 and len(others) == 1
        assert LEVELS[VALUE][matches[0][_VALUE]] == "equal, three or more digits"  # £105m, £105 million
        assert others[0][_VALUE] == OTHER  # 300 staff, 40 shops
        for levels, _ in pairs:
            assert len(levels) == len(LEVELS)
        # errors planted in the matched pair compare as a wrong figure for the same fact
        errors = [v for v in planted if v[0] != -1]
        assert errors and all(len(v) == len(LEVELS) and v[_VALUE] < EQUAL for v in errors)

    def test_nothing_quoted_nothing_matches(self, tmp_path: Path) -> None:
        pairs, _, _ = labelled_pairs(story(tmp_path / "s", {"a.md": A, "b.md": B}, []))
        assert len(pairs) == 2 and not any(same for _, same in pairs)

    def test_claim_quoted_in_one_file_only_labels_nothing(self, tmp_path: Path) -> None:
        pairs, _, _ = labelled_pairs(story(tmp_path / "s", {"a.md": A, "b.md": B},
                                        [claim(1, {"a.md": (A, "£105m")})]))
        assert not any(same for _, same in pairs)

    def test_quote_of_two_figures_labels_neither(self, tmp_path: Path) -> None:
        """"£105m plus £5m" does not say which figure is meant: the pairs of either are left out."""
        a = front("2024-10-30") + "Acme paid £105m to Globex.\n"
        b = front("2024-10-30") + "Acme paid £105m plus £5m to Globex.\n"
        wide = story(tmp_path / "wide", {"a.md": a, "b.md": b},
                     [claim(1, {"a.md": (a, "£105m"), "b.md": (b, "£105m plus £5m")})])
        pairs, _, _ = labelled_pairs(wide)
        assert pairs == []
        # the same story quoting one figure labels both pairs
        narrow = story(tmp_path / "narrow", {"a.md": a, "b.md": b},
                       [claim(1, {"a.md": (a, "£105m"), "b.md": (b, "£105m")})])
        pairs, _, _ = labelled_pairs(narrow)
        assert sorted(same for _, same in pairs) == [False, True]
        [match] = [v for v, same in pairs if same]
        assert match[_VALUE] >= EQUAL

    def test_near_miss_claim_is_left_out(self, tmp_path: Path) -> None:
        """A "different metric" claim groups two facts without saying which figure is which."""
        pairs, _, _ = labelled_pairs(profit_story(tmp_path / "s", verdict="different metric"))
        assert len(pairs) == 1 and pairs[0][1] is False  # only the unrelated pair remains

    def test_conflict_verdict_is_a_match(self, tmp_path: Path) -> None:
        """A conflict is a wrong figure for the same fact: its pair is a match."""
        b = B.replace("£105 million", "£150 million")
        folder = story(tmp_path / "s", {"a.md": A, "b.md": b},
                       [claim(1, {"a.md": (A, "£105m"), "b.md": (b, "£150 million")}, "conflict")])
        pairs, _, _ = labelled_pairs(folder)
        [match] = [v for v, same in pairs if same]
        assert match[_VALUE] < EQUAL


class TestFit:
    def test_fit_loads_and_is_well_formed(self, tmp_path: Path) -> None:
        pairs, planted, _ = labelled_pairs(profit_story(tmp_path / "s"))
        data = fit(pairs, planted)
        w = Weights.from_dict(data)
        assert all(math.isfinite(x) for row in w.table for x in row)
        assert data["pairs"]["matches"] == 1 and data["pairs"]["all"] == len(pairs)
        assert data["prior"] == pytest.approx(1 / len(pairs))
        for name, entry in data["comparisons"].items():
            assert entry["levels"] == list(LEVELS[name])
            m, u = entry["m"], entry["u"]
            if name == "echo":
                assert m[0] == u[0] == 1.0  # weighed given disagreeing values
                m, u = m[1:], u[1:]
            assert sum(m) == pytest.approx(1, abs=1e-4) and sum(u) == pytest.approx(1, abs=1e-4)
            assert all(x > 0 for x in m + u)  # add-one smoothing

    def test_seen_levels_weigh_for_a_match(self) -> None:
        """A level seen only in matches gets a positive weight, one seen only in non-matches a negative one."""
        n = len(LEVELS)
        match = tuple([0] * n)
        other = tuple([1] * n)
        pairs = [(match, True)] * 5 + [(other, False)] * 20
        w = Weights.from_dict(fit(pairs, []))
        kind = list(LEVELS).index("kind")
        assert w.table[kind][0] > 0 > w.table[kind][1]

    def test_a_level_seen_too_rarely_weighs_nothing(self) -> None:
        """Add-one smoothing over few matches and many pairs would make a level never seen at all
        worth log2(pairs / matches) bits; seen in fewer than SEEN pairs, it weighs 0."""
        n = len(LEVELS)
        entity = list(LEVELS).index("entity")
        different, unknown, named, same = range(4)

        def vec(level: int) -> tuple[int, ...]:
            return tuple(level if c == entity else 0 for c in range(n))

        pairs = [(vec(same), True)] * 10 + [(vec(different), False)] * 300 + [(vec(named), False)] * (SEEN - 1)
        w = Weights.from_dict(fit(pairs, []))
        assert w.table[entity][unknown] == pytest.approx(0, abs=1e-3)  # never seen
        assert w.table[entity][named] == pytest.approx(0, abs=1e-3)  # seen in SEEN - 1 pairs
        assert w.table[entity][same] > 0 > w.table[entity][different]  # seen often: weighed as before

    @pytest.mark.parametrize("all_match", [True, False])
    def test_fit_output_always_loads(self, all_match: bool) -> None:
        pairs = [(tuple([0] * len(LEVELS)), True)] if all_match else []
        Weights.from_dict(fit(pairs, []))


def two_stories(events: Path) -> Path:
    """A folder of two labelled stories, "one" and "two", each with one matched pair."""
    profit_story(events / "one")
    a = front("2024-10-30") + "Globex's revenue was $12bn in 2024, and it employs 900 staff.\n"
    b = front("2024-10-31") + "Globex said revenue reached $12 billion last year. It has 80 stores.\n"
    story(events / "two", {"a.md": a, "b.md": b}, [claim(1, {"a.md": (a, "$12bn"), "b.md": (b, "$12 billion")})])
    return events


class TestMain:
    def test_writes_loadable_weights(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        events = two_stories(tmp_path / "events")
        (events / "notes").mkdir()  # a folder without facts.json is not a story
        out = tmp_path / "weights.json"
        assert main([str(events), "-o", str(out)]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["stories"] == ["one", "two"]
        assert data["pairs"]["matches"] == 2
        Weights.from_dict(data)
        printed = capsys.readouterr().out
        assert json.loads(printed.splitlines()[0])["pairs"] == data["pairs"]
        assert f"wrote {out}" in printed

    def test_cross_validation_report(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        events = two_stories(tmp_path / "events")
        assert main([str(events), "--cv"]) == 0
        printed = capsys.readouterr().out
        assert "held out" in printed and printed.count("precision") == 8

    def test_story_of_matches_only_writes_loadable_weights(self, tmp_path: Path) -> None:
        a = front("2024-10-30") + "Acme's net profit rose to £105m in 2024.\n"
        b = front("2024-10-30") + "Acme reported a net profit of £105 million for 2024.\n"
        story(tmp_path / "events" / "one", {"a.md": a, "b.md": b},
              [claim(1, {"a.md": (a, "£105m"), "b.md": (b, "£105 million")})])
        out = tmp_path / "weights.json"
        assert main([str(tmp_path / "events"), "-o", str(out)]) == 0
        Weights.from_dict(json.loads(out.read_text(encoding="utf-8")))

    def test_no_story_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "weights.json"
        assert main([str(tmp_path), "-o", str(out)]) == 2
        assert "no story" in capsys.readouterr().err
        assert not out.exists()
