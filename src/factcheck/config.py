"""Project configuration: ``factcheck.toml``, or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is found by walking up from the first path checked (or the working directory) to the
first directory holding either file; ``factcheck.toml`` wins over ``pyproject.toml`` in the same
directory. Keys are validated strictly: an unknown key is an error that names the valid ones,
because a misspelt setting that is silently ignored is worse than none.

```toml
[tool.factcheck.metrics]          # more words for a metric, or a new metric
revenue = ["gmv", "top line"]
"assets under management" = ["aum"]

[tool.factcheck.aliases]          # names that mean the same entity
"Ant Financial" = "Ant Group"
"BABA" = "Alibaba"
```
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck.errors import ConfigError

#: Every key the configuration may hold, with what it takes.
KEYS: dict[str, str] = {
    "metrics": "a table of metric name -> list of phrases",
    "aliases": "a table of alias -> canonical entity name",
}


@attrs.frozen
class Config:
    """Validated settings; the defaults are what runs without any file."""

    path: str | None = None
    metrics: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    aliases: Mapping[str, str] = attrs.field(factory=dict)

    def vocabulary(self) -> Any:
        """The metric vocabulary, with this project's phrases added."""
        from factcheck.attribute.metrics import MetricVocabulary

        vocab = MetricVocabulary.default()
        return vocab.extend({k: list(v) for k, v in self.metrics.items()}) if self.metrics else vocab

    def alias_table(self) -> Any:
        """The alias table, with this project's aliases added."""
        from factcheck.resolve import AliasTable

        table = AliasTable.default()
        return table.extend(dict(self.aliases)) if self.aliases else table


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]``, walking up."""
    here = Path(start or os.getcwd()).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for directory in (here, *here.parents):
        own = directory / "factcheck.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        if project.is_file() and "factcheck" in _read(project).get("tool", {}):
            return project
    return None


def load_config(path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate a configuration file (``path``, or the one :func:`find_config` finds)."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    data = _read(found)
    table = data.get("tool", {}).get("factcheck", {}) if found.name == "pyproject.toml" else data
    return _validate(table, str(found))


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "is not valid UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's tomllib has the position only in its message: "... (at line 3, column 7)"
        where = re.search(r"\(at line (\d+)", str(exc))
        line = int(where.group(1)) if where else None
        message = str(exc).split(" (at ")[0]
        raise ConfigError(str(path), f"invalid TOML: {message}", line=line) from None


def _validate(table: Mapping[str, Any], path: str) -> Config:
    text = Path(path).read_text(encoding="utf-8")
    for key in table:
        if key not in KEYS:
            valid = ", ".join(sorted(KEYS))
            raise ConfigError(path, f"unknown key {key!r}; valid keys are: {valid}", line=_line_of(text, key))
    metrics: dict[str, tuple[str, ...]] = {}
    for name, phrases in _table(table, "metrics", path, text).items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ConfigError(path, f"metrics.{name} must be a list of phrases", line=_line_of(text, name))
        metrics[str(name)] = tuple(phrases)
    aliases: dict[str, str] = {}
    for alias, canonical in _table(table, "aliases", path, text).items():
        if not isinstance(canonical, str) or not canonical.strip():
            raise ConfigError(path, f"aliases.{alias} must be an entity name", line=_line_of(text, alias))
        aliases[str(alias)] = canonical
    return Config(path=path, metrics=metrics, aliases=aliases)


def _table(table: Mapping[str, Any], key: str, path: str, text: str) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(path, f"{key} must be a table ({KEYS[key]})", line=_line_of(text, key))
    return value


def _line_of(text: str, key: str) -> int | None:
    """The first line that mentions ``key``: TOML parsers do not keep positions."""
    for number, row in enumerate(text.splitlines(), 1):
        stripped = row.strip().lstrip("[").strip('"')
        if stripped.startswith(key) or f".{key}" in row or f'"{key}"' in row:
            return number
    return None
