"""The linkage model's weights: for each comparison level, how much more often it is seen in pairs
that state the same fact (m) than in pairs that do not (u), as in Fellegi-Sunter record linkage.

The numbers live in ``data/weights.json``, written by :mod:`factcheck.link.fit` from labelled
stories; this module only reads them and adds them up. A pair's match weight is
``log2(prior / (1 - prior)) + sum(log2(m / u))`` over its levels, and its probability is
``2**w / (1 + 2**w)``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Collection, Sequence
from importlib import resources
from typing import Any

import attrs

from factcheck.link.compare import LEVELS


@attrs.frozen
class Weights:
    """Per-comparison, per-level log2(m/u), and the prior log-odds of a match."""

    prior: float
    table: tuple[tuple[float, ...], ...]  # [comparison][level], comparisons in the order of LEVELS
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Weights:
        table = []
        for name, levels in LEVELS.items():
            entry = data["comparisons"][name]
            if tuple(entry["levels"]) != levels:
                raise ValueError(f"weights for {name!r} have levels {entry['levels']}, expected {list(levels)}")
            table.append(tuple(math.log2(m / u) for m, u in zip(entry["m"], entry["u"], strict=True)))
        prior = float(data["prior"])
        return cls(math.log2(prior / (1 - prior)), tuple(table), data)

    @classmethod
    def neutral(cls) -> Weights:
        """Every level weighs nothing: for fitting, where the weights are not known yet."""
        return cls(0.0, tuple(tuple(0.0 for _ in levels) for levels in LEVELS.values()))

    def weight(self, levels: Sequence[int], skip: Collection[int] = ()) -> float:
        """The match weight of a comparison vector (in bits), leaving out the comparisons ``skip``."""
        rows = enumerate(zip(self.table, levels, strict=True))
        return self.prior + sum(row[k] for i, (row, k) in rows if i not in skip)

    def probability(self, levels: Sequence[int], skip: Collection[int] = ()) -> float:
        return probability(self.weight(levels, skip))

    def contributions(self, levels: Sequence[int]) -> list[tuple[str, str, float]]:
        """Each comparison's name, level and weight, strongest evidence first: what a finding shows."""
        named = zip(LEVELS, self.table, levels, strict=True)
        out = [(name, LEVELS[name][k], row[k]) for name, row, k in named]
        return sorted(out, key=lambda item: -abs(item[2]))


def probability(weight: float) -> float:
    """The probability of a match weight in bits."""
    if weight > 60:
        return 1.0
    odds: float = 2.0**weight
    return odds / (1 + odds)


@functools.cache
def default_weights() -> Weights:
    """The weights shipped in ``data/weights.json``."""
    text = resources.files("factcheck.link").joinpath("data/weights.json").read_text(encoding="utf-8")
    return Weights.from_dict(json.loads(text))
