"""Project configuration: discovery, strict validation, and user metrics and aliases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import find_config, load_config
from factcheck.errors import ConfigError

ARTICLE = "---\npublished: 2025-01-10\n---\nAcme's AUM rose to $40bn in 2024.\n"


def _project(tmp_path: Path, config: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


class TestDiscovery:
    def test_walks_up_from_the_article(self, tmp_path: Path) -> None:
        """The nearest pyproject.toml with [tool.factcheck] above the path is used."""
        article = _project(tmp_path, "[tool.factcheck.metrics]\nrevenue = ['gmv']\n")
        assert find_config(article) == tmp_path / "pyproject.toml"

    def test_pyproject_without_our_table_is_skipped(self, tmp_path: Path) -> None:
        """A pyproject.toml that does not mention factcheck is not our configuration."""
        article = _project(tmp_path, "[tool.ruff]\nline-length = 100\n")
        assert find_config(article) is None
        assert load_config(start=article).metrics == {}

    def test_factcheck_toml_wins(self, tmp_path: Path) -> None:
        """factcheck.toml holds the keys at top level and is preferred in its directory."""
        article = _project(tmp_path, "[metrics]\nrevenue = ['gmv']\n", name="factcheck.toml")
        (tmp_path / "pyproject.toml").write_text("[tool.factcheck.metrics]\nprofit = ['x']\n", encoding="utf-8")
        assert dict(load_config(start=article).metrics) == {"revenue": ("gmv",)}


class TestValidation:
    @pytest.mark.parametrize(
        ("config", "problem", "line"),
        [
            ("[tool.factcheck]\nmetric = 1\n", "unknown key 'metric' (did you mean 'metrics'?); valid keys are: "
             "aliases, baseline, exclude, fail-on, ignore, metrics, paths, per-file-ignores, rates, reference, "
             "respect-gitignore, select", 2),
            ("[tool.factcheck]\nmetrics = 3\n", "metrics must be a table", 2),
            ("[tool.factcheck.metrics]\nrevenue = 'gmv'\n", "metrics.revenue must be a list of phrases", 2),
            ("[tool.factcheck.aliases]\nBABA = 1\n", "aliases.BABA must be an entity name", 2),
            ("[tool.factcheck\n", "invalid TOML", 1),
        ],
        ids=["unknown key", "not a table", "not a list", "bad alias", "bad toml"],
    )
    def test_bad_configuration_names_the_file_line_and_problem(
        self, tmp_path: Path, config: str, problem: str, line: int
    ) -> None:
        """Each mistake is a ConfigError with the file, the line and what is wrong."""
        (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_config(tmp_path / "pyproject.toml")
        assert problem in str(err.value)
        assert err.value.line == line

    def test_cli_exits_2_with_one_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad configuration stops the command with exit status 2 and one line on stderr."""
        article = _project(tmp_path, "[tool.factcheck]\nmetric = 1\n")
        assert main(["extract", str(article)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.count("\n") == 1 and "unknown key 'metric'" in err


class TestUserVocabulary:
    def test_user_metric_is_attributed(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A metric added in configuration names quantities in extract output."""
        article = _project(tmp_path, "[tool.factcheck.metrics]\n\"assets under management\" = [\"AUM\"]\n")
        assert main(["extract", str(article), "--format", "jsonl"]) == 0
        assert '"metric": "assets under management"' in capsys.readouterr().out

    def test_without_configuration_the_word_is_unknown(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same article without the setting has no metric for the amount."""
        article = _project(tmp_path, "[tool.ruff]\n")
        assert main(["extract", str(article), "--format", "jsonl"]) == 0
        assert '"metric": null' in capsys.readouterr().out

    def test_user_aliases_extend_the_table(self, tmp_path: Path) -> None:
        """An alias from configuration resolves to its canonical name."""
        (tmp_path / "factcheck.toml").write_text("[aliases]\n\"Ant Financial\" = \"Ant Group\"\n", encoding="utf-8")
        table = load_config(tmp_path / "factcheck.toml").alias_table()
        assert table.canonical("Ant Financial") == "Ant Group"
        assert table.canonical("BABA") == "Alibaba"


class TestCheckSettings:
    @pytest.mark.parametrize(
        ("config", "problem"),
        [
            ("[tool.factcheck]\nselect = ['FC299']\n", "select: 'FC299' is the code or prefix of no rule"),
            ("[tool.factcheck]\nignore = 'FC2'\n", "ignore must be a list of strings"),
            ("[tool.factcheck]\nfail-on = 'sometimes'\n", "fail-on must be one of: error, warning, never"),
            ("[tool.factcheck]\nbaseline = 3\n", "baseline must be a file name"),
            ("[tool.factcheck]\npaths = 'articles'\n", "paths must be a list of strings"),
            ("[tool.factcheck.per-file-ignores]\n'archive/*' = ['XX1']\n",
             "per-file-ignores.archive/*: 'XX1' is the code or prefix of no rule"),
            ("[tool.factcheck]\nfail_on = 'error'\n", "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ],
        ids=["unknown code", "not a list", "bad fail-on", "bad baseline", "paths not a list", "bad per-file code",
             "underscore"],
    )
    def test_bad_values_are_config_errors(self, tmp_path: Path, config: str, problem: str) -> None:
        """Every new key is checked: wrong types, unknown codes and misspellings name the problem."""
        (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_config(tmp_path / "pyproject.toml")
        assert problem in str(err.value)

    def test_values_are_read(self, tmp_path: Path) -> None:
        """Valid settings arrive in the Config, codes upper-cased, paths kept as written."""
        (tmp_path / "factcheck.toml").write_text(
            'paths = ["news"]\nexclude = ["drafts"]\nselect = ["fc2"]\nignore = ["FC202"]\nfail-on = "error"\n'
            'baseline = "b.json"\nreference = "ref.toml"\n[per-file-ignores]\n"archive/*" = ["FC201"]\n',
            encoding="utf-8")
        config = load_config(tmp_path / "factcheck.toml")
        assert (config.paths, config.exclude, config.select, config.ignore, config.fail_on) == (
            ("news",), ("drafts",), ("FC2",), ("FC202",), "error")
        assert config.resolve(config.baseline or "") == tmp_path / "b.json"
        assert config.file_ignores(tmp_path / "archive" / "2020" / "a.md") == ("FC201",)
        assert config.file_ignores(tmp_path / "news" / "a.md") == ()
        assert config.is_excluded(tmp_path / "news" / "drafts" / "a.md")
        assert not config.is_excluded(tmp_path / "news" / "a.md")


class TestCheckWithConfiguration:
    A = "---\npublished: 2024-10-30\n---\nAcme's revenue reached £22.6bn in 2024, the company said.\n"
    B = "---\npublished: 2024-10-30\n---\nAcme's revenue reached £28.6bn in 2024, according to the filing.\n"

    @pytest.fixture()
    def project(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        (tmp_path / "news").mkdir()
        (tmp_path / "news" / "a.md").write_text(self.A, encoding="utf-8")
        (tmp_path / "news" / "b.md").write_text(self.B, encoding="utf-8")
        (tmp_path / "README.md").write_text("# About\nRevenue was £1bn in 2024.\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return tmp_path

    def _config(self, project: Path, text: str) -> None:
        (project / "factcheck.toml").write_text(text, encoding="utf-8")

    def test_configured_paths_and_exclude(self, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Without paths, `check` reads the configured ones; excluded files are never read."""
        self._config(project, 'paths = ["."]\nexclude = ["README.md"]\n')
        assert main(["check", "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)
        assert report["summary"]["documents"] == 2
        assert {f["doc"] for f in report["findings"][0]["facts"]} == {"news/a.md", "news/b.md"}

    def test_no_paths_anywhere_checks_the_working_directory(self, project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
        """`check` with no path and no configured paths checks `.` (as ruff does), excludes applied."""
        self._config(project, 'exclude = ["README.md"]\n')
        assert main(["check", "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)
        assert report["summary"]["documents"] == 2
        assert {f["doc"] for f in report["findings"][0]["facts"]} == {"news/a.md", "news/b.md"}

    @pytest.mark.parametrize(("config", "options", "status"), [
        ('ignore = ["FC2"]\n', [], 0),
        ('ignore = ["FC2"]\n', ["--ignore", ""], 1),
        ('select = ["FC3"]\n', ["--select", "FC201"], 1),
        ('fail-on = "never"\n', [], 0),
        ('fail-on = "never"\n', ["--fail-on", "error"], 1),
        ('[per-file-ignores]\n"news/b.md" = ["FC201"]\n', [], 0),
    ], ids=["config ignore", "cli clears ignore", "cli select wins", "config fail-on", "cli fail-on wins",
            "per-file-ignores"])
    def test_options_override_the_configuration(self, project: Path, config: str, options: list[str],
                                                status: int) -> None:
        """Each setting works from the file, and the command-line option replaces it."""
        self._config(project, config)
        assert main(["check", "news", *options]) == status

    def test_unknown_code_on_the_command_line(self, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--select with a code of no rule is a usage error (exit 2), not a silent no-op."""
        assert main(["check", "news", "--select", "FC2,FC777"]) == 2
        assert "'FC777' is the code or prefix of no rule" in capsys.readouterr().err

    def test_configured_reference(self, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`reference` in the configuration is read relative to the file, and a bad one exits 2."""
        (project / "ref.toml").write_text("[[fact]]\nentity = 'Acme'\n", encoding="utf-8")
        self._config(project, 'reference = "ref.toml"\n')
        assert main(["check", "news"]) == 2
        assert "ref.toml:1: [[fact]] is missing" in capsys.readouterr().err
