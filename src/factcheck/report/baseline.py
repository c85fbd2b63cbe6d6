"""Baselines: the findings a project has accepted, keyed by what they say, not where they are.

A baseline file lists findings by **fingerprint**: a hash of the rule code, what each fact claims
(metric, period, entity) and, for each fact, its document (relative to the baseline file), the
quantity as written and its sentence, normalised. Line numbers and offsets are left out on
purpose: a baseline keyed by position breaks as soon as a paragraph is added above a figure
(ruff #1149), while one keyed by content survives any edit that leaves the sentences alone.

The file is JSON, sorted, one entry per fingerprint with a count (the same finding twice in one
run is two findings), plus the code, message and documents for the reviewer of a diff. When no
finding matches an entry any more, ``sentences`` (for each document, short digests of the
sentences its figures were in) tells which article changed, and the stale entry is reported on
it; ``doc``, the article the finding was reported on, when none did (an alias or a setting
changed)::

    {
      "factcheck_baseline": 1,
      "findings": [
        {"fingerprint": "3f2a…", "code": "FC201", "count": 1, "doc": "articles/b.md",
         "docs": ["articles/a.md", "articles/b.md"], "message": "revenue of …",
         "sentences": {"articles/a.md": ["9c1d02aa"], "articles/b.md": ["51e7b3f0"]}}
      ]
    }
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from factcheck.errors import ConfigError
from factcheck.findings import Finding
from factcheck.model import Document
from factcheck.offsets import relative
from factcheck.report.fingerprint import FINGERPRINT_KEY, Entry, Fingerprinter, fingerprint
from factcheck.report.report import Report

__all__ = ["DEFAULT_PATH", "FINGERPRINT_KEY", "FORMAT", "Baseline", "Entry", "apply_baseline", "fingerprint",
           "load_baseline"]

#: The version of the file format; a file of another version is refused rather than misread.
FORMAT = 1
#: Where ``factcheck baseline write`` writes when neither the command nor the configuration says.
DEFAULT_PATH = "factcheck-baseline.json"

@attrs.frozen
class Baseline:
    """The accepted findings of a project; ``root`` is what document paths are relative to."""

    entries: tuple[Entry, ...] = ()
    path: str | None = None

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], documents: Mapping[str, Document],
                      path: str | os.PathLike[str] | None = None) -> Baseline:
        """A baseline that accepts exactly ``findings``, for a file to be written at ``path``."""
        where = None if path is None else os.fspath(path)
        root = os.path.dirname(os.path.abspath(where)) if where else None
        fp = Fingerprinter(documents, root)
        counts: Counter[str] = Counter()
        first: dict[str, Finding] = {}
        for finding in findings:
            key = fp(finding)
            counts[key] += 1
            first.setdefault(key, finding)
        entries = [
            Entry(key, first[key].code, counts[key],
                  tuple(sorted({relative(f.doc, root) for f in first[key].facts})), first[key].message,
                  relative(first[key].facts[0].doc, root), fp.sentences(first[key]))
            for key in counts
        ]
        entries.sort(key=lambda e: (e.docs, e.code, e.fingerprint))
        return cls(tuple(entries), where)

    def to_json(self) -> str:
        body = {"factcheck_baseline": FORMAT, "findings": [e.to_dict() for e in self.entries]}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"

    def split(self, findings: Sequence[Finding], documents: Mapping[str, Document]
              ) -> tuple[list[Finding], list[Finding], list[Entry]]:
        """``(new, known, stale)``: findings not in the baseline, findings it accepts, and the
        entries (with the count left over) that no finding matched any more."""
        fp = Fingerprinter(documents, self.root)
        left = Counter({e.fingerprint: e.count for e in self.entries})
        new, known = [], []
        for finding in findings:
            key = fp(finding)
            if left[key] > 0:
                left[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        stale = [attrs.evolve(e, count=left[e.fingerprint]) for e in self.entries if left[e.fingerprint] > 0]
        return new, known, stale


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; anything wrong with it is a :class:`ConfigError` (exit status 2)."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(name, "no such baseline file; create it with `factcheck baseline write`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(name, f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(name, f"the baseline is not valid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != FORMAT:
        raise ConfigError(name, f"not a factcheck baseline (expected \"factcheck_baseline\": {FORMAT})")
    rows = data.get("findings")
    if not isinstance(rows, list):
        raise ConfigError(name, "the baseline has no \"findings\" list")
    entries = []
    for n, row in enumerate(rows):
        try:
            entries.append(Entry(str(row["fingerprint"]), str(row["code"]), int(row.get("count", 1)),
                                 tuple(str(d) for d in row.get("docs", ())), str(row.get("message", "")),
                                 str(row.get("doc", "")),
                                 tuple((str(d), tuple(str(x) for x in v))
                                       for d, v in row.get("sentences", {}).items())))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(name, f"baseline entry {n + 1} needs a \"fingerprint\" and a \"code\"") from None
    return Baseline(tuple(entries), name)


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """The report with the findings the baseline accepts moved to ``report.baselined``."""
    documents = {d.path: d for d in report.documents}
    new, known, stale = baseline.split(report.findings, documents)
    return attrs.evolve(report, findings=tuple(new), baselined=(*report.baselined, *known), stale=tuple(stale))
