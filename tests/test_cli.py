"""The ``factcheck extract`` command: its output contract and how it refuses bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main

ARTICLE = (
    "---\n"
    "published: 2024-05-28\n"
    "source: Example Wire\n"
    "---\n"
    "The cloud unit's revenue rose 8% to Rmb28bn ($3.9bn).\n"
    "It employs over 9,000 staff, up to 67 percent of them engineers.\n"
)
CONTRACT_FIELDS = {"doc", "start", "end", "text", "value", "unit", "bound", "kind", "low", "high", "entity",
                   "metric", "period"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


class TestJsonl:
    def test_fields_and_offsets_follow_the_contract(self, capsys: pytest.CaptureFixture[str], article: Path) -> None:
        """Each line has the contract's fields and text == file_text[start:end], front matter included."""
        code, out, err = run(capsys, "extract", str(article), "--format", "jsonl")
        assert (code, err) == (0, "")
        found = rows(out)
        assert [r["text"] for r in found] == ["8%", "Rmb28bn", "$3.9bn", "over 9,000 staff", "up to 67 percent"]
        for r in found:
            assert r.keys() >= CONTRACT_FIELDS
            assert r["doc"] == str(article)
            assert ARTICLE[r["start"] : r["end"]] == r["text"]

    def test_values_units_bounds_and_kinds(self, capsys: pytest.CaptureFixture[str], article: Path) -> None:
        """Values are fully scaled numbers, changes signed, with ISO units and bounds."""
        found = {r["text"]: r for r in rows(run(capsys, "extract", str(article), "--format", "jsonl")[1])}
        assert {k: found["Rmb28bn"][k] for k in ("value", "unit", "bound", "kind")} == {
            "value": 28_000_000_000, "unit": "CNY", "bound": "=", "kind": "level"}
        assert {k: found["8%"][k] for k in ("value", "unit", "kind")} == {"value": 8, "unit": "percent",
                                                                          "kind": "change"}
        assert (found["$3.9bn"]["value"], found["$3.9bn"]["unit"]) == (3_900_000_000, "USD")
        assert found["over 9,000 staff"]["bound"] == ">"
        assert found["up to 67 percent"]["bound"] == "<="

    @pytest.mark.parametrize(
        "raw",
        [
            pytest.param(ARTICLE.replace("\n", "\r\n"), id="CRLF"),
            pytest.param("\ufeff" + ARTICLE, id="byte order mark"),
            pytest.param(ARTICLE.replace("Rmb28bn", "Rmb28\u00a0bn").replace("8%", "８％"), id="unicode forms"),
        ],
    )
    def test_offsets_survive_line_ends_bom_and_unicode(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, raw: str
    ) -> None:
        """Offsets are str indexes into the decoded file whatever its line ends and characters."""
        path = tmp_path / "a.md"
        path.write_bytes(raw.encode("utf-8"))
        found = rows(run(capsys, "extract", str(path), "--format", "jsonl")[1])
        assert len(found) == 5
        for r in found:
            assert raw[r["start"] : r["end"]] == r["text"]

    def test_directory_is_walked_in_order(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory argument reads its articles in sorted order; doc is the path as walked."""
        (tmp_path / "sub").mkdir()
        (tmp_path / "b.md").write_text("Costs were $5m.\n", encoding="utf-8")
        (tmp_path / "sub" / "a.txt").write_text("Margins were 12%.\n", encoding="utf-8")
        (tmp_path / "skip.csv").write_text("Sales were $9m.\n", encoding="utf-8")
        found = rows(run(capsys, "extract", str(tmp_path), "--format", "jsonl")[1])
        assert [(Path(r["doc"]).name, r["text"]) for r in found] == [("b.md", "$5m"), ("a.txt", "12%")]


class TestText:
    def test_lines_give_path_line_and_column(self, capsys: pytest.CaptureFixture[str], article: Path) -> None:
        """The text format starts each line with path:line:column of the quantity."""
        code, out, _ = run(capsys, "extract", str(article))
        lines = out.splitlines()
        assert code == 0 and len(lines) == 5
        assert lines[0].startswith(f"{article}:5:31: '8%'")
        assert lines[3].startswith(f"{article}:6:12: 'over 9,000 staff'")


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            pytest.param("bad.md", b"Revenue \xff\xfe grew 5%.\n", id="invalid UTF-8"),
            pytest.param("bin.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="binary"),
            pytest.param("fm.md", b"---\ntitle: [unclosed\n---\nRevenue rose 5%.\n", id="malformed front matter"),
            pytest.param("open.md", b"---\ntitle: x\nRevenue rose 5%.\n", id="unclosed front matter"),
            pytest.param("list.md", b"---\n- a\n---\nRevenue rose 5%.\n", id="front matter not a mapping"),
            pytest.param("pub.md", b"---\npublished: yesterday\n---\nRevenue rose 5%.\n", id="bad published"),
            pytest.param(
                "date.md", b"---\npublished: 2024-13-45\n---\nRevenue rose 5%.\n", id="impossible date",
            ),
        ],
    )
    def test_unreadable_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
    ) -> None:
        """Exit 2 with one line on stderr naming the file, no traceback and no output."""
        path = tmp_path / name
        path.write_bytes(content)
        code, out, err = run(capsys, "extract", str(path), "--format", "jsonl")
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and err.startswith("factcheck: error: ")
        assert str(path) in err and "Traceback" not in err

    @pytest.mark.parametrize("what", ["missing file", "directory without articles"])
    def test_bad_path(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, what: str) -> None:
        """A missing path or a directory with no articles: exit 2, one line naming it."""
        path = tmp_path / "nope.md"
        if what != "missing file":
            path = tmp_path / "empty-dir"
            path.mkdir()
        code, out, err = run(capsys, "extract", str(path))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err

    def test_bad_file_after_good_one_still_fails(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
    ) -> None:
        """A bad file anywhere in the list makes the run fail with its name."""
        bad = tmp_path / "z.md"
        bad.write_bytes(b"\xff")
        code, _, err = run(capsys, "extract", str(article), str(bad), "--format", "jsonl")
        assert code == 2 and str(bad) in err and err.count("\n") == 1

    @pytest.mark.parametrize("content", [b"", b"---\npublished: 2024-05-28\n---\n"], ids=["empty", "only front matter"])
    def test_file_with_no_body_yields_nothing(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
    ) -> None:
        """An empty file, or one with only front matter, gives no output and exit 0."""
        path = tmp_path / "empty.md"
        path.write_bytes(content)
        assert run(capsys, "extract", str(path), "--format", "jsonl") == (0, "", "")


class TestOutputFile:
    def test_output_is_written_to_the_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
    ) -> None:
        """--output writes the report to the file and nothing to stdout, leaving no temporary file."""
        target = tmp_path / "out" / "report.jsonl"
        target.parent.mkdir()
        code, out, _ = run(capsys, "extract", str(article), "--format", "jsonl", "--output", str(target))
        assert (code, out) == (0, "")
        assert len(rows(target.read_text(encoding="utf-8"))) == 5
        assert os.listdir(target.parent) == ["report.jsonl"]

    def test_failed_run_leaves_nothing_behind(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
    ) -> None:
        """When reading fails mid-run, no report and no temporary file is left in the directory."""
        bad = tmp_path / "bad.md"
        bad.write_bytes(b"\xff\xfe")
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        code, _, err = run(capsys, "extract", str(article), str(bad), "--output", str(out_dir / "r.jsonl"))
        assert code == 2 and str(bad) in err
        assert os.listdir(out_dir) == []

    def test_failed_run_keeps_the_previous_report(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
    ) -> None:
        """A failed run does not truncate or replace a report already there."""
        bad = tmp_path / "bad.md"
        bad.write_bytes(b"\x00\x01")
        target = tmp_path / "r.jsonl"
        target.write_text("previous\n", encoding="utf-8")
        assert run(capsys, "extract", str(article), str(bad), "-o", str(target))[0] == 2
        assert target.read_text(encoding="utf-8") == "previous\n"

    def test_output_directory_must_exist(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
    ) -> None:
        """An --output in a missing directory is a usage error: exit 2, one line."""
        code, out, err = run(capsys, "extract", str(article), "-o", str(tmp_path / "no" / "r.jsonl"))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and "does not exist" in err
