"""Scope: the parts of an article that are prose, as Vale's ``SkippedScopes`` has it.

A figure inside code or a comment is not a claim the article makes to its readers: a fenced or
indented code block, an inline code span, an HTML comment (an editor's note, commented-out copy)
and the front matter are never shown as prose. :func:`prose` returns the text with those regions
blanked out: every character of them but line breaks becomes a space, so the text keeps its
length, every offset and every line and column, and the scanner and attribution read it in place
of the original (:func:`factcheck.facts.extract_document`). Everything else reads the original:
excerpts, fingerprints and the suppression comments (``<!-- factcheck: ... -->``), which are
comments and so blanked for the scanner but read from the text by :mod:`factcheck.report.suppressions`.

What counts is CommonMark's reading, simplified where it would only skip less:

- **front matter**: the YAML block at the top (in every file);
- **fenced code**: from a line of three or more backticks or tildes (up to three spaces in, or
  inside a block quote or a list item) to the closing fence of the same character and at least
  the same length, or to the end of the text when it is never closed;
- **indented code**: lines indented by four columns or more (a tab is four) that start after a
  blank line, a heading or other code, outside lists (a list item's indented paragraphs are prose,
  and so, to stay on the side of checking, is code indented inside one);
- **HTML comments**: ``<!-- ... -->``. One that starts a line may run over blank lines, to the end
  of the text when never closed; one inside a paragraph ends within it or is not a comment;
- **code spans**: a run of backticks to the next run of the same length in the same paragraph
  (a backslash escapes an opening backtick); an unmatched run is literal.

Tables and block quotes are prose (their code spans and comments are still skipped). A ``.txt``
file is not Markdown: only its front matter is skipped.

Finding the regions takes time linear in the text: one pass over the lines for the blocks, one
over each paragraph for the spans, and no search is repeated from the same place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from factcheck.model import Document

Kind = Literal["front-matter", "fenced-code", "indented-code", "comment", "code-span"]


@attrs.frozen
class Skipped:
    """A region that is not prose: ``text[start:end]``, and what it is."""

    start: int
    end: int
    kind: Kind


#: Files read as plain text: only their front matter is skipped.
PLAIN_SUFFIXES = (".txt",)

_QUOTE = re.compile(r"(?:[ ]{0,3}>[ ]?)*")
_FENCE = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
_TICKS = re.compile(r"`+")
_NOT_BREAK = re.compile(r"[^\r\n]+")


def is_markdown(path: str) -> bool:
    """Whether a document is read as Markdown: every file but ``.txt`` (and in-memory texts)."""
    return not path.lower().endswith(PLAIN_SUFFIXES)


def skipped(text: str, body_start: int = 0, *, markdown: bool = True) -> list[Skipped]:
    """The regions of ``text`` that are not prose, in order and not overlapping."""
    out = [Skipped(0, body_start, "front-matter")] if body_start > 0 else []
    if markdown:
        out.extend(_markdown(text, body_start))
    return out


def blank(text: str, regions: Sequence[Skipped]) -> str:
    """``text`` with every character of ``regions`` but ``\\n`` and ``\\r`` replaced by a space."""
    if not regions:
        return text
    parts, pos = [], 0
    for r in regions:
        parts.append(text[pos : r.start])
        parts.append(_NOT_BREAK.sub(lambda m: " " * len(m.group()), text[r.start : r.end]))
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def prose(doc: Document) -> str:
    """The document's text with what is not prose blanked out: same length, same line breaks.

    The text itself (the same object) when nothing is skipped beyond the front matter's absence."""
    return blank(doc.text, skipped(doc.text, doc.body_start, markdown=is_markdown(doc.path)))


# --- the Markdown regions -------------------------------------------------------------------------


