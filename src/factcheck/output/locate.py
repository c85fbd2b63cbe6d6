"""Where a span is, as people and tools count: lines, columns, excerpts and sentences.

Offsets are ``str`` indexes into the whole decoded file, front matter included (the contract's);
lines and columns are 1-based and count code points, so they agree with what an editor shows.
"""

from __future__ import annotations

import os
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


def excerpt(text: str, start: int, end: int, reach: int = 60) -> str:
    """The line around a span, cut to ``reach`` characters either side, the span marked «like this»."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    lo, hi = max(left, start - reach), min(right, end + reach)
    snippet = text[lo:start] + "«" + text[start:end] + "»" + text[end:hi]
    return ("…" if lo > left else "") + snippet.strip() + ("…" if hi < right else "")


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
