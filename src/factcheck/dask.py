"""Checking on Dask: extraction spread over a cluster, the same findings as a single process.

Workers read their own files (paths are shipped, never texts), extract and attribute them with
the same module-level function that ``--jobs`` uses, and return compact facts. Entity resolution
runs on the distinct names only, then facts are grouped by what they claim and checked; the
report is byte for byte the one :func:`factcheck.check` gives on the same files.

    from dask.distributed import Client, LocalCluster
    from factcheck.dask import check
    with Client(LocalCluster(n_workers=4)) as client:
        report = check(["archive/"], client=client)

Needs the ``dask`` extra (``pip install factcheck[dask]``). The same pattern on Spark is described
in ``docs/scale.md``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from factcheck.check import build_context
from factcheck.config import Config
from factcheck.documents import iter_paths
from factcheck.parallel import MetricsConfig, facts_of_paths
from factcheck.reference import ReferenceFact, load_reference
from factcheck.report import Report
from factcheck.rules import iter_rules


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
    flat = _flatten(batches)
    known = reference if not isinstance(reference, (str, os.PathLike)) else load_reference(reference)
    ctx = build_context([], facts=flat, reference=known or (), aliases=config.alias_table())
    findings = sorted((f for rule in iter_rules(select, ignore) for f in rule.check(ctx)), key=lambda f: f.sort_key())
    coverage = {"documents": len(paths), "facts": len(ctx.facts),
                "checked": sum(len(g) for g in ctx.groups.values() if len(g) > 1)}
    return Report(tuple(findings), (), coverage)


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
