"""Other projects' test suites, scored for factcheck, quantulum3 and Recognizers-Text in one run.

The suites are quantulum3's ``quantities.json`` and Recognizers-Text's English Currency,
Dimension, Percent and Number specs, vendored with their licences in ``tests/data/peer/``. How a
gold quantity is matched, how units are compared and which cases are out of scope is said in
``tests/peer.py``; the out-of-scope gold quantities are printed with their count per reason.

For each suite it prints value F1 and value+unit F1 (Number: value only, its gold has no unit)
for each system. quantulum3 runs ``parser.parse`` on the sentence; Recognizers-Text runs the
suite's own model (Currency, Dimension, Percent, Number), and on ``quantities.json`` all of
currency, dimension, temperature, age and percent, then numbers outside those. Either system is
skipped, with a note, when it is not installed (``pip install -e ".[bench]"
"recognizers-text-suite==1.0.2a2" "emoji==1.7.0"``).

Usage::

    python benchmarks/peer_suites.py
    python benchmarks/peer_suites.py --misses factcheck   # list factcheck's misses per suite
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import peer
from peer import Prediction, canonical_unit

System = Callable[[str], list[Prediction]]


def quantulum3_system() -> System | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def run(text: str) -> list[Prediction]:
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        for q in found:
            unit = getattr(q.unit, "currency_code", None) or q.unit.name
            value = Decimal(str(q.value))
            if q.unit.name.lower() in peer.SUBUNITS:
                value *= peer.SUBUNITS[q.unit.name.lower()]
            out.append(Prediction(q.span[0], q.span[1], (value,), canonical_unit(unit)))
        return out

    return run


def recognizers_system(suite: str) -> System | None:
    try:
        import recognizers_suite as rs
    except ImportError:
        return None
    models = {
        "Currency": [rs.recognize_currency],
        "Dimension": [rs.recognize_dimension],
        "Percent": [rs.recognize_percentage],
        "Number": [rs.recognize_number],
    }.get(suite, [rs.recognize_currency, rs.recognize_dimension, rs.recognize_temperature, rs.recognize_age,
                  rs.recognize_percentage, rs.recognize_number])

    def run(text: str) -> list[Prediction]:
        out: list[Prediction] = []
        for model in models:
            for r in model(text, rs.Culture.English):
                start, end = r.start, r.end + 1
                if any(p.start < end and start < p.end for p in out):
                    continue  # a number already read with its unit
                res = r.resolution or {}
                try:
                    value = Decimal(str(res.get("value")).rstrip("%"))
                except (InvalidOperation, TypeError):
                    continue
                unit = res.get("isoCurrency") or res.get("unit")
                if r.type_name == "percentage":
                    unit = "percent"
                if unit and unit.lower() in peer.SUBUNITS:
                    value *= peer.SUBUNITS[unit.lower()]
                physical = r.type_name in ("dimension", "temperature", "age")  # "Pound": the mass
                out.append(Prediction(start, end, (value,), canonical_unit(unit, physical=physical)))
        return out

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", choices=["factcheck", "quantulum3", "recognizers"], help="list this system's misses")
    args = ap.parse_args(argv)
    q3 = quantulum3_system()
    if q3 is None:
        print("quantulum3 not installed: its columns are skipped")
    if recognizers_system("Number") is None:
        print("recognizers-text-suite not installed: its columns are skipped")
    print(f"{'suite':<16}{'gold':>5}{'out':>5}  {'factcheck':>13}  {'quantulum3':>13}  {'Recognizers':>13}")
    print(f"{'':<26}  {'value  +unit':>13}  {'value  +unit':>13}  {'value  +unit':>13}")
    outs = {}
    for suite in peer.SUITES:
        cases = peer.load(suite)
        systems: dict[str, System | None] = {"factcheck": peer.factcheck_predictions, "quantulum3": q3,
                                             "recognizers": recognizers_system(suite)}
        cells = []
        for name, system in systems.items():
            if system is None:
                cells.append(f"{'-':>13}")
                continue
            cached: dict[str, list[Prediction]] = {}

            def memo(text: str, system: System = system, cached: dict[str, list[Prediction]] = cached) -> list[
                    Prediction]:
                if text not in cached:
                    cached[text] = system(text)
                return cached[text]

            value = peer.score(cases, memo, with_unit=False).f1()
            unit = peer.score(cases, memo, with_unit=True).f1() if suite != "Number" else None
            cells.append(f"{value:6.1f} " + (f"{unit:6.1f}" if unit is not None else f"{'-':>6}"))
            if args.misses == name:
                for case in cases:
                    for with_unit in (False, True):
                        _, _, missed = peer.match(case, memo(case.text), with_unit=with_unit)
                        for g in missed:
                            if with_unit and g in peer.match(case, memo(case.text), with_unit=False)[2]:
                                continue
                            got = [(case.text[p.start:p.end], str(p.values[0]), p.unit) for p in memo(case.text)]
                            print(f"  MISS{'(unit)' if with_unit else '':6} {suite}#{case.index} {g.text!r} "
                                  f"{g.value} {g.unit} in {case.text[:100]!r} got {got}", file=sys.stderr)
        gold = sum(len(c.gold) for c in cases)
        out = peer.out_of_scope(cases)
        outs[suite] = out
        print(f"{suite:<16}{gold:>5}{sum(out.values()):>5}  " + "  ".join(cells))
    print("\nout of scope (gold quantities listed, not scored):")
    for suite, out in outs.items():
        for reason, n in sorted(out.items(), key=lambda kv: -kv[1]):
            print(f"  {suite:<16}{n:>4}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
