"""Digit slips: a figure that reproduces another source's digits with one of them mistyped.

Copying a figure by hand goes wrong in a few ways that keep its size: one digit typed for another
("$21.97 billion" for "$24.97 billion", "$106.9 million" for "$106.1 million"), two neighbouring
digits swapped ("1.554" for "1.545"), or a digit dropped inside the number ("24.7" for "24.97",
"260.8" for "260.28"). Two figures of one story in one unit, of the same order of magnitude, whose
four or more significant digits differ by exactly one such edit are rarely two facts: different
facts of one story share their leading digits often, all four of them with one changed seldom.
Rarely is not never, so the evidence must also say which figure is the story's: the other value
given by at least two other articles, the odd one by no article but its own.

Not a typo: a last digit one apart or a last digit dropped (that is rounding: "7.66" and "7.67",
"14.7" and "14.74"); a pair whose written precision or hedges let both be true; figures of another
written period, listing or accounting basis, of a rate against a total, or of articles more than
ten days apart; an estimate against an outcome or a superseded figure (revisions move digits);
counts of different things; a conversion in parentheses; sentences whose other figures all
differ (two lists of different things) or whose percentages differ (each base with its own growth
rate); an article that gives both values in other words.

Candidates come from a hash join on the digit strings with one position masked, swapped or
deleted, within (story, unit, kind, sign, order of magnitude): never by trying every pair, so the
cost is linear in the number of facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.blocking import context_stories, far_apart
from factcheck.link.compare import Stated
from factcheck.link.profile import Profile, context_profiles, written_digits
from factcheck.link.slips import compared_kind, measure, restated_in, story_index
from factcheck.link.values import allowed, written_apart

#: The least number of significant digits the longer figure must have: two- and three-digit
#: figures of one story ("2.3%" and "2.8%", "126" and "128") differ by one digit all the time.
MIN_DIGITS = 4
#: The least number of other articles that must give the good value.
BACKERS = 2
#: A figure with more statements than this of one value is a common figure, not one fact's.
MAX_GROUP = 200


@attrs.frozen
class Typo:
    """Indices into the facts given to :func:`typos`: the mistyped figure, the one it copies,
    the other articles' figures that agree with that one, and how the digits differ."""

    odd: int
    good: int
    edit: str  # "substituted", "swapped" or "dropped"
    allies: tuple[int, ...] = ()


def context_typos(ctx: Context) -> list[Typo]:
    """The digit slips among ``ctx.facts``, found once per context."""
    return ctx.memo("_typos", lambda: typos(ctx.facts, context_profiles(ctx), context_stories(ctx)))


