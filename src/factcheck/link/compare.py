"""The comparison vector of a pair of facts: a few levels per comparison, as in record linkage.

Each comparison looks at one kind of evidence that two figures state the same fact (who, what
words govern the number, which sentence frame, when, with what qualifiers, and how the values
relate) and returns a level. The levels carry no weight here: how much each is worth is measured
on labelled stories and shipped as data (:mod:`factcheck.link.weights`).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal

from rapidfuzz import fuzz

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.profile import Profile, rounded_digits, significant_digits
from factcheck.link.values import agree, allowed, attr_interval, restated, same_measure

#: The comparisons and their levels, worst first. The names appear in findings as evidence.
LEVELS: dict[str, tuple[str, ...]] = {
    "entity": ("different", "unknown", "named", "same"),
    "metric": ("different", "unknown", "same"),
    "kind": ("different", "same"),
    "unit": ("different", "unstated", "same"),
    "phrase": ("no words", "none shared", "little shared", "some shared", "most shared"),
    "frame": ("unrelated", "loose", "similar", "close", "copied"),
    "sentence": ("unrelated", "little in common", "some in common", "much in common"),
    "period": ("different", "one unstated", "both unstated", "same"),
    "time": ("different", "one-sided", "none", "same"),
    "qualifiers": ("different", "compatible"),
    "value": ("other", "near", "power of ten, one digit", "power of ten, two digits",
              "power of ten, three or more digits",
              "equal, one digit", "equal, two digits", "equal, three or more digits"),
    "echo": ("values agree", "both articles state both values", "its own article also states the other value",
             "the other article also states this value", "neither states the other's"),
    "neighbours": ("no other figures", "others differ", "one other agrees", "two or more others agree"),
}
VALUE = "value"
OTHER, NEAR, SLIP, SLIP2, SLIP3, EQUAL = 0, 1, 2, 3, 4, 5  # SLIP..SLIP3: a power of ten; EQUAL and up: agree
BOTH_STATE_BOTH = 1  # the echo level of two articles that each give both values

#: Two incompatible figures within this relative distance are "near" (a +20% typo, a revision).
NEAR_GAP = Decimal("0.3")


def entity(a: Fact, b: Fact, pa: Profile, pb: Profile) -> int:
    """Same resolved entity id, at least one unknown, two different ids of which one is named in
    the other figure's sentence, or two different ids. Copy attributes a figure to the nearest name,
    and the name a story is about often sits further away ("Per Variety, Barbie made NUM"): a
    sentence that names the other figure's entity is about it too, even when it is not attributed
    to it."""
    if a.entity_id is None or b.entity_id is None:
        return 1
    if a.entity_id == b.entity_id:
        return 3
    return 2 if (pb.names and pb.names <= pa.words) or (pa.names and pa.names <= pb.words) else 0


def metric(a: Fact, b: Fact) -> int:
    """The vocabulary's metric labels: equal, at least one missing, or different."""
    ma, mb = a.q.metric, b.q.metric
    if ma is None or mb is None:
        return 1
    return 2 if ma == mb else 0


def kind(a: Fact, b: Fact) -> int:
    """Both levels, or both changes (a difference counts as a change)."""
    return int((a.q.kind in ("change", "difference")) == (b.q.kind in ("change", "difference")))


def unit(a: Fact, b: Fact) -> int:
    """The unit as written: the same, one unstated (a bare count, another currency or another unit
    of one dimension), or different
    (percent against percentage points, passengers against flights)."""
    ua, ub = a.q.unit, b.q.unit
    if ua == ub:
        return 2
    if ua is None or ub is None or (a.q.currency and b.q.currency) or same_measure(a, b):
        return 1  # another currency, or another unit of one dimension ("GW" and "MW")
    return 0


