"""`.pre-commit-hooks.yaml`: a valid hook that runs `factcheck check --changed-only` on articles."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from factcheck.cli import _parser

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


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
