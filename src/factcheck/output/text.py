"""The formats for people: ``text`` (ruff-style, with each source's sentence) and ``concise``.

Files that could not be read come first, one ``path:line:1: FC001 [error] ...`` line each; stale
baseline entries come after the findings, one ``path: FC201 [warning] baseline entry ...`` line each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from factcheck.findings import Finding

if TYPE_CHECKING:
    from factcheck.report import Report
    from factcheck.report.fingerprint import Entry


#: ANSI styles, as ruff uses them: the place bold, the code bold, the severity in its colour.
_BOLD, _RESET = "\033[1m", "\033[0m"
_SEVERITY = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def headline(doc: str, line: int, col: int, code: str, severity: str, message: str, *, colour: bool = False) -> str:
    """``path:line:col: CODE [severity] message``, coloured for a terminal when ``colour``."""
    if not colour:
        return f"{doc}:{line}:{col}: {code} [{severity}] {message}"
    tint = _SEVERITY.get(severity, "")
    return f"{_BOLD}{doc}:{line}:{col}:{_RESET} {_BOLD}{code}{_RESET} {tint}[{severity}]{_RESET} {message}"


def render_finding(finding: Finding, texts: Mapping[str, str], *, colour: bool = False) -> str:
    """One finding as the ``text`` format prints it: the location line, each fact's sentence with
    the figure marked «like this», and the likely cause. The pytest plugin prints the same."""
    first = finding.facts[0]
    line, col = first.where(texts)
    out = [headline(first.doc, line, col, finding.code, finding.severity, finding.message, colour=colour)]
    for fact in finding.facts:
        ln, cl = fact.where(texts)
        out.append(f"  --> {fact.doc}:{ln}:{cl}  {fact.shown(texts)}")
    if finding.cause and finding.cause not in finding.message:  # said once: in the message, or here
        out.append(f"  help: likely {finding.cause}")
    return "\n".join(out) + "\n"


def render_stale(entry: Entry) -> str:
    """A baseline entry no finding matches any more, as ``text`` and ``concise`` print it, on the
    article the finding was reported on; a warning, as an unused suppression (FC901) is. The
    pytest plugin fails that article's ``baseline[...]`` item with the same line."""
    times = f" ({entry.count} times)" if entry.count > 1 else ""
    return (f"{entry.reported_on}: {entry.code} [warning] baseline entry {entry.fingerprint[:8]} no longer matches "
            f"a finding{times}: fixed? rewrite the baseline with `factcheck baseline write` "
            f"(it was: {entry.message})\n")


def render_text(report: Report, *, colour: bool = False) -> str:
    texts = report.texts
    out = [f"{problem}\n\n" for problem in report.unreadable]
    out += [render_finding(f, texts, colour=colour) + "\n" for f in report.findings]
    out += [render_stale(e) + "\n" for e in report.stale]
    out.append(report.summary() + "\n")
    return "".join(out)


def render_concise(report: Report, *, colour: bool = False) -> str:
    """``path:line:col: CODE [severity] message``, one line a finding, then the summary."""
    texts = report.texts
    out = [f"{problem}\n" for problem in report.unreadable]
    for f in report.findings:
        first = f.facts[0]
        line, col = first.where(texts)
        out.append(headline(first.doc, line, col, f.code, f.severity, f.message, colour=colour) + "\n")
    out += [render_stale(e) for e in report.stale]
    out.append(report.summary() + "\n")
    return "".join(out)
