"""The pipeline, top to bottom: extract -> attribute -> resolve -> cluster -> check -> report.

Each stage is a pure function of the one before it, so each can be tested alone and run per
document (extract, attribute) or per group (cluster, check).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from factcheck.attribute import attribute
from factcheck.attribute.metrics import MetricVocabulary
from factcheck.check import build_context, document_facts
from factcheck.config import Config
from factcheck.documents import iter_paths, parse_document, read_document, read_documents
from factcheck.extract import scan
from factcheck.model import Document, Quantity
from factcheck.parallel import MIN_FOR_POOL, extract_documents, extract_facts, flatten, run_rules
from factcheck.reference import ReferenceFact, load_reference
from factcheck.report import Report
from factcheck.rules import iter_rules
from factcheck.store import Store, digest, extractor_fingerprint


def extract(text: str, *, published: dt.date | None = None, config: Config | None = None) -> list[Quantity]:
    """Every quantity in ``text``; front matter, if present, is read for the publication date."""
    doc = parse_document(text)
    if published is not None:
        doc = Document(doc.path, doc.text, doc.body_start, doc.meta, published)
    return extract_document(doc, vocabulary=None if config is None else config.vocabulary())


def extract_document(doc: Document, *, vocabulary: MetricVocabulary | None = None) -> list[Quantity]:
    """The quantities of one document, offsets into its whole text, with who, what and when."""
    body = doc.text[doc.body_start :]
    found = [_shift(q, doc.body_start) for q in scan(body)] if doc.body_start else scan(body)
    return attribute(doc, found, vocabulary=vocabulary)


def check(
    sources: Sequence[str | os.PathLike[str] | Document],
    *,
    reference: str | os.PathLike[str] | Sequence[ReferenceFact] | None = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int = 1,
) -> Report:
    """Check sources (paths, directories or documents) against each other and the reference facts.

    extract -> attribute -> resolve -> cluster -> check -> report, top to bottom. With ``jobs``
    above 1, files are read and extracted by that many processes; with ``jobs`` above 1 or 512
    files or more, they are streamed: each is reduced to compact facts and its text is not kept
    (``Report.documents`` is then empty; the report quotes each figure's sentence as extracted).
    """
    config = config or Config()
    known = reference if not isinstance(reference, (str, os.PathLike)) else load_reference(reference)
    given_paths = not any(isinstance(s, Document) for s in sources)
    paths = list(iter_paths(sources)) if given_paths else []  # type: ignore[arg-type]
    if jobs > 1 and all(isinstance(s, Document) for s in sources):
        docs = list(sources)  # type: ignore[arg-type]
        facts = flatten(extract_documents(docs, jobs=jobs, metrics=config.metrics))  # extract, attribute
        ctx = build_context(docs, facts=facts, reference=known or (), aliases=config.alias_table())
        documents = len(docs)
    elif given_paths and (jobs > 1 or len(paths) >= MIN_FOR_POOL):
        # several processes, or many files: stream them, keeping compact facts and no texts
        facts = flatten(extract_facts(paths, jobs=jobs, metrics=config.metrics))  # extract, attribute
        docs: list[Document] = []
        ctx = build_context(docs, facts=facts, reference=known or (), aliases=config.alias_table())
        documents = len(paths)
    else:
        docs = [read_document(p) for p in paths] if given_paths else [
            s if isinstance(s, Document) else d for s in sources
            for d in ([s] if isinstance(s, Document) else read_documents([s]))]
        vocabulary = config.vocabulary()
        quantities = [extract_document(doc, vocabulary=vocabulary) for doc in docs]  # extract, attribute
        ctx = build_context(docs, quantities, reference=known or (), aliases=config.alias_table())  # resolve, cluster
        documents = len(docs)
    findings = sorted(run_rules(ctx, list(iter_rules(select, ignore)), jobs=jobs), key=lambda f: f.sort_key())  # check
    coverage = {
        "documents": documents,
        "facts": len(ctx.facts),
        "checked": sum(len(g) for g in ctx.groups.values() if len(g) > 1),
    }
    return Report(tuple(findings), tuple(docs), coverage)  # report


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


def check_against(
    sources: Sequence[str | os.PathLike[str] | Document],
    store: str | os.PathLike[str],
    *,
    reference: str | os.PathLike[str] | Sequence[ReferenceFact] | None = None,
    config: Config | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Report:
    """Check drafts against an indexed archive: the archive's facts about the drafts' entities
    (found through the entity index, not a scan) are checked with the drafts' own; only findings
    that involve a draft are reported."""
    config = config or Config()
    known = reference if not isinstance(reference, (str, os.PathLike)) else load_reference(reference)
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
    ctx = build_context(docs, facts=draft + archived, reference=known or (), aliases=config.alias_table())
    findings = sorted(
        (f for rule in iter_rules(select, ignore) for f in rule.check(ctx) if any(x.doc in drafts for x in f.facts)),
        key=lambda f: f.sort_key(),
    )
    coverage = {"documents": len(docs), "facts": len(draft), "archive_facts": len(archived),
                "checked": sum(len(g) for g in ctx.groups.values() if len(g) > 1)}
    return Report(tuple(findings), tuple(docs), coverage)


def _shift(q: Quantity, offset: int) -> Quantity:
    import attrs

    return attrs.evolve(
        q,
        start=q.start + offset,
        end=q.end + offset,
        leads_to=None if q.leads_to is None else (q.leads_to[0] + offset, q.leads_to[1] + offset),
        converts=None if q.converts is None else (q.converts[0] + offset, q.converts[1] + offset),
    )
