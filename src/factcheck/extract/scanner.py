"""The scanner: every quantitative claim in a text, with its exact span, value, unit, bound and kind.

It works in three passes, each linear in the length of the text:

1. find each number (digits or number words) that is not inside a masked span (dates, links,
   tickers...) and not part of a name ("Qwen 2.5 Max", "GPT-4o");
2. read the words around it through anchored patterns: currency before or after, scale word,
   percent sign, per-unit, unit or count noun, hedge ("over", "about", "-plus"), and the verb or
   noun that makes it a change ("rose", "an 8% boost");
3. join neighbours: ranges ("3% to 4%", "$1-2bn"), a parenthetical conversion and the amount it
   restates ("380 billion yuan ($53 billion)", "5 miles (8 km)"), and a change with the level it arrives at
   ("rose 8% to Rmb280bn").

The scanner only reads; it never guesses who or what a number is about (that is
:mod:`factcheck.attribute`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

import attrs

from factcheck.extract import patterns as P
from factcheck.extract.lexicon import LEXICON
from factcheck.extract.masks import Masks
from factcheck.extract.numbers import (
    apostrophe_separators,
    continental_language,
    english_separators,
    join_wrapped_lines,
    normalize_chars,
    number_convention,
    parse_literal,
    spelled_value,
    valid_grouping,
)
from factcheck.model import Interval, Quantity

#: Relative widening for "about" and for "nearly" (one-sided), the defaults of
#: research/rounding-and-tolerance.md; the checker may recompute intervals with its own settings.
ABOUT_TOLERANCE = Decimal("0.05")
NEARLY_TOLERANCE = Decimal("0.10")

_CURRENCY_BY_SURFACE = {c.surface: c for c in LEXICON.currencies}
_CURRENCY_BY_LOWER = {c.surface.lower(): c for c in LEXICON.currencies if not c.exact_case}
_WINDOW = 64
_VERB_REACH = 60  # verb, adverb, "year-on-year", "by a further"


@attrs.define
class _Atom:
    """A number and what was read around it; mutable while the passes fill it in."""

    start: int  # span start, qualifiers included
    end: int
    core_start: int
    core_end: int
    literal: str
    magnitude: Decimal  # unscaled, unsigned
    precision: Decimal  # unscaled
    scale: Decimal = Decimal(1)
    scale_word: str | None = None
    currency: str | None = None
    unit: str | None = None
    generic_unit: bool = False  # the unit is a plural noun read off the text, not a known unit
    percent: str | None = None  # "percent" | "pp" | "bp"
    per: str | None = None
    bound: str = "="
    sign: int = 1
    direction: str | None = None  # "verb" | "adverb" | "noun" | "sign" | "yoy"
    difference: bool = False
    to_level: bool = False  # "to 57%": a level reached, not the change
    between: bool = False
    from_: bool = False
    spelled: bool = False
    low: Decimal | None = None
    high: Decimal | None = None
    low_precision: Decimal | None = None
    converts: tuple[int, int] | None = None
    leads_to: tuple[int, int] | None = None
    dropped: bool = False
    age: bool = False  # "24-year-old": how old someone is, not a span of time
    dash_before: bool = False  # "2" in "1-2": only a quantity as the end of a range
    dash_after: bool = False  # "5" in "5-6%": likewise

    @property
    def is_money(self) -> bool:
        return self.currency is not None

    @property
    def bare(self) -> bool:
        return not (self.currency or self.unit or self.percent or self.scale_word or self.per)


def scan(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance."""
    norm = join_wrapped_lines(normalize_chars(text))  # same length: offsets into ``text`` hold
    convention = number_convention(norm)
    if convention != "english":
        norm = english_separators(norm, convention)  # "6,1 Prozent" is read as 6.1, "22.915" as 22,915
    norm = apostrophe_separators(norm)  # Swiss "526'409" is 526,409
    masks = Masks(norm)
    atoms = [a for a in _atoms(norm, masks) if not a.dropped]
    mils = [a for a in atoms if a.scale_word is not None and a.scale_word.lower() == "mil"]
    if mils and continental_language(norm):  # the language is asked only of a text with a "mil"
        for a in mils:
            a.scale = Decimal(1000)  # Spanish and Portuguese "410 mil": thousands, not millions
    atoms = _separate(norm, _compounds(norm, _join_ranges(norm, atoms)))
    _elided_scales(norm, atoms)
    _elided_currencies(norm, atoms)
    _link(norm, atoms)
    return [_to_quantity(text, a) for a in atoms if not a.dropped]


# --- pass 1: numbers -------------------------------------------------------------------------


def _atoms(norm: str, masks: Masks) -> Iterator[_Atom]:
    # str.lower() keeps offsets unless some character lowers to two ("İ"); then fold ASCII only
    lower = norm.lower()
    if len(lower) != len(norm):
        lower = norm.translate(P.ASCII_LOWER)
    fractions = [*_fractions(norm, lower, masks), *_digit_fractions(norm, masks), *_vulgar_fractions(norm, masks)]
    taken = Masks.of([(f.core_start, f.core_end) for f in fractions])
    spelled = sorted(
        [
            *fractions,
            *(a for a in _spelled_numbers(norm, lower, masks) if not taken.covers(a.core_start)),
            *_vague_amounts(norm, lower, masks),
        ],
        key=lambda a: a.core_start,
    )
    k = 0
    done = 0  # the end of the last digit literal read, its exponent included
    columns: bool | None = None  # does "528 480" give two figures? asked of the text only when met
    for whole in P.NUMBER.finditer(norm):
        parts: Iterator[re.Match[str]] = iter((whole,))
        if _SPACED_PAIR.fullmatch(whole.group()) and _ROW_END.match(norm, whole.end()):
            if columns is None:
                columns = not _groups_with_spaces(norm)
            if columns:
                parts = _DIGITS.finditer(norm, whole.start(), whole.end())
        for m in parts:
            while k < len(spelled) and spelled[k].core_start < m.start():
                yield spelled[k]
                k += 1
            if taken.covers(m.start()) or m.start() < done:
                continue
            atom = _digit_atom(norm, m, masks)
            if atom is not None:
                done = atom.core_end
                yield atom
    yield from spelled[k:]


# Two digit groups split by one space at the end of a line ("Total 528 480"): one figure in a text
# that groups thousands with spaces, else two (a table row's columns, for 2023 and 2022). A group
# with a leading zero ("10 000", "1 050") is never a figure of its own.
_SPACED_PAIR = re.compile(r"\d{1,3} [1-9]\d\d")
_ROW_END = re.compile(r"[ \t]*(?:\n|$)")
_DIGITS = re.compile(r"\d+")
# a figure only space grouping reads: three or more groups, or two with decimals ("1 234 567", "10 000.5")
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3}){2,}(?![\d,])|(?<![\d.,])\d{1,3} \d{3}\.\d")


def _groups_with_spaces(norm: str) -> bool:
    """Does the text group thousands with spaces? A writer groups one way: an English-language
    text writes "1,456", and two groups split by a space there are two figures side by side (a
    table row); French, Norwegian or Polish copy writes "1 456 commandes". Decided by the text's
    language (its commonest words), or by a figure that only space grouping reads."""
    return continental_language(norm) or _SPACE_GROUPED.search(norm) is not None


