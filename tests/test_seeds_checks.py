"""The seed cross-checks of the answer key: C1 must be flagged, K1-K9 must not."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

import factcheck
from factcheck.reference import ReferenceFact

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))
REFERENCE = [
    ReferenceFact(r["entity"], r["metric"], Decimal(str(r["value"])), r["unit"], dt.date.fromisoformat(r["as_of"]))
    for r in GOLD["reference"]
]


@pytest.fixture(scope="module")
def report() -> factcheck.Report:
    return factcheck.check([ROOT / "seeds"], reference=REFERENCE)


def _spans(entry_id: str, text: str) -> tuple[Path, tuple[int, int]]:
    doc = next(d for d in GOLD["documents"] if d["file"].startswith(entry_id))
    path = ROOT / "seeds" / (doc["file"][:-4] + ".md")
    body = path.read_text(encoding="utf-8")
    n = [q["text"] for q in doc["quantities"]].index(text)
    k = sum(1 for q in doc["quantities"][:n] if q["text"] == text)
    at = -1
    for _ in range(k + 1):
        at = body.find(text, at + 1)
    return path, (at, at + len(text))


@pytest.mark.parametrize("check", GOLD["findings"], ids=lambda c: c["id"])
def test_cross_check(report, check: dict) -> None:  # type: ignore[no-untyped-def]
    """A conflict of the key is reported touching one of its facts; a consistent set gets no
    conflict that touches two of its facts."""
    spans = [_spans(sid, text) for sid, text in check["facts"]]
    need = 1 if check["verdict"] == "conflict" else 2
    flagged = []
    for finding in report.conflicts:
        touched = {(p, s) for p, s in spans for f in finding.facts
                   if Path(f.doc).name == p.name and f.q.start < s[1] and s[0] < f.q.end}
        if len(touched) >= need:
            flagged.append(finding)
    assert bool(flagged) == (check["verdict"] == "conflict"), [f.message for f in flagged]
