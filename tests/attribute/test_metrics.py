"""Tests for factcheck.attribute.metrics: the metric vocabulary and the mention finder.

The example sentences are written for these tests in the manner of results stories, market
reports, transfer news and budget coverage; none is quoted from an article.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.attribute.metrics import (
    DIMENSIONS,
    Metric,
    MetricMention,
    MetricVocabulary,
    find_basis,
)
from factcheck.errors import ConfigError
from hostile import METRICS
from operations import BAR, call_ratio


@pytest.fixture(scope="module")
def vocab() -> MetricVocabulary:
    return MetricVocabulary.default()


class Example(NamedTuple):
    """One sentence and the mention the finder must report in it."""

    sentence: str
    text: str  # the mention's exact span
    metric: str
    basis: str | None = None
    segment: str | None = None
    estimate: bool = False


def _id(e: Example) -> str:
    return f"{e.text}->{e.metric}" + (f"[{e.basis}]" if e.basis else "") + (f"/{e.segment}" if e.segment else "")


RESULTS = [
    Example("Quarterly sales climbed 12% to 50 billion yuan.", "sales", "revenue"),
    Example("Group revenues rose for a fifth quarter.", "Group revenues", "revenue"),
    Example("Revenues rose for a fifth quarter.", "Revenues", "revenue"),
    Example("Turnover was flat at £2.1bn.", "Turnover", "revenue"),
    Example("It was the best top-line growth in two years.", "top-line", "revenue"),
    Example("Revenue from operations reached Rs 12,000 crore.", "Revenue from operations", "revenue"),
    Example("Cloud revenue grew 26% in the June quarter.", "Cloud revenue", "revenue", segment="cloud"),
    Example(
        "International games revenue jumped 35% to 9 billion yuan.",
        "International games revenue",
        "revenue",
        segment="international games",
    ),
    Example(
        "Domestic game revenues rose 17% on new titles.",
        "Domestic game revenues",
        "revenue",
        segment="domestic games",
    ),
    Example("Gaming revenue was mislabelled in one summary.", "Gaming revenue", "revenue", segment="games"),
    Example("Advertising revenue grew a fifth.", "Advertising revenue", "revenue", segment="advertising"),
    Example(
        "Revenue from fintech and business services hit 20 billion yuan.",
        "Revenue from fintech and business services",
        "revenue",
        segment="fintech and business services",
    ),
    Example(
        "Value-added services revenue reached 90 billion yuan.",
        "Value-added services revenue",
        "revenue",
        segment="value-added services",
    ),
    Example("Organic revenue was up 10%.", "Organic revenue", "revenue", basis="organic"),
    Example(
        "Non-IFRS operating profit increased 18% to 69 billion yuan.",
        "Non-IFRS operating profit",
        "operating profit",
        basis="non-IFRS",
    ),
    Example("IFRS operating profits were lower.", "IFRS operating profits", "operating profit", basis="IFRS"),
    Example("Operating income beat forecasts.", "Operating income", "operating profit"),
    Example("Adjusted net income came to $4bn.", "Adjusted net income", "net profit", basis="adjusted"),
    Example("GAAP earnings fell 3%.", "GAAP earnings", "net profit", basis="GAAP"),
    Example("Net profit rose 4% on the year.", "Net profit", "net profit"),
    Example("The bottom line swung to a gain.", "bottom line", "net profit"),
    Example(
        "Non-GAAP diluted EPS was $1.20.",
        "Non-GAAP diluted EPS",
        "earnings per share",
        basis="non-GAAP diluted",
    ),
    Example("Adjusted EBITDA margin widened.", "Adjusted EBITDA margin", "operating margin", basis="adjusted"),
    Example("Gross margin widened to 56.9%.", "Gross margin", "gross margin"),
    Example("Gross profit climbed a fifth.", "Gross profit", "gross profit"),
    Example("Capex more than doubled to 19 billion yuan.", "Capex", "capital expenditure"),
    Example("Cap-ex guidance was unchanged.", "Cap-ex guidance", "capital expenditure", estimate=True),
    Example("Capital expenditures rose 119%.", "Capital expenditures", "capital expenditure"),
    Example("Constant currency revenue grew 3%.", "Constant currency revenue", "revenue", basis="constant currency"),
    Example("The firm lifted its dividend by 5p.", "dividend", "dividend"),
    Example("It announced a $10bn share buyback.", "share buyback", "buyback"),
    Example("Free cash flow improved to $3bn.", "Free cash flow", "free cash flow"),
]

ESTIMATES = [
    Example("Consensus revenue was 179 billion yuan.", "Consensus revenue", "revenue", estimate=True),
    Example("The revenue estimate stood at $10bn.", "revenue estimate", "revenue", estimate=True),
    Example("NET PROFIT FORECAST: a 7% rise.", "NET PROFIT FORECAST", "net profit", estimate=True),
    Example(
        "The consensus net-profit estimate was 51 billion yuan.",
        "consensus net-profit estimate",
        "net profit",
        estimate=True,
    ),
    Example("Expected EBITDA is $2bn.", "Expected EBITDA", "ebitda", estimate=True),
    Example(
        "The revenue growth guidance moved to 3%-4%.",
        "revenue growth guidance",
        "revenue",
        estimate=True,
    ),
    Example("Analysts raised their price target to $150.", "price target", "price target", estimate=True),
]

MARKETS = [
    Example("The group's share price fell 4% on Monday.", "share price", "share price"),
    Example("Its shares surged 11% in Hong Kong.", "shares", "share price"),
    Example("Shares of the retailer jumped after the results.", "Shares", "share price"),
    Example("The stock has risen about 30% this year.", "stock", "share price"),
    Example("The ADRs rose more than 8% overnight.", "ADRs", "share price"),
    Example("The price stood at $81 per share.", "price", "share price"),
    Example("Its market cap topped $700bn.", "market cap", "market capitalization"),
    Example("The market-cap gain was $40bn.", "market-cap", "market capitalization"),
    Example("Market capitalisation reached HK$5tn.", "Market capitalisation", "market capitalization"),
    Example("The rally added billions in market value.", "market value", "market capitalization"),
    Example("The startup is worth about $2bn.", "worth", "valuation"),
    Example("The round valued at $3bn the start-up.", "valued at", "valuation"),
    Example("A post-money valuation of $18bn.", "post-money valuation", "valuation", segment="post-money"),
    Example("The deal gave it a 36% stake in the start-up.", "stake", "stake"),
    Example("It cut its shareholding to 9%.", "shareholding", "stake"),
    Example("It holds a 39% market share in China.", "market share", "market share"),
    Example("Three rivals have large shares of the market.", "shares of the market", "market share"),
]

INVESTMENT = [
    Example("It plans an investment of $800m in the lab.", "investment", "investment"),
    Example("It raised its AI spending past $50bn.", "AI spending", "investment", segment="AI"),
    Example("The AI budget now tops $50bn.", "AI budget", "investment", segment="AI"),
    Example("AI investment will exceed $4tn.", "AI investment", "investment", segment="AI"),
    Example(
        "The investment in artificial intelligence is sizeable.",
        "investment in artificial intelligence",
        "investment",
        segment="AI",
    ),
    Example("The capital commitment was 380 billion yuan.", "capital commitment", "investment"),
    Example("It made a three-year commitment of $53bn.", "commitment", "investment"),
    Example("The model has 400 billion parameters.", "parameters", "parameters"),
    Example("A consultancy sees a $500bn revenue shortfall.", "revenue shortfall", "revenue shortfall"),
    Example("The shortfall could reach $500bn.", "shortfall", "revenue shortfall"),
    Example("Large deal wins totalled $2bn.", "Large deal wins", "deal value", segment="large"),
    Example("Monthly active users passed 900 million.", "Monthly active users", "monthly active users"),
    Example("Paid subscribers rose to 20 million.", "Paid subscribers", "subscribers"),
    Example("The company plans 2,000 job cuts.", "job cuts", "job cuts"),
    Example("It will cut 500 jobs in Europe.", "jobs", "job cuts"),
    Example("Headcount fell by 1,900 in the quarter.", "Headcount", "headcount"),
    Example("Attrition eased to 13%.", "Attrition", "attrition"),
]

FOOTBALL = [
    Example("The midfielder joins for a club-record fee of £105m.", "club-record fee", "transfer fee"),
    Example("The transfer fee could rise with add-ons.", "transfer fee", "transfer fee"),
    Example("The club agreed a fee of £100m for the winger.", "fee", "transfer fee"),
    Example("The striker's signing cost £88m.", "signing", "transfer fee"),
    Example("The club paid an initial fee of £100m.", "initial fee", "transfer fee", segment="initial"),
    Example("A further £5m in add-ons is due to the club.", "add-ons", "transfer fee", segment="add-ons"),
    Example("The defender signed a five-year contract.", "year contract", "contract length"),
    Example("His weekly wage is £300,000.", "weekly wage", "wage"),
    Example("Two earlier bids were rejected.", "bids", "bid"),
    Example("The club set a £100m asking price.", "asking price", "asking price"),
]

PUBLIC_FINANCE = [
    Example("The Budget brings £40bn in tax rises.", "tax rises", "tax rises"),
    Example("Tax hikes worth £40bn were announced.", "Tax hikes", "tax rises"),
    Example(
        "Employers' national insurance contributions rise to 15%.",
        "Employers' national insurance contributions",
        "national insurance",
        segment="employer",
    ),
    Example("Employer NICs go up in April.", "Employer NICs", "national insurance", segment="employer"),
    Example("Capital gains tax rises to 24%.", "Capital gains tax", "capital gains tax"),
    Example("Stamp duty is unchanged.", "Stamp duty", "stamp duty"),
    Example("VAT on school fees starts in January.", "VAT", "vat"),
    Example("Income tax thresholds stay frozen.", "Income tax", "income tax"),
    Example("Fuel duty is frozen for another year.", "Fuel duty", "excise duty", segment="fuel"),
    Example("The NHS budget rises by £22.6bn.", "NHS budget", "budget", segment="NHS"),
    Example("Public spending will rise by £70bn.", "Public spending", "spending"),
    Example("Borrowing will be £30bn higher.", "Borrowing", "borrowing"),
    Example("The budget deficit narrowed.", "budget deficit", "deficit"),
    Example("Public debt is near 100% of GDP.", "Public debt", "debt"),
    Example("GDP growth is forecast at 1.1%.", "GDP growth", "gdp growth"),
    Example("Inflation fell to 1.7% in September.", "Inflation", "inflation"),
    Example("The Bank held interest rates at 5%.", "interest rates", "interest rate"),
    Example("The Chancellor cited a £20bn black hole.", "black hole", "funding gap"),
    Example("The national living wage rises to £12.21.", "national living wage", "minimum wage"),
    Example("The regulator imposed a fine of €500m.", "fine", "fine"),
]

EXAMPLES = RESULTS + ESTIMATES + MARKETS + INVESTMENT + FOOTBALL + PUBLIC_FINANCE


class NonMatch(NamedTuple):
    """A sentence in which the finder must not report ``metric`` (None: must report nothing)."""

    sentence: str
    metric: str | None
    why: str


NON_MATCHES = [
    NonMatch("Three rivals have large shares of the market.", "share price", "shares of a market, not a price"),
    NonMatch("Market attention is particularly focused on the unit.", None, "market alone is no metric"),
    NonMatch("The capital of the province hosts the campus.", None, "capital alone is nothing"),
    NonMatch("Ark made its first purchase of the company's shares in four years.", "share price", "no movement"),
    NonMatch("The stock market closed early for the holiday.", "share price", "the market, not a stock"),
    NonMatch("The bank's investment research arm published a note.", "investment", "a department"),
    NonMatch("This is not investment advice.", "investment", "disclaimer boilerplate"),
    NonMatch("The earnings call is on Thursday.", "net profit", "an event, not earnings"),
    NonMatch("There is a fine line between ambition and risk.", "fine", "fine without a regulator"),
    NonMatch("The fee for the conference was waived.", "transfer fee", "no football context"),
    NonMatch("Revenue-generating tools are a priority.", "market capitalization", "nothing like market cap"),
    NonMatch("The Autumn Budget was delivered on Wednesday.", "budget", "the event, not an amount"),
    NonMatch("She earned £40bn worth of headlines.", "valuation", "'worth of' is no valuation"),
    NonMatch("Investors cheered the move.", "investment", "investors are people"),
    NonMatch("The price of oil rose 3%.", "share price", "a commodity price"),
]


class TestMetricVocabulary:
    def test_default_is_cached(self, vocab: MetricVocabulary) -> None:
        """default() builds the shipped vocabulary once and returns the same object."""
        assert MetricVocabulary.default() is vocab

    def test_required_metrics_exist(self, vocab: MetricVocabulary) -> None:
        """Every metric named in the design brief and the seed answer key is defined."""
        required = [
            "revenue", "net profit", "operating profit", "ebitda", "gross profit", "gross margin",
            "capital expenditure", "investment", "valuation", "market capitalization", "share price",
            "stake", "market share", "transfer fee", "wage", "contract length", "headcount", "job cuts",
            "budget", "borrowing", "tax", "income tax", "national insurance", "vat", "capital gains tax",
            "stamp duty", "spending", "deficit", "debt", "gdp growth", "inflation", "interest rate",
            "dividend", "buyback", "parameters", "users", "subscribers", "revenue shortfall", "deal value",
            "fine", "price target", "shares outstanding",
        ]  # fmt: skip
        missing = [name for name in required if vocab.get(name) is None]
        assert missing == []

    def test_metrics_are_well_formed(self, vocab: MetricVocabulary) -> None:
        """Every metric has a lower-case name, a known dimension and lower-case synonyms."""
        for m in vocab:
            assert m.name == m.name.lower()
            assert m.dimension in DIMENSIONS
            assert all(s == s.lower() for s in m.synonyms)

    @pytest.mark.parametrize(
        ("name", "dimension", "flow"),
        [
            ("revenue", "money", True),
            ("market capitalization", "money", False),
            ("share price", "price", False),
            ("stake", "percent", False),
            ("parameters", "count", False),
            ("contract length", "duration", False),
            ("inflation", "percent", True),
        ],
        ids=lambda v: str(v),
    )
    def test_dimension_and_flow(self, vocab: MetricVocabulary, name: str, dimension: str, flow: bool) -> None:
        """Flows (amounts over a period) and stocks (levels at an instant) are told apart."""
        metric = vocab.get(name)
        assert metric is not None
        assert (metric.dimension, metric.flow) == (dimension, flow)

    def test_get_normalises_the_name(self, vocab: MetricVocabulary) -> None:
        """get() ignores case and separators but takes only canonical names."""
        assert vocab.get("Market-Capitalization") == vocab.get("market capitalization")
        assert vocab.get("sales") is None

    def test_metric_is_frozen(self, vocab: MetricVocabulary) -> None:
        """Metrics cannot be changed in place; the vocabulary is shared."""
        metric = vocab.get("revenue")
        assert isinstance(metric, Metric)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            metric.name = "sales"  # type: ignore[misc]

    def test_synonyms_start_with_the_name(self, vocab: MetricVocabulary) -> None:
        """A metric's canonical name is its first plain synonym."""
        revenue = vocab.get("revenue")
        assert revenue is not None
        assert revenue.synonyms[0] == "revenue"
        assert {"sales", "turnover", "top line"} <= set(revenue.synonyms)

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("Sales", "revenue"),
            ("market-cap", "market capitalization"),
            ("cap ex", "capital expenditure"),
            ("capex", "capital expenditure"),
            ("capital expenditures", "capital expenditure"),
            ("stock price", "share price"),
            ("shares", "share price"),
            ("deal", "deal value"),
            ("non-IFRS operating profit", "operating profit"),
            ("cloud revenue", "revenue"),
            ("market capitalization", "market capitalization"),
            ("capital", None),
            ("market", None),
            ("stock market", None),
            ("revenue rose", None),
            ("", None),
        ],
        ids=lambda v: repr(v),
    )
    def test_canonical(self, vocab: MetricVocabulary, phrase: str, expected: str | None) -> None:
        """canonical() maps one whole phrase to its metric, ignoring context, or gives None."""
        assert vocab.canonical(phrase) == expected

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("Umsatz", "revenue"),
            ("ingresos", "revenue"),
            ("chiffre d’affaires", "revenue"),
            ("Nettogewinn", "net profit"),
            ("lucro líquido", "net profit"),
            ("Marktanteil", "market share"),
            ("cuota de mercado", "market share"),
            ("taux de chômage", "unemployment rate"),
            ("Leitzins", "interest rate"),
            ("Börsenwert", "market capitalization"),
            ("Stellenabbau", "job cuts"),
        ],
    )
    def test_metric_words_of_other_languages(self, vocab: MetricVocabulary, phrase: str, expected: str) -> None:
        """German, Spanish, French and Portuguese copy names its metrics in its own words; the
        vocabulary reads them, as the scanner reads their numbers."""
        assert vocab.canonical(phrase) == expected

    def test_extend_adds_synonyms(self, vocab: MetricVocabulary) -> None:
        """extend() returns a new vocabulary with the user's synonyms; the default is untouched."""
        extended = vocab.extend({"revenue": ["gmv"]})
        assert extended.canonical("GMV") == "revenue"
        assert vocab.canonical("GMV") == "gross merchandise value"
        assert "gmv" in extended.get("revenue").synonyms  # type: ignore[union-attr]

    def test_extend_creates_metrics(self, vocab: MetricVocabulary) -> None:
        """A name the vocabulary lacks becomes a metric of dimension "any"."""
        extended = vocab.extend({"store count": ["stores", "outlets"]})
        metric = extended.get("store count")
        assert metric == Metric("store count", ("store count", "stores", "outlets"), "any", True)
        assert [m.metric for m in extended.find("It opened 40 outlets.")] == ["store count"]

    def test_extend_rejects_a_bare_string(self, vocab: MetricVocabulary) -> None:
        """A string instead of a list of phrases is a mistake, not 4 one-letter synonyms."""
        with pytest.raises(TypeError, match="list of phrases"):
            vocab.extend({"revenue": "gmv"})  # type: ignore[dict-item]

    def test_from_toml_reads_the_schema(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """A user file with the shipped schema loads, segments and contextual synonyms included."""
        path = tmp_path / "metrics.toml"
        path.write_text(
            """
            [[metric]]
            name = "bookings"
            synonyms = ["orders", "order intake"]
            dimension = "money"
            flow = true

            [metric.segments]
            "aerospace" = ["aero"]

            [[metric.contextual]]
            synonyms = ["intake"]
            cues = ["orders"]
            """,
            encoding="utf-8",
        )
        loaded = MetricVocabulary.from_toml(path)
        [mention] = loaded.find("Aero order intake rose.")
        assert (mention.metric, mention.segment) == ("bookings", "aerospace")
        assert loaded.get("bookings") == Metric(
            "bookings", ("bookings", "orders", "order intake"), "money", True, ("aerospace",)
        )

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            ("[[metric]]\nname = 'x'\nsynonyms = []\ndimension = 'weight'\nflow = true\n", "dimension"),
            ("[[metric]]\nname = 'x'\nsynonyms = []\ndimension = 'money'\nflow = true\ncolour = 1\n", "unknown key"),
            ("[[metric]]\nname = 'x'\ndimension = 'money'\nflow = 'yes'\n", "flow"),
            ("[[metric]]\nname = 'x'\nsynonyms = 'y'\ndimension = 'money'\nflow = true\n", "synonyms"),
            ("ignore = []\n", "at least one"),
            ("[[metric]\n", "not valid TOML"),
            (
                "[[basis]]\nname='b'\nphrases=['b']\nmetrics=['nope']\n"
                "[[metric]]\nname = 'x'\ndimension = 'money'\nflow = true\n",
                "unknown metric",
            ),
        ],
        ids=["bad-dimension", "unknown-key", "bad-flow", "synonyms-not-list", "no-metric", "bad-toml", "bad-basis"],
    )
    def test_from_toml_rejects_bad_files(self, tmp_path, content: str, problem: str) -> None:  # type: ignore[no-untyped-def]
        """A malformed file raises ConfigError naming the file and the problem."""
        path = tmp_path / "bad.toml"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=problem) as info:
            MetricVocabulary.from_toml(path)
        assert str(path) in str(info.value)

    def test_from_toml_missing_file(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """A missing file is a ConfigError (a ValueError), not a bare OSError."""
        with pytest.raises(ConfigError, match="cannot read"):
            MetricVocabulary.from_toml(tmp_path / "absent.toml")

    def test_data_file_documents_its_schema(self) -> None:
        """The shipped TOML opens with a comment header naming every key users can write."""
        from importlib import resources

        text = resources.files("factcheck.attribute").joinpath("data", "metrics.toml").read_text("utf-8")
        header = text[: text.index("\nignore")]
        assert all(line.startswith("#") or not line for line in header.splitlines())
        for key in ("name", "synonyms", "dimension", "flow", "segments", "contextual", "cues", "basis",
                    "estimate", "ignore", "extend", "from_toml"):  # fmt: skip
            assert key in header, key


class TestFind:
    @pytest.mark.parametrize("example", EXAMPLES, ids=_id)
    def test_examples(self, vocab: MetricVocabulary, example: Example) -> None:
        """The mention is found with its metric, basis, segment and estimate flag."""
        mentions = vocab.find(example.sentence)
        found = [m for m in mentions if m.text == example.text]
        assert found, f"{example.text!r} not in {[m.text for m in mentions]}"
        m = found[0]
        assert (m.metric, m.basis, m.segment, m.estimate) == (
            example.metric,
            example.basis,
            example.segment,
            example.estimate,
        )
        assert example.sentence[m.start : m.end] == m.text

    @pytest.mark.parametrize("case", NON_MATCHES, ids=lambda c: c.why)
    def test_non_matches(self, vocab: MetricVocabulary, case: NonMatch) -> None:
        """Phrases that only look like a metric are not reported as one."""
        metrics = [m.metric for m in vocab.find(case.sentence)]
        if case.metric is None:
            assert metrics == []
        else:
            assert case.metric not in metrics

    def test_basic_is_no_basis_for_salary(self, vocab: MetricVocabulary) -> None:
        """A basis restricted to some metrics ("basic" EPS) stays out of other mentions' spans."""
        [m] = vocab.find("Basic salary rose 3%.")
        assert (m.text, m.metric, m.basis) == ("salary", "wage", None)

    def test_longest_match_wins(self, vocab: MetricVocabulary) -> None:
        """The longest phrase wins: "operating profit margin" is one mention, not "operating profit" plus "margin"."""
        [m] = vocab.find("Operating profit margin was 21.1%.")
        assert (m.text, m.metric) == ("Operating profit margin", "operating margin")

    def test_mentions_in_order(self, vocab: MetricVocabulary) -> None:
        """Several mentions come back in text order, each with its own reading."""
        text = "Revenue rose 15% while non-IFRS net profit grew 10% and capex doubled."
        assert [(m.metric, m.basis) for m in vocab.find(text)] == [
            ("revenue", None),
            ("net profit", "non-IFRS"),
            ("capital expenditure", None),
        ]

    def test_start_and_end_bound_the_search(self, vocab: MetricVocabulary) -> None:
        """Only text[start:end] is searched, and offsets stay relative to the whole text."""
        text = "Revenue rose. Net profit fell. Capex doubled."
        start = text.index("Net")
        [m] = vocab.find(text, start, text.index("Capex"))
        assert (m.start, m.text) == (start, "Net profit")

    def test_no_match_inside_a_word(self, vocab: MetricVocabulary) -> None:
        """A start offset in the middle of a word does not create a mention from its tail."""
        text = "Prerevenue firms"
        assert vocab.find(text, 3) == []

    def test_possessive_stays_out(self, vocab: MetricVocabulary) -> None:
        """A possessive after the metric is not part of the span."""
        [m] = vocab.find("Revenue's growth slowed.")
        assert m.text == "Revenue"

    def test_shares_need_a_price_movement(self, vocab: MetricVocabulary) -> None:
        """The word "shares" is a share price next to a movement verb, and nothing without one."""
        assert [m.metric for m in vocab.find("Tencent shares rose 5%.")] == ["share price"]
        assert vocab.find("Tencent issued new shares.") == []

    def test_cues_stop_at_the_sentence_end(self, vocab: MetricVocabulary) -> None:
        """A movement verb in the next sentence does not make "shares" a price."""
        assert vocab.find("It bought more shares. Profit rose.") == [
            MetricMention(23, 29, "Profit", "net profit", None, False)
        ]

    def test_deal_reads_by_context(self, vocab: MetricVocabulary) -> None:
        """The word "deal" is a transfer fee in football copy and a deal value elsewhere."""
        assert vocab.find("The midfielder's deal is worth £100m.")[0].metric == "transfer fee"
        assert vocab.find("The outsourcing deal is worth $2bn.")[0].metric == "deal value"

    def test_hyphen_and_space_variants(self, vocab: MetricVocabulary) -> None:
        """Spaces and hyphens inside a phrase are interchangeable, and may be dropped if hyphens."""
        texts = ["market cap", "market-cap", "market - cap", "Market\u2010Cap", "cap-ex", "capex", "cap ex"]
        assert [vocab.find(t)[0].metric for t in texts] == ["market capitalization"] * 4 + ["capital expenditure"] * 3

    def test_empty_and_reversed_ranges(self, vocab: MetricVocabulary) -> None:
        """Empty text and start >= end give no mentions, never an error."""
        assert vocab.find("") == []
        assert vocab.find("Revenue rose", 8, 2) == []
        assert [m.text for m in vocab.find("Revenue rose", -100)] == ["Revenue"]


class TestFindBasis:
    @pytest.mark.parametrize(
        ("clause", "basis"),
        [
            ("On an IFRS basis, operating profit reached RMB 60bn", "IFRS"),
            ("on a non-IFRS basis, operating profit rose to RMB 69bn", "non-IFRS"),
            ("operating profit (non-IFRS) rose 18%", "non-IFRS"),
            ("revenue grew 3% in constant currency terms", "constant currency"),
            ("sales were flat at constant currency", "constant currency"),
            ("on an adjusted basis, earnings rose", "adjusted"),
            ("non-GAAP figures exclude stock compensation", "non-GAAP"),
            ("on a reported basis revenue fell", "reported"),
            ("the company adjusted its forecast", None),
            ("basic needs come first", None),
            ("operating profit stood at 60 billion yuan", None),
        ],
        ids=lambda v: repr(v),
    )
    def test_clauses(self, clause: str, basis: str | None) -> None:
        """Framed basis statements and unambiguous labels are found; ordinary words are not."""
        assert find_basis(clause) == basis

    def test_range(self) -> None:
        """Only text[start:end] is searched: the caller picks the clause."""
        text = "Revenue rose; on an IFRS basis, profit fell."
        assert find_basis(text, 0, text.index(";")) is None
        assert find_basis(text, text.index(";")) == "IFRS"


# --- properties ---------------------------------------------------------------------------------

_WORDS = [
    "revenue", "Revenue", "shares", "stock", "rose", "fell", "market", "cap", "market-cap", "non-IFRS",
    "adjusted", "consensus", "estimate", "cloud", "games", "international", "fee", "club", "deal",
    "AI", "spending", "in", "from", "the", "worth", "of", "capex", "cap-ex", "NICs", "employers'",
    "profit", "operating", "net", "basic", "diluted", "EPS", "’s", "(", ")", ".", "\n", "-", "fine",
]  # fmt: skip
_SEPARATORS = [" ", "", "-", "  ", "\n", " - ", "\u2019", ", ", ". "]

_prose = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)),
    max_size=40,
).flatmap(lambda words: st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)).map(
    lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))
))  # fmt: skip


