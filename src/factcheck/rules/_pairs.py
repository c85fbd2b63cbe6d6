"""Which statements of one fact are worth comparing pairwise.

:func:`~factcheck.rules._compare.same_fact` never holds two statements of the same part of one
article against each other (only a headline against its body), so the pairs FC201 and FC202
compare are listed from the articles' parts, never by trying every pair: an article that repeats
one figure a thousand times costs a thousand steps here, not a million.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.facts import Fact


def pairs_across_articles(facts: Sequence[Fact]) -> list[tuple[int, int]]:
    """The index pairs ``(i, j)``, ``i < j``, in ascending order, of statements from different
    articles or from the headline and the body of one article."""
    parts: dict[tuple[str, bool], list[int]] = {}
    for i, f in enumerate(facts):
        parts.setdefault((f.doc, f.q.qualifiers.headline), []).append(i)
    if len(parts) < 2:
        return []
    groups = list(parts.values())
    pairs = [(min(i, j), max(i, j)) for a, first in enumerate(groups) for second in groups[a + 1 :]
             for i in first for j in second]
    pairs.sort()
    return pairs
