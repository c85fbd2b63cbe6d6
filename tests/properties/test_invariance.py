"""Findings do not change under edits that change nothing a reader would notice.

Every case of every rule fixture (each rule's failing and passing examples) is checked as
written and after: naming its sources in another order and under other file names; re-wrapping
its paragraphs at any width; writing its amounts of money another way ("£22.6bn", "£22.6
billion", "22.6 billion pounds", "22,600 million pounds"); and all of these at once. The
conflicts found (code and severity) must be the same every time.
"""

from __future__ import annotations

import functools
import re
import tempfile
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_document
from factcheck.extract.numbers import format_grouped
from factcheck.pipeline import check
from factcheck.reference import ReferenceFact, load_reference
from factcheck.testing import RuleCase, load_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
CASES = [case for path in sorted(FIXTURES.glob("*.yml")) for case in load_cases(path)]
IDS = [f"{c.rule}-{c.name}" for c in CASES]

Sources = list[tuple[str, str]]


def conflicts(sources: Sources, reference: list[ReferenceFact]) -> list[tuple[str, str]]:
    """The (code, severity) of every conflict found in the sources, sorted."""
    report = check([parse_document(text, name) for name, text in sources], reference=reference)
    return sorted((f.code, f.severity) for f in report.findings if f.is_conflict)


@functools.cache
def _facts(toml: str) -> list[ReferenceFact]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reference.toml"
        path.write_text(toml, encoding="utf-8")
        return load_reference(path)


def _reference(case: RuleCase) -> list[ReferenceFact]:
    return [] if case.reference is None else _facts(case.reference)


def _body(text: str, edit: object) -> str:
    """``text`` with ``edit`` applied to what follows its front matter."""
    doc = parse_document(text)
    return text[: doc.body_start] + edit(text[doc.body_start :])  # type: ignore[operator]


def rewrap(width: int) -> object:
    """Re-fill every paragraph at ``width`` columns, as an editor or ``fmt`` does."""
    def edit(body: str) -> str:
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        return "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False)
                           for p in paragraphs) + "\n"
    return edit


_NAMES = {"$": "dollars", "£": "pounds", "€": "euros"}
MONEY = re.compile(r"(?P<sym>[$£€])(?P<num>\d+(?:\.\d+)?)\s?(?P<scale>bn|billion|m|million)\b")
FORMS = ("symbol and word", "word and currency", "millions", "as written")


def money(form: str) -> object:
    """Write every "£22.6bn"-style amount in another form of the same value."""
    def one(m: re.Match[str]) -> str:
        sym, num, billions = m["sym"], m["num"], m["scale"] in ("bn", "billion")
        word = "billion" if billions else "million"
        if form == "symbol and word":
            return f"{sym}{num} {word}"
        if form == "word and currency":
            return f"{num} {word} {_NAMES[sym]}"
        if form == "millions" and billions:  # "$19bn" -> "19,000 million dollars"
            value = Decimal(num) * 1000
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            return f"{format_grouped(value)} million {_NAMES[sym]}"
        return m.group()

    return lambda body: MONEY.sub(one, body)


@pytest.mark.parametrize("case", CASES, ids=IDS)
class TestHarmlessEdits:
    def test_order_and_names_of_sources(self, case: RuleCase) -> None:
        """Reversed order and new file names (which reverse their sorting) find the same conflicts."""
        reference = _reference(case)
        sources = sorted(case.sources.items())
        expected = conflicts(sources, reference)
        renamed = [(f"{len(sources) - i:02d}-{name}", text) for i, (name, text) in enumerate(reversed(sources))]
        assert conflicts(list(reversed(sources)), reference) == expected
        assert conflicts(renamed, reference) == expected

    @settings(max_examples=4, deadline=None)
    @given(width=st.integers(min_value=24, max_value=100))
    def test_rewrapped_lines(self, case: RuleCase, width: int) -> None:
        """Paragraphs re-filled at any width from 24 to 100 columns find the same conflicts."""
        reference = _reference(case)
        sources = sorted(case.sources.items())
        wrapped = [(name, _body(text, rewrap(width))) for name, text in sources]
        assert conflicts(wrapped, reference) == conflicts(sources, reference), wrapped

    @pytest.mark.parametrize("form", FORMS[:3])
    def test_amounts_written_another_way(self, case: RuleCase, form: str) -> None:
        """"$19bn" as "$19 billion", "19 billion dollars" or "19,000 million dollars": the same conflicts."""
        reference = _reference(case)
        sources = sorted(case.sources.items())
        rewritten = [(name, _body(text, money(form))) for name, text in sources]
        assert conflicts(rewritten, reference) == conflicts(sources, reference), rewritten

    @settings(max_examples=3, deadline=None)
    @given(data=st.data())
    def test_all_edits_at_once(self, case: RuleCase, data: st.DataObject) -> None:
        """Each source with its own money form and wrap width, in a drawn order: the same conflicts."""
        reference = _reference(case)
        sources = sorted(case.sources.items())
        edited = []
        for name, text in sources:
            form = data.draw(st.sampled_from(FORMS))
            width = data.draw(st.integers(min_value=24, max_value=100))
            edited.append((name, _body(_body(text, money(form)), rewrap(width))))
        order = data.draw(st.permutations(edited))
        assert conflicts(list(order), reference) == conflicts(sources, reference), order


def test_the_edits_do_edit() -> None:
    """The edits change the text (so the properties above compare different writings)."""
    text = "Acme's revenue reached £22.6bn in 2024, the company said, and its costs £19bn.\n"
    assert _body(text, money("millions")) == ("Acme's revenue reached 22,600 million pounds in 2024, the company "
                                              "said, and its costs 19,000 million pounds.\n")
    assert _body(text, money("word and currency")).startswith("Acme's revenue reached 22.6 billion pounds")
    assert _body(text, rewrap(30)).count("\n") == 3
