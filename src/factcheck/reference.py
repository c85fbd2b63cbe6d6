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
import os
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import attrs

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
        text = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(name, "no such reference file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(name, f"cannot read reference file: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+)", str(exc))
        raise ConfigError(name, f"invalid TOML: {str(exc).split(' (at ')[0]}",
                          line=int(where.group(1)) if where else None) from None
    unknown = set(data) - {"fact"}
    if unknown:
        raise ConfigError(name, f"unknown table {sorted(unknown)[0]!r}; a reference file holds [[fact]] tables")
    lines = [i + 1 for i, row in enumerate(text.splitlines()) if row.strip() == "[[fact]]"]
    facts = []
    for k, entry in enumerate(data.get("fact", [])):
        line = lines[k] if k < len(lines) else None
        missing = [key for key in _REQUIRED if key not in entry]
        if missing:
            raise ConfigError(name, f"[[fact]] is missing {', '.join(missing)}", line=line)
        extra = sorted(set(entry) - _KNOWN)
        if extra:
            raise ConfigError(name, f"[[fact]] has unknown key {extra[0]!r}; known keys: {', '.join(sorted(_KNOWN))}",
                              line=line)
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(name, f"value must be a number, not {value!r}", line=line)
        as_of = entry.get("as_of")
        if as_of is not None and not isinstance(as_of, dt.date):
            raise ConfigError(name, f"as_of must be a date (YYYY-MM-DD, unquoted), not {as_of!r}", line=line)
        for key in ("entity", "metric", "unit"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise ConfigError(name, f"{key} must be a non-empty string", line=line)
        facts.append(ReferenceFact(entry["entity"], entry["metric"], Decimal(repr(value)), entry["unit"],
                                   as_of if isinstance(as_of, dt.date) else None, entry.get("note"),
                                   f"{name}:{line}"))
    return facts
