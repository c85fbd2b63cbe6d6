"""`.pre-commit-hooks.yaml`: a valid hook that runs `factcheck check --changed-only` on articles,
and the two `.pre-commit-config.yaml` forms docs/cli.md gives (scripts/try_pre_commit.sh runs them
with pre-commit itself)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _documented_configs() -> list[dict[str, Any]]:
    """The `.pre-commit-config.yaml` blocks of docs/cli.md's pre-commit section."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text[text.index("## pre-commit and `--changed-only`"):]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```",
                                                           section, re.S)]


def test_hook_is_complete_and_its_entry_parses() -> None:
    """The hook has pre-commit's required keys, and its entry plus file names is a valid command."""
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert {"id", "name", "entry", "language"} <= hook.keys() and hook["id"] == "factcheck"
    assert hook["language"] == "python" and hook["require_serial"] is True
    program, *arguments = hook["entry"].split()
    args = _parser().parse_args([*arguments, "news/a.md", "news/b.md"])
    assert program == "factcheck" and args.changed_only and args.paths == ["news/a.md", "news/b.md"]


def test_hook_runs_on_articles_only() -> None:
    """The `files` pattern takes Markdown and text articles and leaves code and data alone."""
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.md", "news/b.markdown", "c.txt"))
    assert not any(pattern.search(name) for name in ("setup.py", "data.json", "notes.md.bak"))


def test_documented_configurations_match_the_hook() -> None:
    """docs/cli.md gives a `repo: local` hook that runs what the published hook runs, on the same
    files, and a remote form that pins a tag (not a placeholder host) and names the hook's id."""
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    local, remote = _documented_configs()
    [mine] = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local" and mine["language"] == "system"
    assert (mine["id"], mine["entry"], mine["files"], mine["require_serial"]) == (
        hook["id"], hook["entry"], hook["files"], True)
    [(repo, rev, hooks)] = [(r["repo"], r["rev"], r["hooks"]) for r in remote["repos"]]
    assert hooks == [{"id": hook["id"]}] and re.fullmatch(r"v\d+\.\d+\.\d+(\.dev\d+)?", rev)
    assert "example.org" not in repo


def test_try_script_is_valid_bash() -> None:
    """scripts/try_pre_commit.sh (run by hand: it installs pre-commit and builds environments)
    at least parses."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    subprocess.run([bash, "-n", str(ROOT / "scripts" / "try_pre_commit.sh")], check=True)
