"""A draft checked against an indexed archive: how long, and the same findings as checking it with
the archive's files directly?

    python benchmarks/archive.py [--docs 100000] [--drafts 5] [--jobs 2]

Holds out ``--drafts`` articles that carry an injected conflict, indexes the rest of the generated
corpus into a fresh SQLite archive, checks every file together once, then checks each draft with
``--against`` and compares its conflicts with those that touch it in the direct check.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import factcheck
from factcheck.findings import Finding
from factcheck.pipeline import check_against, index


def _pair(f: Finding) -> tuple[str, frozenset[tuple[str, int]]]:
    return f.code, frozenset((Path(x.doc).name, x.q.start) for x in f.facts[:2])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--drafts", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-bench"))
    args = ap.parse_args(argv)
    root, answers = corpus.cached(args.workdir, args.docs)
    conflicted = [root / e["conflict"]["file"] for e in answers["events"] if e["conflict"]]
    drafts = conflicted[:: max(1, len(conflicted) // args.drafts)][: args.drafts]
    db = str(args.workdir / f"archive-{args.docs}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    archive = [str(p) for p in sorted(root.glob("*.md")) if p not in drafts]
    start = time.perf_counter()
    counts = index(archive, db, jobs=args.jobs)
    print(f"index: {counts} in {time.perf_counter() - start:.1f}s", flush=True)
    start = time.perf_counter()
    direct = factcheck.check([root], jobs=args.jobs)
    print(f"direct check of all {len(archive) + len(drafts)} files: {time.perf_counter() - start:.1f}s, "
          f"{len(direct.conflicts)} conflicts", flush=True)
    same = True
    for draft in drafts:
        start = time.perf_counter()
        report = check_against([str(draft)], db)
        took = time.perf_counter() - start
        mine = {_pair(f) for f in report.conflicts}
        theirs = {_pair(f) for f in direct.conflicts if any(x.doc == str(draft) for x in f.facts)}
        same &= mine == theirs
        print(f"draft {draft.name}: --against {took * 1000:.0f} ms, {len(mine)} conflict(s), "
              f"same as direct: {mine == theirs}", flush=True)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
