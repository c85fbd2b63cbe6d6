"""The rules: one module a rule, each a class whose docstring is its documentation.

A rule has a ``code`` (``FC201``), a ``name`` (``value-mismatch``), a docstring whose first line
is its summary and whose body shows a **Bad** and a **Good** example, and a ``check`` method that
takes the checking context and yields :class:`~factcheck.findings.Finding` values (made with
:meth:`Rule.finding`). Rules never
raise for what they find in text; the engine owns reading, clustering and reporting.

Families: FC2xx values that disagree across statements, FC3xx derived arithmetic, FC5xx units and
currencies, FC6xx calendar claims within one article (weekdays and dates, spans of years), FC9xx
factcheck's own markup (suppression comments), reported by the engine after the rules ran. FC001,
a file the run could not read (:mod:`factcheck.report.unreadable`), is not a rule and is not
here: it cannot be selected or ignored.

This module is the registry: every code there is, and which of them a selection leaves on.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Sequence

from factcheck.rules.base import Rule, in_canonical_order, without_calendar
from factcheck.rules.FC201 import ValueMismatch
from factcheck.rules.FC202 import RangeMismatch
from factcheck.rules.FC203 import CopiedSentenceMismatch
from factcheck.rules.FC204 import MagnitudeSlip
from factcheck.rules.FC205 import DigitSlip
from factcheck.rules.FC301 import MarketCapIdentity
from factcheck.rules.FC302 import PartsSum
from factcheck.rules.FC303 import ValuationIdentity
from factcheck.rules.FC304 import ChangeVersusLevels
from factcheck.rules.FC305 import PercentDifference
from factcheck.rules.FC306 import ShareOverWhole
from factcheck.rules.FC307 import ChangeVersusPriorLevel
from factcheck.rules.FC501 import ConversionMismatch
from factcheck.rules.FC502 import UnitConversionMismatch
from factcheck.rules.FC601 import WeekdayDateMismatch
from factcheck.rules.FC602 import RankMismatch
from factcheck.rules.FC603 import SpanCountMismatch
from factcheck.rules.FC901 import UnusedSuppression
from factcheck.rules.FC902 import InvalidSuppression

__all__ = [
    "InvalidSuppression",
    "Rule",
    "UnusedSuppression",
    "all_rules",
    "enabled_codes",
    "in_canonical_order",
    "iter_rules",
    "known_rules",
    "meta_rules",
    "render_markdown",
    "unknown_codes",
    "without_calendar",
]


def all_rules() -> list[Rule]:
    """Every built-in checking rule, in code order."""
    return [
        ValueMismatch(), RangeMismatch(), CopiedSentenceMismatch(), MagnitudeSlip(), DigitSlip(), MarketCapIdentity(),
        PartsSum(), ValuationIdentity(), ChangeVersusLevels(), PercentDifference(), ShareOverWhole(),
        ChangeVersusPriorLevel(),
        ConversionMismatch(), UnitConversionMismatch(),
        WeekdayDateMismatch(), RankMismatch(), SpanCountMismatch(),
    ]


def meta_rules() -> list[Rule]:
    """The FC9xx rules, which the engine reports about factcheck's own markup."""
    return [UnusedSuppression(), InvalidSuppression()]


def known_rules() -> list[Rule]:
    """Every rule a code may name: the checking rules and the FC9xx ones, in code order."""
    rules = {r.code: r for r in [*all_rules(), *meta_rules()]}
    return [rules[code] for code in sorted(rules)]


def enabled_codes(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[str]:
    """The codes of the known rules that ``select``/``ignore`` (code prefixes) leave on."""
    chosen = [s.upper() for s in select]
    dropped = [s.upper() for s in ignore]
    return [r.code for r in known_rules()
            if (not chosen or any(r.code.startswith(p) for p in chosen))
            and not any(r.code.startswith(p) for p in dropped)]


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes among ``codes`` that are the prefix of no known rule."""
    known = [r.code for r in known_rules()]
    return [c for c in codes if not any(k.startswith(c.upper()) for k in known)]


def iter_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Iterator[Rule]:
    """Rules whose code starts with a selected prefix (all when none) and with no ignored prefix."""
    chosen = [s.upper() for s in select]
    dropped = [s.upper() for s in ignore]
    for rule in all_rules():
        if chosen and not any(rule.code.startswith(p) for p in chosen):
            continue
        if any(rule.code.startswith(p) for p in dropped):
            continue
        yield rule


def render_markdown() -> str:
    """docs/rules.md: every rule's page, generated from the docstrings."""
    rules = known_rules()
    out = ["# Rules", "", "Generated from the rules' docstrings (`factcheck rule CODE` prints one page).", ""]
    out += ["| code | name | summary |", "|---|---|---|"]
    out += [f"| {r.code} | {r.name} | {r.summary()} |" for r in rules]
    out += ["", "FC001 is not a rule: it is a file the run could not read (not UTF-8, permission denied, "
            "malformed front matter), reported on its own line while the other files are checked, with exit "
            "status 2. It cannot be selected, ignored or suppressed "
            "(see [cli.md](cli.md#files-that-cannot-be-read-fc001))."]
    for r in rules:
        out += ["", f"## {r.code} {r.name}", "", inspect.cleandoc(type(r).__doc__ or "")]
    return "\n".join(out) + "\n"
