"""docs/rules.md is generated from the rule docstrings and must not drift from them."""

from __future__ import annotations

from pathlib import Path

from factcheck.cli import main
from factcheck.rules import all_rules, render_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_page_is_up_to_date() -> None:
    """The page equals what the docstrings generate. Regenerate it with:

    python -c "from factcheck.rules import render_markdown as r; print(r(), end='')" > docs/rules.md
    """
    assert DOCS.read_text(encoding="utf-8") == render_markdown()


def test_factcheck_rule_prints_the_page(capsys) -> None:  # type: ignore[no-untyped-def]
    """`factcheck rule FC301` prints the rule's name, summary and examples."""
    assert main(["rule", "fc301"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FC301 market-cap-identity") and "**Bad**" in out


def test_factcheck_rule_lists_every_rule(capsys) -> None:  # type: ignore[no-untyped-def]
    """Without a code, `factcheck rule` lists every rule on its own line, the FC9xx ones included."""
    from factcheck.rules import known_rules

    assert main(["rule"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(known_rules()) == len(all_rules()) + 2


def test_unknown_rule_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    """An unknown code exits 2 with one line."""
    assert main(["rule", "FC999"]) == 2
    assert "no rule 'FC999'" in capsys.readouterr().err
