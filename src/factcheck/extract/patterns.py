"""The compiled patterns the scanner applies around each number.

Every pattern is anchored (``match`` at a position, or ``$`` at the end of a short window before a
number), so the scanner's cost per number is bounded and its cost per document is linear. The
alternations are built from the lexicon, longest surface first, so "US$" wins over "$" and
"up to" over "up".
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import LEXICON


def _alt(words: list[str], *, escape: bool = True) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(_flexible(re.escape(w)) if escape else w for w in ordered)


def _flexible(escaped: str) -> str:
    # a space in a phrase matches any run of spaces; a "$" may carry a Markdown escape "\$"
    return escaped.replace(r"\ ", r"\s+").replace(r"\$", r"\\?\$")


def _currency_surfaces(position: str, exact: bool) -> list[str]:
    return [
        c.surface
        for c in LEXICON.currencies
        if c.position in (position, "both") and c.exact_case == exact
    ]


# The number itself: digits with optional grouping and decimals. Grouping is checked afterwards
# (valid_grouping) so the pattern stays a simple, non-backtracking run.
NUMBER = re.compile(
    r"""
    (?<![\d.,])            # not the tail of a longer number
    (?:
        \d{1,3}(?:\ \d{3}(?![\d,]))+(?:\.\d+)?  # 1 234 567.89, 10 000 (thin spaces are folded to spaces)
      | \d+(?:,\d{2,3}(?!\d))*(?:\.\d+)?   # 1,234.56 / 3,15,332 / 72.5
      | \.\d+                              # .5
    )
    """,
    re.VERBOSE,
)

# Number words ("two", "hundred", "dozen"); runs of them are joined by the scanner.
NUMBER_WORD = re.compile(
    r"\b(?:" + _alt(list(LEXICON.number_words)) + r")\b",
    re.IGNORECASE,
)
# What may join two number words, tried in this order: "two hundred", "twenty-five",
# "three hundred and fifty", "half a million", "a quarter of a million".
NUMBER_WORD_JOINERS = (
    ("", re.compile(r"\s+|-")),
    ("and", re.compile(r"\s+and\s+", re.IGNORECASE)),
    ("a", re.compile(r"\s+an?\s+", re.IGNORECASE)),
    ("of a", re.compile(r"\s+of\s+an?\s+", re.IGNORECASE)),
)

# A currency written before the number, at the very end of the window that precedes it.
CURRENCY_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<exact>" + _alt(_currency_surfaces("prefix", True)) + r"))\s?(?P<minus>-)?$"  # "$-99.99"
)

# Scale words and suffixes right after the number.
_ATTACHED = [s for s, v in LEXICON.scales.items() if v.attached in ("yes", "both")]
# Chinese, Japanese and Korean script: written without spaces, so a figure touches the characters
# around it ("交付173.97万辆", "去年の3.8%"). Such a character is no letter of a name glued to the
# digits, as "Qwen3" is; the text's words are its characters.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_CHAR = re.compile(f"[{CJK}]")


def word_letter(char: str) -> bool:
    """Is ``char`` a letter that a figure glued to it would be part of a word with ("Qwen3", "4o")?
    Chinese, Japanese and Korean characters are words of their own ("交付173.97万辆")."""
    return char.isalpha() and not CJK_CHAR.match(char)


# Characters after a bare figure that make it a date, a time or an ordinal part of one: 2024年3月
# 19日, 19号, 10時, 3点; before it, the ordinal prefix (第3季度, 제3조).
CJK_DATE_AFTER = re.compile(r"[年月日号號時时点點分秒년월일시]")
CJK_ORDINAL_BEFORE = ("第", "제")


# Not followed by a letter of a word, in any alphabet ("64 médailles" is no 64 metres, "64 más" no
# 64 metres either); Chinese, Japanese and Korean characters are words of their own ("100万辆").
NOT_LETTER = rf"(?![^\W\d_{CJK}])"
NOT_ALNUM = rf"(?![^\W_{CJK}])"


_SPACED = [s for s, v in LEXICON.scales.items() if v.attached in ("no", "both")]
SCALE = re.compile(
    r"""
    (?:
        (?P<attached>""" + _alt(_ATTACHED) + r""")   # 72.5bn, 25k, 380亿
      | [\s-]{1,2}(?P<spaced>""" + _alt(_SPACED) + r""")   # 72.5 billion, 1.8 billion-mile
    )
    """ + NOT_LETTER + r"""  # "5km" is not five thousand metres' worth of "k"
    """,
    re.VERBOSE | re.IGNORECASE,
)
SCALE_CASE_SENSITIVE = frozenset({"m", "M", "b", "B", "k", "K", "T"})

CURRENCY_SUFFIX_EXACT = re.compile(
    r"(?:\s?)(?P<cur>" + _alt(_currency_surfaces("suffix", True)) + r")" + NOT_LETTER
)
# A scale letter glued to an ISO code after the number: "30 MUSD", "5 kEUR", "2 bnUSD"
SCALED_CODE = re.compile(
    r"\s?(?P<scale>k|K|M|mn|bn|B)(?P<cur>" + _alt([c.surface for c in LEXICON.currencies
                                                    if re.fullmatch(r"[A-Z]{3}", c.surface)]) + r")" + NOT_LETTER
)
CURRENCY_SUFFIX_ANY = re.compile(
    # Spanish and Portuguese "millones de dólares", Italian "miliardi di euro", French "milliards d'euros"
    r"(?:\s|-)(?:de\s|di\s|d')?(?P<cur>" + _alt(_currency_surfaces("suffix", False)) + r")\b",
    re.IGNORECASE,
)
# The second end of a money range whose currency is written on the first: "$1-2m", "€40–50m"
MONEY_RANGE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:" + _alt(_currency_surfaces("prefix", True)) + r")\s?\d[\d,.]*\s?(?:[-–]\s?|\s*\bto\s+)$"
)
# "$5 billion U.S." names the dollar after the fact
US_AFTER = re.compile(r"\s(?:U\.S\.|US)(?![\w$])")
# A digit right after a currency symbol written after a number: the symbol opens the next amount
DIGIT_NEXT = re.compile(r"\s?\d")

PERCENT = re.compile(
    r"""
    (?:
        \s?(?P<sign>%)                                      # 11.7%
      | [\s-](?P<pp>percentage[\s-]points?|pts?\b(?=\s*(?:yoy|y/y|year|qoq|q/q)))\b  # 3.6 percentage points
      # points in German, Spanish, Portuguese, French
      | [\s-](?P<pp_other>Prozentpunkte?n?|puntos\sporcentuales|pontos\spercentuais|points\sde\spourcentage)\b
      | [\s-]?(?P<word>percent\b|per\s?cent\b|pct\b\.?)      # 39 percent, 16-percent, 7 per cent, 4 pct., 9.9percent
      # percent in German, Spanish, Portuguese, French, Italian, Dutch, Norwegian
      | \s(?P<word_other>Prozent|por\s?ciento|por\s?cento|pour\s?cent|per\s?cento|procent|prosent)\b
      | [\s-]?(?P<pp_short>pp|ppts?|ppt)\b                   # 0.3 pp, 2ppt
      | [\s-](?P<percentage>percentages?)\b                  # 100 percentage (not "percentage points": above)
      | [\s-](?P<bp>basis[\s-]points?)\b                     # 25 basis points
      | [\s-]?(?P<bp_short>bps|bp)\b                         # 25bp, 120 bps
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "percentage points" after a "%" ("3.6% points") is still points
POINTS_AFTER_SIGN = re.compile(r"\s?(?:percentage\s)?points?\b", re.IGNORECASE)

PER_UNIT = re.compile(
    r"""
    (?:\s(?:per|a|an|each|/)\s?|/)                   # per share, a piece, /share
    (?P<per>share|ADS|ADR|piece|barrel|bbl|metric\s(?:tonne|ton)|tonne|ton|ounce|oz|unit|head|person|kg|kilogram|
        litre|liter|gallon|megawatt-hour|MWh|kWh|night|month|year|week|day|hour|seat|ticket|
        square\sfoot|square\smetre|square\smeter|sq\sft)
    """ + NOT_LETTER + r"""
    (?!\s+(?:earlier|ago|before|later)\b)           # "$1.17 billion a year earlier" is no rate
    """,
    re.VERBOSE | re.IGNORECASE,
)

_UNGUARDED = [u for u in LEXICON.units if u not in LEXICON.guarded_units]
UNIT = re.compile(
    r"(?:\s|-)(?P<unit>" + _alt([u for u in _UNGUARDED if u[0].isalpha() or u[0] == "°"]) + r")" + NOT_LETTER
)
UNIT_ATTACHED = re.compile(
    r"(?P<unit>km/h|" + _alt(sorted(LEXICON.attached_units - set(LEXICON.guarded_units))) + r")" + NOT_ALNUM
)
# Units that are also words (units.tsv, column "guard"), read after digits only, and only where
# the word cannot be meant: "2 in." and "2 1/2 in thick" but not "rose 5 in May"; "278,000 t of"
# but not "5 t-shirts". Each alternative looks ahead a fixed few words at most.
_SIZE_WORDS = r"thick|wide|long|tall|high|deep|across|in\s+diameter"
GUARDED_UNIT = {
    "end": re.compile(
        r"\s(?P<unit>" + _alt([u for u, g in LEXICON.guarded_units.items() if g == "end"])
        + r")(?=\s*(?:[.;:!?)\]]|$)|\s+(?:" + _SIZE_WORDS + r")\b)"
    ),
    "digits": re.compile(
        r"\s(?P<unit>" + _alt([u for u, g in LEXICON.guarded_units.items() if g == "digits"])
        + r")(?=[.,;:!?)\]]|\s|$)(?!\s*[-–])"
    ),
}
# A power written after a length unit: "4 km squared", "10 feet cubed"
POWER_AFTER = re.compile(r"\s(?P<power>squared|cubed)\b")
# Pence glued to the number ("164p") and the Telegraph's "pc" for per cent ("24pc").
PENCE = re.compile(r"p(?![A-Za-z.])")
PC_PERCENT = re.compile(r"pc(?![A-Za-z])")
# "24-year-old", "24 years old", "45 years or older": an age
AGE_AFTER = re.compile(r"(?:-|\s)old\b|\s(?:or|and)\s(?:older|over)\b", re.IGNORECASE)
# A noun joined by a hyphen makes an adjective of a count: "five-year", "four-cylinder".
HYPHEN_NOUN = re.compile(r"-(?P<noun>[a-z]{3,})\b")
HYPHEN_NOUN_STOP = frozenset(
    "off time times way third thirds half quarter fold sided pronged liner liners stop to on and or old plus".split()
)
# After "one": the singular noun it counts ("one solution"), unless a pronoun reading is plain.
SINGULAR_NOUN = re.compile(r"\s(?P<noun>[a-z]{3,})\b")
ONE_STOP = frozenset(
    """of another said says could would should can may might must will is was are were be has had does did thing
    way more less than and or but that which who whom whose in on at by for with from to as if
    another other others such very most least also just only even still out across after before
    fourth third half quarter""".split()
)
# Vague amounts: "tens of thousands of", "hundreds of millions", "dozens of".
VAGUE = re.compile(
    r"""
    \b(?:(?P<mult>tens|hundreds|dozens)\s+of\s+)?      # tens of
    (?P<base>thousands|millions|billions|trillions|hundreds|dozens)  # thousands
    (?=\s+of\b)                                         # ... of something
    """,
    re.VERBOSE | re.IGNORECASE,
)
OF_THEN = re.compile(r"\s+of\s+(?:(?:the|their|its|his|her|our|your)\s+)?")
UNIT_CASE_INSENSITIVE = re.compile(
    r"(?:\s|-)(?P<unit>" + _alt([u for u in _UNGUARDED if u.islower() and len(u) > 2]) + r")\b",
    re.IGNORECASE,
)

# A plural noun right after a number is read as its count noun: "9,000 layoffs".
COUNT_NOUN = re.compile(r"\s(?P<noun>[a-z][a-z]{2,}s)\b")
COUNT_NOUN_STOP = frozenset(
    """this was has is as its his hers ours yours theirs plus less across always perhaps thus
    us yes bps news sales series basis analysis crisis process access address class loss gross
    mass bus status campus chaos whereas unless nevertheless yoy towards afterwards besides
    does goes was says makes takes gives means comes seems needs wants helps keeps puts shows
    remains includes reaches reflects represents
    dans sous sans vers mais puis tous nous vous leurs depuis alors
    pues tras entonces mientras menos otros otras estos estas esos esas unos unas todos todas ellos ellas
    depois seus suas outros
    alles etwas dass muss bereits jeweils rechts links stets nichts damals seines eines keines dies""".split()
)  # function words of French, Spanish, Portuguese and German ending in "s": "51 dans un état grave"

# Hedges that are also prepositions of time or comparison: before a year-like number they place
# it in time ("over 2023 levels", "past 2030", "up to 2030", "beyond 2030", "under 2019 rules").
TIME_PREPOSITIONS = frozenset({
    "over", "above", "beyond", "past", "just over", "well over", "well above", "exceed", "exceeds",
    "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing", "up to", "under",
    "below", "lower than", "circa", "c.", "north of", "just under", "just below", "sub-",
    "hasta", "até", "jusqu'à", "jusqu’à", "fino a", "oltre", "über", "bis zu",
})

HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[^\w-]))(?P<hedge>"
    + _alt([h.phrase for h in LEXICON.hedges if h.position == "before" and h.phrase[0].isalpha()])
    + r")\s+$|(?P<symbol>"
    + _alt([h.phrase for h in LEXICON.hedges if h.position == "before" and not h.phrase[0].isalpha()])
    + r")\s?$",
    re.IGNORECASE,
)
HEDGE_AFTER = re.compile(
    r"(?P<hedge>-plus\b|\+|\s(?:" + _alt([h.phrase for h in LEXICON.hedges if h.position == "after"
                                             and h.phrase[0].isalpha() and h.phrase != "plus"])
    + r")\b|\splus\b(?!\s[\w$£€¥₹]))",  # "£100m plus £5m in add-ons" adds, it does not hedge
    re.IGNORECASE,
)
HEDGE_BOUND = {h.phrase.lower(): (h.bound, h.in_span) for h in LEXICON.hedges}

