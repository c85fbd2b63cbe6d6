"""Ordinal ranks: "its third round of layoffs this year", "the second-largest company in Europe".

A rank is not an amount, yet sources contradict each other on it as they do on amounts: one outlet
calls a round of job cuts the company's second of the year and four others its third. This module
reads an ordinal after a determiner or a possessive, with the words that follow it (what is
ranked), and returns it as a :class:`~factcheck.model.Quantity` of kind ``"rank"``: ``value`` the
rank, ``metric`` the following words as written (lower case, up to :data:`HEAD` of them, to the
end of the clause). Like the calendar claims it is made when a document's facts are built, after
the amounts, so ``factcheck extract`` reports what it did before; FC602 rank-mismatch compares
them across the articles of one story.

Ordinals are read in English, Spanish, Portuguese, French, Italian and German, as words and as
English digit ordinals ("3rd", "10th"). An ordinal that opens a period ("the third quarter", "the
first half", "la segunda semana") is a date, not a rank, and is left out, as is one with no
determiner or possessive before it ("secondo Reuters" is "according to Reuters"), unless it opens
a sentence or a headline ("Second round of layoffs in 2023 for Spotify").

The text is read once as a run of words (one pass of a simple pattern); each word is looked up in
a table, so the cost is linear in the text whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from factcheck.model import Interval, Quantity

#: Ordinal words and the rank each names.
ORDINALS: dict[str, int] = {}
for _rank, _words in {
    1: "first primer primero primera primeiro primeira premier première primo erste ersten erster erstes",
    2: "second segundo segunda deuxième seconde secondo seconda zweite zweiten zweiter zweites",
    3: "third tercer tercero tercera terceiro terceira troisième terzo terza dritte dritten dritter drittes",
    4: "fourth cuarto cuarta quarto quarta quatrième vierte vierten vierter viertes",
    5: "fifth quinto quinta cinquième fünfte fünften fünfter",
    6: "sixth sexto sexta sixième sesto sesta sechste sechsten sechster",
    7: "seventh séptimo séptima sétimo sétima septième settimo settima siebte siebten siebter",
    8: "eighth octavo octava oitavo oitava huitième ottavo ottava achte achten achter",
    9: "ninth noveno novena nono nona neuvième neunte neunten neunter",
    10: "tenth décimo décima dixième decimo decima zehnte zehnten zehnter",
    11: "eleventh", 12: "twelfth",
}.items():
    ORDINALS.update(dict.fromkeys(_words.split(), _rank))

#: Words before an ordinal that make it a rank of something: articles, possessives, contractions.
DETERMINERS = frozenset("""
    the its their his her our a an
    el la los las su sus un una del al
    o os as seu sua seus suas do da dos das no na um uma
    le les sa son ses leur leurs du au un une
    il lo gli i suo della dello al alla
    der die das den dem des ein eine einen einem einer seine seiner seinen ihre ihrer ihren sein zum zur im am
""".split())

#: What follows an ordinal that makes it a date or a part of a period, not a rank.
PERIODS = frozenset("""
    quarter quarters half day days week weeks month months year years season seasons period session
    sessions hour hours minute minutes leg inning innings anniversary birthday century edition
    trimestre trimestres semestre semestres semana semanas mes meses año años ano anos día dia mitad
    jour jours mois année an moitié
    tag tage tages woche monat monats jahr jahres quartal quartals halbjahr hälfte
    giorno mese anno metà
""".split())

#: How many words after the ordinal say what is ranked.
HEAD = 6
#: Words that end what is ranked once a word of it is read: "its third round of layoffs | this
#: year", "the fourth-biggest weekend | ever". Prepositions of place stay: "the second-largest
#: company in Europe" is not "the second-largest company in the world".
_CLAUSE_WORDS = frozenset("""
    this that these those since after before with and or to from than as ever for
    seit nach mit und y e et con com avec
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d{1,2}(?:st|nd|rd|th)\b|\d+|[.,;:!?()\"“”—–]")
_DIGIT_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
#: What a hyphenated ordinal ranks by: a superlative ("second-largest", "fourth-biggest",
#: "second-most").
_SUPERLATIVE = re.compile(r"(?:est|most)$", re.IGNORECASE)
#: Prepositions a phrase cut at a year or a figure may end on.
_DANGLING = frozenset("in of by at on de em en di da do du des im am a".split())
_PUNCTUATION = frozenset(".,;:!?()\"“”—–")


def rank_claims(text: str, start: int = 0, amounts: Collection[int] = ()) -> list[Quantity]:
    """The ordinal ranks in ``text[start:]``, in order (see the module docstring). A word the
    extractor read as part of an amount (its start in ``amounts``) is none."""
    tokens = list(_WORD.finditer(text, start))
    out = []
    for k, m in enumerate(tokens):
        word = m.group()
        low = word.lower()
        digit = _DIGIT_ORDINAL.fullmatch(low)
        rank = int(digit.group(1)) if digit else ORDINALS.get(low)
        if rank is None or m.start() in amounts:
            continue
        before = tokens[k - 1].group().lower() if k else "."
        opens = before in ".!?" or "\n" in text[tokens[k - 1].end() if k else start : m.start()]
        if not (opens and word[0].isupper()) and before not in DETERMINERS and not before.endswith(("'s", "’s")):
            continue  # a rank has a determiner, a possessive, or opens a sentence or headline
        taken: list[tuple[str, int]] = []  # what is ranked: each word, lower case, and where it ends
        if text[m.end() : m.end() + 1] in "-‑":  # "second-largest": the superlative is what ranks
            tail = _WORD.match(text, m.end() + 1)
            if tail is None or not tail.group()[0].isalpha() or not _SUPERLATIVE.search(tail.group()):
                continue  # "third-party", "second-hand", "first-generation": adjectives, not ranks
            taken.append((tail.group().lower(), tail.end()))
        # a bounded window (the superlative's token and HEAD more): a slice of every token after the
        # ordinal would cost the rest of the text per ordinal
        for t in tokens[k + 1 : k + 2 + HEAD]:
            if taken and t.start() < taken[-1][1]:
                continue  # the superlative already read
            if len(taken) >= HEAD or t.group() in _PUNCTUATION or t.group()[0].isdigit() \
                    or (taken and t.group().lower() in _CLAUSE_WORDS):
                break  # the clause, a figure or a year ends what is ranked
            taken.append((t.group().lower(), t.end()))
        while len(taken) > 1 and taken[-1][0] in _DANGLING:  # "round of layoffs in | 2023"
            taken.pop()
        head = [w for w, _ in taken]
        if not head or head[0] in PERIODS or head[0] in _CLAUSE_WORDS or not head[0][0].isalpha():
            continue
        end = taken[-1][1]
        value = Decimal(rank)
        out.append(Quantity(start=m.start(), end=end, text=text[m.start() : end], value=value, unit="rank",
                            kind="rank", interval=Interval.point(value), literal=word, metric=" ".join(head)))
    return out


__all__ = ["DETERMINERS", "HEAD", "ORDINALS", "PERIODS", "rank_claims"]
