"""Synthetic news corpora with known answers, for measuring speed and accuracy at any size.

Each generated *event* is one company's results for one quarter: revenue, its year-on-year
growth and net profit, reported by two to four articles that word them differently (templates,
currencies written as symbols, codes or names, scale words or digits, hedges, periods as "Q2
2025" or "the second quarter of 2025"). A share of events gets one injected conflict in one of its
articles, of four kinds:

* ``slip``: the figure ten times too large or too small (a dropped digit or decimal point);
* ``digit``: one digit of the figure changed (beyond what rounding allows);
* ``currency``: the same number written in another currency;
* ``period``: the previous quarter's figure given for this quarter.

``answers.json`` records, for every article, its events and, for injected conflicts, the file and
the span of the wrong figure. Articles are plain Markdown with front matter, so the corpus is read
by factcheck exactly like real copy.

    python benchmarks/corpus.py OUT_DIR --docs 10000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

SYLLABLES = ["qua", "ver", "lo", "xi", "tan", "bri", "zo", "mek", "ra", "nov", "sol", "ty", "dex", "pha", "gar",
             "lum", "or", "vin", "kes", "alt", "mon", "rei", "cu", "sar", "wen", "dro", "fal", "ix", "pel", "tor"]
SUFFIXES = ["", " Group", " Holdings", " Corp", " Technologies", " Industries"]
CURRENCIES = [  # code, prefix forms, suffix words
    ("USD", ["$", "US$", "USD "], ["dollars"]),
    ("CNY", ["Rmb", "RMB "], ["yuan", "renminbi"]),
    ("EUR", ["€", "EUR "], ["euros"]),
    ("GBP", ["£", "GBP "], ["pounds sterling"]),
]
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
MONTH_END = {1: "March", 2: "June", 3: "September", 4: "December"}

REVENUE = [
    "{name}'s revenue rose {g}% to {money} in {period}.",
    "{name} reported revenue of {money} for {period}, up {g}% year-on-year.",
    "Revenue at {name} grew {g}% year on year to {money} in {period}.",
    "In {period}, {name} lifted revenue {g}% to {money}, the company said.",
]
PROFIT = [
    "Net profit came in at {money}.",
    "{name}'s net profit was {money} in {period}.",
    "The company's net profit reached {money}.",
]
FILLER = [
    "Analysts had been watching the company closely ahead of the release.",
    "Shares moved in early trading as investors digested the numbers.",
    "The chief executive said demand remained resilient across its main markets.",
    "The company did not change its outlook for the rest of the year.",
    "Competition in the sector has intensified over the past year.",
]


def company_names(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        names.add(base)
    return sorted(names)


def money_text(rng: random.Random, currency: tuple[str, list[str], list[str]], value_bn: Decimal) -> str:
    """One of many ways to write an amount given in billions."""
    _, prefixes, words = currency
    number = f"{value_bn:f}"
    style = rng.randrange(4)
    if style == 0:
        return f"{rng.choice(prefixes)}{number}bn"
    if style == 1:
        return f"{rng.choice(prefixes)}{number} billion"
    if style == 2:
        return f"{number} billion {rng.choice(words)}"
    millions = value_bn * 1000
    return f"{rng.choice(prefixes)}{millions:,f} million".replace(".0 million", " million")


def period_text(rng: random.Random, year: int, quarter: int) -> str:
    return rng.choice([
        f"Q{quarter} {year}",
        f"the {ORDINAL[quarter]} quarter of {year}",
        f"the three months ended {MONTH_END[quarter]} 30, {year}" if quarter in (2, 3) else f"Q{quarter} {year}",
    ])


def cached(workdir: Path, docs: int) -> tuple[Path, dict[str, Any]]:
    """The corpus of ``docs`` articles under ``workdir/corpus-<docs>`` and its answers, generated
    the first time (a 100k corpus takes a few minutes)."""
    root = workdir / f"corpus-{docs}"
    if not (root / "answers.json").exists():
        print(f"generating {docs:,} documents under {root}...", file=sys.stderr, flush=True)
        return root, generate(root, docs)
    return root, json.loads((root / "answers.json").read_text(encoding="utf-8"))


def generate(out: Path, docs: int, seed: int = 7, conflict_rate: float = 0.1) -> dict[str, Any]:
    """Write about ``docs`` articles under ``out`` and return the answer key (also written)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    events_needed = max(1, docs // 3)
    companies = company_names(rng, max(3, events_needed // 8))
    answers: dict[str, Any] = {"seed": seed, "documents": {}, "events": []}
    written = 0
    quarter_index = 0
    history: dict[tuple[str, int], Decimal] = {}  # (company, quarter_index) -> revenue in bn
    while written < docs:
        for company in companies:
            if written >= docs:
                break
            year, quarter = 2020 + quarter_index // 4, quarter_index % 4 + 1
            currency = CURRENCIES[sum(map(ord, company)) % len(CURRENCIES)]  # stable across runs
            previous = history.get((company, quarter_index - 4))
            revenue = Decimal(rng.randint(120, 9800)) / 10  # bn, one decimal
            growth = (Decimal(rng.randint(-150, 400)) / 10) if previous is None else \
                ((revenue / previous - 1) * 100).quantize(Decimal("0.1"))
            if growth == 0:  # "rose 0.0%" reads oddly: move the figure a little and recompute
                revenue += Decimal("2.5")
                growth = ((revenue / previous - 1) * 100).quantize(Decimal("0.1")) if previous else Decimal("1.5")
            history[(company, quarter_index)] = revenue
            profit = (revenue * Decimal(rng.randint(5, 30)) / 100).quantize(Decimal("0.1"))
            published = dt.date(year, quarter * 3, 1) + dt.timedelta(days=rng.randint(40, 55))
            sources = rng.randint(2, 4)
            event = {"company": company, "year": year, "quarter": quarter, "currency": currency[0],
                     "revenue_bn": str(revenue), "growth": str(growth), "profit_bn": str(profit),
                     "files": [], "conflict": None}
            injected = rng.random() < conflict_rate
            victim = rng.randrange(sources) if injected else -1
            kinds = ["slip", "digit", "currency"] + (["period"] if previous is not None else [])
            kind = rng.choice(kinds) if injected else None
            for s in range(sources):
                name = company + rng.choice(SUFFIXES) if s else company
                shown = revenue
                cur = currency
                wrong = s == victim
                if wrong and kind == "slip":
                    shown = revenue * 10 if rng.random() < 0.5 else revenue / 10
                elif wrong and kind == "digit":
                    shown = _change_digit(rng, revenue)
                elif wrong and kind == "currency":
                    cur = next(c for c in CURRENCIES if c[0] != currency[0] and c[0] != "USD") \
                        if currency[0] == "USD" else CURRENCIES[0]
                elif wrong and kind == "period":
                    shown = history.get((company, quarter_index - 1), previous or revenue)
                money = money_text(rng, cur, shown.normalize() if shown == shown.to_integral() else shown)
                sentence = rng.choice(REVENUE).format(name=name, g=_fmt(abs(growth)) if growth > 0 else _fmt(growth),
                                                      money=money, period=period_text(rng, year, quarter))
                if growth < 0:
                    sentence = sentence.replace(f"rose {_fmt(growth)}%", f"fell {_fmt(-growth)}%") \
                        .replace(f"up {_fmt(growth)}%", f"down {_fmt(-growth)}%") \
                        .replace(f"grew {_fmt(growth)}%", f"shrank {_fmt(-growth)}%") \
                        .replace(f"lifted revenue {_fmt(growth)}%", f"saw revenue fall {_fmt(-growth)}%")
                profit_line = rng.choice(PROFIT).format(
                    name=company, money=money_text(rng, currency, profit), period=period_text(rng, year, quarter))
                fill = rng.sample(FILLER, 3)
                body = [f"# {company} results for {period_text(rng, year, quarter)}", "",
                        fill[0], sentence, fill[1], profit_line, fill[2], ""]
                text = f"---\npublished: {published.isoformat()}\nsource: outlet{s}\n---\n" + "\n".join(body)
                path = out / f"{written:07d}.md"
                path.write_text(text, encoding="utf-8")
                record: dict[str, Any] = {"event": len(answers["events"])}
                if wrong:
                    start = text.index(money)
                    record["conflict"] = {"kind": kind, "span": [start, start + len(money)], "text": money}
                    event["conflict"] = {"file": path.name, "kind": kind, "span": [start, start + len(money)]}
                answers["documents"][path.name] = record
                event["files"].append(path.name)
                written += 1
            answers["events"].append(event)
        quarter_index += 1
    (out / "answers.json").write_text(json.dumps(answers, indent=1), encoding="utf-8")
    return answers


def _fmt(x: Decimal) -> str:
    return f"{x:f}"


def _change_digit(rng: random.Random, value: Decimal) -> Decimal:
    """The value with one digit changed by at least 2, so rounding cannot explain it."""
    digits = list(f"{value:f}")
    positions = [i for i, c in enumerate(digits) if c.isdigit()]
    i = rng.choice(positions[:2])
    d = int(digits[i])
    digits[i] = str((d + rng.choice([2, 3, 4, 5])) % 10)
    if digits[0] == "0":
        digits[0] = "1"
    changed = Decimal("".join(digits))
    return changed if abs(changed - value) / value > Decimal("0.05") else value * 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--conflict-rate", type=float, default=0.1)
    args = ap.parse_args(argv)
    answers = generate(args.out, args.docs, args.seed, args.conflict_rate)
    conflicts = sum(1 for e in answers["events"] if e["conflict"])
    print(f"{len(answers['documents'])} documents, {len(answers['events'])} events, {conflicts} injected conflicts "
          f"in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
