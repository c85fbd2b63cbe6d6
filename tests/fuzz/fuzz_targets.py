"""What the fuzzers run, and what counts as a crash.

Two targets, each taking raw bytes:

- :func:`extract_target` decodes the bytes (invalid UTF-8 replaced), splits them into up to three
  articles at form feeds, and runs front matter parsing, extraction, attribution and the whole
  check on them, then renders the report as JSON and as text;
- :func:`readers_target` writes the bytes to a file and reads it back as an article
  (:func:`~factcheck.documents.read_document`), a ``factcheck.toml``, a ``pyproject.toml`` or a
  reference-facts file, chosen by the first byte.

A crash is any exception other than a :class:`~factcheck.errors.FactcheckError`, or a broken
promise: a span that is not the text it reports, an error message that is not one line naming
the file, a line number outside the file, a report that is not valid JSON.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Sequence

from factcheck.config import load_config
from factcheck.documents import parse_document, read_document
from factcheck.errors import FactcheckError
from factcheck.facts import extract_document
from factcheck.model import Quantity
from factcheck.output import render
from factcheck.pipeline import check
from factcheck.reference import load_reference

#: An input is split into at most this many articles, at form feeds.
MAX_DOCS = 3
SEPARATOR = "\f"
#: ``readers_target``'s first byte, modulo 4, picks the file the rest of the input becomes.
READERS = ("article.md", "factcheck.toml", "pyproject.toml", "reference.toml")


def extract_target(data: bytes) -> None:
    """Parse, extract and check the articles in ``data``; raise AssertionError on a broken promise."""
    text = data.decode("utf-8", "replace")
    docs = []
    for k, part in enumerate(text.split(SEPARATOR)[:MAX_DOCS]):
        name = f"doc{k}.md"
        try:
            doc = parse_document(part, name)
        except FactcheckError as exc:
            assert_clear_error(exc, name, part)
            continue
        assert 0 <= doc.body_start <= len(part) and doc.text == part
        assert_spans(part, extract_document(doc))
        docs.append(doc)
    if not docs:
        return
    report = check(docs)
    texts = {d.path: d.text for d in docs}
    for finding in report.findings:
        assert finding.code.startswith("FC") and "\n" not in finding.message, finding
        for fact in finding.facts:
            assert texts[fact.doc][fact.q.start : fact.q.end] == fact.q.text, fact
    parsed = json.loads(render(report, "json"))
    assert len(parsed["findings"]) == len(report.findings)
    render(report, "text")


def readers_target(data: bytes) -> None:
    """Write ``data[1:]`` to the file ``data[0]`` picks and read it; only clear errors may come out."""
    if not data:
        return
    name = READERS[data[0] % len(READERS)]
    path = os.path.join(_workdir(), name)
    payload = data[1:]
    with open(path, "wb") as handle:
        handle.write(payload)
    try:
        if name == "article.md":
            doc = read_document(path)
            assert doc.text == payload.decode("utf-8") and 0 <= doc.body_start <= len(doc.text)
        elif name == "reference.toml":
            for fact in load_reference(path):
                assert fact.entity.strip() and fact.metric.strip() and fact.unit.strip()
        else:
            load_config(path)
    except FactcheckError as exc:
        assert_clear_error(exc, path, payload.decode("utf-8", "replace"))


def assert_clear_error(exc: FactcheckError, path: str, text: str) -> None:
    """One line, starting with the file's name; a line number, if any, inside the file."""
    message = str(exc)
    assert "\n" not in message and "\r" not in message, repr(message)
    assert message.startswith(path), (message, path)
    line = getattr(exc, "line", None)
    if line is not None:  # readers differ on what ends a line ("\r", "\u2028"): the most generous count
        assert 1 <= line <= len(text.splitlines()) + 1, (message, line)


def assert_spans(text: str, found: Sequence[Quantity]) -> None:
    """Spans are exact, in order and disjoint; links point at reported spans; values are finite."""
    spans = {q.span for q in found}
    previous_end = 0
    for q in found:
        assert previous_end <= q.start < q.end <= len(text), q
        assert text[q.start : q.end] == q.text, q
        assert q.value.is_finite(), q
        for link in (q.leads_to, q.converts):
            assert link is None or link in spans, (q, link)
        previous_end = q.end


_WORKDIR: list[str] = []


def _workdir() -> str:
    """A private directory for the files ``readers_target`` writes, removed at exit."""
    if not _WORKDIR:
        _WORKDIR.append(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
        atexit.register(shutil.rmtree, _WORKDIR[0], True)
    return _WORKDIR[0]


TARGETS = {"extract": extract_target, "readers": readers_target}
