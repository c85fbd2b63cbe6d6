"""The pipeline, top to bottom, and the one path every way of running takes through it.

    read -> extract -> attribute -> facts      per document (factcheck.facts), in this process
                                               or in workers (factcheck.parallel, factcheck.dask)
    -> group -> link -> rules                  over every fact of the run (factcheck.group,
                                               factcheck.link, factcheck.rules)
    -> report -> output                        (factcheck.report, factcheck.output)

In memory, streamed, in parallel, against an archive or on Dask: the runs differ only in where the
facts come from. Each hands its facts to :func:`judge`, which groups them, runs the rules and makes
the report, so that every way of running gives the same findings in the same order.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence

import attrs

from factcheck._terminal import OnProgress
from factcheck.config import Config, load_config
from factcheck.documents import iter_paths, parse_document, read_document, read_documents
from factcheck.errors import InputError, UsageError
from factcheck.facts import Fact, document_facts, extract_document
from factcheck.fx import FxError
from factcheck.group import build_context
from factcheck.model import Document, Quantities
from factcheck.parallel import (
    MIN_FOR_POOL,
    extract_documents,
    extract_facts,
    extract_facts_or_errors,
    flatten,
    run_rules,
)
from factcheck.reference import ReferenceFact, load_reference
from factcheck.report import Report, Unreadable
from factcheck.rules import iter_rules
from factcheck.rules.FC501 import ConversionMismatch, unchecked
from factcheck.store import Store, digest, extractor_fingerprint

Sources = Sequence[str | os.PathLike[str] | Document]
Known = str | os.PathLike[str] | Sequence[ReferenceFact] | None


def extract(
    text: str | os.PathLike[str], *, published: dt.date | None = None,
    config: Config | str | os.PathLike[str] | None = None,
) -> Quantities:
    """Every quantity in ``text``; front matter, if present, is read for the publication date.

    ``text`` is the text itself; a :class:`pathlib.Path` is read as the article at that path.
    ``config`` (a :class:`~factcheck.config.Config` or the path of a configuration file) adds the
    project's metric phrases. The result is a ``list`` that a notebook shows as a table.
    """
    if isinstance(text, os.PathLike):
        doc = read_document(text)
    elif isinstance(text, str):
        doc = parse_document(text)
    else:
        raise UsageError(f"extract() takes the text (a str) or the path of an article (a pathlib.Path), "
                         f"not {type(text).__name__}")
    if published is not None:
        if not isinstance(published, dt.date):
            raise UsageError(f"published must be a datetime.date, not {type(published).__name__}")
        doc = Document(doc.path, doc.text, doc.body_start, doc.meta, published)
    if isinstance(config, (str, os.PathLike)):
        config = load_config(config)
    elif config is not None and not isinstance(config, Config):
        raise UsageError(f"config must be a Config or the path of a configuration file, not {type(config).__name__}")
    return Quantities(extract_document(doc, vocabulary=None if config is None else config.vocabulary()))


def check(
    sources: Sources,
    *,
    reference: Known = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int = 1,
    on_progress: OnProgress | None = None,
) -> Report:
    """Check sources (paths, directories or documents) against each other and the reference facts.

    Files are read, extracted and attributed by ``jobs`` processes. With 512 files or more they are
    streamed: each is reduced to compact facts and its text is not kept (``Report.documents`` is
    then empty, and the report places and quotes each figure as its fact recorded it).

    A file that cannot be read (not UTF-8, permission denied, gone, bad front matter) does not stop
    the run: it is in ``Report.unreadable`` (FC001) and every other file is checked. A path that
    does not exist when the sources are listed is still an :class:`InputError`.

    ``on_progress(phase, done, total)`` is called as the run goes: ``"extracting"`` once a file
    (streamed, a file is read as it is extracted), then ``"checking"`` once a step (grouping,
    then each rule). ``factcheck check`` draws it as a bar (:class:`factcheck._terminal.Bar`).
    """
    config = config or Config()
    docs, streamed, unreadable = _read(sources)
    if streamed:
        facts: list[Fact] = []
        if on_progress:
            on_progress("extracting", 0, len(streamed))
        for n, result in enumerate(extract_facts_or_errors(streamed, jobs=jobs, metrics=config.metrics), 1):
            if isinstance(result, InputError):
                unreadable.append(Unreadable.of(result))
            else:
                facts.extend(result)
            if on_progress:
                on_progress("extracting", n, len(streamed))
        report = judge(facts, (), documents=len(streamed) - len(unreadable), reference=reference, config=config,
                       select=select, ignore=ignore, jobs=jobs, on_progress=on_progress)
    else:
        facts = flatten(extract_documents(docs, jobs=jobs, metrics=config.metrics, on_progress=on_progress))
        report = judge(facts, docs, documents=len(docs), reference=reference, config=config, select=select,
                       ignore=ignore, jobs=jobs, on_progress=on_progress)
    return attrs.evolve(report, unreadable=tuple(unreadable)) if unreadable else report


def check_against(
    sources: Sources,
    store: str | os.PathLike[str],
    *,
    reference: Known = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Report:
    """Check drafts against an indexed archive: the archive's facts about the drafts' entities
    (found through the entity index, not a scan) are checked with the drafts' own; only findings
    that involve a draft are reported."""
    config = config or Config()
    docs = [s if isinstance(s, Document) else d for s in sources
            for d in ([s] if isinstance(s, Document) else read_documents([s]))]
    vocabulary = config.vocabulary()
    draft = [f for doc in docs for f in document_facts(doc, extract_document(doc, vocabulary=vocabulary))]
    drafts = {d.path for d in docs} | {os.path.abspath(d.path) for d in docs}
    with Store(store, aliases=config.alias_table(), extractor=extractor_fingerprint(config.metrics)) as archive:
        archive.require_current()
        entities = {f.entity_name for f in draft if f.entity_name}
        metrics = {f.q.metric for f in draft if f.q.metric}
        archived = [f for f in archive.facts_about(entities, metrics)
                    if f.doc not in drafts and os.path.abspath(f.doc) not in drafts]
    return judge(draft + archived, docs, documents=len(docs), reference=reference, config=config, select=select,
                 ignore=ignore, involving=drafts, coverage={"facts": len(draft), "archive_facts": len(archived)})


def judge(
    facts: Sequence[Fact],
    docs: Sequence[Document],
    *,
    documents: int,
    reference: Known = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int = 1,
    involving: Iterable[str] | None = None,
    coverage: Mapping[str, int] | None = None,
    on_progress: OnProgress | None = None,
) -> Report:
    """group -> link -> rules -> report: the tail that every way of running shares.

    ``facts`` are every source's facts (from :func:`factcheck.facts.document_facts`), ``docs`` the
    documents whose texts the run kept, ``documents`` how many were read. With ``involving`` (paths),
    only findings with a fact in one of them are kept. ``on_progress("checking", done, total)`` is
    called once grouping is done and once each rule is.
    """
    config = config or Config()
    known = reference if not isinstance(reference, (str, os.PathLike)) else load_reference(reference)
    rules = list(iter_rules(select, ignore))
    steps = [0]

    def step() -> None:
        steps[0] += 1
        if on_progress:
            on_progress("checking", steps[0], len(rules) + 1)

    if on_progress:
        on_progress("checking", 0, len(rules) + 1)
    ctx = build_context(docs, facts=facts, reference=known or (), aliases=config.alias_table(),  # group
                        fx=config.fx_table())
    step()
    findings = run_rules(ctx, rules, jobs=jobs, on_rule=step)  # link and rules
    unconverted = unchecked(ctx) if any(r.code == ConversionMismatch.code for r in rules) else []
    if involving is not None:
        wanted = set(involving)
        findings = [f for f in findings if any(x.doc in wanted for x in f.facts)]
        unconverted = [(fact, why) for fact, why in unconverted if fact.doc in wanted]
    counts = {"documents": documents, "facts": len(ctx.facts), **(coverage or {}),
              "checked": sum(len(g) for g in ctx.groups.values() if len(g) > 1)}
    notes: tuple[str, ...] = ()
    if ConversionMismatch.code in {r.code for r in rules}:
        counts["conversions_unchecked"] = len(unconverted)
        notes = _unchecked_note(unconverted, {d.path: d.text for d in docs})
    return Report(tuple(sorted(findings, key=lambda f: f.sort_key())), tuple(docs), counts,  # report
                  notes=notes)


def _unchecked_note(unconverted: Sequence[tuple[Fact, FxError]], texts: Mapping[str, str]) -> tuple[str, ...]:
    """One sentence for the conversions FC501 had no rate for: how many, the first one's place
    and reason, and how to give newer rates. Nothing when there are none."""
    if not unconverted:
        return ()
    fact, why = min(unconverted, key=lambda item: (item[0].doc, item[0].q.start))
    line, col = fact.where(texts)
    n = len(unconverted)
    return (f"{n} conversion{'s' if n != 1 else ''} not checked (FC501){', e.g.' if n != 1 else ':'} "
            f"{fact.doc}:{line}:{col} {fact.q.text!r}: {why.problem}; give newer or other rates with "
            "`--rates FILE` or the `rates` setting.",)


def index(
    sources: Sequence[str | os.PathLike[str]], store: str | os.PathLike[str], *, config: Config | None = None,
    jobs: int = 1,
) -> dict[str, int]:
    """Extract every article under ``sources`` into the archive at ``store``, skipping files whose
    content is unchanged; articles no longer present are dropped. Returns the counts."""
    config = config or Config()
    paths = list(iter_paths(sources))
    with Store(store, aliases=config.alias_table(), extractor=extractor_fingerprint(config.metrics)) as archive:
        digests = {p: digest(p) for p in paths}
        todo = [p for p in paths if not archive.unchanged(p, digests[p])]
        for n, (path, facts) in enumerate(zip(todo, extract_facts(todo, jobs=jobs, metrics=config.metrics),
                                                  strict=True), 1):
            published = facts[0].published if facts else read_document(path).published
            archive.put(path, digests[path], published, facts)
            if n % 500 == 0:
                archive.commit()  # durable in batches: an interrupted run keeps what it finished
        archive.commit()
        removed = archive.forget_missing(paths) if not any(os.path.isfile(s) for s in sources) else 0
        if not archive.outdated or all(os.path.isdir(s) for s in sources):
            archive.mark_current()  # every stored fact is current, or was extracted again (the rest removed)
        docs, facts_total = archive.count()
    return {"indexed": len(todo), "unchanged": len(paths) - len(todo), "removed": removed, "documents": docs,
            "facts": facts_total}


def _read(sources: Sources) -> tuple[list[Document], list[str], list[Unreadable]]:
    """The documents to check in memory, or (for many files named by path) the paths to stream,
    and the files that could not be read (the run goes on without them)."""
    if not any(isinstance(s, Document) for s in sources):
        paths = list(iter_paths(sources))  # type: ignore[arg-type]
        if len(paths) >= MIN_FOR_POOL:
            return [], paths, []
        read, bad = read_all(paths)
        return read, [], bad
    docs: list[Document] = []
    unreadable: list[Unreadable] = []
    for source in sources:
        if isinstance(source, Document):
            docs.append(source)
        else:
            read, bad = read_all(iter_paths([source]))
            docs += read
            unreadable += bad
    return docs, [], unreadable


def read_all(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Document], list[Unreadable]]:
    """Every file that can be read, and for each one that cannot (not UTF-8, permission denied,
    gone, bad front matter) its :class:`Unreadable`: the others are still checked (ruff's E902)."""
    docs: list[Document] = []
    unreadable: list[Unreadable] = []
    for path in paths:
        try:
            docs.append(read_document(path))
        except InputError as exc:
            unreadable.append(Unreadable.of(exc))
    return docs, unreadable
