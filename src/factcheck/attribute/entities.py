"""Who a quantity is about: deterministic rules over the sentence and the ones before it.

The rules, in the order they are tried for a quantity at offset ``q`` of sentence ``S``:

1. a possessive before ``q`` ("Alibaba's shares ... surged 11.7%");
2. "shares/stock of X" and "X, which ..." (the antecedent of a relative clause);
3. the subject of ``S``: its first name before ``q`` that no preposition governs ("in China",
   "to Moonshot AI", "like Nvidia"), that is not the source of a report ("Bloomberg reported
   that ...", "according to ..."), and that is not a place;
4. an anaphor before ``q`` ("it", "its", "their", "the company", "the firm", "the group") or a
   definite description of a metric opening the sentence ("The market capitalization ...")
   refers to the article's salient entity, its most-mentioned name; "this model" refers to the
   latest product name (a name with a digit: "Qwen3-Max");
5. otherwise the entity is unknown (``None``): a guess would make false alarms.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from factcheck.attribute.sentences import Sentences
from factcheck.extract.lexicon import LEXICON
from factcheck.extract.patterns import CJK_CHAR
from factcheck.resolve import normalize

#: The capitals a name opens with: Latin with its accented letters ("Élysée", "Škoda", "İstanbul"),
#: Greek and Cyrillic. The rest of a word is any letter or digit (``\w``), so "Sánchez",
#: "Kahramanmaraş" and "Nestlé" are read whole, not cut at their first letter outside ASCII.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚΑ-ΩА-ЯЁ"
_TOKEN = rf"(?:[{_CAPITAL}][\w&.\-]*[^\W_]|[{_CAPITAL}]|[a-z]{{1,2}}[{_CAPITAL}][^\W_]*)"
# A name opens with a capital (or a short lower-case prefix before one: iPhone, eBay). The
# boundary before it is checked in code: a leading look-behind would stop the engine from
# skipping ahead to the next capital, and this pattern runs over every article in full.
_NAME = re.compile(
    rf"""
    [{_CAPITAL}]                               # the first capital: Alibaba, or the P of iPhone
    (?:[\w&.\-]*[^\W_])?                      # the rest of the first word
    (?:(?:\s|\s(?:of|de|and|&)\s){_TOKEN})*    # Alibaba Group Holding, Bank of China
    (?P<poss>['’]s?(?!\w))?                    # Alibaba's, Reuters'
    """,
    re.VERBOSE,
)

_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
_ADJECTIVE = re.compile(r"[A-Za-z]-[a-z]+$")
_ADJECTIVE_TAIL = re.compile(r"-[a-z]+$")
_INSTRUMENT = re.compile(r"\b(?:Deposit[ao]ry\s+Receipts?|Deposit[ao]ry\s+Shares?|ADRs?|ADSs?|Shares|Stock|Bonds?)$")
_PLACE_ADJECTIVE = re.compile(r"-(?:based|listed|headquartered|born|registered|traded)$")

# Capitalised only because they open a sentence, or never names.
_NOT_NAMES = frozenset(
    """the a an in on at by for from to of and but or if as with about over under some nearly almost
    around only just up down since until after before during another every each all its their his
    her our your this that these those there here than then when while where why how what which who
    despite although though however overall meanwhile markedly domestically additionally also
    nevertheless notably still yet so thus according analysts analyst investors shares stock
    stocks company group firm year month week day today yesterday last next this recently
    ceo cfo chief executive president chairman founder co-founder it they we i he she you
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4 h1 h2 fy
    source sources share discussion comments business share reviewed listen click
    rs inr usd rmb cny hkd gbp eur jpy ifrs gaap non-ifrs non-gaap ebitda ebit eps yoy qoq ytd ttm ppt bps
    capex opex
    cookies cookie risk past year-to-date total revenue profit results prices price sales profits
    earnings markets market investors consumers households inflation growth unemployment wages exports
    imports officials economists traders rates costs spending borrowing taxes debt
    whilst within both besides moreover furthermore instead indeed elsewhere separately similarly
    likewise thereafter hence therefore accordingly otherwise earlier later including excluding
    following amid among across given""".split()
)
# The same in the other languages of the copy checked (German, French, Spanish, Portuguese, Italian):
# articles, pronouns, prepositions, adverbs and the calendar open sentences there too ("Der Umsatz",
# "Hier", "Les ventes", "Cela", "Juni", "Am Samstag"), and a German noun is capitalised wherever it
# stands: the scale words and percent of a figure ("Millionen", "Prozentpunkte") are no names.
_NOT_NAMES_ELSEWHERE = frozenset(
    """der die das den dem des ein eine einer eines einem im am zum zur und oder aber auch wie hier
    dort dabei damit davon darin trotz nach laut seit bis mit bei vor zuletzt zudem jedoch damals
    insgesamt rund knapp fast mehr weniger nur noch schon bereits heute gestern jahr jahres quartal
    januar februar märz april mai juni juli august september oktober november dezember
    le la les un une du au aux ce cet cette ces cela celui celle ceux il elle ils elles on en dans
    pour par sur avec selon mais donc ainsi alors aussi toutefois
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    el los las unos unas lo del al con por para según este esta estos estas eso esto pero
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    os um uma do da dos das no na nos nas em com segundo mas
    gli nel nella nei con secondo ma anche
    es zuvor allerdings außerdem demnach somit daher deshalb dennoch nun sie er wir diese dieser
    dieses gleichzeitig ab gegenüber wegen während
    cerca además adicionalmente asimismo tras durante entre hasta desde sobre también mientras
    aunque así ya hoy ayer
    cependant pourtant depuis parmi malgré après avant lors également notamment
    inoltre tuttavia mentre dopo prima già oggi ieri além após
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi
    samedi dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì
    giovedì venerdì sabato domenica segunda terça quarta quinta sexta
    prozent prozentpunkte prozentpunkt basispunkte""".split()
) | {s.lower() for s in LEXICON.scales if s.isalpha() and len(s) > 3}

# what a name never opens with, in any of the languages read
_OPENERS = _NOT_NAMES | _NOT_NAMES_ELSEWHERE
# Words that, right before a name, make it a person speaking ("CEO Eddie Wu", "chief executive Li").
_TITLE_WORDS = frozenset(
    """ceo cfo coo executive officer chairman chairwoman president founder co-founder analyst economist
    minister spokesperson spokesman spokeswoman director head manager chancellor secretary""".split()
)

# Words that end real names ("Acme Group") though alone they are not names ("the group").
_NAME_TAILS = frozenset({"group", "company", "firm", "business"})

_PLACES = frozenset(
    """china chinese hong kong us u.s. usa america american uk u.k. britain british england europe
    european asia asian mexico malaysia south korea korea thailand india indian japan japanese
    singapore taiwan beijing shanghai hangzhou shenzhen new york london washington nyse nasdaq
    zhejiang middle east germany france global world""".split()
)

_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|at|to|from|with|by|for|of|on|into|like|including|than|versus|vs|over|against|about|"
    r"such as|behind|between|among|via|per|toward|towards|through)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:reported|reports|said|says|told|noted|notes|estimates|estimated|warned|warns|"
    r"observed|wrote|writes|claims|claimed|believes|expects|predicts|forecasts|according)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according\s+to|per|source:|cited\s+by|reported\s+by)\s+$", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:it|its|it's|their|they|them|the\s+company|the\s+company's|the\s+group|the\s+group's|the\s+firm|"
    r"the\s+firm's|the\s+business|the\s+e-commerce\s+giant|the\s+tech\s+giant|the\s+giant)\b",
    re.IGNORECASE,
)
_PRODUCT_ANAPHOR = re.compile(r"\b(?:this|the|that)\s+(?:model|product|chip|device|phone|app)\b", re.IGNORECASE)
_DEFINITE_METRIC = re.compile(
    r"^\s*(?:the|its)\s+[a-z]|\b(?:the|its|their)\s+(?:share\s+|stock\s+)?(?:price|stock|shares|valuation|value|"
    r"market\s+capitali[sz]ation|revenue|sales|profit|(?:[\w-]+\s+){0,2}(?:segment|division|unit|business|sector|arm))\b",
    re.IGNORECASE,
)
_ANAPHORIC_POSSESSIVE = re.compile(r"\b(?:its|their|the\s+(?:company|group|firm)['’]s)\b", re.IGNORECASE)
_COMPANY_AFTER = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}(?:company|firm|group)\s+(?:said|says|reported|added)\b",
                            re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"\s+(?:for|of|in)\s+$", re.IGNORECASE)
# "shares of Globex", "revenue at Tykes", "profit for Acme": the name a metric word belongs to
_SHARES_OF = re.compile(
    r"\b(?:shares|stock|stake|stakes|revenue|revenues|sales|profit|profits|earnings|turnover)\s+(?:of|in|at|for)\s+$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s*,?\s*(?:which|who|whose)\b", re.IGNORECASE)


@attrs.frozen
class Mention:
    start: int
    end: int
    name: str  # without the possessive
    possessive: bool

    @property
    def is_place(self) -> bool:
        return self.name.lower().strip(".") in _PLACES

    @property
    def is_product(self) -> bool:
        return any(c.isdigit() for c in self.name)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Names in ``text[start:end]``: runs of capitalised words, possessives marked."""
    out = []
    for m in _NAME.finditer(text, start, len(text) if end is None else end):
        first = m.start()
        while first > start and text[first - 1].islower() and m.start() - first < 2:
            first -= 1  # the lower-case prefix of iPhone, eBay
        if first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_$"):
            continue
        name = text[first : m.end()]
        poss = bool(m.group("poss"))
        cjk = CJK_CHAR.search(name)
        if cjk is not None:
            # a Latin name runs into Chinese or Japanese with no space ("Arm发行了9550万股"): a
            # name's word letters are Latin, Greek or Cyrillic, and the other script is the sentence
            name, poss = name[: cjk.start()].rstrip(), False
        if poss and re.match(r" [A-Z]", text[m.end() : m.end() + 2]):
            poss = False  # "Carer's Allowance", "McDonald's Corp": the 's belongs to a name
        if poss:
            name = name[: -len(m.group("poss"))]
        words = name.split()
        # "China-based Acme", "Hong Kong-listed Acme": the adjective is not part of the name
        if "-" in name:
            adjective = [i for i, w in enumerate(words[:-1]) if _ADJECTIVE.search(w)]
            if adjective:
                words = words[adjective[-1] + 1 :]
        while words and words[0].lower().strip(".") in _OPENERS:
            words.pop(0)
        while words and words[-1].lower().strip(".") in _NOT_NAMES and words[-1].lower() not in _NAME_TAILS:
            words.pop()
            poss = False
        if not words:
            continue
        name = " ".join(words)
        s = first + text[first : m.end()].find(words[0])
        if (name.isupper() and len(name) <= 2) or name == "AI":
            continue
        # "Hong Kong-listed", "AI-centered", "DeepSeek-led": an adjective made from a name
        if "-" in name:
            if _PLACE_ADJECTIVE.search(name):
                continue  # "Bengaluru-based", "Hong Kong-listed": where, not who
            name = _ADJECTIVE_TAIL.sub("", name)
        if (name.isupper() and len(name) <= 2) or name == "AI":
            continue
        out.append(Mention(s, s + len(name) + (len(m.group("poss")) if poss else 0), name, poss))
    return out


#: What may stand before the first word of a sentence: spaces, list and quote marks, a bracket.
_OPENING = re.compile("[ \t\n*>\\-–\"'“‘(]*")


class EntityFinder:
    """Per document: the mentions, the salient entity, and the rules above."""

    def __init__(self, text: str, body_start: int = 0, sentences: Sentences | None = None) -> None:
        self.text = text
        self.sentences = sentences or Sentences(text)
        self.body_start = body_start
        self._openings: dict[int, int] = {}  # sentence start -> end of the marks that open it
        self.mentions = [m for m in map(self._trim, find_mentions(text, body_start)) if m is not None]
        self.starts = [m.start for m in self.mentions]
        # words written in lower case somewhere in the article: "Employee" opening a sentence is one
        counts: Counter[str] = Counter()
        first: dict[str, Mention] = {}
        keys: dict[str, str] = {}
        for m in self.mentions:
            if m.is_place or m.is_product or self.titled(m):
                continue
            key = keys.get(m.name) or keys.setdefault(m.name, normalize(m.name))
            # a single word opening a sentence may be capitalised only by its place ("Competition in
            # the sector ..."): it counts half as much as a name written mid-sentence, as a
            # possessive or in a heading
            weak = " " not in m.name and not m.possessive and self._opens_sentence(m)
            counts[key] += 1 if weak else 2
            first.setdefault(key, m)
        self.salient = first[max(counts, key=lambda k: (counts[k], -first[k].start))].name if counts else None

    def _opens_sentence(self, m: Mention) -> bool:
        start, end = self.sentences.at(m.start)
        if self.text[start : start + 1] == "#" or self.sentences.is_headline((start, end)):
            return False  # a heading names its subject
        # only markup and quotes before it: where the sentence's opening run of them ends, read once
        # a sentence (read again for each name, a long run was quadratic). The run cannot pass the
        # name, whose first character is a letter
        if start not in self._openings:
            self._openings[start] = _OPENING.match(self.text, start).end()  # type: ignore[union-attr]
        return self._openings[start] == m.start

    def _trim(self, m: Mention) -> Mention | None:
        """Drop capitalised common words ("Gross Margin", "Financial Performance", a heading) and
        months; keep the owner in "American Depository Receipts of Infosys"."""
        if " of " in m.name:
            head, _, tail = m.name.rpartition(" of ")
            if self._common(head) or _INSTRUMENT.search(head):
                start = m.start + len(head) + 4
                m = Mention(start, m.end, tail, m.possessive)
        if self._common(m.name):
            return None
        return m

    def _common(self, name: str) -> bool:
        words = [w.strip(".,'’").lower() for w in re.split(r"[\s-]+", name) if w.strip(".,'’")]
        return bool(words) and all(w in self.lower_words or w in _MONTH_WORDS for w in words)

    def titled(self, m: Mention) -> bool:
        """A name after a title ("CEO Eddie Wu", "analyst Jane Doe"): a person speaking."""
        words = self.text[max(0, m.start - 24) : m.start].split()
        return bool(words) and words[-1].lower().strip(",") in _TITLE_WORDS

    @functools.cached_property
    def lower_words(self) -> frozenset[str]:
        """Words written in lower case somewhere in the article ("Employee" opening a sentence)."""
        return frozenset(re.findall(r"\b[a-z][a-z'-]*\b", self.text[self.body_start :]))

    def entity_for(self, start: int, end: int, exclude: Sequence[tuple[int, int]] = ()) -> str | None:
        """The entity of the quantity at ``text[start:end]``; names inside ``exclude`` spans (the
        metric phrases of the sentence: "Gross margin", "Financial Performance") are not names."""
        s_start, s_end = self.sentences.around(start, end)
        near = self.mentions[bisect.bisect_left(self.starts, s_start) : bisect.bisect_left(self.starts, s_end)]
        if exclude:
            near = [m for m in near if not any(s <= m.start < e for s, e in exclude)]
        before = [m for m in near if m.end <= start]
        # 0. a figure in brackets right after a name is that name's, place or not: a breakdown
        # "Mexico ($22.3 million), Brazil ($15.9 million), Australia ($14.6 million)"
        if before and _BRACKETED.fullmatch(self.text, before[-1].end, start) \
                and not any(c.isdigit() for c in before[-1].name):  # "Rmb72.5bn ($10bn)" converts
            return before[-1].name
        # 1. a possessive governs what follows it, and "gain of 107% for Alibaba's stock" what precedes it
        poss = [m for m in before if m.possessive and not m.is_place and _within_clause(self.text, m.end, start)]
        anaphoric = list(_ANAPHORIC_POSSESSIVE.finditer(self.text, s_start, start))
        if anaphoric and (not poss or anaphoric[-1].start() > poss[-1].end):
            subject = self._subject([m for m in before if m.end <= anaphoric[-1].start()], s_start, s_end)
            return subject.name if subject is not None else self.salient
        if poss:
            return poss[-1].name
        for m in near:
            if start < m.start <= end + 40 and m.end <= s_end and m.possessive and not m.is_place \
                    and _POSSESSIVE_AFTER.search(self.text, end, m.start):
                return m.name
        # 2. "shares of X" after the number, and the antecedent of "X, which ..."
        for m in near:
            if _SHARES_OF.search(self.text, max(s_start, m.start - 16), m.start):
                return m.name
        for m in reversed(before):
            if _RELATIVE.match(self.text, m.end) and not m.is_place:
                return m.name
        # 3. the subject of the sentence
        subject = self._subject(before, s_start, s_end)
        if subject is not None:
            return subject.name
        # 4. anaphora
        head = self.text[s_start:start]
        if _COMPANY_AFTER.search(self.text, end, s_end):
            return self.salient
        if _PRODUCT_ANAPHOR.search(head):
            k = bisect.bisect_left(self.starts, start)
            earlier = self.mentions[max(0, k - 50) : k]
            products = [m for m in earlier if m.end <= start and m.is_product]
            if products:
                return products[-1].name
        if _ANAPHOR.search(head) or _DEFINITE_METRIC.search(head):
            return self.salient
        return None


    def _subject(self, before: list[Mention], s_start: int, s_end: int) -> Mention | None:
        """The first name of the sentence that no preposition governs and that is not a speaker.

        A name that reports ("Bloomberg reported that Alibaba ...") is the subject only when no
        other name follows it: "Infosys reported net profit of ..." is about Infosys.
        """
        reporter = None
        for m in before:
            if self._common_word(m, s_start):
                continue
            if m.is_place or _PREPOSITIONS.search(self.text, max(s_start, m.start - 14), m.start):
                continue
            if self.titled(m):
                continue  # "CEO Eddie Wu revealed": a person speaking, not what the number is about
            if _ACCORDING.search(self.text, max(s_start, m.start - 16), m.start):
                continue
            if _REPORTING.match(self.text, m.end, min(s_end, m.end + 40)):
                reporter = reporter or m
                continue
            return m
        return reporter

    def _common_word(self, m: Mention, s_start: int) -> bool:
        """A capitalised word opening a sentence or a label ("Buoyed by", "Core Viewpoint:")."""
        if self.text[m.end : m.end + 1] == ":":
            return True
        if m.start != s_start + (len(self.text[s_start : m.start]) - len(self.text[s_start : m.start].lstrip())):
            return False
        word = m.name
        return " " not in word and (word.lower().endswith(("ed", "ing", "ly")) or
                                    word.lower() in self.lower_words)


# Between a name and the figure it brackets: "Australia ($14.6 million)", "Apple (15%)".
_BRACKETED = re.compile(r"[ \t]?\([ \t]?")


def _within_clause(text: str, i: int, j: int) -> bool:
    """A possessive governs a number in its own clause: no further than one comma away."""
    gap = text[i:j]
    return len(gap) <= 120 and gap.count(",") + gap.count(";") <= 1
