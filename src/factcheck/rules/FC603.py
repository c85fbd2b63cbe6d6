"""FC603 span-count-mismatch."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.attribute.calendar import KINDS as CALENDAR
from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: The nouns a counted "N-year" must qualify to be a length of time that a span can state: "an
#: 11-year deal", "a five-year plan". "A 15-year high", "the 10-year Treasury" and "a 20-year
#: record" are other things, so an adjective before any other noun is left alone.
DURATION_NOUNS = frozenset("""
    deal deals contract contracts extension extensions pact agreement agreements plan plans programme program
    term terms lease leases stint tenure mandate period span run partnership sponsorship commitment concession
    licence license strategy project freeze ban moratorium cycle arrangement framework roadmap scheme
    spell reign residency tenancy franchise career timeline horizon
""".split())
#: The nouns by which a sentence after the count names what was counted, so that its span may be
#: read with the count: "... a 11-year deal. The new contract will kick in starting with 2025-26".
LEAD_NOUNS = frozenset("""
    deal deals contract contracts extension extensions pact agreement agreements plan plans programme program
    lease leases partnership sponsorship arrangement scheme mandate concession licence license tenure stint
""".split())
#: Words that, just before "N years", make it a length of time ("for 11 years", "spanning five years").
DURATION_BEFORE = frozenset("for over spanning covering across lasting".split())
#: How many words after an "N-year" adjective its noun may come ("an 11-year, $500 million deal").
NOUN_REACH = 4
#: How many words may stand between a count and its span in one sentence, or before a span
#: that opens the next sentence ("The new contract will kick in starting with 2025-26").
REACH = 30
#: The most years or seasons read as a count (more is no contract or plan).
LONGEST = 100

#: What may separate two sentences that follow each other: line breaks and spaces, which the
#: splitter may count as a (blank) sentence of their own; any real sentence is longer.
BLANK = 8

_TOKEN = re.compile(r"\w+")  # a word as sentence keys have them (factcheck.check._masked)
_ADJECTIVE = re.compile(r"[-‑–]\s*(?:years?|seasons?|yrs?)$", re.IGNORECASE)  # "11-year", not "twenty-five years"


class SpanCountMismatch(Rule):
    """A count of years or seasons that the first and last year written with it contradict.

    "A 11-year deal ... The new contract will kick in starting with 2025-26 and end in 2036-37"
    states the length twice: as a count and as a first and last season, and 2025-26 through
    2036-37 is 12 seasons. Seasons and fiscal years written "2025-26" are counted inclusive; plain
    years may be counted either way ("a five-year plan from 2021 to 2026" is five years as an
    interval, six as calendar years), so a count of years is wrong only when neither fits.

    Only a count that is a length of time is read: "for 11 years", "lasting five seasons", or an
    "N-year" before a noun such as deal, contract, plan or lease ("a 15-year high between 2010 and
    2020" and "the 10-year Treasury" are not lengths). It is read with the first span after it in
    its sentence when no other year stands between them, or else with a span that opens the next
    sentence when that sentence counts no years of its own, names what was counted ("The new
    contract will kick in ...") and states no other figure before the span (an amount first is
    another deal's: "At $700 million, his deal beats Messi's $674 million deal from 2017-2021").
    A span before its count, a hedged count ("more than 10 years")
    and a count of seasons played ("14 seasons, from 2005-06 to 2019-20": a season may be missed)
    are left alone: when in doubt, the rule is silent.

    **Bad**

    - "He signed a 11-year deal. The new contract will kick in starting with 2025-26 and end in
      2036-37." (12 seasons).

    **Good**

    - "He will stay for 11 years beginning with the 2025-26 season and running through the 2035-36
      season." (11 seasons).
    - "a five-year plan from 2021 to 2026" (five years from 2021 to 2026).
    """

    code = "FC603"
    name = "span-count-mismatch"
    calendar = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        for facts in ctx.by_doc.values():
            spans = sorted((f for f in facts if f.q.kind == "span"), key=_start)
            if not spans:
                continue
            article = _Article(spans, facts)
            for span in spans:
                count = article.count_for(span)
                if count is None:
                    continue
                finding = self._finding(count, span)
                if finding is not None:
                    yield finding

    def _finding(self, count: Fact, span: Fact) -> Finding | None:
        n = int(count.q.value)
        first, last = int(span.q.low or 0), int(span.q.high or 0)
        if span.q.unit == "season":
            allowed = {last - first + 1}
            written = f"{first}-{(first + 1) % 100:02d} to {last}-{(last + 1) % 100:02d}"
            counted = f"{last - first + 1} seasons"
        else:
            allowed = {last - first, last - first + 1}
            written = f"{first} to {last}"
            counted = f"{last - first} or {last - first + 1} years"
        if n in allowed:
            return None
        message = (f"{quoted(count.q)} does not match {quoted(span.q)} in {span.doc}: {written} is {counted}, "
                   f"not {n}")
        return self.finding("warning", message, (count, span),
                            {"stated": n, "first": first, "last": last, "allowed": sorted(allowed)},
                            "a count or a year not updated when the other was, or an off-by-one count")


def _start(f: Fact) -> int:
    return f.q.start


def _is_count(f: Fact) -> bool:
    """A number of years or seasons stated as such: "11-year", "11 years", "five seasons"."""
    q = f.q
    return (q.kind == "level" and q.unit in ("year", "season") and q.bound == "=" and q.low is None
            and q.value == q.value.to_integral_value() and 0 < q.value <= LONGEST)


def _year_at(tokens: list[str], span: Fact, start: int, stop: int) -> int | None:
    """Where ``span``'s first year is among ``tokens[start:stop]`` ("2025", or "fy2025" as keys
    have "FY2025"); ``None`` if it is not there."""
    year = _TOKEN.findall(span.q.literal)[:1]
    if not year:
        return None
    wanted = (year[0], "fy" + year[0])
    return next((i for i in range(start, min(stop, len(tokens))) if tokens[i] in wanted), None)


class _Words:
    """The words of a count's sentence around it, read from the sentence's key (the text is gone
    by now; the key has the words with every figure masked, wrapped lines joined). The tokens are
    shared by the sentence's figures: a long sentence is split once, not once a figure."""

    def __init__(self, count: Fact, tokens: list[str], nums: list[int], rank: int) -> None:
        self.count = count
        self.tokens = tokens
        self.at = nums[rank] if rank < len(nums) else None

    def until(self, span: Fact) -> list[str] | None:
        """The words from the count to ``span`` in their sentence, if the span's first year comes
        within ``REACH`` words after the count; else ``None``."""
        if self.at is None:
            return None
        found = _year_at(self.tokens, span, self.at + 1, self.at + 1 + REACH)
        return None if found is None else self.tokens[self.at + 1 : found]

    def duration(self) -> bool:
        """Is the count a length of time: "for 11 years", or "11-year" before a word like "deal"?"""
        if self.at is None:
            return False
        if _ADJECTIVE.search(self.count.q.text):
            return any(w in DURATION_NOUNS for w in self.tokens[self.at + 1 : self.at + 1 + NOUN_REACH])
        return self.at > 0 and self.tokens[self.at - 1] in DURATION_BEFORE


class _Article:
    """One article's spans and counts of years, in order of position, for pairing them."""

    def __init__(self, spans: list[Fact], facts: list[Fact]) -> None:
        self.spans = spans
        self._tokens: dict[str, tuple[list[str], list[int]]] = {}
        # each figure's place among its sentence's figures: which masked word of the key it is
        ranks: dict[int, int] = {}
        by_sentence: dict[tuple[int, int], list[Fact]] = {}
        for f in facts:
            if f.q.kind not in CALENDAR:
                by_sentence.setdefault(f.sentence, []).append(f)
        for members in by_sentence.values():
            for k, f in enumerate(sorted(members, key=_start)):
                ranks[id(f)] = k
        counts = sorted((f for f in facts if _is_count(f)), key=_start)
        self.counts = counts
        self.words = {id(f): _Words(f, *self.tokens(f.sentence_key), ranks[id(f)]) for f in counts}
        # every figure in years or seasons, hedged or not: a sentence with any of them states
        # its own length, and a span in it is not read with the sentence before
        self.counted = {f.sentence for f in facts if f.q.kind == "level" and f.q.unit in ("year", "season")}
        self.used: set[int] = set()

    def tokens(self, key: str) -> tuple[list[str], list[int]]:
        """A sentence key's words and where its masked figures are, split once per sentence."""
        if key not in self._tokens:
            tokens = key.split()
            self._tokens[key] = (tokens, [i for i, t in enumerate(tokens) if t == "num"])
        return self._tokens[key]

    def count_for(self, span: Fact) -> Fact | None:
        """The count ``span`` states the length of, if any (see the rule's docstring); each count
        is read with one span only."""
        found = self._pair(span)
        if found is None or id(found) in self.used:
            return None
        self.used.add(id(found))
        return found

    def _pair(self, span: Fact) -> Fact | None:
        k = bisect.bisect_left(self.counts, span.q.start, key=_start)
        before = self.counts[k - 1] if k > 0 else None
        if before is not None and before.sentence == span.sentence:
            # the nearest count before the span in its sentence, with no other span and no other
            # year between them ("a five-year plan, announced in 2021, ... between 2010 and 2020");
            # a count further back is not about this span either
            words = self.words[id(before)]
            between = words.until(span)
            if between is None or any(w.isdigit() for w in between) or self._span_between(before.q.end, span.q.start):
                return None
            return before if words.duration() else None
        # the last count of the sentence right before, when the span's own sentence counts no
        # years and names what was counted ("... a 11-year deal. The new contract will kick in
        # starting with 2025-26 ..."): "From 2001 to 2005 it lost money" is about something else
        if before is None or not 0 <= span.sentence[0] - before.sentence[1] <= BLANK \
                or span.sentence in self.counted or self._span_between(before.q.end, span.q.start):
            return None
        tokens, _ = self.tokens(span.sentence_key)
        found = _year_at(tokens, span, 0, REACH)
        if found is None or not LEAD_NOUNS.intersection(tokens[:found]) or not self.words[id(before)].duration():
            return None
        if "num" in tokens[:found]:
            return None  # another figure comes first: "At $700 million, his deal beats Messi's ... from 2017-2021"
        return before

    def _span_between(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.spans, start, key=_start)
        return k < len(self.spans) and self.spans[k].q.start < end


__all__ = ["Fact", "SpanCountMismatch"]
