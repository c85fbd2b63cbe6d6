"""The archive: facts extracted once into an embedded SQLite database, queried by entity.

``factcheck index PATHS --store archive.db`` extracts every article and stores its facts, skipping
files whose content hash is unchanged since the last run. ``factcheck check draft.md --against
archive.db`` extracts the draft, looks up the archive's facts about the same entities and metrics
through indexes (never a scan), and checks them together: only findings that touch the draft are
reported.

Facts are stored as rows of plain values (text for exact decimals, ISO dates), so the database
is readable by any SQLite client, and a fact read back compares exactly as it did when written.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck._version import __version__
from factcheck.errors import InputError
from factcheck.facts import Fact
from factcheck.model import Interval, Period, Qualifiers, Quantity
from factcheck.resolve import AliasTable, normalize

SCHEMA_VERSION = 1

#: Parts of the package whose changes cannot change a stored fact: they read facts, not text
#: (everything a fact's fields come from, sentence keys and contexts included, is hashed).
_NOT_EXTRACTION = {"link", "rules", "report", "output", "cli.py", "project.py", "pytest_plugin.py", "_views.py",
                   "testing.py"}


def extractor_fingerprint(metrics: Mapping[str, Sequence[str]] | None = None) -> str:
    """What stored facts depend on besides the files themselves: factcheck's version, its code and
    word lists, and the project's metric phrases. An archive indexed under another fingerprint is
    re-extracted in full by ``index`` and refused by ``check --against`` until then."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(json.dumps(sorted((k, list(v)) for k, v in (metrics or {}).items())).encode())
    return digest.hexdigest()[:16]


@functools.cache
def _code_digest() -> str:
    """The installed package's version, code and word lists: read once a process."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".tsv", ".toml", ".txt") and not _NOT_EXTRACTION & {rel.parts[0]}:
            digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    published TEXT
);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_key TEXT,          -- the entity's alias canonical or normalised name: what queries join on
    metric TEXT,
    period_start TEXT,
    period_end TEXT,
    row TEXT NOT NULL         -- the whole fact, as JSON of plain values
);
CREATE INDEX IF NOT EXISTS facts_by_entity ON facts (entity_key, metric);
CREATE INDEX IF NOT EXISTS facts_by_period ON facts (metric, period_start, period_end);
CREATE INDEX IF NOT EXISTS facts_by_document ON facts (document);
"""


class Store:
    """An open archive; use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str], *, aliases: AliasTable | None = None,
                 extractor: str | None = None) -> None:
        """Open (or create) the archive at ``path``. ``extractor`` is the current
        :func:`extractor_fingerprint`: when the archive's differs, :attr:`outdated` is true."""
        self.path = os.fspath(path)
        self.aliases = aliases or AliasTable.default()
        try:
            self.db = sqlite3.connect(self.path)
            # WAL and NORMAL sync: a crash loses at most the last batch, never the file
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            version = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise InputError(self.path, f"is not a factcheck archive: {exc}") from None
        if version is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            self.db.commit()
        elif version[0] != str(SCHEMA_VERSION):
            raise InputError(self.path, f"archive schema {version[0]} is not {SCHEMA_VERSION}: re-index it")
        self.extractor = extractor
        made_by = self.db.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
        empty = self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None
        #: the stored facts were extracted by another version of factcheck or other metric settings
        self.outdated = extractor is not None and not empty and (made_by is None or made_by[0] != extractor)

    def require_current(self) -> None:
        """Raise unless the stored facts are what this factcheck would extract now."""
        if self.outdated:
            raise InputError(self.path, "was indexed by another version of factcheck or with other metric "
                             "settings; re-index it (`factcheck index PATHS --store ...`)")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def entity_key(self, name: str | None) -> str | None:
        if not name:
            return None
        return normalize(self.aliases.canonical(name) or name)

    # --- writing ------------------------------------------------------------------------------

    def unchanged(self, path: str, digest: str) -> bool:
        """Whether ``path`` is stored with this content hash, by the current extractor."""
        if self.outdated:
            return False
        row = self.db.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return row is not None and row[0] == digest

    def put(self, path: str, digest: str, published: dt.date | None, facts: Sequence[Fact]) -> None:
        """Replace what the archive holds for ``path``; :meth:`commit` makes it durable."""
        with _savepoint(self.db):
            old = self.db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
            if old is not None:
                self.db.execute("DELETE FROM facts WHERE document = ?", old)
            self.db.execute("DELETE FROM documents WHERE path = ?", (path,))
            cur = self.db.execute("INSERT INTO documents (path, sha256, published) VALUES (?, ?, ?)",
                                  (path, digest, published.isoformat() if published else None))
            doc_id = cur.lastrowid
            self.db.executemany(
                "INSERT INTO facts (document, entity_key, metric, period_start, period_end, row) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(doc_id, self.entity_key(f.entity_name), f.q.metric,
                  f.q.period.start.isoformat() if f.q.period else None,
                  f.q.period.end.isoformat() if f.q.period else None,
                  json.dumps(to_row(f), ensure_ascii=False, separators=(",", ":"))) for f in facts],
            )

    def commit(self) -> None:
        self.db.commit()

    def mark_current(self) -> None:
        """Record that every stored fact is now the current extractor's (after a full index)."""
        if self.extractor is not None:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (self.extractor,))
            self.db.commit()
            self.outdated = False

    def forget_missing(self, keep: Iterable[str]) -> int:
        """Drop documents no longer among ``keep`` (files deleted since the last index)."""
        kept = set(keep)
        gone = [p for (p,) in self.db.execute("SELECT path FROM documents") if p not in kept]
        with self.db:
            self.db.executemany("DELETE FROM facts WHERE document = (SELECT id FROM documents WHERE path = ?)",
                                [(p,) for p in gone])
            self.db.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in gone])
        return len(gone)

    # --- reading ------------------------------------------------------------------------------

    def facts_about(self, entities: Iterable[str], metrics: Iterable[str] | None = None) -> Iterator[Fact]:
        """Facts about any of ``entities`` (names as written; aliases and normal forms apply)."""
        keys = sorted({k for k in (self.entity_key(e) for e in entities) if k})
        wanted = None if metrics is None else set(metrics)
        for key in keys:
            for (row,) in self.db.execute("SELECT row FROM facts WHERE entity_key = ? ORDER BY id", (key,)):
                fact = from_row(json.loads(row))
                if wanted is None or fact.q.metric in wanted:
                    yield fact

    def count(self) -> tuple[int, int]:
        docs = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        facts = self.db.execute("SELECT count(*) FROM facts").fetchone()[0]
        return docs, facts


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- rows -------------------------------------------------------------------------------------


