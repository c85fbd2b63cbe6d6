"""`factcheck check`: exit codes, formats, selection and the JSON the scorers read."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from acme import A, B, write
from factcheck._terminal import progress as _progress
from factcheck.cli import main


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write(tmp_path)


class TestCheckCommand:
    def test_conflict_exits_1_with_json_per_contract(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A conflict gives exit 1 and JSON findings with code, severity, message and the facts' spans."""
        assert main(["check", str(corpus), "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)
        [finding] = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
        assert finding["code"] == "FC201" and finding["severity"] == "error"
        assert "disagrees with" in finding["message"] and "same fact with probability" in finding["message"]
        for fact in finding["facts"]:
            text = Path(fact["doc"]).read_text(encoding="utf-8")
            assert text[fact["start"] : fact["end"]] == fact["text"]
            assert {"value", "unit"} <= fact.keys()

    def test_clean_corpus_exits_0(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Sources that agree give exit 0 and no conflict."""
        (tmp_path / "a.md").write_text(A, encoding="utf-8")
        (tmp_path / "b.md").write_text(A.replace("£22.6bn", "£22.6 billion"), encoding="utf-8")
        assert main(["check", str(tmp_path), "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["summary"]["conflicts"] == 0

    def test_text_format_quotes_both_sources(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The text report has a location line with the code and each fact's sentence marked."""
        main(["check", str(corpus)])
        out = capsys.readouterr().out
        assert "FC201 [error]" in out and "«£28.6bn»" in out and "«£22.6bn»" in out
        assert out.rstrip().endswith("Found 1 conflict in 2 documents (2 facts, 2 checkable).")

    @pytest.mark.parametrize(("option", "status"), [(["--ignore", "FC2"], 0), (["--select", "FC3"], 0),
                                                     (["--select", "FC201"], 1), (["--fail-on", "never"], 0)])
    def test_selection_and_fail_on(self, corpus: Path, option: list[str], status: int) -> None:
        """Rules are chosen by code prefix; --fail-on sets what makes the exit status 1."""
        assert main(["check", str(corpus), *option]) == status

    def test_bad_reference_exits_2(self, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed reference file stops the run with exit 2 and one line naming file and line."""
        ref = tmp_path / "ref.toml"
        ref.write_text("[[fact]]\nentity = 'Acme'\n", encoding="utf-8")
        assert main(["check", str(corpus), "--reference", str(ref)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{ref}:1: [[fact]] is missing metric, value, unit" in err

    def test_output_file(self, corpus: Path, tmp_path: Path) -> None:
        """-o writes the report to a file (atomically) and nothing to standard output."""
        out = tmp_path / "report.json"
        assert main(["check", str(corpus), "--format", "json", "-o", str(out)]) == 1
        assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1


class TestFormats:
    def test_concise_is_one_line_per_finding(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format concise prints path:line:col, the code and the message, then the summary."""
        assert main(["check", str(corpus), "--format", "concise"]) == 1
        first, summary = capsys.readouterr().out.splitlines()
        assert first.startswith(f"{corpus / 'a.md'}:4:24: FC201 [error] ") and summary.startswith("Found 1 conflict")

    def test_jsonl_is_one_finding_per_line(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format jsonl prints each finding as the JSON report does, one per line."""
        assert main(["check", str(corpus), "--format", "jsonl"]) == 1
        [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert row["code"] == "FC201" and len(row["fingerprint"]) == 32
        assert {f["line"] for f in row["facts"]} == {4}

    def test_json_adds_fields_and_keeps_the_contract(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON report keeps every contract field and adds fingerprints and set-aside counts."""
        main(["check", str(corpus), "--format", "json"])
        report = json.loads(capsys.readouterr().out)
        finding = report["findings"][0]
        assert {"code", "severity", "message", "facts", "fingerprint"} <= finding.keys()
        assert {"doc", "start", "end", "text", "value", "unit", "line", "column"} <= finding["facts"][0].keys()
        assert report["summary"]["suppressed"] == 0 and report["summary"]["baselined"] == 0

    def test_output_format_is_an_alias(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--output-format (ruff's spelling) is the same option as --format."""
        main(["check", str(corpus), "--output-format", "github"])
        assert capsys.readouterr().out.startswith("::error file=")


class TestChangedOnly:
    @pytest.fixture()
    def repo(self, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        (corpus / "c.md").write_text("---\npublished: 2024-10-30\n---\nNothing to see.\n", encoding="utf-8")
        for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "articles"]):
            subprocess.run(["git", "-C", str(corpus), *command], check=True, capture_output=True)
        return corpus

    def test_only_findings_touching_changed_files(self, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Given a directory, an unchanged corpus reports nothing; editing a source of the conflict
        brings it back (git decides what changed, as by hand on a dirty tree)."""
        assert main(["check", "--changed-only", str(repo)]) == 0
        (repo / "c.md").write_text("---\npublished: 2024-10-30\n---\nStill nothing.\n", encoding="utf-8")
        assert main(["check", "--changed-only", str(repo)]) == 0  # c.md changed, but touches no finding
        (repo / "b.md").write_text(B + "\nOne more line.\n", encoding="utf-8")
        assert main(["check", "--changed-only", str(repo)]) == 1
        assert "FC201" in capsys.readouterr().out

    def test_without_paths_git_decides_over_the_configured_corpus(self, repo: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
        """`factcheck check --changed-only` alone: the configured corpus's files that differ from HEAD."""
        (repo / "factcheck.toml").write_text('paths = ["."]\n', encoding="utf-8")
        monkeypatch.chdir(repo)
        assert main(["check", "--changed-only"]) == 0  # factcheck.toml is untracked, but no article changed
        (repo / "a.md").write_text(A + "\nEdited.\n", encoding="utf-8")
        assert main(["check", "--changed-only"]) == 1

    def test_files_named_count_as_changed_on_a_clean_tree(self, repo: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
        """`pre-commit run --all-files` names every article on a clean tree: the findings touching
        them are reported (git would call nothing changed, and the hook passed on a conflict)."""
        (repo / "factcheck.toml").write_text('paths = ["."]\n', encoding="utf-8")
        monkeypatch.chdir(repo)
        assert main(["check", "--changed-only", "a.md", "b.md", "c.md"]) == 1
        out = capsys.readouterr().out
        assert "FC201 [error]" in out and out.count("FC201") == 1
        assert main(["check", "--changed-only", "b.md"]) == 1  # `pre-commit run --files b.md`
        assert main(["check", "--changed-only", "c.md"]) == 0  # named, but the conflict is elsewhere
        assert "Found 0 conflicts" in capsys.readouterr().out.splitlines()[-1]

    def test_files_named_need_no_git(self, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """With the files named, nothing is asked of git: it works outside a work tree too."""
        (corpus / "factcheck.toml").write_text('paths = ["."]\n', encoding="utf-8")
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent))
        monkeypatch.chdir(corpus)
        assert main(["check", "--changed-only", "a.md"]) == 1

    def test_configured_corpus_is_read_for_staged_files(self, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Given only the changed file (as pre-commit does), the configured corpus is still read."""
        (repo / "factcheck.toml").write_text('paths = ["."]\n', encoding="utf-8")
        (repo / "b.md").write_text(B + "\nEdited.\n", encoding="utf-8")
        monkeypatch.chdir(repo)
        assert main(["check", "--changed-only", "b.md"]) == 1
        assert main(["check", "b.md"]) == 0  # without --changed-only, only b.md is read: nothing to compare

    def test_explicit_changed_list(self, corpus: Path) -> None:
        """--changed names the changed files without git."""
        assert main(["check", str(corpus), "--changed", str(corpus / "b.md")]) == 1
        assert main(["check", str(corpus), "--changed", "elsewhere.md"]) == 0

    def test_outside_git_is_a_usage_error(self, corpus: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
        """--changed-only outside a git work tree exits 2 and points to --changed."""
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent))
        assert main(["check", str(corpus), "--changed-only"]) == 2
        assert "--changed" in capsys.readouterr().err


class TestFactsAndRules:
    def test_facts_lists_groups_and_intervals(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`factcheck facts` shows each fact's interval, attribution and whether it is compared."""
        assert main(["facts", str(corpus)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 2
        assert "'£22.6bn' [22550000000, 22650000000] GBP level" in lines[0]
        assert "metric=revenue" in lines[0] and "compared within a group of 2" in lines[0]

    def test_facts_jsonl(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format jsonl gives the contract fields plus the checker's view of each fact."""
        assert main(["facts", str(corpus), "--format", "jsonl"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [r["checkable"] for r in rows] == [True, True] and rows[0]["entity_id"] == "Acme"

    def test_rule_prints_meta_rules(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`factcheck rule FC901` documents the unused-suppression warning."""
        assert main(["rule", "FC901"]) == 0
        assert capsys.readouterr().out.startswith("FC901 unused-suppression")


class TestProgress:
    class _Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_bar_on_a_terminal_for_many_files(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a terminal, reading many files draws a bar and erases it at the end."""
        err = self._Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        assert list(_progress([str(i) for i in range(40)], "reading")) == [str(i) for i in range(40)]
        assert "reading [" in err.getvalue() and "40/40 files" in err.getvalue()
        assert err.getvalue().endswith("\r\033[K")

    @pytest.mark.parametrize(("tty", "count"), [(False, 40), (True, 3)], ids=["not a terminal", "few files"])
    def test_no_bar(self, monkeypatch: pytest.MonkeyPatch, tty: bool, count: int) -> None:
        """Piped output, or a short run, gets no progress bar."""
        err = self._Terminal() if tty else io.StringIO()
        monkeypatch.setattr(sys, "stderr", err)
        list(_progress(list(range(count)), "reading"))
        assert err.getvalue() == ""

    @staticmethod
    def _articles(folder: Path, count: int) -> Path:
        folder.mkdir()
        for n in range(count):
            figure = "£22.6bn" if n else "£28.6bn"
            (folder / f"a{n:02}.md").write_text(f"---\npublished: 2024-10-30\n---\nAcme's revenue reached "
                                                f"{figure} in 2024, said source {n}.\n", encoding="utf-8")
        return folder

    @staticmethod
    def _frames(err: str) -> list[str]:
        return [frame for frame in err.split("\r") if frame and frame != "\033[K"]

    def test_one_bar_over_reading_extracting_and_checking(self, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
        """`check` on many files draws one bar through every phase, filling as it goes, and erases it."""
        err = self._Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["check", str(self._articles(tmp_path / "many", 25))]) == 1
        frames = self._frames(err.getvalue())
        phases = [f.split()[0] for f in frames]
        assert phases[0] == "reading" and phases[-1] == "checking"
        assert {"reading", "extracting", "checking"} == set(phases)
        assert phases == sorted(phases, key=["reading", "extracting", "checking"].index)  # in order
        assert "reading 25/25 files" in err.getvalue() and "extracting 25/25 files" in err.getvalue()
        filled = [f.count("#") for f in frames]
        assert filled == sorted(filled) and filled[-1] == 24  # one bar, never going back, full at the end
        assert err.getvalue().endswith("\r\033[K")

    @pytest.mark.parametrize(("tty", "quiet"), [(False, False), (True, True)], ids=["not a terminal", "-q"])
    def test_no_bar_when_piped_or_quiet(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tty: bool,
                                        quiet: bool) -> None:
        """Piped standard error, or -q, gets no bar at all."""
        err = self._Terminal() if tty else io.StringIO()
        monkeypatch.setattr(sys, "stderr", err)
        main(["check", str(self._articles(tmp_path / "many", 25)), *(["-q"] if quiet else [])])
        assert "[" not in err.getvalue() and "\r" not in err.getvalue()

    def test_a_large_file_alone_gets_the_bar(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A few files are enough for the bar when they are large: a big one runs long."""
        from factcheck import project

        err = self._Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        folder = self._articles(tmp_path / "few", 2)
        main(["check", str(folder)])
        assert err.getvalue() == ""  # two small files: no bar
        monkeypatch.setattr(project, "PROGRESS_BYTES", 100)
        main(["check", str(folder)])
        assert "extracting 2/2 files" in err.getvalue() and "checking" in err.getvalue()

    def test_a_streamed_run_reports_extraction_file_by_file(self, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
        """Streamed (many files, read as they are extracted), the pipeline reports each file, then
        each checking step, to the callback it is given."""
        from factcheck import parallel, pipeline

        for module in (pipeline, parallel):
            monkeypatch.setattr(module, "MIN_FOR_POOL", 3)
        calls: list[tuple[str, int, int]] = []
        report = pipeline.check([str(self._articles(tmp_path / "many", 5))],
                                on_progress=lambda *call: calls.append(call))
        assert report.findings
        extracting = [c for c in calls if c[0] == "extracting"]
        assert extracting == [("extracting", n, 5) for n in range(6)]
        checking = [c for c in calls if c[0] == "checking"]
        assert checking[0][1] == 0 and checking[-1][1] == checking[-1][2] > 2  # grouping, then each rule
        assert calls.index(extracting[-1]) < calls.index(checking[0])

