"""Benchmark extraction throughput against quantulum3 on the seed articles.

Builds texts of about 24 KB, 96 KB, 384 KB and 1 MB by repeating the bodies of the seed articles
(front matter stripped) and times, median of ``--repeats`` runs with ``time.perf_counter``:

* ``factcheck.extract`` called once on the whole text of each size (the full pipeline, attribution
  included), and the scanner alone (``factcheck.extract.scan``) for comparison;
* quantulum3's ``parser.parse`` on the same text in two ways: one call per article, the way a
  user hands it a document (the rate the issue quotes, about 0.02 MB/s), and one call per line,
  its fastest mode (a single call is quadratic in its input). It is slow, so it runs only up to
  ``--q3-max`` characters (96 KB by default), and is skipped if quantulum3 is not installed.

It prints characters per second at each size, the ratio factcheck / quantulum3, and the cost per
character at the largest size relative to the smallest (about 1.0 when extraction is linear).

Usage::

    python benchmarks/extraction.py
    python benchmarks/extraction.py --q3-max 384000 --repeats 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import factcheck
from factcheck.documents import parse_document
from factcheck.extract import scan

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZES = (24_000, 96_000, 384_000, 1_000_000)


def seed_bodies(directory: Path) -> str:
    """The seed articles' bodies, front matter stripped, separated by blank lines."""
    return "\n\n".join(seed_list(directory)) + "\n\n"


def seed_list(directory: Path) -> list[str]:
    bodies = []
    for path in sorted(directory.glob("*.md")):
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        bodies.append(doc.text[doc.body_start :].strip())
    if not bodies:
        sys.exit(f"no seed articles (*.md) in {directory}")
    return bodies


def build(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters, cut at a line end so no line is broken."""
    text = unit * (size // len(unit) + 1)
    cut = text.rfind("\n", 0, size + 1)
    return text[: cut + 1 if cut > 0 else size]


def median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quantulum3_parse() -> Callable[[str], object] | None:
    """quantulum3's parser.parse, or None when it is not installed (or will not load)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as exc:  # ImportError, or a broken optional dependency of quantulum3
        print(f"quantulum3 not available ({type(exc).__name__}: {exc}); skipping it", file=sys.stderr)
        return None
    return parser.parse


def per_line(parse: Callable[[str], object], text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for line in text.splitlines():
            if line.strip():
                parse(line)


def rate(size: int, seconds: float | None) -> str:
    return "-" if seconds is None else f"{size / seconds:,.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="directory of seed articles (default: %(default)s)")
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="CHARS",
                    help="text sizes in characters (default: 24 KB, 96 KB, 384 KB, 1 MB)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement; the median is kept")
    ap.add_argument("--q3-max", type=int, default=96_000, metavar="CHARS",
                    help="largest size to run quantulum3 on (default: %(default)s); 0 skips it")
    args = ap.parse_args(argv)

    unit = seed_bodies(args.seeds)
    q3 = quantulum3_parse() if args.q3_max > 0 else None
    factcheck.extract(unit[:2000])  # warm up: imports, compiled patterns, lexicons
    scan(unit[:2000])
    if q3 is not None:
        per_line(q3, unit[:2000])

    print(f"seed text: {len(unit):,} characters from {args.seeds}; median of {args.repeats} runs")
    if q3 is not None:
        articles = seed_list(args.seeds)
        chars = sum(map(len, articles))
        per_article = median_time(lambda: [per_line(q3, a.replace("\n", " ")) for a in articles], args.repeats)
        fc_articles = median_time(lambda: [factcheck.extract(a) for a in articles], args.repeats)
        print(f"one call per article: quantulum3 {rate(chars, per_article)} ch/s, factcheck {rate(chars, fc_articles)}"
              f" ch/s, ratio {per_article / fc_articles:.1f}x")
    header = f"{'size':>10}  {'factcheck ch/s':>15}  {'scan only ch/s':>15}  {'q3 per line ch/s':>16}  {'ratio':>7}"
    print(header)
    print("-" * len(header))
    costs: dict[int, float] = {}
    for target in args.sizes:
        text = build(unit, target)
        size = len(text)
        fc = median_time(lambda text=text: factcheck.extract(text), args.repeats)
        sc = median_time(lambda text=text: scan(text), args.repeats)
        qt = None
        if q3 is not None and target <= args.q3_max:
            qt = median_time(lambda text=text: per_line(q3, text), args.repeats)
        costs[size] = fc / size
        ratio = "-" if qt is None else f"{qt / fc:.1f}x"
        print(f"{size:>10,}  {rate(size, fc):>15}  {rate(size, sc):>15}  {rate(size, qt):>16}  {ratio:>7}", flush=True)
    if len(costs) > 1:
        small, large = min(costs), max(costs)
        print(f"factcheck cost per character at {large:,} chars relative to {small:,}: "
              f"{costs[large] / costs[small]:.2f} (1.00 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