# "the past 5 years" is a span of time, not "more than 5 years"
PAST_AS_ADJECTIVE = re.compile(r"\b(?:the|this|last|over|in|for|during)\s+$", re.IGNORECASE)

_VERBS = [w for (w, role) in LEXICON.directions if role == "verb"]
_NOUNS = [w for (w, role) in LEXICON.directions if role == "noun"]
ADVERB_BEFORE = re.compile(r"(?:^|(?<=[^\w-]))(?P<adverb>up|down)\s+(?:by\s+)?$", re.IGNORECASE)
VERB_BEFORE = re.compile(
    r"""
    \b(?P<verb>""" + _alt(_VERBS) + r""")   # rose, fell, surged
    (?:\s+\w+ly)?                          # sharply
    (?:\s+(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|yoy|y/y|on\s+year|on\s+the\s+year))?
    (?:\s+(?:by|um|en|de|del|di|em|du))?   # by; German um, Spanish en, French de, Italian di
    (?:\s+(?:a\s+further|another|a|an|un|una|une|um|uno))?  # a further, by another, un
    \s+$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# German puts the verb of a change far before its size, which "um" introduces: "sank laut IDC im
# Jahresvergleich um 0,7 Prozent". The verb is a direction verb earlier in the same clause (no
# full stop, colon, semicolon or line break between), at most sixty characters before "um".
VERB_UM_BEFORE = re.compile(
    r"\b(?P<verb>" + _alt(_VERBS) + r")\b[^.;:!?\n]{0,60}?\bum\s+$",
    re.IGNORECASE,
)
# Chinese and Japanese write the verb of a change right before the figure, with no space
# ("营收同比增长15%", "下降3.5%"); Japanese also 増 or 減 right after the percent ("96.4%増").
CJK_VERB_BEFORE = re.compile(r"(?P<verb>" + _alt([w for w in _VERBS if CJK_CHAR.match(w)]) + r")了?$")
CJK_NOUN_AFTER = re.compile(r"\s?(?P<noun>" + _alt([w for w in _NOUNS if CJK_CHAR.match(w)]) + r")")
NOUN_OF_BEFORE = re.compile(r"\b(?P<noun>" + _alt(_NOUNS) + r")\s+(?:of|von|de|del|di|do|da|du)\s+(?:un\s+|una\s+)?$",
                            re.IGNORECASE)
TO_BEFORE = re.compile(r"\b(?:to|from|at|reach(?:ed|ing|es)?|hit(?:ting)?|of|stood\s+at)\s+$", re.IGNORECASE)
NOUN_AFTER = re.compile(
    r"""
    (?:\s|-)
    (?:(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|yoy|y/y|annual|quarterly|sequential|
        on[\s-]year|month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|intraday|overall)\s+)?
    (?P<noun>""" + _alt(_NOUNS) + r"""|difference|gap)
    \b
    """,
    re.VERBOSE | re.IGNORECASE,
)
YOY_AFTER = re.compile(
    r"\s(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|yoy|y/y|on[\s-]year|from\s+a\s+year\s+(?:earlier|ago)|"
    r"quarter[\s-]on[\s-]quarter|qoq|q/q)\b",
    re.IGNORECASE,
)
# "minus five percent", "negative 3%": a sign written as a word
MINUS_WORD_BEFORE = re.compile(r"(?:^|(?<=[^\w-]))(?:minus|negative)\s+$", re.IGNORECASE)
# Scientific notation right after a number: "1.3e6", "12.32e+14", "2.48×10-5" (the minus folded), "6.2x10^3"
SCIENTIFIC_AFTER = re.compile(
    r"(?:[eE](?P<e>[+-]?\d{1,3})|\s?[×x*]\s?10(?:\^|\*\*)(?P<p>[+-]?\d{1,3})|×10(?P<m>[-+]\d{1,3}))(?![\w.])"
)
# "and a half" after a spelled number, and the scale word that may follow: "five and a half million"
_FRACTION_NUMERATOR = "a|one|two|three|four|five|six|seven|eight|nine"
_FRACTION_DENOMINATOR = "halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
AND_FRACTION = re.compile(
    rf"""
    \s+and\s+(?P<num>{_FRACTION_NUMERATOR})[\s-]+      # and a, and two
    (?P<den>{_FRACTION_DENOMINATOR})\b                  # half, thirds
    (?:\s+(?P<scale>thousand|million|billion|trillion)\b)?  # "five and a half million"
    """,
    re.VERBOSE,
)
# A denominator right after a number word: "two" in "six million and two thirds" is a numerator
DENOMINATOR_AFTER = re.compile(rf"[\s-]+(?:{_FRACTION_DENOMINATOR})\b", re.IGNORECASE)
SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(\[]))(?P<sign>[+-])$")
ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\W))(?:a|an)\s+$", re.IGNORECASE)

# Things that look like numbers inside names: "Qwen 2.5 Max", "S&P 500", "Model 3".
CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"']))(?P<word>[a-z]{0,2}[A-Z][\w&.+/-]*)\s$")
SENTENCE_WORDS = frozenset(
    """The A An In On At By For From To Of And But Or If As With About Over Under Some Nearly Almost
    Around Only Just Up Down Since Until After Before During Another Every Each All Its Their His Her
    Our Your This That These Those There Here Of Than Then When While Where Why How What Which Who
    Total Roughly Approximately More Less Fewer Below Above Between Among Top Another""".split()
)
# A lower-case noun that makes the bare number after it an identifier: "a category 4 hurricane",
# "phase 3 trials", "chapter 11 bankruptcy", "route 66", "the sp 500" (a capitalised one is a name
# already, by CAPITALISED_WORD_BEFORE)
IDENTIFIER_NOUN_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?:category|class|grade|tier|phase|stage|chapter|article|section|route|gate|"
    r"terminal|platform|series|model|version|sp)\s$"
)
# Words that name a source: the digits glued to letters after them are a name ("according to
# 90min", "told talkSPORT"), not an amount
SOURCE_BEFORE = re.compile(r"(?:^|(?<=\W))(?:according\s+to|reported\s+by|told|via|said\s+to)\s$", re.IGNORECASE)
# A code, a model name or a street after a bare number: "the 90049 ZIP code", "737 Max jets",
# "787 Dreamliner", "9 E 71st St", "49 Zorro Ranch Road" (the words between a number and its
# street are capitalised or ordinals: "5 people on Main Street" is a count)
IDENTIFIER_AFTER = re.compile(
    r"""\s(?:ZIP|zip\s+code|postcode|Max|MAX|Dreamliner|neo)\b
      | \s(?:[A-Z][\w'’-]*\s|\d+(?:st|nd|rd|th)\s){0,3}(?:St|Street|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive)\b""",
    re.VERBOSE,
)
MONTH_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)

ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
LETTERS_AFTER = re.compile(r"[A-Za-z]")
DOMAIN_AFTER = re.compile(r"\.[A-Za-z]")
RANGE_JOIN = re.compile(
    r"(?P<join>\s?[-–]\s?|\s+to\s+|\s+and\s+|\s*/\s*)(?=[\d$€£¥₹\\]|(?:US|HK|Rmb|RMB|Rs|USD|EUR|GBP|CNY|INR)\s?\$?\d)",
    re.IGNORECASE,
)
# Between the two parts of a compound amount ("5 ft 2 in", "5 feet and 2 inches"), read as a whole
COMPOUND_GAP = re.compile(r" (?:and )?")
# "in" after the inches of "12 ft 2 in", whatever follows it
INCH_AFTER = re.compile(r" in\b")
# Nothing more to the sentence after a number: "it costs 15 dollars 50."
SENTENCE_END = re.compile(r"\s*(?:[.;!?)]|$)")
# A range whose first end hangs on a hyphen, its unit written once at the second: "8- to 16-meter"
SUSPENDED_HYPHEN = re.compile(r"[-–]\s*to")
SUSPENDED_TO = re.compile(r"[-–]\s*to\s")
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# What opens a conversion, the whole gap between two amounts. The blanks before it are read by one
# repeat: "\s*" then "\s+or" split a long run of blanks every possible way before failing
# (quadratic in the gap); "(?<=\s)or" asks the same of the blank before "or".
CONVERSION_OPEN = re.compile(
    r"""
    \s*(?:
        (?:(?:each|apiece|a\ share|per\ share|cada\ un[oa]|je\ Aktie|pro\ Aktie|par\ action)\s*)?  # $51 each
        \(\s*                                 # 380 billion yuan ($53 billion)
      | ,\s*(?:equivalent\s+to|or\s+about|or\s+roughly|or\s+around|or\s+nearly|or|about)\s+  # , or about
      | (?<=\s)or\s+                          # $5bn or €4.6bn
    )$
    """,
    re.VERBOSE | re.IGNORECASE,
)
LEVEL_LINK = re.compile(
    r"^(?:[^.;!?\n]{0,60}?)\b(?:to|reaching|reached|at|hitting|totalling|totaling)\s+$",
    re.IGNORECASE,
)
# A change right after the level it arrives at: "Rmb280bn, up 8%". One repeat of blanks per stretch
# (an optional word between two repeats split a long run of blanks every possible way)
CHANGE_AFTER_LEVEL = re.compile(r"^\s*[,(]\s*(?:(?:a|an|up|down|or)\s*)?$", re.IGNORECASE)

# Fractions of a whole: "a third of", "two-thirds of", "half the", "one in four", "one out of three".
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten"
FRACTION = re.compile(
    rf"""
    # a share of a percentage point, before "a quarter of" is read as a share of something else
    (?<![\w-])(?:(?P<pnum>a|one|three)[\s-]+)?(?P<pden>quarters?|half)[\s-]+(?:of[\s-]+)?(?:a|one)[\s-]+
        (?:percentage[\s-]+)?points?\b                                          # a quarter of a percentage point
  | (?<![\w-])(?:a|one)[\s-]+(?P<pden2>quarter|half)[\s-]+(?:percentage[\s-]+)?points?\b  # a quarter point
  | (?<![\w-])(?:(?P<num>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?   # two-
    (?P<den>half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|
        eighth|eighths|tenth|tenths)\b
        (?=\s+(?:of\b(?!\s+an?\s+(?:thousand|million|billion|trillion)\b)|the\b))   # thirds of, not of a million
  | (?<![\w-])(?P<wnum>one|two|three|four|five|six|seven|eight|nine)[\s-](?P<wden>thirds?|fifths?|sixths?|
        sevenths?|eighths?|ninths?|tenths?)\b(?![\s-]+(?:hundred|thousand|million|billion|grade|place|time|floor|
        round|quarter|century|generation|largest|biggest)\b)                    # two thirds, one sixth (no "of")
  | \b(?P<n>{_SMALL}|\d{{1,2}})\s+(?:out\s+of|in)\s+(?P<m>{_SMALL}|\d{{1,3}})\b(?=\s+[A-Za-z])  # one in four
  | (?<![\w-])(?P<half>half)\b(?=\s+(?:of\s+)?(?:the|its|their|all|which|them|those)\b)       # half the
    """,
    re.VERBOSE | re.IGNORECASE,
)
ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|the|this|next|previous|latest)\s+$",
                            re.IGNORECASE)

