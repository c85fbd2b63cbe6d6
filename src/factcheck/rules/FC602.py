"""FC602 rank-mismatch."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Sequence

from factcheck.attribute.entities import find_mentions
from factcheck.facts import Fact
from factcheck.findings import Finding, Severity
from factcheck.group import Context
from factcheck.link.blocking import context_stories, far_apart
from factcheck.link.profile import stem, stopwords
from factcheck.rules.base import Rule, without_calendar
from factcheck.written import quoted

#: Articles that must give the other rank, each in the same words about the same name, before
#: a lone different rank is a warning; one against one is only worth a look (info).
BACKERS = 2


class RankMismatch(Rule):
    """An ordinal rank that other sources of the story give differently, in the same words.

    "Spotify's third round of layoffs this year" in four articles and "its second round of
    layoffs this year" in a fifth cannot all be right: a rank, like an amount, is one fact. Two
    ranks are held against each other only on strong evidence that they rank the same thing:
    articles of one story published within ten days of each other; the same words after the
    ordinal (the same content words, the same first: "round of layoffs", "largest company in
    Europe"); and the same name nearest the ordinal in
    both sentences (after resolving aliases), so that "Apple took the second spot" and "Xiaomi
    the third spot" stay two facts. An article that gives both ranks in those words states two
    facts. The lone rank against two or more articles giving another is a warning; one article
    against one is `info`, worth a look.

    Ordinals are read in English, Spanish, Portuguese, French, Italian and German (see
    :mod:`factcheck.attribute.ranks`); one that opens a period ("the third quarter") is no rank.

    **Bad**

    - Sources A and B: "Acme announced its third round of layoffs this year"; source C: "Acme
      announced its second round of layoffs this year".

    **Good**

    - "Apple took the second spot" and "Xiaomi took the third spot" (two names).
    - "the second-largest company in Europe" and "the third-largest company in the world" (other
      words).
    """

    code = "FC602"
    name = "rank-mismatch"
    calendar = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        claims = [f for f in ctx.facts if f.q.kind == "rank"]
        if len(claims) < 2:
            return
        keyed = [(f, key) for f in claims if (key := _key(ctx, f)) is not None]
        ranks = [f for f, _ in keyed]
        keys = [key for _, key in keyed]
        story_of = _stories_of_docs(ctx)
        # the ranks each one is compared with: same words and name (one block, so an archive's
        # thousands of ordinals are never paired all with all), same story, another article
        blocks: dict[tuple[str, frozenset[str], str], list[int]] = defaultdict(list)
        for i, (words, name) in enumerate(keys):
            blocks[(words[0], frozenset(words), name)].append(i)
        alike: dict[int, list[int]] = defaultdict(list)
        for block in blocks.values():
            for i, j in itertools.combinations(block, 2):
                a, b = ranks[i], ranks[j]
                if a.doc == b.doc or not (story_of[a.doc] & story_of[b.doc]) or far_apart(a, b):
                    continue
                alike[i].append(j)
                alike[j].append(i)
        reported: set[frozenset[str]] = set()
        for i in sorted(alike, key=lambda i: (ranks[i].doc, ranks[i].q.start)):
            odd = ranks[i]
            same = {odd.doc} | {ranks[j].doc for j in alike[i] if ranks[j].q.value == odd.q.value}
            other = [j for j in alike[i] if ranks[j].q.value != odd.q.value]
            if not other or len(same) > 1:
                continue
            by_value: dict[object, list[int]] = defaultdict(list)
            for j in other:
                by_value[ranks[j].q.value].append(j)
            value, backers = max(by_value.items(), key=lambda kv: len({ranks[j].doc for j in kv[1]}))
            docs = {ranks[j].doc for j in backers}
            if odd.doc in docs or _states(ranks, odd.doc, value):
                continue  # its article gives the other rank too: two facts
            pair = frozenset({odd.doc, *docs})
            if len(docs) < BACKERS and pair in reported:
                continue  # one against one: reported once
            reported.add(pair)
            good = ranks[backers[0]]
            severity: Severity = "warning" if len(docs) >= BACKERS else "info"
            more = f", as {len(docs) - 1} other source{'s do' if len(docs) != 2 else ' does'}" if len(docs) > 1 else ""
            message = (f"{quoted(odd.q)} in {odd.doc} ranks it {_ordinal(odd)} where {quoted(good.q)} in {good.doc} "
                       f"ranks it {_ordinal(good)}{more}: the same words after the ordinal, about the same name "
                       f"({keys[i][1]}), in one story")
            computed = {"rank": int(odd.q.value), "other_rank": int(good.q.value), "ranked": " ".join(keys[i][0]),
                        "name": keys[i][1], "sources giving the other rank": sorted(docs)}
            yield self.finding(severity, message, (odd, good), computed,
                               "a rank not updated (a new round, a new record) or miscounted")


def _stories_of_docs(ctx: Context) -> dict[str, set[int]]:
    """The stories (of the amounts' linkage) each article belongs to."""
    amounts = without_calendar(ctx)
    out: dict[str, set[int]] = defaultdict(set)
    for k, story in enumerate(context_stories(amounts)):
        for i in story:
            out[amounts.facts[i].doc].add(k)
    return out


def _key(ctx: Context, f: Fact) -> tuple[tuple[str, ...], str] | None:
    """What a rank ranks: the content words after the ordinal, stemmed, and the resolved name
    nearest the ordinal in its sentence (before it if any); None without either. Two ranks rank
    the same thing when the first word, the set of words and the name are equal: a qualifier on
    one side only ("in Europe") may rank something else."""
    stop = stopwords()
    words = tuple(stem(w) for w in (f.q.metric or "").split() if w not in stop and len(w) > 2 and w.isalpha())
    doc = ctx.documents.get(f.doc)
    if not words or doc is None:
        return None
    s, e = f.sentence
    mentions = find_mentions(doc.text, s, e)
    before = [m for m in mentions if m.end <= f.q.start]
    after = [m for m in mentions if m.start >= f.q.end]
    nearest = before[-1] if before else after[0] if after else None
    if nearest is None:
        return None
    return words, ctx.entity_id(nearest.name) or nearest.name


def _states(ranks: Sequence[Fact], doc: str, value: object) -> bool:
    """Does ``doc`` give rank ``value`` anywhere (in any words)?"""
    return any(r.doc == doc and r.q.value == value for r in ranks)


def _ordinal(f: Fact) -> str:
    n = int(f.q.value)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
