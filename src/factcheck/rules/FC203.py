"""FC203 copied-sentence-mismatch."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.facts import Fact
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.link.blocking import far_apart
from factcheck.rules._compare import agree, magnitude_slip, severity
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: Syndicated copies of one report appear within this many days of each other; a sentence repeated
#: further apart with all its figures changed is a template (a weekly preview) filled in again.
SYNDICATION_DAYS = 1


class CopiedSentenceMismatch(Rule):
    """The same sentence appears in two sources with a different figure in it.

    Syndicated and rewritten copy repeats sentences word for word; when every word agrees and a
    figure does not, one copy was changed, usually by a slip (a dropped decimal point, a typo).
    This needs no knowledge of what the figure measures: the sentence itself says it is the same.
    Copies published more than a day apart whose two or more figures all differ are a template
    filled in again (a weekly earnings preview, a daily market report): its figures are updated
    together, where a slip changes one. They are compared only for a power of ten, which an update
    does not produce. A background sentence repeated months later with one figure changed ("the
    busiest year was 2019, when passenger numbers reached 80.9 million") is still compared.

    **Bad**

    - Source A: "... as well as injecting £226bn into the day-to-day running of the NHS."
    - Source B: "... as well as injecting £22.6bn into the day-to-day running of the NHS."

    **Good**

    - The same sentence with "£22.6bn" in both, or "£22.6 billion" in one (the same value).
    - A weekly preview's "the consensus EPS estimate is $8.41" on 25 September and "$6.96" on 9
      October (the template's figures, updated).
    """

    code = "FC203"
    name = "copied-sentence-mismatch"

    def check(self, ctx: Context) -> Iterator[Finding]:
        copies: dict[str, list[list[Fact]]] = defaultdict(list)
        for facts in ctx.by_doc.values():
            per_sentence: dict[tuple[int, int], list[Fact]] = defaultdict(list)
            for fact in facts:
                per_sentence[fact.sentence].append(fact)
            for members in per_sentence.values():
                key = members[0].sentence_key
                if len(key) >= 40:  # a short line ("Revenue: $5bn") repeats by chance
                    copies[key].append(members)
        for versions in copies.values():
            seen_docs: set[str] = set()
            first = versions[0]
            for other in versions[1:]:
                if other[0].doc in seen_docs or other[0].doc == first[0].doc or len(other) != len(first):
                    continue
                seen_docs.add(other[0].doc)
                updated = far_apart(first[0], other[0], SYNDICATION_DAYS) and len(first) >= 2 and all(
                    a.q.value != b.q.value for a, b in zip(first, other, strict=True))
                for a, b in zip(first, other, strict=True):
                    if a.q.unit == b.q.unit and agree(ctx, a, b) is False:
                        if updated and not magnitude_slip(a.q.value, b.q.value):
                            continue  # the template's figures of another day
                        yield self._finding(b, a)

    def _finding(self, odd: Fact, good: Fact) -> Finding:
        slip = magnitude_slip(odd.q.value, good.q.value)
        cause = (f"a misplaced decimal point or a dropped digit (a factor of {10 ** slip})" if slip
                 else "one copy of the sentence was edited")
        message = (f"the same sentence gives {quoted(good.q)} in {good.doc} but {quoted(odd.q)} in {odd.doc}; "
                   f"likely {cause}")
        return self.finding(severity(odd.q.value, good.q.value), message, (odd, good),
                            {"values": [f"{good.q.value:f}", f"{odd.q.value:f}"]}, cause)

