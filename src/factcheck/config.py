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

```toml
[tool.factcheck]
paths = ["articles"]              # what `factcheck check` reads when no path is given
exclude = ["drafts", "README.md"] # never read (glob patterns, relative to this file)
respect-gitignore = false         # also read what git ignores in directories walked (default: true)
select = ["FC2", "FC3"]           # rules by code or prefix (default: all)
ignore = ["FC305"]
fail-on = "error"                 # exit 1 for errors only (default: warning)
baseline = "factcheck-baseline.json"
reference = "reference.toml"
rates = "eurofxref-hist.csv"      # newer exchange rates than the bundled ones (ECB CSV or zip)

[tool.factcheck.per-file-ignores]
"archive/*" = ["FC201"]
```

Command-line options override these; paths in the file are relative to the file's directory.
Glob patterns use ``fnmatch`` (``*`` matches across ``/``); a pattern without ``/`` matches any
path component (``drafts`` excludes every ``drafts`` directory).
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

import attrs

from factcheck import tomlfile
from factcheck.errors import ConfigError
from factcheck.fx import EcbFxTable, FxTable, default_table

#: Every key the configuration may hold, with what it takes.
KEYS: dict[str, str] = {
    "metrics": "a table of metric name -> list of phrases",
    "aliases": "a table of alias -> canonical entity name",
    "paths": "a list of files or directories to check when none is given",
    "exclude": "a list of glob patterns of files never to read",
    "respect-gitignore": "true (default) or false: whether files git ignores are left out when a directory is walked",
    "select": "a list of rule codes or prefixes to run (default: all)",
    "ignore": "a list of rule codes or prefixes not to run",
    "per-file-ignores": "a table of glob pattern -> list of rule codes or prefixes",
    "fail-on": 'the least severity that makes the exit status 1: "error", "warning" or "never"',
    "baseline": "the baseline file of accepted findings",
    "reference": "a TOML file of [[fact]] tables the newsroom trusts",
    "rates": "exchange rates to use instead of the bundled ECB ones: the ECB's eurofxref-hist.csv (or .zip)",
}
#: What each ``fail-on`` value counts as failing: the severities that make the exit status 1.
FAIL_LEVELS: dict[str, tuple[str, ...]] = {"error": ("error",), "warning": ("error", "warning"), "never": ()}
FAIL_ON = tuple(FAIL_LEVELS)


