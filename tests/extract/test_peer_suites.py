"""Other projects' test suites, run as table tests: every in-scope gold quantity of quantulum3's
``quantities.json`` and of Recognizers-Text's English Currency, Dimension and Percent specs.

A row passes when factcheck reads a quantity overlapping the gold span with the same value (within
0.5%) and the same unit once both are mapped onto ISO codes, percent and pint units
(``tests/peer.py``). The misses of today are listed with their reason in
``tests/data/peer/known-misses.tsv`` and run as ``xfail(strict=True)``: a fix makes its row pass,
and the strict mark then asks for the row to leave the list. Cases out of scope are counted by
reason in ``benchmarks/peer_suites.py``, not run here.
"""

from __future__ import annotations

from typing import Any

import pytest

import peer

NEWS_SUITES = ("quantities.json", "Currency", "Dimension", "Percent")


def _known_misses() -> dict[tuple[str, int, str], str]:
    out = {}
    for line in (peer.PEER / "known-misses.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        suite, index, text, reason = line.split("\t")
        out[(suite, int(index), text)] = reason
    return out


def _rows() -> list[Any]:
    misses = _known_misses()
    rows = []
    for suite in NEWS_SUITES:
        for case in peer.load(suite):
            for k, gold in enumerate(case.gold):
                reason = misses.get((suite, case.index, gold.text))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                rows.append(pytest.param(case, k, id=f"{suite}#{case.index}:{gold.text}", marks=marks))
    return rows


@pytest.mark.parametrize(("case", "k"), _rows())
def test_peer_case(case: peer.Case, k: int) -> None:
    gold = case.gold[k]
    alone = case._replace(gold=(gold,))
    tp, _, _ = peer.match(alone, peer.factcheck_predictions(case.text), with_unit=True)
    assert tp == 1, (gold, [(case.text[p.start : p.end], p.values, p.unit) for p in
                            peer.factcheck_predictions(case.text)])


def test_every_known_miss_is_a_case() -> None:
    """A row of the list that names no gold quantity (a suite edited, a typo) would hide nothing."""
    gold = {(s, c.index, g.text) for s in NEWS_SUITES for c in peer.load(s) for g in c.gold}
    assert set(_known_misses()) <= gold


@pytest.mark.parametrize(
    ("unit", "canonical"),
    [
        ("pound", "0.453592 kg"),  # pint's pound: factcheck writes money as ISO codes
        ("unit", None),  # a counted noun, though pint has a unit "unit"
        ("point", None),  # the index point, not the typographic one
        ("GBP", "GBP"),
        ("USD/share", "USD/share"),
        ("percent", "percent"),
        ("tablespoon", "1.47868e-05 m ** 3"),
    ],
)
def test_factcheck_units_are_mapped_by_what_factcheck_means(unit: str, canonical: str | None) -> None:
    assert peer.factcheck_unit(unit) == canonical
