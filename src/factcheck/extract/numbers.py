"""Numbers as written: digit literals with their precision, and spelled-out numbers.

The precision of a literal is the value of one unit in its last written digit: "72.5" has
precision 0.1, "19" has 1, "3,15,332" has 1. With a scale word it scales too ("72.5bn": 0.1bn),
which is what makes "$19bn" mean [18.5bn, 19.5bn] rather than exactly 19,000,000,000.

>>> parse_literal("3,15,332")
(Decimal('315332'), Decimal('1'))
>>> parse_literal("72.5")
(Decimal('72.5'), Decimal('0.1'))
>>> spelled_value(["half", "a", "million"])
Decimal('500000.0')
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from factcheck.extract.lexicon import LEXICON

# Separators and digits that writers paste from other scripts, mapped one character to one
# character so that every offset into the normalised text is an offset into the original.
_SAME_LENGTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width digits
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u200b": " ",  # zero-width space
        "\u3000": " ",  # ideographic space
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\uff0d": "-",
        "\uff0e": ".",
        "\uff0c": ",",
        "\uff05": "%",
        "\uff04": "$",
        "\uffe5": "¥",
        "\uff0b": "+",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        # letters that Python's case-insensitive matching equates with an ASCII letter: without
        # folding, "ſeven" matches a number word and then misses the lexicon ("K" is the Kelvin sign)
        "\u017f": "s",  # long s
        "\u212a": "K",  # Kelvin sign
        "\u0130": "I",  # dotted capital I (it lowers to two characters)
        "\u0131": "i",  # dotless i
    }
)


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _SAME_LENGTH) + "]")


def normalize_chars(text: str) -> str:
    """Fold unicode digits, spaces and signs to ASCII without changing the length."""
    if text.isascii():
        return text
    # the characters to fold are rare: find them with one class scan rather than translating all
    return _FOLDABLE.sub(lambda m: _SAME_LENGTH[ord(m.group())], text)


# The two ways of writing separators. A text's own unambiguous figures say which one it follows:
# "6,1 Prozent", "14,29 Milliarden" and "1.234.567" only in the continental convention (comma for
# the decimal mark, dot for thousands: German, French, Spanish of Spain, Italian...), "12.5%",
# "1,234,567" and "1,234.5" only in the English one. Figures such as "22.915" or "10,246" are read
# the text's way: twenty-two thousand and ten point two four six in a German article.
_CONTINENTAL_ONLY = re.compile(
    r"""
    (?<![\d.,])
    (?:
        \d+,\d{1,2}(?![.,]?\d)         # 6,1 / 14,29: a comma before one or two last digits
      | \d{1,3}(?:\.\d{3}){2,}(?![.,]?\d) # 1.234.567: dots grouping thousands twice
      | \d{1,3}(?:\.\d{3})+,\d+       # 1.234,5: dots, then the decimal comma
      | [1-9]\d{0,2}\.\d00(?![.,]?\d)   # 1.500 / 12.000: decimals are not written with trailing zeros
    )
    """,
    re.VERBOSE,
)
_ENGLISH_ONLY = re.compile(
    r"""
    (?<![\d.,])
    (?:
        \d+\.\d{1,2}(?![.,]?\d)         # 12.5 / 3.75 (not a date: 7.6.2024 has another dot)
      | \d{1,3}(?:,\d{3}){2,}(?![.,]?\d)  # 1,234,567
      | \d{1,3}(?:,\d{3})+\.\d+         # 1,234.5
      | [1-9]\d{0,2},\d00(?![.,]?\d)     # 4,400 / 99,000: decimals are not written with trailing zeros
    )
    """,
    re.VERBOSE,
)
# A continental figure, rewritten with the separators swapped: the dot-grouped thousands with an
# optional decimal part, or digits with a decimal comma.
_CONTINENTAL_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![.,]?\d)")
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![.,]?\d)")
_SWAP = str.maketrans(".,", ",.")
# A figure the two conventions read differently: one separator before exactly three digits.
_AMBIGUOUS = re.compile(r"(?<![\d.,])\d{1,3}[.,]\d{3}(?![.,]?\d)")
_WORD = re.compile(r"[^\W\d_]+")


def number_convention(text: str) -> str:
    """How ``text`` writes its numbers: "continental" (decimal comma, dots for thousands),
    "dotted" (English decimals, but dots for thousands: "14.3%" and "462.890 unidades" in one
    Spanish article) or "english".

    Decided by the text's own figures that only one convention can read, by majority: an English
    article quoting one German figure stays English. When they do not settle it and the text has a
    figure the two read differently ("22.915", "10,246"), the text's language does, by its
    commonest words (``data/separators.tsv``); and in a continental language a dot before exactly
    three digits groups thousands whatever the other figures do.

    >>> number_convention("Der Umsatz stieg um 6,1 Prozent auf 94,93 Milliarden Dollar.")
    'continental'
    >>> number_convention("Revenue rose 6.1% to $94.93 billion; 1,500 jobs.")
    'english'
    >>> number_convention("Tesla entregó 22.915 unidades de los otros modelos.")
    'continental'
    >>> number_convention("Las entregas subieron un 4.3% hasta 462.890 unidades.")
    'dotted'
    >>> number_convention("Ganó 15,688 millones de dólares y gastará hasta 99,000 millones.")
    'dotted'
    """
    continental = sum(1 for _ in _CONTINENTAL_ONLY.finditer(text))
    english = sum(1 for _ in _ENGLISH_ONLY.finditer(text))
    if continental > english:
        return "continental"
    if not _AMBIGUOUS.search(text):
        return "english"  # nothing the two conventions read differently
    if not continental_language(text):
        return "english"
    return "dotted" if english else "continental"


def continental_language(text: str) -> bool:
    """Is ``text`` in a language of the continental convention, by its commonest words
    (``data/separators.tsv``)? Such languages also read "mil" as a thousand ("410 mil
    vehículos"), not as the English abbreviation of a million.

    >>> continental_language("Tesla produjo 410 mil vehículos en el trimestre")
    True
    """
    votes = Counter(LEXICON.separator_words.get(w) for w in _WORD.findall(text.lower()))
    return votes["continental"] > votes["english"]


def english_separators(text: str, convention: str = "continental") -> str:
    """``text`` with every continental figure's separators swapped to the English convention
    (same length, so offsets hold): "6,1" becomes "6.1", "1.234,5" becomes "1,234.5"; with
    ``convention="dotted"`` only the thousands dots.

    >>> english_separators("22.915 Autos, 6,1 Prozent, 1.234,5 Tonnen, am 7.6.2024")
    '22,915 Autos, 6.1 Prozent, 1,234.5 Tonnen, am 7.6.2024'
    >>> english_separators("un 4.3% hasta 462.890 unidades", "dotted")
    'un 4.3% hasta 462,890 unidades'
    """
    pattern = _CONTINENTAL_NUMBER if convention == "continental" else _DOT_THOUSANDS
    return pattern.sub(lambda m: m.group().translate(_SWAP), text)


# Swiss thousands: "526'409", "1'808'581" (a typographic apostrophe is folded to "'" before): a
# group of one to three digits, then one or more apostrophes each before exactly three digits.
_APOSTROPHE_THOUSANDS = re.compile(r"(?<![\d'])\d{1,3}(?:'\d{3})+(?![\d'])")


def apostrophe_separators(text: str) -> str:
    """``text`` with Swiss thousands apostrophes written as commas (same length, so offsets hold).
    An apostrophe before fewer or more than three digits is left: "5'10" is a height.

    >>> apostrophe_separators("526'409 Fahrzeuge, 1'808'581 Autos, 5'10 tall, the '90s")
    "526,409 Fahrzeuge, 1,808,581 Autos, 5'10 tall, the '90s"
    """
    if "'" not in text:
        return text
    return _APOSTROPHE_THOUSANDS.sub(lambda m: m.group().replace("'", ","), text)


# A line break inside a paragraph, as editors and `fmt` wrap prose: the line ends in text and the
# next one continues the sentence (a lower-case word, a figure, a currency sign or a bracket), or
# the line stops on a comma or on a lower-case word no sentence ends with ("of", "the", "about").
# Breaks before a Markdown block (list item, quote, heading, table row, numbered item) and after a
# heading or table row stay: scraped articles put a title on its own line without a blank one.
# Each pattern reads a run of blanks once: a break is tried from the first blank of a run only (from
# each blank, a long run not ending the line was read to its end, quadratic), and the blank line
# of _BLOCK reads its blanks with one repeat (two repeats of blanks in a row split a long run
# every possible way before failing).
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\r?\n")
_BLOCK = re.compile(
    r"""
    [ \t]*(?:
        [-*+>\#|•]                # a list item, a quote, a heading, a table row
      | \d{1,3}[.)][ \t]+\S       # a numbered item
      | \r[ \t\r]*$ | $          # a blank line (the blanks before it are read by the first repeat)
    )
    """,
    re.MULTILINE | re.VERBOSE,
)
_LONE = re.compile(r"[ \t]*\d{1,3}[ \t]*")
_LONE_NEXT = re.compile(r"[ \t]*\d{1,3}[ \t]*(?:\r?\n|$)")
_CONTINUES = re.compile(r"[ \t]*[a-z0-9(£$€¥₹%]")
_DANGLING = re.compile(
    r"(?:,|\b(?:of|the|a|an|to|at|in|on|by|for|and|or|nor|but|than|from|with|as|per|its|their|his|her|our|"
    r"about|around|approximately|nearly|almost|over|under|some|roughly|between|is|was|are|were|be|been|has|"
    r"have|had|that|which|who|whose|said|says|reached|rose|fell|grew|stood|worth|valued|totalled|totaled))$",
)  # lower case only: "Series A" or a title's "Rises To" at the end of a line ends no sentence mid-way


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks that only wrap a paragraph made spaces (same length).

    Re-wrapping a paragraph must not change what is read from it: without this, a sentence
    broken over two lines would be read as two sentences and lose its subject or its period.
    """
    if "\n" not in text:
        return text
    joined = _JOINED.get(text)
    if joined is None:
        joined = _join(text)
        if len(_JOINED) >= 8:
            _JOINED.clear()
        _JOINED[text] = _JOINED[joined] = joined  # joining is idempotent: the result maps to itself
    return joined


#: The last few texts joined: the scanner, attribution and sentence splitting each ask for the
#: same article's joined text (the result is asked for again too).
_JOINED: dict[str, str] = {}


def _join(text: str) -> str:
    out = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        start, end = m.span()
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:start]
        if not line.strip() or line.lstrip()[:1] in ("#", "|") or end >= len(text) or _LONE.fullmatch(line):
            continue  # a blank line, a heading, a table row, the end, a lone number (a footnote mark)
        if _BLOCK.match(text, end) or _LONE_NEXT.match(text, end):
            continue  # a blank line, or the next line opens a list item, a quote, a heading, a table,
            # or is a lone number
        if _CONTINUES.match(text, end) or _DANGLING.search(line[-20:]):
            out.append(text[pos:start])
            out.append(" " * (end - start))
            pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}")


