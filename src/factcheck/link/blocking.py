"""Which pairs of facts are compared at all (blocking, in record-linkage terms).

Two figures are a candidate pair when they come from one story and measure the same dimension:
money in any currency (per one dimension of unit for prices), one physical dimension in any of its
units (pint), percent with percentage points, or counts of anything
(the counted noun is compared as a word, since extraction often misses it: "86.9" and "86.9
million passengers"). Kind (level or change) is compared, not blocked on, because copy words one
fact both ways ("up 31.7 per cent", "31.7%"). Values are never blocked on: a slip must surface.

Articles join one story when they share a main subject (one of the entities most of their
figures are about) and were published within one news window, or when they state the same
distinctive figures (two or more amounts of two or more significant digits, each in one unit).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.profile import Profile, physical_dimension, significant_digits

#: An article's main subjects: the entities that this many of its most frequent ones name.
SUBJECTS = 3
#: Articles published further apart than this are about different news, whatever their subject.
NEWS_WINDOW_DAYS = 10
#: Articles that state this many of the same distinctive figures report the same news.
SHARED_FIGURES = 2
#: A figure stated by more articles than this is too common to say which story an article tells
#: (a central bank's 2% target, a round 100).
COMMON_FIGURE = 50
#: An article tied to no other by names or figures joins the story whose main subject its
#: sentences name this many times.
SATELLITE_MENTIONS = 2
#: The most words of a subject's name looked for in an article's sentences.
_LONGEST_NAME = 4
#: A block of more figures than this (one dimension of one story) is split by shared words and
#: digits rather than compared pair by pair.
LARGE = 600


def context_stories(ctx: Context) -> list[list[int]]:
    """:func:`stories` of ``ctx.facts``, made once per context: the linkage, FC201 and the slips
    all read them."""
    return ctx.memo("_stories", lambda: stories(ctx.facts))


def stories(facts: Sequence[Fact]) -> list[list[int]]:
    """The indices of ``facts`` grouped into stories: articles join one story when they share one
    of their main subjects (the entities most of their figures are about) and were published in
    one news window, or when they state the same distinctive figures. Articles checked together
    need not be one story: a folder of a week's copy holds many, and figures about two companies
    are two facts whatever their words.

    Two kinds of evidence, because each fails where the other holds: names are read from noisy
    copy (a sentence's first capitalised word, another language's article before the name), and
    two reports of one event repeat its exact figures ("$162 million", "3.65%"), which two reports
    of different events do only by chance."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    published: dict[str, dt.date | None] = {}
    for f in facts:
        published[f.doc] = f.published
        if f.entity_id:
            counts[f.doc][f.entity_id] += 1
    docs = sorted(published)
    parent = {doc: doc for doc in docs}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    by_subject: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for entity in _subjects(counts[doc]):
            by_subject[entity].append(doc)
    for members in by_subject.values():
        # in order of publication, each article joins the one before it when they are close in
        # time: a company in the news twice a year makes two stories; an undated article joins
        # every article of its subject (it may belong to any of them)
        dated = sorted((day, d) for d in members if (day := published[d]) is not None)
        for (day, doc), (prev_day, prev) in zip(dated[1:], dated, strict=False):
            if (day - prev_day).days <= NEWS_WINDOW_DAYS:
                join(doc, prev)
        for doc in members:
            if published[doc] is None:
                for other in members:
                    join(doc, other)
    for a, b in _sharing_figures(facts, published):
        join(a, b)
    for doc, story_doc in _satellites(facts, counts, published, root):
        join(doc, story_doc)
    out: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        out[root(f.doc)].append(i)
    return [out[k] for k in sorted(out)]


def _subjects(counts: Counter[str]) -> list[str]:
    """An article's main subjects: its :data:`SUBJECTS` most named entities (ties by name)."""
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:SUBJECTS]]


def _satellites(facts: Sequence[Fact], counts: dict[str, Counter[str]], published: dict[str, dt.date | None],
                root: Callable[[str], str]) -> list[tuple[str, str]]:
    """Articles that neither names nor figures tie to any other, each with a member of the story
    whose main subject its sentences name most often (:data:`SATELLITE_MENTIONS` times or more, in
    one news window, and more often than any other story's): a report in another language whose
    own names are misread ("Gesamtbelegschaft", "Zuvor") still names the company it is about
    ("Tech-Unternehmen Microsoft"). One that names none joins the one story that states an amount
    it states ("1,2 Milliarden Dollar"). Such an article joins one story and never ties two
    together, so two stories that mention each other's subjects stay apart."""
    members: dict[str, list[str]] = defaultdict(list)
    for doc in published:
        members[root(doc)].append(doc)
    names: dict[tuple[str, ...], str] = {}  # a story's subject, as lower-case words -> the story
    for story, docs in members.items():
        if len(docs) < 2:
            continue
        subjects: Counter[str] = Counter()
        for doc in docs:
            subjects.update(_subjects(counts[doc]))
        for entity, n in subjects.items():
            words = tuple(re.findall(r"\w+", entity.lower()))
            if n >= 2 and words and len(words) <= _LONGEST_NAME:
                names[words] = story if names.get(words, story) == story else ""  # two stories' subject: no one's
    if not names:
        return []
    sentences: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if len(members[root(f.doc)]) == 1:
            sentences[f.doc].add(f.sentence_key)
    # the amounts a lone article shares with one story: a currency amount of two or more
    # significant digits ("$1.2 billion", "€19.08 billion") that no other story states
    stating: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in facts:
        if f.q.currency and f.q.kind == "level" and len(significant_digits(f.q.value)) >= 2:
            stating[(f"{f.q.value:f}", f.q.currency)].add(root(f.doc))
    sharing: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        if f.doc in sentences and f.q.currency and f.q.kind == "level":
            owners = stating.get((f"{f.q.value:f}", f.q.currency), set()) - {f.doc}
            if len(owners) == 1 and len(members[owner := next(iter(owners))]) >= 2:
                sharing[f.doc][owner] = 1
    out = []
    for doc, keys in sentences.items():
        mentions: Counter[str] = Counter()
        for key in keys:
            tokens = key.split()
            for n in range(1, _LONGEST_NAME + 1):
                for k in range(len(tokens) - n + 1):
                    named = names.get(tuple(tokens[k : k + n]))
                    if named:
                        mentions[named] += 1
        ranked = mentions.most_common(2)
        if not ranked or ranked[0][1] < SATELLITE_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            ranked = sharing[doc].most_common(2)  # no name: the story it shares an amount with
            if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
                continue
        day = published[doc]
        near = [d for d in members[ranked[0][0]] if day is None or (other := published[d]) is None
                or abs((day - other).days) <= NEWS_WINDOW_DAYS]
        if near:
            out.append((doc, near[0]))
    return out