def _digit_atom(norm: str, m: re.Match[str], masks: Masks) -> _Atom | None:
    s, e = m.span()
    literal = m.group()
    if masks.covers(s):
        return None
    integer = literal.split(".")[0]
    if not valid_grouping(integer):
        return None
    if norm[e : e + 1] == "," and norm[e + 1 : e + 2].isdigit():
        return None  # "1,2345", "2,5": badly grouped or a decimal comma, not the number "1"
    before = norm[max(0, s - _WINDOW) : s]
    after = norm[e : e + _WINDOW]
    # glued to letters on the left: V3, Qwen3, AI2C, unless a currency prefix ("Rmb72.5bn"); a
    # Chinese, Japanese or Korean character is a word of its own ("交付173.97万辆"), not a letter
    prefix = P.CURRENCY_PREFIX.search(before)
    if before and P.word_letter(before[-1]) and prefix is None and not _arabic_clitic(before):
        return None
    if before.endswith(P.CJK_ORDINAL_BEFORE):
        return None  # 第3季度, 제3조: an ordinal, not an amount
    # a hyphenated name: GPT-4o, COVID-19, F-35 (but "1-2bn" may be a range: decided in pass 3)
    dash_before = before.endswith(("-", "–")) and len(before) > 1 and before[-2].isdigit()
    if before.endswith("-") and len(before) > 1 and before[-2].isalpha() and not before.lower().endswith("sub-"):
        return None
    if P.ORDINAL_AFTER.match(after):
        return None
    if before.endswith(("×", "*")) and before[-2:-1].isdigit():
        return None  # scientific notation: 1.99×10−30
    if P.DOMAIN_AFTER.match(after):  # 01.ai
        return None
    if len(integer) > 1 and integer.startswith("0") and "." not in literal:
        return None  # 007, 00700: codes, not amounts
    value, precision = parse_literal(literal)
    sci = P.SCIENTIFIC_AFTER.match(norm, e)
    if sci is not None:  # "1.3e6", "2.48×10-5": the exponent is part of the number
        exponent = int(sci.group("e") or sci.group("p") or sci.group("m"))
        value, precision = value.scaleb(exponent), precision.scaleb(exponent)
        e = sci.end()
        literal = norm[s:e]
        after = norm[e : e + _WINDOW]
    atom = _Atom(s, e, s, e, literal, value, precision, dash_before=dash_before)
    if prefix is not None:
        # the pattern lets a space be any run of whitespace and "$" carry a Markdown escape
        cur = _CURRENCY_BY_SURFACE[_squash(prefix.group("exact").replace("\\", ""))]
        atom.currency = cur.code
        atom.start = s - (len(before) - prefix.start())
        if prefix.group("minus"):  # "$-99.99"
            atom.sign, atom.direction = -1, "sign"
    _read_right(norm, atom)
    if dash_before and atom.bare:
        return None  # 2-2, 737-800, 2020-21: scores, codes and spans of years
    if not _plausible(norm, atom, before, after):
        return None
    _read_left(norm, atom)
    return atom


_VAGUE_BASE = {"thousands": Decimal(1000), "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9,
               "trillions": Decimal(10) ** 12, "hundreds": Decimal(100), "dozens": Decimal(12)}
_VAGUE_MULT = {"tens": Decimal(10), "hundreds": Decimal(100), "dozens": Decimal(12)}


def _vague_amounts(norm: str, lower: str, masks: Masks) -> Iterator[_Atom]:
    """Amounts named by order of magnitude: "tens of thousands of", "hundreds of millions".

    Each is a range from the smallest to the largest number the words allow ("thousands" is
    [1,000, 10,000)), reported with bound "~".
    """
    for m in P.VAGUE_SCAN.finditer(lower):
        if masks.covers(m.start()):
            continue
        base = _VAGUE_BASE[m.group("base").lower()]
        mult = _VAGUE_MULT.get((m.group("mult") or "").lower(), Decimal(1))
        low = base * mult * (2 if m.group("base").lower() == "dozens" and mult == 1 else 1)
        high = low * 10
        s, e = m.span()
        atom = _Atom(s, e, s, e, norm[s:e], (low + high) / 2, low, bound="~")
        atom.low, atom.high, atom.low_precision = low, high, low
        atom.spelled = True
        of = P.OF_THEN.match(norm, m.end())
        if of is not None:
            cur = P.CURRENCY_SUFFIX_ANY.match(norm, of.end() - 1)
            noun = P.COUNT_NOUN.match(norm, of.end() - 1)
            if cur is not None:
                atom.currency = _CURRENCY_BY_LOWER[_squash(cur.group("cur")).lower()].code
                atom.end = cur.end()
            elif noun is not None and noun.group("noun") not in P.COUNT_NOUN_STOP:
                atom.unit = _singular(noun.group("noun"))
                atom.end = noun.end()
        yield atom


_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}


def _small(word: str) -> Decimal:
    return Decimal(word) if word.isdigit() else LEXICON.number_words[word.lower()][0]


def _fraction_matches(lower: str) -> Iterator[re.Match[str]]:
    """FRACTION_SCAN's matches, looked for only in short windows around FRACTION_HINT's hits."""
    done = -1
    for hint in P.FRACTION_HINT.finditer(lower):
        if hint.start() < done:
            continue
        m = P.FRACTION_SCAN.search(lower, max(0, hint.start() - 12), hint.end() + 48)
        if m is not None and m.start() >= done and m.start() <= hint.end():
            done = m.end()
            yield m


def _fractions(norm: str, lower: str, masks: Masks) -> Iterator[_Atom]:
    """Shares of a whole written in words, reported as a fraction: "a third of" is 1/3."""
    for m in _fraction_matches(lower):
        if masks.covers(m.start()):
            continue
        points = m.group("pden") or m.group("pden2")
        if points:
            # "a quarter of a percentage point", "half a point", "a quarter point": a move in points
            num = Decimal(3) if (m.group("pnum") or "").lower() == "three" else Decimal(1)
            den = Decimal(4) if points.lower().startswith("quarter") else Decimal(2)
            atom = _Atom(m.start(), m.end(), m.start(), m.end(), norm[m.start() : m.end()], num / den, Decimal(0),
                         spelled=True)
            atom.unit = "pp"
            _read_left(norm, atom)
            yield atom
            continue
        if m.group("wnum"):
            num, den = _small(m.group("wnum")), Decimal(_DENOMINATORS[m.group("wden").lower().rstrip("s")])
        elif m.group("n"):
            num, den = _small(m.group("n")), _small(m.group("m"))
        elif m.group("half"):
            num, den = Decimal(1), Decimal(2)
        else:
            if P.ORDINAL_BEFORE.search(norm, max(0, m.start() - 12), m.start()):
                continue  # "the second half", "the final quarter": periods, not fractions
            if not m.group("num") and m.group("den").lower() != "half":
                continue  # "the corresponding quarter of the prior year": a fraction says how many ("a quarter of")
            opens_sentence = norm[max(0, m.start() - 2) : m.start()].strip() in ("", ".")
            if norm[m.start("den")].isupper() and m.start() > 0 and not opens_sentence:
                continue  # "Fourth of July": a name
            word = m.group("den").lower().rstrip("s")
            word = "half" if word == "halve" else word
            num = _small(m.group("num")) if m.group("num") and m.group("num").lower() not in ("a",) else Decimal(1)
            den = Decimal(_DENOMINATORS[word])
        if den == 0 or num >= den:
            continue
        value = num / den
        atom = _Atom(m.start(), m.end(), m.start(), m.end(), norm[m.start() : m.end()], value, Decimal(0), spelled=True)
        atom.unit = "fraction"
        _read_left(norm, atom)
        yield atom


