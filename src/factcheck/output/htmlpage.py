"""The ``html`` format: one self-contained page (no script, no external file).

Each finding is a card with its message and, side by side, the paragraph of every source with
the figure highlighted. The figure the finding flags (its first fact: the one the message says
disagrees) is marked apart from the figures it was compared with: a solid box and a "flagged"
label against a dashed underline and a "compared" label, explained by a legend, so that colour
is never the only sign. Below, the documents involved are shown whole, side by side, with every
conflicting figure highlighted and linked to its finding; each card links to the figures in the
documents, so a reader can go back and forth. The findings a suppression or the baseline set
aside are listed in collapsed sections, each with the reason it was set aside.

Sources are shown as text, not as Markdown source: the lines of a paragraph are joined, HTML
comments (``<!-- factcheck: ... -->`` among them) are hidden, and emphasis, link and heading
markup give way to their text. Each rule code links to its section of the rules' documentation
(:data:`RULES_URL`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from factcheck.findings import Finding
from factcheck.model import Document
from factcheck.offsets import paragraph
from factcheck.scope import is_markdown, skipped

if TYPE_CHECKING:
    from factcheck.report import Report

#: Where a rule code links to: the rules' documentation, with ``#fc201-value-mismatch`` appended.
#: Relative, so it resolves when the page sits at the root of a checkout of factcheck (or of a
#: site that serves its ``docs/``); ``render_html(report, rules_url=...)`` and
#: ``Report.to_html(rules_url=...)`` point it elsewhere.
RULES_URL = "docs/rules.md"

_CSS = """
:root { --error: #c62828; --error-bg: #ffcdd2; --warning: #ef6c00; --warning-bg: #ffe0b2;
        --info: #1565c0; --info-bg: #bbdefb; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
        --peer-bg: #eaeef2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: #f6f8fa; overflow-wrap: anywhere; }
header { background: #24292f; color: #fff; padding: 16px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #d1d9e0; }
main { padding: 16px 24px; max-width: 100%; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.legend { font-size: 13px; color: var(--muted); margin: 0 0 8px; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--warning);
           border-radius: 6px; padding: 12px 16px; margin: 12px 0; min-width: 0; }
.finding.error { border-left-color: var(--error); }
.finding.info { border-left-color: var(--info); }
.finding:target, mark:target { outline: 3px solid #0969da; }
.finding h3 { margin: 0 0 4px; font-size: 15px; }
.code { font-family: ui-monospace, monospace; }
a.code { color: #0969da; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; color: #fff; background: var(--warning); }
.badge.error { background: var(--error); } .badge.info { background: var(--info); }
.message { margin: 4px 0; } .help { margin: 4px 0; color: var(--muted); }
.reason { margin: 4px 0; } .reason b { font-weight: 600; }
.sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; margin-top: 8px; }
.source { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; background: #fbfcfd;
          min-width: 0; }
.source.odd { border: 2px solid var(--ink); }
.source figcaption { font-size: 13px; color: var(--muted); margin-bottom: 4px; }
.source blockquote { margin: 0; }
.source blockquote p, .document .text p { margin: 0 0 8px; }
.role { font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 4px; margin-right: 6px;
        border: 1px solid var(--muted); color: var(--ink); background: #fff; white-space: nowrap; }
.role.odd { background: var(--ink); color: #fff; border-color: var(--ink); }
mark { padding: 0 2px; border-radius: 3px; color: inherit; }
mark.odd { background: var(--warning-bg); border: 2px solid var(--warning); font-weight: 600; }
mark.odd.error { background: var(--error-bg); border-color: var(--error); }
mark.odd.info { background: var(--info-bg); border-color: var(--info); }
mark.peer { background: var(--peer-bg); border-bottom: 2px dashed var(--muted); }
mark a { color: inherit; text-decoration: none; }
.documents { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 12px;
             align-items: start; }
.document { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; min-width: 0; }
.document h3 { margin: 0; font-size: 15px; } .document .meta { font-size: 13px; color: var(--muted); }
.document .text { font-size: 14px; } .text p.heading, blockquote p.heading { font-weight: 600; }
details { margin: 12px 0; } summary { cursor: pointer; } summary h2 { display: inline; }
details .finding { border-left-color: var(--line); }
.clean { background: #dafbe1; border: 1px solid #4ac26b; border-radius: 6px; padding: 12px 16px; }
"""

_LEGEND = ('<p class="legend">On each card, <span class="role odd">flagged</span><mark class="odd error">figure</mark> '
           "is the figure the finding says disagrees, and <span class=\"role peer\">compared</span>"
           '<mark class="peer">figure</mark> the figures it was checked against. '
           "A rule code links to the rule's documentation.</p>")


def render_html(report: Report, *, rules_url: str = RULES_URL) -> str:
    docs = {d.path: d for d in report.documents}
    texts = report.texts
    named = {fact.doc for f in report.findings for fact in f.facts}
    named |= {doc for f in report.findings for doc, _, _ in _agreeing(f)}
    involved = [d for d in report.documents if d.path in named]
    anchors = {d.path: f"doc-{n}" for n, d in enumerate(involved, 1)}
    cards = [_card(n, f, docs, texts, anchors, rules_url) for n, f in enumerate(report.findings, 1)]
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
        _LEGEND if report.findings else "",
        *cards,
        "</section>",
    ]
    reasons = report.suppression_reasons
    parts += _set_aside("suppressed", "Suppressed", report.suppressed, texts, rules_url,
                        lambda f: reasons.get(f, "suppressed"))
    parts += _set_aside("baselined", "In the baseline", report.baselined, texts, rules_url,
                        lambda f: "accepted in the baseline (factcheck baseline write)")
    if columns:
        parts += ['<section id="sources"><h2>Sources</h2><div class="documents">', *columns, "</div></section>"]
    parts += ["</main></body></html>", ""]
    return "\n".join(parts)


def rule_anchor(code: str, name: str) -> str:
    """``fc201-value-mismatch``: the anchor of the rule's heading (``## FC201 value-mismatch``) in
    docs/rules.md, as GitHub and mkdocs make it."""
    return re.sub(r"[^a-z0-9-]", "", f"{code} {name}".lower().replace(" ", "-"))


def _heading(f: Finding, rules_url: str) -> str:
    return (f'<h3><a class="code" href="{escape(rules_url)}#{rule_anchor(f.code, f.name)}" '
            f'title="the documentation of {escape(f.code)}">{escape(f.code)}</a> {escape(f.name)} '
            f'<span class="badge {f.severity}">{f.severity}</span></h3>')


def _card(n: int, f: Finding, docs: dict[str, Document], texts: Mapping[str, str], anchors: dict[str, str],
          rules_url: str) -> str:
    figures = []
    for i, fact in enumerate(f.facts):
        doc = docs.get(fact.doc)
        text = doc.text if doc else ""
        line, col = fact.where(texts)
        role = "odd" if i == 0 else "peer"
        if doc is not None:
            lo, hi = paragraph(text, fact.q.start, fact.q.end)
            lo = max(lo, doc.body_start)
            quote = _prose(doc, lo, hi, [(fact.q.start, fact.q.end, f'<mark class="{role} {f.severity}">', "</mark>")])
        else:  # the run kept no text: the figure as its fact recorded it
            quote = f'<p><mark class="{role} {f.severity}">{escape(fact.q.text)}</mark></p>'
        label = "flagged" if i == 0 else "compared"
        target = f"#{anchors.get(fact.doc, '')}-{fact.q.start}"
        figures.append(
            f'<figure class="source {role}"><figcaption><span class="role {role}">{label}</span>'
            f'<a href="{escape(target)}">{escape(fact.doc)}:{line}:{col}</a>'
            f"{_byline(doc)}</figcaption><blockquote>{quote}</blockquote></figure>"
        )
    help_ = f'<p class="help">help: likely {escape(f.cause)}</p>' if f.cause and f.cause not in f.message else ""
    return (
        f'<article class="finding {f.severity}" id="finding-{n}">{_heading(f, rules_url)}'
        f'<p class="message">{escape(f.message)}</p>{help_}<div class="sources">{"".join(figures)}</div></article>'
    )


def _set_aside(key: str, title: str, findings: Sequence[Finding], texts: Mapping[str, str], rules_url: str,
               reason: Callable[[Finding], str]) -> list[str]:
    """A collapsed section listing findings that were set aside, each with why."""
    if not findings:
        return []
    items = []
    for f in findings:
        places = "; ".join(
            f"{escape(fact.doc)}:{fact.where(texts)[0]} "
            f"<mark class=\"{'odd ' + f.severity if i == 0 else 'peer'}\">{escape(fact.q.text)}</mark>"
            for i, fact in enumerate(f.facts))
        items.append(f'<article class="finding {f.severity}">{_heading(f, rules_url)}'
                     f'<p class="reason"><b>Reason:</b> {escape(reason(f))}</p>'
                     f'<p class="message">{escape(f.message)}</p><p class="help">{places}</p></article>')
    return [f'<details id="{key}"><summary><h2>{title} ({len(findings)})</h2></summary>', *items, "</details>"]


def _agreeing(f: Finding) -> list[tuple[str, int, int]]:
    """Where the statements a finding lists as agreeing with the figure it trusts are (its computed
    ``agreeing``): document, start and end."""
    listed = f.computed.get("agreeing")
    if not isinstance(listed, list):
        return []
    return [(str(s["doc"]), s["start"], s["end"]) for s in listed
            if isinstance(s, dict) and "doc" in s and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)]


def _document(doc: Document, anchor: str, findings: tuple[Finding, ...]) -> str:
    # every span of this document that a finding names, with the findings that name it
    spans: dict[tuple[int, int], list[tuple[int, int, Finding]]] = {}
    for n, f in enumerate(findings, 1):
        for i, fact in enumerate(f.facts):
            if fact.doc == doc.path:
                spans.setdefault((fact.q.start, fact.q.end), []).append((n, i, f))
        for path, start, end in _agreeing(f):
            if path == doc.path:  # another source agreeing with the compared figure: compared, not flagged
                spans.setdefault((start, end), []).append((n, len(f.facts), f))
    marks: list[tuple[int, int, str, str]] = []
    at = doc.body_start
    for (start, end), named in sorted(spans.items()):
        if start < at:
            continue  # overlaps a span already marked: one highlight is enough to find it
        n, _, first = named[0]
        worst = "error" if any(f.severity == "error" for _, _, f in named) else first.severity
        role = "odd" if any(i == 0 for _, i, _ in named) else "peer"
        title = "; ".join(f"{f.code}: {f.message}" for _, _, f in named)
        marks.append((start, end, f'<mark class="{role} {worst}" id="{anchor}-{start}" title="{escape(title)}">'
                      f'<a href="#finding-{n}">', "</a></mark>"))
        at = end
    return (f'<article class="document" id="{anchor}"><h3>{escape(doc.path)}</h3>'
            f'<div class="meta">{_byline(doc).lstrip(" —")}</div>'
            f'<div class="text">{_prose(doc, doc.body_start, len(doc.text), marks)}</div></article>')


# --- Markdown shown as text -----------------------------------------------------------------------

_HEADING = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]+|$)", re.MULTILINE)
_QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)+", re.MULTILINE)
_OWN_LINE = re.compile(r"[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])[ \t]|[ \t]*\|")  # list items and table rows
_LINK = re.compile(r"(!?\[)[^\]\n]*(\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\))")
_STRONG = re.compile(r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])(\*)(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![\w*])"
                       r"|(?<![\w_])(_)(?=[^\s_])[^_\n]+?(?<=[^\s_])_(?![\w_])")


def _hidden(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    """The character ranges of ``doc.text[lo:hi]`` that are markup, not text: HTML comments,
    heading and quote markers, the brackets and address of a link, emphasis markers."""
    text = doc.text
    out = [(r.start, r.end) for r in skipped(text, doc.body_start, markdown=is_markdown(doc.path))
           if r.kind == "comment" and r.end > lo and r.start < hi]
    if not is_markdown(doc.path):
        return out
    for pattern in (_HEADING, _QUOTE):
        out += [m.span() for m in pattern.finditer(text, lo, hi) if m.end() > m.start()]
    for m in _LINK.finditer(text, lo, hi):
        out += [m.span(1), m.span(2)]
    for pattern in (_STRONG, _EMPHASIS):
        for m in pattern.finditer(text, lo, hi):
            size = len(m.group(1) or m.group(2) or "")
            out += [(m.start(), m.start() + size), (m.end() - size, m.end())]
    return out


def _prose(doc: Document, lo: int, hi: int, marks: Sequence[tuple[int, int, str, str]]) -> str:
    """``doc.text[lo:hi]`` as paragraphs of text (see the module's docstring), with each mark's
    opening and closing HTML around ``text[start:end]``. A mark is never hidden: a comment that
    a finding names (FC901) is shown."""
    text = doc.text
    hidden = sorted(r for r in _hidden(doc, lo, hi)
                    if not any(r[0] < end and start < r[1] for start, end, _, _ in marks))
    merged: list[list[int]] = []
    for start, end in hidden:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [r[0] for r in merged]
    headings = {m.start() for m in _HEADING.finditer(text, lo, hi)} if is_markdown(doc.path) else set()
    marks = sorted(marks)
    cuts: dict[int, list[str]] = {}
    for start, end, opening, closing in marks:
        cuts.setdefault(start, []).append(opening)
        cuts.setdefault(end, []).insert(0, closing)
    points = sorted(cuts)

    def visible(a: int, b: int) -> str:
        """The escaped text of [a, b) without the hidden ranges."""
        out, k = [], max(0, bisect.bisect_right(starts, a) - 1)
        while a < b:
            if k < len(merged) and merged[k][1] <= a:
                k += 1
                continue
            if k < len(merged) and merged[k][0] <= a:
                a = merged[k][1]
                continue
            stop = min(b, merged[k][0]) if k < len(merged) else b
            out.append(escape(text[a:stop]))
            a = stop
        return "".join(out)

    def render(a: int, b: int) -> str:
        """[a, b] with the marks' HTML at their places (a mark's end at b included)."""
        out = []
        i = bisect.bisect_left(points, a)
        while i < len(points) and points[i] <= b:
            p = points[i]
            out.append(visible(a, p))
            out.extend(cuts[p])
            a, i = p, i + 1
        out.append(visible(a, b))
        return "".join(out)

    blocks: list[tuple[str, list[str]]] = []  # (class, lines of HTML)
    current: list[str] | None = None
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        html = render(pos, end).strip()
        plain = visible(pos, end).strip()
        if not plain and "<mark" not in html:
            current = None  # a blank line, or one of markup only: the paragraph ends
        elif pos in headings:
            blocks.append(("heading", [html]))
            current = None
        else:
            if current is None:
                current = []
                blocks.append(("", current))
            elif _OWN_LINE.match(text, pos):
                current.append("<br>")
            current.append(html)
        pos = end + 1
    out = []
    for kind, lines in blocks:
        body = " ".join(lines).replace(" <br> ", "<br>")
        out.append(f'<p{" class=" + chr(34) + kind + chr(34) if kind else ""}>{body}</p>')
    return "".join(out)


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
