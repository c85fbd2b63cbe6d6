"""Who, what and when: fill ``entity``, ``metric``, ``period`` and ``qualifiers`` of each quantity.

Everything is decided from the quantity's own sentence first, then from the document around it,
by the rules in :mod:`~factcheck.attribute.entities`, :mod:`~factcheck.attribute.metrics` and
:mod:`~factcheck.attribute.periods`. What cannot be decided stays ``None``: a wrong attribution
makes a false alarm, and a missing one only makes a fact untestable.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from importlib import resources

import attrs

from factcheck.attribute.entities import EntityFinder
from factcheck.attribute.metrics import MetricMention, MetricVocabulary, find_basis
from factcheck.attribute.periods import PeriodMention, find_periods, resolve_period, year_to_date
from factcheck.attribute.sentences import Sentences
from factcheck.extract.numbers import join_wrapped_lines
from factcheck.model import Document, Period, Qualifiers, Quantity
from factcheck.resolve import normalize

__all__ = ["attribute"]

_LISTING = (
    (re.compile(r"\bHong\s+Kong(?:-listed)?\b|\bHK(?:EX)?\b|\bHang\s+Seng\b"), "HK"),
    (re.compile(r"\bNYSE\b|\bNew\s+York\b|\bNasdaq\b|\bU\.?S\.?\s+(?:stock\s+market|shares|listing|-listed)|"
                r"\bADRs?\b|\bADS\b|\bWall\s+Street\b|\bUS\s+stock\s+market\b"), "US"),
    (re.compile(r"\bShanghai\b|\bShenzhen\b"), "CN"),
    (re.compile(r"\bLondon\b|\bFTSE\b"), "UK"),
    (re.compile(r"\bNSE\b|\bBSE\b|\bSensex\b|\bNifty\b"), "IN"),
)
_ESTIMATE = re.compile(
    r"\b(?:estimates?|estimated|consensus|expected|expects?|forecasts?|forecast|projected|projects?|predicts?|"
    r"likely|target|guidance|outlook|analysts?\s+(?:polled|surveyed)|would|will|plans?\s+to|aims?\s+to)\b",
    re.IGNORECASE,
)
# "the Rs 6,253 crore profit expected by analysts": the marker may follow the figure
_ESTIMATE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:expected|estimated|forecast|projected|predicted)\s+by\b", re.IGNORECASE
)
_SEGMENT = re.compile(
    r"(?:^|(?<=\s))(?P<seg>(?:(?!the\b|its\b|their\b|this\b|a\b|an\b|whose\b)[a-z][\w-]*\s+){0,2}?"
    r"(?!the\b|its\b|their\b|this\b|a\b|an\b)[a-z][\w-]*)\s+(?:segment|division|business|unit|sector|arm)\b"
)
_SEGMENT_ADVERB = re.compile(r"^\s*(?P<adv>Domestically|Internationally|Overseas|Locally)\b")
_MARKET_SHARE = re.compile(r"\s+(?:of\s+)(?:the\s+)?(?:[\w-]+\s+){0,2}market\b", re.IGNORECASE)
_SHARES_WORD = re.compile(r"\b(?:shares?|stocks?|stock\s+price|share\s+price|ADRs?)\b", re.IGNORECASE)
_SAME_PERIOD = re.compile(r"\b(?:the\s+same\s+(?:period|quarter|time)|at\s+that\s+time|that\s+year)\b", re.IGNORECASE)
_PREVIOUS_YEAR = re.compile(r"\b(?:the\s+(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|before))\b",
                            re.IGNORECASE)
_BASE_PHRASE = re.compile(
    r"\b(?:previous|prior|preceding|year[\s-]earlier|year[\s-]ago|last\s+year|a\s+year\s+(?:earlier|ago|before)|"
    r"same\s+(?:quarter|period)|earlier)\b",
    re.IGNORECASE,
)
# What follows is the base a figure is compared with: "$5.7 billion, compared with $4.3 billion in
# the third quarter of 2023", "up from 4.1% in July"
_COMPARED = re.compile(
    r"""\b(?:compared\s+(?:with|to)
          | in\s+comparison\s+(?:with|to)
          | versus | vs\.?
          | as\s+against
          | (?:up|down)\s+from
          # the same in German, French, Spanish, Portuguese and Italian: "gegenüber 252 im Jahr
          # 2022", "contre 252 en 2022", "frente a 143.100 millones en 2023", "un 22% más que en
          # el mismo periodo de 2023"
          | gegenüber | im\s+vergleich\s+zu[mr]? | verglichen\s+mit
          | contre | par\s+rapport\s+à | même\s+période
          | frente\s+al? | comparad[oa]s?\s+con | en\s+comparación\s+con | respecto\s+al?
          | mismo\s+per[ií]odo | em\s+comparação\s+com | mesmo\s+período
          | rispetto\s+al? | stesso\s+periodo
         )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
