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
ODD = HEAD + "Acme's revenue reached £28.6bn in 2024, according to the filing.\n"
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


# --- a stale entry: one verdict (a warning) on the article that changed, in the CLI and pytest ---

THIRD = HEAD + "Acme's revenue was £22.6bn in 2024, a third outlet said.\n"


@pytest.fixture()
def fixed(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three sources, the odd one (b.md) accepted in the default baseline, then corrected."""
    (project / "news" / "c.md").write_text(THIRD, encoding="utf-8")
    assert main(["baseline", "write"]) == 0
    (project / "news" / "b.md").write_text(ODD.replace("£28.6bn", "£22.6bn"), encoding="utf-8")
    capsys.readouterr()
    return project


def test_stale_entry_is_a_warning_on_the_changed_article(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` prints the stale entry on b.md, the article whose sentence changed, as a warning:
    exit 1 under the default fail-on, 0 under fail-on error; -q still prints it."""
    assert main(["check", "--format", "concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("news/b.md: FC201 [warning] baseline entry ")
    assert "no longer matches a finding: fixed? rewrite the baseline with `factcheck baseline write` (it was: " \
           "revenue of Acme for 2024: '£28.6bn' in news/b.md disagrees" in lines[0]
    assert "1 baseline entry no longer matches a finding" in lines[-1]
    assert main(["check", "--fail-on", "error"]) == 0
    capsys.readouterr()
    assert main(["check", "-q"]) == 1
    assert capsys.readouterr().out.startswith("news/b.md: FC201 [warning] baseline entry ")


def test_stale_reported_on_the_changed_article_not_the_flagged_one(fixed: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """When another source changes (here a.md, so b.md's figure is no longer contradicted), the
    entry is reported on a.md, though the finding was reported on b.md."""
    (fixed / "news" / "b.md").write_text(ODD, encoding="utf-8")
    for name in ("a.md", "c.md"):
        (fixed / "news" / name).write_text(HEAD + "Acme hired 300 engineers.\n", encoding="utf-8")
    main(["check", "--format", "concise"])
    assert capsys.readouterr().out.startswith("news/a.md: FC201 [warning] baseline entry ")


def test_a_run_that_could_not_match_the_entry_says_nothing(fixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another rule selected, only some articles read, or another file changed: not stale."""
    assert main(["check", "--select", "FC3"]) == 0
    assert main(["check", "news/a.md"]) == 0
    assert main(["check", "--changed", "news/x.md"]) == 0
    assert "no longer matches" not in capsys.readouterr().out


def test_stale_entry_same_verdict_in_the_library(fixed: Path) -> None:
    """`factcheck.check()` keeps the stale entry, spelt on the changed article."""
    [entry] = factcheck.check().stale
    assert entry.doc == "news/b.md" and entry.code == "FC201"


def test_stale_entry_fails_the_same_article_in_pytest(pytester: pytest.Pytester) -> None:
    """`pytest --factcheck` fails b.md's `baseline[...]` item with the command's line (not an XPASS);
    with fail-on = "error" the entry is a note, as the command's exit status 0 is."""
    pytester.mkdir("news")
    for name, text in (("a.md", GOOD), ("b.md", ODD), ("c.md", THIRD)):
        (pytester.path / "news" / name).write_text(text, encoding="utf-8")
    pytester.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\n')
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(pytester.path)
        assert main(["baseline", "write"]) == 0
    (pytester.path / "news" / "b.md").write_text(ODD.replace("£28.6bn", "£22.6bn"), encoding="utf-8")
    result = pytester.runpytest("--factcheck", *QUIET)
    result.assert_outcomes(failed=1, passed=2)
    result.stdout.fnmatch_lines(["news/b.md: FC201 [[]warning[]] baseline entry * no longer matches a finding*",
                                 "FAILED news/b.md::baseline[[]FC201:*"])
    assert "XPASS" not in result.stdout.str()
    pytester.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\nfail-on = "error"\n')
    pytester.runpytest("--factcheck", *QUIET).assert_outcomes(passed=3)
