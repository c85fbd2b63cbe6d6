"""The formats for people: ``text`` (ruff-style, with each source's sentence) and ``concise``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.output.locate import excerpt, line_col

if TYPE_CHECKING:
    from factcheck.report import Report


def render_finding(finding: Finding, texts: Mapping[str, str]) -> str:
    """One finding as the ``text`` format prints it: the location line, each fact's sentence with
    the figure marked «like this», and the likely cause. The pytest plugin prints the same."""
    first = finding.facts[0]
    line, col = _place(texts, first)
    out = [f"{first.doc}:{line}:{col}: {finding.code} [{finding.severity}] {finding.message}"]
    for fact in finding.facts:
        text = texts.get(fact.doc)
        ln, cl = _place(texts, fact)
        shown = excerpt(text, fact.q.start, fact.q.end) if text is not None else fact.excerpt
        out.append(f"  --> {fact.doc}:{ln}:{cl}  {shown}")
    if finding.cause:
        out.append(f"  help: likely {finding.cause}")
    return "\n".join(out) + "\n"


def render_text(report: Report) -> str:
    texts = {d.path: d.text for d in report.documents}
    out = [render_finding(f, texts) + "\n" for f in report.findings]
    out.append(summary(report) + "\n")
    return "".join(out)


def render_concise(report: Report) -> str:
    """``path:line:col: CODE [severity] message``, one line a finding, then the summary."""
    texts = {d.path: d.text for d in report.documents}
    out = []
    for f in report.findings:
        first = f.facts[0]
        line, col = _place(texts, first)
        out.append(f"{first.doc}:{line}:{col}: {f.code} [{f.severity}] {f.message}\n")
    out.append(summary(report) + "\n")
    return "".join(out)


def summary(report: Report) -> str:
    """``Found 1 conflict in 5 documents (56 facts, 22 checkable).``, and what was set aside."""
    n, docs = len(report.conflicts), report.coverage.get("documents", len(report.documents))
    line = (f"Found {n} conflict{'s' if n != 1 else ''} in {docs} document{'s' if docs != 1 else ''} "
            f"({report.coverage.get('facts', 0)} facts, {report.coverage.get('checked', 0)} checkable).")
    aside = []
    if report.baselined:
        aside.append(f"{len(report.baselined)} in the baseline")
    if report.suppressed:
        aside.append(f"{len(report.suppressed)} suppressed")
    if aside:
        line += " Not shown: " + ", ".join(aside) + "."
    stale = sum(e.count for e in report.stale)
    if stale:
        line += (f" {stale} baseline entr{'ies no longer match' if stale != 1 else 'y no longer matches'} a finding:"
                 " rewrite the baseline with `factcheck baseline write`.")
    return line


def _place(texts: Mapping[str, str], fact: Fact) -> tuple[int, int]:
    """Line and column from the text when the run kept it, else as the fact recorded them."""
    text = texts.get(fact.doc)
    return line_col(text, fact.q.start) if text is not None else (fact.line, fact.col)
