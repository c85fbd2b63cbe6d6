"""Properties of every reader: numbers, text normalisation, front matter, configuration and
reference facts. What is written is read back exactly; anything else is a clear error naming the
file and a line inside it, never a crash."""

from __future__ import annotations

import datetime as dt
import json
import string
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.config import KEYS, load_config
from factcheck.documents import parse_document, read_document
from factcheck.errors import ConfigError, FactcheckError, InputError
from factcheck.extract.numbers import format_grouped, join_wrapped_lines, normalize_chars, parse_literal, valid_grouping
from factcheck.reference import load_reference

SCRATCH = Path(tempfile.mkdtemp(prefix="factcheck-properties-"))
#: Printable text for names and phrases (TOML forbids raw control characters and DEL).
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)
WORDS = st.text(string.ascii_letters + " -'", min_size=1, max_size=20).filter(lambda s: s.strip() == s and s)


def _file(name: str, data: str | bytes) -> Path:
    path = SCRATCH / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, for printable text)."""
    return json.dumps(value, ensure_ascii=False)


class TestNumbers:
    @given(value=st.decimals(min_value=0, max_value=Decimal("1e15"), places=2, allow_nan=False, allow_infinity=False),
           indian=st.booleans())
    def test_grouped_numbers_read_back(self, value: Decimal, indian: bool) -> None:
        """Any number written with Western or Indian grouping reads back as itself, with its precision."""
        text = format_grouped(value, indian=indian)
        assert valid_grouping(text.split(".")[0])
        parsed, precision = parse_literal(text)
        assert parsed == value
        assert precision == (Decimal("0.01") if "." in text else 1)

    @given(text=st.text())
    def test_normalising_keeps_every_offset(self, text: str) -> None:
        """Folding unicode digits, spaces and signs never changes the length, and is stable."""
        folded = normalize_chars(text)
        assert len(folded) == len(text)
        assert normalize_chars(folded) == folded
        assert all(a == b or not b.isascii() or b in " -.,%$'\"+" for a, b in zip(folded, text, strict=True))


class TestWrappedLines:
    @given(text=st.text(st.sampled_from("ab A1.,-#|•\n\r\t ")))
    def test_only_line_breaks_become_spaces(self, text: str) -> None:
        """Joining wrapped lines keeps the length and every character but some line breaks (with the blanks
        that end their line), which become spaces; it is stable."""
        joined = join_wrapped_lines(text)
        assert len(joined) == len(text)
        assert all(a == b or (b in "\r\n\t" and a == " ") for a, b in zip(joined, text, strict=True))
        assert joined.count("\n") <= text.count("\n")
        assert join_wrapped_lines(joined) == joined

    @given(words=st.lists(st.sampled_from(["revenue", "rose", "8%", "to", "$5bn", "of", "the", "Acme", "in", "2024"]),
                          min_size=2, max_size=30),
           width=st.integers(min_value=5, max_value=60))
    def test_a_wrapped_paragraph_reads_as_one_line(self, words: list[str], width: int) -> None:
        """A paragraph of lower-case prose wrapped at any width is joined back into one line."""
        assume(not words[0][0].isupper())
        import textwrap

        lines = textwrap.wrap(" ".join(words), width, break_on_hyphens=False, break_long_words=False)
        # a line that starts with a capital after a line that may end a title keeps its break
        assume(all(not line[0].isupper() for line in lines[1:]))
        joined = join_wrapped_lines("\n".join(lines) + "\n")
        assert joined.rstrip("\n").count("\n") == 0

    @pytest.mark.parametrize("text", ["Title\n\nBody text.", "# Heading\nbody", "Personal taxes\nRates rose",
                                      "list:\n- a\n- b", "| a |\n| b |", "one\n1. two", "Revenue.\n2\nNext",
                                      "Acme Closes Series A\nInvestors said", "Profit Rises To\nRecord High",
                                      "Revenue rose 5%.\n12\nthe end"])
    def test_blocks_keep_their_line_breaks(self, text: str) -> None:
        """Blank lines, headings, titles before a capital (even one ending
        in a capitalised "A" or "To"), list items, table rows and lone numbers (footnote marks) stay."""
        assert join_wrapped_lines(text) == text


class TestFrontMatter:
    @given(
        published=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
        title=PRINTABLE, source=PRINTABLE,
        extra=st.dictionaries(WORDS.map(lambda w: "x-" + w.replace(" ", "-")), st.integers() | PRINTABLE, max_size=3),
        body=st.text(max_size=200), crlf=st.booleans(), bom=st.booleans(),
    )
    def test_what_is_written_is_read(self, published: dt.date, title: str, source: str, extra: dict[str, object],
                                     body: str, crlf: bool, bom: bool) -> None:
        """Front matter dumped as YAML (any dates, titles, extra keys, line ends, a BOM) reads back exactly,
        and the body starts right after the closing fence."""
        meta = {"published": published, "title": title, "source": source, **extra}
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        head = f"---\n{dumped}---\n"
        if crlf:
            head = head.replace("\n", "\r\n")
        text = ("\ufeff" if bom else "") + head + body
        doc = parse_document(text, "a.md")
        assert doc.published == published
        assert {k: doc.meta[k] for k in meta} == {**meta, "published": published}
        assert doc.text == text and doc.text[doc.body_start :] == body

    @settings(max_examples=300)
    @given(text=st.text().map(lambda t: "---\n" + t))
    def test_anything_after_a_fence_reads_or_fails_clearly(self, text: str) -> None:
        """Any text opening with a fence is a document or an InputError naming the file and a line in it."""
        try:
            doc = parse_document(text, "a.md")
        except InputError as exc:
            assert str(exc).startswith("a.md") and "\n" not in str(exc)
            assert exc.line is None or 1 <= exc.line <= len(text.splitlines()) + 1
            return
        assert 0 <= doc.body_start <= len(text)

    @settings(max_examples=200)
    @given(data=st.binary(max_size=300))
    def test_any_bytes_read_or_fail_clearly(self, data: bytes) -> None:
        """Any file is read (valid UTF-8, offsets into the decoded text) or refused with an InputError."""
        path = _file("any.md", data)
        try:
            doc = read_document(path)
        except InputError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            return
        assert doc.text == data.decode("utf-8")


class TestConfiguration:
    @given(metrics=st.dictionaries(WORDS, st.lists(WORDS, min_size=1, max_size=3), max_size=4),
           aliases=st.dictionaries(PRINTABLE, PRINTABLE.filter(str.strip), max_size=4),
           pyproject=st.booleans())
    def test_what_is_written_is_read(self, metrics: dict[str, list[str]], aliases: dict[str, str],
                                     pyproject: bool) -> None:
        """Metrics and aliases written to factcheck.toml or [tool.factcheck] read back as written."""
        prefix = "tool.factcheck." if pyproject else ""
        lines = [f"[{prefix}metrics]"]
        lines += [f"{_toml(k)} = [{', '.join(_toml(p) for p in v)}]" for k, v in metrics.items()]
        lines += [f"[{prefix}aliases]"] + [f"{_toml(k)} = {_toml(v)}" for k, v in aliases.items()]
        path = _file("pyproject.toml" if pyproject else "factcheck.toml", "\n".join(lines) + "\n")
        config = load_config(path)
        assert {k: list(v) for k, v in config.metrics.items()} == metrics
        assert dict(config.aliases) == aliases

    @given(key=st.text(string.ascii_lowercase + "-_", min_size=1, max_size=12).filter(lambda k: k not in KEYS),
           above=st.integers(min_value=0, max_value=5))
    def test_unknown_key_names_itself_and_its_line(self, key: str, above: int) -> None:
        """A key the configuration does not have is an error naming the file, the key and its line."""
        path = _file("factcheck.toml", "# comment\n" * above + f'{key} = "x"\n')
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        assert str(caught.value).startswith(f"{path}:{above + 1}: unknown key {key!r}")

    @settings(max_examples=200)
    @given(text=st.text(max_size=200), pyproject=st.booleans())
    def test_any_text_configures_or_fails_clearly(self, text: str, pyproject: bool) -> None:
        """Any file is a configuration or a ConfigError naming the file, never another exception."""
        path = _file("pyproject.toml" if pyproject else "factcheck.toml", "[tool.factcheck]\n" + text
                     if pyproject else text)
        try:
            load_config(path)
        except FactcheckError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)


FACTS = st.fixed_dictionaries(
    {"entity": PRINTABLE.filter(str.strip), "metric": PRINTABLE.filter(str.strip), "unit": PRINTABLE.filter(str.strip),
     "value": st.integers(min_value=-(10**15), max_value=10**15) | st.floats(allow_nan=False, allow_infinity=False)},
    optional={"as_of": st.dates(min_value=dt.date(1900, 1, 1)), "note": PRINTABLE},
)


class TestReferenceFacts:
    @given(facts=st.lists(FACTS, max_size=5), gap=st.integers(min_value=0, max_value=3))
    def test_what_is_written_is_read(self, facts: list[dict[str, object]], gap: int) -> None:
        """Facts written as [[fact]] tables read back with their values and the line of their table."""
        lines: list[str] = []
        headers = []
        for fact in facts:
            lines += [""] * gap
            headers.append(len(lines) + 1)
            lines.append("[[fact]]")
            for key, value in fact.items():
                shown = _toml(value) if isinstance(value, str) else value.isoformat() \
                    if isinstance(value, dt.date) else repr(value)
                lines.append(f"{key} = {shown}")
        path = _file("reference.toml", "\n".join(lines) + "\n")
        loaded = load_reference(path)
        assert [(f.entity, f.metric, f.unit, f.as_of, f.note) for f in loaded] == [
            (f["entity"], f["metric"], f["unit"], f.get("as_of"), f.get("note")) for f in facts]
        assert [f.value for f in loaded] == [Decimal(repr(f["value"])) for f in facts]
        assert [f.source for f in loaded] == [f"{path}:{line}" for line in headers]

    @settings(max_examples=200)
    @given(text=st.text(max_size=200))
    def test_any_text_loads_or_fails_clearly(self, text: str) -> None:
        """Any file is a list of facts or a ConfigError naming the file and a line in it."""
        path = _file("reference.toml", "[[fact]]\n" + text)
        try:
            load_reference(path)
        except ConfigError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            assert exc.line is None or 1 <= exc.line <= len(("[[fact]]\n" + text).splitlines()) + 1
