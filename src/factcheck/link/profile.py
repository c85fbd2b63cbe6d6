"""What the linkage compares of one fact, computed once per fact: the words that govern its number,
its sentence with the numbers masked, the time words around it and its significant digits.

Every comparison of a pair (:mod:`factcheck.link.compare`) reads two profiles, never the facts'
texts, so the cost of a pair is a few set operations however long the sentences are.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources

import attrs

from factcheck import units
from factcheck.extract.lexicon import LEXICON
from factcheck.extract.patterns import CJK_CHAR as _CJK
from factcheck.facts import Fact, words
from factcheck.group import Context

#: Words taken on each side of a figure as the phrase that governs it ("net profit rose NUM",
#: "for a club-record fee of NUM"): news puts a figure's measure within a few words of it.
LEFT, RIGHT = 6, 4
#: A sentence with more figures than this is a table or a list: its figures are not compared as
#: one another's neighbours.
CROWDED = 12
#: Words on each side searched for time words: "shares rose 11.7% on Friday", "in 2002, less than
#: NUM"; further away they belong to another clause.
TIME_LEFT, TIME_RIGHT = 10, 8

# Time words that put a figure at another time than the story's own: a figure a sentence places in
# the past, in a year-to-date window, on one day, or at a record, measures something else than the
# same words without them. One pattern a marker, matched on the masked, lower-cased sentence.
_MARKERS = (
    ("history", re.compile(r"\b(?:previous(?:ly)?|former(?:ly)?|prior|earlier|last\s+(?:year|season|time)|"
                           r"a\s+year\s+(?:ago|earlier)|year\s+earlier|years\s+earlier|ago|back\s+in|once|then)\b")),
    ("ytd", re.compile(r"\b(?:year\s+to\s+date|ytd|so\s+far\s+this\s+year|this\s+year)\b")),
    ("since", re.compile(r"\b(?:since|over\s+the\s+past|in\s+the\s+past)\b")),
    ("day", re.compile(r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|today|"
                       r"yesterday|intraday|in\s+(?:early|late)\s+trading|on\s+the\s+day|(?:mon|tues|wednes|thurs|"
                       r"fri|satur|sun)day)\b")),
    ("record", re.compile(r"\b(?:record|all[\s-]time|highest|lowest|biggest|largest|most\s+expensive)\b")),
    ("forecast", re.compile(r"\b(?:expect(?:s|ed)?|forecast(?:s|ed)?|estimate[sd]?|project(?:s|ed|ions?)|"
                            r"guidance|outlook|target|could|would|will|plan(?:s|ned)?|predict(?:s|ed)?)\b")),
)


# A rate word near a figure makes it an amount per period ("$68 million payments annually"): the
# total of the period's payments is another fact, and often exactly ten times one of them.
_RATE = re.compile(r"\b(?:annual(?:ly)?|yearly|per\s+(?:year|annum|season|month|week|day)|"
                   r"each\s+(?:year|season|month|week)|"
                   r"a\s+(?:year|season|month|week)(?!\s+(?:earlier|ago|before|later|after|on)\b))\b")


# Month names that place a figure at a month ("5.1% in June", "March sales of NUM"). "May" is left
# out: as a word it is mostly the verb.
_MONTHS = frozenset("january february march april june july august september october november december".split())


@functools.cache
def physical_units() -> frozenset[str]:
    """Unit names that pint converts: the extractor's units that are not counted nouns."""
    return LEXICON.physical_units


def physical_dimension(unit: str | None) -> str | None:
    """What a physical unit measures, as :func:`factcheck.units.dimension` keys it ("[length]",
    "[length]^2 [mass] [time]^-3"); None for anything else (a counted noun, a bare number). pint
    is only asked about the extractor's physical units, so a run without any never loads it."""
    if unit is None or unit not in physical_units():
        return None
    return units.dimension(unit)


@functools.cache
def stopwords() -> frozenset[str]:
    """The words in ``data/stopwords.txt`` (see its header)."""
    text = resources.files("factcheck.link").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


#: What a concept is written as among a phrase's words: a mark no word contains ("~wage").
CONCEPT = "~"


