"""The store file: migrations, pragmas, integrity."""
from __future__ import annotations

import sqlite3

import pytest

from cronica.errors import StoreError
from cronica.store.sqlite import connect, migrate, open_store


@pytest.mark.parametrize("opens", [1, 3])
def test_sqlite_migrations_apply_once(tmp_path, opens):
    for _ in range(opens):
        open_store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    versions = conn.execute("SELECT version, name FROM schema_version").fetchall()
    assert versions == [(1, "0001_initial.sql"), (2, "0002_language_links.sql")]


@pytest.mark.parametrize("pragma,expected", [("journal_mode", "wal"), ("foreign_keys", 1)])
def test_sqlite_connection_pragmas(tmp_path, pragma, expected):
    with open_store(tmp_path / "c.db") as store:
        assert store.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == expected


@pytest.mark.parametrize("table", ["documents", "documents_fts", "entities", "events", "event_entities",
                                   "quantities", "times", "flags", "duplicates", "stories"])
def test_sqlite_initial_schema_has_table(tmp_path, table):
    with open_store(tmp_path / "c.db") as store:
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


@pytest.mark.parametrize("future", [99])
def test_sqlite_newer_schema_is_refused(tmp_path, future):
    open_store(tmp_path / "c.db").close()
    raw = sqlite3.connect(tmp_path / "c.db")
    raw.execute("INSERT INTO schema_version VALUES (?, 'future.sql', 'now')", (future,))
    raw.commit()
    with pytest.raises(StoreError, match="E402"):
        migrate(connect(tmp_path / "c.db"))


@pytest.mark.parametrize("n_records", [4])
def test_sqlite_store_passes_integrity_check(chronicle_db, n_records):
    conn = connect(chronicle_db, readonly=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n_records


@pytest.mark.parametrize("name", ["con espacios #1?.db"])
def test_sqlite_readonly_path_with_odd_characters(tmp_path, name):
    open_store(tmp_path / name).close()
    assert connect(tmp_path / name, readonly=True).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