class TestFindProperties:
    @settings(max_examples=300, deadline=None)
    @given(text=st.one_of(st.text(), _prose), start=st.integers(-50, 400), end=st.none() | st.integers(-50, 400))
    def test_spans_are_exact_ordered_and_disjoint(self, text: str, start: int, end: int | None) -> None:
        """find() never raises; each mention is text[start:end] inside the range; none overlap."""
        vocab = MetricVocabulary.default()
        lo, hi, _ = slice(start, end).indices(len(text))
        mentions = vocab.find(text, start, end)
        previous_end = lo
        for m in mentions:
            assert m.text == text[m.start : m.end]
            assert m.text
            assert previous_end <= m.start < m.end <= hi
            assert vocab.get(m.metric) is not None
            previous_end = m.end

    @settings(max_examples=200, deadline=None)
    @given(text=st.one_of(st.text(), _prose))
    def test_find_basis_and_canonical_never_raise(self, text: str) -> None:
        """find_basis() and canonical() accept any text."""
        result = find_basis(text)
        assert result is None or isinstance(result, str)
        canonical = MetricVocabulary.default().canonical(text)
        assert canonical is None or MetricVocabulary.default().get(canonical) is not None


class TestScaling:
    @pytest.mark.parametrize("name", list(METRICS))
    def test_work_is_linear(self, vocab: MetricVocabulary, name: str) -> None:
        """Four times the text makes no more calls per character: no quadratic path. Counted, not
        timed (operations.py); benchmarks/adversarial.py times the same inputs ("metrics: ...")."""
        ratio = call_ratio(vocab.find, METRICS[name], 15_000)
        assert ratio < BAR, ratio
