"""The embedded store: one SQLite file in WAL mode, versioned migrations, retried writes.

Readers never block the writer (WAL); concurrent writers queue on `BEGIN IMMEDIATE`
with a busy timeout, and a write still refused after that is retried whole, so a
busy store is never surfaced as "database is locked".
"""
from __future__ import annotations

import logging
import random
import sqlite3
import time
from importlib import resources
from pathlib import Path
from typing import Callable

from ..errors import StoreError

log = logging.getLogger("cronica.store")

BUSY_TIMEOUT_MS = 10_000
WRITE_RETRY_S = 120.0


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection with cronica's pragmas (WAL, busy timeout, foreign keys).

    Args:
        path: the database file.
        readonly: open read-only (the web server's connections).
    Returns:
        sqlite3.Connection in autocommit mode; transactions are explicit.
    """
    try:
        if readonly:
            conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL"), path)
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as e:
        raise StoreError("E401", path=path, reason=str(e)) from e
    conn.row_factory = sqlite3.Row
    return conn


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _retry(action: Callable, path, *, budget_s: float = WRITE_RETRY_S):
    deadline = time.monotonic() + budget_s
    while True:
        try:
            return action()
        except sqlite3.OperationalError as e:
            if not _is_busy(e):
                raise StoreError("E401", path=path, reason=str(e)) from e
            if time.monotonic() > deadline:
                raise StoreError("E403", path=path, seconds=int(budget_s)) from e
            time.sleep(random.uniform(0.01, 0.1))


def write(conn: sqlite3.Connection, action: Callable[[sqlite3.Connection], object], *, path="store"):
    """Run `action(conn)` in one write transaction, retried whole while the store is busy.

    Args:
        conn: a connection from `connect`.
        action: the writes; it must not commit.
        path: the store's path, for error messages.
    Returns:
        what `action` returns.
    """
    def attempt():
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = action(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result
    return _retry(attempt, path)


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("cronica.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql") and entry.name[:4].isdigit():
            found.append((int(entry.name[:4]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(script: str):
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def migrate(conn: sqlite3.Connection, *, path="store") -> int:
    """Apply every migration newer than the store's `schema_version`, each in one transaction.

    Args:
        conn: a writable connection.
        path: the store's path, for error messages.
    Returns:
        the schema version after migrating.
    """
    migrations = _migrations()
    known = migrations[-1][0] if migrations else 0

    def apply(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                     " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
        if current > known:
            raise StoreError("E402", path=path, found=current, known=known)
        for version, name, script in migrations:
            if version > current:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version VALUES (?, ?, datetime('now'))", (version, name))
        return max(current, known)
    return write(conn, apply, path=path)


class Store:
    """An open store: a writable connection plus the write and query entry points."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = connect(path)
        self.version = migrate(self.conn, path=self.path)

    def add_record(self, record: dict) -> str:
        """Store one contract record in one transaction; return what happened.

        Args:
            record: a `cronica.document/1` dict.
        Returns:
            'added', 'replaced', 'unchanged' or 'duplicate'.
        """
        from .records import write_record
        from .xlang import link_record, neighbours

        def store_and_link(conn):  # the same story in other languages is linked in the same transaction
            doc_id = record.get("id") if isinstance(record, dict) else None
            before = neighbours(conn, [doc_id]) if isinstance(doc_id, str) else set()
            status = write_record(conn, record)
            if status in ("added", "replaced"):
                link_record(conn, record, before=before)
            return status
        return write(self.conn, store_and_link, path=self.path)

    def get_record(self, doc_id: str) -> dict | None:
        """The stored record of document `doc_id`, or None."""
        from .records import read_record
        return read_record(self.conn, doc_id)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_store(path: str | Path = "cronica.db") -> Store:
    """Open (creating and migrating if needed) the store at `path`.

    Args:
        path: the SQLite file.
    Returns:
        Store.
    """
    return Store(path)
