"""The archive: rows round-trip, indexing is incremental, and a draft checked against the archive
gets the same findings as the draft checked together with the archive's files."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

import factcheck
import factcheck.findings
from factcheck.config import Config
from factcheck.documents import read_document
from factcheck.errors import InputError
from factcheck.facts import extract_document
from factcheck.group import document_facts
from factcheck.pipeline import check_against, index
from factcheck.store import Store, from_row, to_row

ROOT = Path(__file__).resolve().parent.parent


def _corpus_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("corpus")
    answers = _corpus_module().generate(root, 240, seed=3, conflict_rate=0.3)
    return root, answers


class TestRows:
    def test_facts_round_trip(self) -> None:
        """Every seed fact written as a row and read back is equal to the original."""
        for path in sorted((ROOT / "seeds").glob("*.md")):
            doc = read_document(path)
            for fact in document_facts(doc, extract_document(doc)):
                assert from_row(to_row(fact)) == fact


class TestIndex:
    def test_incremental(self, tmp_path: Path) -> None:
        """Unchanged files are skipped by content hash; a changed one is re-extracted; a removed one dropped."""
        docs = tmp_path / "news"
        docs.mkdir()
        (docs / "a.md").write_text("Acme's revenue rose 8% to $28bn in Q4 2024.\n", encoding="utf-8")
        (docs / "b.md").write_text("Acme's revenue was $28bn in Q4 2024.\n", encoding="utf-8")
        db = tmp_path / "archive.db"
        assert index([docs], db)["indexed"] == 2
        assert index([docs], db) | {} == {"indexed": 0, "unchanged": 2, "removed": 0, "documents": 2, "facts": 3}
        (docs / "b.md").write_text("Acme's revenue was $29bn in Q4 2024, up 9%.\n", encoding="utf-8")
        (docs / "a.md").unlink()
        counts = index([docs], db)
        assert (counts["indexed"], counts["removed"], counts["documents"]) == (1, 1, 1)

    def test_another_extractor_re_extracts_everything(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An archive indexed by another version of factcheck (or other metric phrases) is refused by
        --against, and the next index re-extracts every file, unchanged or not, and makes it current."""
        import factcheck.pipeline

        docs = tmp_path / "news"
        docs.mkdir()
        (docs / "a.md").write_text("Acme's revenue rose 8% to $28bn in Q4 2024.\n", encoding="utf-8")
        (docs / "b.md").write_text("Acme's revenue was $28bn in Q4 2024.\n", encoding="utf-8")
        db = tmp_path / "archive.db"
        monkeypatch.setattr(factcheck.pipeline, "extractor_fingerprint", lambda metrics=None: "older")
        assert index([docs], db)["indexed"] == 2
        monkeypatch.undo()
        with pytest.raises(InputError, match="re-index it"):
            check_against([docs / "a.md"], db)
        assert index([docs / "a.md"], db)["indexed"] == 1  # a file alone: the rest may still be stale
        with pytest.raises(InputError, match="re-index it"):
            check_against([docs / "a.md"], db)
        assert index([docs], db)["indexed"] == 2
        assert index([docs], db)["indexed"] == 0
        check_against([docs / "a.md"], db)  # current now
        assert index([docs], db, config=Config(metrics={"revenue": ("turnover",)}))["indexed"] == 2

    def test_not_an_archive(self, tmp_path: Path) -> None:
        """A file that is not a SQLite archive is an InputError naming it."""
        bad = tmp_path / "x.db"
        bad.write_text("not a database at all, just text " * 100, encoding="utf-8")
        with pytest.raises(InputError, match="not a factcheck archive"):
            Store(bad)

    def test_lookups_use_the_entity_index(self, corpus: tuple[Path, dict], tmp_path: Path) -> None:
        """The archive's query plan for facts about an entity searches the index, never scans."""
        root, _ = corpus
        db = tmp_path / "a.db"
        index([root], db)
        plan = sqlite3.connect(db).execute(
            "EXPLAIN QUERY PLAN SELECT row FROM facts WHERE entity_key = 'x' ORDER BY id").fetchall()
        assert any("USING INDEX facts_by_entity" in str(row) for row in plan)


class TestCheckAgainst:
    def test_same_findings_as_checking_the_files_together(self, corpus: tuple[Path, dict], tmp_path: Path) -> None:
        """For drafts with injected conflicts, the archive check reports what the direct check reports."""
        root, answers = corpus
        db = tmp_path / "a.db"
        drafts = [root / e["conflict"]["file"] for e in answers["events"] if e["conflict"]][:5]
        index([p for p in sorted(root.glob("*.md")) if p not in drafts], db)
        direct = factcheck.check([root])
        for draft in drafts:
            # a finding is its rule and the two facts it sets against each other, in either order
            mine = {_pair(f) for f in check_against([draft], db).conflicts}
            theirs = {_pair(f) for f in direct.conflicts if any(x.doc == str(draft) for x in f.facts)}
            assert mine == theirs, draft.name
            assert mine, f"{draft.name}: the injected conflict is found"


def _pair(finding: factcheck.findings.Finding) -> tuple[str, frozenset[tuple[str, int]]]:
    return finding.code, frozenset((Path(f.doc).name, f.q.start) for f in finding.facts[:2])


class TestCommands:
    def test_index_and_check_against(self, corpus: tuple[Path, dict], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
        """`factcheck index` then `factcheck check DRAFT --against` exits 1 naming the draft's conflict."""
        from factcheck.cli import main

        root, answers = corpus
        draft = root / next(e for e in answers["events"] if e["conflict"])["conflict"]["file"]
        db = tmp_path / "archive.db"
        assert main(["index", str(root), "--store", str(db), "--jobs", "1"]) == 0
        assert "indexed" in capsys.readouterr().err
        assert main(["check", str(draft), "--against", str(db), "--format", "concise"]) == 1
        assert draft.name in capsys.readouterr().out

    def test_missing_archive_is_a_usage_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--against a file that does not exist exits 2 with one line."""
        from factcheck.cli import main

        article = tmp_path / "a.md"
        article.write_text("Acme's revenue was $28bn in Q4 2024.\n", encoding="utf-8")
        assert main(["check", str(article), "--against", str(tmp_path / "none.db")]) == 2
        assert "no such archive" in capsys.readouterr().err

    def test_jobs_give_identical_json(self, corpus: tuple[Path, dict], capsys: pytest.CaptureFixture[str]) -> None:
        """The same corpus checked with 1 and 2 processes prints byte-identical JSON."""
        from factcheck.cli import main

        root, _ = corpus
        outputs = []
        for jobs in ("1", "2"):
            main(["check", str(root), "--jobs", jobs, "--format", "json"])
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1]
        assert '"code": "FC201"' in outputs[0]
