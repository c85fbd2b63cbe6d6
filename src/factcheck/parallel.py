"""Extraction across processes: each worker reads its files, extracts and attributes them, and
sends back compact facts; the texts never leave the worker.

The worker function is module-level and takes only picklable arguments (paths and plain
configuration), so the same function serves ``--jobs N`` here and the Dask adapter
(:mod:`factcheck.dask`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor

from factcheck.check import document_facts
from factcheck.documents import read_document
from factcheck.facts import Fact
from factcheck.model import Document

#: Files handed to a worker at a time: enough to amortise the hand-off, few enough to keep every
#: worker busy to the end.
CHUNK = 256
#: Below this many files starting worker processes costs more than it saves.
MIN_FOR_POOL = 2 * CHUNK

MetricsConfig = tuple[tuple[str, tuple[str, ...]], ...]


def facts_of(path: str, metrics: MetricsConfig = ()) -> list[Fact]:
    """Read, extract and attribute one file: its facts, or an InputError raised for it."""
    from factcheck.pipeline import extract_document

    doc = read_document(path)
    return document_facts(doc, extract_document(doc, vocabulary=_vocabulary(metrics)))


def facts_of_paths(paths: Sequence[str], metrics: MetricsConfig = ()) -> list[list[Fact]]:
    """:func:`facts_of` for a batch of files (one task of a worker or a partition)."""
    return [facts_of(p, metrics) for p in paths]


def extract_facts(paths: Sequence[str], *, jobs: int = 1, metrics: Mapping[str, Sequence[str]] | None = None,
                  ) -> Iterator[list[Fact]]:
    """The facts of each path, in the order given, extracted by ``jobs`` processes."""
    frozen: MetricsConfig = tuple(sorted((k, tuple(v)) for k, v in (metrics or {}).items()))
    if jobs <= 1 or len(paths) < MIN_FOR_POOL:
        for path in paths:
            yield facts_of(path, frozen)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        batches = [list(paths[i : i + CHUNK]) for i in range(0, len(paths), CHUNK)]
        for batch in pool.map(facts_of_paths, batches, [frozen] * len(batches)):
            yield from batch


def facts_of_documents(docs: Sequence[Document], metrics: MetricsConfig = ()) -> list[list[Fact]]:
    """The facts of documents already read (the CLI keeps their texts for suppressions)."""
    from factcheck.pipeline import extract_document

    vocabulary = _vocabulary(metrics)
    return [document_facts(d, extract_document(d, vocabulary=vocabulary)) for d in docs]  # type: ignore[arg-type]


def extract_documents(docs: Sequence[Document], *, jobs: int = 1, metrics: Mapping[str, Sequence[str]] | None = None,
                      ) -> list[list[Fact]]:
    """:func:`extract_facts` for documents in memory: the texts travel to the workers."""
    frozen: MetricsConfig = tuple(sorted((k, tuple(v)) for k, v in (metrics or {}).items()))
    if jobs <= 1 or len(docs) < MIN_FOR_POOL:
        return facts_of_documents(docs, frozen)
    batches = [list(docs[i : i + CHUNK]) for i in range(0, len(docs), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [facts for batch in pool.map(facts_of_documents, batches, [frozen] * len(batches)) for facts in batch]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@functools.lru_cache(maxsize=8)
def _vocabulary(metrics: MetricsConfig) -> object:
    from factcheck.attribute.metrics import MetricVocabulary

    vocab = MetricVocabulary.default()
    return vocab.extend({k: list(v) for k, v in metrics}) if metrics else vocab


def flatten(batches: Iterable[list[Fact]]) -> list[Fact]:
    return [f for batch in batches for f in batch]
