"""What every rule is: the :class:`Rule` base class, and the one order in which rules see facts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from factcheck.attribute.calendar import KINDS
from factcheck.facts import Fact
from factcheck.findings import Finding, Severity

if TYPE_CHECKING:
    from factcheck.group import Context


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
            own: Callable[[Rule, Context], Iterable[Finding]] = cls.__dict__["check"]

            @functools.wraps(own)
            def check(self: Rule, ctx: Context) -> Iterable[Finding]:
                ordered = in_canonical_order(ctx)
                return own(self, ordered if self.calendar else without_calendar(ordered))

            cls.check = check  # type: ignore[method-assign]

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    def finding(self, severity: Severity, message: str, facts: Sequence[Fact],
                computed: dict[str, Any] | None = None, cause: str | None = None) -> Finding:
        """A finding of this rule: how bad, what it says, the facts involved (the odd one first),
        the values it computed and the likely cause."""
        return Finding(self.code, self.name, severity, message, tuple(facts), computed or {}, cause)

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