def _digit_fraction_matches(norm: str) -> Iterator[re.Match[str]]:
    """DIGIT_FRACTION's matches, tried only where one can start before each of the text's slashes
    (a fraction has one): the pattern is never tried at every position of the text."""
    done = 0
    for slash in P.FRACTION_SLASH.finditer(norm):
        at = slash.start()
        if at < done:
            continue
        n = at - 1 if at > 0 and norm[at - 1].isspace() else at  # "1 /2"
        k = n
        while k > 0 and n - k < 3 and norm[k - 1].isdecimal():
            k -= 1
        if k == n:
            continue  # no numerator
        starts = [k]
        w = k
        while w > 0 and k - w < 2 and norm[w - 1].isspace():
            w -= 1
        v = w
        while v > 0 and w - v < 3 and norm[v - 1].isdecimal():
            v -= 1
        if v < w < k:
            starts.insert(0, v)  # the whole part of a mixed number first: "2 1/2"
        for start in starts:
            if start < done:
                continue
            m = P.DIGIT_FRACTION.match(norm, start)
            if m is not None:
                done = m.end()
                yield m
                break


def _digit_fractions(norm: str, masks: Masks) -> Iterator[_Atom]:
    for m in _digit_fraction_matches(norm):
        num, den = Decimal(m.group("n")), Decimal(m.group("d"))
        if masks.covers(m.start()) or not 0 < num < den:
            continue
        whole = Decimal(m.group("w") or 0)  # a mixed number: "2 1/2 inches"
        atom = _Atom(m.start(), m.end(), m.start(), m.end(), m.group(), whole + num / den, Decimal(0), spelled=True)
        _read_right(norm, atom)
        if atom.unit is None:
            atom.unit = "fraction"
        yield atom


def _code_points(hexes: str) -> Decimal:
    return Decimal("".join(chr(int(h, 16)) for h in hexes.split()))


def _vulgar_fractions(norm: str, masks: Masks) -> Iterator[_Atom]:
    """"½ teaspoon", "⅔", "2½ years": a fraction character, with the whole number before it."""
    for m in P.VULGAR.finditer(norm):
        if masks.covers(m.start()):
            continue
        # "<fraction> 0031 2044 0032": code points of the numerator's digits, FRACTION SLASH, the denominator's
        num, _, den = unicodedata.decomposition(m.group()).removeprefix("<fraction> ").partition(" 2044 ")
        value = _code_points(num) / _code_points(den)
        start = m.start()
        whole = P.WHOLE_BEFORE.search(norm, max(0, start - 5), start)
        if whole is not None:
            start = whole.start()
            value += Decimal(whole.group().strip())
        atom = _Atom(start, m.end(), start, m.end(), norm[start : m.end()], value, Decimal(0), spelled=True)
        _read_right(norm, atom)
        if atom.unit is None and whole is None:
            atom.unit = "fraction"
        _read_left(norm, atom)
        yield atom


def _spelled_numbers(norm: str, lower: str, masks: Masks) -> Iterator[_Atom]:
    """Runs of number words: "two", "half a million", "a dozen", "four to five thousand"."""
    pos = 0
    for m in P.NUMBER_WORD_SCAN.finditer(lower):
        if m.start() < pos or masks.covers(m.start()):
            continue
        words = [m.group()]
        end = m.end()
        while True:
            step = _next_number_word(norm, end, words[-1])
            if step is None:
                break
            joiner, w = step
            if joiner in ("a", "of a"):
                words.append("a")
            words.append(w.group())
            end = w.end()
        frac = None
        last = LEXICON.number_words[words[-1].lower()]
        if last[1] in ("unit", "ten", "hundred", "scale"):
            # "one and a half", "five and a half million", "six million and two thirds"
            frac = P.AND_FRACTION.match(lower, end)
            frac = frac if frac is not None and _and_fraction(frac) is not None else None
            end = frac.end() if frac is not None else end
        pos = end
        start = m.start()
        first = words[0].lower()
        role = LEXICON.number_words[first][1]
        if role in ("scale", "hundred", "dozen"):
            article = P.ARTICLE_BEFORE.search(norm, max(0, start - 4), start)
            if article is None:
                continue  # "millions of", "hundreds": no number written
            start = article.start()
            words.insert(0, "a")
        if first in ("quarter", "half") and len(words) == 1:
            continue  # "the fourth quarter", "the second half": periods, not amounts
        if role == "fraction":
            article = P.ARTICLE_BEFORE.search(norm, max(0, start - 4), start)
            if article is not None:
                start = article.start()  # "a quarter of a million"
        value = spelled_value(words)
        if value is None:
            continue
        if frac is not None:
            part = _and_fraction(frac) or Decimal(0)
            scale = LEXICON.number_words[frac.group("scale")][0] if frac.group("scale") else None
            if last[1] == "scale":  # "one million and a half", "one billion and a half million"
                value += part * (scale or last[0])
            else:
                value += part
                if scale is not None:
                    words.append(frac.group("scale"))
                    value *= scale
        atom = _Atom(start, end, start, end, norm[start:end], value, Decimal(1), spelled=True)
        last_role = LEXICON.number_words[words[-1].lower()][1]
        if last_role == "scale":
            atom.precision = LEXICON.number_words[words[-1].lower()][0] / 2
            if role == "fraction":  # "a quarter of a million": to the nearest quarter-million
                atom.precision = LEXICON.number_words[words[-1].lower()][0] * LEXICON.number_words[first][0]
            atom.scale_word = words[-1]
        before = norm[max(0, start - _WINDOW) : start]
        after = norm[end : end + _WINDOW]
        _read_right(norm, atom)
        if not _plausible_spelled(norm, atom, words, before, after):
            continue
        _read_left(norm, atom)
        yield atom


def _and_fraction(m: re.Match[str]) -> Decimal | None:
    """The proper fraction AND_FRACTION read ("and two thirds": 2/3), or None ("and five halves")."""
    num = Decimal(1) if m.group("num") == "a" else LEXICON.number_words[m.group("num")][0]
    den = m.group("den").removesuffix("s")
    den = "half" if den in ("halve", "half") else den
    value = num / _DENOMINATORS[den]
    return value if value < 1 else None


def _next_number_word(norm: str, pos: int, previous: str) -> tuple[str, re.Match[str]] | None:
    """The number word that continues a run after ``previous`` at ``pos``, with its joiner."""
    prev_role = LEXICON.number_words[previous.lower()][1]
    for joiner, pattern in P.NUMBER_WORD_JOINERS:
        j = pattern.match(norm, pos)
        w = P.NUMBER_WORD.match(norm, j.end()) if j is not None else None
        if w is None:
            continue
        role = LEXICON.number_words[w.group().lower()][1]
        if joiner in ("a", "of a") and not (prev_role == "fraction" and role == "scale"):
            continue  # only "half a million", "a quarter of a million"
        if joiner == "and" and not (prev_role in ("hundred", "scale") and role in ("unit", "ten")):
            continue  # "three hundred and fifty", but "two and three" are two numbers
        if joiner == "and" and P.DENOMINATOR_AFTER.match(norm, w.end()):
            return None  # "six million and two thirds": a fraction of the million, read by AND_FRACTION
        return joiner, w
    return None


