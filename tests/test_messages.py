"""Messages an editor can read: amounts as written, quotes on one line, the cause said once,
problems told from conflicts, and the documented sample output the real one."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from factcheck.cli import main
from factcheck.documents import parse_document
from factcheck.model import Interval
from factcheck.output.text import render_finding
from factcheck.pipeline import check
from factcheck.report.suppressions import apply
from factcheck.written import amount, interval_text

ROOT = Path(__file__).resolve().parent.parent
DATED = "---\npublished: 2024-05-01\n---\n"


def D(x: str) -> Decimal:
    return Decimal(x)


@pytest.mark.parametrize(("interval", "unit", "written"), [
    (Interval(D("13500000"), D("14500000")), "GBP", "£13.5m-£14.5m"),
    (Interval(D("420500000"), D("421500000")), "EUR", "€420.5m-€421.5m"),
    (Interval(D("80275000"), D("89775000")), "USD", "$80.275m-$89.775m"),
    (Interval(D("650000000"), D("1300000000"), low_closed=False), "GBP", "more than £650m up to £1.3bn"),
    (Interval(D("5E9"), None, low_closed=False), "USD", "more than $5bn"),
    (Interval(None, D("2E12")), "USD", "at most $2tn"),
    (Interval(D("72.45E9"), D("72.55E9")), "CNY", "CNY 72.45bn-CNY 72.55bn"),
    (Interval(D("80.5"), D("81.5")), "USD/share", "$80.5-$81.5 per share"),
    (Interval(D("3.55"), D("3.65")), "percent", "3.55%-3.65%"),
    (Interval(D("-5.5"), D("-4.5")), "percent", "-5.5% to -4.5%"),
    (Interval(D("1.45"), D("1.55")), "pp", "1.45pp-1.55pp"),
    (Interval(D("950000"), D("1050000")), "employee", "950,000-1.05m employee"),
    (Interval(D("2"), D("2")), None, "2"),
    (Interval(D("1") / 3, D("2")), None, "0.3333-2"),
])
def test_interval_text(interval: Interval, unit: str | None, written: str) -> None:
    assert interval_text(interval, unit) == written


def test_amount() -> None:
    assert amount(D("-22600000000"), "GBP") == "-£22.6bn"
    assert amount(D("4"), "percent") == "4%"
    assert amount(D("0"), "USD") == "$0"


def _wrapped_conflict() -> list:  # type: ignore[type-arg]
    a = parse_document(DATED + "Acme Corp's revenue was more than $5 billion in 2023.\n", "a.md")
    b = parse_document(DATED + "Acme Corp's revenue was more than\n$30 billion in 2023.\n", "b.md")
    c = parse_document(DATED + "Acme Corp's revenue was more than $5 billion in 2023.\n", "c.md")
    return list(check([a, b, c]).findings)


def test_fc201_quotes_a_wrapped_figure_on_one_line_and_writes_amounts() -> None:
    [finding] = _wrapped_conflict()
    assert finding.code == "FC201"
    assert finding.facts[0].q.text == "more than\n$30 billion"  # the fact keeps the text as written
    assert "\n" not in finding.message and "\\n" not in finding.message
    assert "'more than $30 billion' in b.md disagrees with 'more than $5 billion' in a.md" in finding.message
    assert "allows more than $30bn up to $60bn, 'more than $5 billion' allows more than $5bn up to $10bn" \
        in finding.message
    assert not re.search(r"\d{7,}", finding.message)  # no raw integers
    # the machine values are unchanged
    assert finding.computed["allowed"] == "(30000000000, 60000000000]"
    assert finding.computed["other_allowed"] == "(5000000000, 10000000000]"


def test_fc202_writes_the_ends_in_their_unit() -> None:
    docs = [parse_document(DATED + f"Acme Corp {verb} revenue growth guidance of 3% to {high}% for 2024.\n", name)
            for verb, high, name in (("said", 4, "a.md"), ("gave", 5, "b.md"), ("set", 4, "c.md"))]
    [finding] = check(docs).findings
    assert finding.code == "FC202"
    assert finding.message == ("revenue: the range '3% to 4%' in a.md and '3% to 5%' in b.md differ at the high end "
                               "(4% vs 5%)")


def test_help_line_only_when_the_message_does_not_say_the_cause() -> None:
    [finding] = _wrapped_conflict()
    with_cause = attrs.evolve(finding, message=finding.message + "; likely a typo", cause="a typo")
    assert "help:" not in render_finding(with_cause, {})
    told_apart = attrs.evolve(finding, cause="a typo")
    assert render_finding(told_apart, {}).rstrip().endswith("  help: likely a typo")


def test_suppression_warnings_are_problems_not_conflicts() -> None:
    doc = parse_document(DATED + "<!-- factcheck: ignore FC201 -- checked -->\nNothing to see.\n", "d.md")
    report = apply(check([doc]))
    assert [f.code for f in report.findings] == ["FC901"]
    assert report.summary().startswith("Found 0 conflicts and 1 problem in 1 document ")
    [conflict] = _wrapped_conflict()
    both = attrs.evolve(report, findings=(conflict, *report.findings))
    assert both.summary().startswith("Found 1 conflict and 1 problem in ")


def _block_after(page: str, command: str) -> str:
    text = (ROOT / page).read_text(encoding="utf-8")
    head = f"```\n$ {command}\n"
    start = text.index(head) + len(head)
    return text[start : text.index("```", start)]


def test_readme_sample_is_a_real_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's `factcheck check seeds/` block is exactly what the command prints."""
    monkeypatch.chdir(ROOT)
    command = "factcheck check seeds/ --reference seeds/reference.toml"
    assert main(command.split()[1:]) == 1
    assert capsys.readouterr().out == _block_after("README.md", command)
