"""A plain random-mutation fuzzer, for when atheris is not installed and for the bounded CI run.

It is not coverage-guided: each run takes a seed, applies one to eight random mutations (bit
flips, inserted bytes or dictionary tokens, deleted, repeated or spliced slices, truncation,
random unicode) and hands the result to the target. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable, Sequence

import attrs

#: Inputs are kept under this size so one run stays quick.
MAX_LEN = 64_000


class Crash(Exception):
    """The target failed on ``data``; ``details`` is its traceback."""

    def __init__(self, data: bytes, details: str) -> None:
        super().__init__(f"crash on {len(data)} bytes: {data[:300]!r}\n{details}")
        self.data = data
        self.details = details


@attrs.frozen
class Stats:
    runs: int
    seconds: float


def mutate(data: bytes, rng: random.Random, seeds: Sequence[bytes], tokens: Sequence[bytes]) -> bytes:
    """``data`` with one to eight random mutations."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(9)
        at = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # insert random bytes
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op in (2, 3) and tokens:  # insert a dictionary token
            buf[at:at] = rng.choice(tokens)
        elif op == 4 and buf:  # delete a slice
            del buf[at : at + rng.randint(1, 64)]
        elif op == 5 and buf:  # repeat a slice, up to a few hundred times
            piece = bytes(buf[at : at + rng.randint(1, 32)])
            buf[at:at] = piece * rng.choice((2, 3, 10, 100, 500))
        elif op == 6 and seeds:  # splice in a slice of another seed
            other = rng.choice(seeds)
            i = rng.randint(0, len(other))
            buf[at:at] = other[i : i + rng.randint(1, 400)]
        elif op == 7:  # a random character, anywhere in unicode (surrogates as their UTF-8 lookalikes)
            buf[at:at] = chr(rng.randrange(0x110000)).encode("utf-8", "surrogatepass")
        elif op == 8 and buf:  # truncate
            del buf[rng.randint(0, len(buf)) :]
    return bytes(buf[:MAX_LEN])


def fuzz(
    target: Callable[[bytes], None],
    seeds: Sequence[bytes],
    *,
    tokens: Sequence[bytes] = (),
    max_runs: int | None = None,
    max_seconds: float = 10.0,
    seed: int = 0,
) -> Stats:
    """Run ``target`` on every seed, then on mutations of them until a limit; raise :class:`Crash`."""
    rng = random.Random(seed)
    start = time.monotonic()
    runs = 0

    def attempt(data: bytes) -> None:
        nonlocal runs
        runs += 1
        try:
            target(data)
        except Exception:  # everything the target lets out is a crash: it handles the expected errors
            raise Crash(data, traceback.format_exc()) from None

    for data in seeds:
        attempt(data)
    pool = list(seeds) or [b""]
    while time.monotonic() - start < max_seconds and (max_runs is None or runs < max_runs):
        attempt(mutate(rng.choice(pool), rng, pool, tokens))
    return Stats(runs, time.monotonic() - start)