# --- pass 2: what surrounds a number -----------------------------------------------------------


def _read_right(norm: str, a: _Atom) -> None:
    pos = a.end
    if not a.spelled or a.scale_word is None:
        m = P.SCALE.match(norm, pos)
        if m is not None:
            word = m.group("attached") or m.group("spaced")
            info = LEXICON.scales.get(word) or LEXICON.scales.get(word.lower())
            if info is not None and not (word in P.SCALE_CASE_SENSITIVE and word not in LEXICON.scales):
                a.scale = info.multiplier
                a.scale_word = word
                pos = m.end()
                frac = P.AND_FRACTION.match(norm, pos) if not a.spelled else None
                part = _and_fraction(frac) if frac is not None and not frac.group("scale") else None
                if part is not None:  # "3 million and a half"
                    a.magnitude += part
                    pos = frac.end()  # type: ignore[union-attr]
                more = P.SCALE.match(norm, pos) if info.multiplier < 1000000 else None
                if more is not None and more.group("spaced"):
                    bigger = LEXICON.scales.get(more.group("spaced").lower())
                    if bigger is not None and bigger.multiplier > info.multiplier:
                        a.scale *= bigger.multiplier
                        a.scale_word = more.group("spaced")
                        pos = more.end()
    m = P.SCALED_CODE.match(norm, pos) if a.currency is None and a.scale_word is None else None
    if m is not None:  # "30 MUSD", "5 kEUR": a scale letter glued to an ISO code
        a.scale = LEXICON.scales[m.group("scale")].multiplier
        a.scale_word = m.group("scale")
        a.currency = _CURRENCY_BY_SURFACE[m.group("cur")].code
        pos = m.end()
    m = P.CURRENCY_SUFFIX_EXACT.match(norm, pos) if a.currency is None else None
    if m is not None and not m.group("cur")[-1].isalpha() and P.DIGIT_NEXT.match(norm, m.end()):
        m = None  # "3 $10 bills": the symbol opens the next amount
    if m is not None and _suffix_allowed(m.group("cur"), a):
        a.currency = _CURRENCY_BY_SURFACE[m.group("cur")].code
        pos = m.end()
    elif a.currency is None:
        m = P.CURRENCY_SUFFIX_ANY.match(norm, pos)
        if m is not None and m.start("cur") - m.start() > 1 and not a.scale_word:
            m = None  # "de" joins a currency to a scale word only: "80.5 millones de dólares"
        if m is not None and _suffix_allowed(m.group("cur"), a):
            a.currency = _CURRENCY_BY_LOWER[_squash(m.group("cur")).lower()].code
            pos = m.end()
    if a.currency is not None and a.scale_word is None and pos > a.core_end:
        m = P.SCALE.match(norm, pos)  # the scale after the code: "75 USD million"
        if m is not None and m.group("spaced") and (info := LEXICON.scales.get(m.group("spaced").lower())):
            a.scale *= info.multiplier
            a.scale_word = m.group("spaced")
            pos = m.end()
    elif a.currency == "USD":
        m = P.US_AFTER.match(norm, pos)
        if m is not None and a.scale_word:
            pos = m.end()
    if a.currency is None and pos == a.end and not a.spelled:
        if P.PC_PERCENT.match(norm, pos):
            a.percent = "percent"
            pos += 2
        elif P.PENCE.match(norm, pos):
            a.currency = "GBX"
            pos += 1
    if a.currency is None and a.percent is None:
        m = P.PERCENT.match(norm, pos)
        if m is not None:
            if m.group("pp") or m.group("pp_short") or m.group("pp_other"):
                a.percent = "pp"
            elif m.group("bp") or m.group("bp_short"):
                a.percent = "bp"
            else:
                a.percent = "percent"
                p = P.POINTS_AFTER_SIGN.match(norm, m.end())
                if m.group("sign") and p is not None:
                    a.percent = "pp"
                    pos = p.end()
            pos = max(pos, m.end())
    # a scale word that only counts for money ("$5m" but "5m" may be metres)
    scale = LEXICON.scales.get(a.scale_word, LEXICON.scales.get(a.scale_word.lower())) if a.scale_word else None
    if scale is not None and scale.money_only \
            and a.currency is None and not P.MONEY_RANGE_BEFORE.search(norm, max(0, a.start - _WINDOW), a.start):
        counted = P.COUNT_NOUN.match(norm, pos) or re.compile(r"\s+of\b").match(norm, pos)
        if counted is None:
            a.scale, a.scale_word = Decimal(1), None
            pos = a.end
            m = P.UNIT_ATTACHED.match(norm, pos) or P.UNIT.match(norm, pos)
            if m is not None:
                a.unit = LEXICON.units.get(m.group("unit"), m.group("unit"))
                pos = m.end()
    if a.currency is not None and a.percent is None:
        m = P.PER_UNIT.match(norm, pos)
        if m is not None:
            a.per = _per_unit(m.group("per"))
            pos = m.end()
    if a.currency is None and a.percent is None and a.unit is None:
        m = P.UNIT_ATTACHED.match(norm, pos) if pos == a.end else None
        m = m or P.UNIT.match(norm, pos) or P.UNIT_CASE_INSENSITIVE.match(norm, pos)
        if m is None and a.literal[:1].isnumeric() and a.scale_word is None:  # digits, "½"
            m = P.GUARDED_UNIT["end"].match(norm, pos) or P.GUARDED_UNIT["digits"].match(norm, pos)
        if m is not None:
            surface = m.group("unit")
            a.unit = LEXICON.units.get(surface) or LEXICON.units.get(surface.lower(), surface.lower())
            pos = m.end()
        else:
            m = P.COUNT_NOUN.match(norm, pos)
            h = P.HYPHEN_NOUN.match(norm, pos)
            if m is not None and m.group("noun") not in P.COUNT_NOUN_STOP:
                a.unit = _singular(m.group("noun"))
                a.generic_unit = True
                pos = m.end()
            elif h is not None and h.group("noun") not in P.HYPHEN_NOUN_STOP and (a.spelled or "." not in a.literal):
                a.unit = _singular(h.group("noun"))
                a.generic_unit = True
                pos = h.end()
            elif a.spelled and a.literal.lower() == "one":
                m = P.SINGULAR_NOUN.match(norm, pos)
                if m is not None and m.group("noun") not in P.ONE_STOP and not m.group("noun").endswith("ly"):
                    a.unit = m.group("noun")
                    a.generic_unit = True
                    pos = m.end()
    if a.unit is not None and not a.generic_unit and (m := P.POWER_AFTER.match(norm, pos)) is not None:
        power = _power(a.unit, 2 if m.group("power") == "squared" else 3)
        if power is not None:  # "4 km squared", "10 feet cubed"
            a.unit = power
            pos = m.end()
    if a.unit == "year" and (m := P.AGE_AFTER.match(norm, pos)) is not None:
        a.age = True
        if not m.group().endswith("old"):
            a.bound = ">="  # "45 years or older"
        pos = m.end()
    m = P.HEDGE_AFTER.match(norm, pos)
    if m is not None:
        phrase = m.group("hedge").strip().lower()
        a.bound = P.HEDGE_BOUND.get(phrase, (">=", True))[0]
        pos = m.end()
    if a.percent is not None or a.currency is not None:
        m = P.NOUN_AFTER.match(norm, pos) or (P.CJK_NOUN_AFTER.match(norm, pos) if a.percent else None)
        if m is not None:
            noun = m.group("noun").lower()
            if noun in ("difference", "gap"):
                a.difference = True
                a.direction = "noun"
            elif a.percent is not None:
                a.sign = -1 if LEXICON.directions.get((noun, "noun")) == "-" else 1
                a.direction = "noun"
            else:
                m = None
            if m is not None:
                pos = m.end()
        elif a.percent is not None and P.YOY_AFTER.match(norm, pos):
            a.direction = a.direction or "yoy"
    a.end = pos


