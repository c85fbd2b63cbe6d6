"""`factcheck check`: exit codes, formats, selection and the JSON the scorers read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

A = "---\npublished: 2024-10-30\n---\nAcme's revenue reached £22.6bn in 2024, the company said.\n"
B = "---\npublished: 2024-10-30\n---\nAcme's revenue reached £226bn in 2024, according to the filing.\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "b.md").write_text(B, encoding="utf-8")
    return tmp_path


class TestCheckCommand:
    def test_conflict_exits_1_with_json_per_contract(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A conflict gives exit 1 and JSON findings with code, severity, message and the facts' spans."""
        assert main(["check", str(corpus), "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)
        [finding] = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
        assert finding["code"] == "FC201" and finding["severity"] == "error"
        assert "factor of 10" in finding["message"]
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
        assert "FC201 [error]" in out and "«£226bn»" in out and "«£22.6bn»" in out
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