# Digit fractions before "of" or a unit: "1/16 of a pint", "1/2 pound".
DIGIT_FRACTION = re.compile(
    r"(?<![\d/.,])(?:(?P<w>\d{1,3})\s{1,2})?"  # the whole part of a mixed number: "2 1/2"
    r"(?P<n>\d{1,3})\s?[/\u2044](?P<d>\d{1,4})(?![\d/])(?=\s+(?:of\b|[a-z]))"
)
# Where a digit fraction can be: its slash
FRACTION_SLASH = re.compile(r"[/\u2044]")
# Vulgar fraction characters ("½ teaspoon", "2½ years"), each read through its Unicode
# decomposition ("1⁄2"); the whole part before one is read by WHOLE_BEFORE in a short window
VULGAR = re.compile(r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")
WHOLE_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\s?$")
AGED = re.compile(r"\baged\s+$", re.IGNORECASE)

# Whole-text scans run on an ASCII-lowercased copy of the text (same length, same offsets): a
# pattern without IGNORECASE lets the regex engine skip ahead on its first character, 3-4x faster.
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
NUMBER_WORD_SCAN = re.compile(NUMBER_WORD.pattern)
FRACTION_SCAN = re.compile(FRACTION.pattern, re.VERBOSE)
# Where a fraction may be: its denominator word, or "N in M" / "N out of M". Every alternative
# opens with a letter or digit, so the engine jumps between candidates; FRACTION_SCAN then reads
# only a short window around each.
FRACTION_HINT = re.compile(
    r"half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:in|out)\s"
)
VAGUE_SCAN = re.compile(VAGUE.pattern, re.VERBOSE)

# What may follow an amount whose currency the sentence has already given and which names nothing
# it counts: the end of a clause, or a word that never names a counted thing (a preposition, a
# conjunction, "each"). "155 millones de dólares en EE.UU. y 300 millones en el mundo": the second
# amount is dollars; "300 millones de espectadores" names what it counts and is not.
ELIDED_CURRENCY_AFTER = re.compile(
    r"""\s*(?:
        [,;:.)!?]|$                                  # the clause ends
      | (?:en|y|e|o|a|al|cada|durante|para|por|con|hasta|frente   # es
          |em|no|na|ao|até                                  # pt
          |and|or|in|for|each|a|an|during|over|from|to|by|with|against   # en
          |und|oder|im|für|pro|je|bis|gegen                # de
          |et|ou|dans|pour|par|au|contre                    # fr
          |ed|di|nel|per|ogni                               # it
          |og|i|för|mot|och|til|tot|van|voor|met|of)\b      # da, no, sv, nl
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Where one sentence ends and the next begins: a full stop, question or exclamation mark or
# semicolon, space, and a capital letter ("EE.UU. y" goes on; ". El" starts another).
SENTENCE_BREAK = re.compile(r"[.!?;]\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")

# What introduces the earlier level of a change: "from ₹37,933", "compared to Rs 37,923".
BASE_BEFORE = re.compile(r"\b(?:from|compared\s+(?:to|with)|versus|vs\.?|against)\s+\\?$", re.IGNORECASE)