def _power(unit: str, n: int) -> str | None:
    """The pint name of a length unit's square or cube, as units.tsv spells it ("kilometer ** 2",
    "square_mile", "cubic_foot"), or None when the unit is no length the table has that power of."""
    for name in (f"{unit} ** {n}", f"{'square' if n == 2 else 'cubic'}_{unit}"):
        if name in LEXICON.physical_units:
            return name
    return None


def _read_left(norm: str, a: _Atom) -> None:
    # each pattern is tried only over the last few characters it could need: `$`-anchored
    # searches otherwise try every position of the window
    pos = a.start
    before = norm[max(0, pos - _WINDOW) : pos]
    m = P.SIGN_BEFORE.search(before, len(before) - 2)
    if m is not None and (a.percent or a.currency or (a.unit and not a.generic_unit)):
        a.sign = -1 if m.group("sign") == "-" else 1
        a.direction = "sign"
        pos -= 1
        before = before[:-1]
    m = P.MINUS_WORD_BEFORE.search(before, len(before) - 10)
    if m is not None and (a.percent or a.currency or (a.unit and not a.generic_unit) or a.bare):
        a.sign, a.direction = -1, "sign"  # "minus five percent", "the answer is minus 5"
        pos -= len(before) - m.start()
        before = before[: m.start()]
    m = P.HEDGE_BEFORE.search(before, len(before) - 24)
    if m is not None:
        phrase = (m.group("hedge") or m.group("symbol")).lower()
        phrase = re.sub(r"\s+", " ", phrase)
        bound, in_span = P.HEDGE_BOUND[phrase]
        usable = not (phrase == "past" and P.PAST_AS_ADJECTIVE.search(before, 0, m.start()))
        usable = usable and not (phrase == "some" and a.bare)
        if usable:
            if a.bound == "=":
                a.bound = bound
            if in_span:
                pos -= len(before) - m.start()
            before = before[: m.start()]
    m = P.ADVERB_BEFORE.search(before, len(before) - 12)
    if m is not None and (a.percent or a.currency):
        a.sign = -1 if m.group("adverb").lower() == "down" else 1
        a.direction = "adverb"
        pos -= len(before) - m.start()
        before = before[: m.start()]
    elif a.currency is not None and a.percent is None:
        m = _verb_search(P.VERB_BEFORE, before, len(before) - _VERB_REACH)
        if m is not None and m.group().rstrip().lower().endswith(" by"):
            a.sign = -1 if LEXICON.directions.get((m.group("verb").lower(), "verb")) == "-" else 1
            a.direction = "verb"
            a.difference = True
    elif a.percent is not None and a.direction in (None, "yoy"):
        m = P.NOUN_OF_BEFORE.search(before, len(before) - 24)
        if m is None and P.TO_BEFORE.search(before, len(before) - 16):
            a.to_level = True
            a.direction = None
        else:
            m = m or _verb_search(P.VERB_BEFORE, before, len(before) - _VERB_REACH) \
                or _verb_search(P.VERB_UM_BEFORE, before, len(before) - _VERB_REACH - 40) \
                or P.CJK_VERB_BEFORE.search(before, max(0, len(before) - 4))
            if m is not None:
                word = (m.groupdict().get("verb") or m.group("noun")).lower()
                role = "verb" if m.groupdict().get("verb") else "noun"
                a.sign = -1 if LEXICON.directions.get((word, role)) == "-" else 1
                a.direction = role
    if P.BETWEEN_BEFORE.search(before, len(before) - 12):
        a.between = True
    elif P.FROM_BEFORE.search(before, len(before) - 8):
        a.from_ = True
    a.start = pos


#: Arabic conjunctions and prepositions of one letter, written joined to the next word: "و2421
#: جريحاً" is "and 2,421 injured".
_ARABIC_CLITICS = frozenset("وبلف")


def _arabic_clitic(before: str) -> bool:
    """Is the letter glued before a number an Arabic "and", "with", "for" or "so" on its own?"""
    return before[-1] in _ARABIC_CLITICS and (len(before) == 1 or not P.word_letter(before[-2]))


def _plausible(norm: str, a: _Atom, before: str, after: str) -> bool:
    """False for numbers that are parts of names, years, days of months or footnote marks."""
    if (after[:1] == "/" or before.endswith("/")) and a.currency is None and not re.match(r"/\s?\\?\$", after):
        return False  # 24/7, 0/5000: counters and fractions, not amounts
    if a.currency or a.percent:
        return True
    integer = a.literal.replace(",", "")
    if "," not in a.literal and "." not in a.literal and len(integer) == 4 and integer.isdigit() \
            and 1000 <= int(integer) <= 2199 \
            and not a.scale_word and (a.unit is None or a.generic_unit or after[:1] == "年") \
            and not _counted_hedge(before, after) \
            and before[-1:] not in _CJK_SCALES:  # "1万2000人": the smaller part of 12,000
        return False  # a year: "in 2024", "2024 results"
    if not a.scale_word and "," not in a.literal:  # a name never groups thousands: "Quartal 484,507"
        name = P.CAPITALISED_WORD_BEFORE.search(before)
        if name is not None and name.group("word") not in P.SENTENCE_WORDS \
                and name.group("word") not in P.MONTH_WORDS and (a.unit is None or a.generic_unit):
            return False  # Qwen 2.5 Max, Model 3 sedans, S&P 500, iPhone 11
    if after[:1].isalpha() and not a.currency and P.SOURCE_BEFORE.search(before):
        return False  # "according to 90min": a source's name with digits in it, not a duration
    if not a.scale_word and (a.unit is None or a.generic_unit) and "." not in a.literal and \
            (P.IDENTIFIER_NOUN_BEFORE.search(before) or P.IDENTIFIER_AFTER.match(after)):
        return False  # a category 4 hurricane, phase 3 trials, the 90049 ZIP code, 737 Max jets
    if a.bare and P.CJK_DATE_AFTER.match(after):
        return False  # 3月19日, 10時: a date or a time
    if not a.bare:
        return True
    if LETTERS_AFTER_OK(after):
        return False
    if before.endswith(("'", '"')) and after.startswith(("'", '"')):
        return False  # '1688': a name in quotes
    if before.endswith("(") and after.startswith(")"):
        return False  # (4): a shirt number or a list mark
    if re.search(r"[A-Z][a-z]+,\s$", before) and after.startswith(",") and len(integer) <= 3:
        return False  # "Senard, 65, said": an age in apposition
    if after[:1] in ("-", "–") and after[1:2].isdigit():
        a.dash_after = True  # 2-2, 737-800 unless the second end makes a range of it: "5-6%"
    return True


