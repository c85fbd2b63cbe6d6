"""Extraction across processes: each worker reads its files, extracts and attributes them, and
sends back compact facts; the texts never leave the worker.

The worker function is module-level and takes only picklable arguments (paths and plain
configuration), so the same function serves ``--jobs N`` here and the Dask adapter
(:mod:`factcheck.dask`).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from factcheck.attribute.metrics import MetricVocabulary
from factcheck.documents import read_document
from factcheck.errors import InputError
from factcheck.facts import Fact, document_facts, extract_document
from factcheck.group import Context
from factcheck.model import Document
from factcheck.rules import Rule, in_canonical_order

if TYPE_CHECKING:
    from factcheck._terminal import OnProgress
    from factcheck.findings import Finding

#: Files handed to a worker at a time: enough to amortise the hand-off, few enough to keep every
#: worker busy to the end.
CHUNK = 256
#: Below this many files starting worker processes costs more than it saves.
MIN_FOR_POOL = 2 * CHUNK

#: Below this many facts the rules run in this process: forking workers costs more than it saves.
MIN_FACTS_FOR_POOL = 5_000

MetricsConfig = tuple[tuple[str, tuple[str, ...]], ...]
_T = TypeVar("_T")
_R = TypeVar("_R")


def facts_of(path: str, metrics: MetricsConfig = ()) -> list[Fact]:
    """Read, extract and attribute one file: its facts, or an InputError raised for it."""
    doc = read_document(path)
    return document_facts(doc, extract_document(doc, vocabulary=_vocabulary(metrics)))


def facts_of_paths(paths: Sequence[str], metrics: MetricsConfig = ()) -> list[list[Fact]]:
    """:func:`facts_of` for a batch of files (one task of a worker or a partition)."""
    return [facts_of(p, metrics) for p in paths]


def facts_or_errors_of_paths(paths: Sequence[str], metrics: MetricsConfig = ()) -> list[list[Fact] | InputError]:
    """:func:`facts_of` for a batch, a file that cannot be read given as its error, not raised:
    one unreadable file must not lose the rest of its batch, nor stop the run."""
    out: list[list[Fact] | InputError] = []
    for path in paths:
        try:
            out.append(facts_of(path, metrics))
        except InputError as exc:
            out.append(exc)
    return out


def extract_facts_or_errors(paths: Sequence[str], *, jobs: int = 1,
                            metrics: Mapping[str, Sequence[str]] | None = None) -> Iterator[list[Fact] | InputError]:
    """The facts of each path, in the order given, extracted by ``jobs`` processes; a file that
    cannot be read yields its :class:`InputError` in its place."""
    frozen = _frozen(metrics)
    if jobs <= 1 or len(paths) < MIN_FOR_POOL:
        yield from facts_or_errors_of_paths(paths, frozen)
        return
    for batch in _shared_out(facts_or_errors_of_paths, _batches(paths, jobs), frozen, jobs):
        yield from batch


def extract_facts(paths: Sequence[str], *, jobs: int = 1, metrics: Mapping[str, Sequence[str]] | None = None,
                  ) -> Iterator[list[Fact]]:
    """The facts of each path, in the order given, extracted by ``jobs`` processes; the first file
    that cannot be read raises its :class:`InputError` (``factcheck index`` stores nothing partial)."""
    for facts in extract_facts_or_errors(paths, jobs=jobs, metrics=metrics):
        if isinstance(facts, InputError):
            raise facts
        yield facts


def _shared_out(work: Callable[[list[_T], MetricsConfig], _R], batches: list[list[_T]], metrics: MetricsConfig,
                jobs: int) -> Iterator[_R]:
    """``work`` on every batch, in batch order, by ``jobs - 1`` worker processes and this one.

    This process takes batches too, between keeping the workers supplied: with ``jobs`` cores
    busy extracting, only the workers' share of the facts is pickled and sent back, and nothing
    waits idle while the others work.
    """
    done: dict[int, _R] = {}
    queue = deque(range(len(batches)))
    running: dict[Future[_R], int] = {}
    ahead = 2 * (jobs - 1)  # batches queued per worker set: enough that none waits for this process
    emitted = 0
    with ProcessPoolExecutor(max_workers=jobs - 1) as pool:
        while queue or running:
            while queue and len(running) < ahead:
                i = queue.popleft()
                running[pool.submit(work, batches[i], metrics)] = i
            if queue:
                i = queue.popleft()
                done[i] = work(batches[i], metrics)
            else:
                wait(running, return_when=FIRST_COMPLETED)
            for future in [f for f in running if f.done()]:
                done[running.pop(future)] = future.result()
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1


def _frozen(metrics: Mapping[str, Sequence[str]] | None) -> MetricsConfig:
    """The metric phrases as a hashable, picklable value (workers cache a vocabulary per value)."""
    return tuple(sorted((k, tuple(v)) for k, v in (metrics or {}).items()))


def _batches(items: Sequence[_T], jobs: int) -> list[list[_T]]:
    """``items`` in batches of :data:`CHUNK`, the last ``jobs`` batches' worth cut eight times
    finer: workers then finish within a small batch of each other instead of a large one."""
    tail = max(0, len(items) - jobs * CHUNK)
    fine = max(1, CHUNK // 8)
    return ([list(items[i : min(i + CHUNK, tail)]) for i in range(0, tail, CHUNK)]
            + [list(items[i : i + fine]) for i in range(tail, len(items), fine)])


def facts_of_documents(docs: Sequence[Document], metrics: MetricsConfig = ()) -> list[list[Fact]]:
    """The facts of documents already read (the CLI keeps their texts for suppressions)."""
    vocabulary = _vocabulary(metrics)
    return [document_facts(d, extract_document(d, vocabulary=vocabulary)) for d in docs]


def extract_documents(docs: Sequence[Document], *, jobs: int = 1, metrics: Mapping[str, Sequence[str]] | None = None,
                      on_progress: OnProgress | None = None) -> list[list[Fact]]:
    """:func:`extract_facts` for documents in memory: the texts travel to the workers.
    ``on_progress("extracting", done, total)`` is called as documents are done."""
    frozen = _frozen(metrics)
    out: list[list[Fact]] = []
    if on_progress:
        on_progress("extracting", 0, len(docs))
    if jobs <= 1 or len(docs) < MIN_FOR_POOL:
        batches: Iterable[list[list[Fact]]] = (facts_of_documents([d], frozen) for d in docs)
    else:
        batches = _shared_out(facts_of_documents, _batches(docs, jobs), frozen, jobs)
    for batch in batches:
        out += batch
        if on_progress:
            on_progress("extracting", len(out), len(docs))
    return out


def run_rules(ctx: Context, rules: Sequence[Rule], *, jobs: int = 1,
              on_rule: Callable[[], None] | None = None) -> list[Finding]:
    """Every rule's findings on ``ctx``, the rules run by ``jobs`` processes; ``on_rule()`` is
    called as each rule is done (all at once when they ran in workers).

    The context is not sent to the workers: they are forked once it is built and read their
    parent's copy. Rules that look at one group at a time (``per_group``) are split further, each
    worker taking a share of the groups, so that the costliest rule does not hold up the run.
    Where processes cannot be forked (Windows, macOS by default) the rules run here.
    """
    if jobs <= 1 or len(ctx.facts) < MIN_FACTS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        found: list[Finding] = []
        for rule in rules:
            found += rule.check(ctx)
            if on_rule:
                on_rule()
        return found
    canonical = in_canonical_order(ctx)  # made once, before the fork, and inherited by every worker
    shares = _shares(canonical.groups, 4 * jobs)
    # whole rules first, then the shares of the per-group ones, small, to even out the end
    tasks: list[tuple[int, int | None]] = [(i, None) for i, rule in enumerate(rules) if not rule.per_group]
    tasks += [(i, share) for i, rule in enumerate(rules) if rule.per_group for share in range(len(shares))]
    global _SHARED
    _SHARED = (canonical, list(rules), shares)
    try:
        with warnings.catch_warnings():
            # a progress spinner's thread may be running; the workers never touch what it holds
            warnings.simplefilter("ignore", DeprecationWarning)
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                out = [finding for batch in pool.map(_run_task, tasks) for finding in batch]
        if on_rule:
            for _ in rules:
                on_rule()
        return out
    finally:
        _SHARED = None


#: What :func:`run_rules` hands to the workers it forks: the context, the rules, the shares.
_SHARED: tuple[Context, list[Rule], list[list[Any]]] | None = None


def _run_task(task: tuple[int, int | None]) -> list[Finding]:
    assert _SHARED is not None, "run_rules forks its workers after setting _SHARED"
    ctx, rules, shares = _SHARED
    index, share = task
    if share is not None:
        ctx = _with_groups(ctx, shares[share])
    return list(rules[index].check(ctx))


def _shares(groups: Mapping[Any, list[Fact]], n: int) -> list[list[Any]]:
    """The group keys dealt into ``n`` shares of about equal work (a group costs the square of its
    size: its statements are compared pairwise), each share in the groups' own order."""
    position = {key: i for i, key in enumerate(groups)}
    load = [0] * n
    dealt: list[list[Any]] = [[] for _ in range(n)]
    for key in sorted(groups, key=lambda k: (-len(groups[k]), position[k])):
        lightest = min(range(n), key=lambda i: (load[i], i))
        dealt[lightest].append(key)
        load[lightest] += len(groups[key]) ** 2
    return [sorted(keys, key=position.__getitem__) for keys in dealt if keys]


def _with_groups(ctx: Context, keys: Sequence[Any]) -> Context:
    """``ctx`` (already in canonical order) with only the groups named."""
    view = attrs.evolve(ctx, groups={key: ctx.groups[key] for key in keys})
    view.__dict__["_canonical_order"] = view
    return view


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@functools.lru_cache(maxsize=8)
def _vocabulary(metrics: MetricsConfig) -> MetricVocabulary:
    vocab = MetricVocabulary.default()
    return vocab.extend({k: list(v) for k, v in metrics}) if metrics else vocab


def flatten(batches: Iterable[list[Fact]]) -> list[Fact]:
    return [f for batch in batches for f in batch]
