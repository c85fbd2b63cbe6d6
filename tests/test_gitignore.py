"""Walking a directory leaves out what git ignores, as ruff does; git itself is asked, once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import Config, load_config
from factcheck.errors import ConfigError
from factcheck.project import collect_paths, git_ignored

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARTICLE = "Revenue was $5 billion.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A work tree: articles/a.md, drafts/b.md and articles/c.tmp.md, the last two ignored."""
    for name in ("articles/a.md", "drafts/b.md", "articles/c.tmp.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.md\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@needs_git
def test_walking_leaves_out_what_git_ignores(repo: Path) -> None:
    assert collect_paths(["."], Config()) == ["articles/a.md"]


@needs_git
def test_no_respect_gitignore_reads_everything(repo: Path) -> None:
    everything = ["articles/a.md", "articles/c.tmp.md", "drafts/b.md"]
    assert collect_paths(["."], Config(), respect_gitignore=False) == everything
    assert collect_paths(["."], Config(respect_gitignore=False)) == everything


@needs_git
def test_the_command_line_flag(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "."]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["articles/a.md"]
    assert main(["extract", ".", "--no-respect-gitignore"]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [
        "articles/a.md", "articles/c.tmp.md", "drafts/b.md"]
    assert main(["check", ".", "--no-respect-gitignore", "--format", "concise"]) == 0
    assert "in 3 documents" in capsys.readouterr().out


@needs_git
def test_the_configuration_key(repo: Path) -> None:
    (repo / "factcheck.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert len(collect_paths(["."], load_config(start="."))) == 3
    (repo / "factcheck.toml").write_text('respect-gitignore = "no"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="respect-gitignore must be true or false"):
        load_config(start=".")


@needs_git
def test_a_file_or_an_ignored_directory_named_is_read(repo: Path) -> None:
    assert collect_paths(["drafts/b.md"], Config()) == ["drafts/b.md"]
    assert collect_paths(["drafts"], Config()) == ["drafts/b.md"]


@needs_git
def test_a_tracked_file_is_never_ignored(repo: Path) -> None:
    subprocess.run(["git", "add", "-f", "drafts/b.md"], check=True, cwd=repo)
    assert collect_paths(["."], Config()) == ["articles/a.md", "drafts/b.md"]


@needs_git
def test_outside_a_work_tree_nothing_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert collect_paths(["."], Config()) == ["drafts/b.md"]


def test_without_git_nothing_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-dir"))
    assert git_ignored(str(tmp_path), [str(tmp_path / "b.md")]) == frozenset()
    assert collect_paths([str(tmp_path)], Config()) == [str(tmp_path / "b.md")]


@needs_git
def test_one_git_process_for_a_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        (repo / "articles" / f"n{i:02}.md").write_text(ARTICLE, encoding="utf-8")
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], *rest: object, **kw: object) -> object:
        calls.append(args)
        return real(args, *rest, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counting)
    assert len(collect_paths(["."], Config())) == 31
    assert len(calls) == 1 and calls[0][-3:] == ["check-ignore", "--stdin", "-z"]