def _counted_hedge(before: str, after: str) -> bool:
    """ "more than 1000 live games", "nearly 2000 fatalities": a hedge that says how many ("more
    than", "nearly", "about", "at least"), then a word, makes a year-like number a count; no one
    writes "nearly 2000 results" of a year. Hedges that are also prepositions of time ("over
    2023 levels", "past 2030", "up to 2030", "by 2030") say nothing."""
    if not re.match(r"\s+[^\W\d_]", after):
        return False
    m = P.HEDGE_BEFORE.search(before, max(0, len(before) - 24))
    if m is None or m.group("hedge") is None:
        return False
    return re.sub(r"\s+", " ", m.group("hedge").lower()) not in P.TIME_PREPOSITIONS


def LETTERS_AFTER_OK(after: str) -> bool:
    """Digits glued to letters that are no unit or scale: 4o, 5G, 3D (a Chinese, Japanese or
    Korean character after them is the next word: "480辆", "60人")."""
    return bool(after) and P.word_letter(after[0])


def _plausible_spelled(norm: str, a: _Atom, words: list[str], before: str, after: str) -> bool:
    first = words[0].lower()
    if norm[a.core_start].isupper() and after[:2].strip()[:1].isupper():
        return False  # "Four Little Dragons", "Big Three"
    if before.rstrip().endswith("-") or (after.startswith("-") and not a.unit and not P.SUSPENDED_TO.match(after)):
        return False  # "one-off", "three-pronged": adjectives (but "two- to three-year" is a range)
    if first == "one" and len(words) == 1 and " and " not in a.literal.lower():  # not "one and a half"
        if a.bare and P.MINUS_WORD_BEFORE.search(before, len(before) - 10):
            return True  # "minus one": a number, not a pronoun
        return not (a.bare or re.search(r"\b(?:no|the|any|every|each|this|that)\s+$", before, re.IGNORECASE))
    return not (first in ("a", "an") and len(words) == 1)


def _suffix_allowed(surface: str, a: _Atom) -> bool:
    info = _CURRENCY_BY_SURFACE.get(surface) or _CURRENCY_BY_LOWER.get(_squash(surface).lower())
    return info is not None and (not info.needs_scale or a.scale_word is not None)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


# --- pass 3: neighbours ------------------------------------------------------------------------


