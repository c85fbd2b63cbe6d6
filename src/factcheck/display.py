"""Notebook views: HTML tables for reports, findings and quantities, and reports as DataFrames.

Jupyter calls ``_repr_html_`` on the last value of a cell; :class:`~factcheck.report.Report`,
:class:`~factcheck.findings.Finding` and :class:`~factcheck.model.Quantity` delegate to the
functions here, so the views share one look. The plain ``repr`` of each stays on one line.
pandas is optional (``pip install 'factcheck[pandas]'``) and imported only by
:func:`report_frame`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from factcheck.output.locate import line_col

if TYPE_CHECKING:
    import pandas

    from factcheck.findings import Finding
    from factcheck.model import Quantity
    from factcheck.report import Report

#: A notebook cell shows at most this many findings; the DataFrame has them all.
MAX_ROWS = 200
#: The columns of :func:`report_frame`, in order.
COLUMNS = ("code", "name", "severity", "message", "cause", "doc", "line", "column", "text", "value", "unit",
           "entity", "metric", "period", "docs", "texts")

_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
_TABLE = 'style="border-collapse:collapse;text-align:left"'
_CELL = 'style="padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"'


def _badge(severity: str) -> str:
    colour = _COLOURS.get(severity, "#555")
    return (f'<span style="background:{colour};color:#fff;border-radius:8px;padding:0 6px;'
            f'font-size:85%">{escape(severity)}</span>')


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th {_CELL}>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def quantity_html(q: Quantity) -> str:
    """A quantity as a two-column table of its fields."""
    fields = q.to_dict()
    rows = [[f"<b>{escape(k)}</b>", escape("" if v is None else str(v))] for k, v in fields.items()]
    return _table(["field", "value"], rows)


def finding_html(f: Finding, texts: dict[str, str] | None = None) -> str:
    """A finding: code, severity and message above a table of its facts."""
    rows = []
    for fact in f.facts:
        where = f"{fact.doc}:{':'.join(map(str, line_col(texts[fact.doc], fact.q.start)))}" if texts and \
            fact.doc in texts else f"{fact.doc}@{fact.q.start}"
        q = fact.q
        rows.append([escape(where), f"<mark>{escape(q.text)}</mark>", escape(str(q.to_dict()["value"])),
                     escape(q.unit or ""), escape(str(q.interval or "")), escape(q.entity or ""),
                     escape(q.metric or ""), escape(q.period.key if q.period else "")])
    help_ = f'<div style="color:#555">help: likely {escape(f.cause)}</div>' if f.cause else ""
    return (f"<div><div><code>{escape(f.code)}</code> {escape(f.name)} {_badge(f.severity)}</div>"
            f"<div>{escape(f.message)}</div>{help_}"
            + _table(["where", "text", "value", "unit", "allows", "entity", "metric", "period"], rows) + "</div>")


def report_html(report: Report) -> str:
    """A report: the summary line, then one row per finding with each source's figure."""
    from factcheck.output.text import summary

    texts = {d.path: d.text for d in report.documents}
    rows = []
    for f in report.findings[:MAX_ROWS]:
        sources = "<br>".join(
            f"{escape(fact.doc)}:{line_col(texts.get(fact.doc, ''), fact.q.start)[0]} "
            f"<mark>{escape(fact.q.text)}</mark>" for fact in f.facts)
        rows.append([f"<code>{escape(f.code)}</code>", _badge(f.severity), escape(f.message), sources])
    more = len(report.findings) - MAX_ROWS
    tail = f"<div>… and {more} more: <code>report.to_pandas()</code> has them all.</div>" if more > 0 else ""
    table = _table(["code", "severity", "message", "sources"], rows) if rows else ""
    return f"<div><div><b>{escape(summary(report))}</b></div>{table}{tail}</div>"


def finding_repr(f: Finding) -> str:
    """``<Finding FC201 error a.md@52: revenue of Acme …>``, cut to fit one line."""
    first = f.facts[0]
    text = f"<Finding {f.code} {f.severity} {first.doc}@{first.q.start}: {f.message}"
    return (text[:117] + "…>") if len(text) > 118 else text + ">"


def report_frame(report: Report) -> pandas.DataFrame:
    """One row per finding (see :data:`COLUMNS`): the first fact's place and figure, and the
    documents and texts of all its facts as lists."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("Report.to_pandas() needs pandas: pip install 'factcheck[pandas]'") from None
    texts = {d.path: d.text for d in report.documents}
    rows: list[dict[str, Any]] = []
    for f in report.findings:
        first = f.facts[0]
        line, column = line_col(texts.get(first.doc, ""), first.q.start)
        fields = first.q.to_dict()
        rows.append({
            "code": f.code, "name": f.name, "severity": f.severity, "message": f.message, "cause": f.cause,
            "doc": first.doc, "line": line, "column": column, "text": first.q.text, "value": fields["value"],
            "unit": first.q.unit, "entity": first.q.entity, "metric": first.q.metric, "period": fields["period"],
            "docs": [fact.doc for fact in f.facts], "texts": [fact.q.text for fact in f.facts],
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))
