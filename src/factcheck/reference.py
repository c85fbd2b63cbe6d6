"""Reference facts: figures a newsroom trusts, given as a TOML file of ``[[fact]]`` tables.

```toml
[[fact]]
entity = "Alibaba Group Holding"
metric = "shares outstanding"
value = 2.4e9
unit = "share"
as_of = 2024-05-28
note = "ADS-equivalent"
```

``entity``, ``metric``, ``value`` and ``unit`` are required; ``as_of`` (a TOML date) and ``note``
are optional. Any mistake is a :class:`~factcheck.errors.ConfigError` naming the file and the line
of the offending table.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import attrs

from factcheck import tomlfile
from factcheck.errors import ConfigError

_REQUIRED = ("entity", "metric", "value", "unit")
_KNOWN = frozenset((*_REQUIRED, "as_of", "note"))


@attrs.frozen
class ReferenceFact:
    entity: str
    metric: str
    value: Decimal
    unit: str
    as_of: dt.date | None = None
    note: str | None = None
    source: str = ""  # "file:line"


def load_reference(path: str | os.PathLike[str]) -> list[ReferenceFact]:
    """Read and validate a reference file."""
    name = os.fspath(path)
    try:
        data_bytes = Path(name).read_bytes()
    except FileNotFoundError:
        raise ConfigError(name, "no such reference file") from None
    except IsADirectoryError:
        raise ConfigError(name, "is a directory, not a reference file") from None
    except OSError as exc:
        raise ConfigError(name, f"cannot read reference file: {exc.strerror or exc}") from None
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(name, f"is not valid UTF-8 (byte 0x{data_bytes[exc.start]:02x} at offset {exc.start})",
                          line=data_bytes.count(b"\n", 0, exc.start) + 1) from None
    try:
        data = tomlfile.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+)", str(exc))
        raise ConfigError(name, f"invalid TOML: {str(exc).split(' (at ')[0]}",
                          line=int(where.group(1)) if where else None) from None
    unknown = set(data) - {"fact"}
    if unknown:
        raise ConfigError(name, f"unknown table {_short(sorted(unknown)[0])}; a reference file holds [[fact]] tables",
                          line=_line_of(text, sorted(unknown)[0]))
    entries = data.get("fact", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(name, "'fact' must be an array of tables, written [[fact]]", line=_line_of(text, "fact"))
    lines = [i + 1 for i, row in enumerate(text.split("\n")) if _FACT_HEADER.match(row)]
    facts = []
    for k, entry in enumerate(entries):
        line = lines[k] if k < len(lines) else None
        missing = [key for key in _REQUIRED if key not in entry]
        if missing:
            raise ConfigError(name, f"[[fact]] is missing {', '.join(missing)}", line=line)
        extra = sorted(set(entry) - _KNOWN)
        if extra:
            raise ConfigError(name, f"[[fact]] has unknown key {_short(extra[0])}; known keys: "
                                    f"{', '.join(sorted(_KNOWN))}", line=line)
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ConfigError(name, f"value must be a number (finite), not {_short(value)}", line=line)
        as_of = entry.get("as_of")
        if as_of is not None and (not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime)):
            raise ConfigError(name, f"as_of must be a date (YYYY-MM-DD, unquoted), not {_short(as_of)}", line=line)
        for key in ("entity", "metric", "unit"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise ConfigError(name, f"{key} must be a non-empty string", line=line)
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise ConfigError(name, f"note must be a string, not {_short(note)}", line=line)
        facts.append(ReferenceFact(entry["entity"], entry["metric"], Decimal(repr(value)), entry["unit"],
                                   as_of, note, f"{name}:{line}"))
    return facts


_FACT_HEADER = re.compile(r"\s*\[\[\s*(?:fact|\"fact\"|'fact')\s*\]\]")


def _line_of(text: str, key: str) -> int | None:
    """The first line that names ``key`` as a table or a key: TOML parsers keep no positions."""
    pattern = re.compile(r"\s*(?:\[+\s*)?[\"']?" + re.escape(key) + r"[\"']?\s*(?:[=.\]])")
    return next((i + 1 for i, row in enumerate(text.split("\n")) if pattern.match(row)), None)


def _short(value: object) -> str:
    """``repr(value)`` on one line and at most 60 characters, for messages."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
