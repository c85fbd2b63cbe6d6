"""Bounds a figure cannot pass: a part of a whole is at most all of it.

A share of a market or of a vote, a stake, turnout, a margin, the unemployment rate: each is a
part of a whole, and as a percentage it cannot be more than 100. A figure that is has been
mistyped or has slipped a digit ("turnout of 599%", "a 340% vote share"): it is wrong on its own,
whatever any other source says. Which words make a percentage a part, and which wholes a
percentage may exceed ("120% of GDP", "150% of capacity", "a 120% premium"), are data
(``data/wholes.toml``, documented in its header).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import attrs

from factcheck.facts import Fact
from factcheck.group import Context
from factcheck.link.profile import Profile, context_profiles


@attrs.frozen
class Wholes:
    """The phrases that name a part of a whole, and the wholes a percentage may exceed."""

    parts: tuple[str, ...]
    beyond: tuple[str, ...]

    def names_part(self, words: str) -> str | None:
        """The first phrase of ``parts`` in ``words`` (lower case, one space between words)."""
        padded = f" {words} "
        return next((p for p in self.parts if f" {p} " in padded), None)

    def exceedable(self, words: str) -> bool:
        """Do ``words`` name a whole that a percentage may exceed ("of GDP", "premium")?"""
        padded = f" {words} "
        return any(f" {w} " in padded for w in self.beyond)


@functools.cache
def wholes() -> Wholes:
    """The shipped word lists (``data/wholes.toml``)."""
    text = resources.files("factcheck.link").joinpath("data/wholes.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Wholes(tuple(data["parts"]), tuple(data["beyond"]))


def over_whole(fact: Fact, profile: Profile) -> str | None:
    """The phrase that makes ``fact`` a part of a whole, when it is a percentage level that its
    precision and hedges keep above 100; None otherwise.

    >>> from factcheck.pipeline import parse_document
    >>> from factcheck.facts import document_facts, extract_document
    >>> from factcheck.link.profile import profiles
    >>> doc = parse_document("Turnout was 599%. Debt is 120% of GDP. Its market share rose 150%.")
    >>> facts = document_facts(doc, extract_document(doc))
    >>> [over_whole(f, p) for f, p in zip(facts, profiles(facts))]
    ['turnout', None, None]
    """
    q = fact.q
    if q.unit != "percent" or q.kind != "level" or q.interval is None:
        return None
    low = q.interval.low
    if low is None or low <= 100:
        return None
    found = wholes()
    part = found.names_part(profile.near)
    if part is None or found.exceedable(profile.near):
        return None
    return part


def context_over_whole(ctx: Context) -> dict[int, str]:
    """The figures of ``ctx.facts`` that are a part of a whole above 100% (index -> the phrase
    that makes them one), found once per context: FC201 and FC306 both ask."""
    def find() -> dict[int, str]:
        found = context_profiles(ctx)
        return {i: part for i, f in enumerate(ctx.facts) if (part := over_whole(f, found[i]))}
    return ctx.memo("_over_whole", find)
