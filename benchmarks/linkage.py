"""How well the checker's same-fact decisions carry over: conflicts found, false alarms and planted
slips, per rule, on labelled multi-source stories, with each story scored by linkage weights
fitted without it (leave one story out).

The stories are folders in the format of the project's shared development events: the sources as
Markdown with front matter and a ``facts.json`` key. Nothing from them is stored in the project.

Usage::

    python benchmarks/linkage.py EVENTS_DIR                 # conflicts, false alarms, slips
    python benchmarks/linkage.py EVENTS_DIR --in-sample     # with the shipped weights instead
    python benchmarks/linkage.py EVENTS_DIR --sweep         # FC201 at several probability cuts

Scoring follows the shared scorers: a finding counts for a claim when its facts touch two or more
of the claim's quoted spans; a conflict claim is found when a conflict finding touches it; a
consistent (or near-miss) claim touched by one is a false alarm. A planted slip (the claim's first
quoted number times ten, or plus 20%, in one source) is found when a conflict finding holds the
changed figure and another source's statement of the claim.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from factcheck.documents import parse_document, read_document
from factcheck.facts import extract_document
from factcheck.findings import Finding
from factcheck.group import build_context
from factcheck.link import fit as fitting
from factcheck.link import weights as weights_module
from factcheck.model import Document, Quantity
from factcheck.rules import all_rules
from factcheck.rules.FC201 import ValueMismatch

CONSISTENT = {"consistent", "consistent-by-rounding", "consistent-after-fx"}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@attrs.frozen
class Story:
    name: str
    docs: tuple[Document, ...]
    quantities: tuple[tuple[Quantity, ...], ...]
    key: dict[str, Any] = attrs.field(eq=False)


def load(folder: pathlib.Path) -> Story:
    paths = sorted(p for p in folder.glob("*.md") if p.name not in ("facts.md", "README.md"))
    docs = tuple(read_document(p) for p in paths)
    return Story(folder.name, docs, tuple(tuple(extract_document(d)) for d in docs),
                 json.loads((folder / "facts.json").read_text(encoding="utf-8")))


def findings(story: Story, docs: Sequence[Document] | None = None,
             quantities: Sequence[Sequence[Quantity]] | None = None) -> list[Finding]:
    ctx = build_context(list(docs or story.docs), [list(q) for q in (quantities or story.quantities)])
    rules = [ValueMismatch(WEIGHTS[0]) if rule.code == "FC201" else rule for rule in all_rules()]
    return [f for rule in rules for f in rule.check(ctx)]


#: the weights FC201 scores with: fitted without the story at hand, or the shipped ones
WEIGHTS: list[weights_module.Weights | None] = [None]


def _spans(claim: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for loc in claim["locations"]:
        out[loc["file"]] += [tuple(s) for s in loc["spans"]]  # type: ignore[misc]
    return out


def _touches(finding: Finding, spans: dict[str, list[tuple[int, int]]]) -> int:
    hit = set()
    for fact in finding.facts:
        name = pathlib.Path(fact.doc).name
        for s in spans.get(name, []):
            if s[0] < fact.q.end and fact.q.start < s[1]:
                hit.add((name, s))
    return len(hit)


def score_story(story: Story, found: Iterable[Finding], tally: dict[str, Any], cut: float = 0.0) -> None:
    conflicts = [f for f in found if f.is_conflict and f.computed.get("probability", 1) >= cut]
    labelled = set()
    for claim in story.key["claims"]:
        spans = _spans(claim)
        if sum(len(v) for v in spans.values()) < 2:
            continue
        touching = [i for i, f in enumerate(conflicts) if _touches(f, spans) >= 2]
        labelled.update(touching)
        if claim["verdict"] == "conflict":
            if not claim["numeric"]:
                continue
            tally["conflicts"] += 1
            if touching:
                tally["found"] += 1
                tally["by_rule_right"][conflicts[touching[0]].code] += 1
            else:
                tally["missed"].append(f"{story.name} #{claim['row']} {claim['metric']}")
        else:
            tally["agreed"] += 1
            if touching:
                tally["alarms"] += 1
                f = conflicts[touching[0]]
                tally["by_rule_wrong"][f.code] += 1
                tally["false"].append(f"{story.name} #{claim['row']} ({claim['verdict']}): {f.code} {f.message[:140]}")
    for i, f in enumerate(conflicts):
        if i not in labelled:
            tally["by_rule_unlabelled"][f.code] += 1
            tally["unlabelled"].append(f"{story.name}: {f.code} [{f.severity}] {f.message[:160]}")


def _mutate(token: str, kind: str) -> str:
    v = Decimal(token.replace(",", ""))
    decimals = len(token.split(".")[1]) if "." in token else 0

    def fmt(d: Decimal) -> str:
        return f"{d:,.{decimals}f}" if "," in token else f"{d:.{decimals}f}"

    if kind == "x10":
        return fmt(v * 10)
    new = fmt(v * Decimal("1.2"))
    return new if new != token else fmt(v + 1)


def mutations(story: Story, tallies: dict[float, dict[str, Any]]) -> None:
    by_name = {pathlib.Path(d.path).name: i for i, d in enumerate(story.docs)}
    for claim in story.key["claims"]:
        if claim["verdict"] not in CONSISTENT:
            continue
        locs = [(loc["file"], tuple(s)) for loc in claim["locations"] for s in loc["spans"]]
        if len({f for f, _ in locs}) < 2:
            continue
        name, span = locs[0]
        doc = story.docs[by_name[name]]
        m = NUMBER.search(doc.text, span[0], span[1])
        if not m or re.fullmatch(r"(19|20)\d\d", m.group()) or "date" in claim["metric"].lower():
            continue
        others = [(g, s) for g, s in locs if g != name]
        for kind in ("x10", "+20%"):
            new = _mutate(m.group(), kind)
            text = doc.text[: m.start()] + new + doc.text[m.end():]
            changed = parse_document(text, doc.path)
            docs = list(story.docs)
            quantities = list(story.quantities)
            docs[by_name[name]] = changed
            quantities[by_name[name]] = tuple(extract_document(changed))
            span_new = (m.start(), m.start() + len(new))
            found = findings(story, docs, quantities)
            for cut, tally in tallies.items():
                hit = None
                for f in found:
                    if not f.is_conflict or f.computed.get("probability", 1) < cut:
                        continue
                    facts = [(pathlib.Path(x.doc).name, (x.q.start, x.q.end)) for x in f.facts]
                    mine = any(n == name and s[0] < span_new[1] and span_new[0] < s[1] for n, s in facts)
                    other = any(n == g and s[0] < gs[1] and gs[0] < s[1] for n, s in facts for g, gs in others)
                    if mine and other:
                        hit = f
                        break
                tally[kind][1] += 1
                if hit:
                    tally[kind][0] += 1
                    tally["slip_rules"][hit.code] += 1
                else:
                    tally["slip_missed"].append(f"{kind} {story.name} #{claim['row']} {m.group()}->{new} in {name}")


def new_tally() -> dict[str, Any]:
    return {"conflicts": 0, "found": 0, "agreed": 0, "alarms": 0, "x10": [0, 0], "+20%": [0, 0],
            "missed": [], "false": [], "unlabelled": [], "slip_missed": [],
            "by_rule_right": defaultdict(int), "by_rule_wrong": defaultdict(int),
            "by_rule_unlabelled": defaultdict(int), "slip_rules": defaultdict(int)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("events", type=pathlib.Path)
    ap.add_argument("--in-sample", action="store_true", help="score with the shipped weights")
    ap.add_argument("--no-mutations", action="store_true")
    ap.add_argument("--sweep", type=float, nargs="*",
                    help="FC201 reported as conflicts from each of these probabilities")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    import factcheck.rules.FC201 as fc201  # the module, to move its cuts for a sweep

    cuts = args.sweep or [0.0]
    if args.sweep:
        fc201.CERTAIN = 0.0
        fc201.WORTH_A_LOOK = min(cuts)
    folders = sorted(p for p in args.events.iterdir() if (p / "facts.json").exists())
    stories = [load(f) for f in folders]
    per_story = {f.name: fitting.labelled_pairs(f) for f in folders} if not args.in_sample else {}
    tallies = {cut: new_tally() for cut in cuts}
    for story in stories:
        if not args.in_sample:
            WEIGHTS[0] = weights_module.Weights.from_dict(fitting.fit(*fitting.pool(per_story, leave=story.name)))
        found = findings(story)
        for cut, tally in tallies.items():
            score_story(story, found, tally, cut)
        if not args.no_mutations:
            mutations(story, tallies)
    for cut, tally in tallies.items():
        recall = tally["found"] / max(1, tally["conflicts"])
        alarms = tally["alarms"] / max(1, tally["agreed"])
        summary = {
            "cut": cut, "weights": "shipped" if args.in_sample else "leave-one-story-out",
            "conflicts_found": f"{tally['found']}/{tally['conflicts']}", "recall": round(recall, 3),
            "false_alarms": f"{tally['alarms']}/{tally['agreed']}", "false_alarm_rate": round(alarms, 3),
            "unlabelled_findings": len(tally["unlabelled"]),
            "x10": "/".join(map(str, tally["x10"])), "plus20": "/".join(map(str, tally["+20%"])),
            "right_by_rule": dict(tally["by_rule_right"]), "wrong_by_rule": dict(tally["by_rule_wrong"]),
            "unlabelled_by_rule": dict(tally["by_rule_unlabelled"]),
            "slips_by_rule": dict(tally["slip_rules"]),
        }
        if args.verbose:
            for key in ("missed", "false", "unlabelled", "slip_missed"):
                for line in tally[key]:
                    print(f"{key}: {line}")
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