# a new clause, after which a comparison no longer governs the figures
_CLAUSE_BREAK = re.compile(r";|\s(?:and|while|but|whereas)\s", re.IGNORECASE)
#: How far before a number a comparison phrase makes it the base of a comparison.
_BASE_REACH = 80
#: How far before a number a metric phrase may name it.
_METRIC_REACH = 120
_DIMENSIONS = {
    "money": {"money", "any"},
    "price": {"price", "any"},
    "percent": {"percent", "ratio", "any"},
    "change": {"money", "price", "percent", "count", "ratio", "any"},
    "count": {"count", "any"},
}


def attribute(doc: Document, quantities: Sequence[Quantity], *,
              vocabulary: MetricVocabulary | None = None) -> list[Quantity]:
    """The quantities of ``doc`` with entity, metric, period and qualifiers filled in."""
    vocab = vocabulary or MetricVocabulary.default()
    text = join_wrapped_lines(doc.text)  # same length; a paragraph reads the same however it is wrapped
    sentences = Sentences(text)
    entities = EntityFinder(text, doc.body_start, sentences)
    periods = find_periods(text, doc.body_start, None, published=doc.published,
                           fiscal_year_end_month=fiscal_year_end(entities.salient, text[doc.body_start :]))
    period_starts = [p.start for p in periods]
    plain_ends = [p.end for p in periods if p.role == "period"]
    plain = [p for p in periods if p.role == "period"]
    priced = sorted(q.start for q in quantities if q.unit and q.unit.endswith("/share"))
    out: list[Quantity] = []
    last_period_by_metric: dict[str, Period] = {}
    metrics_cache: dict[tuple[int, int], tuple[list[int], list[MetricMention]]] = {}
    for q in quantities:
        # every look is clipped to the quantity's neighbourhood, so the work per quantity is bounded
        span = sentences.around(q.start, q.end)
        sentence = sentences.at(q.start)
        if sentence not in metrics_cache:
            found = vocab.find(text, sentence[0], sentence[1])
            metrics_cache[sentence] = ([m.start for m in found], found)
        starts, found = metrics_cache[sentence]
        nearby = found[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])]
        growth = _growth_metric(text, q, nearby) if q.unit == "percent" and q.kind in ("level", "range") else None
        if growth is not None:
            # "revenue growth guidance of 3%-4%": a rate of change of revenue, not a level
            q = attrs.evolve(q, kind="change")
        mention = growth or _metric(text, q, nearby, vocab)
        segment = mention.segment if mention else None
        metric = mention.metric if mention else None
        seg = _segment(text, span, q)
        if metric is None:
            k = bisect.bisect_left(priced, span[0])
            metric = _implied_metric(text, q, span, k < len(priced) and priced[k] < span[1])
        if seg and not segment and metric in ("revenue", None):
            segment, metric = seg, "revenue"
        entity = entities.entity_for(q.start, q.end, [(m.start, m.end) for m in nearby])
        window = periods[bisect.bisect_left(period_starts, span[0]) : bisect.bisect_left(period_starts, span[1])]
        in_sentence = [p for p in window if p.end <= span[1]]
        k = bisect.bisect_right(plain_ends, span[0])
        period = _period(text, q, in_sentence, doc, metric, plain[k - 1].period if k else None, sentence)
        if period is None and metric is not None and q.kind != "change":
            period = last_period_by_metric.get(metric)
        if period is None and metric is not None and q.kind == "change" and q.leads_to is not None:
            period = last_period_by_metric.get(metric)
        if period is not None and metric is not None and not _compared_base(text, q, sentence):
            # a base's period ("compared with $143.1 billion in the third quarter of 2023") is not
            # the period the text goes on to report
            last_period_by_metric[metric] = period
        qualifiers = Qualifiers(
            listing=_listing(text, span) if metric == "share price" else None,
            basis=(mention.basis if mention else None) or find_basis(text, span[0], span[1], (q.start, q.end)),
            estimate=bool(mention and mention.estimate) or bool(_ESTIMATE.search(text, span[0], q.start))
            or bool(_ESTIMATE_AFTER.match(text, q.end))
            or bool(period and period.forward_looking),
            headline=sentences.is_headline(span),
        )
        full_metric = f"{segment} {metric}" if segment and metric else metric
        out.append(attrs.evolve(q, entity=entity, metric=full_metric, period=period, qualifiers=qualifiers))
    return _inherit_links(out)