def parse_literal(literal: str) -> tuple[Decimal, Decimal]:
    """Value and precision of a digit literal such as "1,234.50" or "3,15,332" or ".5" or "10 000"."""
    literal = literal.replace(" ", "")
    digits, _, decimals = literal.partition(".")
    value = Decimal(digits.replace(",", "") + ("." + decimals if decimals else "") or "0")
    if literal.startswith("."):
        value = Decimal("0." + decimals)
    precision = Decimal(1).scaleb(-len(decimals)) if decimals else Decimal(1)
    return value, precision


def valid_grouping(integer_part: str) -> bool:
    """Western (1,234,567) or Indian (12,34,567) thousands grouping; no commas is fine too."""
    return "," not in integer_part or _GROUPED.fullmatch(integer_part) is not None


def spelled_value(words: list[str]) -> Decimal | None:
    """The value of a run of number words ("two hundred and fifty thousand"), or None.

    Handles "a"/"an" as one before hundred, scale and dozen words, "and" between parts, and the
    fractions "half a million" / "a quarter of a million".
    """
    table = LEXICON.number_words
    words = [w.lower() for w in words if w.lower() not in ("and", "-")]
    if not words:
        return None
    if words[0] in ("half", "quarter"):
        rest = [w for w in words[1:] if w not in ("a", "an", "of")]
        if len(rest) == 1 and table.get(rest[0], (None, ""))[1] == "scale":
            return table[words[0]][0] * table[rest[0]][0]
        return None
    total = Decimal(0)
    current: Decimal | None = None
    last_role = ""
    for i, word in enumerate(words):
        if word in ("a", "an"):
            if i + 1 < len(words) and table.get(words[i + 1], (0, ""))[1] in ("hundred", "scale", "dozen"):
                current = (current or Decimal(0)) + 1 if current is None else current
                continue
            return None
        entry = table.get(word)
        if entry is None:
            return None
        value, role = entry
        if role in ("unit", "ten"):
            if last_role in ("unit",) or (last_role == "ten" and role == "ten"):
                return None  # "two three" is two numbers, not one
            current = (current or Decimal(0)) + value
        elif role == "hundred" or role == "dozen":
            current = (current or Decimal(1)) * value
        elif role == "scale":
            total += (current or Decimal(1)) * value
            current = None
        else:
            return None
        last_role = role
    return total + (current or Decimal(0))


def format_grouped(value: Decimal, *, indian: bool = False) -> str:
    """Write a non-negative number with thousands separators, keeping its decimals.

    >>> format_grouped(Decimal("315332"), indian=True)
    '3,15,332'
    """
    text = f"{value:f}"
    integer, _, decimals = text.partition(".")
    if indian and len(integer) > 3:
        head, tail = integer[:-3], integer[-3:]
        pairs: list[str] = []
        while len(head) > 2:
            pairs.insert(0, head[-2:])
            head = head[:-2]
        integer = ",".join([head, *pairs, tail])
    else:
        integer = f"{int(integer):,}"
    return integer + ("." + decimals if decimals else "")