def phrase(pa: Profile, pb: Profile, idf: Mapping[str, float]) -> int:
    """How much of the two figures' governing phrases they share, each word weighted by how rare
    it is among the story's figures (a shared "injecting" says more than a shared "said")."""
    if not pa.window or not pb.window:
        return 0
    shared = sum(idf.get(w, 1.0) for w in pa.window & pb.window)
    if not shared:
        return 1
    share = shared / min(sum(idf.get(w, 1.0) for w in pa.window), sum(idf.get(w, 1.0) for w in pb.window))
    return 4 if share >= 0.45 else 3 if share >= 0.2 else 2


def frame(pa: Profile, pb: Profile) -> int:
    """The sentences with their numbers masked, as token-sorted similarity (rapidfuzz)."""
    score = fuzz.token_sort_ratio(pa.frame, pb.frame)
    return 4 if score >= 95 else 3 if score >= 75 else 2 if score >= 55 else 1 if score >= 40 else 0


def sentence(pa: Profile, pb: Profile, idf: Mapping[str, float]) -> int:
    """The two sentences' content words as sets, cosine-compared with each word weighted by its
    rarity among the story's sentences (the claim-matching baseline)."""
    shared = pa.words & pb.words
    if not shared:
        return 0
    dot = sum(idf.get(w, 1.0) ** 2 for w in shared)
    na = sum(idf.get(w, 1.0) ** 2 for w in pa.words)
    nb = sum(idf.get(w, 1.0) ** 2 for w in pb.words)
    cos = dot / math.sqrt(na * nb) if na and nb else 0.0
    return 3 if cos >= 0.45 else 2 if cos >= 0.25 else 1 if cos >= 0.1 else 0


def period(a: Fact, b: Fact) -> int:
    """Written periods: equal, different, or unstated on one or both sides."""
    pa, pb = a.period_id(), b.period_id()
    if pa is None and pb is None:
        return 2
    if pa is None or pb is None:
        return 1
    return 3 if pa == pb else 0


def time(pa: Profile, pb: Profile) -> int:
    """Time words (history, year to date, one day, a record, a forecast) on both sides alike."""
    if pa.markers == pb.markers:
        return 3 if pa.markers else 2
    if not pa.markers or not pb.markers:
        return 1
    return 0


def qualifiers(a: Fact, b: Fact) -> int:
    """Listing, accounting basis, estimate or actual, base of a change, superseded: none differ."""
    qa, qb = a.q.qualifiers, b.q.qualifiers
    if qa.listing and qb.listing and qa.listing != qb.listing:
        return 0
    if qa.basis and qb.basis and qa.basis != qb.basis:
        return 0
    if qa.estimate != qb.estimate or a.earlier != b.earlier:
        return 0
    return 1


def value(ctx: Context, a: Fact, b: Fact) -> int | None:
    """How the values relate: both true together, a power of ten apart (the same figure with a
    dropped or added digit: two figures written as points, one within the other's precision once
    scaled), near, or other. ``None``: they cannot be compared (a currency with no
    rate, changes against different bases)."""
    same = agree(ctx, a, b)
    if same is None:
        return None
    digits = min(len(significant_digits(a.q.value)), len(significant_digits(b.q.value)))
    if same:
        return EQUAL + min(digits, 3) - 1
    x, y = abs(float(a.q.value)), abs(float(restated(b, b.q.value, a)))
    points = all(f.q.bound in ("=", "~") and f.q.low is None for f in (a, b))  # a bound or range fits many
    ratio = max(x, y) / min(x, y) if x and y and points else 0.0
    for k in (1, 2, 3):
        if not 10**k / 2 <= ratio <= 10**k * 2:
            continue  # only a ratio near a power of ten can be one (floats only pick what to test)
        big, small = (a, b) if x > y else (b, a)
        if agree(ctx, _scaled(big, Decimal(10) ** -k), small) and (
                _two_currencies(a, b) or same_digits(a.q.value, b.q.value)):
            return SLIP + min(digits, 3) - 1
    v, w = a.q.value, restated(b, b.q.value, a)
    same_unit = same_measure(a, b)  # amounts in two currencies are not near or far without a rate
    if same_unit and v and w and (v < 0) == (w < 0) and abs(v - w) <= NEAR_GAP * max(abs(v), abs(w)):
        return NEAR
    return OTHER


