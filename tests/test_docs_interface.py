"""The user docs name every output format, configuration key, plugin option and suppression rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import KEYS
from factcheck.output import FORMATS

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_page_documents_every_format(fmt: str) -> None:
    """docs/cli.md describes each --format value in bold, as its section does."""
    assert f"**{fmt}**" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(KEYS))
def test_configuration_page_documents_every_key(key: str) -> None:
    """docs/configuration.md has a table row for every key the validator accepts."""
    assert f"| `{key}` |" in (DOCS / "configuration.md").read_text(encoding="utf-8")


def test_plugin_page_documents_every_ini_option() -> None:
    """docs/pytest-plugin.md names every ini option and command-line flag the plugin adds."""
    import factcheck.pytest_plugin as plugin

    names: list[str] = []

    class Recorder:
        def getgroup(self, *args: object) -> Recorder:
            return self

        def addoption(self, *flags: str, **kwargs: object) -> None:
            names.extend(flags)

        def addini(self, name: str, *args: object, **kwargs: object) -> None:
            names.append(name)

    plugin.pytest_addoption(Recorder())  # type: ignore[arg-type]
    page = (DOCS / "pytest-plugin.md").read_text(encoding="utf-8")
    assert len(names) >= 6 and all(f"`{name}" in page for name in names)