def to_row(f: Fact) -> dict[str, Any]:
    """A fact as plain JSON values; :func:`from_row` gives it back, equal field for field."""
    q = f.q
    return {
        "doc": f.doc, "published": _d(f.published), "base": f.base, "earlier": f.earlier,
        "entity_name": f.entity_name, "sentence": list(f.sentence), "sentence_key": f.sentence_key,
        "line": f.line, "col": f.col, "excerpt": f.excerpt, "context": f.context,
        "q": {
            "start": q.start, "end": q.end, "text": q.text, "value": str(q.value), "unit": q.unit,
            "bound": q.bound, "kind": q.kind, "interval": _interval(q.interval), "low": _s(q.low),
            "high": _s(q.high), "literal": q.literal, "precision": _s(q.precision),
            "leads_to": list(q.leads_to) if q.leads_to else None, "converts": list(q.converts) if q.converts else None,
            "entity": q.entity, "metric": q.metric,
            "period": None if q.period is None else [q.period.start.isoformat(), q.period.end.isoformat(),
                                                     q.period.granularity, q.period.key, q.period.forward_looking],
            "qualifiers": [q.qualifiers.listing, q.qualifiers.basis, q.qualifiers.estimate, q.qualifiers.headline],
        },
    }


def from_row(row: dict[str, Any]) -> Fact:
    r = row["q"]
    period = None
    if r["period"]:
        start, end, granularity, key, forward = r["period"]
        period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), granularity, key, forward)
    listing, basis, estimate, headline = r["qualifiers"]
    q = Quantity(
        start=r["start"], end=r["end"], text=r["text"], value=Decimal(r["value"]), unit=r["unit"],
        bound=r["bound"], kind=r["kind"], interval=_from_interval(r["interval"]), low=_dec(r["low"]),
        high=_dec(r["high"]), literal=r["literal"], precision=_dec(r["precision"]),
        leads_to=tuple(r["leads_to"]) if r["leads_to"] else None,
        converts=tuple(r["converts"]) if r["converts"] else None,
        entity=r["entity"], metric=r["metric"], period=period,
        qualifiers=Qualifiers(listing, basis, estimate, headline),
    )
    return Fact(
        doc=row["doc"], quantity=q, published=_date(row["published"]), base=row["base"], earlier=row["earlier"],
        entity_name=row["entity_name"], sentence=tuple(row["sentence"]),
        sentence_key=row["sentence_key"], line=row["line"], col=row["col"], excerpt=row["excerpt"],
        context=row.get("context", ""),
    )


def _s(x: Decimal | None) -> str | None:
    return None if x is None else str(x)


def _dec(x: str | None) -> Decimal | None:
    return None if x is None else Decimal(x)


def _d(x: dt.date | None) -> str | None:
    return None if x is None else x.isoformat()


def _date(x: str | None) -> dt.date | None:
    return None if x is None else dt.date.fromisoformat(x)


def _interval(iv: Interval | None) -> list[Any] | None:
    return None if iv is None else [_s(iv.low), _s(iv.high), iv.low_closed, iv.high_closed]


def _from_interval(x: list[Any] | None) -> Interval | None:
    return None if x is None else Interval(_dec(x[0]), _dec(x[1]), x[2], x[3])


class _savepoint:
    """A document's rows go in whole or not at all, inside the batch's transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("SAVEPOINT document")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("ROLLBACK TO document" if kind else "RELEASE document")
