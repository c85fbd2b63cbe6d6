"""FC205 digit-slip."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.link.profile import context_profiles
from factcheck.link.typos import BACKERS, MIN_DIGITS, context_typos
from factcheck.rules._allies import agreeing, one_per_source
from factcheck.rules.base import Rule
from factcheck.rules.FC201 import certain_pairs
from factcheck.written import quoted

_HOW = {"substituted": "one digit typed for another", "swapped": "two neighbouring digits swapped",
        "dropped": "a digit dropped"}


class DigitSlip(Rule):
    """A figure repeats another source's digits with one of them mistyped.

    Copying a figure by hand keeps its size but can change one digit ("$21.97 billion" for
    "$24.97 billion"), swap two neighbours ("1.554" for "1.545") or drop one inside the number
    ("24.7" for "24.97"). Two figures of one story, in one unit, kind and order of magnitude, with
    four or more significant digits that differ by exactly one such edit are rarely two facts:
    different facts share leading digits often, all of them but one seldom. The evidence must also
    say which is the story's figure: the other value is given by at least two other sources, the
    odd one by no source but its own.

    A figure that FC201 value-mismatch already reports as an error or warning is left to it.

    Not a typo: a last digit one apart or a last digit dropped (rounding: "7.66" and "7.67",
    "14.7" and "14.74"); values that precision or hedges let both be true; figures of another
    written period, listing or accounting basis, an amount per period against a total, articles
    published more than ten days apart; an article that gives both values in other words.

    **Bad**

    - Sources A and B: "Services revenue was $24.97 billion"; source C: "Services revenue reached
      $21.97 billion".
    - Sources A and B: "Quantumania opened to $106.1 million"; source C: "$106.9 million".

    **Good**

    - "7.66 million" and "7.67 million" (the last digit one apart: rounding of the thousands).
    - "$24.7 billion" and "$24.97 billion" when one is "about" (the hedge allows both).
    """

    code = "FC205"
    name = "digit-slip"

    def check(self, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        # the figures FC201 holds against a figure of another value (FC201 leaves a slip from the
        # same value to this rule, which names the edit)
        partners: dict[int, set[int]] = defaultdict(set)
        for pair in certain_pairs(ctx):
            for i in pair:
                partners[i] |= pair - {i}
        found = context_profiles(ctx)
        for typo in context_typos(ctx):
            if any(facts[j].q.value != facts[typo.good].q.value for j in partners.get(typo.odd, ())):
                continue  # FC201 reports the figure on its context
            odd, good = facts[typo.odd], facts[typo.good]
            allies = one_per_source(typo.odd, typo.allies, facts, found, (odd.doc, good.doc))
            docs = sorted({good.doc, *(facts[i].doc for i in typo.allies)} - {odd.doc})
            message = (f"{quoted(odd.q)} in {odd.doc} repeats {quoted(good.q)} in {good.doc}, as "
                       f"{len(docs) - 1} other source{'s do' if len(docs) != 2 else ' does'}, with "
                       f"{_HOW[typo.edit]}; no other source gives {quoted(odd.q)}")
            computed = {
                "edit": typo.edit,
                "evidence": {
                    "least digits": MIN_DIGITS,
                    "least sources giving the other value": BACKERS,
                    "sources giving the other value": docs,
                },
                "agreeing": agreeing(allies),
            }
            yield self.finding("error", message, (odd, good), computed,
                               "a mistyped, swapped or dropped digit")
