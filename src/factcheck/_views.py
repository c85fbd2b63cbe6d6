"""The look of the notebook views: tables and severity badges, shared by every class's HTML.

Jupyter calls ``_repr_html_`` on the last value of a cell. :class:`~factcheck.model.Quantity`,
:class:`~factcheck.findings.Finding` and :class:`~factcheck.report.Report` each build their own
rows and style them here, so the views share one look (pint's formatter-mixin idea: the class
formats, the helper styles). This module imports nothing of factcheck.

>>> table(["a"], [["<b>1</b>"]])
'<table style="border-collapse:collapse;text-align:left"><thead><tr><th style="padding:2px 8px;border-bottom:1px \
solid #ddd;text-align:left;vertical-align:top">a</th></tr></thead><tbody><tr><td style="padding:2px 8px;\
border-bottom:1px solid #ddd;text-align:left;vertical-align:top"><b>1</b></td></tr></tbody></table>'
"""

from __future__ import annotations

from html import escape

_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
_TABLE = 'style="border-collapse:collapse;text-align:left"'
_CELL = 'style="padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"'


def badge(severity: str) -> str:
    colour = _COLOURS.get(severity, "#555")
    return (f'<span style="background:{colour};color:#fff;border-radius:8px;padding:0 6px;'
            f'font-size:85%">{escape(severity)}</span>')


def table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th {_CELL}>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
