"""FC502 unit-conversion-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck import units
from factcheck.facts import Fact, comparable
from factcheck.findings import Finding
from factcheck.group import Context
from factcheck.link.values import allowed
from factcheck.rules._compare import severity
from factcheck.rules.base import Rule
from factcheck.written import amount, quoted


class UnitConversionMismatch(Rule):
    """A conversion in parentheses does not match the units it converts between.

    "5 miles (8 km)" restates one length in another unit. The first figure is converted with pint
    (exactly, in decimal arithmetic; temperatures with their offset) and its whole interval, the
    values its written precision allows, is compared with what the restated figure allows. A
    round restated figure ("1,000 miles (1,600 km)") may be rounded more coarsely than its last
    digit says, as in FC201. Only a conversion off by more than rounding explains is reported.

    **Bad**

    - "the route is 100 km (100 miles) long": 100 km is about 62 miles.
    - "a high of 30°C (68°F)": 30°C is 86°F.

    **Good**

    - "5 miles (8 km)": 5 miles is 8.05 km, and "8 km" allows that.
    - "1,000 miles (1,600 km)": 1,609 km, rounded to the hundred.
    - "301,338 km2 (116,347 sq mi)": 116,347.4 square miles.
    - "1.18°C (2.12°F) above the average": a temperature may be a difference, converted without
      the scale's offset; a temperature conversion is flagged only when it fits neither a level
      nor a difference.

    Units of different dimensions ("10 miles (15 minutes)") are not a conversion and are left
    alone. Money is FC501's: a price per unit keeps its currency and is not checked here.
    """

    code = "FC502"
    name = "unit-conversion-mismatch"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for source, target in conversions(ctx):
            assert source.q.unit is not None and target.q.unit is not None
            mine = allowed(target, source)
            delta = source.q.kind == "difference"
            theirs = units.convert_interval(allowed(source, target), source.q.unit, target.q.unit, delta=delta)
            if comparable(theirs, mine):
                continue
            if not delta and units.convert(Decimal(1), source.q.unit, target.q.unit) != units.convert(
                    Decimal(1), source.q.unit, target.q.unit, delta=True):
                # a scale with an offset: "1.18°C (2.12°F) above the average" is a difference
                as_difference = units.convert_interval(allowed(source, target), source.q.unit, target.q.unit,
                                                       delta=True)
                if comparable(as_difference, mine):
                    continue
            value = units.convert(source.q.value, source.q.unit, target.q.unit, delta=delta)
            message = (f"{quoted(source.q)} is about {amount(value, units.symbol(target.q.unit))}, but the text says "
                       f"{quoted(target.q)} in {target.doc}")
            yield self.finding(severity(value, target.q.value), message, (target, source),
                               {"converted": f"{value:f}", "unit": target.q.unit,
                                "factor": f"{units.factor(source.q.unit, target.q.unit):f}",
                                "allowed": str(theirs)},
                               "the conversion used the wrong unit or factor, or one figure has a slip")


def conversions(ctx: Context) -> Iterator[tuple[Fact, Fact]]:
    """Every unit conversion the articles write, as (figure, restated figure): "5 miles (8 km)"."""
    by_span = {(f.doc, f.q.start, f.q.end): f for f in ctx.facts}
    for target in ctx.facts:
        if target.q.converts is None or target.q.currency is not None:
            continue
        source = by_span.get((target.doc, *target.q.converts))
        if source is None or source.q.currency is not None or source.q.unit == target.q.unit:
            continue
        if units.comparable(source.q.unit, target.q.unit):
            yield source, target


__all__ = ["UnitConversionMismatch", "conversions"]
