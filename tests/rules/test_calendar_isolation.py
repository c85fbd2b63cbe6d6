"""Calendar claims (weekday dates, spans of years) and ordinal ranks reach FC601, FC602 and FC603 only.

They are facts of the context like any other, but a rule that compares amounts must find exactly
what it found before they existed: a date in a sentence would otherwise count as one of its
figures (which masked number a figure is, its neighbours, how far a search reaches).
"""

from __future__ import annotations

import pytest

import factcheck.facts as FACTS  # where document_facts looks calendar claims up
from factcheck.attribute.calendar import KINDS
from factcheck.documents import parse_document
from factcheck.facts import extract_document
from factcheck.findings import Finding
from factcheck.group import build_context
from factcheck.rules import Rule, all_rules, in_canonical_order, without_calendar

TEXTS = {
    "a.md": ("---\npublished: 2023-05-15\n---\nOn Friday, May 12, 2023, Acme reported revenue of $5.2bn for the "
             "quarter, and a five-year plan from 2021 to 2026.\nAcme made an investment of USD 800 million in "
             "Pied Piper on Thursday, May 11, giving it a 36 percent stake. With this investment, Pied Piper is "
             "worth approximately USD 22 billion.\n"),
    "b.md": ("---\npublished: 2023-05-15\n---\nOn Friday, May 12, 2023, Acme reported revenue of $6.2bn for the "
             "quarter.\nNet profit grew by 3.6% to ₹6,374 crore from ₹5,945 crore on Tuesday, May 15.\n"),
    "c.md": "---\npublished: 2023-05-15\n---\nAcme said on Friday, May 12, that revenue was $5.2bn in the quarter.\n",
}


def _findings(rule: Rule, calendar: bool, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    docs = [parse_document(text, name) for name, text in sorted(TEXTS.items())]
    if not calendar:
        monkeypatch.setattr(FACTS, "calendar_claims", lambda *args, **kwargs: [])
        monkeypatch.setattr(FACTS, "rank_claims", lambda *args, **kwargs: [])
    ctx = build_context(docs, [extract_document(d) for d in docs])
    monkeypatch.undo()
    assert any(f.q.kind in KINDS for f in ctx.facts) == calendar
    return [f.to_dict() for f in sorted(rule.check(ctx), key=Finding.sort_key)]


@pytest.mark.parametrize("rule", [r for r in all_rules() if not r.calendar], ids=lambda r: r.code)
def test_other_rules_find_the_same_with_calendar_claims(rule: Rule, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _findings(rule, True, monkeypatch) == _findings(rule, False, monkeypatch)


def test_the_texts_give_findings() -> None:
    """The texts above are worth comparing on: amount rules and calendar rules both find something."""
    docs = [parse_document(text, name) for name, text in sorted(TEXTS.items())]
    ctx = build_context(docs, [extract_document(d) for d in docs])
    codes = {f.code for rule in all_rules() for f in rule.check(ctx)}
    assert {"FC201", "FC303", "FC304", "FC601"} <= codes


def test_views() -> None:
    """The calendar rules see the claims, the others a context without them (made once)."""
    docs = [parse_document(text, name) for name, text in sorted(TEXTS.items())]
    ctx = build_context(docs, [extract_document(d) for d in docs])
    ordered = in_canonical_order(ctx)
    view = without_calendar(ordered)
    assert view is without_calendar(ordered) and in_canonical_order(view) is view
    assert not any(f.q.kind in KINDS for f in view.facts)
    assert [f for f in ordered.facts if f.q.kind not in KINDS] == view.facts
    assert {r.code for r in all_rules() if r.calendar} == {"FC601", "FC602", "FC603"}
