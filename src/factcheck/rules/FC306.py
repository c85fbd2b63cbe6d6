"""FC306 share-over-whole."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.link.bounds import context_over_whole
from factcheck.link.slips import context_slips
from factcheck.rules.base import Rule
from factcheck.rules.FC201 import certain_pairs
from factcheck.written import quoted

#: Metrics that are a part of a whole: none can be more than all of it.
PARTS_OF_A_WHOLE = frozenset({"stake", "market share"})


class ShareOverWhole(Rule):
    """A part of a whole above 100%: a stake, a share of a market or of the vote, turnout, a margin.

    A stake in a company, a share of a market or of a vote, turnout, a profit margin and the
    unemployment rate are parts of a whole: none can exceed 100%. A figure that does is wrong on
    its own, whatever other sources say: a typo or a slipped digit. The words that make a
    percentage a part, and the wholes a percentage may exceed ("120% of GDP", "150% of capacity",
    "a 120% premium", "market share rose 150%"), are listed in ``link/data/wholes.toml``. When
    another source gives the figure's digits within the whole, FC201 or FC204 reports the pair
    instead, naming that source.

    **Bad**

    - "giving it a 136 percent stake in the startup".
    - "Turnout was 599% of the electorate."

    **Good**

    - "giving it a 36 percent stake in the startup".
    - "Public debt reached 120% of GDP."
    """

    code = "FC306"
    name = "share-over-whole"

    def check(self, ctx: Context) -> Iterator[Finding]:
        bounded = context_over_whole(ctx)
        paired = {s.odd for s in context_slips(ctx)} | {i for pair in certain_pairs(ctx) for i in pair}
        for i, f in enumerate(ctx.facts):
            if i in paired or f.q.unit != "percent" or f.q.kind != "level":
                continue  # a pair names the source the figure slipped from: FC201 or FC204 reports it
            low = None if f.q.interval is None else f.q.interval.low
            labelled = f.q.metric in PARTS_OF_A_WHOLE and low is not None and low > 100
            part = f.q.metric if labelled else bounded.get(i)
            if part:
                yield self.finding("error", f"{part} {quoted(f.q)} in {f.doc} is more than the whole (100%)",
                                   (f,), {"value": f"{f.q.value:f}", "part": part},
                                   "a typo or a figure of another kind")
