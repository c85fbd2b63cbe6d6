"""FC902: reported by the engine about factcheck's own markup (see :mod:`factcheck.report.suppressions`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.findings import Finding
    from factcheck.group import Context


class InvalidSuppression(Rule):
    """A factcheck comment that cannot be read.

    The action is not ``ignore``, ``disable`` or ``enable``, a code names no rule, or an
    ``enable`` has no ``disable`` before it. The comment suppresses nothing.

    **Bad**

    ```markdown
    <!-- factcheck: ignroe FC201 -->
    <!-- factcheck: ignore FC299 -->
    ```

    **Good**

    ```markdown
    <!-- factcheck: ignore FC201 -- the 2023 figure, restated since -->
    ```
    """

    code = "FC902"
    name = "invalid-suppression"

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()  # reported by factcheck.report.suppressions.apply
