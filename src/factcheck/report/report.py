"""Reports: the findings of a run, with coverage; JSON for tools and tables for notebooks.

The other formats live in :mod:`factcheck.output`. A report keeps the findings to act on
(``findings``) apart from those a suppression or the baseline accepted (``suppressed``,
``baselined``), so that the exit status and every format count only the first.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any, get_args

import attrs

from factcheck._views import badge, table
from factcheck.errors import UsageError
from factcheck.findings import Finding, Severity
from factcheck.model import Document
from factcheck.report.fingerprint import Entry, Fingerprinter
from factcheck.report.unreadable import Unreadable
from factcheck.rules import unknown_codes

if TYPE_CHECKING:
    import pandas

SCHEMA_VERSION = 1
#: A notebook cell shows at most this many findings; the DataFrame has them all.
MAX_ROWS = 200
#: Codes of findings about the suppression comments themselves (FC901, FC902): problems, not conflicts.
PROBLEM_PREFIX = "FC9"
#: The columns of :meth:`Report.to_pandas`, in order.
COLUMNS = ("code", "name", "severity", "message", "cause", "doc", "line", "column", "text", "value", "unit",
           "entity", "metric", "period", "docs", "texts")


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
    #: baseline entries that no finding matched any more (fixed, or the sentence was rewritten);
    #: a run of the project (:func:`factcheck.project.evaluate`) keeps those it could have matched
    #: and sets each one's ``doc`` to the article it is reported on. Each is a warning.
    stale: tuple[Entry, ...] = ()
    #: files that could not be read (FC001); the run checked the others
    unreadable: tuple[Unreadable, ...] = ()
    #: what the run could not check, one sentence each ("2 conversions not checked (FC501): ...")
    notes: tuple[str, ...] = ()
    #: why each of ``suppressed`` was switched off: the comment's reason (the text after ``--``),
    #: or which comment, front matter or ``per-file-ignores`` entry did it
    suppression_reasons: dict[Finding, str] = attrs.field(factory=dict, hash=False)

    @property
    def conflicts(self) -> list[Finding]:
        return [f for f in self.findings if f.is_conflict]

    @property
    def texts(self) -> dict[str, str]:
        """The text of each document the run kept, by path: what places and quotes a figure when
        it is there (:meth:`factcheck.facts.Fact.where`)."""
        return {d.path: d.text for d in self.documents}

    def summary(self) -> str:
        """``Found 1 conflict in 5 documents (56 facts, 22 checkable).``, and what was set aside.

        Warnings about the suppression comments themselves (FC9xx: unused, unreadable) are not
        conflicts between figures: they are counted as problems, ``Found 1 conflict and 1 problem``."""
        problems = sum(1 for f in self.conflicts if f.code.startswith(PROBLEM_PREFIX))
        n, docs = len(self.conflicts) - problems, self.coverage.get("documents", len(self.documents))
        found = f"{n} conflict{'s' if n != 1 else ''}"
        if problems:
            found += f" and {problems} problem{'s' if problems != 1 else ''}"
        line = (f"Found {found} in {docs} document{'s' if docs != 1 else ''} "
                f"({self.coverage.get('facts', 0)} facts, {self.coverage.get('checked', 0)} checkable).")
        aside = []
        if self.baselined:
            aside.append(f"{len(self.baselined)} in the baseline")
        if self.suppressed:
            aside.append(f"{len(self.suppressed)} suppressed")
        if aside:
            line += " Not shown: " + ", ".join(aside) + "."
        stale = sum(e.count for e in self.stale)
        if stale:
            line += (f" {stale} baseline entr{'ies no longer match' if stale != 1 else 'y no longer matches'} "
                     "a finding: rewrite the baseline with `factcheck baseline write`.")
        if self.unreadable:
            k = len(self.unreadable)
            line += f" {k} file{'s' if k != 1 else ''} could not be read ({self.unreadable[0].code})."
        for note in self.notes:
            line += f" {note}"
        return line

    def to_dict(self, root: str | os.PathLike[str] | None = None) -> dict[str, Any]:
        """The JSON report; fingerprints count paths relative to ``root`` (default: cwd)."""
        texts = self.texts
        fingerprint = Fingerprinter({d.path: d for d in self.documents}, root)

        def finding(f: Finding) -> dict[str, Any]:
            out = f.to_dict()
            for fact, row in zip(f.facts, out["facts"], strict=True):
                row["line"], row["column"] = fact.where(texts)
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
                "unreadable": len(self.unreadable),
            },
            "errors": [u.to_dict() for u in self.unreadable],
            "notes": list(self.notes),
        }

    def to_json(self, root: str | os.PathLike[str] | None = None) -> str:
        return json.dumps(self.to_dict(root), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def touching(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        """Only the findings with a fact in one of ``paths`` (compared as absolute paths)."""
        wanted = {os.path.abspath(p) for p in paths}

        def keep(f: Finding) -> bool:
            return any(os.path.abspath(fact.doc) in wanted for fact in f.facts)

        return attrs.evolve(self, findings=tuple(f for f in self.findings if keep(f)),
                            suppressed=tuple(f for f in self.suppressed if keep(f)),
                            baselined=tuple(f for f in self.baselined if keep(f)))

    def filter(
        self,
        code: str | Iterable[str] | None = None,
        *,
        severity: str | Iterable[str] | None = None,
        doc: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    ) -> Report:
        """The same report with only the findings that match every criterion given.

        ``code``: rule codes or prefixes (``"FC2"``, ``"FC201,FC3"``, ``["FC201", "FC3"]``), as
        ``select`` takes them; ``severity``: ``"error"``, ``"warning"`` or ``"info"``, or several;
        ``doc``: a path or paths, the findings with a fact in one of them. The suppressed and
        baselined findings are filtered alike, so the summary counts what is shown. An unknown
        code or severity is a :class:`~factcheck.UsageError` (a filter that can match nothing
        would look like a clean report).
        """
        prefixes = _strings(code, "code", upper=True)
        if prefixes:
            bad = unknown_codes(prefixes)
            if bad:
                raise UsageError(f"code: {bad[0]!r} is the code or prefix of no rule; `factcheck rule` lists them")
        levels = _strings(severity, "severity")
        known = get_args(Severity)
        for level in levels or ():
            if level not in known:
                raise UsageError(f"severity: {level!r} is not one of {', '.join(known)}")
        report = self if doc is None else self.touching([doc] if isinstance(doc, (str, os.PathLike)) else doc)

        def keep(f: Finding) -> bool:
            return ((prefixes is None or any(f.code.startswith(p) for p in prefixes))
                    and (levels is None or f.severity in levels))

        return attrs.evolve(report, findings=tuple(f for f in report.findings if keep(f)),
                            suppressed=tuple(f for f in report.suppressed if keep(f)),
                            baselined=tuple(f for f in report.baselined if keep(f)))

    def by_code(self) -> dict[str, list[Finding]]:
        """The findings grouped by rule code, the codes in order (suppressed and baselined ones
        are not counted: they are in ``suppressed`` and ``baselined``)."""
        out: dict[str, list[Finding]] = {}
        for f in sorted(self.findings, key=lambda f: f.code):
            out.setdefault(f.code, []).append(f)
        return out

    def to_html(self, path: str | os.PathLike[str] | None = None, *, rules_url: str | None = None) -> str:
        """The self-contained HTML page of ``factcheck check --format html``: the findings and the
        sources side by side, the suppressed ones with their reasons. With ``path``, it is also
        written there (atomically). Rule codes link to ``rules_url`` (default: the relative
        ``docs/rules.md``) with the rule's anchor, ``#fc201-value-mismatch``."""
        # output/ sits above report/: imported here, when asked for, never when the report is made
        from factcheck.output import emit
        from factcheck.output.htmlpage import render_html

        page = render_html(self) if rules_url is None else render_html(self, rules_url=rules_url)
        if path is not None:
            emit(path, lambda out: out.write(page))
        return page

    def to_pandas(self) -> pandas.DataFrame:
        """One row per finding: code, severity, message, the first fact's place and figure, and the
        documents and figures of every fact (pandas is an optional extra: ``factcheck-news[pandas]``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Report.to_pandas() needs pandas: pip install 'factcheck-news[pandas]'") from None
        texts = self.texts
        rows: list[dict[str, Any]] = []
        for f in self.findings:
            first = f.facts[0]
            line, column = first.where(texts)
            fields = first.q.to_dict()
            rows.append({
                "code": f.code, "name": f.name, "severity": f.severity, "message": f.message, "cause": f.cause,
                "doc": first.doc, "line": line, "column": column, "text": first.q.text, "value": fields["value"],
                "unit": first.q.unit, "entity": first.q.entity, "metric": first.q.metric, "period": fields["period"],
                "docs": [fact.doc for fact in f.facts], "texts": [fact.q.text for fact in f.facts],
            })
        return pd.DataFrame(rows, columns=list(COLUMNS))

    def _repr_html_(self) -> str:
        """The summary line, then one row per finding with each source's figure."""
        texts = self.texts
        rows = []
        for f in self.findings[:MAX_ROWS]:
            sources = "<br>".join(f"{escape(fact.doc)}:{fact.where(texts)[0]} <mark>{escape(fact.q.text)}</mark>"
                                  for fact in f.facts)
            rows.append([f"<code>{escape(f.code)}</code>", badge(f.severity), escape(f.message), sources])
        more = len(self.findings) - MAX_ROWS
        tail = f"<div>… and {more} more: <code>report.to_pandas()</code> has them all.</div>" if more > 0 else ""
        body = table(["code", "severity", "message", "sources"], rows) if rows else ""
        return f"<div><div><b>{escape(self.summary())}</b></div>{body}{tail}</div>"

    def __repr__(self) -> str:
        n = len(self.conflicts)
        codes = ", ".join(f"{code}×{k}" for code, k in sorted(Counter(f.code for f in self.findings).items()))
        extra = "".join(f", {k} {what}" for k, what in ((len(self.suppressed), "suppressed"),
                                                         (len(self.baselined), "baselined")) if k)
        docs = self.coverage.get("documents", len(self.documents))
        return (f"<Report {n} conflict{'s' if n != 1 else ''} in {docs} documents"
                f"{': ' + codes if codes else ''}{extra}>")


def _strings(value: str | Iterable[str] | None, name: str, *, upper: bool = False) -> tuple[str, ...] | None:
    """A filter's values: one string (commas separate several), or an iterable of strings."""
    if value is None:
        return None
    items: list[object] = list(value.split(",")) if isinstance(value, str) else (
        list(value) if isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)) else [value])
    for item in items:
        if not isinstance(item, str):
            raise UsageError(f"{name}: {item!r} is not a string")
    out = tuple(str(item).strip() for item in items if str(item).strip())
    return tuple(x.upper() for x in out) if upper else out
