"""End-to-end runs on generated corpora: speed, memory, and accuracy on injected conflicts.

    python benchmarks/scale.py --docs 1000 10000 100000 [--jobs 2]

For each size it generates a corpus (benchmarks/corpus.py, cached under --workdir), runs
``factcheck.check`` over it, and reports documents/s, MB/s, peak memory (ru_maxrss of the
process tree), recall of the injected conflicts (a conflict finding that touches the wrong
figure) and the false-alarm rate (events without an injected conflict one of whose figures a
conflict finding blames: its first fact, the odd one out).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import factcheck


def score(report: factcheck.Report, answers: dict, root: Path) -> tuple[float, float, int, int]:
    """Recall of injected conflicts and the false-alarm rate over clean events."""
    # an injected conflict is found when a finding shows its figure (blamed or as the other side of
    # a two-source disagreement); a clean event is falsely alarmed when a finding blames one of its
    # figures (the first fact of a finding is the odd one out, the rest the evidence against it)
    touched: dict[str, list[tuple[int, int]]] = {}
    blamed: set[str] = set()
    for finding in report.conflicts:
        blamed.add(Path(finding.facts[0].doc).name)
        for fact in finding.facts:
            touched.setdefault(Path(fact.doc).name, []).append((fact.q.start, fact.q.end))
    found = injected = alarms = clean = 0
    for event in answers["events"]:
        if event["conflict"]:
            injected += 1
            s, e = event["conflict"]["span"]
            found += any(a < e and s < b for a, b in touched.get(event["conflict"]["file"], []))
        else:
            clean += 1
            alarms += any(name in blamed for name in event["files"])
    return found / max(injected, 1), alarms / max(clean, 1), injected, clean


def run(size: int, workdir: Path, jobs: int) -> dict:
    root, answers = corpus.cached(workdir, size)
    paths = sorted(root.glob("*.md"))
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    start = time.perf_counter()
    report = factcheck.check([root], jobs=jobs) if jobs > 1 else factcheck.check([root])
    seconds = time.perf_counter() - start
    recall, false_alarms, injected, clean = score(report, answers, root)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"docs": len(paths), "seconds": round(seconds, 2), "docs_per_s": round(len(paths) / seconds, 1),
            "mb_per_s": round(megabytes / seconds, 3), "ms_per_doc": round(1000 * seconds / len(paths), 3),
            "peak_mb": round(peak / 1024, 1), "recall": round(recall, 4), "false_alarms": round(false_alarms, 4),
            "injected": injected, "clean_events": clean}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-bench"))
    args = ap.parse_args(argv)
    for size in args.docs:
        print(json.dumps(run(size, args.workdir, args.jobs)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
