"""Progress on a terminal: a bar over many files, a bar over a whole run, or a one-line status
while a long step runs.

All draw on standard error, only when it is a terminal, and erase themselves when done, so that
piped output and CI logs stay clean.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Fewer files than this finish before a progress bar would be read.
PROGRESS_MIN = 20
#: ... unless they are this large together (bytes): one 20 MB article takes minutes.
PROGRESS_BYTES = 1_000_000
_BAR = 24

#: What a long run reports as it goes: ``on_progress(phase, done, total)``, the phase one of
#: :data:`PHASES`. The pipeline calls it; :class:`Bar` draws it.
OnProgress = Callable[[str, int, int], None]
#: A run's phases, in order, with the part of the bar each fills and what it counts.
PHASES = {"reading": (0.0, 0.1, "files"), "extracting": (0.1, 0.9, "files"), "checking": (0.9, 1.0, "steps")}


class Bar:
    """One progress bar over a whole run (reading, extracting, checking), on standard error when it
    is a terminal and ``show`` is true; calls in between redraws less than 0.1 s apart are not
    drawn, the first and last of each phase always are. :meth:`close` erases it.

    ``checking 3/9 steps [######################..] 12s``
    """

    def __init__(self, *, show: bool = True) -> None:
        self.show = show and interactive()
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.show:
            return
        now = time.monotonic()
        if 0 < done < total and now - self.last < 0.1:
            return
        self.last = now
        lo, hi, unit = PHASES.get(phase, (0.0, 1.0, "steps"))
        filled = int(_BAR * (lo + (hi - lo) * (done / total if total else 1.0)))
        print(f"\r{phase} {done}/{total} {unit} [{'#' * filled}{'.' * (_BAR - filled)}] "
              f"{now - self.started:.0f}s\033[K", end="", file=sys.stderr, flush=True)
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            clear()
            self.drawn = False


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


def wants_colour(stream: object) -> bool:
    """Whether to colour what goes to ``stream``: never with ``NO_COLOR`` set (no-color.org), always
    with ``FORCE_COLOR`` set (a CI log that renders ANSI), else only on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def interactive() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def clear() -> None:
    print("\r\033[K", end="", file=sys.stderr, flush=True)
