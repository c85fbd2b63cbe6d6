"""The seed articles against their answer key (tests/data/seeds-gold.json, copied unchanged).

Every required quantity must be found with the key's value, unit, bound and kind; nothing on the
key's list of non-quantities may be reported; and who/what/when must agree with the key for at
least 90% of the attributes it gives (the bar of the attribution issue).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

import factcheck
from factcheck.documents import read_document
from factcheck.facts import extract_document
from factcheck.resolve import normalize

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))


def _doc(entry: dict) -> tuple[str, list[factcheck.Quantity]]:
    doc = read_document(ROOT / "seeds" / (entry["file"][:-4] + ".md"))
    return doc.text, extract_document(doc)


def _spans(text: str, needles: list[str]) -> list[tuple[int, int] | None]:
    seen: dict[str, int] = {}
    out = []
    for n in needles:
        i = -1
        for _ in range(seen.get(n, 0) + 1):
            i = text.find(n, i + 1)
        seen[n] = seen.get(n, 0) + 1
        out.append((i, i + len(n)) if i >= 0 else None)
    return out


def _overlapping(quantities: list[factcheck.Quantity], span: tuple[int, int]) -> list[factcheck.Quantity]:
    return [q for q in quantities if q.start < span[1] and span[0] < q.end]


@pytest.mark.parametrize("entry", GOLD["documents"], ids=lambda e: e["file"][:3])
class TestSeedQuantities:
    def test_every_required_quantity_is_read_exactly(self, entry: dict) -> None:
        """Each key quantity is found with its value, unit, bound and kind."""
        text, found = _doc(entry)
        for gold, span in zip(entry["quantities"], _spans(text, [q["text"] for q in entry["quantities"]]), strict=True):
            assert span is not None
            hits = _overlapping(found, span)
            assert hits, f"missed {gold['text']!r}"
            q = hits[0]
            assert math.isclose(float(q.value), gold["value"], rel_tol=1e-9), gold["text"]
            assert (q.unit, q.bound, q.kind) == (gold["unit"], gold["bound"], gold["kind"]), gold["text"]

    def test_listed_non_quantities_are_not_reported(self, entry: dict) -> None:
        """Dates, years, names with digits and citation marks on the key's list stay silent."""
        text, found = _doc(entry)
        for span in _spans(text, entry.get("not_quantities", [])):
            if span is not None:
                assert not _overlapping(found, span), text[span[0] : span[1]]

    def test_nothing_outside_the_key_is_reported(self, entry: dict) -> None:
        """Every quantity reported is on the key, required or optional."""
        text, found = _doc(entry)
        allowed = [s for s in _spans(text, [q["text"] for q in entry["quantities"]] + entry.get("optional", [])) if s]
        extra = [q.text for q in found if not any(q.start < e and s < q.end for s, e in allowed)]
        assert extra == []


def test_attribution_agrees_with_the_key_at_least_90_percent() -> None:
    """Entity, metric and period match the key for at least 90% of the attributes it gives."""
    right = total = 0
    for entry in GOLD["documents"]:
        text, found = _doc(entry)
        for gold, span in zip(entry["quantities"], _spans(text, [q["text"] for q in entry["quantities"]]), strict=True):
            q = _overlapping(found, span)[0]
            if gold.get("entity"):
                total += 1
                names = [gold["entity"], *gold.get("entity_alt", [])]
                got = normalize(q.entity or "")
                words = set(f"{got} {normalize(q.metric or '')}".split())
                right += bool(got) and any(
                    got == normalize(n) or (got in normalize(n) and set(normalize(n).split()) <= words) for n in names
                )
            if gold.get("metric"):
                total += 1
                right += bool(q.metric) and (
                    q.metric.lower() == gold["metric"].lower() or q.metric.lower().endswith(gold["metric"].lower())
                    or _synonym(q.metric, gold["metric"])
                )
            if gold.get("period"):
                total += 1
                right += q.period is not None and q.period.key == gold["period"]
    assert right / total >= 0.9, f"{right}/{total}"


_GROUPS = [{"ai investment", "investment", "commitment", "ai spending", "ai budget"}]


def _synonym(got: str, want: str) -> bool:
    g = re.sub(r"\s+", " ", got.lower())
    return any(want.lower() in group and any(g.endswith(x) for x in group) for group in _GROUPS)
