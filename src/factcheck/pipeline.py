"""The pipeline, top to bottom: extract -> attribute -> resolve -> cluster -> check -> report.

Each stage is a pure function of the one before it, so each can be tested alone and run per
document (extract, attribute) or per group (cluster, check).
"""

from __future__ import annotations

import datetime as dt

from factcheck.attribute import attribute
from factcheck.attribute.metrics import MetricVocabulary
from factcheck.config import Config
from factcheck.documents import parse_document
from factcheck.extract import scan
from factcheck.model import Document, Quantity


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


def _shift(q: Quantity, offset: int) -> Quantity:
    import attrs

    return attrs.evolve(
        q,
        start=q.start + offset,
        end=q.end + offset,
        leads_to=None if q.leads_to is None else (q.leads_to[0] + offset, q.leads_to[1] + offset),
        converts=None if q.converts is None else (q.converts[0] + offset, q.converts[1] + offset),
    )
