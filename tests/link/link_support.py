"""Helpers shared by the linkage-stage tests (tests/link): facts made from little Markdown articles.

Imported by name: pytest puts this folder (no ``__init__.py``) on ``sys.path``.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.documents import parse_document
from factcheck.facts import Fact, extract_document
from factcheck.group import Context, build_context

DATE = "2024-10-30"


def front(date: str | None) -> str:
    """Front matter with a publication date (none when ``date`` is None)."""
    return "" if date is None else f"---\npublished: {date}\n---\n"


def build(sources: dict[str, str | tuple[str, str | None]], date: str | None = DATE) -> tuple[Context, list[Fact]]:
    """The context and facts of articles given as name -> body (or name -> (body, published date)).

    A body that already starts with front matter ("---") is used as written.
    """
    docs = []
    for name, source in sources.items():
        body, published = source if isinstance(source, tuple) else (source, date)
        text = body if body.startswith("---\n") else front(published) + body + "\n"
        docs.append(parse_document(text, name))
    ctx = build_context(docs, [extract_document(d) for d in docs])
    return ctx, list(ctx.facts)


def find(facts: Sequence[Fact], text: str, doc: str | None = None) -> int:
    """The index of the one fact written ``text`` (in ``doc``, when given)."""
    hits = [i for i, f in enumerate(facts) if f.q.text == text and (doc is None or f.doc == doc)]
    assert len(hits) == 1, f"{text!r} in {doc}: {[(f.doc, f.q.text) for f in facts]}"
    return hits[0]