def _two_currencies(a: Fact, b: Fact) -> bool:
    """Amounts in two currencies: converted, a slip keeps no digits in common. Two counts of
    different nouns ("222,600 vehicles", "2,253,835 units") are compared on their digits."""
    return bool(a.q.currency and b.q.currency and a.q.currency != b.q.currency)


def same_digits(x: Decimal, y: Decimal) -> bool:
    """Do two figures share their significant digits, the more precise one rounded to the other's?
    A slip reproduces the digits; a round figure's slack ("46.500" allows 45,337 to 47,663) says
    what it may round, not which digits it has.

    >>> same_digits(Decimal("46500"), Decimal("469796")), same_digits(Decimal("146"), Decimal("1464.0"))
    (False, True)
    """
    dx, dy = significant_digits(x), significant_digits(y)
    n = min(len(dx), len(dy))
    return rounded_digits(x, n) == rounded_digits(y, n)


class Stated:
    """Which values each article states, by unit: to ask whether an article that gives one figure
    also gives the other somewhere (then the two are most likely different facts)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        found: dict[tuple[str, str | None], list[float]] = defaultdict(list)
        for f in facts:
            found[(f.doc, f.q.unit)].append(float(f.q.value))
        self.values = {k: sorted(v) for k, v in found.items()}

    def states(self, doc: str, fact: Fact) -> bool:
        """Does ``doc`` state a value that ``fact``'s wording allows (in the same unit)?"""
        values = self.values.get((doc, fact.q.unit))
        if not values:
            return False
        iv = allowed(fact, fact)
        lo = -math.inf if iv.low is None else float(iv.low) - 1e-9 * abs(float(iv.low))
        hi = math.inf if iv.high is None else float(iv.high) + 1e-9 * abs(float(iv.high))
        i = bisect.bisect_left(values, lo)
        return i < len(values) and values[i] <= hi


def echo(a: Fact, b: Fact, level: int, stated: Stated) -> int:
    """For figures that disagree, with ``a`` taken as the possibly wrong one: does each article
    also state the other's value? An article that gives both numbers means two facts; one that
    gives only its own may have the other one wrong. Which article gives both matters: the other
    article stating ``a``'s value too says that value is a fact of its own."""
    if level >= EQUAL:
        return 0
    own, other = stated.states(a.doc, b), stated.states(b.doc, a)
    if own and other:
        return BOTH_STATE_BOTH
    return 2 if own else 3 if other else 4


def neighbours(pa: Profile, pb: Profile) -> int:
    """The other figures of the two sentences: when they agree ("revenue rose 15% to NUM" in both),
    the sentences report the same thing and their figures correspond."""
    if not pa.others or not pb.others:
        return 0
    shared = len(pa.others & pb.others)
    return 1 if not shared else 2 if shared == 1 else 3


def vector(ctx: Context, a: Fact, b: Fact, pa: Profile, pb: Profile,
           idf: Mapping[str, float], stated: Stated, sentence_idf: Mapping[str, float]) -> tuple[int, ...] | None:
    """The levels of every comparison, in the order of :data:`LEVELS`; ``None`` when the values
    cannot be compared at all."""
    v = value(ctx, a, b)
    if v is None:
        return None
    return (entity(a, b, pa, pb), metric(a, b), kind(a, b), unit(a, b), phrase(pa, pb, idf), frame(pa, pb),
            sentence(pa, pb, sentence_idf), period(a, b),
            time(pa, pb), qualifiers(a, b), v, echo(a, b, v, stated), neighbours(pa, pb))


def _scaled(fact: Fact, factor: Decimal) -> Fact:
    assert fact.q.interval is not None
    return attr_interval(fact, fact.q.interval.scale(factor))
