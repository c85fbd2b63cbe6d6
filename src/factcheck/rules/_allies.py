"""Which statements of the other sources a finding shows beside the two figures it compares.

A finding about an odd figure shows the sources that give the other value. An article may give
that value several times (a headline, a summary, a table); the statement shown for it is the one
whose governing words are most like the odd figure's, as that is the sentence an editor compares
it with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.facts import Fact
from factcheck.link.profile import Profile

#: Findings show at most this many agreeing sources beside the two figures compared; the
#: finding's computed values list them all.
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
