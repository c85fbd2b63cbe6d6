"""Tests for factcheck.resolve: normalisation, the alias table and the entity resolver."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError, UsageError
from factcheck.resolve import AliasTable, EntityResolver, normalize, same_entity

# --- tables --------------------------------------------------------------------------------------

#: (raw name, normalised form)
NORMALIZED = [
    ("Alibaba", "alibaba"),
    ("ALIBABA", "alibaba"),
    ("Alibaba Group", "alibaba"),
    ("Alibaba Group Holding", "alibaba"),
    ("Alibaba Group Holding Ltd", "alibaba"),
    ("Alibaba Group Holding Ltd.'s", "alibaba"),
    ("Alibaba's", "alibaba"),
    ("Alibaba’s", "alibaba"),
    ("Alibaba‘s", "alibaba"),
    ("Ａｌｉｂａｂａ", "alibaba"),  # fullwidth, folded by NFKC
    ("Pedro Sánchez", "pedro sanchez"),  # copy drops accents: one spelling with or without them
    ("Škoda Auto", "skoda auto"),
    ("ガス", "ガス"),  # a kana's voicing mark is a letter of its own, not an accent
    ("Tencent Holdings Ltd.", "tencent"),
    ("Infosys Ltd", "infosys"),
    ("Siemens AG", "siemens"),
    ("Ferrari N.V.", "ferrari"),
    ("Vovista S.p.A.", "vovista"),
    ("J.P. Morgan Chase & Co.", "jp morgan chase"),
    ("The Gunners'", "gunners"),
    ("the Treasury", "treasury"),
    ("9988.HK", "9988 hk"),
    ("阿里巴巴", "阿里巴巴"),
    ("  Bank   of\tChina ", "bank of china"),
    ("Straße AG", "strasse"),
    # sub-entities keep the words that make them different
    ("Alibaba Cloud", "alibaba cloud"),
    ("Tencent Music Entertainment Group", "tencent music entertainment"),
    ("Arsenal Women", "arsenal women"),
    # at least one token always survives
    ("Group", "group"),
    ("Holdings Ltd", "holdings"),
    ("The", "the"),
    ("Co.", "co"),
    # a legal word in the middle is part of the name
    ("Co-operative Bank", "co operative bank"),
    # nothing to keep
    ("", ""),
    ("—", ""),
    ("...", ""),
]

#: groups of names that must resolve to one id, with the id expected
MERGES = [
    (
        "Alibaba",
        [
            "Alibaba",
            "Alibaba Group",
            "Alibaba Group Holding",
            "Alibaba Group Holding Ltd",
            "Alibaba's",
            "Alibaba’s",
            "ALIBABA",
            "BABA",
            "9988.HK",
            "阿里巴巴",
        ],
    ),
    ("Tencent", ["Tencent Holdings Ltd.", "Tencent", "0700.HK", "TCEHY", "腾讯"]),
    ("Infosys", ["Infosys Ltd", "Infosys", "INFY"]),
    ("PDD Holdings", ["PDD Holdings", "Pinduoduo", "PDD"]),
    ("Meta", ["Meta Platforms Inc.", "Facebook", "META"]),
    ("HM Treasury", ["HM Treasury", "the Treasury", "UK Treasury"]),
    ("Office for Budget Responsibility", ["Office for Budget Responsibility", "OBR"]),
    ("Arsenal", ["Arsenal", "Arsenal FC", "the Gunners"]),
    ("West Ham", ["West Ham United", "the Hammers", "West Ham"]),
    # unknown to the alias table: normalisation and the fuzzy stage alone
    ("Moonshot AI", ["Moonshot AI", "Moonshot AI Ltd", "Moonshot AI's", "Moonshott AI"]),
    ("Quorvexa", ["Quorvexa", "Quorvexa Inc.", "quorvexa's"]),
    (
        "Quorvexa Pharmaceuticals",
        ["Quorvexa Pharmaceuticals", "Quorvexa Pharmaceuticals Inc", "Quorvexa Pharmaceuticls"],
    ),
    # the same tokens in another order
    ("China Construction Bank", ["China Construction Bank", "Construction Bank China"]),
]

#: pairs of names that must stay apart, with why
APART = [
    ("Alibaba", "Alibaba Cloud"),  # a sub-entity
    ("Alibaba", "Alibaba Health"),
    ("Tencent", "Tencent Music"),
    ("Bank of China", "China Construction Bank"),
    ("Arsenal", "Arsenal Women"),
    ("Moonshot AI", "Alibaba"),
    ("Nvidia", "OpenAI"),
    ("Micron Technology", "Macron Technology"),  # 94 overall, but "micron"/"macron" only 83
    ("Vision Fund 1", "Vision Fund 2"),  # numbers differ
    ("Quorvexa Fund 2023", "Quorvexa Fund 2024"),
    ("BABA", "BIDU"),  # tickers never take part in the fuzzy stage
    ("Apple", "Apple Daily"),
    ("Bank of China", "Bank of China Hong Kong"),
    ("Industrial and Commercial Bank of China", "Industrial and Commercial Bank of China Asia"),  # 94 overall
]


def _mutate(name: str, position: int, letter: str, kind: int) -> str:
    """One dropped, added or changed letter, so that the fuzzy stage has something to do."""
    if not name:
        return letter
    i = position % len(name)
    return (name[:i] + name[i + 1 :], name[:i] + letter + name[i:], name[:i] + letter + name[i + 1 :])[kind]


VOCABULARY = sorted(
    {name for _, group in MERGES for name in group}
    | {name for pair in APART for name in pair}
    | {"Dexfama", "Dexfima", "Dexfma", "Norvatek", "Norvateck", "Apple", "Amazon.com", "JD.com", "—"}
)
#: realistic names, near-misses of them, and arbitrary text
NAMES = st.one_of(
    st.sampled_from(VOCABULARY),
    st.builds(
        _mutate,
        st.sampled_from(VOCABULARY),
        st.integers(0, 40),
        st.sampled_from("aeiouxs .'"),
        st.integers(0, 2),
    ),
    st.text(max_size=12),
)


# --- normalize -----------------------------------------------------------------------------------


class TestNormalize:
    @pytest.mark.parametrize(("raw", "expected"), NORMALIZED, ids=[repr(raw) for raw, _ in NORMALIZED])
    def test_table(self, raw: str, expected: str) -> None:
        """Each name normalises to the listed form."""
        assert normalize(raw) == expected

    def test_plural_is_not_a_possessive(self) -> None:
        """A word that merely ends in s keeps it; only an apostrophe marks a possessive."""
        assert normalize("Siemens") == "siemens"
        assert normalize("Siemens'") == "siemens"

    @given(st.text())
    def test_never_raises(self, text: str) -> None:
        """Arbitrary text gives a string without raising."""
        assert isinstance(normalize(text), str)

    @given(st.text().filter(lambda t: any(ch.isalnum() for ch in t)))
    def test_word_input_gives_non_empty(self, text: str) -> None:
        """Text holding any letter or digit normalises to a non-empty string of single-spaced tokens."""
        result = normalize(text)
        assert result
        assert result == " ".join(result.split())

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        """Normalising a normalised form changes nothing (alias keys rely on it)."""
        once = normalize(text)
        assert normalize(once) == once


# --- aliases -------------------------------------------------------------------------------------


class TestAliasTable:
    @pytest.mark.parametrize(
        ("alias", "canonical"),
        [
            ("BABA", "Alibaba"),
            ("9988", "Alibaba"),
            ("9988.HK", "Alibaba"),
            ("阿里巴巴", "Alibaba"),
            ("Alibaba Group Holding Ltd", "Alibaba"),
            ("700.HK", "Tencent"),
            ("00700", "Tencent"),
            ("TCEHY", "Tencent"),
            ("INFY", "Infosys"),
            ("NVDA", "Nvidia"),
            ("AAPL", "Apple"),
            ("MSFT", "Microsoft"),
            ("AMZN", "Amazon"),
            ("GOOGL", "Alphabet"),
            ("Google", "Alphabet"),
            ("Facebook", "Meta"),
            ("BIDU", "Baidu"),
            ("JD", "JD.com"),
            ("Pinduoduo", "PDD Holdings"),
            ("OBR", "Office for Budget Responsibility"),
            ("Arsenal FC", "Arsenal"),
            ("West Ham United", "West Ham"),
            ("Banco de Japón", "Bank of Japan"),
            ("日銀", "Bank of Japan"),
            ("EZB", "European Central Bank"),
            ("Spanish", "Spain"),
            ("España", "Spain"),
            ("Vereinigte Staaten", "United States"),
            ("美国", "United States"),
        ],
    )
    def test_default_knows(self, alias: str, canonical: str) -> None:
        """The shipped table maps tickers, local names and former names to the canonical name."""
        assert AliasTable.default().canonical(alias) == canonical

    def test_unknown_name(self) -> None:
        """A name the table does not hold gives None, including sub-entities of known companies."""
        table = AliasTable.default()
        assert table.canonical("Moonshot AI") is None
        assert table.canonical("Alibaba Cloud") is None

    def test_canonicals_map_to_themselves(self) -> None:
        """Every canonical name is an alias of itself, so resolving an id returns the id."""
        table = AliasTable.default()
        for canonical in set(table.mapping.values()):
            assert table.canonical(canonical) == canonical

    def test_keys_are_normalised(self) -> None:
        """Keys given in any spelling are stored normalised."""
        table = AliasTable({"9988.HK": "Alibaba"})
        assert table.mapping["9988 hk"] == "Alibaba"
        assert table.canonical("9988.hk") == "Alibaba"

    def test_from_file(self, tmp_path: Path) -> None:
        """A user file in the documented format loads; comments and blank lines are skipped."""
        path = tmp_path / "aliases.tsv"
        path.write_text("# alias<TAB>canonical\n\nAnt Financial\tAnt Group\n  # indented comment\n", "utf-8")
        table = AliasTable.from_file(path)
        assert table.canonical("Ant Financial's") == "Ant Group"
        assert table.canonical("BABA") is None

    def test_from_file_bad_line(self, tmp_path: Path) -> None:
        """A line without a tab is refused, naming the file and line."""
        path = tmp_path / "aliases.tsv"
        path.write_text("# header\nBABA Alibaba\n", "utf-8")
        with pytest.raises(ConfigError) as info:
            AliasTable.from_file(path)
        assert info.value.line == 2
        assert str(path) in str(info.value)

    def test_from_file_conflict(self, tmp_path: Path) -> None:
        """One alias pointing at two entities is refused, naming both lines."""
        path = tmp_path / "aliases.tsv"
        path.write_text("JD\tJD.com\nJD.\tJD Sports\n", "utf-8")
        with pytest.raises(ConfigError, match="line 1") as info:
            AliasTable.from_file(path)
        assert info.value.line == 2

    def test_from_file_missing(self, tmp_path: Path) -> None:
        """A missing file raises ConfigError, which is also a ValueError."""
        with pytest.raises(ValueError, match="cannot read"):
            AliasTable.from_file(tmp_path / "absent.tsv")

    def test_extend_adds_and_overrides(self) -> None:
        """extend returns a new table where the extra entries win; the original is unchanged."""
        base = AliasTable.default()
        extended = base.extend({"Ant Financial": "Ant Group", "the Treasury": "US Treasury"})
        assert extended.canonical("Ant Financial") == "Ant Group"
        assert extended.canonical("the Treasury") == "US Treasury"
        assert extended.canonical("BABA") == "Alibaba"
        assert base.canonical("the Treasury") == "HM Treasury"
        assert base.canonical("Ant Financial") is None

    def test_extend_follows_chains(self) -> None:
        """Renaming a canonical carries its aliases along, so ids stay fixed points."""
        table = AliasTable.default().extend({"Alphabet": "Alphabet Inc."})
        assert table.canonical("GOOG") == "Alphabet Inc."
        assert table.canonical("Alphabet Inc.") == "Alphabet Inc."

    def test_cycle_refused(self) -> None:
        """Aliases that point at each other in a loop are refused."""
        with pytest.raises(ConfigError, match="cycle"):
            AliasTable({"Zorvex": "Quenta", "Quenta": "Zorvex"})

    def test_empty_alias_refused(self) -> None:
        """An alias with no word character could never match and is refused."""
        with pytest.raises(ConfigError, match="word character"):
            AliasTable({"—": "Alibaba"})


# --- resolver ------------------------------------------------------------------------------------


class TestEntityResolver:
    @pytest.mark.parametrize(("expected", "names"), MERGES, ids=[expected for expected, _ in MERGES])
    def test_merges(self, expected: str, names: list[str]) -> None:
        """Every spelling in a group resolves to the group's expected id."""
        ids = EntityResolver().resolve(names)
        assert ids == dict.fromkeys(names, expected)

    @pytest.mark.parametrize(("a", "b"), APART, ids=[f"{a} | {b}" for a, b in APART])
    def test_apart(self, a: str, b: str) -> None:
        """Different entities keep different ids."""
        ids = EntityResolver().resolve([a, b])
        assert ids[a] != ids[b]

    def test_tables_together(self) -> None:
        """Resolving all the names at once gives the same answers as group by group."""
        names = [name for _, group in MERGES for name in group] + [name for pair in APART for name in pair]
        ids = EntityResolver().resolve(names)
        for expected, group in MERGES:
            assert {ids[name] for name in group} == {expected}
        for a, b in APART:
            assert ids[a] != ids[b]

    def test_alias_reaches_typo_of_canonical(self) -> None:
        """A typo of a (long) canonical name joins the entity even when the input only used a ticker."""
        table = AliasTable.default().extend({"QVX": "Quorvexa Pharmaceuticals"})
        ids = EntityResolver(table).resolve(["QVX", "Quorvexa Pharmaceuticls"])
        assert ids == {"QVX": "Quorvexa Pharmaceuticals", "Quorvexa Pharmaceuticls": "Quorvexa Pharmaceuticals"}

    def test_short_names_one_letter_apart_stay_apart(self) -> None:
        """Short names one letter apart ("Dexor", "Dextor") are two companies, not a typo."""
        ids = EntityResolver().resolve(["Dexor", "Dextor", "Allibaba", "Alibaba", "Zhippu", "Zhipu"])
        assert len(set(ids.values())) == 6

    def test_id_prefers_most_frequent_form(self) -> None:
        """Without an alias, the id is the shortest spelling of the most frequent normalised form."""
        ids = EntityResolver().resolve(["Quorvexa Ltd", "Quorvexa Ltd", "QUORVEXA"])
        assert set(ids.values()) == {"QUORVEXA"}
        ids = EntityResolver().resolve(["Quorvexa Pharmaceuticls"] * 3 + ["Quorvexa Pharmaceuticals"])
        assert set(ids.values()) == {"Quorvexa Pharmaceuticls"}

    def test_id_tie_break(self) -> None:
        """Among spellings of one form, the shortest wins, then the first in code-point order."""
        ids = EntityResolver().resolve(["quorvexa", "Quorvexa", "Quorvexa Inc"])
        assert set(ids.values()) == {"Quorvexa"}
        ids = EntityResolver().resolve(["quorvexa", "Quorvexa", "QUORVEXA"])
        assert set(ids.values()) == {"QUORVEXA"}

    def test_typos_do_not_chain(self) -> None:
        """A typo close to two real names joins the better-attested one and never bridges them."""
        names = ["Dexfama Logistics"] * 3 + ["Dexfima Logistics"] * 2 + ["Dexfma Logistics"]
        ids = EntityResolver().resolve(names)
        assert ids["Dexfma Logistics"] == ids["Dexfama Logistics"] == "Dexfama Logistics"
        assert ids["Dexfima Logistics"] == "Dexfima Logistics"

    def test_known_names_not_fuzzed_together(self) -> None:
        """Two names the alias table assigns to different entities are never merged by a score."""
        assert same_entity("Norvatek Logistics", "Norvateck Logistics")
        table = AliasTable({"Norvatek Logistics": "Norvatek Logistics", "Norvateck Logistics": "Norvateck Logistics"})
        assert not same_entity("Norvatek Logistics", "Norvateck Logistics", table)

    def test_custom_aliases(self) -> None:
        """A user's alias table is honoured, and the default one is then not used."""
        table = AliasTable({"Ant Financial": "Ant Group"})
        ids = EntityResolver(table).resolve(["Ant Financial", "Ant Group", "BABA"])
        assert ids == {"Ant Financial": "Ant Group", "Ant Group": "Ant Group", "BABA": "BABA"}

    def test_cutoff_100_turns_fuzzy_off(self) -> None:
        """At cutoff 100 only normalisation, word order and aliases merge names."""
        ids = EntityResolver(cutoff=100).resolve(["Quorvexa Inc", "Quorvexa", "Quorvexxa"])
        assert ids["Quorvexa Inc"] == ids["Quorvexa"] != ids["Quorvexxa"]

    def test_non_word_names_map_to_themselves(self) -> None:
        """Names with no word character are kept, each as its own id."""
        ids = EntityResolver().resolve(["—", "...", "", "Alibaba"])
        assert ids == {"—": "—", "...": "...", "": "", "Alibaba": "Alibaba"}

    def test_duplicates_and_generators(self) -> None:
        """Input may repeat names and may be any iterable; each distinct name appears once in the result."""
        ids = EntityResolver().resolve(name for name in ["BABA", "BABA", "Alibaba"])
        assert ids == {"BABA": "Alibaba", "Alibaba": "Alibaba"}

    def test_empty_input(self) -> None:
        """No names give an empty mapping."""
        assert EntityResolver().resolve([]) == {}

    def test_big_blocks_are_sub_blocked(self, caplog: pytest.LogCaptureFixture) -> None:
        """A block above max_block is cut into windows by length; typos next to their original still merge."""
        names = [f"Quorvexa {word}" for word in ("Energy", "Mining", "Media", "Foods", "Motors", "Pharma")]
        names += ["Quorvexa Pharmma", "Quorvexa Motorss"]
        with caplog.at_level(logging.DEBUG, logger="factcheck.resolve"):
            ids = EntityResolver(max_block=4).resolve(names)
        assert "sub-blocking" in caplog.text
        assert ids["Quorvexa Pharmma"] == ids["Quorvexa Pharma"]
        assert ids["Quorvexa Motorss"] == ids["Quorvexa Motors"]
        assert len(set(ids.values())) == 6

    @pytest.mark.parametrize("kwargs", [{"cutoff": 0}, {"cutoff": 101}, {"max_block": 1}])
    def test_bad_settings(self, kwargs: dict[str, float]) -> None:
        """Settings that cannot work are refused with a UsageError."""
        with pytest.raises(UsageError):
            EntityResolver(**kwargs)  # type: ignore[arg-type]

    @settings(deadline=None)
    @given(names=st.lists(NAMES, max_size=25), rng=st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, names: list[str], rng: random.Random) -> None:
        """Shuffling the input gives the same mapping."""
        shuffled = list(names)
        rng.shuffle(shuffled)
        resolver = EntityResolver()
        assert resolver.resolve(shuffled) == resolver.resolve(names)

    @settings(deadline=None)
    @given(names=st.lists(NAMES, max_size=25))
    def test_ids_are_fixed_points(self, names: list[str]) -> None:
        """Resolving the ids again maps each id to itself."""
        resolver = EntityResolver()
        ids = set(resolver.resolve(names).values())
        assert resolver.resolve(ids) == {i: i for i in ids}

    @settings(deadline=None)
    @given(names=st.lists(NAMES, max_size=25))
    def test_every_name_gets_an_id(self, names: list[str]) -> None:
        """The mapping has exactly the distinct input names as keys, and names of one form share an id."""
        ids = EntityResolver().resolve(names)
        assert set(ids) == set(names)
        for a in names:
            for b in names:
                if normalize(a) and normalize(a) == normalize(b):
                    assert ids[a] == ids[b]


class TestSameEntity:
    def test_pairs(self) -> None:
        """same_entity agrees with the merge and apart tables."""
        assert same_entity("Tencent Holdings Ltd.", "Tencent")
        assert same_entity("PDD Holdings", "Pinduoduo")
        assert not same_entity("Tencent", "Tencent Music")

    def test_same_name(self) -> None:
        """A name is the same entity as itself, even one without words."""
        assert same_entity("Alibaba", "Alibaba")
        assert same_entity("—", "—")
