"""Entity resolution: decide which company, club or institution names written in different sources
mean the same thing, and give each one a stable id.

The work is done, in order of trust, by

1. :func:`normalize`, which removes what never distinguishes two entities: case, Unicode variants,
   possessives, a leading "the" and trailing legal or generic words ("Alibaba Group Holding Ltd" and
   "Alibaba's" both become ``alibaba``);
2. an :class:`AliasTable` of tickers, local-script names and former names ("BABA", "9988.HK",
   "阿里巴巴", "Pinduoduo"), which no string metric could find;
3. a fuzzy stage that only catches typos and transliteration slips: ``fuzz.ratio`` at a conservative
   cutoff, inside small blocks of candidates, never across the whole set.

Names whose normalised forms hold the same tokens in another order are also merged (a
``token_sort_ratio`` of 100). The fuzzy stage never joins a name to a strict token superset of itself
("Alibaba Cloud" is not "Alibaba"), nor names whose numbers differ ("Vision Fund 1", "Vision Fund 2"),
and it builds stars, not chains: every name it attaches is within the cutoff of the best-attested
spelling of its cluster. Plain single-linkage over all pairs above the cutoff lets typos bridge
different entities; on the synthetic million names of ``benchmarks/entities.py`` it collapsed them into
one giant component.

Clusters are the connected components of all these links (a union-find), so the result does not depend
on the order of the input. ``token_set_ratio``, ``partial_ratio`` and ``WRatio`` are deliberately not
used: they score 100 or 90 for "Tencent" against "Tencent Music", a different company.
"""

from __future__ import annotations

import logging
import os
import re
import types
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources

import attrs
import numpy as np
from rapidfuzz import fuzz, process

from factcheck.errors import ConfigError, UsageError

__all__ = ["AliasTable", "EntityResolver", "normalize", "same_entity"]

_log = logging.getLogger(__name__)

#: Trailing words that name a legal form or a corporate wrapper, not the entity itself. They are
#: dropped repeatedly from the end of a name, so "Group Holding Ltd" goes in three steps.
# fmt: off
_LEGAL_TOKENS = frozenset({
    "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "cos", "company",
    "group", "grp", "holding", "holdings", "plc", "llc", "llp", "lp",
    "sa", "sas", "sarl", "srl", "spa", "ag", "se", "nv", "bv", "gmbh", "kgaa", "ab", "asa", "oyj", "kk",
    "pte", "pty", "bhd", "tbk",
    # descriptive tails that newsrooms drop as freely as the legal ones ("Dell Technologies" is "Dell")
    "industries", "technologies", "technology", "enterprises",
})
# fmt: on

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u201b\u02bc\u0060\u00b4\u2032\uff07", "'"))
_POSSESSIVE = re.compile(
    r"""(?<=[^\W_])'s\b       # Alibaba's -> Alibaba
      | (?<=[^\W_]\.)'s\b    # Ltd.'s -> Ltd.
      | (?<=s)'(?!\w)         # the Gunners' -> the Gunners
    """,
    re.VERBOSE,
)
# initials written with dots, "S.p.A.", "N.V.", "U.K.", "J.P.", read as one token
_DOTTED = re.compile(r"(?<!\w)(?:\w\.)+\w(?!\w)\.?")
# the underscore is a word character to `re`, but never part of a name
_NON_WORD = re.compile(r"[\W_]+")
_ACCENTS = re.compile("[\u0300-\u036f]+")  # the combining diacritical marks of Latin, Greek and Cyrillic


