"""The metric vocabulary: which words in a sentence say *what* a number measures.

A :class:`Metric` is a canonical name ("revenue", "market capitalization") with the phrases news
prose uses for it ("sales", "turnover", "market cap"), the kind of number it takes and whether it is
a flow over a period or a level at an instant. :class:`MetricVocabulary` finds those phrases in
text and returns :class:`MetricMention` spans that keep what a checker must not merge away:

* the accounting **basis** written before the metric ("non-IFRS operating profit" and the bare
  "operating profit" of another source may be different figures);
* whether the phrase marks an **estimate** ("consensus revenue", "revenue forecast") rather than
  an actual;
* the **segment** ("cloud revenue", "international games revenue") that makes it a part, not the
  whole.

>>> vocab = MetricVocabulary.default()
>>> [(m.text, m.metric, m.basis, m.segment) for m in vocab.find("Non-IFRS operating profit rose; cloud sales fell.")]
[('Non-IFRS operating profit', 'operating profit', 'non-IFRS', None), ('cloud sales', 'revenue', None, 'cloud')]

The word lists live in ``data/metrics.toml``, whose header documents the schema. All phrases are
compiled into one regular expression shaped as a character trie, so a scan costs time linear in the
text (each position tries at most one branch per character) and never backtracks catastrophically.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from factcheck import tomlfile
from factcheck.errors import ConfigError

__all__ = ["DIMENSIONS", "Metric", "MetricMention", "MetricVocabulary", "find_basis"]

#: The values :attr:`Metric.dimension` may take.
DIMENSIONS = frozenset({"money", "percent", "count", "price", "ratio", "duration", "any"})

# Separators a phrase's space or hyphen stands for: spaces, ASCII and Unicode hyphens, an en dash.
# Possessive and bounded, so a run of thousands of spaces cannot make the engine backtrack.
_SEP = r"[\s\-\u2010\u2011\u2012\u2013]{1,3}+"
_SEP_RUN = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
# A clause ends at sentence punctuation followed by space, or at a line break; "11.7%" does not.
_CLAUSE_END = re.compile(r"[.!?;](?=\s)|\n")
# Context a contextual synonym looks at for its cues (characters, then clipped to the clause).
_CUE_BEFORE = 60
_CUE_AFTER = 90
# Words between a metric and a segment written after it ("revenue from cloud").
_SUFFIX_LINKS = r"(?:from|in|at|of|on|for)"
_SUFFIX_DETERMINERS = r"(?:(?:the|its|their|his|her)" + _SEP + r")?"
# Last words that take no plural: "valued at" is not "valued ats".
_NO_PLURAL = frozenset({"at", "of", "in", "on", "to", "for", "with", "from", "the", "a", "an", "per"})
_DEFAULT_FILE = "metrics.toml"


@attrs.frozen
class Metric:
    """One thing a number can measure.

    ``synonyms`` holds the plain surface phrases, the canonical name first (unless the name itself
    needs context, as "fine" does); phrases that count only in context ("shares" near "rose") are
    kept by the vocabulary, not here. ``segments`` lists the
    canonical segment names the metric can be split by ("cloud", "international games").
    """

    name: str
    synonyms: tuple[str, ...]
    dimension: str
    flow: bool
    segments: tuple[str, ...] = ()


@attrs.frozen
class MetricMention:
    """A metric phrase found in text; ``text == source[start:end]``.

    ``metric`` is the canonical name, ``segment`` the canonical segment kept apart from the whole
    ("cloud" for "cloud revenue"), ``basis`` the accounting basis written with it ("non-IFRS",
    "adjusted"; several stacked ones are joined by a space in text order: "non-IFRS diluted"), and
    ``estimate`` is true when the phrase itself marks a forecast or consensus figure.
    """

    start: int
    end: int
    text: str
    metric: str
    basis: str | None
    estimate: bool
    segment: str | None = None


# --- the parsed data file ----------------------------------------------------------------------


@attrs.frozen
class _Basis:
    name: str
    phrases: tuple[str, ...]
    metrics: frozenset[str] | None
    prefix: bool
    standalone: bool


@attrs.frozen
class _Contextual:
    metric: str
    synonyms: tuple[str, ...]
    cues: tuple[str, ...]
    segment: str | None


@attrs.frozen
class _Spec:
    """Everything the data file says, normalised; a vocabulary is compiled from one of these."""

    metrics: tuple[Metric, ...]
    segments: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]  # metric -> ((segment, variants), ...)
    contextual: tuple[_Contextual, ...]
    basis: tuple[_Basis, ...]
    estimate_before: tuple[str, ...]
    estimate_after: tuple[str, ...]
    ignore: tuple[str, ...]


@attrs.frozen
class _Reading:
    """One meaning of a matched phrase; ``metric`` None means "an ignored phrase"."""

    metric: str | None
    segment: str | None
    cues: re.Pattern[str] | None = attrs.field(default=None, eq=False)


def _norm(phrase: str) -> str:
    """The lookup key of a phrase: case-folded, any separator run as one space, one apostrophe.

    >>> _norm("Market-Cap")
    'market cap'
    """
    return _SEP_RUN.sub(" ", phrase.casefold().translate(_APOSTROPHES)).strip()


def _plural(key: str) -> str | None:
    """The plural of a key's last word, or None when it has none worth matching.

    >>> [_plural(w) for w in ("revenue", "salary", "tax", "sales", "valued at", "loss")]
    ['revenues', 'salaries', 'taxes', None, None, 'losses']
    """
    last = key.rsplit(" ", 1)[-1]
    if last in _NO_PLURAL or last.endswith("ed") or not last[-1:].isalpha():
        return None
    if last.endswith(("ss", "us", "x", "z", "ch", "sh")):
        return key + "es"
    if last.endswith("s"):
        return None  # "sales", "earnings", "users" are already plural
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return key[:-1] + "ies"
    return key + "s"


def _forms(key: str, plural: bool = True) -> list[tuple[str, bool]]:
    """The keys a phrase is matched under, each with whether it is a generated plural.

    A hyphenated phrase also stands unhyphenated ("cap-ex" finds "capex").

    >>> _forms("cap-ex")
    [('cap ex', False), ('capex', False), ('cap exes', True), ('capexes', True)]
    """
    written = list(dict.fromkeys(_norm(f) for f in (key, key.replace("-", ""))))
    plurals = [p for p in map(_plural, written) if p] if plural else []
    return [(f, False) for f in written] + [(p, True) for p in dict.fromkeys(plurals) if p not in written]


def _variants(key: str, plural: bool = True) -> list[str]:
    """The keys of :func:`_forms` without the plural flag."""
    return [f for f, _ in _forms(key, plural)]


# --- the trie regex ----------------------------------------------------------------------------


def _atom(ch: str) -> str:
    if ch == " ":
        return _SEP
    if ch == "'":
        return "['\u2019\u02bc]"
    return re.escape(ch)


def _trie_regex(keys: Iterable[str]) -> str:
    """One regex matching any of ``keys``, shaped as a trie so each position tries one branch.

    Optional tails are greedy, so the longest key is tried first and a shorter one is found by
    backtracking at most the length of a key.

    >>> re.fullmatch(_trie_regex(["cap", "capex", "cap ex"]), "cap - ex") is not None
    True
    """
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    parts = [_atom(ch) + _emit(node[ch]) for ch in sorted(k for k in node if k)]
    terminal = "" in node
    if not parts:
        return ""
    if len(parts) == 1 and not terminal:
        return parts[0]
    body = "|".join(parts)
    return f"(?:{body})?" if terminal else f"(?:{body})"


def _word_regex(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of ``keys`` as whole words, case-insensitively."""
    return re.compile(rf"(?<!\w)(?:{_trie_regex(keys)})(?!\w)", re.IGNORECASE)


