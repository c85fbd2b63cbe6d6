"""The word lists the scanner reads, loaded once from the tab-separated files in ``data/``.

Each file documents its own columns in a ``#`` header. Keeping them as data means a reviewer can
see every currency sign, scale word and hedge the scanner knows without reading regexes.
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from typing import NamedTuple

import attrs


class Currency(NamedTuple):
    surface: str
    code: str
    position: str  # prefix | suffix | both
    exact_case: bool
    needs_scale: bool


class Scale(NamedTuple):
    multiplier: Decimal
    attached: str  # yes | no | both
    money_only: bool


class Hedge(NamedTuple):
    phrase: str
    bound: str
    position: str  # before | after
    in_span: bool


def _rows(name: str) -> list[list[str]]:
    text = resources.files("factcheck.extract").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        rows.append([c.strip() for c in cells])
    return rows


@attrs.frozen
class Lexicon:
    currencies: tuple[Currency, ...]
    scales: dict[str, Scale]
    hedges: tuple[Hedge, ...]
    directions: dict[tuple[str, str], str]  # (word, role) -> "+" | "-"
    units: dict[str, str]
    count_units: frozenset[str]  # units that are counted nouns, not pint units
    attached_units: frozenset[str]  # surfaces that may be glued to the number
    guarded_units: dict[str, str]  # surfaces that are also words -> their guard ("end", "digits")
    number_words: dict[str, tuple[Decimal, str]]
    #: the unit names that pint converts (:mod:`factcheck.units`): every unit that is not counted
    physical_units: frozenset[str] = frozenset()
    #: function words -> the number convention of their language ("english" | "continental")
    separator_words: dict[str, str] = attrs.field(factory=dict)

    @classmethod
    def load(cls) -> Lexicon:
        currencies = tuple(
            Currency(r[0], r[1], r[2], r[3] == "exact", len(r) > 4 and r[4] == "scale") for r in _rows("currencies.tsv")
        )
        scales = {r[0]: Scale(Decimal(r[1]), r[2], r[3] == "yes") for r in _rows("scales.tsv")}
        hedges = tuple(Hedge(r[0], r[1], r[2], r[3] == "in") for r in _rows("hedges.tsv"))
        directions = {(r[0], r[2]): r[1] for r in _rows("directions.tsv")}
        unit_rows = _rows("units.tsv")
        units = {r[0]: r[1] for r in unit_rows}
        count_units = frozenset(r[1] for r in unit_rows if r[2] == "count")
        attached_units = frozenset(r[0] for r in unit_rows if r[3] == "yes")
        guarded_units = {r[0]: r[4] for r in unit_rows if len(r) > 4 and r[4]}
        number_words = {r[0]: (Decimal(r[1]), r[2]) for r in _rows("numbers.tsv")}
        physical_units = frozenset(units.values()) - count_units
        separator_words = {r[0]: r[1] for r in _rows("separators.tsv")}
        return cls(currencies, scales, hedges, directions, units, count_units, attached_units, guarded_units,
                   number_words, physical_units=physical_units, separator_words=separator_words)


LEXICON = Lexicon.load()
