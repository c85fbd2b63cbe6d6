"""Reading articles: UTF-8 Markdown or text files with optional YAML front matter.

Front matter is a block between ``---`` lines at the very top. Its keys ``published``
(YYYY-MM-DD), ``title``, ``url`` and ``source`` are understood; any other key is kept in
``Document.meta``. Offsets are into the whole decoded file, front matter included, so that
``text[start:end]`` is always what the writer wrote.

Everything that can go wrong with a file raises :class:`~factcheck.errors.InputError` naming the
file (and the line, where there is one); nothing here ever writes.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import InputError
from factcheck.model import Document

#: File endings read when a directory is walked.
ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})

# libyaml's loader when PyYAML was built with it (the wheels are): ten times faster, same results
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FRONT_MATTER = re.compile(
    r"""\A(?:\ufeff)?---[ \t]*\r?\n   # opening fence on the first line (a BOM may precede it)
        (?P<body>.*?)                 # the YAML, shortest run
        ^---[ \t]*(?:\r?\n|\Z)        # closing fence alone on its line
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)


def parse_document(text: str, path: str = "<text>") -> Document:
    """Split front matter from a decoded text and build a :class:`Document`."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.lstrip("\ufeff").startswith("---\n") and "\n---" not in text[4:]:
            raise InputError(path, "front matter opened with '---' but never closed", line=1)
        return Document(path=path, text=text, body_start=0, meta={}, published=None)
    body = match.group("body")
    deep = _too_deep(body)
    if deep is not None:
        raise InputError(path, f"malformed front matter: nested more than {MAX_DEPTH} levels deep",
                         line=_line_at(text, match.start("body") + deep))
    try:
        meta = _load_yaml(body) or {}
    except (ValueError, RecursionError) as exc:  # yaml builds dates itself: "published: 2024-13-45" fails here
        line = _line_of_key(text, "published") or 2
        raise InputError(path, f"malformed front matter: {_one_line(str(exc))}", line=line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = _line_at(text, match.start("body") + mark.index) if mark is not None else 1
        problem = getattr(exc, "problem", None) or "is not valid YAML"
        raise InputError(path, f"malformed front matter: {_one_line(problem)}", line=line) from None
    if not isinstance(meta, dict):
        raise InputError(path, "malformed front matter: expected 'key: value' lines", line=2)
    if _expands_beyond(meta, MAX_NODES):
        raise InputError(path, f"malformed front matter: more than {MAX_NODES} values once its aliases are "
                               "expanded", line=2)
    meta = {str(k): v for k, v in meta.items()}
    published = _published(meta.get("published"), path, text)
    return Document(path=path, text=text, body_start=match.end(), meta=meta, published=published)


def _published(value: Any, path: str, text: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        shown = _one_line(repr(value))
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise InputError(path, f"front matter 'published' is {shown}, expected YYYY-MM-DD",
                         line=_line_of_key(text, "published")) from None


#: Front matter is a few "key: value" lines. YAML nested deeper than this is refused before it is
#: parsed: libyaml recurses in C and takes the whole process down at some tens of thousands of
#: levels, and the pure-Python parser raises RecursionError long before that.
MAX_DEPTH = 100
#: And once its aliases are expanded ("a: &a [1, 1]", "b: [*a, *a]", ...) it holds no more than this
#: many values, so that nothing that later prints or walks it can be made to take exponential time.
MAX_NODES = 10_000
_BRACKET = re.compile(r"[\[\]{}]")
_INDENT = re.compile(rf"^[ \t]{{{2 * MAX_DEPTH},}}\S", re.MULTILINE)


def _load_yaml(body: str) -> Any:
    """``body`` parsed as YAML with the cyclic garbage collector paused: the parse makes many
    objects and no cycles, and collections triggered by the allocations would make the time for
    a long front matter grow faster than its length."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return yaml.load(body, Loader=_LOADER)
    finally:
        if enabled:
            gc.enable()


def _too_deep(body: str) -> int | None:
    """Where in ``body`` flow brackets or indentation nest past :data:`MAX_DEPTH`, else None.

    Brackets are counted even inside quotes: a front matter that has a hundred of them open is
    refused either way."""
    depth = 0
    for m in _BRACKET.finditer(body):
        depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
        if depth > MAX_DEPTH:
            return m.start()
    indented = _INDENT.search(body)
    return indented.start() if indented else None


def _expands_beyond(value: Any, limit: int) -> bool:
    """Whether ``value`` holds more than ``limit`` values, counting shared ones each time they occur."""
    stack, count = [value], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return False


def _line_at(text: str, offset: int) -> int:
    """The line of ``offset``, counting line feeds (as editors and ``grep -n`` do)."""
    return text.count("\n", 0, min(max(offset, 0), len(text))) + 1


def _line_of_key(text: str, key: str) -> int | None:
    """The first line that starts with ``key``, counting line feeds."""
    for number, row in enumerate(text.split("\n"), 1):
        if row.startswith(key):
            return number
    return None


def _one_line(message: str) -> str:
    return " ".join(message.split())


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read one file as a :class:`Document`; every failure is an :class:`InputError`."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode_document(data, name)


def decode_document(data: bytes, name: str) -> Document:
    """The bytes of an article (a file's, or standard input's) as a :class:`Document` named
    ``name``; a binary or non-UTF-8 text is an :class:`InputError`."""
    if b"\x00" in data[:8192]:
        raise InputError(name, "looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem = f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise InputError(name, problem, line=line) from None
    return parse_document(text, name)


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Expand the paths given by a user: files as they are, directories walked in sorted order."""
    for raw in paths:
        name = os.fspath(raw)
        if os.path.isdir(name):
            found = False
            for root, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if Path(f).suffix.lower() in ARTICLE_SUFFIXES and not f.startswith("."):
                        found = True
                        yield os.path.join(root, f)
            if not found:
                raise InputError(name, "directory holds no .md or .txt articles")
        elif os.path.exists(name):
            yield name
        else:
            raise InputError(name, "no such file or directory")


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> list[Document]:
    """Read every article under ``paths``; the first bad file raises before anything is returned."""
    return [read_document(p) for p in iter_paths(paths)]
