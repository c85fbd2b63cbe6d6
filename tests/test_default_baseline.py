"""``factcheck-baseline.json`` next to the configuration is the baseline by default: ``baseline
write`` writes it and says so, ``check``, ``factcheck.check()`` and ``pytest --factcheck`` use it,
``--no-baseline`` (``baseline=False``, ``--factcheck-no-baseline``) turns it off, ``-v`` names it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main

pytest_plugins = ["pytester"]

HEAD = "---\npublished: 2024-10-30\n---\n"
GOOD = HEAD + "Acme's revenue reached £22.6bn in 2024, the company said.\n"
ODD = HEAD + "Acme's revenue reached £226bn in 2024, according to the filing.\n"
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:typeguard")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repository with a configuration that names no baseline, one conflict in news/."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text(ODD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\npaths = ["news"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_baseline_write_then_check_uses_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The file `baseline write` writes is the one `check` reads next, unasked; the message says so."""
    assert main(["check"]) == 1
    capsys.readouterr()
    assert main(["baseline", "write"]) == 0
    assert capsys.readouterr().err == ("factcheck: wrote 1 finding to factcheck-baseline.json; `factcheck check` "
                                       "uses it from now on (--no-baseline to ignore it)\n")
    assert main(["check"]) == 0
    assert "1 in the baseline" in capsys.readouterr().out
    assert main(["check", "--no-baseline"]) == 1


def test_found_next_to_the_configuration_from_a_subdirectory(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Run from news/, the configuration is found walking up, and so is the baseline beside it."""
    assert main(["baseline", "write"]) == 0
    monkeypatch.chdir(project / "news")
    assert main(["check", "."]) == 0
    (project / "news" / "factcheck-baseline.json").write_text("not json", encoding="utf-8")
    assert main(["check", "."]) == 0  # a file of that name beside the articles is not the project's


def test_without_a_configuration_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(ODD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["baseline", "write"]) == 0
    assert "`factcheck check` uses it from now on" in capsys.readouterr().err
    assert main(["check"]) == 0
    assert main(["check", "--no-baseline"]) == 1


def test_verbose_names_the_baseline_found(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "-v"])
    assert "factcheck: baseline: none\n" in capsys.readouterr().err
    main(["baseline", "write"])
    capsys.readouterr()
    main(["check", "-v"])
    assert ("factcheck: baseline: factcheck-baseline.json (found by its default name; --no-baseline to ignore it)\n"
            in capsys.readouterr().err)
    main(["check", "-v", "--no-baseline"])
    assert "factcheck: baseline: none\n" in capsys.readouterr().err


def test_written_elsewhere_the_message_says_how_to_use_it(project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`-o other.json` (or `check --write-baseline`) is not read unasked: the message gives the
    option and the configuration line; once there is a default file, it says that one still wins."""
    assert main(["baseline", "write", "-o", "other.json"]) == 0
    assert capsys.readouterr().err.endswith(
        "to other.json; `factcheck check` uses it with --baseline other.json, "
        'or set baseline = "other.json" in [tool.factcheck]\n')
    assert main(["check"]) == 1
    main(["baseline", "write"])
    assert main(["check", "--write-baseline", "news/../third.json"]) == 0
    assert "`factcheck check` still uses factcheck-baseline.json: pass --baseline third.json, or set " \
           'baseline = "third.json" in [tool.factcheck]' in capsys.readouterr().err


def test_a_configured_baseline_wins(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\npaths = ["news"]\nbaseline = "accepted.json"\n',
                                            encoding="utf-8")
    (project / "factcheck-baseline.json").write_text("not json", encoding="utf-8")  # never read
    assert main(["baseline", "write"]) == 0
    assert "to accepted.json; `factcheck check` uses it from now on" in capsys.readouterr().err
    assert main(["check"]) == 0


def test_the_library_uses_it_too(project: Path) -> None:
    """`factcheck.check()` runs the command's run: the default file applies, `baseline=False` drops it."""
    assert factcheck.check().findings
    assert main(["baseline", "write"]) == 0
    report = factcheck.check()
    assert not report.findings and len(report.baselined) == 1
    assert factcheck.check("news").baselined
    assert factcheck.check(baseline=False).findings


def test_the_pytest_plugin_uses_it_too(pytester: pytest.Pytester) -> None:
    """`pytest --factcheck` accepts the default file's findings (strict xfail) and names it in its
    header; `--factcheck-no-baseline` reads none."""
    pytester.mkdir("news")
    (pytester.path / "news" / "a.md").write_text(GOOD, encoding="utf-8")
    (pytester.path / "news" / "b.md").write_text(ODD, encoding="utf-8")
    pytester.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\n')
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(pytester.path)
        assert main(["baseline", "write"]) == 0
    assert json.loads((pytester.path / "factcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    result = pytester.runpytest("--factcheck", *QUIET)
    result.assert_outcomes(xfailed=1, passed=1)
    result.stdout.fnmatch_lines(["factcheck: 2 articles, configuration *pyproject.toml, "
                                 "baseline factcheck-baseline.json"])
    pytester.runpytest("--factcheck", "--factcheck-no-baseline", *QUIET).assert_outcomes(failed=1, passed=1)
