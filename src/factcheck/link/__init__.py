"""The linkage stage: which figures, across sources, state the same fact.

Record linkage over facts (Fellegi-Sunter, as splink does it for people and companies): candidate
pairs are found by blocking (:mod:`~factcheck.link.blocking`), each pair gets a comparison vector
of a few levels per kind of evidence (:mod:`~factcheck.link.compare`), and weights measured on
labelled stories (:mod:`~factcheck.link.weights`, fitted by :mod:`~factcheck.link.fit`) turn the
vector into a probability that the two figures state the same fact.

The rules read the links; a conflict is two linked figures whose values cannot both be true.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.blocking import candidate_pairs, context_stories
from factcheck.link.compare import EQUAL, LEVELS, VALUE, Stated, echo, vector
from factcheck.link.profile import Profile, idf, profiles, sentence_idf
from factcheck.link.weights import Weights, default_weights, probability

__all__ = ["LEVELS", "Link", "link"]

_VALUE = list(LEVELS).index(VALUE)
_ECHO = list(LEVELS).index("echo")
_VALUES = (_VALUE, _ECHO)


@attrs.frozen
class Link:
    """A compared pair: indices into the facts given to :func:`link`, levels and match weight."""

    a: int
    b: int
    levels: tuple[int, ...]
    weight: float  # bits, every comparison counted, ``a`` taken as the possibly wrong figure
    context_weight: float  # bits, the value relation and echo left out
    flipped: tuple[int, ...] = ()  # the levels with ``b`` taken as the possibly wrong figure

    @property
    def probability(self) -> float:
        return probability(self.weight)

    @property
    def value(self) -> int:
        return self.levels[_VALUE]

    def oriented(self, odd: int) -> tuple[int, ...]:
        """The levels with figure ``odd`` (``a`` or ``b``) taken as the possibly wrong one."""
        return self.levels if odd == self.a or not self.flipped else self.flipped


def link(ctx: Context, facts: Sequence[Fact], *, weights: Weights | None = None,
         floor: float | None = None, found: Sequence[Profile] | None = None) -> list[Link]:
    """Every candidate pair of ``facts`` with its comparison vector and weight, in index order;
    with ``floor``, only pairs whose probability reaches it. ``found``: the facts' profiles, when
    the caller has made them already."""
    w = weights or default_weights()
    found = profiles(facts) if found is None else found
    weights_of_words = idf(found)
    stated = Stated(facts)
    weights_of_sentence_words = sentence_idf(found)
    out = []
    grouped = context_stories(ctx) if facts is ctx.facts else None
    for i, j in candidate_pairs(facts, found, grouped):
        levels = vector(ctx, facts[i], facts[j], found[i], found[j], weights_of_words, stated,
                        weights_of_sentence_words)
        if levels is None:
            continue
        flipped = levels
        if levels[_VALUE] < EQUAL:
            flipped = (*levels[:_ECHO], echo(facts[j], facts[i], levels[_VALUE], stated), *levels[_ECHO + 1 :])
        total = w.weight(levels)
        if floor is not None and probability(total) < floor:
            continue
        out.append(Link(i, j, levels, total, w.weight(levels, skip=_VALUES), flipped))
    return out