@functools.cache
def concepts() -> dict[str, str]:
    """Each word of ``data/concepts.tsv`` (see its header), stemmed, and the concept it names."""
    text = resources.files("factcheck.link").joinpath("data/concepts.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, words = line.split("\t")
        for word in words.split():
            out[stem(word)] = CONCEPT + name
    return out


def with_concepts(words: frozenset[str]) -> frozenset[str]:
    """``words`` and the concepts they name: "pay" and "gehalt" both add "~wage", so two phrases
    that name one measure in other words or another language share it as they would a word.

    >>> sorted(with_concepts(frozenset({"pay", "hike"})))
    ['hike', 'pay', '~rise', '~wage']
    """
    named = concepts()
    return words | {named[w] for w in words if w in named}


@attrs.frozen
class Profile:
    """The comparable surface of one fact."""

    window: frozenset[str]  # stems of the content words near the number
    frame: str  # the sentence, numbers masked, lower case: equal in copied copy
    markers: frozenset[str]  # time words near the number (see ``_MARKERS``)
    digits: str  # significant digits of the value as written ("105" for £105m and £1,050m)
    others: frozenset[tuple[str | None, str]] = frozenset()  # unit and digits of the sentence's other figures
    words: frozenset[str] = frozenset()  # stems of the whole sentence's content words
    rate: bool = False  # a rate word near the number ("annually", "a year", "per season")
    months: frozenset[str] = frozenset()  # month names among its own words ("5.1% in June")
    near: str = ""  # the words around it in order, the number as "num": "won num of the vote"
    names: frozenset[str] = frozenset()  # content words of its entity's name, stemmed


def stem(word: str) -> str:
    """A crude English stem: enough for "profits"/"profit", "shipments"/"shipment"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def significant_digits(value: Decimal) -> str:
    """The digits of ``value`` without sign, leading zeros or trailing zeros.

    >>> significant_digits(Decimal("105000000")), significant_digits(Decimal("0.0250"))
    ('105', '25')
    """
    text = f"{abs(value):f}".replace(".", "").lstrip("0").rstrip("0")
    return text or "0"


def rounded_digits(value: Decimal, length: int) -> str:
    """The significant digits of ``value`` rounded half up to ``length`` of them, zeros kept
    (229.6 to three digits is "230").

    >>> rounded_digits(Decimal("229.6"), 3), rounded_digits(Decimal("469796"), 3)
    ('230', '470')
    """
    exponent = abs(value).adjusted() - length + 1
    rounded = abs(value).quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return significant_digits(rounded).ljust(length, "0")[:length]


def written_digits(value: Decimal, literal: str) -> str:
    """The significant digits of a figure as written: trailing zeros after a decimal point count
    ("$23.0 billion" gives three digits, 230), those of a whole number do not ("1,500" may be
    round).

    >>> written_digits(Decimal("23.0E9"), "23.0"), written_digits(Decimal("1500"), "1,500")
    ('230', '15')
    """
    if "." not in literal or not literal.replace(",", "").replace(".", "").isdigit():
        return significant_digits(value)
    return literal.replace(",", "").replace(".", "").lstrip("0") or "0"


def context_profiles(ctx: Context) -> list[Profile]:
    """The profiles of ``ctx.facts``, made once per context and shared by the rules that read them."""
    return ctx.memo("_profiles", lambda: profiles(ctx.facts))


def profiles(facts: Sequence[Fact]) -> list[Profile]:
    """The profile of each fact, in order. Facts of one sentence are numbered by position, so the
    k-th figure of a sentence takes the words around the k-th masked number."""
    place: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        place[(f.doc, f.sentence)].append(i)
    index = [0] * len(facts)
    for members in place.values():
        for k, i in enumerate(sorted(members, key=lambda i: facts[i].q.start)):
            index[i] = k
    cache: dict[str, tuple[list[str], list[int]]] = {}
    sentence_words: dict[str, frozenset[str]] = {}
    out = []
    for i, f in enumerate(facts):
        key = f.sentence_key
        if key not in cache:
            tokens = key.split()
            cache[key] = (tokens, [n for n, t in enumerate(tokens) if t == "num"])
        tokens, nums = cache[key]
        if key not in sentence_words:
            stop = stopwords()
            sentence_words[key] = _content(tokens, stop)
        window: frozenset[str] = frozenset()
        markers: frozenset[str] = frozenset()
        rate = False
        months: frozenset[str] = frozenset()
        said = ""
        if index[i] < len(nums):
            at = nums[index[i]]
            near = tokens[max(0, at - LEFT) : at] + tokens[at + 1 : at + 1 + RIGHT]
            stop = stopwords()
            window = _content(near, stop)
            around = tokens[max(0, at - TIME_LEFT) : at + 1 + TIME_RIGHT]
            markers = _markers(" ".join(around))
            # only its own words: a rate word past the next or before the previous figure is theirs
            lo = nums[index[i] - 1] + 1 if index[i] > 0 else 0
            hi = nums[index[i] + 1] if index[i] + 1 < len(nums) else len(tokens)
            own = tokens[max(lo, at - LEFT) : at] + tokens[at + 1 : min(hi, at + 1 + RIGHT)]
            rate = _RATE.search(" ".join(own)) is not None
            said = " ".join(tokens[max(0, at - TIME_LEFT) : at + 1 + RIGHT])
            months = frozenset(_MONTHS.intersection(
                tokens[max(lo, at - TIME_LEFT) : at] + tokens[at + 1 : min(hi, at + 1 + TIME_RIGHT)]))
            if f.published and any(t.isdigit() and len(t) == 4 and 1900 <= int(t) < f.published.year for t in around):
                markers |= {"history"}  # "less than $10bn in 2002": a figure of an earlier year
        if f.q.metric:
            window |= {stem(w) for w in f.q.metric.lower().split()}
        window = with_concepts(window)
        out.append(Profile(window, key, markers, significant_digits(f.q.value), words=sentence_words[key],
                           rate=rate, months=months, near=said, names=_names(f)))
    for members in place.values():
        if not 2 <= len(members) <= CROWDED:
            continue
        for i in members:
            others = frozenset((facts[k].q.unit, out[k].digits) for k in members
                               if k != i and out[k].digits != out[i].digits)
            out[i] = attrs.evolve(out[i], others=others)
    return out


def _names(fact: Fact) -> frozenset[str]:
    """The content words of a fact's entity name, as its sentence's words are taken: "Alibaba
    Group" gives {"alibaba", "group"}; none for a fact with no entity."""
    if fact.entity_name is None:
        return frozenset()
    return _content(words(fact.entity_name), stopwords())


def _content(tokens: Sequence[str], stop: frozenset[str]) -> frozenset[str]:
    """The content words of ``tokens``, stemmed: no function words, digits or single letters. A
    Chinese, Japanese or Korean text's tokens are its characters, and its words are taken as the
    pairs of neighbouring characters (most of its words are two characters long: 交付, 营收).

    >>> sorted(_content("net profits rose num".split(), stopwords()))
    ['net', 'profit', 'rose']
    >>> sorted(_content(["交", "付", "num", "万", "辆"], stopwords()))
    ['万辆', '交付']
    """
    out = {stem(t) for t in tokens if t not in stop and not t.isdigit() and len(t) > 1}
    out.update(a + b for a, b in itertools.pairwise(tokens) if _CJK.match(a) and _CJK.match(b))
    return frozenset(out)


def idf(found: Sequence[Profile]) -> dict[str, float]:
    """Each phrase word's inverse document frequency over the figures: log(n / figures with it)."""
    counts: dict[str, int] = defaultdict(int)
    for p in found:
        for w in p.window:
            counts[w] += 1
    n = len(found) + 1
    return {w: math.log(n / c) for w, c in counts.items()}


def sentence_idf(found: Sequence[Profile]) -> dict[str, float]:
    """Each sentence word's inverse document frequency over the distinct sentences."""
    counts: dict[str, int] = defaultdict(int)
    seen = set()
    for p in found:
        if p.frame in seen:
            continue
        seen.add(p.frame)
        for w in p.words:
            counts[w] += 1
    n = len(seen) + 1
    return {w: math.log(n / c) for w, c in counts.items()}


def _markers(sentence: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _MARKERS if pattern.search(sentence))
