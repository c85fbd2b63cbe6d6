"""Which statements of the other sources a finding lists as agreeing with the figure it trusts.

A finding about an odd figure names the two figures it compares as its facts (the places an
editor is sent to) and lists the other sources that give the trusted value in its computed
values: they are evidence, not places with a problem, so an annotator or a scorer reading the
facts never marks a correct figure. An article may give that value several times (a headline, a
summary, a table); the statement listed for it is the one whose governing words are most like
the odd figure's, as that is the sentence an editor compares it with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.facts import Fact
from factcheck.link.profile import Profile

#: Findings list at most this many agreeing statements (one per source) in their computed values.
SHOWN = 6


def one_per_source(odd: int, candidates: Iterable[int], facts: Sequence[Fact], found: Sequence[Profile],
                   exclude: Iterable[str] = (), limit: int = SHOWN) -> list[Fact]:
    """For each article among ``candidates`` (indices into ``facts``) other than ``exclude``, its
    statement most like the figure ``odd`` (most words in common with the phrase that governs it;
    the first in the article on a tie), at most ``limit`` articles, in the order first seen."""
    skip = set(exclude)
    best: dict[str, tuple[int, int]] = {}
    for i in candidates:
        doc = facts[i].doc
        if doc in skip:
            continue
        score = len(found[i].window & found[odd].window)
        if doc not in best or score > best[doc][0] or (score == best[doc][0] and i < best[doc][1]):
            best[doc] = (score, i)
    return [facts[i] for _, i in list(best.values())[:limit]]


def agreeing(statements: Sequence[Fact]) -> list[dict[str, object]]:
    """The agreeing statements as a finding's computed values list them: where each is and how it
    is written."""
    return [{"doc": f.doc, "start": f.q.start, "end": f.q.end, "text": f.q.text} for f in statements]
