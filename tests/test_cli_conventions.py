"""What ruff and Vale users expect of the command on day one: did-you-mean for a mistyped flag or
subcommand, `--statistics`, `.` by default, `-q`/`-v`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from acme import A, write
from factcheck.cli import main


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write(tmp_path)


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


class TestDidYouMean:
    def test_mistyped_flag_names_the_nearest_option_under_the_subcommands_usage(
            self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        err = _usage_error(["check", "--selct", "FC2", str(corpus)], capsys)
        assert err.startswith("usage: factcheck check ")
        assert err.rstrip().endswith("factcheck check: error: unrecognized arguments: --selct (did you mean --select?)")

    def test_nested_subcommand_and_value_form(self, capsys: pytest.CaptureFixture[str]) -> None:
        err = _usage_error(["baseline", "write", "--outptu=x.json"], capsys)
        assert err.startswith("usage: factcheck baseline write ")
        assert "unrecognized arguments: --outptu=x.json (did you mean --output?)" in err

    def test_mistyped_subcommand(self, capsys: pytest.CaptureFixture[str]) -> None:
        err = _usage_error(["chek", "."], capsys)
        assert "invalid choice: 'chek'" in err and "(did you mean check?)" in err

    def test_mistyped_choice(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert "(did you mean json?)" in _usage_error(["check", "--format", "jsn"], capsys)

    def test_nothing_close_suggests_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        err = _usage_error(["rule", "FC201", "--zzzzzz"], capsys)
        assert "unrecognized arguments: --zzzzzz\n" in err and "did you mean" not in err


class TestStatistics:
    def test_counts_by_rule_instead_of_the_findings(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        (corpus / "c.md").write_text(A.replace("said.", "said. <!-- factcheck: ignore FC301 -- why -->")
                                     + "\n<!-- factcheck: ignore FC302 -- why -->\n", encoding="utf-8")
        assert main(["check", str(corpus), "--statistics"]) == 1
        out = capsys.readouterr().out
        assert out.splitlines() == ["FC901  unused-suppression  2", "FC201  value-mismatch      1"]

    def test_json_and_exit_status_as_usual(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check", str(corpus), "--statistics", "--format", "json", "--fail-on", "never"]) == 0
        assert json.loads(capsys.readouterr().out) == [{"code": "FC201", "name": "value-mismatch", "count": 1}]

    def test_nothing_found_prints_nothing(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check", str(corpus), "--statistics", "--ignore", "FC2"]) == 0
        assert capsys.readouterr().out == ""

    def test_other_formats_are_a_usage_error(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check", str(corpus), "--statistics", "--format", "sarif"]) == 2
        assert "--statistics prints a table" in capsys.readouterr().err


class TestDefaultPath:
    def test_no_path_checks_the_working_directory(self, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(corpus)
        assert main(["check", "--format", "concise"]) == 1
        out = capsys.readouterr().out
        assert out.startswith("a.md:4:") and "in b.md" in out and "in 2 documents" in out

    def test_baseline_write_too(self, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(corpus)
        assert main(["baseline", "write"]) == 0
        assert (corpus / "factcheck-baseline.json").is_file()

    def test_a_directory_without_articles_is_nothing_to_check(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
        (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert main(["check"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("factcheck: error: nothing to check: no path given") and err.count("\n") == 1


class TestQuietAndVerbose:
    def test_quiet_prints_only_the_findings(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check", str(corpus), "-q", "--format", "concise"]) == 1
        out = capsys.readouterr().out
        assert len(out.splitlines()) == 1 and out.startswith(f"{corpus}{Path('/a.md')}:4:") and "Found" not in out

    def test_quiet_clean_run_prints_nothing(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["check", str(corpus), "--quiet", "--ignore", "FC2"]) == 0
        assert capsys.readouterr() == ("", "")

    def test_quiet_draws_no_progress(self, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import factcheck.project

        seen = []
        real = factcheck.project.evaluate
        monkeypatch.setattr(factcheck.project, "evaluate",
                            lambda run, progress=False, **kw: seen.append(progress) or real(run, **kw))
        main(["check", str(corpus), "-q"])
        main(["check", str(corpus)])
        assert seen == [False, True]

    def test_verbose_names_configuration_baseline_rates_and_files(
            self, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        (corpus / "factcheck.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
        monkeypatch.chdir(corpus)
        assert main(["baseline", "write"]) == 0
        capsys.readouterr()
        main(["check", "-v", "--format", "json"])
        out, err = capsys.readouterr()
        assert json.loads(out)["summary"]["documents"] == 2  # the report is untouched on stdout
        lines = err.splitlines()
        assert lines[:3] == ["factcheck: configuration: factcheck.toml", "factcheck: baseline: accepted.json",
                             "factcheck: reference: none"]
        assert lines[3].startswith("factcheck: rates: the bundled ECB rates (to 20")
        assert lines[4] == "factcheck: files: 2 to read"

    def test_quiet_and_verbose_exclude_each_other(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert "not allowed with argument" in _usage_error(["check", "-q", "-v"], capsys)


SLIP = "Acme said revenue rose 10% to £110m from £90m in 2024.\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


class TestStandardInput:
    def test_check_reports_the_article_under_its_name(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(tmp_path)
        _stdin(monkeypatch, SLIP)
        assert main(["check", "-", "--stdin-filename", "news/draft.md", "--format", "concise"]) == 1
        out = capsys.readouterr().out
        assert out.startswith("news/draft.md:1:24: FC304 [error]") and "in 1 document" in out

    def test_configuration_found_from_the_name(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
        project = tmp_path / "project"
        (project / "news").mkdir(parents=True)
        (project / "factcheck.toml").write_text('[per-file-ignores]\n"news/*.md" = ["FC304"]\n', encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        _stdin(monkeypatch, SLIP)
        assert main(["check", "-", "--stdin-filename", "project/news/draft.md", "-v"]) == 0
        err = capsys.readouterr().err
        assert f"configuration: {Path('project/factcheck.toml')}" in err
        assert "files: standard input, as project/news/draft.md" in err

    def test_extract_from_standard_input(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(tmp_path)
        _stdin(monkeypatch, "Acme said revenue was £110m in 2024.\n")
        assert main(["extract", "-", "--stdin-filename", "new.md", "--format", "jsonl"]) == 0
        [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert row["doc"] == "new.md" and row["text"] == "£110m"

    def test_not_utf8_is_an_input_error_naming_it(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(tmp_path)
        _stdin(monkeypatch, b"Revenue was \xa3110m.\n")
        assert main(["check", "-", "--stdin-filename", "x.md"]) == 2
        assert capsys.readouterr().err.startswith("factcheck: error: x.md:1: is not valid UTF-8")

    @pytest.mark.parametrize("argv", [["check", "-", "a.md"], ["check", "a.md", "--stdin-filename", "b.md"],
                                      ["check", "-", "--changed-only"], ["extract", "-", "b.md"]])
    def test_misuse_is_a_usage_error(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "a.md").write_text(A, encoding="utf-8")
        _stdin(monkeypatch, SLIP)
        assert main(argv) == 2
        assert capsys.readouterr().err.count("\n") == 1
