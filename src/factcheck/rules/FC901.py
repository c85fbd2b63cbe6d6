"""FC901: reported by the engine about factcheck's own markup (see :mod:`factcheck.report.suppressions`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.findings import Finding
    from factcheck.group import Context


class UnusedSuppression(Rule):
    """A suppression comment that no finding matches any more.

    An ``ignore`` or ``disable`` comment was written for a conflict that has since been fixed,
    or the rule no longer reports it. Left in place, it would hide the next real conflict written
    into the same paragraph. The rules it names must be enabled for the comment to be judged.

    **Bad**

    ```markdown
    <!-- factcheck: ignore FC201 -->
    Acme's revenue reached £22.6bn in 2024.
    ```

    (every other source now agrees on £22.6bn: nothing is left to ignore)

    **Good**

    Remove the comment once the conflict it was written for is gone.
    """

    code = "FC901"
    name = "unused-suppression"

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()  # the engine reports these after the rules ran: see factcheck.report.suppressions.apply
