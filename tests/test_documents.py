"""Reading articles: front matter, offsets into the whole file, directory walking and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import factcheck
from factcheck.documents import iter_paths, parse_document, read_document, read_documents
from factcheck.errors import InputError

ARTICLE = """---
published: 2024-05-28
title: "Cloud unit grows"
url: https://example.com/cloud
source: Example Wire
desk: markets
tags: [cloud, ai]
---
The cloud unit's revenue rose 8% to Rmb28bn ($3.9bn) in the quarter.
"""


class TestFrontMatter:
    def test_known_keys_are_read_and_other_keys_kept(self) -> None:
        """published becomes a date; title, url, source and any other key stay in meta."""
        doc = parse_document(ARTICLE, "a.md")
        assert doc.published == dt.date(2024, 5, 28)
        assert doc.source == "Example Wire"
        assert doc.meta["title"] == "Cloud unit grows"
        assert doc.meta["url"] == "https://example.com/cloud"
        assert doc.meta["desk"] == "markets"
        assert doc.meta["tags"] == ["cloud", "ai"]

    def test_text_is_the_whole_file_and_body_starts_after_the_fence(self) -> None:
        """The document keeps the front matter in its text; body_start is the first body character."""
        doc = parse_document(ARTICLE, "a.md")
        assert doc.text == ARTICLE
        assert doc.text[doc.body_start :].startswith("The cloud unit's")

    @pytest.mark.parametrize(
        ("text", "body"),
        [
            pytest.param("\ufeff---\npublished: 2024-05-28\n---\nBody 5%.", "Body 5%.", id="byte order mark"),
            pytest.param("---\r\npublished: 2024-05-28\r\n---\r\nBody 5%.", "Body 5%.", id="CRLF"),
            pytest.param("---  \npublished: 2024-05-28\n---\t\nBody 5%.", "Body 5%.", id="trailing blanks"),
        ],
    )
    def test_fence_variants(self, text: str, body: str) -> None:
        """A byte order mark, CRLF line ends and blanks after the fences are all front matter."""
        doc = parse_document(text, "a.md")
        assert (doc.published, doc.text[doc.body_start :]) == (dt.date(2024, 5, 28), body)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            pytest.param("2024-05-28", dt.date(2024, 5, 28), id="date"),
            pytest.param('"2024-05-28"', dt.date(2024, 5, 28), id="quoted"),
            pytest.param("2024-05-28T09:30:00", dt.date(2024, 5, 28), id="timestamp"),
            pytest.param('""', None, id="empty string"),
            pytest.param("", None, id="no value"),
        ],
    )
    def test_published_forms(self, value: str, expected: dt.date | None) -> None:
        """published may be a date, a quoted date or a timestamp; empty means unknown."""
        assert parse_document(f"---\npublished: {value}\n---\nBody.\n").published == expected

    def test_no_front_matter(self) -> None:
        """Without an opening fence on the first line the whole text is body, even with a later rule."""
        text = "Body first.\n---\nA horizontal rule above.\n"
        doc = parse_document(text)
        assert (doc.body_start, doc.meta, doc.published) == (0, {}, None)

    def test_empty_front_matter(self) -> None:
        """Two fences with nothing between them are an empty front matter."""
        doc = parse_document("---\n---\nBody.\n")
        assert (doc.body_start, doc.meta) == (8, {})

    @pytest.mark.parametrize(
        ("text", "problem", "line"),
        [
            pytest.param("---\ntitle: [unclosed\n---\nBody.\n", "malformed front matter", 3, id="bad YAML"),
            pytest.param("---\n- a\n- b\n---\nBody.\n", "expected 'key: value' lines", 2, id="a list"),
            pytest.param("---\ntitle: x\nBody 5%.\n", "never closed", 1, id="unclosed"),
            pytest.param("---\npublished: yesterday\n---\nBody.\n", "expected YYYY-MM-DD", 2, id="bad published"),
            pytest.param("---\na: *x\n---\nBody.\n", "undefined alias", 2, id="undefined alias"),
            pytest.param("---\n!!python/object:os.system x\n---\nBody.\n", "constructor", 2, id="python tag"),
        ],
    )
    def test_malformed_front_matter_names_file_and_line(self, text: str, problem: str, line: int) -> None:
        """Bad front matter raises InputError with the path, the line and what is wrong."""
        with pytest.raises(InputError) as err:
            parse_document(text, "news/a.md")
        assert (err.value.path, err.value.line) == ("news/a.md", line)
        assert problem in str(err.value)
        assert str(err.value).startswith(f"news/a.md:{line}: ")

    def test_impossible_published_date_is_an_input_error(self) -> None:
        """A published date that is no calendar day is an InputError, like any other bad value."""
        with pytest.raises(InputError):
            parse_document("---\npublished: 2024-13-45\n---\nBody.\n", "a.md")


class TestReadDocument:
    def test_reads_utf8_with_front_matter(self, tmp_path: Path) -> None:
        """A file is decoded whole; offsets of its quantities are into the whole file."""
        path = tmp_path / "a.md"
        path.write_text(ARTICLE, encoding="utf-8")
        doc = read_document(path)
        assert (doc.path, doc.text, doc.published) == (str(path), ARTICLE, dt.date(2024, 5, 28))

    def test_empty_file_is_an_empty_document(self, tmp_path: Path) -> None:
        """An empty file reads as a document with no text."""
        path = tmp_path / "empty.md"
        path.write_bytes(b"")
        assert read_document(path).text == ""

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            pytest.param(b"Revenue \xff\xfe grew.\n", "not valid UTF-8", id="invalid UTF-8"),
            pytest.param(b"PK\x03\x04\x00\x00binary", "binary", id="binary"),
        ],
    )
    def test_unreadable_content(self, tmp_path: Path, content: bytes, problem: str) -> None:
        """Bytes that are not UTF-8 text raise InputError naming the file."""
        path = tmp_path / "bad.md"
        path.write_bytes(content)
        with pytest.raises(InputError) as err:
            read_document(path)
        assert err.value.path == str(path)
        assert problem in err.value.problem

    def test_invalid_utf8_names_the_line(self, tmp_path: Path) -> None:
        """The error for a bad byte gives the line it is on."""
        path = tmp_path / "bad.md"
        path.write_bytes(b"line one\nline two\nbad \xc3( here\n")
        with pytest.raises(InputError) as err:
            read_document(path)
        assert err.value.line == 3

    def test_missing_file_and_directory(self, tmp_path: Path) -> None:
        """A missing path or a directory given as a file raises InputError naming it."""
        with pytest.raises(InputError, match="no such file"):
            read_document(tmp_path / "nope.md")
        with pytest.raises(InputError, match="is a directory"):
            read_document(tmp_path)


class TestWalk:
    @pytest.fixture
    def tree(self, tmp_path: Path) -> Path:
        for name in ("b.md", "a.txt", "C.MD", "notes.markdown", "data.csv", ".hidden.md", "sub/z.md",
                     "sub/deeper/y.txt", ".git/x.md"):
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("Sales rose 5%.\n", encoding="utf-8")
        return tmp_path

    def test_directory_walk_is_sorted_recursive_and_filtered(self, tree: Path) -> None:
        """Directories are walked in sorted order; only article suffixes; hidden files and dirs skipped."""
        found = [Path(p).relative_to(tree).as_posix() for p in iter_paths([tree])]
        assert found == ["C.MD", "a.txt", "b.md", "notes.markdown", "sub/z.md", "sub/deeper/y.txt"]

    def test_a_file_given_by_name_is_read_whatever_its_suffix(self, tree: Path) -> None:
        """Files named on the command line are taken as they are."""
        assert list(iter_paths([tree / "data.csv"])) == [str(tree / "data.csv")]

    def test_directory_without_articles(self, tmp_path: Path) -> None:
        """A directory with no articles is an error naming it."""
        (tmp_path / "data.csv").write_text("1,2\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"no \.md or \.txt"):
            list(iter_paths([tmp_path]))

    def test_first_bad_file_stops_reading(self, tree: Path) -> None:
        """read_documents raises on the first unreadable file and returns nothing."""
        (tree / "sub" / "bad.md").write_bytes(b"\xff")
        with pytest.raises(InputError) as err:
            read_documents([tree])
        assert err.value.path.endswith("bad.md")


class TestPublicExtract:
    def test_offsets_are_into_the_whole_text(self) -> None:
        """``factcheck.extract`` reports spans of the text as given, front matter included."""
        found = factcheck.extract(ARTICLE)
        body_start = ARTICLE.index("The cloud")
        assert [q.text for q in found] == ["8%", "Rmb28bn", "$3.9bn"]
        for q in found:
            assert q.start > body_start
            assert ARTICLE[q.start : q.end] == q.text

    def test_front_matter_is_never_read_for_quantities(self) -> None:
        """Numbers in the front matter (dates, URLs) are not quantities."""
        found = factcheck.extract("---\npublished: 2024-05-28\nviews: 5000 readers\n---\nNothing here.\n")
        assert found == []

    def test_bad_front_matter_raises_input_error(self) -> None:
        """In-memory text with malformed front matter raises InputError, not a YAML error."""
        with pytest.raises(InputError):
            factcheck.extract("---\ntitle: [unclosed\n---\nRevenue rose 5%.\n")
