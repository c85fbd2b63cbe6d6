"""Fit the linkage weights from labelled stories, and say how well they carry over.

usage::

    python -m factcheck.link.fit EVENTS_DIR [-o src/factcheck/link/data/weights.json]

``EVENTS_DIR`` holds one folder per story: the sources as Markdown files with front matter, and a
``facts.json`` answer key (claims made by two or more sources, each with its verdict and the
character spans of its quotes in each file). The key's format is the one the project's shared
scorers read.

How the weights are estimated (supervised Fellegi-Sunter):

1. Every story is extracted and its candidate pairs are made by the same blocking the checker uses.
2. A figure takes the claims whose quoted spans it overlaps; a quote that covers several figures
   ("£100m plus £5m") labels none of them, as it does not say which one is meant. A figure the
   key does not quote, repeated with the same value elsewhere in its article, is left out too:
   keys quote one statement of a repeated figure.
3. A pair is a **match** when both figures belong to one claim whose verdict says they state the
   same fact (consistent, consistent by rounding or after FX, or a conflict: a wrong figure for the
   same fact). It is a **non-match** when they belong to different claims or one of them to none.
   Pairs within a "different metric" or "different period" claim are left out: such a claim
   groups two facts without saying which figure states which.
4. For each comparison level, m = P(level | match) is counted over the matches and u =
   P(level | non-match) over all candidate pairs (as splink estimates u from random pairs: a key
   that quotes some statements of a fact and not others makes "not in one claim" an unreliable
   non-match, while matches are too few among all pairs to move u much), with add-one smoothing;
   the prior is the share of matches among candidate pairs.

The value comparison's m cannot be counted this way for the rare levels (a power of ten apart, an
other value): stories hold few conflicts, and a slip in the key is rarer still. Its match
distribution is set from the key's own rate of conflicting pairs among matches, split evenly
between "near", "power of ten" and "other", and its u is counted as the others are.

Leave-one-story-out: with ``--cv`` the weights are fitted on all stories but one and the pairs of
that one are scored, for every story in turn; the report gives precision and recall of links at
several probabilities, so a weight that only fits its own story shows.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from factcheck.attribute.calendar import KINDS
from factcheck.documents import read_document
from factcheck.facts import Fact, extract_document
from factcheck.group import Context, build_context
from factcheck.link import LEVELS, link
from factcheck.link.compare import EQUAL, VALUE, Stated, vector
from factcheck.link.profile import idf, profiles, sentence_idf
from factcheck.link.weights import Weights, probability

#: Verdicts under which every quoted figure of a claim states one fact.
SAME = {"consistent", "consistent-by-rounding", "consistent-after-fx", "conflict"}
_VALUE = list(LEVELS).index(VALUE)
_ECHO = list(LEVELS).index("echo")
_VALUES = (_VALUE, _ECHO)
#: The least share of statements of a fact taken to be wrong, whatever the key shows.
WRONG = 0.03


def load_story(folder: pathlib.Path) -> tuple[Context, list[Any], dict[str, Any]]:
    """A story's context (facts resolved) and its answer key."""
    paths = sorted(p for p in folder.glob("*.md") if p.name not in ("facts.md", "README.md"))
    docs = [read_document(p) for p in paths]
    ctx = build_context(docs, [extract_document(d) for d in docs])
    facts = sorted((f for f in ctx.facts if f.q.kind not in KINDS), key=lambda f: (f.doc, f.q.start, f.q.end))
    return ctx, facts, json.loads((folder / "facts.json").read_text(encoding="utf-8"))