def normalize(name: str) -> str:
    """Reduce a name to the form in which two spellings of one entity compare equal.

    NFKC, casefold, accents dropped ("Sánchez" is ``sanchez``), curly quotes to straight, dotted
    initials joined ("S.p.A." is ``spa``), drop possessives (``'s``, ``’s``, a trailing ``s'``),
    split on non-word characters, repeatedly drop trailing legal or generic tokens (inc, ltd,
    limited, corp, co, company, group, holding(s), plc, sa, ag, nv, se, llc, gmbh, spa and
    similar), drop a leading "the", always keeping at least one token. Text without any word
    character gives ``""``.

    >>> normalize("Alibaba Group Holding Ltd.")
    'alibaba'
    >>> normalize("Alibaba’s")
    'alibaba'
    >>> normalize("The Gunners'")
    'gunners'
    >>> normalize("Tencent Music Entertainment Group")
    'tencent music entertainment'
    """
    text = name if name.isascii() else unicodedata.normalize("NFKC", name)
    text = text.casefold().translate(_APOSTROPHES)
    if not text.isascii():
        # copy drops accents ("Sanchez" for "Sánchez", "Nestle" for "Nestlé"): a Latin, Greek or
        # Cyrillic letter with or without its accent is one spelling. Only those combining marks
        # go; a kana's voicing mark (ガ) or a Hangul syllable's parts are letters of their own.
        # Recomposing afterwards also keeps normalising twice a no-op, which the alias table needs
        # (casefold can undo NFKC composition: "ǰ" folds to j + combining caron).
        text = unicodedata.normalize("NFKC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    text = _POSSESSIVE.sub("", text)
    tokens = [t for t in _NON_WORD.split(text) if t]
    if not tokens:
        # NFKC can turn a letter into a bare combining mark (halfwidth "ﾞ"); fall back to the raw words
        tokens = [t for t in _NON_WORD.split(name.casefold()) if t]
    while len(tokens) > 1 and tokens[-1] in _LEGAL_TOKENS:
        tokens.pop()
    if len(tokens) > 1 and tokens[0] == "the":
        del tokens[0]
    return " ".join(tokens)


# --- aliases -------------------------------------------------------------------------------------

_IN_MEMORY = "<aliases>"


def _normalized_keys(pairs: Iterable[tuple[str, str]], source: str) -> dict[str, str]:
    """Normalise alias keys, refusing two spellings of one alias that point at different entities."""
    out: dict[str, str] = {}
    for alias, canonical in pairs:
        key = normalize(alias)
        if not key or not normalize(canonical):
            raise ConfigError(source, f"alias {alias!r} -> {canonical!r}: both sides need a word character")
        if out.get(key, canonical) != canonical:
            raise ConfigError(source, f"alias {alias!r} maps to both {out[key]!r} and {canonical!r}")
        out[key] = canonical
    return out


def _close(mapping: Mapping[str, str]) -> types.MappingProxyType[str, str]:
    """Normalise keys, make every canonical name an alias of itself, and follow alias chains.

    After this, ``mapping[normalize(c)] == c`` for every canonical ``c``: resolving an id again gives the
    same id. A canonical name that is itself an alias of another ("Google" -> "Alphabet" in a user's
    extension) resolves to the end of the chain.
    """
    out = _normalized_keys(mapping.items(), _IN_MEMORY)
    # sorted, so that two canonicals that normalise alike resolve the same way whatever the file order
    for canonical in sorted(set(out.values())):
        out.setdefault(normalize(canonical), canonical)
    for key, canonical in out.items():
        seen = {canonical}
        target = out[normalize(canonical)]
        while target != canonical:
            if target in seen:
                raise ConfigError(_IN_MEMORY, f"aliases form a cycle through {sorted(seen)!r}")
            seen.add(target)
            canonical, target = target, out[normalize(target)]
        out[key] = canonical
    return types.MappingProxyType(out)


@attrs.frozen
class AliasTable:
    """Known other names of entities: normalised alias -> canonical display name.

    Keys are normalised on construction, so ``AliasTable({"9988.HK": "Alibaba"})`` works. Every canonical
    name is also an alias of itself.
    """

    mapping: Mapping[str, str] = attrs.field(converter=_close)

    @classmethod
    def default(cls) -> AliasTable:
        """The table shipped in ``factcheck/data/aliases.tsv``."""
        return _default_table()

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> AliasTable:
        """Read a UTF-8 file of ``alias<TAB>canonical`` lines; ``#`` starts a comment line.

        Raises:
            ConfigError: a line without exactly one tab, or one alias given two canonical names.
        """
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(os.fspath(path), f"cannot read alias table: {exc}") from None
        return cls._parse(text, os.fspath(path))

    @classmethod
    def _parse(cls, text: str, source: str) -> AliasTable:
        seen: dict[str, tuple[str, int]] = {}
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
                raise ConfigError(source, "expected 'alias<TAB>canonical'", line=lineno)
            alias, canonical = fields[0].strip(), fields[1].strip()
            key = normalize(alias)
            if not key or not normalize(canonical):
                raise ConfigError(source, f"{alias!r} -> {canonical!r}: both sides need a word character", lineno)
            earlier = seen.get(key)
            if earlier is not None and earlier[0] != canonical:
                problem = f"alias {alias!r} maps to {canonical!r} here but to {earlier[0]!r} on line {earlier[1]}"
                raise ConfigError(source, problem, line=lineno)
            seen[key] = (canonical, lineno)
        try:
            return cls({key: canonical for key, (canonical, _) in seen.items()})
        except ConfigError as exc:
            raise ConfigError(source, exc.problem) from None

    def extend(self, extra: Mapping[str, str]) -> AliasTable:
        """A new table with ``extra`` added; where both name an alias, ``extra`` wins."""
        merged = dict(self.mapping)
        merged.update(_normalized_keys(extra.items(), _IN_MEMORY))
        return AliasTable(merged)

    def canonical(self, name: str) -> str | None:
        """The canonical display name for ``name``, or ``None`` when the table does not know it."""
        return self.mapping.get(normalize(name))


@cache
def _default_table() -> AliasTable:
    text = resources.files("factcheck").joinpath("data/aliases.tsv").read_text(encoding="utf-8")
    return AliasTable._parse(text, "factcheck/data/aliases.tsv")


# --- fuzzy stage ---------------------------------------------------------------------------------

#: Short names differ by one letter as often as not: below this length a fuzzy match must be near-exact.
SHORT_NAME = 8
SHORT_CUTOFF = 96

# below this many cells cdist's thread pool costs more than it saves (~110 µs against ~3 µs per call)
_PARALLEL_CELLS = 200_000


def _min_fuzzy_length(cutoff: float) -> int | None:
    """Shortest normalised form that can reach ``cutoff`` against a *different* string.

    The closest different string is one insertion away, scoring ``100 * (1 - 1 / (2L + 1))``; tickers
    and other short names therefore never take part, and are left to the alias table.
    """
    for length in range(1, 1000):
        if 100 * (1 - 1 / (2 * length + 1)) >= cutoff:
            return length
    return None


def _block_keys(norm: str) -> list[str]:
    """Keys of the fuzzy blocks a normalised name joins.

    The first four characters, and the last four, so that a typo near the start ("Allibaba") still meets
    its correct spelling. A name shorter than eight characters also joins the block of its first two and
    last two characters: for those, one inserted or dropped letter in the middle changes both other keys.
    """
    keys = ["^" + norm[:4], "$" + norm[-4:]]
    if len(norm) < 8:
        keys.append("~" + norm[:2] + norm[-2:])
    return keys


def _windows(members: list[int], norms: list[str], max_block: int) -> Iterator[tuple[list[int], list[int]]]:
    """Split a block into (queries, choices) pairs no bigger than ``max_block`` on either side.

    A small block is scored against itself. A big one is sorted by length, then text, and cut into
    windows of half the cap; each window is scored against itself and the next one, so a name is
    compared with its neighbours of similar length (names scoring 90 differ in length by at most 20%)
    and never with the whole block. Queries are always the first ``len(queries)`` choices.
    """
    if len(members) <= max_block:
        yield members, members
        return
    members = sorted(members, key=lambda i: (len(norms[i]), norms[i]))
    half = max(1, max_block // 2)
    _log.debug("sub-blocking %d names starting %r into windows of %d", len(members), norms[members[0]], half)
    for start in range(0, len(members), half):
        yield members[start : start + half], members[start : start + 2 * half]


def _compatible(a: str, b: str, cutoff: float) -> bool:
    """Whether a fuzzy match between two normalised names may stand.

    The tokens the names share are set aside and what remains on each side must itself reach ``cutoff``:
    a long shared word otherwise carries "micron technology" and "macron technology" (94) over the line. This
    also refuses a strict token superset (a sub-entity: "alibaba cloud" against "alibaba") and any
    difference in the tokens that hold digits (fund numbers, years, share classes).
    """
    ta, tb = a.split(), b.split()
    if sorted(t for t in ta if not t.isalpha()) != sorted(t for t in tb if not t.isalpha()):
        return False
    if min(len(a), len(b)) <= SHORT_NAME and fuzz.ratio(a, b) < SHORT_CUTOFF:
        return False  # "dexor" and "dextor" are two companies far more often than one typo
    rest_b = list(tb)
    rest_a = []
    for token in ta:
        if token in rest_b:
            rest_b.remove(token)
        else:
            rest_a.append(token)
    if not rest_a or not rest_b:
        return not rest_a and not rest_b
    if len(rest_a) == len(ta) and len(rest_b) == len(tb):
        return True
    return fuzz.ratio(" ".join(rest_a), " ".join(rest_b)) >= cutoff


def _fuzzy_links(
    norms: list[str], order: list[int], rank: list[int], known: list[bool], cutoff: float, max_block: int
) -> Iterator[tuple[int, int]]:
    """Fuzzy links between nodes, each from a node up to the centre of a higher-ranked neighbour.

    Linking every pair above the cutoff lets typos bridge real entities: "dexfma" is one letter from both
    "dexfama" and "dexfima". So links only go upward, to nodes that rank higher (known to the alias table,
    then more frequent, shorter, alphabetically first), and every node must itself reach the cutoff against
    the centre (top-ranked node) of the group it joins: a node tries its neighbours from the best score
    down and takes the first whose centre it matches. Clusters are therefore stars of radius one round a
    well-attested spelling. Two names the alias table knows are never joined by a score.

    Because a cluster's id is its top-ranked node and any node with a centre among its neighbours links to
    something, no two ids are ever neighbours, which is what makes resolving the ids again a no-op.
    """
    min_length = _min_fuzzy_length(cutoff)
    if min_length is None:
        return
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for node, norm in enumerate(norms):
        if len(norm) >= min_length:
            for key in _block_keys(norm):
                blocks[key].append(node)
    # lower node -> (score, -rank of higher node, higher node) for every neighbour above it
    candidates: defaultdict[int, set[tuple[int, int, int]]] = defaultdict(set)
    for members in blocks.values():
        if len(members) < 2:
            continue
        for queries, choices in _windows(members, norms, max_block):
            cells = len(queries) * len(choices)
            matrix = process.cdist(
                [norms[i] for i in queries],
                [norms[i] for i in choices],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
                workers=-1 if cells >= _PARALLEL_CELLS else 1,
            )
            rows, cols = np.nonzero(np.triu(matrix, 1))
            scores = matrix[rows, cols].tolist()
            for r, c, score in zip(rows.tolist(), cols.tolist(), scores, strict=True):
                low, high = queries[r], choices[c]
                if rank[low] < rank[high]:
                    low, high = high, low
                if not (known[low] and known[high]):
                    candidates[low].add((score, -rank[high], high))

    centre: dict[int, int] = {}
    for node in order:  # from the top rank down, so every higher node's centre is already settled
        options = candidates.get(node)
        if not options:
            continue
        norm = norms[node]
        for _, _, high in sorted(options, reverse=True):
            top = centre.get(high, high)
            if not _compatible(norm, norms[high], cutoff):
                continue
            # known nodes rank first and never link to each other, so a node here is never known itself
            if top != high and (fuzz.ratio(norm, norms[top]) < cutoff or not _compatible(norm, norms[top], cutoff)):
                continue
            centre[node] = top
            yield node, top
            break


class _UnionFind:
    """Disjoint sets over ``range(n)``; the smaller index becomes the root, with path halving."""

    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            # path halving: each step points a node at its grandparent, so later finds are short
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb

    def union_all(self, groups: Iterable[list[int]]) -> None:
        for group in groups:
            for other in group[1:]:
                self.union(group[0], other)


# --- the resolver --------------------------------------------------------------------------------


def _alias_table(value: AliasTable | None) -> AliasTable:
    return AliasTable.default() if value is None else value


def _check_cutoff(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0 < value <= 100:
        raise UsageError(f"cutoff must be in (0, 100], got {value!r}")


def _check_max_block(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 2:
        raise UsageError(f"max_block must be at least 2, got {value!r}")


@attrs.frozen
class EntityResolver:
    """Group names that mean the same entity and give each group a stable id.

    Args:
        aliases: the alias table; ``None`` loads :meth:`AliasTable.default`.
        cutoff: the ``fuzz.ratio`` score (0-100) at which two normalised names count as one. 90 lets one
            dropped or added letter through in a name of five letters or more, and one wrong letter in a
            name of ten; raise it to be stricter, 100 turns fuzzy matching off.
        max_block: the largest set of names scored against each other at once. Bigger blocks are cut
            into windows of similar length, which bounds time and memory (a uint8 matrix of at most
            ``max_block`` squared bytes) at the price of missing a few far-apart pairs.
    """

    aliases: AliasTable = attrs.field(default=None, converter=_alias_table)
    cutoff: float = attrs.field(default=90.0, kw_only=True, validator=_check_cutoff)
    max_block: int = attrs.field(default=5000, kw_only=True, validator=_check_max_block)

    def resolve(self, names: Iterable[str]) -> dict[str, str]:
        """Map every input name (as given) to the id of its entity.

        The id is the canonical name from the alias table when any member of the cluster is in it;
        otherwise the shortest, then alphabetically first, original spelling among the cluster's most
        frequent normalised form. Names without a word character map to themselves. Shuffling the input
        gives the same mapping, and resolving the ids again maps each id to itself (as long as no block
        of candidates outgrew ``max_block``: windows over a smaller set can hold other neighbours).

        A legal form or a ticker in the alias table joins the entity; a near-spelling does not (a
        letter apart is as often another company as a typo), nor does a division:

        >>> ids = EntityResolver().resolve(["Alibaba Group Holding Ltd", "BABA", "Allibaba", "Alibaba Cloud"])
        >>> ids["Alibaba Group Holding Ltd"], ids["BABA"], ids["Allibaba"], ids["Alibaba Cloud"]
        ('Alibaba', 'Alibaba', 'Allibaba', 'Alibaba Cloud')
        """
        aliases = self.aliases.mapping
        result: dict[str, str] = {}
        # one node per distinct normalised form; everything below works on nodes, not raw names
        node_of: dict[str, int] = {}
        norms: list[str] = []
        weight: list[int] = []
        spellings: list[list[str]] = []
        raw_node: dict[str, int] = {}
        for raw, count in Counter(names).items():
            norm = normalize(raw)
            if not norm:
                result[raw] = raw
                continue
            node = node_of.get(norm)
            if node is None:
                node = node_of[norm] = len(norms)
                norms.append(norm)
                weight.append(0)
                spellings.append([])
            weight[node] += count
            spellings[node].append(raw)
            raw_node[raw] = node
        # A canonical name joins as a node without spellings, so that a typo of it ("Allibaba") meets the
        # cluster even when the input only said "BABA"; otherwise resolving the ids again could merge them.
        for canonical in {aliases[norm] for norm in norms if norm in aliases}:
            norm = normalize(canonical)
            if norm not in node_of:
                node_of[norm] = len(norms)
                norms.append(norm)
                weight.append(0)
                spellings.append([])

        known = [norm in aliases for norm in norms]
        order = sorted(range(len(norms)), key=lambda i: (not known[i], -weight[i], len(norms[i]), norms[i]))
        rank = [0] * len(norms)
        for position, node in enumerate(order):
            rank[node] = position

        sets = _UnionFind(len(norms))
        by_alias: defaultdict[str, list[int]] = defaultdict(list)
        by_tokens: defaultdict[str, list[int]] = defaultdict(list)
        for node, norm in enumerate(norms):
            if known[node]:
                by_alias[aliases[norm]].append(node)
            if " " in norm:
                by_tokens[" ".join(sorted(norm.split()))].append(node)
        sets.union_all(by_alias.values())
        sets.union_all(by_tokens.values())
        for low, high in _fuzzy_links(norms, order, rank, known, self.cutoff, self.max_block):
            sets.union(low, high)

        # walking nodes from the top rank down, the first node seen of a cluster names it
        ids: dict[int, str] = {}
        for node in order:
            root = sets.find(node)
            if root not in ids:
                norm = norms[node]
                ids[root] = aliases[norm] if known[node] else min(spellings[node], key=lambda s: (len(s), s))
        for raw, node in raw_node.items():
            result[raw] = ids[sets.find(node)]
        return result


def same_entity(a: str, b: str, aliases: AliasTable | None = None) -> bool:
    """Whether two names resolve to the same entity.

    >>> same_entity("Tencent Holdings Ltd.", "Tencent"), same_entity("Tencent", "Tencent Music")
    (True, False)
    """
    ids = EntityResolver(aliases).resolve([a, b])
    return ids[a] == ids[b]
