"""Progress on a terminal: a bar over many files, or a one-line status while a long step runs.

Both draw on standard error, only when it is a terminal, and erase themselves when done, so that
piped output and CI logs stay clean.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Fewer files than this finish before a progress bar would be read.
PROGRESS_MIN = 20
_BAR = 24


def progress(items: Sequence[T], label: str) -> Iterator[T]:
    """Yield items, drawing a progress bar on standard error when it is a terminal and there are many."""
    show = len(items) >= PROGRESS_MIN and interactive()
    for i, item in enumerate(items, 1):
        if show and (i % 5 == 0 or i == len(items)):
            done = _BAR * i // len(items)
            print(f"\r{label} [{'#' * done}{'.' * (_BAR - done)}] {i}/{len(items)} files",
                  end="", file=sys.stderr, flush=True)
        yield item
    if show:
        clear()


@contextlib.contextmanager
def status(message: str | None) -> Iterator[None]:
    """A one-line status on a terminal while a long step runs, erased when it is done."""
    show = message is not None and interactive()
    if show:
        print(f"\r{message}", end="", file=sys.stderr, flush=True)
    try:
        yield
    finally:
        if show:
            clear()


def interactive() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def clear() -> None:
    print("\r\033[K", end="", file=sys.stderr, flush=True)
