"""Magnitude slips: a figure that reproduces another source's digits at another power of ten.

A dropped or doubled zero, a misplaced decimal point or the wrong scale word ("million" for
"billion") keeps a figure's significant digits and moves it by a power of ten: "£22.6bn" becomes
"£226bn", "$162 million" becomes "$1,620 million". Two reports of one story that give the same
two or more significant digits in one unit, exactly a power of ten apart, are strong evidence of
such a slip, whatever else the words say: different facts rarely share their digits, and almost
never at exactly ten, a hundred or a thousand times the size. Rarely is not never in a story of
two hundred figures, so the digits need one more piece of evidence: another article giving the
good value, or a word in common in the phrases that govern the two numbers (with only two digits
in common, the word or three articles giving the good value, five for a percentage within 100;
an age names its own metric; three digits need nothing more when nothing says the two are
different facts, no metric label and no entity that differ, and four or more need nothing more at
all, as different facts do not repeat them). A figure written less precisely than the other
("$146 million" against "$1,464.0 million") is compared as the other rounded to its three or more
digits. The evidence weakens when the odd value is itself a statement of the story (another
article gives it too, or the odd figure's own article also gives the other value: then the two
are most likely two facts, a salary and a bonus of €15m and €150m, unless two other articles give
that value in words the odd figure shares), and when the two are explained as different facts by
a written period, listing or accounting basis.

Which of the two is the slip: the value no other article gives; when neither is given elsewhere,
the one further from the scale of the story's other figures in that unit (a slip moves a figure
away from the figures it is reported among), and with too few of those, the first article's (the
finding names both; either may be the wrong one).

Candidates are found by a hash join on (story, unit, kind, significant digits), never by trying
every pair, so the cost is linear in the number of facts.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

import attrs

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.blocking import context_stories, far_apart, stories
from factcheck.link.bounds import over_whole
from factcheck.link.compare import Stated
from factcheck.link.profile import (
    Profile,
    context_profiles,
    physical_units,
    rounded_digits,
    significant_digits,
    stem,
    stopwords,
    written_digits,
)
from factcheck.link.values import allowed, other_separator, written_apart

#: The powers of ten a slip can move a figure by: a digit dropped or added, a scale word swapped
#: ("million" for "billion" is three).
POWERS = (1, 2, 3)
#: The least number of significant digits two figures must share: one digit ("100" and "1,000",
#: "20%" and "2%") is shared by different facts all the time.
MIN_DIGITS = 2
#: A figure written less precisely than the other ("$146 million" and "$1,464.0 million") is
#: compared as the other rounded to its digits, when it has this many.
ROUNDED_DIGITS = 3
#: Pairs sharing fewer digits than this need a word in common in the phrases that govern them, or
#: ``CONSENSUS`` articles giving the good value; one other article is not enough: "$150 billion"
#: (a valuation) and "$1.5 billion" (a year's spending) in one funding story are two facts.
STRONG_DIGITS = 3
#: Two-digit percentages need this many articles giving the other value: percentages crowd into
#: 1-100, where "3.5%" and "35%" are two facts of one earnings story more often than a slip.
PERCENT_BACKERS = 3
#: Two digits with no word in common are enough when this many articles give the other value: a
#: figure that three reports print is the story's statement of its fact, and one article giving
#: it at ten times the size in other words has slipped ("at least $1,200 million" against three
#: "$120 million" estimates). Not for percentages, which crowd into 1-100 ("2.3%" of one segment,
#: "23%" of another).
CONSENSUS = 3
#: Four or more significant digits repeated at a power of ten are a slip on their own: different
#: facts do not share four digits ("$22.45 billion" and "$224.50 billion"), so the pair needs no
#: other article behind it and no word in common, and an article that gives both has slipped once
#: ("11.23 million" in one paragraph, "112,330,039" in the next) rather than stated two facts.
DISTINCTIVE_DIGITS = 4
#: Percentages crowd into 1-100, so two digits without a word in common need more articles giving
#: the other value: five reports of "39%" against one "390%" in other words (another language).
PERCENT_CONSENSUS = 5
#: A figure with more statements than this of one value is a common figure, not one fact's.
MAX_GROUP = 200


@attrs.frozen
class Slip:
    """Indices into the facts given to :func:`slips`: the figure taken as the slip, the one it
    contradicts, and the other articles' figures that agree with that one."""

    odd: int
    good: int
    power: int  # the odd figure is 10**power times the good one (negative: smaller)
    allies: tuple[int, ...] = ()
    digits: str = ""  # the significant digits the two share (the less precise one's)