def claims_of(facts: Sequence[Any], key: dict[str, Any]) -> tuple[list[set[int]], list[set[int]]]:
    """For each fact, the claims (row numbers) it states, and those it is ambiguous about."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        by_file[pathlib.Path(f.doc).name].append(i)
    owns: list[set[int]] = [set() for _ in facts]
    unsure: list[set[int]] = [set() for _ in facts]
    for claim in key["claims"]:
        if len({loc["file"] for loc in claim["locations"]}) < 2:
            continue
        for loc in claim["locations"]:
            for s, e in loc["spans"]:
                hit = [i for i in by_file[loc["file"]] if facts[i].q.start < e and s < facts[i].q.end]
                for i in hit:
                    (owns if len(hit) == 1 else unsure)[i].add(claim["row"])
    # a key quotes one statement of a figure an article repeats (headline and body): the repeats
    # state what the quoted one states
    for members in by_file.values():
        quoted: dict[tuple[Any, ...], set[int]] = defaultdict(set)
        for i in members:
            quoted[(facts[i].q.value, facts[i].q.unit)] |= owns[i]
        for i in members:
            if not owns[i] and not unsure[i]:
                unsure[i] |= quoted[(facts[i].q.value, facts[i].q.unit)]
    return owns, unsure


#: Errors planted in one figure of each agreeing matched pair, to measure how a wrong figure
#: for the same fact compares: a power of ten, a near miss, another figure altogether.
PLANTS = (Decimal(10), Decimal("0.1"), Decimal("1.2"), Decimal("0.8"), Decimal("0.5"), Decimal(3))

Pair = tuple[tuple[int, ...], bool]
#: a story's labelled pairs, planted errors, and disagreeing pairs read the other way round
Labelled = tuple[list[Pair], list[tuple[int, ...]], list[tuple[int, ...]]]


def labelled_pairs(folder: pathlib.Path) -> Labelled:
    """Every candidate pair of one story with its label (match or not), the vectors of matched
    pairs with an error planted in one figure, and the disagreeing pairs' vectors read the other
    way round (echo is read with one figure as the possibly wrong one)."""
    ctx, facts, key = load_story(folder)
    verdict = {c["row"]: c["verdict"].lower() for c in key["claims"]}
    owns, unsure = claims_of(facts, key)
    out: list[Pair] = []
    planted: list[tuple[int, ...]] = []
    flips: list[tuple[int, ...]] = []
    found = profiles(facts)
    words = idf(found)
    sentence_words = sentence_idf(found)
    for pair in link(ctx, facts, weights=Weights.neutral()):
        a, b = pair.a, pair.b
        if (owns[a] | unsure[a]) & unsure[b] or unsure[a] & owns[b]:
            continue  # the key does not say which figure of a quote is meant
        shared = owns[a] & owns[b]
        if shared and not any(verdict[r] in SAME for r in shared):
            continue  # a near-miss claim groups two facts without saying which figure states which
        out.append((pair.levels, bool(shared)))
        if pair.flipped != pair.levels:
            # echo is read with one figure as the possibly wrong one: count u both ways round
            flips.append(pair.flipped)
        if shared and pair.value >= EQUAL:
            for factor in PLANTS:
                wrong = _plant(facts[a], factor)
                stated = Stated([wrong if f is facts[a] else f for f in facts])
                levels = vector(ctx, wrong, facts[b], found[a], found[b], words, stated, sentence_words)
                if levels is not None:
                    planted.append(levels)
    return out, planted, flips


def _plant(fact: Fact, factor: Decimal) -> Fact:
    q = fact.q
    assert q.interval is not None
    return attrs.evolve(fact, quantity=attrs.evolve(q, value=q.value * factor, interval=q.interval.scale(factor)))


def fit(pairs: Sequence[Pair], planted: Sequence[tuple[int, ...]],
        flips: Sequence[tuple[int, ...]] = ()) -> dict[str, Any]:
    """Weights (as the JSON that :class:`~factcheck.link.weights.Weights` reads) from labelled pairs,
    planted errors and the disagreeing pairs read the other way round."""
    matches = [v for v, m in pairs if m]
    # u from every candidate pair, as splink estimates it from random pairs: keys quote some
    # statements of a fact and not others, so "not in the same claim" is no reliable non-match,
    # while matches are so few among all pairs that they barely move u
    others = [v for v, _ in pairs]
    wrong = max(WRONG, sum(1 for v in matches if v[_VALUE] < EQUAL) / max(1, len(matches)))
    right = [v for v in matches if v[_VALUE] >= EQUAL]
    comparisons: dict[str, Any] = {}
    for c, (name, levels) in enumerate(LEVELS.items()):
        u = _norm([sum(1 for v in others if v[c] == k) + 1 for k in range(len(levels))])
        if c == _VALUE:
            # the same fact stated rightly (counted) or wrongly (the planted errors), mixed by how
            # often a fact is misstated
            ok = _norm([sum(1 for v in right if v[c] == k) + 1 for k in range(len(levels))])
            bad = _norm([sum(1 for v in planted if v[c] == k) + 1 for k in range(len(levels))])
            m = _norm([(1 - wrong) * x + wrong * y for x, y in zip(ok, bad, strict=True)])
        elif c == _ECHO:
            # echo only speaks when the values disagree: it is weighed given that, and its level
            # for agreeing values carries no weight (the value comparison has counted it already)
            both_ways = [*others, *flips]
            m = [1.0, *_norm([sum(1 for v in planted if v[c] == k) + 1 for k in range(1, len(levels))])]
            u = [1.0, *_norm([sum(1 for v in both_ways if v[c] == k) + 1 for k in range(1, len(levels))])]
        else:
            m = _norm([sum(1 for v in matches if v[c] == k) + 1 for k in range(len(levels))])
            m = _unseen(m, u, [sum(1 for v in others if v[c] == k) for k in range(len(levels))])
        comparisons[name] = {"levels": list(levels), "m": m, "u": u}
    return {
        "about": "factcheck same-fact linkage weights: m = P(level | same fact), u = P(level | different facts); "
                 "written by python -m factcheck.link.fit",
        "prior": (len(matches) + 1) / (len(pairs) + 2),  # never 0 or 1, whatever the key
        "misstated": round(wrong, 4),
        "pairs": {"matches": len(matches), "all": len(others), "planted": len(planted)},
        "comparisons": comparisons,
    }


#: A level seen in fewer candidate pairs than this says nothing either way: its weight is 0.
SEEN = 5


def _unseen(m: Sequence[float], u: Sequence[float], seen: Sequence[int]) -> list[float]:
    """``m`` with each level seen in fewer than :data:`SEEN` pairs set to its ``u`` (and the rest
    scaled to make up the difference). Add-one smoothing over 300 matches and 10,000 pairs gives a
    level never seen at all a weight of log2(10,000 / 300), five bits of evidence from no evidence."""
    rare = [k for k, n in enumerate(seen) if n < SEEN]
    if not rare or len(rare) == len(m):
        return list(m)
    out = list(m)
    free = 1 - sum(u[k] for k in rare)
    kept = sum(m[k] for k in range(len(m)) if k not in rare)
    for k in range(len(m)):
        out[k] = u[k] if k in rare else round(m[k] * free / kept, 6)
    return out


def _norm(counts: Sequence[float]) -> list[float]:
    total = sum(counts)
    return [round(x / total, 6) for x in counts]


def pool(per_story: dict[str, Labelled], leave: str | None = None) -> Labelled:
    """Every story's pairs, planted errors and flipped pairs together, but for story ``leave``."""
    kept = [v for k, v in per_story.items() if k != leave]
    return ([p for pairs, _, _ in kept for p in pairs], [p for _, planted, _ in kept for p in planted],
            [p for _, _, flips in kept for p in flips])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.link.fit", description=__doc__.split("\n\n")[0])
    ap.add_argument("events", type=pathlib.Path)
    ap.add_argument("-o", "--output", type=pathlib.Path)
    ap.add_argument("--cv", action="store_true", help="leave-one-story-out report")
    args = ap.parse_args(argv)
    folders = sorted(p for p in args.events.iterdir() if (p / "facts.json").exists())
    if not folders:
        print(f"no story with a facts.json under {args.events}", file=sys.stderr)
        return 2
    per_story = {f.name: labelled_pairs(f) for f in folders}
    data = fit(*pool(per_story))
    data["stories"] = sorted(per_story)
    print(json.dumps({"pairs": data["pairs"], "prior": round(data["prior"], 4)}))
    for name, entry in data["comparisons"].items():
        rows = zip(entry["levels"], entry["m"], entry["u"], strict=True)
        bits = [f"{lvl}={math.log2(m / u):+.1f}" for lvl, m, u in rows]
        print(f"  {name:10s} " + "  ".join(bits))
    if args.cv:
        print("each story held out in turn (its pairs scored by weights fitted without it):")
        pooled = [(Weights.from_dict(fit(*pool(per_story, leave=name))), per_story[name][0]) for name in per_story]
        for cut in (0.5, 0.8, 0.9, 0.97):
            for label, skip in (("all", ()), ("context", _VALUES)):
                tp = fp = fn = 0
                for w, pairs in pooled:
                    for levels, same in pairs:
                        yes = probability(w.weight(levels, skip)) >= cut
                        tp += yes and same
                        fp += yes and not same
                        fn += same and not yes
                print(f"  {label:8s} p>={cut}: precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}"
                      f" ({tp} right, {fp} wrong)")
    if args.output:
        args.output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["fit", "labelled_pairs", "main", "pool"]
