"""Colour in the text formats: on a terminal only, as no-color.org and FORCE_COLOR ask, never in a file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = [str(ROOT / "seeds"), "--reference", str(ROOT / "seeds" / "reference.toml")]
ESC = "\033["


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def _run_on(stream: io.StringIO, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.setattr("sys.stdout", stream)
    assert main(["check", *SEEDS, *args]) == 1
    return stream.getvalue()


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_a_terminal_gets_colour(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    out = _run_on(Terminal(), monkeypatch, "--format", fmt)
    first = out.splitlines()[0]
    assert first.startswith(ESC + "1m") and "\033[31m[error]\033[0m" in first  # the place bold, the severity red
    # the summary and everything after the location line stay plain
    assert ESC not in out.splitlines()[-1]


def test_a_pipe_gets_none(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ESC not in _run_on(io.StringIO(), monkeypatch)


def test_no_color_wins_over_a_terminal_and_force_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC not in _run_on(Terminal(), monkeypatch)


def test_force_color_colours_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC in _run_on(io.StringIO(), monkeypatch)


def test_never_into_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    target = tmp_path / "report.txt"
    _run_on(Terminal(), monkeypatch, "-o", str(target))
    assert ESC not in target.read_text(encoding="utf-8")


def test_machine_formats_stay_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    for fmt in ("json", "jsonl", "sarif", "github"):
        assert ESC not in _run_on(Terminal(), monkeypatch, "--format", fmt)
