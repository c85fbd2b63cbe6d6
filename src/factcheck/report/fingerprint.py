"""Fingerprints: what a finding says, as a hash that survives edits elsewhere in its articles.

A fingerprint hashes the rule code, what each fact claims (metric, period, entity) and, for each
fact, its document (relative to a root), the quantity as written and its sentence, normalised
(:func:`factcheck.attribute.sentences.normalise`). Line numbers and offsets are left out on
purpose: see :mod:`factcheck.report.baseline`. The JSON report, SARIF and the baseline all use it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Mapping
from typing import Any

import attrs

from factcheck.attribute.sentences import Sentences, fingerprint_sentences, normalise
from factcheck.findings import Finding
from factcheck.model import Document
from factcheck.offsets import relative

#: The name under which SARIF carries the fingerprint (``partialFingerprints``).
FINGERPRINT_KEY = "factcheck/v1"


def fingerprint(finding: Finding, documents: Mapping[str, Document], root: str | os.PathLike[str] | None = None) -> str:
    """The content fingerprint of ``finding``; paths count relative to ``root`` (default: cwd)."""
    return Fingerprinter(documents, root)(finding)


class Fingerprinter:
    """Fingerprints for many findings of one run, splitting each document into sentences once."""

    def __init__(self, documents: Mapping[str, Document], root: str | os.PathLike[str] | None = None) -> None:
        self.documents = documents
        self.root = root
        self._sentences: dict[str, Sentences] = {}

    def __call__(self, finding: Finding) -> str:
        # The entity as attributed in its own document, not the id resolved across sources: the
        # resolver may pick another canonical name when an article is added elsewhere.
        keys = sorted({(f.q.metric or "", f.q.period.key if f.q.period else "", f.q.entity or "")
                       for f in finding.facts})
        sources = sorted((relative(f.doc, self.root), f.q.text, f.context or self._sentence(f.doc, f.q.start))
                         for f in finding.facts)
        blob = json.dumps([finding.code, keys, sources], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]

    def sentences(self, finding: Finding) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """For each document of ``finding`` (relative to the root), the digests of its facts' sentences."""
        found: dict[str, set[str]] = {}
        for f in finding.facts:
            sentence = f.context or self._sentence(f.doc, f.q.start)
            found.setdefault(relative(f.doc, self.root), set()).add(sentence_digest(sentence))
        return tuple(sorted((doc, tuple(sorted(d))) for doc, d in found.items()))

    def _sentence(self, doc: str, offset: int) -> str:
        document = self.documents.get(doc)
        if document is None:
            return ""
        if doc not in self._sentences:
            self._sentences[doc] = fingerprint_sentences(document)
        start, end = self._sentences[doc].at(offset)
        return normalise(document.text[start:end])


@attrs.frozen
class Entry:
    """One accepted finding: its fingerprint, how many times it may occur, and what it was.

    ``doc`` is the document the finding was reported on (its first fact's: where the command
    printed it and the pytest plugin made its item); a stale entry is reported there. In a file it
    is relative to the baseline, as ``docs`` are; in :attr:`Report.stale` it is spelt as the run
    spells the article's path. Files written before it existed have none: ``docs[0]`` stands in."""

    fingerprint: str
    code: str
    count: int = 1
    docs: tuple[str, ...] = ()
    message: str = ""
    doc: str = ""
    #: for each document, short digests of the sentences its facts were in (:func:`sentence_digest`):
    #: a document that no longer has one of them is one that changed
    sentences: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def reported_on(self) -> str:
        """The document a stale entry is reported on: ``doc``, or else the first of ``docs``."""
        return self.doc or (self.docs[0] if self.docs else "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fingerprint": self.fingerprint, "code": self.code, "count": self.count}
        if self.doc:
            out["doc"] = self.doc
        out = {**out, "docs": list(self.docs), "message": self.message}
        if self.sentences:
            out["sentences"] = {doc: list(digests) for doc, digests in self.sentences}
        return out


def sentence_digest(sentence: str) -> str:
    """A short digest of a normalised sentence, as a baseline entry keeps it for each document."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8]


def document_digests(document: Document) -> set[str]:
    """The digests of every sentence of ``document`` (whether a baseline entry's sentences are still there)."""
    spans = fingerprint_sentences(document)
    text = spans.text
    bounds = [*spans.starts, len(text)]
    return {sentence_digest(normalise(document.text[a:b])) for a, b in itertools.pairwise(bounds) if a < b}
