"""Does the Dask run give the single-process run's findings, byte for byte, on a generated corpus?

    python benchmarks/dask_equal.py [--docs 10000] [--workers 2]

Checks the corpus (``benchmarks/corpus.py``, cached under ``--workdir``) with ``factcheck.check``
and with ``factcheck.dask.check`` on a ``LocalCluster``, renders both as JSON and compares the
bytes. Needs the ``dask`` extra.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import factcheck
from factcheck.output import render


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-bench"))
    args = ap.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    from factcheck.dask import check as dask_check

    root, _ = corpus.cached(args.workdir, args.docs)
    start = time.perf_counter()
    single = render(factcheck.check([root]), "json")
    single_s = time.perf_counter() - start
    with Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)) as client:
        start = time.perf_counter()
        distributed = render(dask_check([root], client=client), "json")
        dask_s = time.perf_counter() - start
    print(json.dumps({"docs": args.docs, "identical": single == distributed,
                      "findings": len(json.loads(single)["findings"]), "bytes": len(single),
                      "single_s": round(single_s, 1), "dask_s": round(dask_s, 1)}))
    return 0 if single == distributed else 1


if __name__ == "__main__":
    raise SystemExit(main())
