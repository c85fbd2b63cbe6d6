"""The Dask path gives the single-process findings, byte for byte, on a LocalCluster."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import factcheck

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


def _generate(root: Path, docs: int) -> None:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, docs, seed=11, conflict_rate=0.2)


def test_local_cluster_equals_single_process(tmp_path: Path) -> None:
    """Findings from a 2-worker LocalCluster serialise to the same JSON as factcheck.check's."""
    from factcheck.dask import check as dask_check

    _generate(tmp_path, 150)
    single = factcheck.check([tmp_path])
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        spread = dask_check([tmp_path], client=client)
    assert single.conflicts, "the corpus has injected conflicts to find"
    assert json.dumps(single.to_dict()["findings"]) == json.dumps(spread.to_dict()["findings"])