def _indent(line: str) -> int:
    """The columns of leading whitespace, a tab advancing to the next multiple of four."""
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def _markdown(text: str, start: int) -> Iterator[Skipped]:
    """The blocks line by line; the spans of each paragraph (a run of prose lines) when it ends."""
    n = len(text)
    pos = start
    paragraph = -1  # where the current run of prose lines starts, or -1
    fence: tuple[str, int] | None = None  # the open fence's character and length
    fence_start = 0
    in_code = False  # inside an indented code block
    code_start = 0
    in_list = False
    code_may_start = True  # the previous line was blank, a heading or code (or there was none)
    while pos < n:
        eol = text.find("\n", pos)
        end = n if eol == -1 else eol
        nxt = n if eol == -1 else eol + 1
        line = text[pos:end]
        if fence is not None:
            rest = line[_quoted(line) :]
            body = rest.strip(" \t\r")
            if body and body[0] == fence[0] and len(body) >= fence[1] and body == body[0] * len(body):
                yield Skipped(fence_start, end, "fenced-code")
                fence = None
                code_may_start = True
            pos = nxt
            continue
        blank_line = not line.strip()
        indent = _indent(line)
        if in_code:
            if blank_line or indent >= 4:
                pos = nxt
                continue
            yield Skipped(code_start, _trim_end(text, code_start, pos), "indented-code")
            in_code = False
            code_may_start = False
        if blank_line:
            if paragraph >= 0:
                yield from _spans(text, paragraph, pos)
                paragraph = -1
            code_may_start = True
            pos = nxt
            continue
        if indent >= 4 and code_may_start and not in_list:
            if paragraph >= 0:
                yield from _spans(text, paragraph, pos)
                paragraph = -1
            in_code, code_start = True, pos
            pos = nxt
            continue
        quoted = _quoted(line)
        opener = _FENCE.fullmatch(line, quoted)
        if (opener is not None and (_indent(opener.group("indent")) <= 3 or in_list)
                and not (opener.group("fence")[0] == "`" and "`" in opener.group("info"))):
            if paragraph >= 0:
                yield from _spans(text, paragraph, pos)
                paragraph = -1
            fence = (opener.group("fence")[0], len(opener.group("fence")))
            fence_start = pos
            pos = nxt
            continue
        if indent < 2 and not _LIST_ITEM.match(line) and (code_may_start or _HEADING.match(line)):
            in_list = False  # a paragraph or heading at the margin after a blank line ends a list
        if _LIST_ITEM.match(line):
            in_list = True
        if indent <= 3 and line[indent:].startswith("<!--"):
            if paragraph >= 0:
                yield from _spans(text, paragraph, pos)
                paragraph = -1
            opened = pos + indent
            closed = text.find("-->", opened + 2)
            if closed == -1:
                yield Skipped(opened, n, "comment")
                return
            yield Skipped(opened, closed + 3, "comment")
            # what follows the comment on its last line is read as prose
            eol = text.find("\n", closed + 3)
            paragraph = closed + 3
            pos = n if eol == -1 else eol + 1
            if not text[closed + 3 : pos].strip():
                yield from _spans(text, paragraph, pos)
                paragraph = -1
            code_may_start = False
            continue
        if paragraph < 0:
            paragraph = pos
        code_may_start = bool(_HEADING.match(line))
        if code_may_start:  # a heading is a block of its own
            yield from _spans(text, paragraph, nxt)
            paragraph = -1
        pos = nxt
    if fence is not None:
        yield Skipped(fence_start, n, "fenced-code")
    elif in_code:
        yield Skipped(code_start, _trim_end(text, code_start, n), "indented-code")
    elif paragraph >= 0:
        yield from _spans(text, paragraph, n)


def _quoted(line: str) -> int:
    """Where a line's text starts after its block-quote markers (0 when it has none)."""
    m = _QUOTE.match(line)
    return m.end() if m else 0


def _trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace (an indented block's blank lines are not its own)."""
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _spans(text: str, start: int, end: int) -> Iterator[Skipped]:
    """The code spans and comments of the paragraph ``text[start:end]``, left to right.

    Linear: the backtick runs are found once, a closing run is looked for with one pointer per
    run length that only moves forward, and once a ``<!--`` has no ``-->`` after it in the
    paragraph no later one is looked up."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text, start, end)]
    by_length: dict[int, list[int]] = {}
    for k, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(k)
    pointer: dict[int, int] = {}
    k = 0  # the next backtick run to consider
    pos = start
    comment = text.find("<!--", pos, end)
    closable = True
    while True:
        while k < len(runs) and runs[k][0] < pos:
            k += 1
        if comment != -1 and comment < pos:
            comment = text.find("<!--", pos, end)
        tick = runs[k][0] if k < len(runs) else -1
        if tick == -1 and (comment == -1 or not closable):
            return
        if tick != -1 and (comment == -1 or not closable or tick < comment):
            a, b = runs[k]
            if _escaped(text, a, start):
                a += 1
            length = b - a
            closer = _next_run(by_length.get(length, ()), pointer, length, k) if length else None
            if closer is None:
                pos = b  # no closing run: the backticks are literal
                k += 1
                continue
            yield Skipped(a, runs[closer][1], "code-span")
            pos = runs[closer][1]
            continue
        closed = text.find("-->", comment + 2, end)
        if closed == -1:
            closable = False  # no comment opened from here on closes within the paragraph
            continue
        yield Skipped(comment, closed + 3, "comment")
        pos = closed + 3


def _next_run(indexes: Sequence[int], pointer: dict[int, int], length: int, after: int) -> int | None:
    """The first run of ``length`` backticks after run ``after``; the pointer only moves forward."""
    i = pointer.get(length, 0)
    while i < len(indexes) and indexes[i] <= after:
        i += 1
    pointer[length] = i
    return indexes[i] if i < len(indexes) else None


def _escaped(text: str, at: int, start: int) -> bool:
    """Whether the character at ``at`` follows an odd number of backslashes."""
    i = at
    while i > start and text[i - 1] == "\\":
        i -= 1
    return (at - i) % 2 == 1
