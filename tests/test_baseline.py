"""Baselines: content fingerprints that survive edits elsewhere, the file, and the CLI around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.documents import parse_document
from factcheck.errors import ConfigError
from factcheck.pipeline import check
from factcheck.report import Report
from factcheck.report.baseline import Baseline, apply_baseline, fingerprint, load_baseline

HEAD = "---\npublished: 2024-10-30\n---\n"
GOOD = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
ODD = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n"


def _report(odd: str = ODD, good: str = GOOD) -> Report:
    return check([parse_document(good, "a.md"), parse_document(odd, "b.md")])


def _fp(report: Report) -> str:
    [finding] = report.findings
    return fingerprint(finding, {d.path: d for d in report.documents})


class TestFingerprint:
    def test_survives_edits_elsewhere(self) -> None:
        """Paragraphs added above the figure and a changed title leave the fingerprint alone."""
        moved = ODD.replace("published: 2024-10-30", "published: 2024-10-30\ntitle: New title").replace(
            HEAD, HEAD + "# A headline\n\nA new paragraph with no numbers.\n\n")
        before, after = _report(), _report(moved)
        starts = [next(f.q.start for f in r.findings[0].facts if f.doc == "b.md") for r in (before, after)]
        assert starts[0] != starts[1]
        assert _fp(before) == _fp(after)

    def test_whitespace_and_case_of_the_sentence_do_not_count(self) -> None:
        """A sentence re-wrapped or re-cased is the same sentence."""
        rewrapped = ODD.replace("reached £28.6bn in 2024, according", "reached £28.6bn in 2024,\n  According")
        assert _fp(_report()) == _fp(_report(rewrapped.replace("According", "according")))

    @pytest.mark.parametrize("edit", [
        ("£28.6bn", "£28.7bn"),
        ("according to the filing", "according to its filing"),
    ], ids=["the figure", "the sentence"])
    def test_changes_when_the_claim_changes(self, edit: tuple[str, str]) -> None:
        """Rewriting the figure or its sentence makes a new finding."""
        assert _fp(_report()) != _fp(_report(ODD.replace(*edit)))

    def test_paths_count_from_the_root(self, tmp_path: Path) -> None:
        """The same documents under another root give the same fingerprint (paths are relative)."""
        a, b = tmp_path / "x", tmp_path / "y"
        for root in (a, b):
            root.mkdir()
        r1 = check([parse_document(GOOD, str(a / "a.md")), parse_document(ODD, str(a / "b.md"))])
        r2 = check([parse_document(GOOD, str(b / "a.md")), parse_document(ODD, str(b / "b.md"))])
        docs1, docs2 = {d.path: d for d in r1.documents}, {d.path: d for d in r2.documents}
        assert fingerprint(r1.findings[0], docs1, a) == fingerprint(r2.findings[0], docs2, b)
        assert fingerprint(r1.findings[0], docs1, a) != fingerprint(r1.findings[0], docs1, b)


class TestBaselineFile:
    def test_round_trip_and_split(self, tmp_path: Path) -> None:
        """A written baseline accepts its findings; a second copy of a finding is new."""
        report = _report()
        target = tmp_path / "baseline.json"
        docs = {d.path: d for d in report.documents}
        target.write_text(Baseline.from_findings(report.findings, docs, target).to_json(), encoding="utf-8")
        loaded = load_baseline(target)
        assert [e.code for e in loaded.entries] == ["FC201"] and loaded.entries[0].count == 1
        new, known, stale = loaded.split([*report.findings, *report.findings], docs)
        assert (len(new), len(known), stale) == (1, 1, [])

    def test_stale_entries_are_kept_with_their_count(self, tmp_path: Path) -> None:
        """An entry no finding matches any more is returned as stale."""
        report = _report()
        baseline = Baseline.from_findings(report.findings, {d.path: d for d in report.documents})
        fixed = apply_baseline(_report(ODD.replace("£28.6bn", "£22.6bn")), baseline)
        assert fixed.findings == () and [e.code for e in fixed.stale] == ["FC201"]

    @pytest.mark.parametrize(("content", "problem"), [
        ("{", "not valid JSON"),
        ('{"findings": []}', "not a factcheck baseline"),
        ('{"factcheck_baseline": 1}', 'no "findings" list'),
        ('{"factcheck_baseline": 1, "findings": [{"code": "FC201"}]}', "entry 1 needs a \"fingerprint\""),
    ], ids=["bad json", "no version", "no findings", "entry without fingerprint"])
    def test_bad_file_is_a_config_error(self, tmp_path: Path, content: str, problem: str) -> None:
        """A malformed baseline stops the run with a message naming the file."""
        path = tmp_path / "b.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_baseline(path)
        assert problem in str(err.value) and str(path) in str(err.value)

    def test_missing_file_says_how_to_create_it(self, tmp_path: Path) -> None:
        """A missing baseline names the command that writes one."""
        with pytest.raises(ConfigError, match="factcheck baseline write"):
            load_baseline(tmp_path / "none.json")


class TestCommands:
    @pytest.fixture()
    def corpus(self, tmp_path: Path) -> Path:
        (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
        (tmp_path / "b.md").write_text(ODD, encoding="utf-8")
        return tmp_path

    def test_write_then_check_exits_0(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`check --write-baseline` records the findings; `check --baseline` then exits 0."""
        target = corpus / "baseline.json"
        assert main(["check", str(corpus), "--write-baseline", str(target)]) == 0
        assert "wrote 1 finding to" in capsys.readouterr().err
        assert main(["check", str(corpus), "--baseline", str(target)]) == 0
        out = capsys.readouterr().out
        assert "Found 0 conflicts" in out and "1 in the baseline" in out

    def test_baseline_write_command_uses_the_configured_file(self, corpus: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
        """`factcheck baseline write` writes the configuration's baseline, which `check` then uses."""
        (corpus / "factcheck.toml").write_text('paths = ["."]\nbaseline = "accepted.json"\n', encoding="utf-8")
        monkeypatch.chdir(corpus)
        assert main(["check"]) == 2  # the configured baseline does not exist yet
        assert main(["baseline", "write"]) == 0
        assert json.loads((corpus / "accepted.json").read_text(encoding="utf-8"))["findings"][0]["code"] == "FC201"
        assert main(["check"]) == 0
        assert main(["check", "--no-baseline"]) == 1

    def test_baseline_survives_an_edit_above_the_figure(self, corpus: Path) -> None:
        """After a paragraph is added above the conflicting figure, the baseline still accepts it."""
        target = corpus / "baseline.json"
        assert main(["check", str(corpus), "--write-baseline", str(target)]) == 0
        (corpus / "b.md").write_text(ODD.replace(HEAD, HEAD + "An added paragraph.\n\n"), encoding="utf-8")
        assert main(["check", str(corpus), "--baseline", str(target)]) == 0

    def test_write_baseline_refuses_changed_only(self, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A baseline records every finding, so it cannot be written from a filtered run."""
        assert main(["check", str(corpus), "--changed", "a.md", "--write-baseline", str(corpus / "b.json")]) == 2
        assert "cannot be combined" in capsys.readouterr().err
