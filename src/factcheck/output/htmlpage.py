"""The ``html`` format: one self-contained page (no script, no external file).

Each finding is a card with its message and, side by side, the paragraph of every source with
the figure highlighted. Below, the documents involved are shown whole, side by side, with every
conflicting figure highlighted and linked to its finding; each card links to the figures in the
documents, so a reader can go back and forth.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from factcheck.findings import Finding
from factcheck.model import Document
from factcheck.offsets import paragraph

if TYPE_CHECKING:
    from factcheck.report import Report

_CSS = """
:root { --error: #c62828; --error-bg: #ffcdd2; --warning: #ef6c00; --warning-bg: #ffe0b2;
        --info: #1565c0; --info-bg: #bbdefb; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: #f6f8fa; }
header { background: #24292f; color: #fff; padding: 16px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #d1d9e0; }
main { padding: 16px 24px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--warning);
           border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.finding.error { border-left-color: var(--error); }
.finding.info { border-left-color: var(--info); }
.finding:target, mark:target { outline: 3px solid #0969da; }
.finding h3 { margin: 0 0 4px; font-size: 15px; }
.code { font-family: ui-monospace, monospace; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; color: #fff; background: var(--warning); }
.badge.error { background: var(--error); } .badge.info { background: var(--info); }
.message { margin: 4px 0; } .help { margin: 4px 0; color: var(--muted); }
.sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; margin-top: 8px; }
.source { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: #fbfcfd; }
.source figcaption { font-size: 13px; color: var(--muted); margin-bottom: 4px; }
.source blockquote { margin: 0; }
mark { padding: 0 2px; border-radius: 3px; background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.error { background: var(--error-bg); border-bottom-color: var(--error); }
mark.info { background: var(--info-bg); border-bottom-color: var(--info); }
mark a { color: inherit; text-decoration: none; }
.documents { display: flex; gap: 12px; overflow-x: auto; align-items: flex-start; padding-bottom: 8px; }
.document { flex: 0 0 440px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.document h3 { margin: 0; font-size: 15px; } .document .meta { font-size: 13px; color: var(--muted); }
.document .text { white-space: pre-wrap; font-size: 14px; }
.clean { background: #dafbe1; border: 1px solid #4ac26b; border-radius: 6px; padding: 12px 16px; }
"""


def render_html(report: Report) -> str:
    docs = {d.path: d for d in report.documents}
    involved = [d for d in report.documents if any(fact.doc == d.path for f in report.findings for fact in f.facts)]
    anchors = {d.path: f"doc-{n}" for n, d in enumerate(involved, 1)}
    cards = [_card(n, f, docs, anchors) for n, f in enumerate(report.findings, 1)]
    if not cards:
        cards = ['<p class="clean">No conflicts: every figure that could be checked agrees.</p>']
    columns = [_document(d, anchors[d.path], report.findings) for d in involved]
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>factcheck report: {len(report.conflicts)} conflicts</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>factcheck report</h1><p>{escape(report.summary())}</p></header>",
        "<main>",
        f'<section id="findings"><h2>Findings ({len(report.findings)})</h2>',
        *cards,
        "</section>",
    ]
    if columns:
        parts += ['<section id="sources"><h2>Sources</h2><div class="documents">', *columns, "</div></section>"]
    parts += ["</main></body></html>", ""]
    return "\n".join(parts)


def _card(n: int, f: Finding, docs: dict[str, Document], anchors: dict[str, str]) -> str:
    figures = []
    for fact in f.facts:
        doc = docs.get(fact.doc)
        text = doc.text if doc else ""
        line, col = fact.where({fact.doc: text} if doc else {})
        lo, hi = paragraph(text, fact.q.start, fact.q.end)
        lo = max(lo, doc.body_start if doc else 0)
        quote = (escape(text[lo:fact.q.start]) + f'<mark class="{f.severity}">{escape(fact.q.text)}</mark>'
                 + escape(text[fact.q.end:hi]))
        target = f"#{anchors.get(fact.doc, '')}-{fact.q.start}"
        figures.append(
            f'<figure class="source"><figcaption><a href="{escape(target)}">{escape(fact.doc)}:{line}:{col}</a>'
            f"{_byline(doc)}</figcaption><blockquote>{quote}</blockquote></figure>"
        )
    help_ = f'<p class="help">help: likely {escape(f.cause)}</p>' if f.cause and f.cause not in f.message else ""
    return (
        f'<article class="finding {f.severity}" id="finding-{n}">'
        f'<h3><span class="code">{f.code}</span> {escape(f.name)} '
        f'<span class="badge {f.severity}">{f.severity}</span></h3>'
        f'<p class="message">{escape(f.message)}</p>{help_}<div class="sources">{"".join(figures)}</div></article>'
    )


def _document(doc: Document, anchor: str, findings: tuple[Finding, ...]) -> str:
    # every span of this document that a finding names, with the findings that name it
    spans: dict[tuple[int, int], list[tuple[int, Finding]]] = {}
    for n, f in enumerate(findings, 1):
        for fact in f.facts:
            if fact.doc == doc.path:
                spans.setdefault((fact.q.start, fact.q.end), []).append((n, f))
    out, at = [], doc.body_start
    for (start, end), named in sorted(spans.items()):
        if start < at:
            continue  # overlaps a span already marked: one highlight is enough to find it
        n, first = named[0]
        worst = "error" if any(f.severity == "error" for _, f in named) else first.severity
        title = "; ".join(f"{f.code}: {f.message}" for _, f in named)
        out.append(escape(doc.text[at:start]))
        out.append(f'<mark class="{worst}" id="{anchor}-{start}" title="{escape(title)}">'
                   f'<a href="#finding-{n}">{escape(doc.text[start:end])}</a></mark>')
        at = end
    out.append(escape(doc.text[at:]))
    return (f'<article class="document" id="{anchor}"><h3>{escape(doc.path)}</h3>'
            f'<div class="meta">{_byline(doc).lstrip(" —")}</div>'
            f'<div class="text">{"".join(out).strip()}</div></article>')


def _byline(doc: Document | None) -> str:
    """`` — Title (Source, 2025-03-04)`` from the front matter, or nothing."""
    if doc is None:
        return ""
    title = doc.meta.get("title")
    extra = [str(doc.meta["source"])] if doc.meta.get("source") else []
    if isinstance(doc.published, dt.date):
        extra.append(doc.published.isoformat())
    words = (f"{title} " if title else "") + (f"({', '.join(extra)})" if extra else "")
    return f" — {escape(words.strip())}" if words.strip() else ""
