"""examples/newsroom, the example content repository: what its README and the docs promise."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

NEWSROOM = Path(__file__).resolve().parent.parent / "examples" / "newsroom"


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example, as the working directory (so runs leave nothing in the repository)."""
    copy = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM, copy, ignore=shutil.ignore_patterns(".pytest_cache", "report.html"))
    monkeypatch.chdir(copy)
    return copy


def test_check_exits_1_naming_the_one_conflict(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck check .` exits 1 with one finding: the Valley Wire's €421 million."""
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert out.startswith("articles/2025-10-23-valley-wire-analysis.md:8:62: FC201 [warning] revenue of Larkspur")
    assert "«€421 million»" in out and "«€412m»" in out
    assert out.rstrip().splitlines()[-1] == (
        "Found 1 conflict in 4 documents (17 facts, 11 checkable). Not shown: 1 suppressed.")


def test_with_the_baseline_check_exits_0(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the committed baseline the conflict is accepted and `check` exits 0."""
    assert main(["check", ".", "--baseline", "accepted-baseline.json"]) == 0
    assert "Found 0 conflicts" in capsys.readouterr().out


def test_committed_baseline_is_current(newsroom: Path) -> None:
    """The committed baseline is what `factcheck baseline write` writes today (regenerate it if not)."""
    assert main(["baseline", "write", "-o", "fresh.json"]) == 0
    fresh = json.loads((newsroom / "fresh.json").read_text(encoding="utf-8"))
    assert fresh == json.loads((NEWSROOM / "accepted-baseline.json").read_text(encoding="utf-8"))


def test_readme_is_not_an_article(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The repository's README is excluded by the configuration: four documents, all articles."""
    main(["check", ".", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["summary"]["documents"] == 4


def test_pytest_factcheck_fails_exactly_one_item_with_the_cli_text(
        newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`pytest --factcheck` in the example: one failure, whose text is the CLI's for the finding."""
    main(["check", "."])
    block = capsys.readouterr().out.split("\n\n")[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    done = subprocess.run([sys.executable, "-m", "pytest", "--factcheck", "-p", "no:cacheprovider"],
                          cwd=newsroom, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.rstrip().splitlines()[-1].strip("= ").startswith("1 failed, 3 passed")
    assert block in done.stdout
    assert "Traceback" not in done.stdout and "FAILED articles/2025-10-23-valley-wire-analysis.md::FC201[" \
        in done.stdout