def context_slips(ctx: Context) -> list[Slip]:
    """The slips among ``ctx.facts`` (indices into them), found once per context: the rule that
    reports them and the rule that must not report them again both ask."""
    return ctx.memo("_slips", lambda: slips(ctx.facts, context_profiles(ctx), context_stories(ctx)))


def slips(facts: Sequence[Fact], found: Sequence[Profile] | None = None,
          grouped: Sequence[Sequence[int]] | None = None) -> list[Slip]:
    """The magnitude slips among ``facts``, at most one per odd figure, in index order.

    ``found``: each fact's linkage profile: the words that govern its number, and whether a rate
    word ("annually", "a year") is among them.
    Digits alone are not enough: a slip needs another article that gives the good value, or a word
    in common in the two phrases; with only two digits in common it needs the word (and a two-digit
    percentage also three articles giving the good value). Without profiles only three or more
    digits with another article count. A figure per period and one without ("$68 million
    annually", "$680 million") are two facts: a total is often exactly ten times a year's.
    """
    words = None if found is None else [p.window for p in found]
    rates = None if found is None else [p.rate for p in found]
    story_of = story_index(facts, grouped)
    stated = Stated(facts)
    docs_of_story: dict[int, set[str]] = defaultdict(set)
    for i, f in enumerate(facts):
        docs_of_story[story_of[i]].add(f.doc)
    groups: dict[tuple[int, str, str, bool], dict[Decimal, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, f in enumerate(facts):
        q = f.q
        if q.value == 0 or q.low is not None or q.kind not in ("level", "change", "difference", "age"):
            continue  # a range fits many values; a slip is one figure
        if len(significant_digits(q.value)) >= MIN_DIGITS:
            groups[(story_of[i], measure(f), compared_kind(f), q.value < 0)][abs(q.value).normalize()].append(i)
    scale = _scales(facts, story_of)
    best: dict[int, Slip] = {}
    for by_value in groups.values():
        if len(by_value) < 2 or sum(len(v) for v in by_value.values()) > MAX_GROUP:
            continue
        written = {v: max((_written(facts[i]) for i in ids), key=len) for v, ids in by_value.items()}
        for small, big, power, digits in _candidates(by_value, written):
            slip = _judge(facts, by_value[small], by_value[big], power, stated, scale, story_of,
                          docs_of_story, words, rates)
            if slip is not None and slip.odd not in best:
                best[slip.odd] = attrs.evolve(slip, digits=digits)
    if found is not None:
        for slip in _over_whole_slips(facts, found, story_of):
            best.setdefault(slip.odd, slip)
        for slip in _labelled_slips(facts, found, story_of, docs_of_story):
            best.setdefault(slip.odd, slip)
        for slip in _rare_percent_slips(facts, found, story_of):
            best.setdefault(slip.odd, slip)
    return [best[i] for i in sorted(best)]


#: Articles that must give a percentage within 100 for one at ten times it, above 100, sharing one
#: significant digit with it, to be taken as its slip.
RARE_BACKERS = 4


def _rare_percent_slips(facts: Sequence[Fact], found: Sequence[Profile], story_of: dict[int, int]) -> list[Slip]:
    """Slips of one significant digit from a percentage within 100 to one above it ("200%" where
    eight reports give "20%"): a percentage above 100 is rare in any story and its tenth is a
    common figure, so it counts only as the story's plain statement of the fact: four or more
    other articles give the tenth, no other article gives the odd value, the odd figure's own
    article gives the tenth only as the same fact again (in another sentence that shares its
    words: a headline and its body), and the odd figure shares a word of its phrase with one of
    the others."""
    words = [p.window for p in found]
    by_story: dict[int, dict[Decimal, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, f in enumerate(facts):
        if f.q.unit == "percent" and f.q.low is None and f.q.value > 0:
            by_story[story_of[i]][f.q.value.normalize()].append(i)
    out = []
    for values in by_story.values():
        for value, odd_side in values.items():
            if value <= 100 or len(significant_digits(value)) != 1 or len({facts[i].doc for i in odd_side}) != 1:
                continue
            good_side = values.get((value / 10).normalize(), [])
            odd = odd_side[0]
            a = facts[odd]
            own = [i for i in good_side if facts[i].doc == a.doc]
            if own and not restated_in(facts, odd, own, words):
                continue  # the article gives the tenth as another fact, not once again in its words
            good_side = [i for i in good_side if facts[i].doc != a.doc]
            if len({facts[i].doc for i in good_side}) < RARE_BACKERS:
                continue
            for good in _most_alike(odd, good_side, words):
                b = facts[good]
                if written_apart(a, b) or far_apart(a, b) or found[odd].rate != found[good].rate:
                    continue
                if (found[odd].window & found[good].window) - _names(a) - _names(b):
                    allies = tuple(i for i in good_side if i != good)
                    out.append(Slip(odd, good, 1, allies, significant_digits(b.q.value)))
                    break
    return out


#: Articles that must give the good value for one significant digit to count as a slip.
LABELLED_BACKERS = 2


def _labelled_slips(facts: Sequence[Fact], found: Sequence[Profile], story_of: dict[int, int],
                    docs_of_story: dict[int, set[str]]) -> list[Slip]:
    """Slips of one significant digit ("a 20% inflation target" against "its 2% target"), which
    repeat by chance in any story, so only with everything else saying one fact: the same entity
    and metric label (or none) on both sides, a word of the governing phrases in common, two or
    more other articles giving the good value, and no other article (nor the odd figure's own)
    giving the odd one."""
    by_key: dict[tuple[object, ...], dict[Decimal, list[int]]] = defaultdict(lambda: defaultdict(list))
    given = {(f.doc, f.q.unit, abs(f.q.value).normalize()) for f in facts}
    words = [p.window for p in found]
    for i, f in enumerate(facts):
        q = f.q
        if q.value == 0 or q.low is not None or f.entity_id is None:
            continue
        if q.kind not in ("level", "change", "difference") or not any(c.isdigit() for c in q.text):
            continue  # a number spelled out ("four gold medals") is no slip of digits
        key = (story_of[i], measure(f), compared_kind(f), q.value < 0, q.metric, f.entity_id)
        by_key[key][abs(q.value).normalize()].append(i)
    out = []
    for by_value in by_key.values():
        if len(by_value) < 2:
            continue
        for value, odd_side in by_value.items():
            if len(significant_digits(value)) != 1:
                continue
            odd_docs = {facts[i].doc for i in odd_side}
            if len(odd_docs) != 1:
                continue
            for good_value in (value / 10, value * 10):
                good_side = by_value.get(good_value.normalize())
                if not good_side:
                    continue
                good_docs = {facts[i].doc for i in good_side} - odd_docs
                if len(good_docs) < LABELLED_BACKERS:
                    continue
                unit = facts[odd_side[0]].q.unit
                others = docs_of_story[story_of[odd_side[0]]] - odd_docs
                if any((d, unit, value) in given for d in others):
                    continue  # another article gives the odd value too: a fact of its own
                if any(facts[i].doc in odd_docs for i in good_side):
                    continue  # the article gives both: two facts
                slip = _first_labelled(facts, found, words, odd_side, good_side, 1 if good_value < value else -1)
                if slip is not None:
                    out.append(slip)
                    break
    return out


def _first_labelled(facts: Sequence[Fact], found: Sequence[Profile], words: Sequence[frozenset[str]],
                    odd_side: list[int], good_side: list[int], power: int) -> Slip | None:
    """The first pair of an odd and a good statement with a word of their phrases in common, the
    good one taken as the statement most like the odd one; None when no pair has one."""
    for odd in odd_side:
        a = facts[odd]
        for good in _most_alike(odd, [g for g in good_side if facts[g].doc != a.doc], words):
            b = facts[good]
            if written_apart(a, b) or far_apart(a, b) or found[odd].rate != found[good].rate or other_separator(a, b):
                continue
            if (words[odd] & words[good]) - _names(a) - _names(b):
                allies = tuple(i for i in good_side if i != good)
                return Slip(odd, good, power, allies, significant_digits(abs(a.q.value)))
    return None


def _most_alike(odd: int, candidates: Sequence[int], words: Sequence[frozenset[str]]) -> list[int]:
    """``candidates`` ordered by how many of the odd figure's governing words each shares (the
    first on a tie): the statement an editor holds the odd figure against comes first."""
    return sorted(candidates, key=lambda g: -len(words[odd] & words[g]))


def _part_words(part: str) -> set[str]:
    """The content words of a part-of-a-whole phrase: "vote" of "of the vote"."""
    return {stem(w) for w in part.split() if w not in stopwords()}


def _over_whole_slips(facts: Sequence[Fact], found: Sequence[Profile], story_of: dict[int, int]) -> list[Slip]:
    """Slips whose odd figure is a part of a whole above 100% ("turnout of 599%"): the figure is
    wrong on its own (:func:`factcheck.link.bounds.over_whole`), so one significant digit in
    common is enough to name the figure it slipped from ("200%" of a share against "20%"), when
    the two also share a word of the phrases that govern them, or the other has the part's word
    near it ("34% of the vote" for "a vote share of 340%"), and the other is within the whole.
    A range counts by its ends ("a margin of 20%-22%" for "an operating margin of 200%"). The other
    article's figure that most articles give is taken."""
    percents: dict[int, list[tuple[Decimal, int]]] = defaultdict(list)
    odd_ones = []
    for i, f in enumerate(facts):
        if f.q.unit != "percent" or f.q.value <= 0:
            continue
        # a range is compared by its ends: "200% of sales" slipped from "a margin of 20%-22%"
        ends = (f.q.value,) if f.q.low is None else tuple(v for v in (f.q.low, f.q.high) if v is not None)
        percents[story_of[i]].extend((v, i) for v in ends)
        if f.q.low is not None:
            continue
        part = over_whole(f, found[i])
        if part:
            odd_ones.append((i, part))
    for values in percents.values():
        values.sort()
    out = []
    for odd, part in odd_ones:
        a = facts[odd]
        values = percents[story_of[odd]]
        options = []
        for power in POWERS:
            target = a.q.value.scaleb(-power)
            # the other figure allows the odd one's value scaled back ("60%" for "599.0%")
            start = bisect.bisect_left(values, (target * Decimal("0.8"), -1))
            stop = bisect.bisect_right(values, (target * Decimal("1.25"), len(facts)))
            for value, good in values[start:stop]:
                b = facts[good]
                if b.doc == a.doc or value > 100 or written_apart(a, b) or far_apart(a, b):
                    continue
                if not allowed(b, a).contains(target):
                    continue
                shared = (found[odd].window & found[good].window) - _names(a) - _names(b)
                if not shared and not _part_words(part) & {stem(w) for w in found[good].near.split()}:
                    continue  # neither a word of the two phrases nor the part ("vote") in common
                allies = tuple(i for v, i in values if v == value and i != good and facts[i].doc not in (a.doc, b.doc))
                options.append((len({facts[i].doc for i in allies}), -good,
                                Slip(odd, good, power, allies, significant_digits(value))))
        if options:
            out.append(max(options, key=lambda o: o[:2])[2])
    return out


def _candidates(by_value: dict[Decimal, list[int]],
                written: dict[Decimal, str] | None = None) -> list[tuple[Decimal, Decimal, int, str]]:
    """Pairs of values (smaller, larger, power of ten, the digits they share) that repeat each
    other's significant digits at another power of ten: exactly ("162" and "1,620"), or the less
    precise one as the other rounded ("146" and "1,464.0": three or more digits, counting the
    zeros written after a decimal point: "$23.0 billion" and "$229.60 billion"), found through an
    index of digit strings, not by comparing every pair."""
    exact: dict[str, list[Decimal]] = defaultdict(list)
    coarse_by: dict[str, list[Decimal]] = defaultdict(list)
    rounded: dict[str, list[Decimal]] = defaultdict(list)
    for value in by_value:
        digits = significant_digits(value)
        exact[digits].append(value)
        coarse_by[digits].append(value)
        shown = (written or {}).get(value, digits)
        if shown != digits:
            coarse_by[shown].append(value)
        for length in range(ROUNDED_DIGITS, len(digits)):
            shorter = rounded_digits(value, length)
            if len(shorter) == length:
                rounded[shorter].append(value)
    out = []
    for digits, values in exact.items():
        ordered = sorted(values)
        for x, small in enumerate(ordered):
            for big in ordered[x + 1 :]:
                power = _power(small, big)
                if power is not None:
                    out.append((small, big, power, digits))
    for digits, values in rounded.items():
        for coarse in coarse_by.get(digits, []):
            for fine in values:
                power = _power_within(coarse, fine)
                if power is not None:
                    small, big = (coarse, fine) if power > 0 else (fine, coarse)
                    out.append((small, big, abs(power), digits))
    return out


def _power_within(coarse: Decimal, fine: Decimal) -> int | None:
    """k such that ``fine`` is ``coarse`` times 10**k to ``coarse``'s last digit (k may be
    negative), or None."""
    half = Decimal(5).scaleb(coarse.normalize().as_tuple().exponent - 1)  # type: ignore[operator]
    for k in POWERS:
        for signed in (k, -k):
            if abs(fine.scaleb(-signed) - coarse) <= half:
                return signed
    return None


def story_index(facts: Sequence[Fact], grouped: Sequence[Sequence[int]] | None = None) -> dict[int, int]:
    """Each fact's story, numbered: ``grouped`` when given (the context's stories), else made."""
    return {i: k for k, story in enumerate(stories(facts) if grouped is None else grouped) for i in story}


def measure(f: Fact) -> str:
    """What must be equal for two figures' digits to be compared: the currency, percent (with
    points), the physical unit, or a count of anything (a bare number or any noun: "89.1" and
    "891.0 million passengers")."""
    q = f.q
    if q.currency:
        return q.unit or q.currency
    if q.unit in ("percent", "pp"):
        return "percent"
    if q.unit == "bp":
        return "bp"  # "525 bps" is 5.25 points: its digits are a percentage's, not a count's
    if q.unit == "cent":
        return "cent"  # "34.40 cents" is a hundredth of a currency: "0.3440" dollars, not a count
    if q.unit is None or q.unit not in physical_units():
        return "count"
    return q.unit


def compared_kind(f: Fact) -> str:
    """Percentages are compared whether written as a level or a change ("31.7%", "up 31.7 per
    cent"): copy words one rise both ways; other changes only with changes."""
    return "any" if f.q.unit in ("percent", "pp") else f.q.kind


def _power(small: Decimal, big: Decimal) -> int | None:
    for k in POWERS:
        if small * Decimal(10) ** k == big:
            return k
    return None


def _judge(facts: Sequence[Fact], smalls: list[int], bigs: list[int], power: int, stated: Stated,
           scale: dict[tuple[int, str | None], float], story_of: dict[int, int],
           docs_of_story: dict[int, set[str]], words: Sequence[frozenset[str]] | None,
           rates: Sequence[bool] | None = None) -> Slip | None:
    """One slip between the figures of two values (each list: the statements of one value), or
    None when the pair is better read as two facts."""
    small_docs = {facts[i].doc for i in smalls}
    big_docs = {facts[i].doc for i in bigs}
    story = story_of[smalls[0]]
    others = docs_of_story[story]
    # a value another article of the story also gives (within its precision) is a statement of
    # the story, not a slip
    small_elsewhere = any(stated.states(d, facts[smalls[0]]) for d in others - small_docs)
    big_elsewhere = any(stated.states(d, facts[bigs[0]]) for d in others - big_docs)
    if small_elsewhere and big_elsewhere:
        return None
    if len(small_docs) > 1 and len(big_docs) > 1:
        return None
    if big_elsewhere or len(big_docs) > 1:
        odd_side, good_side, sign = smalls, bigs, -power
    elif small_elsewhere or len(small_docs) > 1:
        odd_side, good_side, sign = bigs, smalls, power
    else:
        # neither value is given twice: the slip is the figure further from the scale of the
        # story's other figures in this unit; with too few of those to tell, the first article's
        # (as FC201 takes the first of two equally backed figures as the odd one)
        centre = scale.get((story, facts[smalls[0]].q.unit))
        lo = _log10(facts[smalls[0]].q.value)
        hi = lo + power
        odd_is_big = min(big_docs) < min(small_docs) if centre is None else abs(hi - centre) > abs(lo - centre)
        if odd_is_big:
            odd_side, good_side, sign = bigs, smalls, power
        else:
            odd_side, good_side, sign = smalls, bigs, -power
    good_docs = {facts[i].doc for i in good_side}
    for odd in odd_side:
        for good in good_side if words is None else _most_alike(odd, good_side, words):
            a, b = facts[odd], facts[good]
            if written_apart(a, b) or far_apart(a, b) or (rates is not None and rates[odd] != rates[good]):
                continue
            if a.doc == b.doc or other_separator(a, b):
                continue
            digits = min(len(_written(a)), len(_written(b)))
            distinctive = digits >= DISTINCTIVE_DIGITS
            backed = len({facts[i].doc for i in good_side}) > 1
            shared = bool(words is not None and (words[odd] & words[good]) - _names(a) - _names(b))
            own = [i for i in good_side if facts[i].doc == a.doc]
            others_back = len({facts[i].doc for i in good_side} - {a.doc}) >= 2
            in_sentence = any(facts[i].sentence == a.sentence for i in own)
            if own and not distinctive and (in_sentence or not (restated_in(facts, odd, own, words)
                                                                or (shared and others_back))):
                # the article gives both values in other words: two facts (a salary, a bonus),
                # unless two other articles give the other value in words the odd figure shares;
                # both in one sentence ("£38m profit and £3.8bn of liquidity") are always two
                continue
            if a.q.kind == "age" and b.q.kind == "age":
                shared = True  # "24-year-old" names its metric: how old someone is
            crowded = measure(a) == "percent" and not above_the_crowd(a, b)
            consensus = len(good_docs) >= (PERCENT_CONSENSUS if crowded else CONSENSUS)
            alone = digits == STRONG_DIGITS and _nothing_against(a, b)
            if not (backed or shared or distinctive or alone) or (digits < STRONG_DIGITS and not (shared or consensus)):
                continue
            if digits < STRONG_DIGITS and measure(a) == "count" and None not in (a.q.unit, b.q.unit) \
                    and a.q.unit != b.q.unit:
                continue  # two digits of two different counts ("35 seats", "3.5 points"); bare is unknown
            if digits < STRONG_DIGITS and crowded and len(good_docs) < PERCENT_BACKERS:
                continue  # two-digit percentages ("35%", "3.5%") collide by chance in any story
            allies = tuple(i for i in good_side if i != good and facts[i].doc != a.doc)
            return Slip(odd, good, sign, allies)
    return None


def above_the_crowd(odd: Fact, good: Fact) -> bool:
    """Is the odd figure a percentage above 100 and the other one within 100? Percentages crowd
    into 1-100, where "3.5%" and "35%" are two facts of one story more often than a slip, and so
    need more evidence; a percentage above 100 is rare in any story, so one that repeats the
    digits of a figure within 100 at ten times its size ("250%" for "25%") meets it by chance
    no more often than two counts do, and needs only the evidence a count needs."""
    return odd.q.unit == good.q.unit == "percent" and abs(odd.q.value) > 100 >= abs(good.q.value)


def _nothing_against(a: Fact, b: Fact) -> bool:
    """Three significant digits at a power of ten are a slip with nothing more when nothing says
    the two are different facts: both are written with a unit, a scale word or a symbol (bare
    digits are often parts of dates: "202" and "2024.3"), and neither their metric labels nor their
    entities differ where both are known ("3.58 billion yuan" of net other losses against "35.8
    billion yuan" of advertising revenue; Australia's "$14.6 million" against another film's "$146
    million")."""
    if not all(_written_with_words(f) for f in (a, b)):
        return False
    if a.q.metric and b.q.metric and a.q.metric != b.q.metric:
        return False
    return not (a.entity_id and b.entity_id and a.entity_id != b.entity_id)


def _written_with_words(f: Fact) -> bool:
    """Is the figure written with a unit, a scale word or a symbol, not as bare digits?"""
    return any(c.isalpha() or c in "%$€£¥₹₩" for c in f.q.text)


def _written(f: Fact) -> str:
    return written_digits(f.q.value, f.q.literal)


def _names(f: Fact) -> set[str]:
    """The words of the figure's entity name: the story's subject is near every figure of it, so
    sharing it says nothing about which fact two figures state."""
    return {stem(w) for name in (f.entity_name, f.q.entity) if name for w in re.findall(r"\w+", name.lower())}


def restated_in(facts: Sequence[Fact], odd: int, own: list[int], words: Sequence[frozenset[str]] | None) -> bool:
    """The odd figure's own article also gives the other value, in another sentence whose words
    share a word with the odd figure's (a headline's "$155M opening" and the body's "$1,550 million
    opening"): one fact given twice, once with a slip. Both values in one sentence, or with no
    words in common, are two facts ("€15m a year and a €150m bonus")."""
    if words is None or any(facts[i].sentence == facts[odd].sentence for i in own):
        return False
    return any((words[odd] & words[i]) - _names(facts[odd]) for i in own)


def _scales(facts: Sequence[Fact], story_of: dict[int, int]) -> dict[tuple[int, str | None], float]:
    """The median order of magnitude (log10) of each story's figures in each unit."""
    logs: dict[tuple[int, str | None], list[float]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.q.unit is not None and f.q.value:
            logs[(story_of[i], f.q.unit)].append(_log10(f.q.value))
    return {k: statistics.median(v) for k, v in logs.items() if len(v) >= 3}


def _log10(value: Decimal) -> float:
    """The order of magnitude of a non-zero value, computed on the Decimal: "990e-499" is below
    the smallest float, where ``math.log10(float(...))`` fails."""
    return float(abs(value).log10())