# --- the vocabulary ----------------------------------------------------------------------------


class MetricVocabulary:
    """Metrics and the phrases for them, compiled for scanning. Immutable: ``extend`` returns a copy.

    >>> vocab = MetricVocabulary.default()
    >>> vocab.canonical("market-cap"), vocab.canonical("capital")
    ('market capitalization', None)
    >>> vocab.extend({"revenue": ["gmv"]}).canonical("GMV")
    'revenue'
    """

    __slots__ = (
        "_any_basis_re",
        "_basis_names",
        "_basis_re",
        "_by_name",
        "_estimate_before",
        "_estimate_words",
        "_pattern",
        "_pre_re",
        "_prefix_basis",
        "_readings",
        "_segment_of",
        "_spec",
        "_suffix_re",
    )

    def __init__(self, spec: _Spec) -> None:
        self._spec = spec
        self._by_name = {m.name: m for m in spec.metrics}
        self._compile()

    # construction ------------------------------------------------------------------------------

    @classmethod
    def default(cls) -> MetricVocabulary:
        """The vocabulary shipped in ``factcheck/attribute/data/metrics.toml`` (built once)."""
        return _default()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> MetricVocabulary:
        """Load a vocabulary from a file with the schema of the shipped ``metrics.toml``.

        Raises:
            ConfigError: the file cannot be read, is not TOML, or does not follow the schema.
        """
        where = os.fspath(path)
        try:
            with open(where, "rb") as f:
                data = tomlfile.load(f)
        except OSError as e:
            raise ConfigError(where, f"cannot read the metric vocabulary: {e.strerror or e}") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(where, f"not valid TOML: {e}") from e
        return cls(_parse(data, where))

    def extend(self, extra: Mapping[str, Sequence[str]]) -> MetricVocabulary:
        """A copy with more synonyms: ``{"revenue": ["gmv"], "bookings": ["orders"]}``.

        A phrase moves to the metric named here even if another metric had it. A name the
        vocabulary does not know creates a metric with dimension "any" and ``flow=True``.

        Raises:
            TypeError: a value is a bare string instead of a list of phrases.
        """
        metrics = {m.name: m for m in self._spec.metrics}
        contextual = list(self._spec.contextual)
        ignore = list(self._spec.ignore)
        for raw_name, phrases in extra.items():
            if isinstance(phrases, str):
                msg = f"extend() wants a list of phrases for {raw_name!r}, not the string {phrases!r}"
                raise TypeError(msg)
            name = _norm(raw_name)
            new = [_norm(p) for p in phrases if _norm(p)]
            moved = set(new) | {name}
            for other, m in metrics.items():
                if other != name and moved & set(m.synonyms[1:]):
                    metrics[other] = attrs.evolve(m, synonyms=tuple(s for s in m.synonyms if s not in moved))
            contextual = [
                attrs.evolve(c, synonyms=tuple(s for s in c.synonyms if _norm(s) not in moved)) for c in contextual
            ]
            ignore = [p for p in ignore if _norm(p) not in moved]
            base = metrics.get(name) or Metric(name, (name,), "any", True)
            metrics[name] = attrs.evolve(base, synonyms=tuple(dict.fromkeys((*base.synonyms, *new))))
        spec = attrs.evolve(
            self._spec, metrics=tuple(metrics.values()), contextual=tuple(contextual), ignore=tuple(ignore)
        )
        return type(self)(spec)

    # queries -----------------------------------------------------------------------------------

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Every metric, in file order."""
        return self._spec.metrics

    def __len__(self) -> int:
        return len(self._spec.metrics)

    def __iter__(self) -> Iterator[Metric]:
        return iter(self._spec.metrics)

    def __repr__(self) -> str:
        return f"<MetricVocabulary: {len(self)} metrics>"

    def get(self, name: str) -> Metric | None:
        """The metric with this canonical name (case and separators do not matter), or None."""
        return self._by_name.get(_norm(name))

    def canonical(self, phrase: str) -> str | None:
        """The canonical metric of one whole phrase ("Sales" -> "revenue"), or None.

        Context is not required here: "shares" alone gives "share price", though ``find`` reports
        it only near a price movement. A plain reading beats a contextual one ("deal" is "deal
        value", not "transfer fee").
        """
        stripped = phrase.strip()
        if not stripped:
            return None
        mentions = list(self._scan(stripped, 0, len(stripped), context=False))
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(stripped):
            return mentions[0].metric
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[MetricMention]:
        """All metric mentions in ``text[start:end]``, in order, non-overlapping, longest first.

        Offsets are into ``text``. Contextual synonyms ("shares", "fee") look for their cues only
        inside ``text[start:end]``, so pass a sentence or clause to keep unrelated words out.
        """
        lo, hi, _ = slice(start, end).indices(len(text))
        if lo >= hi:
            return []
        return list(self._scan(text, lo, hi, context=True))

    def find_basis(self, text: str, start: int = 0, end: int | None = None,
                   near: tuple[int, int] | None = None) -> str | None:
        """The accounting basis stated in ``text[start:end]``, or None: the first one, or with
        ``near`` (a figure's span) the one stated nearest it, as a sentence may give a figure on
        each basis ("up 3.3% in constant currency (-1.0% on a reported basis to CHF 2.40)").

        Finds framed statements ("on an IFRS basis", "(non-IFRS)", "in constant currency terms",
        "at constant currency") and the unambiguous labels anywhere ("non-GAAP"); an "adjusted"
        or "basic" on its own is left alone because it is usually an ordinary word. The caller
        chooses the clause by giving ``start`` and ``end``.
        """
        lo, hi, _ = slice(start, end).indices(len(text))
        if lo >= hi:
            return None
        found = self._basis_re.finditer(text, lo, hi)
        if near is None:
            m = next(found, None)
        else:  # the nearest to the figure, the first on a tie
            m = min(found, key=lambda m: max(near[0] - m.end(), m.start() - near[1], 0), default=None)
        if m is None:
            return None
        phrase = next(g for g in m.group("b1", "b2", "b3", "b4", "b5") if g is not None)
        return self._basis_names.get(_norm(phrase))

    def bases_named(self, text: str, start: int = 0, end: int | None = None) -> set[str]:
        """Every basis whose words ``text[start:end]`` contains, framed or not: "comparable
        orders", where the vocabulary has no metric for the prefix to qualify, still names one.

        >>> sorted(MetricVocabulary.default().bases_named("Organic sales and same-store orders rose."))
        ['comparable', 'organic']
        """
        lo, hi, _ = slice(start, end).indices(len(text))
        named = (self._basis_names.get(_norm(m.group())) for m in self._any_basis_re.finditer(text, lo, hi))
        return {name for name in named if name}

    # scanning ----------------------------------------------------------------------------------

    def _scan(self, text: str, lo: int, hi: int, *, context: bool) -> Iterator[MetricMention]:
        pos = lo
        search = self._pattern.search
        while pos < hi:
            m = search(text, pos, hi)
            if m is None:
                return
            mention = self._mention(text, m, lo, hi, context)
            if mention is None:
                pos = m.end()
                continue
            yield mention
            pos = mention.end

    def _mention(self, text: str, m: re.Match[str], lo: int, hi: int, context: bool) -> MetricMention | None:
        core_start, core_end = m.span("core")
        key = _norm(m.group("core"))
        reading = self._choose(self._readings.get(key, ()), text, core_start, core_end, lo, hi, context)
        if reading is None or reading.metric is None:
            return None
        metric, segment = reading.metric, reading.segment
        start, end = core_start, core_end
        basis: list[str] = []
        estimate = any(w in self._estimate_words for w in key.split())

        # basis and estimate words before the core: keep the run that touches it and fits the metric
        pre_start = m.start("pre")
        items = list(self._pre_re.finditer(text, pre_start, core_start))
        for item in reversed(items):
            word = _norm(item.group())
            if word in self._prefix_basis:
                name, metrics = self._prefix_basis[word]
                if metrics is not None and metric not in metrics:
                    break  # "basic salary" is a salary, not a basic-EPS figure
                if name not in basis:
                    basis.insert(0, name)
            elif word in self._estimate_before:
                estimate = True
            else:
                break
            start = item.start()

        if m.group("post") is not None:
            estimate = True
            end = m.end("post")
        elif segment is None and metric in self._segment_of:
            suffix = self._suffix_re.match(text, core_end, hi)
            if suffix is not None:
                found = self._segment_of[metric].get(_norm(suffix.group("seg")))
                if found is not None:
                    segment, end = found, suffix.end()
        return MetricMention(start, end, text[start:end], metric, " ".join(basis) or None, estimate, segment)

    def _choose(
        self, readings: Sequence[_Reading], text: str, start: int, end: int, lo: int, hi: int, context: bool
    ) -> _Reading | None:
        """The reading that applies here: the first contextual one whose cue is near, else the plain one."""
        if not readings:
            return None
        plain = next((r for r in readings if r.cues is None), None)
        if plain is not None and plain.metric is None:
            return None  # an ignored phrase hides every other reading
        if not context:
            return plain or readings[0]
        before, after = _clause_window(text, start, end, lo, hi)
        for r in readings:
            if r.cues is not None and (
                r.cues.search(text, before, start) is not None or r.cues.search(text, end, after) is not None
            ):
                return r
        return plain

    # compiling ---------------------------------------------------------------------------------

    def _compile(self) -> None:
        spec = self._spec
        # segment variant -> canonical segment, per metric
        self._segment_of: dict[str, dict[str, str]] = {}
        for metric, groups in spec.segments.items():
            table: dict[str, str] = {}
            for seg, variants in groups:
                for v in (seg, *variants):
                    for form in _variants(_norm(v), plural=False):
                        table.setdefault(form, seg)
            self._segment_of[metric] = table

        # candidate readings by key with a rank: listed phrase 0, segment + phrase 1, plurals +2
        ranked: dict[str, list[tuple[int, int, _Reading]]] = {}
        order = 0

        def add(phrase: str, reading: _Reading, rank: int) -> None:
            nonlocal order
            for form, plural in _forms(phrase):
                # a listed phrase beats a generated plural: "borrowings" is debt, not borrowing
                ranked.setdefault(form, []).append((rank + 2 * plural, order, reading))
                order += 1

        for phrase in spec.ignore:
            add(phrase, _Reading(None, None), 0)
        for ctx in spec.contextual:
            if not ctx.cues:
                continue  # a contextual synonym without cues could never be read
            cues = _word_regex(_norm(c) for c in ctx.cues)
            for phrase in ctx.synonyms:
                self._add_with_segments(add, ctx.metric, phrase, cues, ctx.segment)
        for entry in spec.metrics:
            for phrase in entry.synonyms:
                self._add_with_segments(add, entry.name, phrase, None, None)

        self._readings: dict[str, tuple[_Reading, ...]] = {}
        for key, cands in ranked.items():
            best = min(rank for rank, _, _ in cands)
            chosen = [r for rank, _, r in sorted(cands, key=lambda c: c[1]) if rank == best]
            contextual = [r for r in chosen if r.cues is not None]
            plain = [r for r in chosen if r.cues is None]
            ignored = [r for r in plain if r.metric is None]
            self._readings[key] = tuple(ignored[:1] if ignored else contextual + plain[:1])

        # basis and estimate words
        self._basis_names: dict[str, str] = {}
        self._prefix_basis: dict[str, tuple[str, frozenset[str] | None]] = {}
        for b in spec.basis:
            for phrase in b.phrases:
                for form in _variants(_norm(phrase), plural=False):
                    self._basis_names.setdefault(form, b.name)
                    if b.prefix:
                        self._prefix_basis.setdefault(form, (b.name, b.metrics))
        before = {f for p in spec.estimate_before for f in _variants(_norm(p), plural=False)}
        self._estimate_before = frozenset(before)
        after = {f for p in spec.estimate_after for f in _variants(_norm(p))}
        self._estimate_words = {w for w in before | after if " " not in w}
        pre_keys = set(self._prefix_basis) | before

        core = _trie_regex(self._readings)
        pre = _trie_regex(pre_keys)
        post = _trie_regex(after)
        self._pattern = re.compile(
            rf"""(?<!\w)
                 (?P<pre>(?:(?:{pre}){_SEP}){{0,3}})     # basis / estimate words: "non-IFRS", "consensus"
                 (?P<core>{core})(?!\w)                  # the metric phrase, longest first
                 (?:{_SEP}(?P<post>{post})(?!\w))?       # "estimate", "forecast", "guidance" after it
            """,
            re.IGNORECASE | re.VERBOSE,
        )
        self._pre_re = _word_regex(pre_keys)
        all_segments = {form for table in self._segment_of.values() for form in table}
        self._suffix_re = re.compile(
            rf"{_SEP}{_SUFFIX_LINKS}{_SEP}{_SUFFIX_DETERMINERS}(?P<seg>{_trie_regex(all_segments)})(?!\w)",
            re.IGNORECASE,
        )
        self._basis_re = _compile_basis(self._basis_names, spec.basis)
        self._any_basis_re = _word_regex(self._basis_names)

    def _add_with_segments(
        self,
        add: Callable[[str, _Reading, int], None],
        metric: str,
        phrase: str,
        cues: re.Pattern[str] | None,
        segment: str | None,
    ) -> None:
        """Register a phrase, and each segment variant + phrase ("cloud" + "revenue")."""
        key = _norm(phrase)
        table = self._segment_of.get(metric, {})
        inside = segment or _segment_inside(key, table)
        add(key, _Reading(metric, inside, cues), 0)
        if inside is not None:
            return  # "ai budget" already names its segment; "cloud ai budget" is not a thing
        for variant, seg in table.items():
            add(f"{variant} {key}", _Reading(metric, seg, cues), 1)


def _segment_inside(key: str, table: Mapping[str, str]) -> str | None:
    """The segment a listed phrase names in its own words ("ai budget" -> "AI"), longest first."""
    padded = f" {key} "
    for variant in sorted(table, key=len, reverse=True):
        if f" {variant} " in padded:
            return table[variant]
    return None


def _clause_window(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The span around ``text[start:end]`` a cue may come from: near, and in the same clause."""
    before = max(lo, start - _CUE_BEFORE)
    for b in _CLAUSE_END.finditer(text, before, start):
        before = b.end()
    after = min(hi, end + _CUE_AFTER)
    stop = _CLAUSE_END.search(text, end, after)
    if stop is not None:
        after = stop.start()
    return before, after


def _compile_basis(names: Mapping[str, str], basis: Sequence[_Basis]) -> re.Pattern[str]:
    """The pattern ``find_basis`` uses: framed statements of any basis, bare unambiguous labels."""
    any_basis = _trie_regex(names)
    standalone = _trie_regex(
        {f for b in basis if b.standalone for p in b.phrases for f in _variants(_norm(p), plural=False)}
    )
    s = _SEP
    return re.compile(
        rf"""(?<!\w)(?:
              on{s}(?:an?|the){s}(?P<b1>{any_basis}){s}basis                     # on an IFRS basis
            | (?P<b2>{any_basis}){s}(?:basis|terms|figures?|numbers?|measures?)   # non-IFRS figures
            | \(\s*(?P<b3>{any_basis})\s*\)                                       # (non-IFRS)
            | at{s}(?P<b4>{any_basis})                                            # at constant currency
            | (?P<b5>{standalone})                                                # non-GAAP, anywhere
            )(?!\w)""",
        re.IGNORECASE | re.VERBOSE,
    )


def find_basis(text: str, start: int = 0, end: int | None = None, near: tuple[int, int] | None = None) -> str | None:
    """The accounting basis stated in ``text[start:end]`` (nearest ``near`` when given), by the
    default vocabulary.

    >>> find_basis("On an IFRS basis, operating profit reached RMB 60.1B.")
    'IFRS'
    >>> find_basis("Revenue grew 3.6% in constant currency terms.")
    'constant currency'
    >>> find_basis("The company adjusted its forecast.") is None
    True
    >>> text = "EPS rose 3.3% in constant currency (-1.0% on a reported basis to CHF 2.40)."
    >>> find_basis(text, near=(text.index("CHF"), len(text) - 2))
    'reported'
    """
    return MetricVocabulary.default().find_basis(text, start, end, near)


# --- loading -----------------------------------------------------------------------------------


@functools.cache
def _default() -> MetricVocabulary:
    source = resources.files("factcheck.attribute").joinpath("data", _DEFAULT_FILE)
    where = f"factcheck/attribute/data/{_DEFAULT_FILE}"
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(where, f"not valid TOML: {e}") from e
    return MetricVocabulary(_parse(data, where))


_TOP_KEYS = frozenset({"ignore", "estimate", "basis", "metric"})
_METRIC_KEYS = frozenset({"name", "synonyms", "dimension", "flow", "segments", "contextual"})
_CONTEXT_KEYS = frozenset({"synonyms", "cues", "segment"})
_BASIS_KEYS = frozenset({"name", "phrases", "metrics", "prefix", "standalone"})


def _parse(data: Mapping[str, Any], where: str) -> _Spec:
    """Check a loaded TOML document against the schema and normalise it."""

    def fail(problem: str) -> ConfigError:
        return ConfigError(where, problem)

    def strings(value: Any, what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"{what} must be a list of non-empty strings")
        return tuple(dict.fromkeys(_norm(v) for v in value))

    def check_keys(table: Any, allowed: frozenset[str], what: str) -> None:
        if not isinstance(table, dict):
            raise fail(f"{what} must be a table")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise fail(f"{what} has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")

    check_keys(data, _TOP_KEYS, "the file")
    metrics: list[Metric] = []
    segments: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    contextual: list[_Contextual] = []
    tables = data.get("metric", [])
    if not isinstance(tables, list) or not tables:
        raise fail("the file must have at least one [[metric]] table")
    for i, table in enumerate(tables, 1):
        what = f"[[metric]] #{i}"
        check_keys(table, _METRIC_KEYS, what)
        name = table.get("name")
        if not isinstance(name, str) or not _norm(name):
            raise fail(f"{what} needs a name")
        name = _norm(name)
        what = f"metric {name!r}"
        if any(m.name == name for m in metrics):
            raise fail(f"{what} is defined twice")
        dimension = table.get("dimension")
        if dimension not in DIMENSIONS:
            raise fail(f"{what}: dimension must be one of {', '.join(sorted(DIMENSIONS))}, not {dimension!r}")
        flow = table.get("flow")
        if not isinstance(flow, bool):
            raise fail(f"{what}: flow must be true or false")
        synonyms = strings(table.get("synonyms", []), f"{what}: synonyms")
        seg_table = table.get("segments", {})
        if not isinstance(seg_table, dict):
            raise fail(f"{what}: segments must be a table of segment = [variants]")
        segs = tuple((seg, strings(variants, f"{what}: segment {seg!r}")) for seg, variants in seg_table.items())
        if segs:
            segments[name] = segs
        ctx_tables = table.get("contextual", [])
        if not isinstance(ctx_tables, list):
            raise fail(f"{what}: contextual must be [[metric.contextual]] tables")
        for j, ctx in enumerate(ctx_tables, 1):
            cwhat = f"{what}: contextual #{j}"
            check_keys(ctx, _CONTEXT_KEYS, cwhat)
            segment = ctx.get("segment")
            if segment is not None and not isinstance(segment, str):
                raise fail(f"{cwhat}: segment must be a string")
            contextual.append(
                _Contextual(
                    name,
                    strings(ctx.get("synonyms"), f"{cwhat}: synonyms"),
                    strings(ctx.get("cues"), f"{cwhat}: cues"),
                    segment,
                )
            )
        # the name is a plain synonym too, unless the file says it needs context ("fine" the penalty)
        own_context = {s for c in contextual if c.metric == name for s in c.synonyms}
        plain = synonyms if name in own_context else tuple(dict.fromkeys((name, *synonyms)))
        metrics.append(Metric(name, plain, dimension, flow, tuple(s for s, _ in segs)))

    names = {m.name for m in metrics}
    basis: list[_Basis] = []
    for i, table in enumerate(data.get("basis", []), 1):
        what = f"[[basis]] #{i}"
        check_keys(table, _BASIS_KEYS, what)
        bname = table.get("name")
        if not isinstance(bname, str) or not bname.strip():
            raise fail(f"{what} needs a name")
        only = table.get("metrics")
        if only is not None:
            only = frozenset(strings(only, f"basis {bname!r}: metrics"))
            unknown = sorted(only - names)
            if unknown:
                raise fail(f"basis {bname!r} names unknown metric(s) {', '.join(unknown)}")
        prefix, standalone = table.get("prefix", True), table.get("standalone", False)
        if not isinstance(prefix, bool) or not isinstance(standalone, bool):
            raise fail(f"basis {bname!r}: prefix and standalone must be true or false")
        basis.append(
            _Basis(bname.strip(), strings(table.get("phrases"), f"basis {bname!r}: phrases"), only, prefix, standalone)
        )

    estimate = data.get("estimate", {})
    check_keys(estimate, frozenset({"before", "after"}), "[estimate]")
    return _Spec(
        metrics=tuple(metrics),
        segments=segments,
        contextual=tuple(contextual),
        basis=tuple(basis),
        estimate_before=strings(estimate.get("before", []), "[estimate] before"),
        estimate_after=strings(estimate.get("after", []), "[estimate] after"),
        ignore=strings(data.get("ignore", []), "ignore"),
    )