@functools.cache
def _fiscal_table() -> dict[str, int]:
    rows = resources.files("factcheck.attribute").joinpath("data", "fiscal_years.tsv").read_text(encoding="utf-8")
    table = {}
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            name, month = line.split("\t")
            table[normalize(name)] = int(month)
    return table


_INDIAN = re.compile(r"₹|\bRs\.?\s?\d|\bINR\b|\bcrores?\b|\blakhs?\b")
_JAPANESE = re.compile(r"¥|\byen\b|\bJPY\b")


def fiscal_year_end(entity: str | None, text: str) -> int | None:
    """The month an article's fiscal years end: the salient entity's, or its currency's custom."""
    if entity:
        month = _fiscal_table().get(normalize(entity))
        if month:
            return month
    if _INDIAN.search(text):
        return 3
    if _JAPANESE.search(text):
        return 3
    return None


def _metric(text: str, q: Quantity, mentions: list[MetricMention], vocab: MetricVocabulary) -> MetricMention | None:
    """The nearest compatible metric phrase: before the number, or just after it."""
    want = _dimension(q)
    best: tuple[int, MetricMention] | None = None
    for m in mentions:
        info = vocab.get(m.metric)
        if info is not None and info.dimension not in _DIMENSIONS[want]:
            continue
        if m.end <= q.start:
            gap = text[m.end : q.start]
            if len(gap) > _METRIC_REACH or gap.count(",") + gap.count(";") > 1:
                continue  # several clauses back: "amid tax hikes, ..., ..., injecting £22.6bn"
            distance = q.start - m.end
        elif m.start >= q.end:
            gap = text[q.end : m.start]
            joined = len(gap.split()) <= 3 and "," not in gap and not _CLAUSE.search(gap)
            distance = m.start - q.end + (0 if joined else 40)
        else:
            distance = 0
        if best is None or distance < best[0]:
            best = (distance, m)
    return best[1] if best else None


# Words that open another clause: a metric after them is that clause's subject, not the figure's
# ("the operating margin declined 40bps as gross margin improvement was offset ...").
_CLAUSE = re.compile(r"\b(?:as|while|whereas|because|since|but|and|after|although|though|when|which|that)\b",
                     re.IGNORECASE)


_GROWTH = re.compile(r"\s*(?:growth|increase|rise|expansion|decline)\b", re.IGNORECASE)


def _growth_metric(text: str, q: Quantity, mentions: list[MetricMention]) -> MetricMention | None:
    """A metric named as growing before a percentage in its clause: "revenue growth ... to 3%-4%".

    Only the metric named last before the figure can govern it: in "slow economic growth, to
    let inflation cool towards its target of 2%" the 2% is of inflation, not of growth.
    """
    before = [m for m in mentions if m.end <= q.start]
    if not before:
        return None
    m = before[-1]
    if "growth" in m.text.lower() or _GROWTH.match(text, m.end):
        gap = text[m.end : q.start]
        if len(gap) <= _METRIC_REACH and gap.count(",") + gap.count(";") <= 1:
            return m
    return None


def _dimension(q: Quantity) -> str:
    if q.kind in ("change", "difference"):
        return "change"
    if q.unit and q.unit.endswith("/share"):
        return "price"
    if q.currency:
        return "money"
    if q.unit in ("percent", "pp", "bp"):
        return "percent"
    return "count"


def _implied_metric(text: str, q: Quantity, span: tuple[int, int], price_nearby: bool) -> str | None:
    """A metric the words imply without naming it."""
    if q.unit and q.unit.endswith("/share"):
        return "share price"
    if q.unit == "percent" and _MARKET_SHARE.match(text, q.end):
        return "market share"
    sentence = text[span[0] : span[1]]
    price_words = _SHARES_WORD.search(sentence) or any(p.search(sentence) for p, _ in _LISTING)
    if q.unit == "percent" and q.kind in ("change", "difference") and (price_words or price_nearby):
        return "share price"
    if q.unit == "parameter":
        return "parameters"
    return None


