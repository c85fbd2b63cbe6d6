"""FC204 magnitude-slip."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.link.profile import context_profiles, significant_digits
from factcheck.link.slips import MIN_DIGITS, STRONG_DIGITS, context_slips
from factcheck.rules._allies import agreeing, one_per_source
from factcheck.rules.base import Rule
from factcheck.written import quoted

_TIMES = {1: "ten times", 2: "a hundred times", 3: "a thousand times",
          -1: "one tenth of", -2: "one hundredth of", -3: "one thousandth of"}


class MagnitudeSlip(Rule):
    """A figure repeats another source's digits at ten, a hundred or a thousand times the size.

    A dropped or doubled zero, a misplaced decimal point or the wrong scale word keeps a figure's
    significant digits and moves it by a power of ten. Two figures of one story, in one unit and
    of one kind, with the same two or more significant digits and exactly a power of ten apart,
    are a slip even when neither names what it measures (a headline): different facts rarely
    share their digits, and almost never at exactly ten times the size. Rarely is not never in a
    story of two hundred figures, so the digits need one more piece of evidence: another source
    giving the other value, or a word in common in the phrases that govern the two numbers. With
    only two digits in common the word is needed ("$150 billion" and "$1.5 billion" in one funding
    story are a valuation and a year's spending) unless three sources give the other value (five
    for a percentage), and a two-digit percentage also needs three sources giving the other value
    ("3.5%" and "35%" are two facts of one earnings story more often than a slip). A percentage
    above 100 against one within 100 ("250%" for "25%") is held to a count's bar: percentages
    above 100 are rare in any story, so they meet a tenth of themselves by chance no more often;
    with one significant digit ("200%" for "20%") it needs four other articles giving the tenth,
    none giving the odd value, and a word in common with one of them. Three digits
    in common need nothing more when nothing says the two are different facts: both written with
    a unit, a scale word or a symbol, and no metric labels or entities that differ ("29.9 million
    euros" against "29,92 milliards d'euros"). Four or more digits in common need nothing more:
    different facts do not repeat four digits at a power of ten, so even an article that gives
    both values ("11.23 million" and "112,330,039") has slipped once. A share, stake, turnout or
    margin above 100% is wrong on its own, so one digit in common names the figure it slipped
    from when the two share a word or the part's word ("200% of the vote" against "20%").
    Otherwise one significant digit counts only with everything else saying one fact: the same
    entity and the same metric label (or none) on both sides, a word of the two phrases in
    common, two or more other articles giving the other value and none giving the odd one ("less
    than 50% of its global workforce" against two reports of "less than 5%"); a number spelled
    out ("four gold medals") is no slip of digits. A figure written less precisely than the other
    ("$146 million" against "$1,464.0 million") is compared as the other rounded to its three or
    more digits.

    FC201 value-mismatch leaves such a figure to this rule whatever its linkage probability, so a
    slip has one code however the words around it read. Of the articles giving the other value,
    the figure is held against the statement whose words are most like its own.

    Not a slip: values with fewer than four digits that one article gives both of in other words
    (two facts: a salary and a bonus), unless two other articles give the other value in words
    the odd figure shares, and never two values of one sentence ("£38m of profit and £3.8bn of
    liquidity"); a figure with one separator before three digits whose other reading is the
    other figure ("$44,810 millones": 44,810 million, not 44.81 million); a value
    that another source also gives (a statement of the story); figures of another written period,
    listing or accounting basis, or from articles published more than ten days apart. The figure
    taken as the slip is the one no other source gives; when neither is given elsewhere, the one
    further from the scale of the story's other figures in that unit.

    **Bad**

    - Source A: "Barbie took $162 million at the domestic box office"; source B: "Barbie took
      $1,620 million domestically" (the same digits, ten times the size).
    - Source A: "the NHS day-to-day budget gets £22.6bn"; source B: "£226bn".

    **Good**

    - "€15 million a year" and "a €150 million signing bonus" in one article, and again in another
      (each article gives both: two facts).
    - "revenue of $1.62 billion" and "$1,620 million" (the same value, written two ways).
    """

    code = "FC204"
    name = "magnitude-slip"

    def check(self, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        found = context_profiles(ctx)
        for slip in context_slips(ctx):
            odd, good = facts[slip.odd], facts[slip.good]
            if odd.sentence_key == good.sentence_key and len(odd.sentence_key) >= 40:
                continue  # a copied sentence: FC203 reports it, with that stronger evidence
            allies = one_per_source(slip.odd, slip.allies, facts, found, (odd.doc, good.doc))
            allied_docs = sorted({facts[i].doc for i in slip.allies} - {good.doc, odd.doc})
            digits = slip.digits or significant_digits(odd.q.value)
            relation = _TIMES[slip.power]
            more = (f", as {len(allied_docs)} other source{'s do' if len(allied_docs) != 1 else ' does'}"
                    if allied_docs else "")
            message = (f"{quoted(odd.q)} in {odd.doc} is {relation} {quoted(good.q)} in {good.doc}{more}: the same "
                       f"significant digits ({digits}) at another power of ten, and no other source gives "
                       f"{quoted(odd.q)}; likely a misplaced decimal point, a dropped or extra digit, or the "
                       f"wrong scale word")
            computed = {
                "power_of_ten": slip.power,
                "significant_digits": digits,
                "evidence": {
                    "digits in common": len(digits),
                    "enough digits alone": len(digits) >= STRONG_DIGITS,
                    "least digits": MIN_DIGITS,
                    "sources giving the other value": sorted({good.doc, *allied_docs}),
                },
                "agreeing": agreeing(allies),
            }
            yield self.finding("error", message, (odd, good), computed,
                               "a misplaced decimal point or a wrong scale word")