@attrs.frozen
class Config:
    """Validated settings; the defaults are what runs without any file."""

    path: str | None = None
    metrics: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    aliases: Mapping[str, str] = attrs.field(factory=dict)
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    fail_on: str = "warning"
    baseline: str | None = None
    reference: str | None = None
    #: the exchange-rate file, relative to the configuration (``None``: the bundled ECB rates)
    rates: str | None = None
    #: leave out the files git ignores (``.gitignore``, ``.git/info/exclude``, the global excludes)
    #: when a directory is walked; a file named on the command line is always read
    respect_gitignore: bool = True

    @property
    def root(self) -> Path:
        """The directory paths and patterns in the file are relative to (the cwd without a file)."""
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def resolve(self, path: str) -> Path:
        """A path written in the file, made absolute."""
        return self.root / path

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        """True when an ``exclude`` pattern matches ``path``."""
        if not self.exclude:
            return False  # the common case, and the path need not be resolved for it
        rel = self._relative(path)
        return any(matches(rel, pattern) for pattern in self.exclude)

    def file_ignores(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """The rule codes ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores:
            return ()
        rel = self._relative(path)
        return tuple(code for pattern, codes in self.per_file_ignores.items() if matches(rel, pattern)
                     for code in codes)

    def _relative(self, path: str | os.PathLike[str]) -> str:
        full = Path(os.path.abspath(path))
        try:
            return full.relative_to(self.root).as_posix()
        except ValueError:  # outside the project: only patterns without "/" can match it
            return full.as_posix()

    def vocabulary(self) -> Any:
        """The metric vocabulary, with this project's phrases added."""
        from factcheck.attribute.metrics import MetricVocabulary

        vocab = MetricVocabulary.default()
        return vocab.extend({k: list(v) for k, v in self.metrics.items()}) if self.metrics else vocab

    def fx_table(self) -> FxTable:
        """The exchange rates of this project: its ``rates`` file, read and checked in full (a
        malformed file is a :class:`ConfigError` naming it), or else the bundled ECB rates."""
        if self.rates is None:
            return default_table()
        path = self.resolve(self.rates)
        shown = os.path.relpath(path)  # messages name the file as the user would
        shown = str(path) if shown == ".." or shown.startswith(".." + os.sep) else shown
        try:
            st = path.stat()
        except OSError as exc:
            raise ConfigError(shown, f"cannot read exchange-rate file: {exc.strerror or exc}") from None
        return _rates_table(str(path), shown, st.st_mtime_ns, st.st_size)

    def alias_table(self) -> Any:
        """The alias table, with this project's aliases added."""
        from factcheck.resolve import AliasTable

        table = AliasTable.default()
        return table.extend(dict(self.aliases)) if self.aliases else table


@functools.lru_cache(maxsize=4)
def _rates_table(path: str, shown: str, mtime_ns: int, size: int) -> FxTable:
    """A rates file, read once per version of it (the command, the pytest plugin and a notebook
    ask for it more than once; a file changed on disk is read again)."""
    table = EcbFxTable(shown)
    table.validate()
    return table


def matches(rel: str, pattern: str) -> bool:
    """Whether the ``/``-separated relative path ``rel`` matches the glob ``pattern``.

    A pattern without ``/`` matches any component (a directory or the file name); one with ``/``
    matches the whole path, or a directory the path is in.

    >>> matches("news/drafts/a.md", "drafts"), matches("news/a.md", "news/*.md"), matches("news/a.md", "news")
    (True, True, True)
    """
    pattern = pattern.strip().strip("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in PurePath(rel).parts)
    return fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern + "/*")


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]``, walking up."""
    try:
        here = Path(start or os.getcwd()).resolve()
    except (OSError, RuntimeError):  # a symlink loop: start from where the path is written
        here = Path(os.path.abspath(start or os.getcwd()))
    if here.is_file() or not here.exists():
        here = here.parent
    for directory in (here, *here.parents):
        own = directory / "factcheck.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        tool = _read(project).get("tool", {}) if project.is_file() else {}
        if isinstance(tool, dict) and "factcheck" in tool:
            return project
    return None


def load_config(path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate a configuration file (``path``, or the one :func:`find_config` finds)."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    data = _read(found)
    tool = data.get("tool", {})
    if found.name == "pyproject.toml" and not isinstance(tool, dict):
        raise ConfigError(str(found), "'tool' must be a table")
    table = tool.get("factcheck", {}) if found.name == "pyproject.toml" else data
    return _validate(table, str(found))


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "is not valid UTF-8") from None
    try:
        return tomlfile.loads(text)
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
            near = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise ConfigError(path, f"unknown key {key!r}{hint}; valid keys are: {valid}", line=_line_of(text, key))
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
    paths = _strings(table, "paths", path, text)
    exclude = _strings(table, "exclude", path, text)
    select = _codes(table, "select", path, text)
    ignore = _codes(table, "ignore", path, text)
    per_file: dict[str, tuple[str, ...]] = {}
    for pattern, codes in _table(table, "per-file-ignores", path, text).items():
        per_file[str(pattern)] = _codes({pattern: codes}, pattern, path, text, label=f"per-file-ignores.{pattern}")
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(path, f"fail-on must be one of: {', '.join(FAIL_ON)}", line=_line_of(text, "fail-on"))
    respect_gitignore = table.get("respect-gitignore", True)
    if not isinstance(respect_gitignore, bool):
        raise ConfigError(path, f"respect-gitignore must be true or false ({KEYS['respect-gitignore']})",
                          line=_line_of(text, "respect-gitignore"))
    files = {}
    for key in ("baseline", "reference", "rates"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(path, f"{key} must be a file name ({KEYS[key]})", line=_line_of(text, key))
        files[key] = value
    return Config(path=path, metrics=metrics, aliases=aliases, paths=paths, exclude=exclude, select=select,
                  ignore=ignore, per_file_ignores=per_file, fail_on=fail_on, respect_gitignore=respect_gitignore,
                  **files)


def _strings(table: Mapping[str, Any], key: str, path: str, text: str, label: str | None = None) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, f"{label or key} must be a list of strings ({KEYS.get(key, 'rule codes')})",
                          line=_line_of(text, key))
    return tuple(v.strip() for v in value)


def _codes(table: Mapping[str, Any], key: str, path: str, text: str, label: str | None = None) -> tuple[str, ...]:
    """A list of rule codes or prefixes, each of which must name at least one rule."""
    from factcheck.rules import unknown_codes

    codes = tuple(c.upper() for c in _strings(table, key, path, text, label))
    bad = unknown_codes(codes)
    if bad:
        raise ConfigError(path, f"{label or key}: {bad[0]!r} is the code or prefix of no rule "
                                "(`factcheck rule` lists them)", line=_line_of(text, key))
    return codes


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
