"""Reports: the findings of a run, with coverage, as text for people or JSON for tools."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import attrs

from factcheck.findings import Finding
from factcheck.model import Document

SCHEMA_VERSION = 1


@attrs.frozen
class Report:
    """Findings, sorted, and how much of the input could be checked."""

    findings: tuple[Finding, ...]
    documents: tuple[Document, ...] = ()
    coverage: dict[str, int] = attrs.field(factory=dict, hash=False)

    @property
    def conflicts(self) -> list[Finding]:
        return [f for f in self.findings if f.is_conflict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "findings": [f.to_dict() for f in self.findings],
            "summary": {
                "conflicts": len(self.conflicts),
                "by_code": dict(sorted(Counter(f.code for f in self.findings).items())),
                **self.coverage,
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def to_text(self) -> str:
        """ruff-style: a location line per finding, the sentence quoted, the other facts under it."""
        texts = {d.path: d.text for d in self.documents}
        out = []
        for f in self.findings:
            first = f.facts[0]
            line, col = _line_col(texts.get(first.doc, ""), first.q.start)
            out.append(f"{first.doc}:{line}:{col}: {f.code} [{f.severity}] {f.message}")
            for fact in f.facts:
                text = texts.get(fact.doc, "")
                ln, cl = _line_col(text, fact.q.start)
                out.append(f"  --> {fact.doc}:{ln}:{cl}  {_excerpt(text, fact.q.start, fact.q.end)}")
            if f.cause:
                out.append(f"  help: likely {f.cause}")
            out.append("")
        n = len(self.conflicts)
        out.append(f"Found {n} conflict{'s' if n != 1 else ''} in {len(self.documents)} document"
                   f"{'s' if len(self.documents) != 1 else ''} ({self.coverage.get('facts', 0)} facts, "
                   f"{self.coverage.get('checked', 0)} checkable).")
        return "\n".join(out) + "\n"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _excerpt(text: str, start: int, end: int, reach: int = 60) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    lo, hi = max(left, start - reach), min(right, end + reach)
    snippet = text[lo:start] + "«" + text[start:end] + "»" + text[end:hi]
    return ("…" if lo > left else "") + snippet.strip() + ("…" if hi < right else "")
