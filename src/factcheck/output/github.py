"""GitHub Actions workflow annotations: ``::error file=…,line=…::message``.

GitHub shows at most 10 annotations of each level per step (and drops the rest silently), so the
first 10 of each level are printed and one notice says how many more there are. Lines and
columns count from the start of the whole file, front matter included.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.report import Report

#: GitHub's limit of annotations of one level in one step.
LIMIT = 10
_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A message: ``%``, CR and LF are escaped so the command stays on one line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as a message, and ``:`` and ``,`` too, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    texts = report.texts
    shown: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    out = []
    for problem in report.unreadable:  # never capped: a file that was not read must not go unseen
        where = f",line={problem.line}" if problem.line is not None else ""
        out.append(f"::error file={escape_property(problem.path)}{where},"
                   f"title={escape_property(f'{problem.code} unreadable')}::{escape_data(problem.message())}\n")
    for f in report.findings:
        level = _LEVEL.get(f.severity, "warning")
        if shown[level] >= LIMIT:
            dropped[level] += 1
            continue
        shown[level] += 1
        first = f.facts[0]
        r = first.region(texts)
        where = f"line={r.start_line},endLine={r.end_line},col={r.start_col}"
        if r.start_line == r.end_line:  # GitHub takes endColumn only on a one-line annotation
            where += f",endColumn={r.end_col}"
        body = f.message
        for fact in f.facts[1:]:
            fr = fact.region(texts)
            body += f"\n  --> {fact.doc}:{fr.start_line}:{fr.start_col} {fact.q.text!r}"
        if f.cause and f.cause not in f.message:
            body += f"\n  help: likely {f.cause}"
        out.append(f"::{level} file={escape_property(first.doc)},{where},"
                   f"title={escape_property(f'{f.code} {f.name}')}::{escape_data(body)}\n")
    if dropped:
        more = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in sorted(dropped.items()))
        note = (f"{more} more not annotated (GitHub shows {LIMIT} of each level per step); "
                "run factcheck check for the full report")
        out.append(f"::notice title=factcheck::{escape_data(note)}\n")
    return "".join(out)