def typos(facts: Sequence[Fact], found: Sequence[Profile] | None = None,
          grouped: Sequence[Sequence[int]] | None = None) -> list[Typo]:
    """The digit slips among ``facts``, at most one per odd figure, in index order."""
    words = None if found is None else [p.window for p in found]
    rates = None if found is None else [p.rate for p in found]
    others = None if found is None else [p.others for p in found]
    story_of = story_index(facts, grouped)
    stated = Stated(facts)
    groups: dict[tuple[int, str, str, bool, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, f in enumerate(facts):
        q = f.q
        if q.value == 0 or q.low is not None or q.kind not in ("level", "change", "difference"):
            continue
        digits = written_digits(q.value, q.literal)
        if len(digits) >= MIN_DIGITS - 1:
            key = (story_of[i], measure(f), compared_kind(f), q.value < 0, abs(q.value).adjusted())
            groups[key][digits].append(i)
    best: dict[int, Typo] = {}
    for by_digits in groups.values():
        if len(by_digits) < 2 or sum(len(v) for v in by_digits.values()) > MAX_GROUP:
            continue
        for x, y, edit in _candidates(by_digits):
            typo = _judge(facts, by_digits[x], by_digits[y], edit, stated, words, rates, others)
            if typo is not None and typo.odd not in best:
                best[typo.odd] = typo
    return [best[i] for i in sorted(best)]


def _candidates(by_digits: dict[str, list[int]]) -> list[tuple[str, str, str]]:
    """Pairs of digit strings one edit apart: a digit substituted (not the last by one), two
    neighbours swapped, or a digit dropped (not the last: that is rounding), through indexes of
    the strings with one position masked, swapped or deleted."""
    masked: dict[str, list[str]] = defaultdict(list)
    out: list[tuple[str, str, str]] = []
    for d in by_digits:
        if len(d) < MIN_DIGITS:
            continue
        for i in range(len(d)):
            masked[d[:i] + "?" + d[i + 1:]].append(d)
        for i in range(len(d) - 1):
            swapped = d[:i] + d[i + 1] + d[i] + d[i + 2:]
            if swapped != d and swapped in by_digits and d < swapped:
                out.append((d, swapped, "swapped"))
        rounded = {d[:-1], str(int(d[:-1]) + 1)}  # the shorter figure truncated or rounded
        for i in range(1, len(d) - 1):
            shorter = d[:i] + d[i + 1:]
            if shorter in by_digits and shorter not in rounded:
                out.append((d, shorter, "dropped"))
    for key, ds in masked.items():
        at = key.index("?")
        for n, d in enumerate(ds):
            for e in ds[n + 1:]:
                if at == len(d) - 1 and abs(int(d[at]) - int(e[at])) < 2:
                    continue  # the last digit one apart: a rounding, not a typo
                out.append((d, e, "substituted"))  # a swap or a drop is never also a substitution
    return out


def _judge(facts: Sequence[Fact], xs: list[int], ys: list[int], edit: str, stated: Stated,
           words: Sequence[frozenset[str]] | None, rates: Sequence[bool] | None,
           others: Sequence[frozenset[tuple[str | None, str]]] | None = None) -> Typo | None:
    """The typo between the statements of two digit strings, or None when the pair is better
    read as two facts (or the evidence does not say which is the story's)."""
    x_docs, y_docs = {facts[i].doc for i in xs}, {facts[i].doc for i in ys}
    if len(x_docs) > 1 and len(y_docs) > 1:
        return None  # both values are statements of the story: two facts
    if len(y_docs) >= BACKERS + 1 or (len(y_docs) >= BACKERS and len(x_docs) == 1):
        odd_side, good_side = xs, ys
    elif len(x_docs) >= BACKERS:
        odd_side, good_side = ys, xs
    else:
        return None  # neither value has two articles behind it
    good_docs = {facts[i].doc for i in good_side}
    for odd in odd_side:
        a = facts[odd]
        backers = good_docs - {a.doc}
        if len(backers) < BACKERS:
            continue
        if any(stated.states(d, a) for d in good_docs | {facts[i].doc for i in odd_side} - {a.doc}):
            continue  # another article gives the odd value too (within its precision)
        for good in good_side:
            b = facts[good]
            if b.doc == a.doc or written_apart(a, b) or far_apart(a, b):
                continue
            if rates is not None and rates[odd] != rates[good]:
                continue
            if a.q.qualifiers.estimate != b.q.qualifiers.estimate or a.earlier != b.earlier:
                continue  # a forecast against the outcome, a superseded figure: revisions move digits
            if a.q.converts is not None or b.q.converts is not None:
                continue  # a conversion is its writer's arithmetic at the day's rate (FC501 checks it)
            if others is not None and _other_things(others[odd], others[good]):
                continue
            if measure(a) == "count" and len(({facts[i].q.unit for i in good_side} | {a.q.unit}) - {None}) > 1:
                continue  # counts of different things ("11.2 million views", "13.12 million subscribers"); a
                # bare count may count either ("526,409" and "525,409 vehicles")
            if allowed(a, b).overlaps(allowed(b, a)):
                continue  # precision or hedges let both be true ("about 24.7" and 24.97)
            own = [i for i in good_side if facts[i].doc == a.doc]
            if own and not restated_in(facts, odd, own, words):
                continue  # the article gives both values in other words: two facts
            allies = tuple(i for i in good_side if i != good and facts[i].doc != a.doc)
            return Typo(odd, good, edit, allies)
    return None


def _other_things(mine: frozenset[tuple[str | None, str]], theirs: frozenset[tuple[str | None, str]]) -> bool:
    """Do the two sentences' other figures say they report other things? When every other figure
    differs (two lists of different films' openings), or both give a percentage and no percentage
    in common (each base carries its own growth rate: "up 3.7% from Rs 37,923 crore" and "up 3.6%
    from ₹37,933 crore" are two quarters, not one mistyped)."""
    if mine and theirs and not mine & theirs:
        return True
    rates = {d for u, d in mine if u in ("percent", "pp")}, {d for u, d in theirs if u in ("percent", "pp")}
    return bool(rates[0] and rates[1] and not rates[0] & rates[1])
