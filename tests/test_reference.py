"""Reference facts: the TOML file the newsroom trusts, read strictly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.errors import ConfigError
from factcheck.reference import load_reference

GOOD = """[[fact]]
entity = "Acme Holdings"
metric = "shares outstanding"
value = 2.4e9
unit = "share"
as_of = 2024-05-28
note = "ADS-equivalent"
"""


class TestLoadReference:
    def test_reads_facts(self, tmp_path: Path) -> None:
        """Each [[fact]] becomes a ReferenceFact with an exact value and its date."""
        path = tmp_path / "ref.toml"
        path.write_text(GOOD, encoding="utf-8")
        [fact] = load_reference(path)
        assert (fact.entity, fact.metric, fact.value, fact.unit) == ("Acme Holdings", "shares outstanding",
                                                                     Decimal("2400000000.0"), "share")
        assert fact.as_of == dt.date(2024, 5, 28)
        assert fact.source.endswith("ref.toml:1")

    @pytest.mark.parametrize(
        ("text", "problem", "line"),
        [
            (GOOD.replace('unit = "share"\n', ""), "missing unit", 1),
            (GOOD.replace("value = 2.4e9", 'value = "lots"'), "value must be a number", 1),
            (GOOD.replace("as_of = 2024-05-28", 'as_of = "May"'), "as_of must be a date", 1),
            (GOOD + "colour = 1\n", "unknown key 'colour'", 1),
            ("[[fact]\n", "invalid TOML", 1),
            ("[facts]\nx = 1\n", "unknown table 'facts'", 1),
            ("\n\n" + GOOD + "\n" + GOOD.replace('entity = "Acme Holdings"', "entity = 3"), "entity must be", 11),
        ],
        ids=["missing key", "bad value", "bad date", "unknown key", "bad toml", "wrong table", "second fact"],
    )
    def test_mistakes_name_the_line(self, tmp_path: Path, text: str, problem: str, line: int | None) -> None:
        """Every mistake is a ConfigError naming the file, the line of its [[fact]] and the problem."""
        path = tmp_path / "ref.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_reference(path)
        assert problem in str(err.value)
        assert err.value.line == line

    def test_missing_file(self, tmp_path: Path) -> None:
        """A reference path that does not exist is a ConfigError too."""
        with pytest.raises(ConfigError, match="no such reference file"):
            load_reference(tmp_path / "nope.toml")