def _sharing_figures(facts: Sequence[Fact], published: dict[str, dt.date | None]) -> list[tuple[str, str]]:
    """Pairs of articles, within one news window, that state :data:`SHARED_FIGURES` or more of the
    same distinctive figures: a value of two or more significant digits in one unit, not a year."""
    stating: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
    for f in facts:
        q = f.q
        digits = significant_digits(q.value)
        if len(digits) < 2 or q.kind not in ("level", "change", "difference") or _a_time(q.unit):
            continue
        value = f"{abs(q.value).normalize():f}"  # "25,0 Prozent" states what "25 percent" does
        if q.unit is not None:
            # a percentage is one figure whether copy words it as a level or a move ("steigt um 7,5
            # Prozentpunkte", "a 7.5 percentage point rise"); other changes only with changes
            kind = "any" if q.unit in ("percent", "pp", "bp") else q.kind
            stating[(value, q.unit, kind)].add(f.doc)
        if not q.currency and q.unit not in ("percent", "pp", "bp") and len(digits) >= 3:
            # a count is named in each article's own words and language ("126 medals", "126
            # Medaillen", a bare "126"); three digits in common are distinctive without the noun
            stating[(value, "count", q.kind)].add(f.doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in stating.values():
        if 2 <= len(docs) <= COMMON_FIGURE:
            ordered = sorted(docs)
            for x, a in enumerate(ordered):
                for b in ordered[x + 1 :]:
                    shared[(a, b)] += 1
    out = []
    for (a, b), n in sorted(shared.items()):
        da, db = published[a], published[b]
        if n >= SHARED_FIGURES and not (da and db and abs((da - db).days) > NEWS_WINDOW_DAYS):
            out.append((a, b))
    return out


def candidate_pairs(facts: Sequence[Fact], profiles: Sequence[Profile],
                    grouped: Sequence[Sequence[int]] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, in ascending order, of facts worth comparing;
    ``grouped``: the facts' stories, when the caller has them already."""
    pairs: set[tuple[int, int]] = set()
    for story in stories(facts) if grouped is None else grouped:
        blocks: dict[str, list[int]] = defaultdict(list)
        for i in story:
            blocks[dimension(facts[i])].append(i)
        for members in blocks.values():
            pairs |= _sharing(facts, profiles, members) if len(members) > LARGE else _all(facts, members)
    yield from sorted(pairs)


def dimension(fact: Fact) -> str:
    """What a figure measures, coarsely: the classes within which values can be compared."""
    q = fact.q
    if q.kind == "age":
        return "age"
    if q.currency:
        if not q.unit or "/" not in q.unit:
            return "money"
        per = q.unit.split("/", 1)[1]
        return "money/" + (physical_dimension(per) or per)  # "$10,000 a tonne" meets "$10 a kg"
    if q.unit in ("percent", "pp"):
        return "percent"
    if q.unit == "bp":
        return q.unit
    return physical_dimension(q.unit) or "count"  # "510 GW" meets "510,000 MW"


def _a_time(unit: str | None) -> bool:
    """Durations and dates ("11 years", "2025") are shared by unrelated stories of one season."""
    return unit is not None and physical_dimension(unit) == "[time]"


def _all(facts: Sequence[Fact], members: list[int]) -> set[tuple[int, int]]:
    """Every pair across articles (or across one article's headline and body): listed part by
    part, so an article that repeats one figure a thousand times costs nothing here."""
    parts: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i in members:
        parts[(facts[i].doc, facts[i].q.qualifiers.headline)].append(i)
    groups = list(parts.values())
    pairs = set()
    for x, first in enumerate(groups):
        for second in groups[x + 1 :]:
            for i in first:
                for j in second:
                    if not _apart(facts[i], facts[j]):
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def _apart(a: Fact, b: Fact) -> bool:
    if a.doc == b.doc and a.q.qualifiers.headline == b.q.qualifiers.headline:
        return True  # one article's body never contradicts itself here; its headline may
    return far_apart(a, b)


def far_apart(a: Fact, b: Fact, days: int = NEWS_WINDOW_DAYS) -> bool:
    """Were the two figures' articles both dated and published more than ``days`` apart (by
    default further than one news window)?"""
    return bool(a.published and b.published and abs((a.published - b.published).days) > days)


def _sharing(facts: Sequence[Fact], profiles: Sequence[Profile], members: list[int]) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i in members:
        p = profiles[i]
        for word in p.window:
            postings[word].append(i)
        if len(p.digits) >= 2:
            postings["#" + p.digits].append(i)
    pairs: set[tuple[int, int]] = set()
    for posting in postings.values():
        if 2 <= len(posting) <= LARGE:
            pairs |= _all(facts, posting)
    return pairs
