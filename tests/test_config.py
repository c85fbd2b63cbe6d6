"""Project configuration: discovery, strict validation, and user metrics and aliases."""

from __future__ import annotations

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
            ("[tool.factcheck]\nmetric = 1\n", "unknown key 'metric'; valid keys are: aliases, metrics", 2),
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
