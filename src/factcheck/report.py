"""Reports: the findings of a run, with coverage, as text for people or JSON for tools.

The formatters live in :mod:`factcheck.output`; a report keeps the findings to act on
(``findings``) apart from those a suppression or the baseline accepted (``suppressed``,
``baselined``), so that the exit status and every format count only the first.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.findings import Finding
from factcheck.model import Document

if TYPE_CHECKING:
    import pandas

    from factcheck.baseline import Entry

SCHEMA_VERSION = 1


@attrs.frozen
class Report:
    """Findings, sorted, and how much of the input could be checked."""

    findings: tuple[Finding, ...]
    documents: tuple[Document, ...] = ()
    coverage: dict[str, int] = attrs.field(factory=dict, hash=False)
    #: findings an inline comment, the front matter or ``per-file-ignores`` switched off
    suppressed: tuple[Finding, ...] = ()
    #: findings the baseline accepts
    baselined: tuple[Finding, ...] = ()
    #: baseline entries that no finding matched any more (fixed, or the sentence was rewritten)
    stale: tuple[Entry, ...] = ()

    @property
    def conflicts(self) -> list[Finding]:
        return [f for f in self.findings if f.is_conflict]

    def to_dict(self, root: str | os.PathLike[str] | None = None) -> dict[str, Any]:
        """The JSON report; fingerprints count paths relative to ``root`` (default: cwd)."""
        from factcheck.baseline import Fingerprinter
        from factcheck.output.locate import line_col

        texts = {d.path: d.text for d in self.documents}
        fingerprint = Fingerprinter({d.path: d for d in self.documents}, root)

        def finding(f: Finding) -> dict[str, Any]:
            out = f.to_dict()
            for fact, row in zip(f.facts, out["facts"], strict=True):
                text = texts.get(fact.doc)
                # facts carry their place when the run did not keep texts (--jobs, archives, Dask)
                row["line"], row["column"] = line_col(text, fact.q.start) if text is not None else (fact.line, fact.col)
            out["fingerprint"] = fingerprint(f)
            return out

        return {
            "schema_version": SCHEMA_VERSION,
            "findings": [finding(f) for f in self.findings],
            "summary": {
                "conflicts": len(self.conflicts),
                "by_code": dict(sorted(Counter(f.code for f in self.findings).items())),
                **self.coverage,
                "suppressed": len(self.suppressed),
                "baselined": len(self.baselined),
                "stale_baseline_entries": sum(e.count for e in self.stale),
            },
        }

    def to_json(self, root: str | os.PathLike[str] | None = None) -> str:
        return json.dumps(self.to_dict(root), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def to_text(self) -> str:
        """ruff-style: a location line per finding, the sentence quoted, the other facts under it."""
        from factcheck.output.text import render_text

        return render_text(self)

    def touching(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        """Only the findings with a fact in one of ``paths`` (compared as absolute paths)."""
        wanted = {os.path.abspath(p) for p in paths}

        def keep(f: Finding) -> bool:
            return any(os.path.abspath(fact.doc) in wanted for fact in f.facts)

        return attrs.evolve(self, findings=tuple(f for f in self.findings if keep(f)),
                            suppressed=tuple(f for f in self.suppressed if keep(f)),
                            baselined=tuple(f for f in self.baselined if keep(f)))

    def to_pandas(self) -> pandas.DataFrame:
        """One row per finding: code, severity, message, the first fact's place and figure, and the
        documents and figures of every fact (pandas is an optional extra: ``factcheck[pandas]``)."""
        from factcheck.display import report_frame

        return report_frame(self)

    def _repr_html_(self) -> str:
        from factcheck.display import report_html

        return report_html(self)

    def __repr__(self) -> str:
        n = len(self.conflicts)
        codes = ", ".join(f"{code}×{k}" for code, k in sorted(Counter(f.code for f in self.findings).items()))
        extra = "".join(f", {k} {what}" for k, what in ((len(self.suppressed), "suppressed"),
                                                         (len(self.baselined), "baselined")) if k)
        docs = self.coverage.get("documents", len(self.documents))
        return (f"<Report {n} conflict{'s' if n != 1 else ''} in {docs} documents"
                f"{': ' + codes if codes else ''}{extra}>")
