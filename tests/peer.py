"""Other projects' test suites as data: loading, scope, unit mapping and scoring.

Shared by ``tests/extract/test_peer_suites.py`` (the news-relevant cases as table tests) and
``benchmarks/peer_suites.py`` (F1 for factcheck, quantulum3 and Recognizers-Text side by side).

The suites live in ``tests/data/peer/`` with their licences:

* ``quantulum3-quantities.json``: quantulum3 0.10.0's ``_lang/en_US/tests/quantities.json``
  (MIT, ``LICENSE-quantulum3``). No offsets: a gold quantity's span is found by searching its
  surface in the sentence.
* ``recognizers-{Currency,Dimension,Percent,Number}Model.json``: Microsoft Recognizers-Text's
  English specs (MIT, ``LICENSE-Recognizers-Text``), commit 90e968e. ``End`` is inclusive there.

Scoring: a gold quantity is matched by at most one prediction whose span overlaps it and whose
value is equal within 0.5%; value+unit also needs the units to agree once both are mapped by
:func:`canonical_unit` onto ISO 4217 codes, ``percent`` and pint units (a bare number and a
counted noun both map to ``None``). A range prediction may match two gold quantities, its ends.
In the typed suites (Currency, Dimension, Percent) a prediction of another type that overlaps no
gold quantity is not counted: those suites annotate only their own type.

Gold quantities outside the project's scope (:func:`scope`) are listed with a reason and counted,
never dropped silently; predictions that overlap them are not counted either way.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

PEER = Path(__file__).resolve().parent / "data" / "peer"
SUITES = ("quantities.json", "Currency", "Dimension", "Percent", "Number")
#: What the typed suites annotate: the kind of unit a prediction must have to count uninvited.
SUITE_TYPE = {"Currency": "money", "Dimension": "physical", "Percent": "percent"}
TOLERANCE = Decimal("0.005")


class Gold(NamedTuple):
    start: int
    end: int  # exclusive
    text: str
    value: Decimal | None  # None: the suite gives no value ("a small percent")
    unit: str | None  # canonical


class Case(NamedTuple):
    suite: str
    index: int
    text: str
    gold: tuple[Gold, ...]
    out: tuple[tuple[Gold, str], ...]  # out of scope, with the reason


class Prediction(NamedTuple):
    start: int
    end: int
    values: tuple[Decimal, ...]  # the value, then a range's ends
    unit: str | None  # canonical


# --- units -------------------------------------------------------------------------------------

# Currency names used by the suites and by quantulum3 / Recognizers-Text output -> ISO 4217.
# Subunits are money in the main unit at 1/100 ("34 cents" is USD 0.34): VALUE_FACTOR below.
_CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR", "chinese yuan": "CNY",
    "yuan": "CNY", "renminbi": "CNY", "pound": "GBP", "pound sterling": "GBP", "british pound": "GBP",
    "canadian dollar": "CAD", "japanese yen": "JPY", "yen": "JPY", "franc": "CHF", "swiss franc": "CHF",
    "australian dollar": "AUD", "bitcoin": "BTC", "turkish lira": "TRY", "rupee": "INR", "indian rupee": "INR",
    "mexican peso": "MXN", "finnish markka": "FIM", "hong kong dollar": "HKD", "peseta": "ESP",
    "netherlands guilder": "NLG", "costa rican colón": "CRC", "georgian lari": "GEL", "lao kip": "LAK",
    "sri lankan rupee": "LKR", "new zealand dollar": "NZD", "cent": "USD", "penny": "GBP", "pence": "GBP",
    "dime": "USD", "sen": "JPY", "satoshi": "BTC",
}
#: Subunit names whose value the suites give in the subunit ("34 cents": value 34): a prediction of
#: USD 0.34 is the same amount, so gold values in these units are scaled to the main unit.
SUBUNITS = {"cent": Decimal("0.01"), "penny": Decimal("0.01"), "pence": Decimal("0.01"), "dime": Decimal("0.1"),
            "sen": Decimal("0.01"), "satoshi": Decimal("1e-8")}
_PERCENT = {"percent", "percentage", "%", "pp"}
_ALIASES = {  # spellings pint does not know, or knows as something else
    "ton": "metric_ton", "tonne": "metric_ton", "tonnes": "metric_ton", "metric ton": "metric_ton",
    "pound-mass": "pound", "degree celsius": "degC", "degree fahrenheit": "degF", "megabit": "Mbit",
    "megabyte": "MB", "mile per hour": "mile/hour", "kilometer per hour": "km/hour",
    "kilometre per hour": "km/hour", "baker's dozen": None, "dozen": None, "gross": None, "dimensionless": None,
    "fraction": None, "turn": "turn", "degree": "degree",
    "barrel": "oil_barrel",  # the suites' barrels are of oil (42 gallons); pint's "barrel" holds 31.5
}


@cache
def _registry():  # type: ignore[no-untyped-def]
    import pint

    return pint.UnitRegistry()


@cache
def canonical_unit(unit: str | None, *, physical: bool = False) -> str | None:
    """``unit`` as written by a suite or a system, mapped onto a comparable name.

    ISO codes stay; currency names become ISO codes; percent words become ``percent``; a unit pint
    parses becomes its canonical pint name; anything else (a counted noun) is ``None``. With
    ``physical`` the unit is known to be a physical one, and a name that is also a currency's is
    read as the unit ("pound" the mass, not GBP).
    """
    if unit is None:
        return None
    u = unit.strip()
    if re.fullmatch(r"[A-Z]{3}", u):
        return u
    if "/" in u and re.fullmatch(r"[A-Z]{3}/.+", u):
        return u  # money per unit: USD/share
    low = u.lower()
    if low in _PERCENT:
        return "percent" if low != "pp" else "pp"
    if low in _CURRENCY_NAMES and not physical:
        return _CURRENCY_NAMES[low]
    if low in _ALIASES:
        alias = _ALIASES[low]
        if alias is None:
            return None
        low = alias
    reg = _registry()
    if u.lower() not in _ALIASES:
        try:  # a pint expression as factcheck writes it, case kept: "degree_Celsius", "kilometer ** 2"
            return _base(reg.Quantity(1, u))
        except Exception:
            pass
    low = low.replace("metre", "meter").replace("litre", "liter")
    low = re.sub(r"\bsquare (\w+)", r"\1**2", low)
    low = re.sub(r"\bcubic (\w+)", r"\1**3", low)
    low = low.replace(" per ", "/").replace(" ", "*")
    try:
        return _base(reg.Quantity(1, low))
    except Exception:
        return None  # a counted noun: "voter", "apple"


def _base(q) -> str | None:  # type: ignore[no-untyped-def]
    q = q.to_base_units()
    if q.dimensionless:
        return None
    return f"{float(q.magnitude):.6g} {q.units:~}"


def unit_type(canonical: str | None) -> str:
    if canonical is None:
        return "number"
    if canonical in ("percent", "pp"):
        return "percent"
    if re.fullmatch(r"[A-Z]{3}(/.*)?", canonical):
        return "money"
    return "physical"


# --- scope -------------------------------------------------------------------------------------

# Why a gold quantity is outside factcheck's scope: news prose claims. Each rule reads the gold
# text (and the sentence); the first that applies names the reason.
_SCOPE_RULES: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("no value given", lambda t, s: False),  # set by the loader
    ("identifier or address", lambda t, s: bool(re.search(r"\d+\.\d+\.\d+|phone|nrs\.|\+1-", s))),
    ("math notation (powers, 'N over M')", lambda t, s: "^" in t or bool(re.search(r"\bover\b", t))),
    ("ordinal-named fraction (hundredths, twenty-firsts)",
     lambda t, s: bool(re.search(r"(?:hundredths?|thousandths?|trillionths?|millionths?|twenty-firsts?|"
                                 r"\w+ fifths?|one hundred fifth)\b", t, re.I))
     and not re.fullmatch(r"(?:one|two|three|four|five|a)\s+fifths?", t, re.I)),
    ("a number in a name or a count of one as a pronoun", lambda t, s: bool(
        re.search(r"version two|one last time|playing three", s))),
    ("a bare year or a date", lambda t, s: bool(re.fullmatch(r"(?:1[89]|20)\d\d", t)) and "$" not in s),
    ("digits in a word (L2, 3D)", lambda t, s: bool(re.search(rf"[A-Za-z]{re.escape(t)}\b|\b{re.escape(t)}[A-Za-z]",
                                                              s)) and t.isdigit()),
    ("a run of zeros or a digit string read as two numbers", lambda t, s: bool(re.fullmatch(r"0{2,}", t))
     or "recognized as two" in s),
    ("British spoken zero (nought, naught)", lambda t, s: bool(re.search(r"nought|naught", t, re.I))),
    ("a named constant ('absolute zero')", lambda t, s: t.lower() == "absolute zero"),
    ("an article read as one ('a gallon', 'a penny')", lambda t, s: bool(re.fullmatch(
        r"an?\s+(?!half|third|quarter|fifth|sixth|eighth|dozen|hundred|thousand|million|billion)[a-z]+", t, re.I))),
    # "percent of 10" for 10% is the Chinese word order ("百分之十") put into English words; in English
    # copy the number after "percent of" is what the percentage is taken of ("30 percent of 10 cases")
    ("'percent of N' for N percent (a translated word order)", lambda t, s: bool(
        re.match(r"(?:per\s?cents?|percents?)\s+of\b", t, re.I))),
    ("phrase with no number ('a small percent')", lambda t, s: not re.search(
        r"\d|[½⅓⅔¼¾⅙⅛]|zero|one|two|three|four|five|six|seven|eight|nine|ten|twen|thirty|forty|fifty|hundred|"
        r"thousand|million|half|quarter|dozen|fifth", t, re.I)),
)


def scope(gold_text: str, sentence: str) -> str | None:
    """The reason ``gold_text`` in ``sentence`` is out of scope, or None when it is in scope."""
    for reason, rule in _SCOPE_RULES:
        if rule(gold_text, sentence):
            return reason
    return None


# --- loading -----------------------------------------------------------------------------------


def _dec(value: object) -> Decimal | None:
    if value in (None, "null"):
        return None
    return Decimal(str(value).rstrip("%"))


def _recognizers(name: str) -> list[Case]:
    rows = json.loads((PEER / f"recognizers-{name}Model.json").read_text(encoding="utf-8"))
    out = []
    for i, row in enumerate(rows):
        text = row["Input"]
        gold, skipped = [], []
        for r in row["Results"]:
            res = r["Resolution"]
            unit_name = res.get("isoCurrency") or res.get("unit")
            if name == "Percent":
                unit_name = "percent"
            value = _dec(res.get("value"))
            if value is not None and unit_name and unit_name.lower() in SUBUNITS:
                value *= SUBUNITS[unit_name.lower()]
            g = Gold(r["Start"], r["End"] + 1, r["Text"], value,
                     canonical_unit(unit_name, physical=SUITE_TYPE.get(name) == "physical"))
            reason = "no value given" if value is None else scope(g.text, text)
            (skipped.append((g, reason)) if reason else gold.append(g))
        out.append(Case(name, i, text, tuple(gold), tuple(skipped)))
    return out


def _quantulum() -> list[Case]:
    rows = json.loads((PEER / "quantulum3-quantities.json").read_text(encoding="utf-8"))
    out = []
    for i, row in enumerate(rows):
        text = row["req"]
        gold, skipped = [], []
        pos = 0
        for r in row["res"]:
            at = text.find(r["surface"], pos)
            if at < 0:
                at = text.lower().find(r["surface"].lower())
            unit_name = r["unit"]
            value = _dec(r["value"])
            if value is not None and unit_name.lower() in SUBUNITS:
                value *= SUBUNITS[unit_name.lower()]
            g = Gold(max(at, 0), (at if at >= 0 else 0) + len(r["surface"]), r["surface"], value,
                     canonical_unit(unit_name))
            pos = g.end if at >= 0 else pos
            reason = scope(g.text, text)
            (skipped.append((g, reason)) if reason else gold.append(g))
        out.append(Case("quantities.json", i, text, tuple(gold), tuple(skipped)))
    return out


@cache
def load(suite: str) -> tuple[Case, ...]:
    return tuple(_quantulum() if suite == "quantities.json" else _recognizers(suite))


# --- scoring -----------------------------------------------------------------------------------


def _overlaps(a: Gold | Prediction, b: Gold | Prediction) -> bool:
    return a.start < b.end and b.start < a.end


def close(a: Decimal, b: Decimal) -> bool:
    if b == 0:
        return a == 0
    return abs(a - b) <= abs(b) * TOLERANCE


class Tally(NamedTuple):
    tp: int
    predicted: int
    gold: int

    def f1(self) -> float:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return 100 * 2 * p * r / (p + r) if p + r else 0.0


def match(case: Case, predictions: Iterable[Prediction], *, with_unit: bool) -> tuple[int, int, list[Gold]]:
    """(true positives, predictions counted, gold quantities missed) for one case."""
    preds = [p for p in predictions if not any(_overlaps(p, g) for g, _ in case.out)]
    kind = SUITE_TYPE.get(case.suite)
    if kind is not None:
        preds = [p for p in preds if unit_type(p.unit) == kind or any(_overlaps(p, g) for g in case.gold)]
    capacity = [len(p.values) - (1 if len(p.values) > 1 else 0) for p in preds]  # a range: its two ends
    hits = [0] * len(preds)
    tp, missed = 0, []
    for g in case.gold:
        for k, p in enumerate(preds):
            if capacity[k] and _overlaps(p, g) and g.value is not None \
                    and any(close(v, g.value) for v in p.values) and (not with_unit or p.unit == g.unit):
                capacity[k] -= 1
                hits[k] += 1
                tp += 1
                break
        else:
            missed.append(g)
    return tp, sum(max(1, h) for h in hits), missed  # a range matching both ends counts twice


def score(cases: Iterable[Case], system: Callable[[str], list[Prediction]], *, with_unit: bool) -> Tally:
    tp = predicted = gold = 0
    for case in cases:
        t, n, _ = match(case, system(case.text), with_unit=with_unit)
        tp, predicted, gold = tp + t, predicted + n, gold + len(case.gold)
    return Tally(tp, predicted, gold)


def out_of_scope(cases: Iterable[Case]) -> Counter[str]:
    return Counter(reason for c in cases for _, reason in c.out)


# --- factcheck as a system -----------------------------------------------------------------------


def factcheck_predictions(text: str) -> list[Prediction]:
    from factcheck.extract import scan

    out = []
    for q in scan(text):
        values: tuple[Decimal, ...] = (abs(q.value) if q.kind in ("change", "difference") else q.value,)
        if q.low is not None and q.high is not None:
            values = (*values, q.low, q.high)
        unit = q.unit
        if unit == "GBX":  # pence, money at a hundredth of a pound
            values, unit = tuple(v / 100 for v in values), "GBP"
        elif unit is not None and unit.lower() in SUBUNITS:
            unit = None  # "34 cents" read as a count of cents: not money
        out.append(Prediction(q.start, q.end, values, factcheck_unit(unit)))
    return out


def factcheck_unit(unit: str | None) -> str | None:
    """A unit as factcheck writes it, mapped like the suites' units, by what factcheck means by it.

    factcheck writes money as ISO codes and a physical unit by its pint name, so a name is not
    read as a currency ("pound" is pint's pound, not GBP); a counted noun ("unit", "point") is
    a count, even where pint has a unit of that name (the nit, the typographic point).
    """
    from factcheck.extract.lexicon import LEXICON

    if unit in LEXICON.physical_units:
        return canonical_unit(unit, physical=True)
    canonical = canonical_unit(unit)
    return canonical if unit_type(canonical) in ("money", "percent") else None  # else a counted noun
