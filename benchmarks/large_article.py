"""One large article: is the whole check of a single long file linear in time, and bounded in memory?

The article is realistic news prose: the bodies of the generated corpus (``benchmarks/corpus.py``,
or any folder given with ``--corpus``) run one after another under a single front matter, with
their headings and paragraphs kept, until the size is reached. Each size is checked in a fresh
interpreter (``factcheck.check([path])``, what ``factcheck check FILE`` does), which reports its
time and its peak resident memory (``resource.getrusage``): a fresh process so the peak is the
check's own and not left over from building the text or from an earlier size.

The bar of the issue: 4 MB costs no more than 1.5 times per character what 1 MB does, and peaks
under 600 MB.

Usage::

    python benchmarks/large_article.py                         # 1 MB and 4 MB
    python benchmarks/large_article.py --sizes 1,4,16 --corpus /tmp/c10k
    python benchmarks/large_article.py --function extract      # factcheck.extract on the text only
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
BAR = 1.5
MEMORY_BAR_MB = 600

_CHILD = r"""
import json, resource, sys, time
import factcheck
path, function = sys.argv[1], sys.argv[2]
factcheck.check([{warm!r}])  # warm the caches and compiled patterns on a small article
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
if function == "check":
    report = factcheck.check([path])
    count = report.coverage["facts"]
else:
    count = len(factcheck.extract(open(path, encoding="utf-8").read()))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak_kb": peak, "base_kb": base, "count": count}}))
"""


def _bodies(corpus: Path) -> list[str]:
    """The body of each article of the folder (front matter dropped), in name order."""
    from factcheck.documents import parse_document

    bodies = []
    for path in sorted(corpus.glob("*.md")):
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        bodies.append(doc.text[doc.body_start :].strip() + "\n")
    return bodies


def build(size: int, corpus: Path) -> str:
    """One article of ``size`` characters: one front matter, then article bodies, blank-line apart."""
    bodies = _bodies(corpus)
    out = ["---\npublished: 2024-05-28\nsource: large\n---\n"]
    total = len(out[0])
    k = 0
    while total < size:
        piece = bodies[k % len(bodies)] + "\n"
        out.append(piece)
        total += len(piece)
        k += 1
    return "".join(out)[:size]


def measure(path: Path, function: str, warm: Path) -> dict[str, float]:
    code = _CHILD.format(warm=str(warm))
    done = subprocess.run([sys.executable, "-c", code, str(path), function], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _default_corpus() -> Path:
    generated = Path("/tmp/c10k")
    return generated if generated.is_dir() else ROOT / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="comma-separated sizes in MB; the first is the base")
    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles whose bodies make the text "
                        "(default /tmp/c10k if present, else seeds/)")
    parser.add_argument("--function", choices=("check", "extract"), default="check")
    args = parser.parse_args(argv)
    corpus = args.corpus or _default_corpus()
    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    print(f"factcheck.{args.function} of one article built from {corpus}; time and peak RSS of a fresh process\n")
    print("| size | time | CPU time | CPU µs/char | ratio to the first | facts | peak RSS | RSS after import |")
    print("|---|---|---|---|---|---|---|---|")
    ok = True
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.md"
        warm.write_text(build(4000, corpus), encoding="utf-8")
        for size in sizes:
            path = Path(tmp) / f"article-{size}.md"
            path.write_text(build(size, corpus), encoding="utf-8")
            r = measure(path, args.function, warm)
            per_char = r["cpu"] / size  # CPU time: the wall clock counts a busy machine's other processes
            first = first or per_char
            ratio = per_char / first
            peak_mb = r["peak_kb"] / 1024
            ok = ok and ratio <= BAR and peak_mb < MEMORY_BAR_MB
            print(f"| {size / MB:g} MB | {r['seconds']:.1f} s | {r['cpu']:.1f} s | {per_char * 1e6:.2f} | "
                  f"{ratio:.2f} | {int(r['count']):,} | {peak_mb:,.0f} MB | {r['base_kb'] / 1024:,.0f} MB |",
                  flush=True)
            path.unlink()
    print(f"\n{'within' if ok else 'over'} the bar: per-character ratio <= {BAR}, peak RSS < {MEMORY_BAR_MB} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
