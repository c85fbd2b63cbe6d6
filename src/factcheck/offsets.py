"""Where a span is, as people and tools count: lines, columns, excerpts, paragraphs and paths.

Offsets are ``str`` indexes into the whole decoded file, front matter included (the contract's);
lines and columns are 1-based and count code points, so they agree with what an editor shows.
Every stage and format that turns an offset into a place calls this module, so that a finding
is placed the same way in every format and on every path through the pipeline.

>>> line_col("first\\nsecond", 8)
(2, 3)
>>> excerpt("Revenue rose to $5bn in 2024.", 16, 20)
'Revenue rose to «$5bn» in 2024.'
"""

from __future__ import annotations

import bisect
import os
import re
from pathlib import PurePath

import attrs


@attrs.frozen
class Region:
    """A span as lines and columns: ``start_line:start_col`` to ``end_line:end_col`` (end exclusive)."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def region(text: str, start: int, end: int) -> Region:
    """The lines and columns of ``text[start:end]``."""
    return Region(*line_col(text, start), *line_col(text, end))


def excerpt(text: str, start: int, end: int, reach: int = 60, lines: Lines | None = None) -> str:
    """The line around a span, cut to ``reach`` characters either side, the span marked «like this».

    ``lines`` (the text's :class:`Lines`) finds the line by bisection: on one long line holding
    many figures, scanning back for each is quadratic.
    """
    if lines is not None:
        left, right = lines.start(start), lines.end(end)
    else:
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        right = len(text) if right < 0 else right
    lo, hi = max(left, start - reach), min(right, end + reach)
    snippet = text[lo:start] + "«" + text[start:end] + "»" + text[end:hi]
    return ("…" if lo > left else "") + snippet.strip() + ("…" if hi < right else "")


class Lines:
    """Where each line of a text starts, found once: a document's figures look up their line
    number and line bounds by bisection, not by scanning back (on one long line, a scan per
    figure is quadratic).

    >>> Lines("ab\\ncd").number(3), Lines("ab\\ncd").start(4), Lines("ab\\ncd").end(0)
    (2, 3, 2)
    """

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.length = len(text)

    def number(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def start(self, offset: int) -> int:
        """Where the line of ``offset`` starts."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def end(self, offset: int) -> int:
        """Where the line of ``offset`` ends (its line break, or the end of the text)."""
        i = bisect.bisect_right(self.starts, offset)
        return self.starts[i] - 1 if i < len(self.starts) else self.length

    def line_col(self, offset: int) -> tuple[int, int]:
        """:func:`line_col` by bisection."""
        return self.number(offset), offset - self.start(offset) + 1


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The block (lines up to a blank line either side) that holds ``text[start:end]``."""
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    return lo, len(text) if hi < 0 else hi


def relative(path: str, root: str | os.PathLike[str] | None = None) -> str:
    """``path`` relative to ``root`` (default: the working directory), with ``/`` separators.

    Paths outside ``root`` keep their ``..`` steps; paths on another drive stay absolute.
    """
    base = os.path.abspath(root if root is not None else os.getcwd())
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive on Windows: no relative path exists
        rel = full
    return PurePath(rel).as_posix()