def _segment(text: str, span: tuple[int, int], q: Quantity) -> str | None:
    head = text[span[0] : q.start]
    found = list(_SEGMENT.finditer(head))
    if not found:
        return None
    m = found[-1]
    seg = m.group("seg").lower()
    adverb = _SEGMENT_ADVERB.match(head)
    if adverb and not seg.startswith(("domestic", "international", "overseas", "local")):
        seg = {"domestically": "domestic", "internationally": "international"}.get(
            adverb.group("adv").lower(), adverb.group("adv").lower()) + " " + seg
    return seg


def _listing(text: str, span: tuple[int, int]) -> str | None:
    sentence = text[span[0] : span[1]]
    for pattern, code in _LISTING:
        if pattern.search(sentence):
            return code
    return None


def _period(text: str, q: Quantity, mentions: list[PeriodMention], doc: Document, metric: str | None,
            last: Period | None, sentence: tuple[int, int]) -> Period | None:
    """The period of the quantity from its sentence's period phrases (and the document's date)."""
    if q.kind in ("change", "difference"):
        # "grew 3.6% to X from Y during the previous year": that phrase dates the base, not the change
        mentions = [m for m in mentions if not (m.start >= q.end and _BASE_PHRASE.search(m.text))]
    # "$5.7 billion, compared with $4.3 billion in the third quarter of 2023": a period after a
    # comparison phrase dates the base, not the figure compared with it
    mentions = [m for m in mentions if not (m.start >= q.end and _COMPARED.search(text, q.end, m.start))]
    if _SAME_PERIOD.search(text, max(sentence[0], q.start - 200), min(sentence[1], q.end + 40)) and last is not None \
            and not [m for m in mentions if m.role == "period"]:
        return last
    as_of = [m for m in mentions if m.role == "as_of"]
    since = [m for m in mentions if m.role in ("since", "to_date")]
    if q.kind == "change" and since:
        start = since[0].period.start
        end = as_of[0].period.end if as_of else since[0].period.end
        return Period(start, end, "range", f"{start.isoformat()}..{end.isoformat()}")
    if as_of and q.kind != "change":
        # the nearest: "4.4% at the end of 2024 ... and 3.4% at the end of 2025"
        return _nearest(q, as_of).period
    plain = [m for m in mentions if m.role == "period"]
    previous_year = next((m for m in plain if _PREVIOUS_YEAR.search(m.text)), None)
    if previous_year is not None:
        explicit = [m for m in plain if m is not previous_year and m.period.granularity == "year"]
        if explicit:
            year = explicit[0].period.start.year - 1
            resolved = resolve_period(str(year), doc.published)
            if resolved is not None and _nearest(q, plain) is previous_year:
                return resolved
    if plain:
        best = _nearest(q, plain)
        period = best.period
        if q.kind == "change" and doc.published is not None and period.granularity == "year" \
                and period.start.year == doc.published.year and re.search(r"\bthis\s+year\b", best.text, re.I) \
                and metric == "share price":
            return year_to_date(doc.published)
        return period
    return None


def _compared_base(text: str, q: Quantity, sentence: tuple[int, int]) -> bool:
    """Is the figure the base of a comparison ("compared with $143.1 billion", "up from 4.1%"),
    in the same clause?"""
    start = max(sentence[0], q.start - _BASE_REACH)
    ends = [m.end() for m in _COMPARED.finditer(text, start, q.start)]
    return bool(ends) and _CLAUSE_BREAK.search(text, ends[-1], q.start) is None


def _nearest(q: Quantity, mentions: list[PeriodMention]) -> PeriodMention:
    def distance(m: PeriodMention) -> int:
        return q.start - m.end if m.end <= q.start else m.start - q.end
    return min(mentions, key=distance)


def _inherit_links(quantities: list[Quantity]) -> list[Quantity]:
    """A change and the level it leads to share entity, metric and period where one lacks them."""
    by_span = {q.span: i for i, q in enumerate(quantities)}
    out = list(quantities)
    for i, q in enumerate(out):
        if q.leads_to is None or q.leads_to not in by_span:
            continue
        j = by_span[q.leads_to]
        level = out[j]
        change = q
        out[i] = attrs.evolve(change, entity=change.entity or level.entity, metric=change.metric or level.metric,
                              period=change.period or level.period)
        out[j] = attrs.evolve(level, entity=level.entity or change.entity, metric=level.metric or change.metric,
                              period=level.period or change.period)
    return out
