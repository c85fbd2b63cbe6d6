"""FC306 share-over-whole."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.rules.base import Rule
from factcheck.written import quoted

#: Metrics that are a part of a whole: none can be more than all of it.
PARTS_OF_A_WHOLE = frozenset({"stake", "market share"})


class ShareOverWhole(Rule):
    """A stake or a market share above 100%.

    A stake in a company and a share of a market are parts of a whole: no single one, and no set of
    stakes in the same company held by different owners, can exceed 100%.

    **Bad**

    - "giving it a 136 percent stake in the startup".

    **Good**

    - "giving it a 36 percent stake in the startup".
    """

    code = "FC306"
    name = "share-over-whole"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for f in ctx.facts:
            if f.q.metric in PARTS_OF_A_WHOLE and f.q.unit == "percent" and f.q.kind == "level":
                assert f.q.interval is not None
                low = f.q.interval.low
                if low is not None and low > 100:
                    yield self.finding("error",
                                       f"{f.q.metric} {quoted(f.q)} in {f.doc} is more than the whole (100%)",
                                       (f,), {"value": f"{f.q.value:f}"}, "a typo or a figure of another kind")
