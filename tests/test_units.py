"""factcheck.units: the one pint registry, its names, and exact conversions between its units."""

from __future__ import annotations

from decimal import Decimal

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import units
from factcheck.extract.lexicon import LEXICON
from factcheck.model import Interval

D = Decimal
PHYSICAL = sorted(LEXICON.physical_units)
#: units.txt names that pint's default registry spells or defines otherwise, on purpose
NOT_IN_DEFAULT = {
    "decade": "a logarithmic unit in pint's default registry; ten years in news",
    "ppb": "not in pint's default registry",
    "times": "a multiple ('3x'), not in pint's default registry",
}


@pytest.fixture(scope="module")
def default() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def test_one_registry_per_process() -> None:
    """Built once, lazily: every call returns the same registry."""
    assert units.registry() is units.registry()


@pytest.mark.parametrize("unit", PHYSICAL)
def test_every_physical_unit_is_a_pint_unit(unit: str) -> None:
    """Every physical unit the extractor reports (units.tsv) is read by the registry."""
    assert units.dimension(unit) is not None, unit


@pytest.mark.parametrize("unit", [u for u in PHYSICAL if u not in NOT_IN_DEFAULT])
def test_names_mean_what_they_mean_to_pint(unit: str, default: pint.UnitRegistry) -> None:
    """A unit factcheck reports means the same to anyone's pint: the default registry reads the
    name as the same amount (pint's default acre is the US survey acre: 4 ppm apart)."""
    ours = units.registry().Quantity(D(1), unit).to_base_units()
    theirs = default.Quantity(1, unit).to(str(ours.units))
    if unit in ("degree_Celsius", "degree_Fahrenheit"):
        return  # offset units: checked by test_temperatures
    bits = {"megabyte", "gigabyte", "terabyte", "megabit / second", "gigabit / second", "kilobit / second"}
    if unit in bits:
        return  # information: [information] here, dimensionless bits there; checked in bytes below
    assert abs(float(ours.magnitude) / theirs.magnitude - 1) < 1e-5, (unit, ours, theirs)


@pytest.mark.parametrize(
    ("x", "unit", "into", "want"),
    [
        ("510", "gigawatt", "megawatt", "510000"),
        ("5", "mile", "kilometer", "8.04672"),
        ("1.2e6", "barrel", "barrel", "1.2e6"),
        ("1", "metric_ton", "pound", "2204.622621848775806562240266"),
        ("301338", "kilometer ** 2", "square_mile", "116347.3"),
        ("1", "kilowatt_hour", "megawatt_hour", "0.001"),
        ("4500", "metric_ton / day", "kilogram / second", "52.08333333333333333333333333"),
        ("1", "gigabyte", "megabyte", "1000"),
        ("100", "centiliter", "liter", "1"),
        ("1", "electron_volt", "joule", "1.602176634e-19"),
    ],
)
def test_conversions(x: str, unit: str, into: str, want: str) -> None:
    got = units.convert(D(x), unit, into)
    assert abs(got - D(want)) <= abs(D(want)) * D("1e-6"), got


def test_temperatures() -> None:
    """A level converts with the scale's offset, a difference without."""
    assert units.convert(D(30), "degree_Celsius", "degree_Fahrenheit").quantize(D("0.0001")) == D(86)
    assert units.convert(D(-40), "degree_Fahrenheit", "degree_Celsius").quantize(D("0.0001")) == D(-40)
    assert units.convert(D(2), "degree_Celsius", "degree_Fahrenheit", delta=True).quantize(D("0.01")) == D("3.60")
    assert units.dimension("degree_Celsius") == units.dimension("degree_Fahrenheit") == "[temperature]"


def test_dimension_keys() -> None:
    """Units of one dimension share a key whatever their name; others never do."""
    assert units.dimension("megawatt") == units.dimension("horsepower") == "[length]^2 [mass] [time]^-3"
    assert units.dimension("megawatt") != units.dimension("megawatt_hour")
    assert units.dimension("kilometer ** 2") == units.dimension("acre") == "[length]^2"
    assert units.dimension("ppm") == "ppm" and units.dimension("times") == "times"  # no dimension: their own
    assert units.dimension("employee") is None


def test_intervals_keep_their_ends() -> None:
    iv = units.convert_interval(Interval(D("4.5"), D("5.5"), high_closed=False), "mile", "kilometer")
    assert iv == Interval(D("7.242048"), D("8.851392"), True, False)
    assert units.convert_interval(Interval(None, D(0)), "degree_Celsius", "degree_Fahrenheit").low is None


def test_symbols_for_messages() -> None:
    assert units.symbol("kilometer") == "km" and units.symbol("degree_Celsius") == "°C"
    assert units.symbol("employee") == "employee"


DIMENSIONS: dict[str, list[str]] = {}
for _u in PHYSICAL:
    if _u not in ("degree_Celsius", "degree_Fahrenheit"):
        DIMENSIONS.setdefault(units.dimension(_u) or "", []).append(_u)
PAIRS = [(a, b) for group in DIMENSIONS.values() for a in group for b in group if a != b]


@settings(max_examples=300, deadline=None)
@given(pair=st.sampled_from(PAIRS), x=st.decimals(min_value="1e-6", max_value="1e12", places=6))
def test_round_trip(pair: tuple[str, str], x: Decimal) -> None:
    """x -> another unit of its dimension -> x, within Decimal's 28 digits."""
    a, b = pair
    back = units.convert(units.convert(x, a, b), b, a)
    assert abs(back - x) <= abs(x) * D("1e-20"), (a, b, x, back)


@settings(max_examples=200, deadline=None)
@given(x=st.decimals(min_value=-300, max_value=1000, places=2),
       scales=st.permutations(["degree_Celsius", "degree_Fahrenheit", "kelvin"]))
def test_temperature_round_trip(x: Decimal, scales: list[str]) -> None:
    a, b, c = scales
    back = units.convert(units.convert(units.convert(x, a, b), b, c), c, a)
    assert abs(back - x) <= D("1e-20"), (scales, x, back)
