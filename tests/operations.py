"""Counting work instead of timing it, for the tests that say a cost grows linearly.

A ratio of seconds flakes on a busy machine; the number of function calls a run makes does not:
it is the same on every machine and every run. ``calls`` counts every Python function and every
built-in (regex searches, ``str`` methods) called, so a loop that visits every earlier number for
each number, or a pattern tried again and again over the same text, shows as a count per character
that grows with the size. What a single call costs inside the C regex engine (a pattern scanning
far ahead of each position) is not counted here: ``benchmarks/adversarial.py`` times that, on the
same inputs, with the issue's bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

#: The size factor between the two runs compared.
FACTOR = 4
#: Calls per character at FACTOR times the size over calls per character at the size. Linear work
#: gives about 1.0 (less when a fixed setup is shared by fewer characters); a quadratic loop gives
#: about FACTOR. The counts are exact, so the bar can be tight.
BAR = 1.2


def calls(fn: Callable[[], object]) -> int:
    """The number of Python functions and built-ins ``fn()`` calls (``fn`` itself excluded)."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(previous)
    return count - 1  # fn's own call


def call_ratio(fn: Callable[[str], object], make: Callable[[int], str], small: int) -> float:
    """Calls per character on ``make(FACTOR * small)`` over calls per character on ``make(small)``.

    ``fn`` runs once on a short text first, so that compiling patterns and filling caches is not
    counted at the first size only."""
    small_text, large_text = make(small), make(FACTOR * small)
    fn(small_text[: max(1, small // 10)])
    per_char = [calls(lambda t=t: fn(t)) / len(t) for t in (small_text, large_text)]
    return per_char[1] / max(per_char[0], 1e-9)
