"""The pytest plugin: opt-in, one item per finding with the CLI's text, baselines as strict xfails."""

from __future__ import annotations

import json

import pytest

from acme import HEAD, A, B
from factcheck.documents import read_document
from factcheck.output.text import render_finding
from factcheck.pipeline import check

pytest_plugins = ["pytester"]

C = HEAD + "Hooli hired 300 engineers.\n"


#: Plugins the inner sessions do not need; leaving them out keeps each inner run fast.
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:typeguard")


@pytest.fixture()
def content(pytester: pytest.Pytester) -> pytest.Pytester:
    """A content repository: three articles, one conflict between a.md and b.md."""
    pytester.mkdir("news")
    for name, text in (("a.md", A), ("b.md", B), ("c.md", C)):
        (pytester.path / "news" / name).write_text(text, encoding="utf-8")
    pytester.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\n')
    return pytester


def test_off_without_the_option(content: pytest.Pytester) -> None:
    """Installing factcheck changes nothing: without --factcheck no article is collected."""
    result = content.runpytest(*QUIET)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_one_item_per_finding_with_the_cli_text(content: pytest.Pytester) -> None:
    """The conflict fails one item whose report is the CLI's text; clean articles pass."""
    result = content.runpytest("--factcheck", *QUIET)
    result.assert_outcomes(failed=1, passed=2)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(content.path)
        report = check([read_document(f"news/{n}") for n in ("a.md", "b.md", "c.md")])
        expected = render_finding(report.findings[0], {d.path: d.text for d in report.documents})
    out = result.stdout.str()
    assert expected.rstrip("\n") in out
    assert "Traceback" not in out and "FactcheckFailure" not in out
    result.stdout.fnmatch_lines(["*factcheck: 3 articles*", "FAILED news/a.md::FC201[[]Acme:revenue:2024[]]*"])


def test_ini_option_enables_and_names_paths(pytester: pytest.Pytester) -> None:
    """`factcheck = true` and `factcheck_paths` in the ini file work without any factcheck config."""
    pytester.mkdir("docs")
    (pytester.path / "docs" / "a.md").write_text(A, encoding="utf-8")
    (pytester.path / "docs" / "b.md").write_text(B, encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck = true\nfactcheck_paths = docs\n")
    pytester.runpytest(*QUIET).assert_outcomes(failed=1, passed=1)


def test_baselined_finding_is_a_strict_xfail(content: pytest.Pytester) -> None:
    """A baselined finding xfails; once fixed, its entry fails on the article that changed until pruned."""
    from factcheck.cli import main

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(content.path)
        assert main(["baseline", "write"]) == 0
    baseline = json.loads((content.path / "factcheck-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["findings"]) == 1
    content.runpytest("--factcheck", "--factcheck-baseline", "factcheck-baseline.json",
                      *QUIET).assert_outcomes(xfailed=1, passed=2)
    (content.path / "news" / "b.md").write_text(B.replace("£28.6bn", "£22.6bn"), encoding="utf-8")
    result = content.runpytest("--factcheck", "--factcheck-baseline", "factcheck-baseline.json",
                               *QUIET)
    result.assert_outcomes(failed=1, passed=2)
    result.stdout.fnmatch_lines(["news/b.md: FC201 [[]warning[]] baseline entry * no longer matches a finding: "
                                 "fixed? rewrite the baseline with `factcheck baseline write`*",
                                 "FAILED news/b.md::baseline[[]FC201:*"])


def test_bad_configuration_is_a_usage_error(content: pytest.Pytester) -> None:
    """A configuration error stops the session with pytest's usage error and one line naming it."""
    content.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\nselekt = ["FC2"]\n')
    result = content.runpytest("--factcheck", *QUIET)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: *pyproject.toml:3: unknown key 'selekt' (did you mean 'select'?)*"])


def test_findings_below_fail_on_do_not_fail(content: pytest.Pytester) -> None:
    """With fail-on = "never" in the configuration, every article passes."""
    content.makepyprojecttoml('[tool.factcheck]\npaths = ["news"]\nfail-on = "never"\n')
    content.runpytest("--factcheck", *QUIET).assert_outcomes(passed=3)


def _package_path() -> dict[str, str]:
    """The environment of a child Python that imports this factcheck (the one under test)."""
    import os
    from pathlib import Path

    import factcheck

    here = str(Path(factcheck.__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)}


def test_importing_the_plugin_loads_no_pipeline() -> None:
    """pytest imports the plugin in every project where factcheck is installed: that import must
    not load the pipeline (the extractor, the rules, the report), only the package's face."""
    import subprocess
    import sys

    code = ("import sys, factcheck.pytest_plugin\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('factcheck'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=_package_path())
    loaded = set(done.stdout.split())
    assert "factcheck.pytest_plugin" in loaded
    stages = {"pipeline", "project", "extract", "attribute", "rules", "report", "link", "group", "facts", "model",
              "config"}
    heavy = {m for m in loaded if m.partition(".")[2].split(".")[0] in stages}
    assert not heavy, f"importing the plugin loaded {sorted(heavy)}"


def test_a_session_without_factcheck_loads_no_pipeline(content: pytest.Pytester,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole pytest session that does not ask for factcheck (the plugin registered through its
    entry point, or with -p) never imports the pipeline; one that asks does (and test_light fails)."""
    content.makepyfile(test_light="import sys\n\n"
                                  "def test_light():\n"
                                  "    assert 'factcheck.pytest_plugin' in sys.modules\n"
                                  "    assert 'factcheck.pipeline' not in sys.modules\n"
                                  "    assert 'factcheck.extract' not in sys.modules\n")
    monkeypatch.setenv("PYTHONPATH", _package_path()["PYTHONPATH"])
    args = [*QUIET] if _entry_point() else ["-p", "factcheck.pytest_plugin", *QUIET]
    content.runpytest_subprocess(*args).assert_outcomes(passed=1)
    content.runpytest_subprocess("--factcheck", *args).assert_outcomes(passed=2, failed=2)


def _entry_point() -> bool:
    from importlib.metadata import entry_points

    return any(e.value == "factcheck.pytest_plugin" for e in entry_points(group="pytest11"))


def test_unreadable_article_is_one_failed_item(content: pytest.Pytester) -> None:
    """A Latin-1 article fails one item, FC001, with the command's line; the other articles are
    still collected and checked, and nothing is a collection error or a traceback."""
    latin1 = (HEAD + "Acme's revenue reached £22.6bn in 2024.\n").encode("latin-1")
    (content.path / "news" / "d.md").write_bytes(latin1)
    result = content.runpytest("--factcheck", *QUIET)
    result.assert_outcomes(failed=2, passed=2)
    out = result.stdout.str()
    assert "error during collection" not in out and "Traceback" not in out
    result.stdout.fnmatch_lines([
        "news/d.md:4:1: FC001 [error] cannot read this file: is not valid UTF-8 (byte 0xa3 at offset 53)",
        "FAILED news/a.md::FC201*",
        "FAILED news/d.md::FC001*",
    ])
