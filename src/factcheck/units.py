"""Physical units: one pint registry per process, and exact conversions between its units.

The extractor reports a physical unit as a pint unit expression ("kilometer", "kilometer ** 2",
"oil_barrel / day", "degree_Celsius"), spelled as in pint's default registry. This module reads those
expressions with a registry built once, lazily, from ``units.txt`` (a few milliseconds, against
~127 ms for pint's full default registry), and gives what the checker needs of a unit:

* :func:`dimension`: a hashable key of what the unit measures ("[length] ** 2"), so that "510 GW"
  and "510,000 MW" fall in one block and "5 miles" and "8 km" can be compared;
* :func:`convert` and :func:`convert_interval`: a value or interval in another unit of the same
  dimension, in :class:`~decimal.Decimal` arithmetic (the registry is built with
  ``non_int_type=Decimal``, so "mile = 1760 * yard" is exact). Temperatures are affine: a level is
  converted with its offset, a difference ("rose 2 °C") without.

Money is never a pint unit: amounts keep their ISO 4217 code and are converted at the ECB rate of
their date (:mod:`factcheck.fx`). A price per unit ("$10,000 a tonne", ``USD/metric_ton``) is
money over a pint unit; its two halves convert separately (see ``docs/extraction.md``).

No pint object leaves this module: facts carry the unit as a string and values as Decimal, so
they pickle to worker processes and Dask without pint's application registry
(``pint.set_application_registry`` is left to the application, which may have its own).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING

from factcheck.model import Interval

if TYPE_CHECKING:
    import pint



@functools.cache
def registry() -> pint.UnitRegistry:
    """The process's registry of the units in ``units.txt``, built on first use."""
    import pint

    reg: pint.UnitRegistry = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=False)
    text = resources.files("factcheck").joinpath("units.txt").read_text(encoding="utf-8")
    reg.load_definitions(text.splitlines())
    return reg


@functools.cache
def dimension(unit: str) -> str | None:
    """What ``unit`` measures, as a key: ``"[length]"``, ``"[length]^2"``,
    ``"[length]^2 [mass] [time]^-3"`` (dimensions in alphabetical order, so that "megawatt" and
    "horsepower" meet); the unit itself for a dimensionless one ("ppm"); None when the registry
    cannot read it (a counted noun)."""
    import pint

    try:
        dims = registry().get_dimensionality(unit)
    except (pint.errors.PintError, AttributeError, ValueError, TypeError):
        return None
    if not dims:
        return unit
    return " ".join(name if power == 1 else f"{name}^{power}" for name, power in sorted(dims.items()))


@functools.cache
def _affine(unit: str) -> tuple[Decimal, Decimal]:
    """``(factor, offset)`` such that a value ``x`` in ``unit`` is ``factor * x + offset`` in the
    base units of its dimension."""
    reg = registry()
    zero = Decimal(reg.Quantity(Decimal(0), unit).to_base_units().magnitude)
    one = Decimal(reg.Quantity(Decimal(1), unit).to_base_units().magnitude)
    return one - zero, zero


@functools.cache
def symbol(unit: str) -> str:
    """``unit`` as pint abbreviates it, for messages: "kilometer ** 2" -> "km ** 2", "degree_Celsius"
    -> "°C"; the name itself when pint cannot read it."""
    import pint

    try:
        return f"{registry().Unit(unit):~}"
    except (pint.errors.PintError, AttributeError, ValueError, TypeError):
        return unit


def comparable(a: str | None, b: str | None) -> bool:
    """Both are physical units of one dimension, so that one converts into the other."""
    if a is None or b is None:
        return False
    da = dimension(a)
    return da is not None and da == dimension(b)


def factor(unit: str, into: str) -> Decimal:
    """How many ``into`` one ``unit`` is, offsets aside ("mile" into "kilometer": 1.609344)."""
    return _affine(unit)[0] / _affine(into)[0]


def convert(x: Decimal, unit: str, into: str, *, delta: bool = False) -> Decimal:
    """``x`` in ``unit`` as a value in ``into`` (same dimension). ``delta``: ``x`` is a difference,
    converted without the offset of a temperature scale."""
    if unit == into:
        return x
    fa, oa = _affine(unit)
    fb, ob = _affine(into)
    if delta:
        return x * fa / fb
    return (x * fa + oa - ob) / fb


def convert_interval(iv: Interval, unit: str, into: str, *, delta: bool = False) -> Interval:
    """``iv`` in ``unit`` as an interval in ``into``. Every factor is positive, so the ends stay
    in order and keep whether they are closed."""
    if unit == into:
        return iv

    def end(x: Decimal | None) -> Decimal | None:
        return None if x is None else convert(x, unit, into, delta=delta)

    return Interval(end(iv.low), end(iv.high), iv.low_closed, iv.high_closed)


__all__ = ["comparable", "convert", "convert_interval", "dimension", "factor", "registry", "symbol"]
