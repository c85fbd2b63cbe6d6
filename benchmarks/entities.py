"""Benchmark entity resolution on synthetic company names.

Generates ``--n`` distinct raw names deterministically, resolves them with
``factcheck.resolve.EntityResolver``, and prints throughput, the entity count and peak memory. Each name
is drawn from a base entity (coined words from syllables, sometimes with a shared leading word such as
"China" or "First" or a trailing sector word such as "Bank", which makes big blocks), then decorated the
way copy does: legal suffixes, possessives, case variants, a leading "The", and occasional one-letter
typos. Entity popularity follows a Zipf-like law, so popular names collect many variants.

Because the generator knows which entity each name came from, it also prints pairwise and B-cubed precision and
recall against that truth. Typos can land on another entity's spelling, and a one-letter change to a short
name is below any safe cutoff, so neither reaches 1.0 even for a perfect resolver.

Usage::

    python benchmarks/entities.py             # 1,000,000 names
    python benchmarks/entities.py --n 100000 --seed 7
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import sys
import time
from collections import Counter
from typing import Any

from factcheck.resolve import EntityResolver

SYLLABLES = (
    "al", "ar", "ba", "be", "bi", "ca", "co", "da", "de", "di", "do", "el", "en", "fa", "fi", "ga", "ge", "go",
    "ha", "he", "hi", "ka", "ki", "ko", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "na", "ne", "ni",
    "no", "nu", "on", "or", "pa", "pe", "pi", "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te",
    "ti", "to", "tu", "va", "ve", "vi", "vo", "xa", "ya", "yo", "za", "ze", "zo",
    "tek", "lin", "max", "gen", "tron", "zen", "dex", "qui", "ron", "ven", "lux", "nov", "sys", "cor", "tal", "vis",
)  # fmt: skip
LEADING = ("China", "First", "United", "Global", "National", "American", "Pacific", "New", "Royal", "General")
SECTOR = (
    "Bank", "Energy", "Capital", "Systems", "Pharma", "Motors", "Foods", "Technologies", "Logistics", "Media",
    "Cloud", "Health", "Music", "Airlines", "Insurance", "Securities", "Semiconductor", "Telecom", "Mining",
)  # fmt: skip
LEGAL = (
    "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Corporation", "Co.", "Group", "Holdings",
    "Holdings Ltd", "Group Holding Ltd", "plc", "PLC", "SA", "AG", "NV", "SE", "LLC", "GmbH", "S.p.A.",
)  # fmt: skip


def coined(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 3, 4)))).capitalize()


def base_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.60:
        return coined(rng)
    if roll < 0.85:
        return f"{coined(rng)} {rng.choice(SECTOR)}"
    if roll < 0.95:
        return f"{rng.choice(LEADING)} {coined(rng)}"
    return f"{rng.choice(LEADING)} {coined(rng)} {rng.choice(SECTOR)}"


def typo(rng: random.Random, name: str) -> str:
    """One deletion, insertion, substitution or transposition at a letter of the name."""
    positions = [i for i, ch in enumerate(name) if ch.isalpha()]
    i = rng.choice(positions)
    kind = rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if kind == 0 and len(positions) > 4:
        return name[:i] + name[i + 1 :]
    if kind == 1:
        return name[:i] + letter + name[i:]
    if kind == 2:
        return name[:i] + letter + name[i + 1 :]
    if i + 1 < len(name) and name[i + 1].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + letter + name[i + 1 :]


def variant(rng: random.Random, base: str) -> str:
    name = typo(rng, base) if rng.random() < 0.10 else base
    if rng.random() < 0.5:
        name = f"{name} {rng.choice(LEGAL)}"
    roll = rng.random()
    if roll < 0.10:
        name += "'s"
    elif roll < 0.15:
        name += "\u2019s"
    roll = rng.random()
    if roll < 0.08:
        name = name.upper()
    elif roll < 0.12:
        name = name.lower()
    if rng.random() < 0.02:
        name = "The " + name
    return name


def generate(n: int, seed: int) -> tuple[list[str], list[int]]:
    """``n`` distinct raw names and, for each, the index of the base entity it was drawn from."""
    rng = random.Random(seed)
    bases = list(dict.fromkeys(base_name(rng) for _ in range(max(1, n // 4))))
    # Zipf-like popularity: weight 1/rank, drawn in batches for speed
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(bases))]
    truth: dict[str, int] = {}
    while len(truth) < n:
        for entity in rng.choices(range(len(bases)), weights=weights, k=n):
            name = variant(rng, bases[entity])
            truth.setdefault(name, entity)
            if len(truth) == n:
                break
    return list(truth), list(truth.values())


def scores(predicted: list[str], truth: list[int]) -> dict[str, float]:
    """Pairwise and B-cubed precision and recall of a clustering, from the contingency counts.

    Pairwise scores count pairs of names, so they are dominated by the biggest clusters; B-cubed scores
    average over names (Bagga and Baldwin, 1998) and say how clean the typical name's cluster is.
    """

    def pairs(counts: Counter[Any]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    cells = Counter(zip(predicted, truth, strict=True))
    found, real = Counter(predicted), Counter(truth)
    both = pairs(cells)
    n = len(predicted)
    return {
        "pair precision": both / pairs(found) if pairs(found) else 1.0,
        "pair recall": both / pairs(real) if pairs(real) else 1.0,
        "B-cubed precision": sum(v * v / found[p] for (p, _), v in cells.items()) / n,
        "B-cubed recall": sum(v * v / real[t] for (_, t), v in cells.items()) / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="distinct raw names (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20240605)
    parser.add_argument("--cutoff", type=float, default=90)
    parser.add_argument("--max-block", type=int, default=5000)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    names, truth = generate(args.n, args.seed)
    generated = time.perf_counter() - start
    resolver = EntityResolver(cutoff=args.cutoff, max_block=args.max_block)

    start = time.perf_counter()
    mapping = resolver.resolve(names)
    elapsed = time.perf_counter() - start

    predicted = [mapping[name] for name in names]
    # ru_maxrss is KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024**2)
    print(f"names:              {len(names):,} distinct (generated in {generated:.1f} s, seed {args.seed})")
    print(f"resolve:            {elapsed:.2f} s, {len(names) / elapsed:,.0f} names/s")
    print(f"entities found:     {len(set(mapping.values())):,} (generator used {len(set(truth)):,})")
    for label, value in scores(predicted, truth).items():
        print(f"{label + ':':<20}{value:.4f}")
    print(f"peak memory:        {peak:,.0f} MiB (whole process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
