"""Checking on Dask: extraction spread over a cluster, the same findings as a single process.

Workers read their own files (paths are shipped, never texts), extract and attribute them with
the same module-level function that ``--jobs`` uses, and return compact facts. Entity resolution
runs on the distinct names only, then facts are grouped by what they claim and checked; the
report is byte for byte the one :func:`factcheck.check` gives on the same files.

    from dask.distributed import Client, LocalCluster
    from factcheck.dask import check
    with Client(LocalCluster(n_workers=4)) as client:
        report = check(["archive/"], client=client)

Needs the ``dask`` extra (``pip install 'factcheck-news[dask]'``). The same pattern on Spark is described
in ``docs/scale.md``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from factcheck.config import Config
from factcheck.documents import iter_paths
from factcheck.parallel import MetricsConfig, facts_of_paths
from factcheck.pipeline import judge
from factcheck.reference import ReferenceFact
from factcheck.report import Report


def check(
    sources: Sequence[str | os.PathLike[str]],
    *,
    client: Any = None,
    partitions: int | None = None,
    reference: str | os.PathLike[str] | Sequence[ReferenceFact] | None = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Report:
    """:func:`factcheck.check` with extraction on a Dask cluster (``client``, or the default scheduler)."""
    import dask.bag as db

    config = config or Config()
    paths = list(iter_paths(sources))
    metrics: MetricsConfig = tuple(sorted((k, tuple(v)) for k, v in config.metrics.items()))
    count = partitions or max(1, min(len(paths), 8 * _workers(client)))
    bag = db.from_sequence(paths, npartitions=count).map_partitions(lambda part: facts_of_paths(list(part), metrics))
    batches = bag.compute() if client is None else client.compute(bag.to_delayed(), sync=True)
    return judge(_flatten(batches), (), documents=len(paths), reference=reference, config=config, select=select,
                 ignore=ignore)


def _workers(client: Any) -> int:
    if client is None:
        return os.cpu_count() or 1
    return max(1, len(client.scheduler_info().get("workers", {})))


def _flatten(batches: Any) -> list[Any]:
    """Partitions come back as lists of per-file lists (or lists of those, from delayed parts)."""
    out: list[Any] = []
    for part in batches:
        for item in part:
            if isinstance(item, list):
                out.extend(item)
            else:
                out.append(item)
    return out
