"""FC201 value-mismatch."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal

from factcheck.facts import Fact
from factcheck.findings import Finding, Severity
from factcheck.group import Context
from factcheck.link import Link, link
from factcheck.link.blocking import context_stories, dimension
from factcheck.link.bounds import context_over_whole
from factcheck.link.compare import BOTH_STATE_BOTH, EQUAL, LEVELS, OTHER, SLIP, SLIP2, SLIP3
from factcheck.link.profile import Profile, context_profiles
from factcheck.link.slips import context_slips
from factcheck.link.typos import context_typos
from factcheck.link.values import allowed, compare, magnitude_slip, other_separator, restated, severity, written_apart
from factcheck.link.weights import Weights, default_weights, probability
from factcheck.rules._allies import SHOWN, agreeing, one_per_source
from factcheck.rules.base import Rule
from factcheck.written import interval_text, quoted

#: A conflict is an error or warning only when the two figures state the same fact with at least
#: this probability; from ``WORTH_A_LOOK`` up it is reported as information.
CERTAIN = 0.95
WORTH_A_LOOK = 0.7
#: Agreeing figures linked with at least this probability back each other as one statement.
AGREES = 0.2
#: Time words that place a figure at another time; one side having one the other lacks explains a
#: difference (a year-to-date move against the day's, a figure of 2002 against today's).
_OTHER_TIME = frozenset({"history", "ytd", "since", "day"})
_ECHO = list(LEVELS).index("echo")

class ValueMismatch(Rule):
    """The same fact is stated with values that cannot both be true.

    Whether two figures state the same fact is judged as record linkage (:mod:`factcheck.link`):
    each pair of figures of one story in one dimension (money in any currency, one unit, percent,
    counts) is compared on who (entity), what (the metric, and the words that govern the number
    weighted by rarity), the sentence (its words, and its frame with the numbers masked), the other
    figures of the sentence, when (the written period and time words), the qualifiers (listing,
    basis, estimate), how the values relate (equal within their precision, a power of ten apart
    with the same significant digits, near, other) and whether either article also states the
    other's value. Weights measured on labelled multi-source stories turn the comparisons into
    evidence, and the story supplies the prior: a fact that k of a story's n articles report is
    reported by another of them with probability about k/n, in one of that article's figures of the
    dimension. A conflict is an error or warning when the probability that the two figures state
    the same fact is at least 0.95 and their values, read as the intervals their precision and hedges
    allow (round figures get 2.5% slack, "about" a one-digit figure 5% more; other currencies are
    converted at the dated ECB rate with 2% slack), cannot both be true; from 0.7 it is `info`. The
    figure with fewer sources behind it is the odd one; the finding names the sources that agree
    with the other, the probability, and the comparisons that weighed most.

    A figure that FC204 magnitude-slip finds repeating another's digits at a power of ten is left
    to it, whatever the probability, and so is a pair below 0.95 with one of its figures in such a
    slip: FC204 judges them on those digits, so one kind of error has one code; a
    figure one mistyped digit away from the other's value is left to FC205 digit-slip, which names
    the edit.

    Never a conflict, whatever the evidence: two articles that each give both values (they state
    two facts); a figure whose own sentence gives the other value in words more like the other
    figure's ("$1.8bn returned, under its $18bn buyback programme"); a figure that, read with the
    other separator convention ("$44,810 millones": 44.81 million or 44,810 million), is the other
    figure; a different written period, listing or accounting basis; percentage points against
    percent (a rate's move against a rate); and, unless the figures are a power of ten apart with
    two or more significant digits in common, two measures the vocabulary names apart (revenue
    and net profit: similar sentences of one results story report both), an estimate against an
    actual, a superseded figure, a time word near one figure that the other lacks (historical,
    year to date, since, one day), or a conversion in parentheses (its writer's arithmetic at the
    day's rate, which FC301 checks against that rate). Revisions, estimates and other windows of
    time move a figure by some percent; they do not reproduce its digits at ten times the size.

    **Bad**

    - Source A: "net profit grew 7.1% year-on-year"; source B: "net profit grew by 3.6%".
    - Source A: "capital expenditure was more than $50 billion in 2024"; source B: "$42 billion".

    **Good**

    - "revenue of 184.50 billion yuan" and "RMB 184.5 billion" (the same to the written precision).
    - "beyond $50 billion" and "$53 billion" (a bound the other figure satisfies).
    - "shares rose 11.7% on Friday" and "shares are up 30% this year" (another window of time).
    - Two articles that each give both "£105m" (one fee) and "£105.6m" (the record it falls short
      of): each article states both values, so they are two facts.
    """

    code = "FC201"
    name = "value-mismatch"

    def __init__(self, weights: Weights | None = None) -> None:
        #: the linkage weights; the shipped ones unless given (to score weights fitted without a story)
        self.weights = weights

    def check(self, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        weights = self.weights or default_weights()
        decided, backing = _decide(ctx, weights)
        slips = context_slips(ctx)
        slipped = {i for s in slips for i in (s.odd, s.good)}
        slip_pairs = {frozenset((s.odd, s.good)) for s in slips}
        slip_odds = {s.odd for s in slips}
        typed = {t.odd: facts[t.good].q.value for t in context_typos(ctx)}
        for p, pair, odd, good in decided:
            if p < CERTAIN and (odd in slipped or good in slipped):
                continue  # weak same-fact evidence: FC204 judges the pair on its digits
            if odd in slip_odds or frozenset((odd, good)) in slip_pairs:
                continue  # a magnitude slip is FC204's whatever the linkage says: one error, one code
            if typed.get(odd) == facts[good].q.value:
                continue  # a digit slip from that value: FC205 reports it with the edit named
            yield self._finding(ctx, facts, pair, odd, good, backing, p, weights)

    def _finding(self, ctx: Context, facts: Sequence[Fact], pair: Link, odd_i: int, good_i: int,
                 backing: dict[int, list[int]], p: float, weights: Weights) -> Finding:
        odd, good = facts[odd_i], facts[good_i]
        got = compare(ctx, odd, good)
        assert got is not None
        mine, theirs, rate = got
        x, y = odd.q.value, restated(good, good.q.value, odd)  # in the odd figure's unit (pint)
        if rate is not None:
            y = good.q.value * rate.rate
        slip = magnitude_slip(x, y) if pair.value in (SLIP, SLIP2, SLIP3) else None
        cause = None
        if slip:
            cause = f"a misplaced decimal point or a dropped digit: the figures differ by a factor of {10 ** slip}"
        elif (x < 0) != (y < 0) and x and y:
            cause = "opposite directions: one source has a rise, the other a fall"
        allies = one_per_source(odd_i, backing.get(good_i, []), facts, context_profiles(ctx), (odd.doc, good.doc),
                                limit=len(facts))
        sev: Severity = severity(Decimal(x), Decimal(y)) if p >= CERTAIN else "info"
        agreed = [f"{name} {level}" for name, level, w in weights.contributions(pair.oriented(odd_i)) if w > 0.5]
        more = (f", as {len(allies)} other source{'s do' if len(allies) != 1 else ' does'}" if allies else "")
        unit = odd.q.unit  # compare() gives both intervals in the odd figure's unit
        message = (f"{_describe(odd, good)}: {quoted(odd.q)} in {odd.doc} disagrees with {quoted(good.q)} in "
                   f"{good.doc}{more}; {quoted(odd.q)} allows {interval_text(mine, unit)}, {quoted(good.q)} "
                   f"allows {interval_text(theirs, unit)}; "
                   f"same fact with probability {p:.2f} ({', '.join(agreed[:4]) or 'weak evidence'})")
        part = context_over_whole(ctx).get(odd_i)
        if part:
            cause = (cause + "; " if cause else "") + f"{quoted(odd.q)} is a part of a whole ({part}) above 100%"
        if cause:
            message += f"; likely {cause}"
        computed: dict[str, object] = {
            "allowed": str(mine), "other_allowed": str(theirs), "probability": round(p, 3),
            "evidence": {name: level for name, level, _ in weights.contributions(pair.oriented(odd_i))},
            "consensus": sorted({good.doc, *(f.doc for f in allies)}),
            "agreeing": agreeing(allies[:SHOWN]),
        }
        if rate is not None:
            computed["fx"] = {"base": rate.base, "quote": rate.quote, "rate": str(rate.rate),
                              "rate_date": rate.rate_date.isoformat(), "latest": rate.latest, "source": rate.source}
            message += f" (at {rate.base}/{rate.quote} {rate.rate:.4f}{',' if rate.latest else ''} {rate.describe()})"
        return self.finding(sev, message, (odd, good), computed, cause)


Decision = tuple[float, Link, int, int]  # probability, the pair, the odd figure, the good one


def certain_pairs(ctx: Context) -> set[frozenset[int]]:
    """The pairs of figures (indices into ``ctx.facts``) that FC201 reports as an error or
    warning with the shipped weights: other rules leave them to it."""
    decided, _ = _decide(ctx, default_weights())
    return {frozenset((odd, good)) for p, _, odd, good in decided if p >= CERTAIN}


def _decide(ctx: Context, weights: Weights) -> tuple[list[Decision], dict[int, list[int]]]:
    """Every figure FC201 reports, with its probability, pair and partner, in report order, and the
    backing of every figure; made once per context and weights."""
    return ctx.memo(f"_fc201_{id(weights)}", lambda: _decisions(ctx, weights))


def _decisions(ctx: Context, weights: Weights) -> tuple[list[Decision], dict[int, list[int]]]:
    facts = ctx.facts
    found = context_profiles(ctx)
    links = link(ctx, facts, weights=weights, found=found)
    backing = _backing(facts, links)
    sources = _sources(facts, context_stories(ctx))
    best: dict[int, Decision] = {}
    gives_both = _GivesBoth(facts, found)
    impossible = context_over_whole(ctx)
    for pair in links:
        if pair.value >= EQUAL:
            continue
        if _explained(facts[pair.a], facts[pair.b], found[pair.a], found[pair.b], pair.value):
            continue
        if other_separator(facts[pair.a], facts[pair.b]):
            continue  # "44,810" read the other way is the other figure: a guessed convention
        if pair.levels[_ECHO] == BOTH_STATE_BOTH:
            continue  # each article gives both numbers: two facts, not one misstated
        for odd, good in ((pair.a, pair.b), (pair.b, pair.a)):
            if good in impossible:
                continue  # a part of a whole above 100% is wrong whatever else agrees with it
            if gives_both(odd, good):
                continue  # the odd figure's sentence states the other value as another fact
            p = _posterior(pair, odd, good, facts, backing, sources, weights, wrong=odd in impossible)
            if p >= WORTH_A_LOOK and (odd not in best or _before(p, good, best[odd], facts, found)):
                best[odd] = (p, pair, odd, good)
    reported: set[int] = set()
    decided = []
    for p, pair, odd, good in sorted(best.values(), key=lambda item: (-item[0], item[2])):
        if odd in reported or good in reported:
            continue
        reported.add(odd)
        decided.append((p, pair, odd, good))
    return decided, backing


def _before(p: float, good: int, held: Decision, facts: Sequence[Fact], found: Sequence[Profile]) -> bool:
    """Is ``good`` (same fact with probability ``p``) a better partner for the odd figure than the
    one ``held``? The more probable; among those certain, one in the odd figure's own unit, then
    the one whose governing words share most with the odd figure's ("its target of 20%" is held
    against "a medium-term target of 2%", not against a forecast "at +2%"), then the first in
    document order. Which of several certain statements is named must not depend on which other
    articles were read with them (their words' rarity moves probabilities near 1), so that an
    archive check names the partner that checking the files together names: the words in
    common are counted, not weighted by rarity."""
    mine, theirs = min(p, CERTAIN), min(held[0], CERTAIN)
    if mine != theirs:
        return mine > theirs
    odd_i = held[2]
    odd, a, b = facts[odd_i], facts[good], facts[held[3]]
    words = found[odd_i].window
    # a statement in the odd figure's own unit needs no conversion to be read against it
    return ((a.q.unit != odd.q.unit, -len(words & found[good].window), a.doc, a.q.start)
            < (b.q.unit != odd.q.unit, -len(words & found[held[3]].window), b.doc, b.q.start))


class _GivesBoth:
    """Does the odd figure's own sentence give the other figure's value as the other figure's
    fact? A list that gives "tablets $6.95 billion" beside "laptops $7.74 billion" states both:
    its $6.95 billion is not its version of another source's laptops. The sentence's figure of
    that value must share the other figure's words at least as much as the odd one does: "grew
    50%, beating a target of 5%" against another source's "grew 5%" is still a slip. (Elsewhere
    in the article the same value may be one fact given twice, once wrongly: a summary against its
    table.)"""

    def __init__(self, facts: Sequence[Fact], found: Sequence[Profile]) -> None:
        self.facts = facts
        self.words = [p.window for p in found]
        self.by_doc: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            self.by_doc[(f.doc, f.q.unit)].append(i)

    def __call__(self, odd: int, good: int) -> bool:
        a, b = self.facts[odd], self.facts[good]
        iv = allowed(b, b)
        for i in self.by_doc[(a.doc, b.q.unit)]:
            if i == odd or self.facts[i].sentence != a.sentence or not iv.contains(self.facts[i].q.value):
                continue
            # the sentence's own figure of that value is the counterpart when it shares the other
            # figure's words at least as much as the odd figure does ("laptops $7.74 billion")
            shared = len(self.words[i] & self.words[good])
            if shared and shared >= len(self.words[odd] & self.words[good]):
                return True
        return False


def _backing(facts: Sequence[Fact], links: Sequence[Link]) -> dict[int, list[int]]:
    """For each figure, the figures of other articles linked to it whose values agree with it:
    the sources behind the statement. Only direct links count: agreement within precision is not
    transitive ("20%" agrees with "20.8%" and with "19.6%", which do not agree with each other)."""
    out: dict[int, list[int]] = defaultdict(list)
    for pair in links:
        if pair.value >= EQUAL and pair.probability >= AGREES and facts[pair.a].doc != facts[pair.b].doc:
            out[pair.a].append(pair.b)
            out[pair.b].append(pair.a)
    return dict(out)


def _sources(facts: Sequence[Fact], grouped: Sequence[Sequence[int]]) -> dict[int, tuple[int, int]]:
    """For each figure: how many articles its story has, and how many figures of its dimension its
    own article gives (the candidates for any one fact the article states)."""
    per_doc: dict[tuple[str, str], int] = defaultdict(int)
    for f in facts:
        per_doc[(f.doc, dimension(f))] += 1
    out = {}
    for story in grouped:
        n = len({facts[i].doc for i in story})
        for i in story:
            out[i] = (n, per_doc[(facts[i].doc, dimension(facts[i]))])
    return out


def _posterior(pair: Link, odd: int, good: int, facts: Sequence[Fact], backing: dict[int, list[int]],
               sources: dict[int, tuple[int, int]], weights: Weights, wrong: bool = False) -> float:
    """The probability that ``odd`` is its article's (wrong) statement of the fact ``good`` states.

    The pair's evidence (every comparison's weight) is set against a prior taken from the story,
    not from all pairs alike: a fact that k of a story's n articles report is reported by the
    odd figure's article with probability about k/n, and is then one of that article's m figures
    of the same dimension, so the prior is k/(n m). A figure that as many sources back as the
    other is never the odd one (on a tie, the first in document order is taken as odd), unless it
    is ``wrong`` on its own (a part of a whole above 100%)."""
    behind_good = len({facts[k].doc for k in backing.get(good, [])} | {facts[good].doc})
    behind_odd = len({facts[k].doc for k in backing.get(odd, [])} | {facts[odd].doc})
    if not wrong and (behind_odd > behind_good or (behind_odd == behind_good and odd > good)):
        return 0.0
    n, m = sources[odd]
    prior = min(0.5, (behind_good + 1) / (n + 1) / max(m, 1))
    return probability(weights.weight(pair.oriented(odd)) - weights.prior + math.log2(prior / (1 - prior)))


def _explained(a: Fact, b: Fact, pa: Profile, pb: Profile, relation: int = OTHER) -> bool:
    """What makes two different figures both right: another written period, listing or
    accounting basis; an amount per period ("annually", "a year") against one without (a total
    is often exactly ten times a year's); percentage points against percent (a rate's move in
    points, a level or a relative change in percent); two percentages that add up to 100 (a share
    and the rest); and, for figures that differ by other than a power of ten with two or more
    significant digits in common, two measures the vocabulary names apart (revenue and net
    profit), an estimate against an actual, a superseded figure, or a time word near one figure
    that the other lacks. (Revisions, estimates and other windows of
    time move a figure by some percent; they do not reproduce its digits at ten times the size.
    Changes against two different stated bases are never compared at all.)"""
    if written_apart(a, b):
        return True
    qa, qb = a.q.qualifiers, b.q.qualifiers
    if pa.rate != pb.rate:
        return True  # an amount per period against a total: often exactly ten times it
    if {a.q.unit, b.q.unit} == {"percent", "pp"}:
        return True  # points and percent measure two things: a rate's move and a relative change or a level
    if _complements(a, b):
        return True  # "about 60%" and "about 40%": the two parts of one whole
    if relation in (SLIP2, SLIP3):
        return False
    if a.q.metric and b.q.metric and a.q.metric != b.q.metric:
        return True  # two measures the vocabulary names apart: revenue and net profit
    if a.q.converts is not None or b.q.converts is not None:
        return True  # a conversion is its writer's arithmetic at the day's rate (FC301 checks it)
    if qa.estimate != qb.estimate or a.earlier != b.earlier:
        return True
    return bool((pa.markers ^ pb.markers) & _OTHER_TIME) or pa.months != pb.months


def _complements(a: Fact, b: Fact) -> bool:
    """Two percentage levels that add up to 100 within their precision: a share and the rest
    ("shareholders will own about 60%" and "about 40%"), two facts of one split."""
    if a.q.unit != "percent" or b.q.unit != "percent" or a.q.kind != "level" or b.q.kind != "level":
        return False
    ia, ib = allowed(a, b), allowed(b, a)
    if ia.low is None or ia.high is None or ib.low is None or ib.high is None:
        return False
    return ia.low + ib.low <= 100 <= ia.high + ib.high


def _describe(odd: Fact, good: Fact) -> str:
    q = odd.q if odd.q.metric else good.q
    parts = [q.metric or "value"]
    if q.entity:
        parts.append(f"of {q.entity}")
    if q.period:
        parts.append(f"for {q.period.key}")
    return " ".join(parts)
