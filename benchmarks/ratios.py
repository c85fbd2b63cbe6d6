"""The archive-scale ratios, measured together in one run: machines are noisy, ratios taken side by
side are comparable.

1. Extraction against quantulum3 on the same text: the seed articles, one call per article each.
   quantulum3's ``parser.parse`` reads values and units; so does factcheck's scanner
   (``factcheck.extract.scan``: value, unit, bound, kind, interval), the like-for-like figure.
   ``factcheck.extract`` adds attribution (entity, metric, period), which quantulum3 does not do,
   and is shown beside it.
2. ``factcheck check CORPUS --jobs 2`` against ``--jobs 1`` end to end through the command line
   (reading, extraction, entities, rules, the JSON report) on the 10k-document corpus. The runs
   alternate, ``--rounds`` of each; the best of each is compared, and every round's ratio is shown.
3. Cost per document at 100k documents against 1k (``--jobs`` as given, default all cores).
4. Peak memory of the 100k run: the largest resident set of the command or any of its worker
   processes (``ru_maxrss`` from ``wait4``).

Corpora come from ``benchmarks/corpus.py`` and are cached under ``--workdir``; generating the 100k
one takes a few minutes the first time.

Usage::

    python benchmarks/ratios.py                      # all four (about eight minutes)
    python benchmarks/ratios.py --large 10000        # a quicker look: 1k against 10k
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import extraction  # noqa: E402

import factcheck  # noqa: E402
from factcheck.extract import scan  # noqa: E402

FACTCHECK = [sys.executable, "-m", "factcheck.cli"]


def timed_run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one command (with its worker processes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.strip()}")
    return seconds, usage.ru_maxrss / 1024


def check_corpus(root: Path, jobs: int) -> tuple[float, float]:
    return timed_run([*FACTCHECK, "check", str(root), "--jobs", str(jobs), "--format", "json"])


def corpus_at(workdir: Path, size: int) -> tuple[Path, int, float]:
    root, _ = corpus.cached(workdir, size)
    paths = list(root.glob("*.md"))
    return root, len(paths), sum(p.stat().st_size for p in paths) / 1e6


def quantulum_ratio(repeats: int) -> dict[str, float] | None:
    q3 = extraction.quantulum3_parse()
    if q3 is None:
        return None
    articles = extraction.seed_list(extraction.SEEDS)
    chars = sum(map(len, articles))
    factcheck.extract(articles[0][:2000])
    extraction.per_line(q3, articles[0][:2000])
    theirs = extraction.median_time(lambda: [extraction.per_line(q3, a.replace("\n", " ")) for a in articles], repeats)
    ours = extraction.median_time(lambda: [factcheck.extract(a) for a in articles], repeats)
    scanner = extraction.median_time(lambda: [scan(a) for a in articles], repeats)
    return {"quantulum3_chars_per_s": round(chars / theirs),
            "scan_chars_per_s": round(chars / scanner), "scan_ratio": round(theirs / scanner, 1),
            "extract_chars_per_s": round(chars / ours), "extract_ratio": round(theirs / ours, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-bench"))
    ap.add_argument("--small", type=int, default=1000, help="documents in the small corpus (default: %(default)s)")
    ap.add_argument("--middle", type=int, default=10000, help="documents for --jobs 1 against 2 (default: %(default)s)")
    ap.add_argument("--large", type=int, default=100000, help="documents in the large corpus (default: %(default)s)")
    ap.add_argument("--jobs", type=int, default=0, help="processes for the size runs (default: all cores)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of --jobs 1 and 2 (default: 3)")
    ap.add_argument("--repeats", type=int, default=3, help="runs of the extraction comparison (median kept)")
    args = ap.parse_args(argv)
    from factcheck.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    out: dict[str, object] = {"cores": default_jobs(), "python": sys.version.split()[0],
                              "factcheck": factcheck.__version__}

    q3 = quantulum_ratio(args.repeats)
    out["extraction_vs_quantulum3"] = q3 if q3 is not None else "quantulum3 not installed (pip install -e .[bench])"
    print(json.dumps({"extraction_vs_quantulum3": out["extraction_vs_quantulum3"]}), flush=True)

    root, docs, mb = corpus_at(args.workdir, args.middle)
    check_corpus(root, 1)  # the first run warms the page cache for both
    one, two, rounds = [], [], []
    for _ in range(args.rounds):
        one.append(check_corpus(root, 1)[0])
        two.append(check_corpus(root, 2)[0])
        rounds.append(round(one[-1] / two[-1], 2))
    out["jobs_2_vs_1"] = {"docs": docs, "mb": round(mb, 1), "jobs_1_s": [round(s, 2) for s in one],
                          "jobs_2_s": [round(s, 2) for s in two], "round_ratios": rounds,
                          "ratio_of_best": round(min(one) / min(two), 2),
                          "jobs_2_docs_per_s": round(docs / min(two), 1), "jobs_2_mb_per_s": round(mb / min(two), 2)}
    print(json.dumps({"jobs_2_vs_1": out["jobs_2_vs_1"]}), flush=True)

    sizes = {}
    for size in (args.small, args.large):
        root, docs, mb = corpus_at(args.workdir, size)
        if size == args.small:
            check_corpus(root, jobs)  # warm the page cache
        seconds, peak = check_corpus(root, jobs)
        sizes[size] = {"docs": docs, "mb": round(mb, 1), "seconds": round(seconds, 2),
                       "docs_per_s": round(docs / seconds, 1), "mb_per_s": round(mb / seconds, 2),
                       "ms_per_doc": round(1000 * seconds / docs, 3), "peak_mb": round(peak, 1)}
        print(json.dumps({f"size_{size}": sizes[size]}), flush=True)
    small, large = sizes[args.small], sizes[args.large]
    out["sizes"] = sizes
    out["cost_per_doc_large_vs_small"] = round(large["ms_per_doc"] / small["ms_per_doc"], 2)  # type: ignore[operator]
    out["peak_mb_large"] = large["peak_mb"]
    summary = {k: out[k] for k in ("cores", "cost_per_doc_large_vs_small", "peak_mb_large")}
    summary |= {"scan_vs_quantulum3": q3 and q3["scan_ratio"], "extract_vs_quantulum3": q3 and q3["extract_ratio"],
                "jobs_2_vs_1": out["jobs_2_vs_1"]["ratio_of_best"]}  # type: ignore[index]
    print(json.dumps({"summary": summary}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