def _join_ranges(norm: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and _is_range(norm, a, b):
            out.append(_merge_range(a, b))
            i += 2
            continue
        if (a.dash_after and a.bare) or a.dash_before:
            i += 1  # half of "2-2" or "737-800 jets" with no range to make
            continue
        if b is not None and a.bare and b.bare and norm[a.core_end : b.core_start] in ("-", "–") \
                and not a.spelled and "." not in a.literal and "." not in b.literal:
            i += 2  # a score or page range: 2-2, 10-12
            continue
        out.append(a)
        i += 1
    return out


def _is_range(norm: str, a: _Atom, b: _Atom) -> bool:
    gap = norm[a.end : b.start] if a.end <= b.start else None
    if gap is None:
        return False
    join = gap.strip().lower()
    if P.SUSPENDED_HYPHEN.fullmatch(join):
        join = "to"  # "8- to 16-meter", "two- to three-year": the first end's unit is suspended
    if join == "/" and a.currency and a.currency == b.currency:
        return a.magnitude < b.magnitude
    if join not in ("-", "–", "to", "and"):
        return False
    if a.bare and join == "to" and P.AGED.search(norm, max(0, a.start - 8), a.start):
        a.unit = "year"
        return True
    if join == "and" and not a.between:
        return False
    if join == "to" and (a.direction in ("verb", "noun", "adverb") or (a.from_ and _verb_before_from(norm, a))):
        return False
    if join == "to" and a.is_money and b.is_money and _verb_before(norm, a):
        return False  # "fell 5 pence to 300p": a change and the level it reaches
    if a.direction == "noun" or b.direction in ("verb",):
        return False
    if a.bare and b.bare:
        return a.between or a.from_
    # the currency may be written on either end: "$1-2bn", "1 to 2 billion dollars"
    currency_ok = a.currency in (None, b.currency) or (b.currency is None and b.percent is None and b.unit is None)
    compatible = (
        (currency_ok and a.percent in (None, b.percent) and a.unit in (None, b.unit))
        and (b.currency or b.percent or b.unit or b.scale_word or a.currency or a.percent)
    )
    if not compatible:
        return False
    lo = a.magnitude * _range_scale(a, b)
    hi = b.magnitude * b.scale
    return lo < hi


def _range_scale(a: _Atom, b: _Atom) -> Decimal:
    """The scale of a range's first end: its own, or the second's when it has none and is the
    smaller as written ("$1-2bn", "1.5 to 2 million", "four to five thousand", but not
    "$800,000 to $1.3 million")."""
    scale, written = b.scale, b.magnitude
    if b.spelled and b.scale_word and b.scale == 1:  # "five thousand": the scale is in the magnitude
        scale = LEXICON.number_words[b.scale_word.lower()][0]
        written = b.magnitude / scale
    if a.scale_word or a.magnitude >= written:
        return a.scale
    return scale


def _verb_before(norm: str, a: _Atom) -> bool:
    return _verb_search(P.VERB_BEFORE, norm[max(0, a.start - _VERB_REACH) : a.start], 0) is not None


#: Every verb of movement, lower case: the words a verb pattern can find.
_VERB_WORDS = frozenset(w for (w, role) in LEXICON.directions if role == "verb")
#: A run of letters: the words a verb of movement may be among.
_LETTERS = re.compile(r"[^\W\d_]+")


def _verb_search(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for a pattern that opens with a verb of movement, tried only
    where a word of the window is one: the alternation of some two hundred verbs, tried at every
    position of the window, was most of the scanner's cost."""
    for word in _LETTERS.finditer(text, max(0, pos)):
        if word.group().lower() in _VERB_WORDS:
            m = pattern.match(text, word.start())
            if m is not None:
                return m
    return None


def _verb_before_from(norm: str, a: _Atom) -> bool:
    before = norm[max(0, a.start - _WINDOW) : a.start]
    return _verb_search(P.VERB_BEFORE, before.removesuffix("from ").rstrip() + " ", 0) is not None


def _merge_range(a: _Atom, b: _Atom) -> _Atom:
    scale = _range_scale(a, b)
    low = a.magnitude * scale
    high = b.magnitude * b.scale
    return attrs.evolve(
        b,
        start=a.start,
        core_start=a.core_start,
        magnitude=(low + high) / 2 / b.scale,
        low=low,
        high=high,
        low_precision=a.precision * scale,
        currency=b.currency or a.currency,
        percent=b.percent or a.percent,
        bound=a.bound if a.bound != "=" else b.bound,
        sign=a.sign if a.direction else b.sign,
        direction=a.direction or b.direction,
        literal=f"{a.literal}-{b.literal}",
    )


#: A larger unit and the smaller one written after it, with how many of the smaller make one:
#: "5 ft 2 in", "5 feet and 2 inches", "7 lb 4 oz".
_COMPOUND_UNITS = {("foot", "inch"): Decimal(12), ("pound", "ounce"): Decimal(16)}


def _compounds(norm: str, atoms: list[_Atom]) -> list[_Atom]:
    """An amount written in two units, one quantity in the larger: "5 ft 2 in" is 5 1/6 feet,
    "3 dollars 50 cents" and "15 dollars 50." are USD 3.50 and USD 15.50."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and _thousand_millions(norm, a, b):
            out.append(attrs.evolve(b, start=a.start, core_start=a.core_start,
                                    magnitude=a.magnitude * 1000 + b.magnitude, currency=a.currency or b.currency,
                                    bound=a.bound if a.bound != "=" else b.bound,
                                    literal=norm[a.core_start : b.core_end]))
            i += 2
            continue
        if b is not None and _cjk_tail(norm, a, b):
            out.append(attrs.evolve(a, end=b.end, magnitude=a.magnitude + b.magnitude * b.scale / a.scale,
                                    precision=b.precision * b.scale / a.scale, currency=b.currency or a.currency,
                                    literal=norm[a.core_start : b.core_end]))
            i += 2
            continue
        per = _compound_part(norm, a, b) if b is not None else None
        if b is None or per is None:
            out.append(a)
            i += 1
            continue
        if b.bare and a.unit == "foot":  # "12 ft 2 in more or less": the "in" the guard left
            b.end = P.INCH_AFTER.match(norm, b.end).end()  # type: ignore[union-attr]
        out.append(attrs.evolve(a, end=b.end, magnitude=a.magnitude + b.magnitude / per,
                                precision=b.precision / per, literal=norm[a.core_start : b.core_end]))
        i += 2
    return out


#: Chinese and Japanese scale characters, after which the next, smaller part of one number follows
#: with no space: "45兆953億円" is 45 trillion 953 billion yen, "1万2000人" is 12,000 people.
_CJK_SCALES = frozenset("万萬亿億兆")


def _cjk_tail(norm: str, a: _Atom, b: _Atom) -> bool:
    """Is ``b`` the smaller part of ``a``'s number, written straight after its scale character?
    A bare digit before 十, 百 or 千 is part of a number this reader does not spell out ("4兆3千",
    unless "3千億" is a scale of its own): then no part is joined."""
    return (a.scale_word is not None and a.scale_word[-1:] in _CJK_SCALES and b.start == a.end
            and not (b.scale_word is None and b.end < len(norm) and norm[b.end] in "十百千")
            and b.scale < a.scale and b.magnitude * b.scale < a.scale and a.currency is None
            and a.low is None and b.low is None and not (a.percent or b.percent or a.per or a.unit))


#: Scale words of a million after which Spanish and Portuguese put the hundreds of a "mil": "2 mil
#: 500 millones" is 2,500 millones.
_MILLIONS = frozenset({"millones", "millón", "milhões", "milhão"})


def _thousand_millions(norm: str, a: _Atom, b: _Atom) -> bool:
    """Is ``a`` the thousands of ``b``'s millions? Latin American Spanish writes 2.5 billion as
    "2 mil 500 millones" (two thousand five hundred million), one number in two parts."""
    return (a.scale_word is not None and a.scale_word.lower() == "mil" and a.scale == 1000
            and b.scale_word is not None and b.scale_word.lower() in _MILLIONS
            and b.start > a.end and not norm[a.end : b.start].strip() and b.magnitude < 1000
            and a.precision == 1 and a.low is None and b.low is None
            and not (a.unit or a.percent or a.per or b.percent or b.per)
            and (a.currency is None or b.currency is None or a.currency == b.currency))


def _compound_part(norm: str, a: _Atom, b: _Atom) -> Decimal | None:
    """How many of ``b``'s unit make one of ``a``'s, when ``b`` is the smaller part of one amount."""
    shared = b.start < a.end and b.currency == a.currency  # "17 USD 25": the code read as the second's too
    start = b.core_start if shared else b.start
    if start < a.end or not P.COMPOUND_GAP.fullmatch(norm, a.end, start) or a.low is not None or b.low is not None \
            or a.scale != 1 or b.scale != 1 or a.bound != "=" or b.bound != "=" or a.precision != 1 \
            or a.percent or b.percent or a.per or b.per:
        return None
    if a.currency is not None and a.end > a.core_end and not P.CURRENCY_PREFIX.search(norm, a.start, a.core_start):
        # the currency written after the number: "3 dollars 50 cents", "17 USD 25."
        cents = b.unit == "cent" and (b.currency is None or shared)
        bare = b.bare or (shared and not (b.unit or b.scale_word))
        tail = bare and b.precision == 1 and P.SENTENCE_END.match(norm, b.end) is not None
        return Decimal(100) if (cents or tail) and b.magnitude < 100 else None
    if a.currency is None and a.unit is not None and not a.generic_unit:
        per = _COMPOUND_UNITS.get((a.unit, b.unit or ""))
        if per is None and b.bare and a.unit == "foot" and P.INCH_AFTER.match(norm, b.end):
            per = Decimal(12)
        return per if per is not None and b.magnitude < per else None
    return None


def _separate(norm: str, atoms: list[_Atom]) -> list[_Atom]:
    """No two quantities share text: a currency between two numbers ("5 USD 6") is the first's;
    the second keeps a currency written after it ("10 rmb 20 usd")."""
    out: list[_Atom] = []
    for a in atoms:
        prev = out[-1] if out else None
        if prev is not None and prev.end > a.start:
            if prev.end > a.core_start:
                continue
            given = a.currency
            a.start, a.currency, a.per, a.bound = a.core_start, None, None, "="
            if a.direction in ("sign", "adverb", "verb"):  # read off the text that is the first's
                a.sign, a.direction, a.difference = 1, None, False
            m = P.CURRENCY_SUFFIX_EXACT.match(norm, a.end) if given else None
            if m is not None and _suffix_allowed(m.group("cur"), a):  # "10 rmb 20 usd": its own code
                a.currency = _CURRENCY_BY_SURFACE[m.group("cur")].code
                a.end = m.end()
        out.append(a)
    return out


def _elided_scales(norm: str, atoms: list[_Atom]) -> None:
    """ "rose to ₹39,315 crore from ₹37,933": the second amount drops the scale word the first
    gave. An amount in the same currency, with no scale of its own, introduced by "from" or
    "compared to" and of the same size as written, takes the scale of the amount before it."""
    for prev, cur in itertools.pairwise(atoms):
        if not (cur.currency and cur.currency == prev.currency and prev.scale_word and not cur.scale_word
                and not cur.per and not prev.per):
            continue
        gap = norm[prev.end : cur.start]
        if len(gap) > 80 or any(c in gap for c in ".;\n") or not P.BASE_BEFORE.search(norm, max(0, cur.start - 16),
                                                                                    cur.start):
            continue
        if prev.magnitude and Decimal("0.5") <= cur.magnitude / prev.magnitude <= 2:
            cur.scale, cur.scale_word = prev.scale, prev.scale_word


#: The least scale at which a bare amount may take the currency or noun of the amounts around it:
#: a "million" or more ("300 millones"); a bare "300" is a count of anything.
_ELIDED_SCALE = Decimal(10) ** 6
#: The furthest back, in characters, the sentence's amount that gives the currency may be.
_ELIDED_REACH = 160


def _elided_currencies(norm: str, atoms: list[_Atom]) -> None:
    """ "155 millones de dólares en EE.UU. y 300 millones en el mundo", "92.3 million passengers,
    up from 86.9 million in 2023": an amount written with a scale word of a million or more and
    nothing it counts after it (the clause ends, or a word such as "en", "in", "each" follows) is
    in the currency or of the noun of the sentence's amount before it: the writer gave it once for
    both. Outside such a sentence, it is in the article's currency when every other amount of a
    million or more that the article writes is in that one currency (two or more of them): "La NBA
    recibirá 24 mil millones durante un periodo de 9 años" in a report of dollar sums. An amount
    followed by a noun ("300 millones de espectadores") counts that noun and is left alone, and a
    conversion in parentheses gives no currency to the amounts after it ("2.2 billion shekels
    ($590 million) and 71 million": shekels)."""
    elided = []
    before: _Atom | None = None  # the sentence's last amount of a million or more with a unit
    for cur in atoms:
        if before is not None:
            gap = norm[before.end : cur.start]
            if len(gap) > _ELIDED_REACH or "\n" in gap or P.SENTENCE_BREAK.search(gap):
                before = None
        if not cur.scale_word or cur.scale < _ELIDED_SCALE:
            continue
        if cur.currency or cur.unit or cur.percent or cur.per:
            if not norm[max(0, cur.start - 3) : cur.start].strip().endswith("("):
                before = cur if not cur.per else None  # a conversion in parentheses gives no currency
            continue
        if not P.ELIDED_CURRENCY_AFTER.match(norm, cur.end):
            continue
        if before is not None:
            cur.currency, cur.unit, cur.generic_unit = before.currency, before.unit, before.generic_unit
        else:
            elided.append(cur)
    scaled = [a for a in atoms if a.scale_word and a.scale >= _ELIDED_SCALE and (a.currency or a.unit)]
    currencies = {a.currency for a in scaled}
    if elided and len(scaled) >= 2 and len(currencies) == 1 and None not in currencies:
        for cur in elided:
            cur.currency = scaled[0].currency


def _link(norm: str, atoms: list[_Atom]) -> None:
    """Conversions in parentheses and changes with the level they arrive at."""
    for prev, cur in itertools.pairwise(atoms):
        if prev.end > cur.start:
            continue
        gap = norm[prev.end : cur.start]
        if prev.is_money and cur.is_money and P.CONVERSION_OPEN.fullmatch(gap) \
                and (prev.currency != cur.currency or gap.strip().startswith("(")):
            cur.converts = (prev.start, prev.end)
            continue
        if _physical(prev) and _physical(cur) and prev.unit != cur.unit and P.CONVERSION_OPEN.fullmatch(gap):
            cur.converts = (prev.start, prev.end)  # "5 miles (8 km)": FC502 checks it with pint
            continue
        if _is_change(prev) and not _is_change(cur) and P.LEVEL_LINK.match(gap) and (not cur.percent or len(gap) < 8):
            prev.leads_to = (cur.start, cur.end)
        elif _is_change(cur) and not _is_change(prev) and not prev.percent and P.CHANGE_AFTER_LEVEL.match(gap):
            cur.leads_to = (prev.start, prev.end)


def _physical(a: _Atom) -> bool:
    return a.currency is None and a.percent is None and a.unit in LEXICON.physical_units and a.low is None


def _is_change(a: _Atom) -> bool:
    return a.percent == "percent" and a.direction is not None and not a.to_level and not a.difference


# --- the result --------------------------------------------------------------------------------


def _to_quantity(text: str, a: _Atom) -> Quantity:
    unit = _unit(a)
    if a.difference or (a.percent in ("pp", "bp") and a.direction in ("verb", "adverb", "noun", "sign")):
        kind = "difference"
    elif a.percent == "percent" and a.direction is not None and not a.to_level:
        kind = "change"
    elif a.low is not None:
        kind = "range"
    elif a.age:
        kind = "age"
    else:
        kind = "level"
    signed = kind in ("change", "difference") or a.direction == "sign"  # "-$3 million", "−5 °C"
    sign = Decimal(a.sign if signed else 1)
    value = a.magnitude * a.scale * sign
    precision = a.precision * a.scale
    bound = a.bound
    interval = _interval(a.magnitude * a.scale, precision, bound, a)
    if sign < 0:
        interval = Interval(
            None if interval.high is None else -interval.high,
            None if interval.low is None else -interval.low,
            interval.high_closed,
            interval.low_closed,
        )
        bound = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "<~": ">"}.get(bound, bound)
    if bound == "<~":
        bound = "<"
    low = None if a.low is None else a.low * sign
    high = None if a.high is None else a.high * sign
    if sign < 0 and low is not None and high is not None:
        low, high = high, low
    return Quantity(
        start=a.start,
        end=a.end,
        text=text[a.start : a.end],
        value=value,
        unit=unit,
        bound=bound,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        interval=interval,
        low=low,
        high=high,
        literal=a.literal,
        precision=precision,
        leads_to=a.leads_to,
        converts=a.converts,
    )


def _per_unit(written: str) -> str:
    """What a price is per: a pint unit for a physical one ("a tonne" -> ``metric_ton``, "/kg" ->
    ``kilogram``, "per MWh" -> ``megawatt_hour``), else the counted noun ("share", "night")."""
    flat = " ".join(written.split())
    for surface in (flat, flat.lower(), flat.lower().replace("-", " ")):
        unit = LEXICON.units.get(surface)
        if unit is not None and unit not in LEXICON.count_units:
            return unit
    word = flat.lower()
    return {"ads": "share", "adr": "share", "metric ton": "metric_ton", "metric tonne": "metric_ton",
            "megawatt hour": "megawatt_hour", "megawatt-hour": "megawatt_hour"}.get(word, word)


def _unit(a: _Atom) -> str | None:
    if a.currency:
        return f"{a.currency}/{a.per}" if a.per else a.currency
    if a.percent:
        return a.percent
    return a.unit


def _interval(v: Decimal, precision: Decimal, bound: str, a: _Atom) -> Interval:
    half = precision / 2
    if a.low is not None and a.high is not None:
        lo_half = (a.low_precision or precision) / 2
        base = Interval(a.low - lo_half, a.high + half)
    else:
        base = Interval(v - half, v + half)
    assert base.low is not None and base.high is not None
    if bound == ">":
        return Interval(v, None, low_closed=False)
    if bound == ">=":
        return Interval(v, None)
    if bound == "<":
        return Interval(None, v, high_closed=False)
    if bound == "<=":
        return Interval(None, v)
    if bound == "<~":
        return Interval(v * (1 - NEARLY_TOLERANCE), v, high_closed=False)
    if bound == "~":
        return Interval(base.low * (1 - ABOUT_TOLERANCE), base.high * (1 + ABOUT_TOLERANCE))
    return base
