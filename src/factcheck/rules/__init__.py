"""The rules: one module a rule, each a class whose docstring is its documentation.

A rule has a ``code`` (``FC201``), a ``name`` (``value-mismatch``), a docstring whose first line
is its summary and whose body shows a **Bad** and a **Good** example, and a ``check`` method that
takes the checking context and yields :class:`~factcheck.findings.Finding` values. Rules never
raise for what they find in text; the engine owns reading, clustering and reporting.

Families: FC2xx values that disagree across statements, FC3xx derived arithmetic, FC5xx units and
currencies, FC6xx calendar claims within one article (weekdays and dates, spans of years).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

import attrs

from factcheck.attribute.calendar import KINDS

if TYPE_CHECKING:
    from factcheck.check import Context
    from factcheck.facts import Fact
    from factcheck.findings import Finding


class Rule:
    """Base class of every rule; subclasses set ``code`` and ``name`` and write a docstring."""

    code: ClassVar[str]
    name: ClassVar[str]
    #: True when the rule looks only inside ``ctx.groups``, one group at a time: it may then be
    #: run on a share of the groups in each of several processes (:func:`factcheck.parallel.run_rules`)
    per_group: ClassVar[bool] = False
    #: True when the rule reads calendar claims (facts of kind "date" or "span", see
    #: :mod:`factcheck.attribute.calendar`). Every other rule is given the context without them,
    #: so that a weekday date or a span of years never shifts what a rule compares amounts with
    #: (a sentence's figures counted by position, the neighbours of a figure, the reach of a search).
    calendar: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not (cls.__doc__ or "").strip():
            raise TypeError(f"rule {cls.__name__} needs a docstring: it is the rule's documentation")
        if "check" in cls.__dict__:  # every rule sees the facts in one order, whatever order the files came in
            own = cls.__dict__["check"]

            @functools.wraps(own)
            def check(self: Rule, ctx: Context) -> Iterable[Finding]:
                ordered = in_canonical_order(ctx)
                return own(self, ordered if self.calendar else without_calendar(ordered))

            cls.check = check  # type: ignore[method-assign]

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


def in_canonical_order(ctx: Context) -> Context:
    """``ctx`` with its facts, and the facts of each group, ordered by document path and position.

    Rules break ties by order (which of two equally backed statements is the odd one, which copy
    of a sentence is the original), so without this the findings would depend on the order the
    files were named in. Made once per context and shared by every rule.
    """
    cached = ctx.__dict__.get("_canonical_order")
    if cached is not None:
        return cached  # type: ignore[no-any-return]

    def place(fact: Fact) -> tuple[str, int, int]:
        return (fact.doc, fact.q.start, fact.q.end)

    groups = {key: sorted(members, key=place) for key, members in ctx.groups.items()}
    ordered = dict(sorted(groups.items(), key=lambda item: place(item[1][0]) if item[1] else ("", -1, -1)))
    out = attrs.evolve(ctx, facts=sorted(ctx.facts, key=place), groups=ordered)
    out.__dict__["_canonical_order"] = out
    ctx.__dict__["_canonical_order"] = out
    return out


def without_calendar(ctx: Context) -> Context:
    """``ctx`` (in canonical order) without its calendar claims, made once per context. They are
    in no group (they have no metric), so only the facts differ."""
    cached = ctx.__dict__.get("_without_calendar")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out = ctx
    if any(f.q.kind in KINDS for f in ctx.facts):
        out = attrs.evolve(ctx, facts=[f for f in ctx.facts if f.q.kind not in KINDS])
        out.__dict__["_canonical_order"] = out
        out.__dict__["_without_calendar"] = out
    ctx.__dict__["_without_calendar"] = out
    return out


def all_rules() -> list[Rule]:
    """Every built-in rule, in code order."""
    from factcheck.rules.FC201 import ValueMismatch
    from factcheck.rules.FC202 import RangeMismatch
    from factcheck.rules.FC203 import CopiedSentenceMismatch
    from factcheck.rules.FC301 import MarketCapIdentity
    from factcheck.rules.FC302 import PartsSum
    from factcheck.rules.FC303 import ValuationIdentity
    from factcheck.rules.FC304 import ChangeVersusLevels
    from factcheck.rules.FC305 import PercentDifference
    from factcheck.rules.FC306 import ShareOverWhole
    from factcheck.rules.FC307 import ChangeVersusPriorLevel
    from factcheck.rules.FC501 import ConversionMismatch
    from factcheck.rules.FC601 import WeekdayDateMismatch
    from factcheck.rules.FC603 import SpanCountMismatch

    return [
        ValueMismatch(), RangeMismatch(), CopiedSentenceMismatch(), MarketCapIdentity(), PartsSum(),
        ValuationIdentity(), ChangeVersusLevels(), PercentDifference(), ShareOverWhole(),
        ChangeVersusPriorLevel(),
        ConversionMismatch(),
        WeekdayDateMismatch(), SpanCountMismatch(),
    ]


def rule_by_code(code: str) -> type[Rule] | None:
    return next((type(r) for r in all_rules() if r.code == code.upper()), None)


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
    import inspect

    from factcheck.suppressions import known_rules  # the checking rules and the FC9xx meta rules

    rules = known_rules()
    out = ["# Rules", "", "Generated from the rules' docstrings (`factcheck rule CODE` prints one page).", ""]
    out += ["| code | name | summary |", "|---|---|---|"]
    out += [f"| {r.code} | {r.name} | {r.summary()} |" for r in rules]
    for r in rules:
        out += ["", f"## {r.code} {r.name}", "", inspect.cleandoc(type(r).__doc__ or "")]
    return "\n".join(out) + "\n"
